using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PlanBot.BotFramework.Files;

namespace PlanBot.BotFramework.Tests.Files;

/// <summary>The upload of an accepted file against a local stand-in for OneDrive's upload sessions, over real HTTP.</summary>
public sealed class FileUploadClientTests : IAsyncLifetime
{
    private FakeOneDrive _oneDrive = null!;

    public async Task InitializeAsync() => _oneDrive = await FakeOneDrive.StartAsync();

    public async Task DisposeAsync() => await _oneDrive.DisposeAsync();

    [Fact]
    public async Task A_file_larger_than_a_chunk_is_sent_in_order_in_multiples_of_320_KiB_and_arrives_whole()
    {
        using var services = Services();
        var session = _oneDrive.CreateSession("pack.xlsx");
        var file = RandomNumberGenerator.GetBytes(2 * 2 * FakeOneDrive.ChunkUnit + 1234); // two full chunks of 640 KiB and a tail

        var result = await Client(services).UploadAsync(new Uri(session.UploadInfo.UploadUrl), file, CancellationToken.None);

        Assert.True(result.Succeeded, result.Problem);
        Assert.Equal(session.UploadInfo.UniqueId, result.DriveItemId);
        Assert.Equal(file, session.Received);
        var total = file.Length;
        Assert.Equal(
            [$"bytes 0-655359/{total}", $"bytes 655360-1310719/{total}", $"bytes 1310720-{total - 1}/{total}"],
            session.Requests.Select(r => r.ContentRange));
        Assert.All(session.Requests, r => Assert.Null(r.Authorization));
        Assert.All(session.Requests, r => Assert.Equal(r.BodyLength, r.ContentLength));
    }

    [Fact]
    public async Task A_small_file_goes_in_one_request()
    {
        using var services = Services();
        var session = _oneDrive.CreateSession("small.xlsx");
        var file = RandomNumberGenerator.GetBytes(5000);

        var result = await Client(services).UploadAsync(new Uri(session.UploadInfo.UploadUrl), file, CancellationToken.None);

        Assert.Equal((true, 1), (result.Succeeded, result.Requests));
        Assert.Equal("bytes 0-4999/5000", Assert.Single(session.Requests).ContentRange);
    }

    [Fact]
    public async Task A_range_answered_503_is_sent_again_and_the_upload_completes()
    {
        using var services = Services();
        var session = _oneDrive.CreateSession("pack.xlsx");
        var file = RandomNumberGenerator.GetBytes(3 * 2 * FakeOneDrive.ChunkUnit);
        _oneDrive.Script = (call, _) => call == 2 ? new ScriptedUpload(503) : null;

        var result = await Client(services).UploadAsync(new Uri(session.UploadInfo.UploadUrl), file, CancellationToken.None);

        Assert.True(result.Succeeded, result.Problem);
        Assert.Equal(file, session.Received);
        Assert.Equal(4, result.Requests);
    }

