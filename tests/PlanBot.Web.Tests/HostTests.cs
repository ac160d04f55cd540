using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.Core.Plans;
using PlanBot.Testing;

namespace PlanBot.Web.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class HostTests(AzuriteFixture azurite)
{
    private WebApplicationFactory<Program> Host(string connectionString, string? sampleFile = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Tables", connectionString);
            web.UseSetting("PlanBot:Storage:TablePrefix", TestTablePrefix.New());
            web.UseSetting("PlanBot:Today", "2020-01-20");
            web.UseSetting("PlanBot:SamplePlan:File", sampleFile ?? "");
        });

    [Fact]
    public async Task Healthz_reports_storage_reachable_and_the_pinned_date()
    {
        await using var host = Host(azurite.ConnectionString);
        var response = await host.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        Assert.True(body.RootElement.GetProperty("storage").GetProperty("reachable").GetBoolean());
        Assert.Equal("2020-01-20", body.RootElement.GetProperty("today").GetString());
    }

    [Fact]
    public async Task Healthz_is_503_when_storage_cannot_be_reached_and_leaks_no_key()
    {
        var unreachable = $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};TableEndpoint=http://127.0.0.1:9/{AzuriteFixture.AccountName};";
        await using var host = Host(unreachable);
        var response = await host.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"reachable\":false", text);
        Assert.DoesNotContain(AzuriteFixture.AccountKey, text);
    }

    [Fact]
    public async Task The_sample_plan_is_imported_into_an_empty_store_on_start()
    {
        await using var host = Host(azurite.ConnectionString, "samples/odkm-2019-20.txt");
        _ = host.CreateClient(); // starts the host and its seeder
        var store = host.Services.GetRequiredService<IPlanStore>();
        StoredPlan? plan = null;
        for (var i = 0; i < 100 && plan is null; i++)
        {
            plan = await store.GetPlanAsync("odkm");
            if (plan is null) await Task.Delay(100);
        }
        Assert.NotNull(plan);
        Assert.Equal(55, plan.Plan.Milestones.Count);
        Assert.Equal("sample-seeder", plan.Summary.ImportedBy);
    }
}
