using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using PlanBot.Core.Digests;
using PlanBot.Storage.Digests;
using PlanBot.Testing;

namespace PlanBot.Storage.Tests.Digests;

[Collection(AzuriteFixture.Collection)]
public sealed class TableDigestLedgerTests(AzuriteFixture azurite)
{
    private const string SueId = "6f0c1a52-3b1e-4f7d-9a11-2c4d5e6f7a8b";
    private const string RajId = "0b7e9d3c-5a41-4c2e-8f60-1d2e3f4a5b6c";
    private static readonly DateOnly Week = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 5, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private readonly PlanBotTables _tables = new(new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = TestTablePrefix.New() });

    /// <summary>A new ledger is a new host instance: its own clients, nothing shared but the tables.</summary>
    private TableDigestLedger NewLedger() => new(_tables, new FakeTimeProvider(Now));

    private async Task<TableEntity> RowAsync(DigestDelivery delivery) =>
        (await new TableServiceClient(azurite.ConnectionString).GetTableClient(_tables.Names.Digests)
            .GetEntityAsync<TableEntity>(delivery.PlanId, "d|" + delivery.Key)).Value;

    private static DigestDelivery Delivery(string recipient = SueId, string subscriber = "role:chair", DateOnly? week = null, string planId = "odkm") =>
        new(planId, subscriber, recipient, week ?? Week);

    [Fact]
    public async Task A_delivery_claimed_and_marked_sent_is_not_claimed_again_even_after_the_lease()
    {
        var ledger = NewLedger();
        var delivery = Delivery();

        var claim = await ledger.TryClaimAsync(delivery, "host-a", Lease, Now);
        Assert.NotNull(claim);
        Assert.Equal(1, claim.Attempt);
        Assert.Equal(Now + Lease, claim.LeaseUntil);
        Assert.Equal(delivery, claim.Delivery);
        await ledger.MarkSentAsync(claim, Now.AddSeconds(2));

        Assert.Null(await ledger.TryClaimAsync(delivery, "host-a", Lease, Now.AddSeconds(3)));
        Assert.Null(await NewLedger().TryClaimAsync(delivery, "host-b", Lease, Now.AddDays(1)));
        var row = await RowAsync(delivery);
        Assert.Equal("d|2026-11-23|role:chair|" + SueId, row.RowKey);
        Assert.Equal("Sent", row.GetString("Status"));
        Assert.Equal(Now.AddSeconds(2), row.GetDateTimeOffset("SentAt"));
        Assert.Equal("2026-11-23", row.GetString("WeekOf"));
        Assert.Equal(SueId, row.GetString("RecipientAadObjectId"));
    }

    [Fact]
    public async Task Twenty_claims_at_once_from_four_instances_give_the_delivery_to_exactly_one()
    {
        var delivery = Delivery();
        var ledgers = Enumerable.Range(0, 4).Select(_ => NewLedger()).ToList();

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(n => ledgers[n % 4].TryClaimAsync(delivery, $"host-{n % 4}-{n}", Lease, Now)));

        var winner = Assert.Single(claims, c => c is not null)!;
        Assert.Equal(1, winner.Attempt);
        Assert.Equal(winner.Claimant, (await RowAsync(delivery)).GetString("Claimant"));
    }

    [Fact]
    public async Task A_lapsed_lease_is_taken_over_and_the_old_claim_can_neither_mark_sent_nor_release()
    {
        var delivery = Delivery();
        var stale = await NewLedger().TryClaimAsync(delivery, "host-a", Lease, Now);
        Assert.NotNull(stale);
        Assert.Null(await NewLedger().TryClaimAsync(delivery, "host-b", Lease, Now + Lease - TimeSpan.FromSeconds(1)));

        var later = Now + Lease + TimeSpan.FromSeconds(1);
        var current = await NewLedger().TryClaimAsync(delivery, "host-b", Lease, later);
        Assert.NotNull(current);
        Assert.Equal(2, current.Attempt);
        Assert.Equal(later + Lease, current.LeaseUntil);

        var error = await Assert.ThrowsAsync<DigestClaimLostException>(() => NewLedger().MarkSentAsync(stale, later));
        Assert.Contains("host-a", error.Message);
        Assert.Contains("host-b", error.Message);
        Assert.Contains(delivery.Key, error.Message);
        await NewLedger().ReleaseAsync(stale, "timed out");
        await NewLedger().GiveUpAsync(stale, "timed out");

        var row = await RowAsync(delivery);
        Assert.Equal("Claimed", row.GetString("Status"));
        Assert.Equal("host-b", row.GetString("Claimant"));
        Assert.Equal(2, row.GetInt32("Attempts"));
        Assert.Null(row.GetDateTimeOffset("SentAt"));
        Assert.Null(row.GetString("LastError"));

        await NewLedger().MarkSentAsync(current, later.AddSeconds(1));
        Assert.Equal("Sent", (await RowAsync(delivery)).GetString("Status"));
    }

    [Fact]
    public async Task A_released_delivery_is_claimed_again_keeping_the_reason_and_counting_the_attempt()
    {
        var ledger = NewLedger();
        var delivery = Delivery();
        var first = await ledger.TryClaimAsync(delivery, "host-a", Lease, Now);
        Assert.NotNull(first);

        await ledger.ReleaseAsync(first, "Sue Graham is unreachable: the app is not installed for her.");

        var row = await RowAsync(delivery);
        Assert.Equal("Released", row.GetString("Status"));
        Assert.Equal("Sue Graham is unreachable: the app is not installed for her.", row.GetString("LastError"));
        Assert.Equal(Now, row.GetDateTimeOffset("ReleasedAt"));

        var second = await NewLedger().TryClaimAsync(delivery, "host-b", Lease, Now.AddMinutes(1));
        Assert.NotNull(second);
        Assert.Equal(2, second.Attempt);
        await NewLedger().MarkSentAsync(second, Now.AddMinutes(1));
        row = await RowAsync(delivery);
        Assert.Equal("Sent", row.GetString("Status"));
        Assert.Equal("host-b", row.GetString("Claimant"));
        Assert.Equal("Sue Graham is unreachable: the app is not installed for her.", row.GetString("LastError"));
    }

    [Fact]
    public async Task A_delivery_given_up_is_never_claimed_again()
    {
        var ledger = NewLedger();
        var delivery = Delivery();
        var claim = await ledger.TryClaimAsync(delivery, "host-a", Lease, Now);
        Assert.NotNull(claim);

        await ledger.GiveUpAsync(claim, "could not reach Sue Graham (given up after 6 tries)");

        var row = await RowAsync(delivery);
        Assert.Equal("GivenUp", row.GetString("Status"));
        Assert.Equal("could not reach Sue Graham (given up after 6 tries)", row.GetString("LastError"));
        Assert.Null(await ledger.TryClaimAsync(delivery, "host-a", Lease, Now.AddMinutes(1)));
        Assert.Null(await NewLedger().TryClaimAsync(delivery, "host-b", Lease, Now.AddDays(3)));
    }

    [Fact]
    public async Task Other_weeks_recipients_subscriptions_and_plans_are_claimed_on_their_own()
    {
        var ledger = NewLedger();
        var sent = await ledger.TryClaimAsync(Delivery(), "host-a", Lease, Now);
        await ledger.MarkSentAsync(sent!, Now);

        DigestDelivery[] others =
        [
            Delivery(week: Week.AddDays(7)),
            Delivery(recipient: RajId),
            Delivery(subscriber: "person:" + SueId),
            Delivery(planId: "odkm-2"),
        ];
        foreach (var other in others)
            Assert.NotNull(await NewLedger().TryClaimAsync(other, "host-b", Lease, Now));

        // The recipient's object id is keyed in lower case, whatever case it came in.
        Assert.Null(await NewLedger().TryClaimAsync(Delivery(recipient: SueId.ToUpperInvariant()), "host-b", Lease, Now.AddDays(1)));
        foreach (var other in others)
            Assert.Null(await NewLedger().TryClaimAsync(other, "host-c", Lease, Now.AddSeconds(1)));
    }

    [Fact]
    public async Task Bad_arguments_are_refused_before_anything_is_written()
    {
        var ledger = NewLedger();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ledger.TryClaimAsync(Delivery(), "host-a", TimeSpan.Zero, Now));
        await Assert.ThrowsAsync<ArgumentException>(() => ledger.TryClaimAsync(Delivery(), " ", Lease, Now));
        await Assert.ThrowsAsync<ArgumentException>(() => ledger.TryClaimAsync(Delivery(planId: "ODKM"), "host-a", Lease, Now));
        await Assert.ThrowsAsync<ArgumentException>(() => ledger.TryClaimAsync(Delivery(subscriber: ""), "host-a", Lease, Now));
        await Assert.ThrowsAsync<ArgumentException>(() => ledger.TryClaimAsync(Delivery(recipient: " "), "host-a", Lease, Now));

        var claim = await ledger.TryClaimAsync(Delivery(), "host-a", Lease, Now);
        Assert.NotNull(claim);
        Assert.Equal(1, claim.Attempt);
    }
}
