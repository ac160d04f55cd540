using System.Net;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Core.Snapshots;
using PlanBot.Testing;
using PlanBot.Testing.Bot;
using PlanBot.Testing.Digests;
using PlanBot.Trackers.Exporting;
using PlanBot.Trackers.Importing;
using PlanBot.Web.BoardPacks;

namespace PlanBot.Web.Tests;

/// <summary>
/// "board pack" over /api/messages as Teams sends it: channel tokens signed with a key the test publishes, replies
/// posted to a local fake connector, the file consent card answered with a fileConsent/invoke, and the workbook
/// uploaded to a local stand-in for the OneDrive upload session Teams opens. Plans and people live in Azurite.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class BoardPackChatTests(AzuriteFixture azurite, LocalOpenIdServer openId) : IClassFixture<LocalOpenIdServer>, IAsyncLifetime
{
    private const string OutboundToken = "outbound-token-for-the-fake-connector";
    private const string AdminId = "11111111-1111-1111-1111-111111111111";
    private const string OwnerId = "22222222-2222-2222-2222-222222222222";
    private const string OtherAdminId = "44444444-4444-4444-4444-444444444444";
    private const string ConsentContentType = "application/vnd.microsoft.teams.card.file.consent";
    private const string FileInfoContentType = "application/vnd.microsoft.teams.card.file.info";
    private static readonly string[] SheetNames = ["Milestone Tracker", "Exception Report", "Action Concern Report", "Summary"];

    private readonly TestSigningKey _key = new("key-1");
    private FakeConnector _connector = null!;
    private FakeOneDrive _oneDrive = null!;
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _connector.ExpectedToken = OutboundToken;
        _oneDrive = await FakeOneDrive.StartAsync();
        var site = openId.CreateSite();
        site.Publish(_key, "msteams");
        _host = BotHost.Start(azurite, new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = ChannelTokenClaims.BotAppId,
            ["MicrosoftAppTenantId"] = "tenant-1",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["ToBotFromChannelOpenIdMetadataUrl"] = site.MetadataUrl,
            // The smallest chunk OneDrive allows, so a pack of a few hundred KB goes in several requests.
            ["PlanBot:Bot:FileUploads:ChunkSize"] = FakeOneDrive.ChunkUnit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PlanBot:Bot:FileUploads:BaseDelay"] = "00:00:00.010",
            ["PlanBot:Bot:FileUploads:AllowedHosts:0"] = "127.0.0.1", // the fake OneDrive; never allowed by default
            // Pacing is tested elsewhere; here Teams' 8 per 2 s per chat would only slow the many accepts of one chat.
            ["PlanBot:Bot:Connector:ConversationLimits:0:PermitLimit"] = "1000",
            ["PlanBot:Bot:Connector:ConversationLimits:0:Window"] = "00:00:01",
            // The queue test asks for and accepts 18 packs in a row; the limits on that are tested on their own.
            ["PlanBot:Bot:RateLimit:Burst"] = "1000",
            ["PlanBot:Bot:HeavyWork:Burst"] = "1000",
        }, new FixedBotToken(OutboundToken), environment: "Production");
        _client = _host.CreateClient();
        await _host.Services.GetRequiredService<IPeopleStore>().ReplaceAllAsync(
        [
            new Person("Sue Graham", "sue.graham@nhs.net", AdminId, [PersonRoles.PmoAdmin]),
            new Person("Rachel Pilsworth", "rachel.pilsworth@nhs.net", OwnerId),
            new Person("Pat Admin", "pat.admin@nhs.net", OtherAdminId, [PersonRoles.PmoAdmin]),
        ], "test", null);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _oneDrive.DisposeAsync();
        await _connector.DisposeAsync();
        _key.Dispose();
    }

    [Fact]
    public async Task A_PMO_admin_gets_a_consent_card_and_on_accept_the_workbook_is_uploaded_in_chunks_and_shown_as_a_file_card()
    {
        var generated = GeneratedDigestPlan.Create(milestones: 4_000);
        await BotHost.ImportAsync(_host, generated.Plan);
        await _host.Services.GetRequiredService<IPlanSnapshotStore>().SaveAsync(generated.LastWeek);

        var message = await SayAsync("send me the board pack");

        var offer = Assert.Single(_connector.Delivered);
        Assert.Equal((RouteKind.ReplyToActivity, message), (offer.Route, offer.ActivityId));
        Assert.Equal($"The board pack for BENCH as at 20 Jan 2020 is ready (4,000 milestones, {generated.Plan.Exceptions.Count:N0} exceptions). "
            + "Allow me to save it to your OneDrive and I'll send it here.", offer.Text);
        var attachment = Assert.Single(offer.Body!["attachments"]!.AsArray())!;
        Assert.Equal(ConsentContentType, (string?)attachment["contentType"]);
        Assert.Equal("BENCH-board-pack-2020-01-20.xlsx", (string?)attachment["name"]);
        var consent = attachment["content"]!;
        Assert.StartsWith("Board pack for BENCH as at 20 Jan 2020", (string?)consent["description"]);
        var size = (long)consent["sizeInBytes"]!;
        Assert.InRange(size, FakeOneDrive.ChunkUnit + 1, 20_000_000);
        // The context names the offer kept on the server (for this admin, this plan, today); the rest is for reading.
        var offerId = (string)consent["acceptContext"]!["offerId"]!;
        Assert.Matches("^[0-9a-f]{32}$", offerId);
        var expectedContext = new JsonObject { ["kind"] = "boardPack", ["offerId"] = offerId, ["planId"] = "bench", ["asAt"] = "2020-01-20" };
        Assert.True(JsonNode.DeepEquals(expectedContext, consent["acceptContext"]), consent.ToJsonString());
        var kept = await _host.Services.GetRequiredService<IBoardPackOfferStore>().GetAsync("tenant-1", offerId);
        Assert.Equal((AdminId, "bench", new DateOnly(2020, 1, 20), (DateTimeOffset?)null), (kept!.AadObjectId, kept.PlanId, kept.AsAt, kept.AnsweredAt));
        Assert.Equal(BoardPackConversation.OfferLifetime, kept.ExpiresAt - kept.OfferedAt);
        Assert.True(JsonNode.DeepEquals(expectedContext, consent["declineContext"]), consent.ToJsonString());

        var session = _oneDrive.CreateSession((string)attachment["name"]!);
        var response = await AnswerAsync("accept", consent["acceptContext"], session, consentCardId: "activity-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        // The invoke is answered once the upload is queued: "saving", the consent card removed, then the file card.
        var sent = (await _connector.WaitForDeliveredAsync(4)).Skip(1).ToList();
        Assert.Equal([RouteKind.ReplyToActivity, RouteKind.DeleteActivity, RouteKind.SendToConversation], sent.Select(d => d.Route));
        Assert.Equal("Saving the board pack for BENCH as at 20 Jan 2020 to your OneDrive. I'll send it here when it's ready.", sent[0].Text);
        Assert.True(session.IsComplete);
        var puts = session.Requests.Where(r => r.Method == "PUT").ToList();
        Assert.True(puts.Count > 1, $"{puts.Count} request(s) for {session.Received.Length} bytes");
        Assert.All(puts, put => Assert.Null(put.Authorization));
        Assert.Equal($"bytes 0-{FakeOneDrive.ChunkUnit - 1}/{session.Received.Length}", puts[0].ContentRange);
        Assert.InRange(session.Received.Length, size - 4096, size + 4096); // built again on accept: the same pack, a moment later

        var workbook = Workbook.Read(session.Received);
        Assert.Equal(SheetNames, workbook.SheetNames);
        var tracker = workbook.Rows(BoardPackExport.TrackerSheet);
        Assert.Equal("Generated delivery plan", tracker[0][0]);
        Assert.StartsWith("Board pack as at 20 Jan 2020: this report (week of 20 Jan 2020) against the last report (week of 13 Jan 2020", tracker[1][0]);
        Assert.Equal(BoardPackExport.TrackerColumns(generated.Plan), tracker[3]);
        Assert.Equal(4_000, tracker.Count - 4);
        Assert.Equal(["1.1", generated.Plan.Milestones[0].Title], tracker[4].Where((_, i) => i is 0 or 3));
        Assert.Equal(generated.Plan.Exceptions.Count, workbook.Rows(BoardPackExport.ExceptionSheet).Count - 3);
        var total = workbook.Rows(BoardPackExport.SummarySheet).Single(r => r.Count > 0 && r[0] == "Total");
        Assert.Equal("4000", total[6]);
        Assert.Equal(13, total.Count); // this report's six counts and the last report's

        var fileMessage = sent[2];
        Assert.Equal("a:1personal-sue", fileMessage.ConversationId);
        Assert.Equal($"Here is the board pack for BENCH as at 20 Jan 2020 (4,000 milestones, {generated.Plan.Exceptions.Count:N0} exceptions).", fileMessage.Text);
        var fileCard = Assert.Single(fileMessage.Body!["attachments"]!.AsArray())!;
        Assert.Equal(FileInfoContentType, (string?)fileCard["contentType"]);
        Assert.Equal(session.UploadInfo.ContentUrl, (string?)fileCard["contentUrl"]);
        Assert.Equal("BENCH-board-pack-2020-01-20.xlsx", (string?)fileCard["name"]);
        Assert.Equal(session.UploadInfo.UniqueId, (string?)fileCard["content"]!["uniqueId"]);
        Assert.Equal("xlsx", (string?)fileCard["content"]!["fileType"]);
        Assert.Equal(("a:1personal-sue", "activity-1"), (sent[1].ConversationId, sent[1].ActivityId));
    }

    [Fact]
    public async Task A_plan_without_snapshots_still_gets_its_pack_which_says_there_is_no_last_report()
    {
        await BotHost.ImportAsync(_host, TestPlans.Small("odkm", milestones: 3));

        await SayAsync("board pack");
        var consent = ConsentCard(Assert.Single(_connector.Delivered));
        var session = _oneDrive.CreateSession("ODKM-board-pack-2020-01-20.xlsx");
        await AnswerAsync("accept", consent["acceptContext"], session);
        var fileMessage = (await _connector.WaitForDeliveredAsync(3))[2];

        Assert.Single(session.Requests);
        var workbook = Workbook.Read(session.Received);
        Assert.Equal(SheetNames, workbook.SheetNames);
        Assert.EndsWith("against no last report (no earlier snapshot is stored)", workbook.Rows(BoardPackExport.TrackerSheet)[1][0]);
        Assert.Equal(["Total", "0", "0", "3", "0", "0", "3"], workbook.Rows(BoardPackExport.SummarySheet).Single(r => r.Count > 0 && r[0] == "Total"));
        Assert.Equal("Here is the board pack for ODKM as at 20 Jan 2020 (3 milestones, 0 exceptions). No earlier weekly snapshot is stored, so it has no last report to compare with.",
            fileMessage.Text);
    }

    [Fact]
    public async Task Declining_gets_a_short_reply_removes_the_card_and_uploads_nothing()
    {
        await BotHost.ImportAsync(_host, TestPlans.Small("odkm"));
        await SayAsync("board pack");
        var consent = ConsentCard(Assert.Single(_connector.Delivered));

        var response = await AnswerAsync("decline", consent["declineContext"], session: null, consentCardId: "activity-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OK, I won't send the board pack.", _connector.Delivered[1].Text);
        Assert.Equal((RouteKind.DeleteActivity, "activity-1"), (_connector.Delivered[2].Route, _connector.Delivered[2].ActivityId));
    }

    [Fact]
    public async Task Someone_who_is_not_a_PMO_admin_is_refused_without_naming_the_admins_and_gets_no_card()
    {
        await BotHost.ImportAsync(_host, TestPlans.Small("odkm"));

        await SayAsync("send me the board pack", OwnerId, "Rachel Pilsworth");

        var reply = Assert.Single(_connector.Delivered);
        Assert.Equal("Only PMO admins can ask for the board pack. Ask your PMO. "
            + "If you are a PMO admin, ask another to add your Microsoft Entra object id to PlanBot's people file.", reply.Text);
        Assert.Null(reply.Body!["attachments"]);
    }

    [Fact]
    public async Task Someone_with_an_admins_name_but_another_object_id_is_not_taken_for_the_admin()
    {
        await BotHost.ImportAsync(_host, TestPlans.Small("odkm"));

        await SayAsync("board pack", "33333333-3333-3333-3333-333333333333", "Sue Graham");

        Assert.StartsWith("Only PMO admins can ask for the board pack.", Assert.Single(_connector.Delivered).Text);
    }

    [Fact]
    public async Task An_accept_forged_by_someone_who_is_not_a_PMO_admin_is_refused_and_nothing_is_uploaded()
    {
        await BotHost.ImportAsync(_host, TestPlans.Small("odkm"));
        var session = _oneDrive.CreateSession("ODKM-board-pack-2020-01-20.xlsx");
        var context = new JsonObject { ["kind"] = "boardPack", ["planId"] = "odkm", ["asAt"] = "2020-01-20" };

        var response = await AnswerAsync("accept", context, session, from: (OwnerId, "Rachel Pilsworth"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(session.Requests);
        var reply = Assert.Single(_connector.Delivered);
        Assert.StartsWith("Only PMO admins can ask for the board pack.", reply.Text);
        Assert.Null(reply.Body!["attachments"]);
    }

    public static TheoryData<string, string, string> ForgedOffers => new()
    {
        { "an offer id never made", """{"kind":"boardPack","offerId":"0123456789abcdef0123456789abcdef","planId":"odkm","asAt":"2020-01-20"}""", Unrecognised },
        { "not an offer id", """{"kind":"boardPack","offerId":"../odkm","planId":"odkm","asAt":"2020-01-20"}""", Unrecognised },
        { "a context as PlanBot wrote before offers were kept", """{"kind":"boardPack","planId":"odkm","asAt":"2020-01-20"}""", Unrecognised },
        { "another kind of file", """{"kind":"digest","planId":"odkm","asAt":"2020-01-20"}""", Unrecognised },
        { "no context", "null", Unrecognised },
    };

    private const string Unrecognised = "I don't recognise that file offer, so I sent nothing. Say \"board pack\" to ask again.";

    [Theory]
    [MemberData(nameof(ForgedOffers))]
    public async Task An_accept_whose_context_is_not_a_current_offer_uploads_nothing(string why, string context, string expected)
    {
        await BotHost.ImportAsync(_host, TestPlans.Small("odkm"));
        var session = _oneDrive.CreateSession("ODKM-board-pack-2020-01-20.xlsx");

        await AnswerAsync("accept", JsonNode.Parse(context), session);

        Assert.True(session.Requests.Count == 0, why);
        Assert.Equal(expected, Assert.Single(_connector.Delivered).Text);
    }

    [Fact]
    public async Task An_upload_address_that_is_not_https_is_not_used()
    {
        await BotHost.ImportAsync(_host, TestPlans.Small("odkm"));
        await SayAsync("board pack");
        var consent = ConsentCard(Assert.Single(_connector.Delivered));
        var uploadInfo = new JsonObject { ["name"] = "ODKM-board-pack-2020-01-20.xlsx", ["uploadUrl"] = "http://contoso-my.sharepoint.com/up/1", ["contentUrl"] = "https://x", ["uniqueId"] = "1", ["fileType"] = "xlsx" };

        await PostAsync(Invoke("accept", consent["acceptContext"], uploadInfo, null, (AdminId, "Sue Graham")));

        Assert.Equal("I couldn't send the board pack: the upload address Teams gave is not secure (https). Say \"board pack\" to ask again.", _connector.Delivered[1].Text);
    }

    [Fact]
    public async Task A_failing_upload_is_reported_plainly_and_no_file_card_is_sent()
    {
        await BotHost.ImportAsync(_host, TestPlans.Small("odkm"));
        await SayAsync("board pack");
        var consent = ConsentCard(Assert.Single(_connector.Delivered));
        var session = _oneDrive.CreateSession("ODKM-board-pack-2020-01-20.xlsx");
        _oneDrive.Script = (_, _) => new ScriptedUpload(500);

        var response = await AnswerAsync("accept", consent["acceptContext"], session, consentCardId: "activity-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await _connector.WaitForDeliveredAsync(4))[3];
        Assert.Equal(3, session.Requests.Count); // tried three times
        Assert.Equal(4, _connector.Delivered.Count); // the offer, "saving", the card removed, and this
        Assert.Equal("I couldn't save the board pack to your OneDrive: OneDrive answered 500 (Internal Server Error). Nothing was sent. Say \"board pack\" to ask again.", reply.Text);
        Assert.Null(reply.Body!["attachments"]);
    }

    [Fact]
    public async Task Accepts_beyond_what_the_upload_queue_holds_are_refused_plainly_and_the_rest_all_arrive()
    {
        await BotHost.ImportAsync(_host, TestPlans.Small("odkm"));
        var slowUploads = new TaskCompletionSource();
        _oneDrive.Hold = slowUploads.Task;

        // One upload is under way (held) and the queue fills behind it; the one after that is refused. Each accept answers
        // an offer of its own: an offer is accepted once.
        var sessions = new List<UploadSession>();
        var refused = 0;
        for (var i = 0; i < BoardPackUploadQueue.Capacity + 2 && refused == 0; i++)
        {
            await SayAsync("board pack");
            var context = ConsentCard(_connector.Delivered[^1])["acceptContext"];
            sessions.Add(_oneDrive.CreateSession($"ODKM-board-pack-{i}.xlsx"));
            var before = _connector.Delivered.Count;
            await AnswerAsync("accept", context, sessions[^1], consentCardId: "activity-1");
            var replies = _connector.Delivered.Skip(before).Where(d => d.Route == RouteKind.ReplyToActivity).Select(d => d.Text).ToList();
            if (replies.Count == 2)
            {
                refused++;
                Assert.Equal($"Sorry, I'm already saving {BoardPackUploadQueue.Capacity} other board packs, so I haven't saved this one. Say \"board pack\" again in a few minutes.", replies[1]);
            }
        }
        // Nothing can have been sent yet: the one worker is held by the first upload.
        Assert.DoesNotContain(_connector.Delivered, d => d.Route == RouteKind.SendToConversation);
        var heldBack = _connector.Delivered.Count;
        slowUploads.SetResult();

        Assert.Equal(1, refused);
        Assert.InRange(sessions.Count, BoardPackUploadQueue.Capacity + 1, BoardPackUploadQueue.Capacity + 2);
        var accepted = sessions.Count - 1;
        var fileCards = (await _connector.WaitForDeliveredAsync(heldBack + accepted)).Where(d => d.Route == RouteKind.SendToConversation).ToList();
        Assert.Equal(accepted, fileCards.Count);
        Assert.All(fileCards, card => Assert.StartsWith("Here is the board pack for ODKM as at 20 Jan 2020", card.Text));
        Assert.All(sessions.Take(accepted), session => Assert.True(session.IsComplete));
        Assert.Empty(sessions[^1].Requests);
    }

    [Fact]
    public async Task A_replayed_accept_is_refused_and_the_file_is_uploaded_once()
    {
        await BotHost.ImportAsync(_host, TestPlans.Small("odkm"));
        await SayAsync("board pack");
        var context = ConsentCard(Assert.Single(_connector.Delivered))["acceptContext"];
        var first = _oneDrive.CreateSession("ODKM-board-pack-2020-01-20.xlsx");
        await AnswerAsync("accept", context, first);
        await _connector.WaitForDeliveredAsync(3); // the offer, "saving", the file card
        var replay = _oneDrive.CreateSession("ODKM-board-pack-2020-01-20.xlsx");

        await AnswerAsync("accept", context, replay);

        var reply = (await _connector.WaitForDeliveredAsync(4))[3];
        Assert.Equal("You have already answered that offer, so I sent nothing more. Say \"board pack\" to ask again.", reply.Text);
        Assert.True(first.IsComplete);
        Assert.Empty(replay.Requests);
    }

    [Fact]
    public async Task An_accept_of_an_offer_made_to_another_admin_is_refused_and_that_admin_can_still_accept_it()
    {
        await BotHost.ImportAsync(_host, TestPlans.Small("odkm"));
        await SayAsync("board pack");
        var context = ConsentCard(Assert.Single(_connector.Delivered))["acceptContext"];
        var stolen = _oneDrive.CreateSession("ODKM-board-pack-2020-01-20.xlsx");

        await AnswerAsync("accept", context, stolen, from: (OtherAdminId, "Pat Admin"));

        Assert.Equal("That file offer was made to someone else, so I sent nothing. Say \"board pack\" to ask again.", _connector.Delivered[1].Text);
        Assert.Empty(stolen.Requests);
        var offered = _oneDrive.CreateSession("ODKM-board-pack-2020-01-20.xlsx");
        await AnswerAsync("accept", context, offered);
        Assert.StartsWith("Here is the board pack for ODKM", (await _connector.WaitForDeliveredAsync(4))[3].Text);
        Assert.True(offered.IsComplete);
    }

    [Fact]
    public async Task A_declined_offer_cannot_be_accepted_afterwards()
    {
        await BotHost.ImportAsync(_host, TestPlans.Small("odkm"));
        await SayAsync("board pack");
        var consent = ConsentCard(Assert.Single(_connector.Delivered));
        await AnswerAsync("decline", consent["declineContext"], session: null);
        var session = _oneDrive.CreateSession("ODKM-board-pack-2020-01-20.xlsx");

        await AnswerAsync("accept", consent["acceptContext"], session);

        Assert.Equal("You have already answered that offer, so I sent nothing more. Say \"board pack\" to ask again.", _connector.Delivered[^1].Text);
        Assert.Empty(session.Requests);
    }

    [Theory]
    [InlineData("https://attacker.example/up/1")]
    [InlineData("https://contoso-my.sharepoint.com.attacker.example/up/1")]
    public async Task An_upload_address_outside_OneDrive_and_SharePoint_is_not_used(string uploadUrl)
    {
        await BotHost.ImportAsync(_host, TestPlans.Small("odkm"));
        await SayAsync("board pack");
        var consent = ConsentCard(Assert.Single(_connector.Delivered));
        var uploadInfo = new JsonObject { ["name"] = "ODKM-board-pack-2020-01-20.xlsx", ["uploadUrl"] = uploadUrl, ["contentUrl"] = "https://x", ["uniqueId"] = "1", ["fileType"] = "xlsx" };

        await PostAsync(Invoke("accept", consent["acceptContext"], uploadInfo, null, (AdminId, "Sue Graham")));

        Assert.Equal("I couldn't send the board pack: the upload address Teams gave is not on OneDrive or SharePoint. Say \"board pack\" to ask again.",
            _connector.Delivered[1].Text);
        Assert.Equal(2, _connector.Delivered.Count); // nothing queued, no file card
    }

    [Fact]
    public async Task Outside_a_personal_chat_the_admin_is_told_files_only_go_to_the_1_to_1_chat()
    {
        await BotHost.ImportAsync(_host, TestPlans.Small("odkm"));
        var message = Message("board pack", AdminId, "Sue Graham");
        message["conversation"] = new JsonObject { ["id"] = "19:group@thread.v2", ["conversationType"] = "groupChat", ["tenantId"] = "tenant-1", ["isGroup"] = true };

        await PostAsync(message);

        var reply = Assert.Single(_connector.Delivered);
        Assert.Equal("I can only send files in our 1:1 chat. Open a chat with PlanBot and say \"board pack\" there.", reply.Text);
        Assert.Null(reply.Body!["attachments"]);
    }

    [Fact]
    public async Task With_several_plans_the_admin_names_one_or_is_asked_which()
    {
        await BotHost.ImportAsync(_host, TestPlans.Small("odkm"));
        await BotHost.ImportAsync(_host, TestPlans.Small("southend", milestones: 5));

        await SayAsync("board pack");
        await SayAsync("board pack for Southend");
        await SayAsync("board pack for narnia");

        var (which, named, unknown) = (_connector.Delivered[0], _connector.Delivered[1], _connector.Delivered[2]);
        Assert.Equal("Which plan is the board pack for?", which.Text);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)which.Body!["attachments"]![0]!["contentType"]);
        Assert.Equal("SOUTHEND-board-pack-2020-01-20.xlsx", (string?)named.Body!["attachments"]![0]!["name"]);
        Assert.Equal("southend", (string?)ConsentCard(named)["acceptContext"]!["planId"]);
        Assert.Equal("There is no plan 'narnia'. Which plan is the board pack for?", unknown.Text);
    }

    [Fact]
    public async Task Digest_now_is_still_the_digest_for_a_PMO_admin()
    {
        await BotHost.ImportAsync(_host, TestPlans.Small("odkm"));

        await SayAsync("digest now");

        Assert.StartsWith("Weekly digest for ODKM", Assert.Single(_connector.Delivered).Text);
    }

    private static JsonNode ConsentCard(ReceivedRequest request)
    {
        var attachment = request.Body!["attachments"]![0]!;
        Assert.Equal(ConsentContentType, (string?)attachment["contentType"]);
        return attachment["content"]!;
    }

    [Fact]
    public async Task An_areas_overdue_count_is_the_same_in_its_answer_its_digest_and_the_board_pack()
    {
        var importer = _host.Services.GetRequiredService<PlanImportService>();
        var preview = await importer.PreviewAsync(Path.Combine(RepositoryRoot.Path, "samples", "odkm-2019-20.txt"), new TrackerImportOptions { PlanId = "odkm" }, CancellationToken.None);
        await importer.CommitAsync(preview, "test", cancellationToken: CancellationToken.None);

        await SayAsync("what's overdue in finance?");
        var answer = (await _connector.WaitForDeliveredAsync(1))[^1].Text!;
        await SayAsync("digest for Finance");
        var digest = (await _connector.WaitForDeliveredAsync(2))[^1].Text!;
        await SayAsync("board pack");
        var consent = Assert.Single((await _connector.WaitForDeliveredAsync(3))[^1].Body!["attachments"]!.AsArray())!;
        var session = _oneDrive.CreateSession((string)consent["name"]!);
        await AnswerAsync("accept", consent["content"]!["acceptContext"], session, consentCardId: "activity-1");
        await _connector.WaitForDeliveredAsync(6);
        var workbook = Workbook.Read(session.Received);
        var inFinance = workbook.Rows(BoardPackExport.TrackerSheet).Skip(4).Where(r => r.Count > 8 && r[8] == "Finance").Select(r => r[0]).ToHashSet();
        var overdueInPack = workbook.Rows(BoardPackExport.ConcernSheet).Skip(3)
            .Count(r => r.Count > 8 && inFinance.Contains(r[0]) && r[3].Contains("Overdue", StringComparison.Ordinal) && r[8] == "Open");

        // The worked example: #36 and #37 in the Finance department; the rest of CFO (#21, #41, #42) listed apart.
        Assert.StartsWith("2 milestones overdue in Finance as at 20 Jan 2020.", answer);
        Assert.EndsWith("Also in the CFO directorate, outside Finance: #21, #41, #42.", answer);
        Assert.Contains(": 2 overdue", digest);
        Assert.Equal(2, overdueInPack);
    }

    /// <summary>A message in the user's personal chat, delivered normally (replies go to the connector); returns its id.</summary>
    private async Task<string> SayAsync(string text, string objectId = AdminId, string name = "Sue Graham")
    {
        var message = Message(text, objectId, name);
        await PostAsync(message);
        return (string)message["id"]!;
    }

    private JsonObject Message(string text, string objectId, string name)
    {
        var message = BotHost.Message(text, _connector.ServiceUrl, expectReplies: false);
        message["from"] = new JsonObject { ["id"] = "29:" + objectId, ["name"] = name, ["aadObjectId"] = objectId };
        return message;
    }

    /// <summary>Teams' fileConsent/invoke for the user's answer on the card, with the upload session it opened for an accept.</summary>
    private Task<HttpResponseMessage> AnswerAsync(string action, JsonNode? context, UploadSession? session, string? consentCardId = null,
        (string ObjectId, string Name)? from = null) =>
        PostAsync(Invoke(action, context, session?.UploadInfoJson(), consentCardId, from ?? (AdminId, "Sue Graham")));

    private JsonObject Invoke(string action, JsonNode? context, JsonObject? uploadInfo, string? consentCardId, (string ObjectId, string Name) from)
    {
        var invoke = BotHost.Activity("invoke", _connector.ServiceUrl);
        invoke["name"] = "fileConsent/invoke";
        invoke["from"] = new JsonObject { ["id"] = "29:" + from.ObjectId, ["name"] = from.Name, ["aadObjectId"] = from.ObjectId };
        if (consentCardId is not null) invoke["replyToId"] = consentCardId;
        var value = new JsonObject { ["type"] = "fileUpload", ["action"] = action, ["context"] = context?.DeepClone() };
        if (uploadInfo is not null) value["uploadInfo"] = uploadInfo;
        invoke["value"] = value;
        return invoke;
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        var token = _key.CreateToken(new ChannelTokenClaims(DateTimeOffset.UtcNow) { ServiceUrl = _connector.ServiceUrl });
        var response = await BotHost.PostAsync(_client, activity, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    /// <summary>
    /// The uploaded workbook opened with the Open XML SDK: its sheets' names and each row's cell texts by position (the
    /// writer leaves out blank rows and empty cells, so rows and columns are placed by their references).
    /// </summary>
    private sealed class Workbook
    {
        private readonly Dictionary<string, List<List<string>>> _sheets = [];

        public List<string> SheetNames { get; } = [];

        public List<List<string>> Rows(string sheet) => _sheets[sheet];

        public static Workbook Read(byte[] bytes)
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
            var part = document.WorkbookPart!;
            var shared = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var workbook = new Workbook();
            foreach (var sheet in part.Workbook.Sheets!.Elements<Sheet>())
            {
                var name = sheet.Name!.Value!;
                workbook.SheetNames.Add(name);
                var rows = new List<List<string>>();
                foreach (var row in ((WorksheetPart)part.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<Row>())
                {
                    while (rows.Count < row.RowIndex!.Value) rows.Add([]);
                    var cells = rows[^1];
                    foreach (var cell in row.Elements<Cell>())
                    {
                        var column = Column(cell.CellReference!.Value!);
                        while (cells.Count <= column) cells.Add("");
                        cells[column] = Text(cell, shared);
                    }
                }
                workbook._sheets[name] = rows;
            }
            return workbook;
        }

        private static int Column(string reference) =>
            reference.TakeWhile(char.IsLetter).Aggregate(0, (n, letter) => n * 26 + (char.ToUpperInvariant(letter) - 'A' + 1)) - 1;

        private static string Text(Cell cell, List<string> shared)
        {
            if (cell.DataType?.Value == CellValues.SharedString) return shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)];
            if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
            return cell.CellValue?.Text ?? "";
        }
    }
}
