using Microsoft.Extensions.Configuration;
using PlanBot.Core.People;
using PlanBot.People.Graph;
using PlanBot.Testing.Graph;

namespace PlanBot.Web.Tests.People;

/// <summary>Installing PlanBot for a user: the real GraphServiceClient against a fake Graph on loopback.</summary>
public sealed class GraphTeamsAppInstallerTests : IAsyncLifetime
{
    private static readonly FakeGraphUser Sue = new("11111111-1111-1111-1111-111111111111", "Sue Graham", "sue.graham@nhs.net", "sue.graham@nhs.net");

    private FakeGraph _graph = null!;

    public async Task InitializeAsync() => _graph = await FakeGraph.StartAsync(Sue);

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    private GraphTeamsAppInstaller Installer(string catalogId = "catalog-app-1") =>
        new(new GraphDirectoryOptions { BaseUrl = _graph.BaseUrl, AccessToken = FakeGraph.DefaultToken, TeamsAppCatalogId = catalogId }, null);

    [Fact]
    public async Task Installing_posts_the_catalog_app_binding_for_the_user_and_a_second_install_counts_as_already_installed()
    {
        using var installer = Installer();

        var first = await installer.InstallForUserAsync(Sue.Id);
        var second = await installer.InstallForUserAsync(Sue.Id);

        Assert.Equal(AppInstallOutcome.Installed, first.Outcome);
        Assert.Equal(AppInstallOutcome.AlreadyInstalled, second.Outcome);
        Assert.True(second.Succeeded);
        Assert.Equal("catalog-app-1", _graph.InstalledFor[Sue.Id]);
        Assert.All(_graph.Requests, r => Assert.Equal(("POST", $"/v1.0/users/{Sue.Id}/teamwork/installedApps", "Bearer " + FakeGraph.DefaultToken), (r.Method, r.Path, r.Authorization)));
    }

    [Fact]
    public async Task A_refusal_says_which_permission_is_missing_and_an_unknown_user_says_so()
    {
        using var installer = Installer();

        var unknown = await installer.InstallForUserAsync("22222222-2222-2222-2222-222222222222");
        _graph.RefuseWith(403, "Forbidden", "Missing role permissions on the request.");
        var refused = await installer.InstallForUserAsync(Sue.Id);

        Assert.Equal(AppInstallOutcome.Failed, unknown.Outcome);
        Assert.Contains("does not know this user or the app catalog id (404)", unknown.Problem);
        Assert.Equal(AppInstallOutcome.Failed, refused.Outcome);
        Assert.Contains("TeamsAppInstallation.ReadWriteSelfForUser.All", refused.Problem);
        Assert.Empty(_graph.InstalledFor);
    }

    [Fact]
    public void Without_a_catalog_id_or_in_local_mode_nothing_is_installed_and_the_reason_is_given()
    {
        var noCatalog = PeopleServices.Installer(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PlanBot:Graph:BaseUrl"] = _graph.BaseUrl,
            ["PlanBot:Graph:AccessToken"] = FakeGraph.DefaultToken,
        }).Build());
        var localMode = PeopleServices.Installer(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PlanBot:Graph:TeamsAppCatalogId"] = "catalog-app-1",
        }).Build());

        Assert.False(noCatalog.IsAvailable);
        Assert.Contains("TeamsAppCatalogId is not set", noCatalog.Description);
        Assert.False(localMode.IsAvailable);
        Assert.Contains("local mode", localMode.Description);
    }
}
