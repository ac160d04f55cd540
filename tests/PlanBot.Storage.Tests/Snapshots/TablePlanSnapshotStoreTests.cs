using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.Core.Plans;
using PlanBot.Core.Snapshots;
using PlanBot.Storage.Snapshots;
using PlanBot.Testing;
using Xunit.Abstractions;

namespace PlanBot.Storage.Tests.Snapshots;

[Collection(AzuriteFixture.Collection)]
public sealed class TablePlanSnapshotStoreTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly DateOnly Week1 = new(2020, 1, 6);
    private static readonly DateOnly Week2 = Week1.AddDays(7);
    private static readonly DateOnly Week3 = Week1.AddDays(14);
    private static readonly DateOnly Week5 = Week1.AddDays(28);

    private readonly PlanBotTables _tables = new(new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = TestTablePrefix.New() });

    private TablePlanSnapshotStore NewStore() => new(_tables, TimeProvider.System);

    private TableClient Table() => new TableServiceClient(azurite.ConnectionString).GetTableClient(_tables.Names.Snapshots);

    private async Task<List<TableEntity>> RowsAsync()
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Table().QueryAsync<TableEntity>()) rows.Add(row);
        return rows;
    }

    private static MilestoneSnapshot Milestone(int i, Rag rag = Rag.Green, string? title = null) => new()
    {
        Ref = MilestoneRef.Parse(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{i / 1000 + 1}.{i % 1000 + 1}")),
        Title = title ?? $"Milestone {i + 1}",
        Team = "CFO",
        Department = i % 3 == 0 ? "Finance" : "Contracts",
        Programme = i % 2 == 0 ? null : "Financial recovery",
        Status = rag == Rag.Red ? MilestoneStatus.Delayed : MilestoneStatus.OnTrack,
        Rag = rag,
        Due = new DateOnly(2020, 3, 31).AddDays(-(i % 200)),
        RevisedDue = i % 7 == 0 ? new DateOnly(2020, 6, 30) : null,
        Overdue = i % 11 == 0,
    };

    private static PlanSnapshot Snapshot(DateOnly weekOf, IReadOnlyList<MilestoneSnapshot> milestones, string planId = "odkm", int day = 2) => new()
    {
        PlanId = planId,
        WeekOf = weekOf,
        AsAt = weekOf.AddDays(day),
        TakenAt = new DateTimeOffset(weekOf.AddDays(day).ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero),
        Milestones = milestones,
    };

    private static void AssertSame(PlanSnapshot expected, PlanSnapshot? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal((expected.PlanId, expected.WeekOf, expected.AsAt, expected.TakenAt), (actual.PlanId, actual.WeekOf, actual.AsAt, actual.TakenAt));
        Assert.Equal(expected.Milestones, actual.Milestones);
    }

    [Fact]
    public async Task The_store_is_registered_with_the_others_and_shared()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Tables"] = azurite.ConnectionString,
            ["PlanBot:Storage:TablePrefix"] = _tables.Options.TablePrefix,
        }).Build();
        using var provider = new ServiceCollection().AddPlanBotTableStorage(configuration).BuildServiceProvider();

        var store = provider.GetRequiredService<IPlanSnapshotStore>();
        await store.SaveAsync(Snapshot(Week1, [Milestone(1)]));

        Assert.IsType<TablePlanSnapshotStore>(store);
        Assert.Same(store, provider.GetRequiredService<IPlanSnapshotStore>());
        Assert.Equal([Week1], await NewStore().ListWeeksAsync("odkm"));
    }

    [Fact]
    public async Task Before_any_save_there_are_no_snapshots()
    {
        var store = NewStore();

        Assert.Null(await store.GetAsync("odkm", Week1));
        Assert.Null(await store.GetLatestBeforeAsync("odkm", Week5));
        Assert.Empty(await store.ListWeeksAsync("odkm"));
    }

    [Fact]
    public async Task A_snapshot_reads_back_whole_from_any_store_instance_by_any_day_of_its_week()
    {
        MilestoneSnapshot[] milestones =
        [
            new()
            {
                Ref = MilestoneRef.Parse("6.17"), Title = "Open the discharge lounge — phase 1 “Siân” 🚑", Team = "COO (AD)", Department = "Flow",
                Programme = "Urgent & emergency care", Status = MilestoneStatus.Delayed, Rag = Rag.Red,
                Due = new DateOnly(2019, 9, 27), RevisedDue = new DateOnly(2019, 12, 31), Overdue = true,
            },
            new() { Ref = MilestoneRef.Parse("2c"), Title = "=SUM(A1:A3)", Status = MilestoneStatus.Unknown },
            new() { Ref = MilestoneRef.Parse("1.3.1"), Title = string.Empty, Status = MilestoneStatus.Complete, Rag = Rag.Blue, Due = new DateOnly(2020, 1, 31) },
        ];
        var snapshot = Snapshot(Week2, milestones);

        await NewStore().SaveAsync(snapshot);

        AssertSame(snapshot, await NewStore().GetAsync("odkm", Week2));
        AssertSame(snapshot, await NewStore().GetAsync("odkm", Week2.AddDays(6))); // Sunday of the same week
        Assert.Null(await NewStore().GetAsync("odkm", Week3));
    }

    [Fact]
    public async Task An_empty_plan_has_a_snapshot_too()
    {
        await NewStore().SaveAsync(Snapshot(Week1, []));

        var read = await NewStore().GetAsync("odkm", Week1);

        Assert.NotNull(read);
        Assert.Empty(read.Milestones);
    }

    [Fact]
    public async Task Saving_the_same_week_again_replaces_it_and_leaves_one_generation()
    {
        var store = NewStore();
        await store.SaveAsync(Snapshot(Week2, [Milestone(0, Rag.Red), Milestone(1)], day: 0));
        var second = Snapshot(Week2, [Milestone(0, Rag.Blue)], day: 4);

        await store.SaveAsync(second);

        AssertSame(second, await store.GetAsync("odkm", Week2));
        Assert.Equal([Week2], await store.ListWeeksAsync("odkm"));
        var chunkPartitions = (await RowsAsync()).Where(r => r.PartitionKey != "odkm").Select(r => r.PartitionKey).Distinct().ToList();
        Assert.Single(chunkPartitions);
    }

    [Fact]
    public async Task The_latest_before_a_week_is_the_last_report_to_compare_with()
    {
        var store = NewStore();
        foreach (var week in new[] { Week3, Week1, Week5 }) await store.SaveAsync(Snapshot(week, [Milestone(week.Day)]));

        Assert.Equal(Week3, (await store.GetLatestBeforeAsync("odkm", Week5))?.WeekOf);
        Assert.Equal(Week3, (await store.GetLatestBeforeAsync("odkm", Week5.AddDays(3)))?.WeekOf); // any day of the week
        Assert.Equal(Week3, (await store.GetLatestBeforeAsync("odkm", Week3.AddDays(7)))?.WeekOf);
        Assert.Equal(Week1, (await store.GetLatestBeforeAsync("odkm", Week3))?.WeekOf);
        Assert.Equal(Week1, (await store.GetLatestBeforeAsync("odkm", Week2))?.WeekOf);
        Assert.Null(await store.GetLatestBeforeAsync("odkm", Week1));
        AssertSame(Snapshot(Week3, [Milestone(Week3.Day)]), await store.GetLatestBeforeAsync("odkm", Week5));
    }

    [Fact]
    public async Task Weeks_are_listed_oldest_first_for_the_plan_asked_about_only()
    {
        var store = NewStore();
        await store.SaveAsync(Snapshot(Week5, [Milestone(1)]));
        await store.SaveAsync(Snapshot(Week1, [Milestone(1)]));
        await store.SaveAsync(Snapshot(Week3, [Milestone(1)], planId: "odkm-2"));
        await store.SaveAsync(Snapshot(new DateOnly(2019, 12, 30), [Milestone(1)]));

        Assert.Equal([new DateOnly(2019, 12, 30), Week1, Week5], await store.ListWeeksAsync("odkm"));
        Assert.Equal([Week3], await store.ListWeeksAsync("odkm-2"));
        Assert.Null(await store.GetLatestBeforeAsync("odkm-2", Week3));
    }

    [Theory]
    [InlineData("ODKM")]
    [InlineData("odkm|2020")]
    [InlineData("' or PartitionKey ne '")]
    [InlineData("")]
    public async Task An_invalid_plan_id_reads_as_nothing_and_saves_nothing(string planId)
    {
        var store = NewStore();
        await store.ListWeeksAsync("odkm"); // creates the table, so it can be seen to stay empty

        Assert.Null(await store.GetAsync(planId, Week1));
        Assert.Null(await store.GetLatestBeforeAsync(planId, Week5));
        Assert.Empty(await store.ListWeeksAsync(planId));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(Snapshot(Week1, [Milestone(1)], planId: planId)));
        Assert.Empty(await RowsAsync());
    }

    [Fact]
    public async Task A_snapshot_whose_week_is_not_a_Monday_or_whose_day_is_outside_it_is_refused()
    {
        var store = NewStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(Snapshot(Week1, [Milestone(1)]) with { WeekOf = Week1.AddDays(1) }));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(Snapshot(Week1, [Milestone(1)]) with { AsAt = Week2 }));
        Assert.Empty(await store.ListWeeksAsync("odkm"));
    }

    [Fact]
    public async Task Rows_are_keyed_as_documented()
    {
        await NewStore().SaveAsync(Snapshot(Week2, [Milestone(0), Milestone(1)]));

        var rows = await RowsAsync();

        var head = Assert.Single(rows, r => r.PartitionKey == "odkm");
        Assert.Equal("2020-01-13", head.RowKey);
        Assert.Equal(("2020-01-15", 2, 1, "milestones-json-gzip-1"), (head.GetString("AsAt"), head.GetInt32("MilestoneCount"), head.GetInt32("ChunkCount"), head.GetString("Format")));
        var generation = head.GetInt64("Generation")!.Value;
        var chunks = rows.Where(r => r.PartitionKey == "odkm|2020-01-13@" + generation.ToString("D19")).Select(r => r.RowKey).Order(StringComparer.Ordinal);
        Assert.Equal(["000000", "claim"], chunks);
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public async Task Readers_see_one_whole_snapshot_or_the_other_while_a_week_is_replaced()
    {
        // Titles that do not compress spread each snapshot over several chunk rows.
        var red = Enumerable.Range(0, 30_000).Select(i => Milestone(i, Rag.Red, Guid.NewGuid().ToString("N"))).ToList();
        var green = red.Select(m => m with { Rag = Rag.Green, Status = MilestoneStatus.OnTrack }).ToList();
        var store = NewStore();
        await store.SaveAsync(Snapshot(Week2, red));
        var head = Assert.Single(await RowsAsync(), r => r.PartitionKey == "odkm");
        Assert.True(head.GetInt32("ChunkCount") >= 2, $"expected several chunk rows, got {head.GetInt32("ChunkCount")}");

        using var stop = new CancellationTokenSource();
        var reads = 0;
        var reader = Task.Run(async () =>
        {
            var readerStore = NewStore();
            while (!stop.IsCancellationRequested)
            {
                var read = await readerStore.GetAsync("odkm", Week2);
                Assert.NotNull(read);
                Assert.Equal(30_000, read.Milestones.Count);
                Assert.Single(read.Milestones.Select(m => m.Rag).Distinct());
                reads++;
            }
        });

        for (var i = 0; i < 6; i++) await store.SaveAsync(Snapshot(Week2, i % 2 == 0 ? green : red, day: i % 5));
        await stop.CancelAsync();
        await reader;

        Assert.True(reads > 0);
        AssertSame(Snapshot(Week2, red, day: 0), await store.GetAsync("odkm", Week2)); // saves 0..5: the last (5) is red, as at Monday
    }

    [Fact]
    public async Task Two_saves_of_the_same_week_at_once_leave_one_of_them_whole()
    {
        var first = Snapshot(Week2, Enumerable.Range(0, 5_000).Select(i => Milestone(i, Rag.Red)).ToList(), day: 1);
        var second = Snapshot(Week2, Enumerable.Range(0, 4_000).Select(i => Milestone(i, Rag.Amber)).ToList(), day: 3);

        await Task.WhenAll(NewStore().SaveAsync(first), NewStore().SaveAsync(second));

        var read = await NewStore().GetAsync("odkm", Week2);
        Assert.NotNull(read);
        AssertSame(read.Milestones.Count == 5_000 ? first : second, read);
        Assert.Single((await RowsAsync()).Where(r => r.PartitionKey != "odkm").Select(r => r.PartitionKey).Distinct());
    }

    [Fact]
    public async Task A_snapshot_of_100000_milestones_round_trips_within_table_limits()
    {
        var milestones = Enumerable.Range(0, 100_000).Select(i => Milestone(i, (Rag)(i % 5), $"Deliver workstream {i % 997} milestone {i} for the programme board")).ToList();
        var snapshot = Snapshot(Week2, milestones);
        var store = NewStore();
        await store.ListWeeksAsync("odkm"); // creates the tables, so the timings below are the snapshot's own

        var saving = Stopwatch.StartNew();
        await store.SaveAsync(snapshot);
        saving.Stop();
        var reader = NewStore();
        await reader.ListWeeksAsync("odkm"); // a fresh instance, past its first request
        var reading = Stopwatch.StartNew();
        var read = await reader.GetAsync("odkm", Week2);
        reading.Stop();

        AssertSame(snapshot, read);
        var rows = await RowsAsync();
        var head = Assert.Single(rows, r => r.PartitionKey == "odkm");
        var chunks = rows.Where(r => r.PartitionKey != "odkm" && r.RowKey != "claim").ToList();
        Assert.Equal(head.GetInt32("ChunkCount"), chunks.Count);
        foreach (var chunk in chunks)
        {
            var parts = chunk.Keys.Where(k => k.Length == 6 && k.StartsWith("Part", StringComparison.Ordinal) && char.IsDigit(k[4])).Select(chunk.GetBinary).ToList();
            Assert.All(parts, p => Assert.InRange(p!.Length, 1, 64 * 1024));
            // The documented entity size (4 + 2 per key character + per property 8 + 2 per name character + value), and the
            // request body with each part in base64 and its type annotation, are both under 1 MiB.
            var bytes = 4 + 2 * (chunk.PartitionKey.Length + chunk.RowKey.Length) + parts.Sum(p => 8 + 2 * 6 + 4 + p!.Length) + 8 + 2 * 5 + 4;
            Assert.InRange(bytes, 1, 1024 * 1024);
            var json = 200 + parts.Sum(p => (p!.Length + 2) / 3 * 4 + 64);
            Assert.InRange(json, 1, 1024 * 1024);
        }

        output.WriteLine($"100,000 milestones: {head.GetInt64("Bytes"):N0} compressed bytes in {chunks.Count} chunk rows; saved in {saving.ElapsedMilliseconds:N0} ms, read in {reading.ElapsedMilliseconds:N0} ms.");
    }
}
