using Azure.Data.Tables;
using PlanBot.Core.Digests;
using PlanBot.Storage.Digests;
using PlanBot.Testing;

namespace PlanBot.Storage.Tests.Digests;

[Collection(AzuriteFixture.Collection)]
public sealed class TableDigestSubscriptionStoreTests(AzuriteFixture azurite)
{
    private const string SueId = "6f0c1a52-3b1e-4f7d-9a11-2c4d5e6f7a8b";

    // Made at 09:15 on a BST day: the instant, not the offset, is what must survive.
    private static readonly DateTimeOffset CreatedAt = new(2026, 6, 15, 9, 15, 30, TimeSpan.FromHours(1));

    private readonly PlanBotTables _tables = new(new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = TestTablePrefix.New() });

    /// <summary>A new store is a new host instance: its own clients, nothing shared but the tables.</summary>
    private TableDigestSubscriptionStore NewStore() => new(_tables);

    private TableClient Table() => new TableServiceClient(azurite.ConnectionString).GetTableClient(_tables.Names.Digests);

    private static DigestSubscription Sue(IReadOnlyList<string>? areas = null, DigestSchedule? schedule = null, string planId = "odkm", string name = "Sue Graham") =>
        new(planId, DigestSubscriber.Person(SueId, name), areas ?? [], schedule ?? DigestSchedule.Default, "Priya Shah", CreatedAt);

    private static DigestSubscription Chairs(string role = "Chair", string planId = "odkm") =>
        new(planId, DigestSubscriber.ForRole(role), [], DigestSchedule.Default, "Sue Graham", CreatedAt);

    [Fact]
    public async Task Person_and_role_subscriptions_read_back_with_every_field()
    {
        var store = NewStore();
        var person = Sue(["Finance, Legal & Estates", "the \"Quick Wins\" stream", "Énergie — 日本 ☀"], new DigestSchedule(DayOfWeek.Friday, new TimeOnly(17, 30)));
        await store.SaveAsync(person);
        await store.SaveAsync(Chairs());

        var read = await NewStore().ListAsync("odkm");

        Assert.Equal(2, read.Count);
        var sue = Assert.Single(read, s => !s.Subscriber.IsRole);
        Assert.Equal("odkm", sue.PlanId);
        Assert.Equal(DigestSubscriber.Person(SueId, "Sue Graham"), sue.Subscriber);
        Assert.Equal("person:" + SueId, sue.Subscriber.Key);
        Assert.Equal(["Finance, Legal & Estates", "the \"Quick Wins\" stream", "Énergie — 日本 ☀"], sue.Areas);
        Assert.Equal(new DigestSchedule(DayOfWeek.Friday, new TimeOnly(17, 30)), sue.Schedule);
        Assert.Equal("Priya Shah", sue.CreatedBy);
        Assert.Equal(CreatedAt, sue.CreatedAt);

        var chairs = Assert.Single(read, s => s.Subscriber.IsRole);
        Assert.Equal("Chair", chairs.Subscriber.Role);
        Assert.Null(chairs.Subscriber.AadObjectId);
        Assert.Null(chairs.Subscriber.Name);
        Assert.Empty(chairs.Areas);
        Assert.Equal(DigestSchedule.Default, chairs.Schedule);
        Assert.Equal("Sue Graham", chairs.CreatedBy);
        Assert.Equal(CreatedAt, chairs.CreatedAt);

        // The columns read as they mean in Storage Explorer.
        var row = (await Table().GetEntityAsync<TableEntity>("odkm", "s|person:" + SueId)).Value;
        Assert.Equal("Friday", row.GetString("Day"));
        Assert.Equal("17:30", row.GetString("At"));
        Assert.Equal("[\"Finance, Legal & Estates\",\"the \\\"Quick Wins\\\" stream\",\"Énergie — 日本 ☀\"]", row.GetString("Areas"));
        Assert.Equal("Chair", (await Table().GetEntityAsync<TableEntity>("odkm", "s|role:chair")).Value.GetString("Role"));
    }

    [Fact]
    public async Task Subscribing_again_replaces_the_subscribers_earlier_subscription()
    {
        var store = NewStore();
        await store.SaveAsync(Sue(["Finance"], DigestSchedule.Default, name: "Sue Graham"));
        await store.SaveAsync(Chairs());

        await NewStore().SaveAsync(Sue([], new DigestSchedule(DayOfWeek.Wednesday, new TimeOnly(7, 45)), name: "Susan Graham"));
        await NewStore().SaveAsync(Chairs(role: "CHAIR"));

        var read = await store.ListAsync("odkm");
        Assert.Equal(2, read.Count);
        var sue = Assert.Single(read, s => !s.Subscriber.IsRole);
        Assert.Equal("Susan Graham", sue.Subscriber.Name);
        Assert.Empty(sue.Areas);
        Assert.Equal(new DigestSchedule(DayOfWeek.Wednesday, new TimeOnly(7, 45)), sue.Schedule);
        Assert.Equal("CHAIR", Assert.Single(read, s => s.Subscriber.IsRole).Subscriber.Role);
    }

    [Fact]
    public async Task Removing_a_subscription_says_whether_there_was_one()
    {
        var store = NewStore();
        await store.SaveAsync(Sue());
        await store.SaveAsync(Chairs());

        Assert.True(await store.RemoveAsync("odkm", "person:" + SueId));
        Assert.False(await NewStore().RemoveAsync("odkm", "person:" + SueId));
        Assert.False(await store.RemoveAsync("odkm", "role:director"));
        Assert.False(await store.RemoveAsync("southend-2018", "role:chair"));
        Assert.False(await store.RemoveAsync("ODKM/../x", "role:chair"));

        var left = Assert.Single(await store.ListAsync("odkm"));
        Assert.Equal("role:chair", left.Subscriber.Key);
    }

    [Fact]
    public async Task Each_plan_lists_only_its_own_subscriptions_and_no_delivery_rows()
    {
        var store = NewStore();
        await store.SaveAsync(Sue(["Finance"], planId: "odkm"));
        await store.SaveAsync(Sue(["Estates"], planId: "odkm-2"));
        await store.SaveAsync(Chairs(planId: "odk"));
        var ledger = new TableDigestLedger(_tables, TimeProvider.System);
        Assert.NotNull(await ledger.TryClaimAsync(new DigestDelivery("odkm", "role:chair", SueId, new DateOnly(2026, 6, 15)), "host-a", TimeSpan.FromMinutes(5), CreatedAt));

        var odkm = Assert.Single(await store.ListAsync("odkm"));
        Assert.Equal(["Finance"], odkm.Areas);
        Assert.Equal(["Estates"], Assert.Single(await store.ListAsync("odkm-2")).Areas);
        Assert.Equal("role:chair", Assert.Single(await store.ListAsync("odk")).Subscriber.Key);
        Assert.Empty(await store.ListAsync("southend-2018"));
        Assert.Empty(await store.ListAsync("ODKM/../x"));
        Assert.Empty(await store.ListAsync(""));
    }

    [Fact]
    public async Task A_row_edited_by_hand_into_nonsense_is_skipped_and_the_rest_are_listed()
    {
        var store = NewStore();
        await store.SaveAsync(Chairs());
        await store.SaveAsync(Chairs("Director"));
        await store.SaveAsync(Sue());
        var table = Table();
        TableEntity Row(string rowKey, string role, string day = "Monday", string at = "08:00", string areas = "[]") => new("odkm", rowKey)
        {
            ["Role"] = role, ["Day"] = day, ["At"] = at, ["Areas"] = areas, ["CreatedBy"] = "someone", ["CreatedAt"] = CreatedAt,
        };
        await table.UpsertEntityAsync(Row("s|role:a", "A", day: "Someday"));
        await table.UpsertEntityAsync(Row("s|role:b", "B", day: "3"));
        await table.UpsertEntityAsync(Row("s|role:c", "C", at: "25:99"));
        await table.UpsertEntityAsync(Row("s|role:d", "D", at: "8am"));
        await table.UpsertEntityAsync(Row("s|role:e", "E", areas: "Finance, Estates"));
        await table.UpsertEntityAsync(Row("s|role:f", "F", areas: "[null]"));
        await table.UpsertEntityAsync(Row("s|role:g", "G", areas: "{\"a\":1}"));
        await table.UpsertEntityAsync(Row("s|role:h", " "));
        await table.UpsertEntityAsync(Row("s|role:i", "someone else's role"));
        await table.UpsertEntityAsync(new TableEntity("odkm", "s|role:j") { ["Role"] = "J", ["AadObjectId"] = SueId, ["Day"] = "Monday", ["At"] = "08:00" });
        await table.UpsertEntityAsync(new TableEntity("odkm", "s|role:k") { ["Role"] = "K", ["Day"] = 1, ["At"] = "08:00" });
        // The director row, its time edited by hand.
        await table.UpdateEntityAsync(new TableEntity("odkm", "s|role:director") { ["At"] = "" }, Azure.ETag.All, TableUpdateMode.Merge);

        var read = await NewStore().ListAsync("odkm");

        Assert.Equal(["person:" + SueId, "role:chair"], read.Select(s => s.Subscriber.Key).Order());
    }

    [Fact]
    public async Task A_role_with_characters_a_row_key_forbids_is_escaped_and_kept_apart()
    {
        var store = NewStore();
        await store.SaveAsync(Chairs(@"Chair/Vice #1? \ 100%"));
        await store.SaveAsync(Chairs("Chair%2FVice #1"));

        var read = await NewStore().ListAsync("odkm");

        Assert.Equal(["Chair%2FVice #1", @"Chair/Vice #1? \ 100%"], read.Select(s => s.Subscriber.Role!).Order(StringComparer.Ordinal));
        var rowKeys = new List<string>();
        await foreach (var row in Table().QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"odkm"}"))) rowKeys.Add(row.RowKey);
        Assert.Equal(["s|role:chair%252fvice %231", "s|role:chair%2Fvice %231%3F %5C 100%25"], rowKeys.Order(StringComparer.Ordinal));
        Assert.True(await store.RemoveAsync("odkm", @"role:chair/vice #1? \ 100%"));
        Assert.Equal("Chair%2FVice #1", Assert.Single(await store.ListAsync("odkm")).Subscriber.Role);
    }

    [Fact]
    public async Task Bad_subscriptions_are_refused_before_anything_is_written()
    {
        var store = NewStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(Sue(planId: "ODKM")));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(Sue(planId: "odkm/x")));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(Sue(schedule: new DigestSchedule(DayOfWeek.Monday, new TimeOnly(8, 0, 30)))));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(Sue(areas: ["Finance", null!])));
        await Assert.ThrowsAsync<ArgumentException>(() => store.RemoveAsync("odkm", " "));

        Assert.Empty(await store.ListAsync("odkm"));
    }
}
