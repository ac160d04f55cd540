using System.Collections.Concurrent;
using Azure.Data.Tables;
using PlanBot.Core.Plans;
using PlanBot.Core.Reminders;
using PlanBot.Storage.Reminders;
using PlanBot.Testing;

namespace PlanBot.Storage.Tests.Reminders;

[Collection(AzuriteFixture.Collection)]
public sealed class TableReminderLedgerTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2020, 1, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private readonly PlanBotTables _tables = new(new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = TestTablePrefix.New() });

    /// <summary>A new ledger is a new host instance: its own clients, nothing shared but the tables.</summary>
    private TableReminderLedger NewLedger() => new(_tables, new FixedClock(Now));

    private TableClient Table() => new TableServiceClient(azurite.ConnectionString).GetTableClient(_tables.Names.Reminders);

    private async Task<TableEntity> RowAsync(string planId, string rowKey) => (await Table().GetEntityAsync<TableEntity>(planId, rowKey)).Value;

    /// <summary>A notice for Sue (by default) about one milestone on Monday 20 Jan 2020, holding one reminder of <paramref name="kind"/>.</summary>
    private static ReminderNotice Reminder(string reference, ReminderKind kind = ReminderKind.Before, string planId = "odkm", string? key = null,
        string person = "sue", DateOnly? day = null)
    {
        var token = kind switch
        {
            ReminderKind.Before => "before-7",
            ReminderKind.OnTheDay => "on-the-day",
            ReminderKind.Overdue => "overdue-1",
            _ => "escalation",
        };
        var reminder = new DueReminder(planId, MilestoneRef.Parse(reference), kind, 7, new DateOnly(2020, 1, 29), new DateOnly(2020, 1, 20), Now, [],
            key ?? $"{planId}|{reference}|{token}|20200120", "7 working days before due Wed 29 Jan 2020");
        return new ReminderNotice
        {
            PlanId = planId, Ref = reminder.Ref, Day = day ?? new DateOnly(2020, 1, 20), PersonKey = person, Person = null, Reminders = [reminder],
        };
    }

    [Fact]
    public async Task A_reminder_claimed_and_marked_sent_is_not_claimed_again_even_after_the_lease()
    {
        var ledger = NewLedger();
        var reminder = Reminder("6.17");

        var claim = await ledger.TryClaimAsync(reminder, "host-a", Lease, Now);
        Assert.NotNull(claim);
        Assert.Equal(1, claim.Attempt);
        Assert.Equal(Now + Lease, claim.LeaseUntil);
        await ledger.MarkSentAsync(claim, Now.AddSeconds(2));

        Assert.Null(await ledger.TryClaimAsync(reminder, "host-a", Lease, Now.AddSeconds(3)));
        Assert.Null(await NewLedger().TryClaimAsync(reminder, "host-b", Lease, Now.AddDays(1)));
        var row = await RowAsync("odkm", "n|6.17|20200120|sue");
        Assert.Equal("Sent", row.GetString("Status"));
        Assert.Equal(Now.AddSeconds(2), row.GetDateTimeOffset("SentAt"));
        Assert.Equal("odkm|6.17|20200120|sue", row.GetString("Key"));
        Assert.Equal("odkm|6.17|before-7|20200120", row.GetString("Slots"));
    }

    [Fact]
    public async Task A_reminder_claimed_by_another_instance_is_refused_while_its_lease_lasts()
    {
        var reminder = Reminder("36");
        Assert.NotNull(await NewLedger().TryClaimAsync(reminder, "host-a", Lease, Now));

        Assert.Null(await NewLedger().TryClaimAsync(reminder, "host-b", Lease, Now + Lease - TimeSpan.FromSeconds(1)));
        Assert.Null(await NewLedger().TryClaimAsync(reminder, "host-a", Lease, Now.AddSeconds(1)));
    }

    [Fact]
    public async Task Two_claims_at_once_give_the_reminder_to_exactly_one()
    {
        var reminder = Reminder("2c");
        var a = NewLedger();
        var b = NewLedger();

        var claims = await Task.WhenAll(a.TryClaimAsync(reminder, "host-a", Lease, Now), b.TryClaimAsync(reminder, "host-b", Lease, Now));

        Assert.Single(claims, c => c is not null);
    }

    [Fact]
    public async Task Twenty_concurrent_claimants_over_thirty_reminders_claim_each_reminder_exactly_once()
    {
        var reminders = Enumerable.Range(1, 30).Select(i => Reminder($"{i}.1")).ToList();
        var won = new ConcurrentBag<(string Claimant, string Key)>();

        await Task.WhenAll(Enumerable.Range(1, 20).Select(async n =>
        {
            var ledger = NewLedger();
            var claimant = $"host-{n}";
            // Each claimant sweeps in its own order, as hosts started at different moments would.
            foreach (var reminder in reminders.OrderBy(r => (r.Ref.GetHashCode() ^ n * 7919) & 0xffff))
            {
                if (await ledger.TryClaimAsync(reminder, claimant, Lease, Now) is { } claim)
                {
                    won.Add((claimant, reminder.Key));
                    await ledger.MarkSentAsync(claim, Now.AddSeconds(1));
                }
            }
        }));

        Assert.Equal(30, won.Count);
        Assert.Equal(reminders.Select(r => r.Key).Order(), won.Select(w => w.Key).Order());
        var states = await NewLedger().GetStatesAsync("odkm");
        Assert.Equal(30, states.Count);
        Assert.All(reminders, r => Assert.Equal(r.Reminders[0].Key, states[r.Ref].LastSentKey));
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over_by_exactly_one_of_several_claimants()
    {
        var reminder = Reminder("6.17", ReminderKind.Overdue);
        Assert.NotNull(await NewLedger().TryClaimAsync(reminder, "crashed-host", Lease, Now));
        var later = Now + Lease + TimeSpan.FromSeconds(1);

        var claims = await Task.WhenAll(Enumerable.Range(1, 6).Select(n => NewLedger().TryClaimAsync(reminder, $"host-{n}", Lease, later)));

        var winner = Assert.Single(claims, c => c is not null)!;
        Assert.Equal(2, winner.Attempt);
        Assert.Equal(later + Lease, winner.LeaseUntil);
        var row = await RowAsync("odkm", "n|6.17|20200120|sue");
        Assert.Equal(winner.Claimant, row.GetString("Claimant"));
        Assert.Equal(2, row.GetInt32("Attempts"));
    }

    [Fact]
    public async Task A_released_claim_can_be_claimed_again_and_the_attempt_count_increases()
    {
        var ledger = NewLedger();
        var reminder = Reminder("14");
        var first = await ledger.TryClaimAsync(reminder, "host-a", Lease, Now);
        Assert.NotNull(first);

        await ledger.ReleaseAsync(first, "Priya Shah is unreachable: the app is not installed for her.");

        var row = await RowAsync("odkm", "n|14|20200120|sue");
        Assert.Equal("Released", row.GetString("Status"));
        Assert.Equal("Priya Shah is unreachable: the app is not installed for her.", row.GetString("LastError"));
        Assert.Equal(1, row.GetInt32("Attempts"));

        var second = await NewLedger().TryClaimAsync(reminder, "host-b", Lease, Now.AddMinutes(1));
        Assert.NotNull(second);
        Assert.Equal(2, second.Attempt);
        await ledger.MarkSentAsync(second, Now.AddMinutes(1));
        row = await RowAsync("odkm", "n|14|20200120|sue");
        Assert.Equal("Sent", row.GetString("Status"));
        Assert.Equal(2, row.GetInt32("Attempts"));
        Assert.Equal("Priya Shah is unreachable: the app is not installed for her.", row.GetString("LastError"));
    }

    [Fact]
    public async Task A_reminder_given_up_is_not_claimed_again_that_day_but_the_next_working_days_is()
    {
        var ledger = NewLedger();
        var reminder = Reminder("14");
        var claim = await ledger.TryClaimAsync(reminder, "host-a", Lease, Now);
        Assert.NotNull(claim);

        await ledger.GiveUpAsync(claim, "could not reach Priya Shah (given up after 6 tries)");

        var row = await RowAsync("odkm", "n|14|20200120|sue");
        Assert.Equal("GivenUp", row.GetString("Status"));
        Assert.Equal("could not reach Priya Shah (given up after 6 tries)", row.GetString("LastError"));
        Assert.Null(await NewLedger().TryClaimAsync(reminder, "host-b", Lease, Now.AddHours(2)));
        Assert.Null(await ledger.TryClaimAsync(Reminder("14", ReminderKind.Overdue, key: "odkm|14|overdue-1|20200120"), "host-b", Lease, Now.AddHours(2)));
        Assert.NotNull(await ledger.TryClaimAsync(Reminder("14", day: new DateOnly(2020, 1, 21)), "host-b", Lease, Now.AddDays(1)));
    }

    [Fact]
    public async Task An_unreachable_owner_is_recorded_in_the_state_and_cleared_by_the_next_send()
    {
        var ledger = NewLedger();
        var reference = MilestoneRef.Parse("14");
        await ledger.RecordUnreachableAsync("odkm", reference, "Priya Shah (PlanBot is not installed for them)", Now);
        await ledger.RecordUnreachableAsync("odkm", reference, "Priya Shah (they have blocked or removed PlanBot)", Now.AddDays(1));

        var state = (await NewLedger().GetStatesAsync("odkm"))[reference];
        Assert.Equal("Priya Shah (they have blocked or removed PlanBot)", state.UnreachableReason);
        Assert.Equal(Now, state.UnreachableSince);

        var claim = await ledger.TryClaimAsync(Reminder("14"), "host-a", Lease, Now.AddDays(2));
        await ledger.MarkSentAsync(claim!, Now.AddDays(2));
        state = (await NewLedger().GetStatesAsync("odkm"))[reference];
        Assert.Null(state.UnreachableReason);
        Assert.Null(state.UnreachableSince);
        Assert.Equal(Now.AddDays(2), state.LastSentAt);
    }

    [Fact]
    public async Task Releasing_a_claim_another_instance_took_over_leaves_the_new_claim_alone()
    {
        var reminder = Reminder("14");
        var stale = await NewLedger().TryClaimAsync(reminder, "host-a", Lease, Now);
        var current = await NewLedger().TryClaimAsync(reminder, "host-b", Lease, Now + Lease + TimeSpan.FromSeconds(1));
        Assert.NotNull(stale);
        Assert.NotNull(current);

        await NewLedger().ReleaseAsync(stale, "timed out");

        var row = await RowAsync("odkm", "n|14|20200120|sue");
        Assert.Equal("Claimed", row.GetString("Status"));
        Assert.Equal("host-b", row.GetString("Claimant"));
    }

    [Fact]
    public async Task Marking_sent_with_a_claim_taken_over_after_its_lease_expired_throws_and_marks_nothing()
    {
        var reminder = Reminder("6.17");
        var stale = await NewLedger().TryClaimAsync(reminder, "host-a", Lease, Now);
        Assert.NotNull(stale);
        var current = await NewLedger().TryClaimAsync(reminder, "host-b", Lease, Now + Lease + TimeSpan.FromSeconds(1));
        Assert.NotNull(current);

        var error = await Assert.ThrowsAsync<ReminderClaimLostException>(() => NewLedger().MarkSentAsync(stale, Now + Lease + TimeSpan.FromSeconds(2)));

        Assert.Contains("host-a", error.Message);
        Assert.Contains("host-b", error.Message);
        Assert.Contains("odkm|6.17|20200120|sue", error.Message);
        var row = await RowAsync("odkm", "n|6.17|20200120|sue");
        Assert.Equal("Claimed", row.GetString("Status"));
        Assert.Null(row.GetDateTimeOffset("SentAt"));
        Assert.Empty(await NewLedger().GetStatesAsync("odkm"));

        await NewLedger().MarkSentAsync(current, Now + Lease + TimeSpan.FromSeconds(3));
        Assert.Equal(reminder.Reminders[0].Key, (await NewLedger().GetStatesAsync("odkm"))[reminder.Ref].LastSentKey);
    }

    [Fact]
    public async Task Reminder_states_round_trip_through_a_new_instance()
    {
        var ledger = NewLedger();
        var reference = MilestoneRef.Parse("6.17");
        var escalation = Reminder("6.17", ReminderKind.Escalation);
        var chaser = Reminder("6.17", ReminderKind.Overdue, key: "odkm|6.17|overdue-3|20200127");

        await ledger.MarkSentAsync((await ledger.TryClaimAsync(escalation, "host-a", Lease, Now))!, Now);
        await ledger.MarkSentAsync((await ledger.TryClaimAsync(chaser with { Day = new DateOnly(2020, 1, 27) }, "host-a", Lease, Now.AddDays(7)))!, Now.AddDays(7));
        await ledger.RecordUpdateAsync("odkm", reference, Now.AddDays(8));
        await ledger.SnoozeAsync("odkm", reference, Now.AddDays(10));

        var state = (await NewLedger().GetStatesAsync("odkm"))[reference];
        Assert.Equal(new ReminderState
        {
            LastSentAt = Now.AddDays(7),
            LastSentKey = "odkm|6.17|overdue-3|20200127",
            EscalatedAt = Now,
            LastUpdateAt = Now.AddDays(8),
            SnoozedUntil = Now.AddDays(10),
        }, state);
    }

    [Fact]
    public async Task A_notice_merging_an_escalation_and_a_chaser_records_both_and_holds_the_milestone_for_that_person_all_day()
    {
        var chaser = Reminder("6.17", ReminderKind.Overdue).Reminders[0];
        var escalation = Reminder("6.17", ReminderKind.Escalation).Reminders[0];
        var merged = Reminder("6.17") with { Reminders = [escalation, chaser] };

        await NewLedger().MarkSentAsync((await NewLedger().TryClaimAsync(merged, "host-a", Lease, Now))!, Now);

        var state = (await NewLedger().GetStatesAsync("odkm"))[MilestoneRef.Parse("6.17")];
        Assert.Equal((chaser.Key, Now, Now), (state.LastSentKey, state.EscalatedAt, state.LastSentAt));
        Assert.Equal("Escalation+Overdue", (await RowAsync("odkm", "n|6.17|20200120|sue")).GetString("Kind"));
        Assert.Null(await NewLedger().TryClaimAsync(Reminder("6.17", ReminderKind.OnTheDay), "host-b", Lease, Now.AddHours(6)));
        Assert.NotNull(await NewLedger().TryClaimAsync(Reminder("6.17", person: "jan"), "host-b", Lease, Now.AddHours(6)));
    }

    [Fact]
    public async Task An_update_or_snooze_for_a_milestone_never_reminded_creates_its_state()
    {
        var ledger = NewLedger();

        await ledger.RecordUpdateAsync("odkm", MilestoneRef.Parse("36"), Now);
        await ledger.SnoozeAsync("odkm", MilestoneRef.Parse("2c"), Now.AddDays(3));

        var states = await NewLedger().GetStatesAsync("odkm");
        Assert.Equal(new ReminderState { LastUpdateAt = Now }, states[MilestoneRef.Parse("36")]);
        Assert.Equal(new ReminderState { SnoozedUntil = Now.AddDays(3) }, states[MilestoneRef.Parse("2c")]);
    }

    [Fact]
    public async Task Concurrent_sends_updates_and_snoozes_to_one_milestone_all_land()
    {
        var reference = MilestoneRef.Parse("6.17");
        var reminder = Reminder("6.17");
        var claim = await NewLedger().TryClaimAsync(reminder, "host-a", Lease, Now);
        Assert.NotNull(claim);

        await Task.WhenAll(
            NewLedger().MarkSentAsync(claim, Now),
            NewLedger().RecordUpdateAsync("odkm", reference, Now.AddHours(1)),
            NewLedger().SnoozeAsync("odkm", reference, Now.AddDays(2)));

        var state = (await NewLedger().GetStatesAsync("odkm"))[reference];
        Assert.Equal(new ReminderState { LastSentAt = Now, LastSentKey = reminder.Reminders[0].Key, LastUpdateAt = Now.AddHours(1), SnoozedUntil = Now.AddDays(2) }, state);
    }

    [Fact]
    public async Task States_are_read_only_for_the_plan_asked_for()
    {
        var ledger = NewLedger();
        await ledger.RecordUpdateAsync("odkm", MilestoneRef.Parse("1"), Now);
        await ledger.RecordUpdateAsync("odkm-2", MilestoneRef.Parse("2"), Now);
        await ledger.RecordUpdateAsync("odk", MilestoneRef.Parse("3"), Now);
        Assert.NotNull(await ledger.TryClaimAsync(Reminder("4"), "host-a", Lease, Now)); // a claim row, not a state

        var states = await ledger.GetStatesAsync("odkm");

        Assert.Equal([MilestoneRef.Parse("1")], states.Keys);
        Assert.Empty(await ledger.GetStatesAsync("southend-2018"));
        Assert.Empty(await ledger.GetStatesAsync("ODKM/../x"));
    }

    [Fact]
    public async Task A_person_key_with_characters_a_row_key_forbids_is_escaped_and_kept_unique()
    {
        var ledger = NewLedger();
        var awkward = Reminder("5", person: @"a/b#c?d\e" + "\u0001");
        var lookalike = Reminder("5", person: "a%2Fb%23c%3Fd%5Ce%01");

        Assert.NotNull(await ledger.TryClaimAsync(awkward, "host-a", Lease, Now));
        Assert.NotNull(await ledger.TryClaimAsync(lookalike, "host-a", Lease, Now));
        Assert.Null(await NewLedger().TryClaimAsync(awkward, "host-b", Lease, Now));

        var rows = new List<TableEntity>();
        await foreach (var row in Table().QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"odkm"}"))) rows.Add(row);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.True(row.RowKey.IndexOfAny(['/', '#', '?', '\\', '\u0001']) < 0, row.RowKey));
        Assert.Contains(rows, row => row.RowKey == "n|5|20200120|a%2Fb%23c%3Fd%5Ce%01");
    }

    [Fact]
    public async Task Bad_arguments_are_refused_before_anything_is_written()
    {
        var ledger = NewLedger();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ledger.TryClaimAsync(Reminder("1"), "host-a", TimeSpan.Zero, Now));
        await Assert.ThrowsAsync<ArgumentException>(() => ledger.TryClaimAsync(Reminder("1"), " ", Lease, Now));
        await Assert.ThrowsAsync<ArgumentException>(() => ledger.TryClaimAsync(Reminder("1") with { Reminders = [] }, "host-a", Lease, Now));
        await Assert.ThrowsAsync<ArgumentException>(() => ledger.TryClaimAsync(Reminder("1", planId: "ODKM", key: "ODKM|1|x"), "host-a", Lease, Now));
        await Assert.ThrowsAsync<ArgumentException>(() => ledger.RecordUpdateAsync("odkm/x", MilestoneRef.Parse("1"), Now));
        await Assert.ThrowsAsync<ArgumentException>(() => ledger.SnoozeAsync("", MilestoneRef.Parse("1"), Now));

        Assert.Empty(await ledger.GetStatesAsync("odkm"));
        Assert.NotNull(await ledger.TryClaimAsync(Reminder("1"), "host-a", Lease, Now));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