    [Fact]
    public async Task A_range_stored_whose_answer_was_lost_is_resumed_from_the_sessions_status_after_416()
    {
        using var services = Services();
        var session = _oneDrive.CreateSession("pack.xlsx");
        var file = RandomNumberGenerator.GetBytes(3 * 2 * FakeOneDrive.ChunkUnit + 10);
        _oneDrive.Script = (call, _) => call == 1 ? new ScriptedUpload(500, KeepBytes: true) : null;

        var result = await Client(services).UploadAsync(new Uri(session.UploadInfo.UploadUrl), file, CancellationToken.None);

        Assert.True(result.Succeeded, result.Problem);
        Assert.Equal(file, session.Received);
        Assert.Equal(["PUT", "PUT", "GET", "PUT", "PUT", "PUT"], session.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task An_endpoint_failing_every_time_gives_up_after_the_configured_tries_with_the_status_in_words()
    {
        using var services = Services();
        var session = _oneDrive.CreateSession("pack.xlsx");
        _oneDrive.Script = (_, _) => new ScriptedUpload(500);

        var result = await Client(services).UploadAsync(new Uri(session.UploadInfo.UploadUrl), RandomNumberGenerator.GetBytes(1000), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("OneDrive answered 500 (Internal Server Error)", result.Problem);
        Assert.Equal(3, session.Requests.Count);
    }

    [Fact]
    public async Task An_expired_session_is_reported_and_not_retried()
    {
        using var services = Services();
        var url = new Uri(_oneDrive.BaseAddress, "up/no-such-session");

        var result = await Client(services).UploadAsync(url, RandomNumberGenerator.GetBytes(1000), CancellationToken.None);

        Assert.Equal((false, 1), (result.Succeeded, result.Requests));
        Assert.Contains("expired", result.Problem);
    }

    [Fact]
    public async Task Nothing_is_sent_where_nobody_listens_and_the_failure_is_reported()
    {
        using var services = Services();
        var port = _oneDrive.BaseAddress.Port;
        await _oneDrive.DisposeAsync();
        _oneDrive = await FakeOneDrive.StartAsync();

        var result = await Client(services).UploadAsync(new Uri($"http://127.0.0.1:{port}/up/gone"), RandomNumberGenerator.GetBytes(10), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("OneDrive could not be reached", result.Problem);
    }

    [Theory]
    [InlineData("https://contoso-my.sharepoint.com/personal/sue/_api/v2.0/drive/items/1/uploadSession?guid=x", true)]
    [InlineData("https://sharepoint.com/up/1", true)]
    [InlineData("http://127.0.0.1:5000/up/1", true)]
    [InlineData("http://localhost:5000/up/1", false)]
    [InlineData("https://contoso-my.sharepoint.com.evil.example/up/1", false)]
    [InlineData("https://evilsharepoint.com/up/1", false)]
    [InlineData("https://attacker.example/up/1", false)]
    [InlineData("http://contoso-my.sharepoint.com/up/1", false)]
    [InlineData("ftp://contoso-my.sharepoint.com/up/1", false)]
    [InlineData("https://user:secret@contoso-my.sharepoint.com/up/1", false)]
    [InlineData("/up/1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void The_upload_url_must_be_https_on_a_listed_domain_or_http_to_a_listed_loopback_host(string? url, bool usable)
    {
        var checkedUrl = FileUploadClient.CheckUploadUrl(url, ["sharepoint.com", "127.0.0.1"], out var problem);

        Assert.Equal(usable, checkedUrl is not null);
        Assert.Equal(usable, problem is null);
    }

    [Theory]
    [InlineData(null, "https://contoso-my.sharepoint.com/up/1", "https://contoso-my.sharepoint.us/up/1")]
    [InlineData("https://api.botframework.us", "https://contoso-my.sharepoint.us/up/1", "https://contoso-my.sharepoint.com/up/1")]
    [InlineData("https://api.botframework.azure.cn", "https://contoso-my.sharepoint.cn/up/1", "https://contoso-my.sharepoint.com/up/1")]
    public void Without_a_list_only_the_SharePoint_domain_of_the_configured_cloud_is_allowed_and_never_plain_http_to_loopback(
        string? tokenIssuer, string allowed, string refused)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ToBotFromChannelTokenIssuer"] = tokenIssuer }).Build();
        using var services = new ServiceCollection().AddLogging().AddBotFileUploads(configuration).BuildServiceProvider();
        var client = Client(services);

        Assert.NotNull(client.CheckUploadUrl(allowed, out _));
        Assert.Null(client.CheckUploadUrl(refused, out var problem));
        Assert.Equal("the upload address Teams gave is not on OneDrive or SharePoint", problem);
        Assert.Null(client.CheckUploadUrl("http://127.0.0.1:5000/up/1", out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData(FakeOneDrive.ChunkUnit + 1)]
    [InlineData(200 * FakeOneDrive.ChunkUnit)]
    public void A_chunk_size_that_is_not_a_multiple_of_320_KiB_below_60_MiB_is_refused_at_start(int chunkSize)
    {
        using var services = Services(chunkSize);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<FileUploadOptions>>().Value);

        Assert.Contains("ChunkSize", error.Message);
    }

    private static ServiceProvider Services(int chunkSize = 2 * FakeOneDrive.ChunkUnit)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PlanBot:Bot:FileUploads:ChunkSize"] = chunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PlanBot:Bot:FileUploads:BaseDelay"] = "00:00:00.010",
            ["PlanBot:Bot:FileUploads:MaxAttempts"] = "3",
            ["PlanBot:Bot:FileUploads:AllowedHosts:0"] = "127.0.0.1", // the fake OneDrive
        }).Build();
        return new ServiceCollection().AddLogging().AddBotFileUploads(configuration).BuildServiceProvider();
    }

    private static FileUploadClient Client(ServiceProvider services) => services.GetRequiredService<FileUploadClient>();
}
