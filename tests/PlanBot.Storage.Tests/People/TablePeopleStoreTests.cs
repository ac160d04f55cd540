using Azure.Data.Tables;
using PlanBot.Core.People;
using PlanBot.Storage.People;
using PlanBot.Testing;

namespace PlanBot.Storage.Tests.People;

[Collection(AzuriteFixture.Collection)]
public sealed class TablePeopleStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly Person Sue = new("Sue Graham", "sue.graham@nhs.net", "3f2504e0-4f89-41d3-9a0c-0305e82c3301", ["Director", "Chair"], "Pat Lee");
    private static readonly Person Pat = new("Pat Lee", "pat.lee@nhs.net", null, ["PMO admin"]);
    private static readonly Person Zoe = new("Zoë O'Neill", "zoe.oneill@nhs.net");

    private readonly PlanBotTables _tables = new(new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = TestTablePrefix.New() });

    private TablePeopleStore NewStore() => new(_tables, new FixedClock(Now));

    private TableClient Table() => new TableServiceClient(azurite.ConnectionString).GetTableClient(_tables.Names.People);

    private async Task<List<TableEntity>> RowsAsync()
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Table().QueryAsync<TableEntity>()) rows.Add(row);
        return rows;
    }

    private static List<Person> Numbered(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => new Person($"{prefix} Person{i:D4}", $"{prefix.ToLowerInvariant()}.person{i}@nhs.net")).ToList();

    [Fact]
    public async Task Before_any_import_there_are_no_people()
    {
        var people = await NewStore().GetPeopleAsync();

        Assert.Same(PeopleSet.Empty, people);
        Assert.Null(people.Info);
    }

    [Fact]
    public async Task An_imported_set_reads_back_whole_in_file_order_from_any_store_instance()
    {
        var info = await NewStore().ReplaceAllAsync([Sue, Pat, Zoe], "cli:pmo", "people.csv");

        var read = await NewStore().GetPeopleAsync();

        Assert.Equal(["Sue Graham", "Pat Lee", "Zoë O'Neill"], read.People.Select(p => p.Name));
        var sue = read.People[0];
        Assert.Equal((Sue.Email, Sue.AadObjectId, Sue.Delegate), (sue.Email, sue.AadObjectId, sue.Delegate));
        Assert.Equal(["Director", "Chair"], sue.Roles);
        Assert.True(read.People[1].IsPmoAdmin);
        Assert.Null(read.People[2].AadObjectId);
        Assert.Empty(read.People[2].Roles);
        Assert.Equal(info, read.Info);
        Assert.Equal((3, Now, "cli:pmo", "people.csv"), (info.Count, info.ImportedAt, info.ImportedBy, info.SourceFile));
        Assert.Equal("Pat Lee", read.DelegateOf(sue)?.Name);
    }

    [Fact]
    public async Task Rows_are_keyed_as_documented()
    {
        await NewStore().ReplaceAllAsync([Sue, Pat], "cli:pmo", "people.csv");

        var rows = await RowsAsync();

        var current = Assert.Single(rows, r => r.PartitionKey == "set");
        Assert.Equal("current", current.RowKey);
        var generation = current.GetInt64("Generation")!.Value;
        var partition = "people@" + generation.ToString("D19");
        Assert.Equal(["000000", "000001", "claim"], rows.Where(r => r.PartitionKey == partition).Select(r => r.RowKey).Order(StringComparer.Ordinal));
        Assert.Equal("Director;Chair", rows.Single(r => r.RowKey == "000000").GetString("Roles"));
    }

    [Fact]
    public async Task Importing_again_replaces_the_whole_set_and_changes_the_version()
    {
        var store = NewStore();
        var first = await store.ReplaceAllAsync([Sue, Pat], "cli:pmo", "people.csv");

        var second = await store.ReplaceAllAsync([Zoe], "cli:pmo", "people-v2.csv");

        var read = await store.GetPeopleAsync();
        Assert.Equal(["Zoë O'Neill"], read.People.Select(p => p.Name));
        Assert.NotEqual(first.Version, second.Version);
        Assert.Equal("people-v2.csv", read.Info!.SourceFile);
    }

    [Fact]
    public async Task Only_the_current_and_the_previous_generation_are_kept()
    {
        var store = NewStore();
        for (var i = 1; i <= 4; i++)
            await store.ReplaceAllAsync(Numbered("Import" + i, 3), "cli:pmo", null);

        var partitions = (await RowsAsync()).Select(r => r.PartitionKey).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Equal(3, partitions.Count);
        Assert.Equal("set", partitions[^1]);
        Assert.All(partitions[..2], p => Assert.StartsWith("people@", p));
        Assert.Equal(["Import4 Person0001", "Import4 Person0002", "Import4 Person0003"], (await store.GetPeopleAsync()).People.Select(p => p.Name));
    }

    [Fact]
    public async Task An_invalid_set_is_refused_and_nothing_is_written()
    {
        var store = NewStore();
        await store.ReplaceAllAsync([Sue, Pat], "cli:pmo", "people.csv");
        var before = await RowsAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            store.ReplaceAllAsync([Zoe, new Person("zoe o'neill", "other@nhs.net"), new Person("Jo Bloggs", "not-an-email")], "cli:pmo", "bad.csv"));

        Assert.Contains("'zoe o'neill' is the same name as 'Zoë O'Neill' on row 2", error.Message);
        Assert.Equal(before.Select(r => (r.PartitionKey, r.RowKey, r.ETag)), (await RowsAsync()).Select(r => (r.PartitionKey, r.RowKey, r.ETag)));
        Assert.Equal(["Sue Graham", "Pat Lee"], (await store.GetPeopleAsync()).People.Select(p => p.Name));
    }

    [Fact]
    public async Task A_large_set_is_written_in_transactions_and_reads_back_whole()
    {
        var people = Numbered("Large", 1_234);

        await NewStore().ReplaceAllAsync(people, "cli:pmo", "large.csv");

        Assert.Equal(people.Select(p => p.Name), (await NewStore().GetPeopleAsync()).People.Select(p => p.Name));
    }

    [Fact]
    public async Task A_generation_left_by_a_crashed_import_is_never_read_and_the_next_import_deletes_it()
    {
        var store = NewStore();
        await store.ReplaceAllAsync([Sue, Pat], "cli:pmo", "people.csv");
        var current = (await RowsAsync()).Single(r => r.PartitionKey == "set").GetInt64("Generation")!.Value;
        var crashed = "people@" + (current + 1).ToString("D19");
        await Table().AddEntityAsync(new TableEntity(crashed, "claim"));
        await Table().AddEntityAsync(new TableEntity(crashed, "000000") { ["Name"] = "Half Written" });

        Assert.Equal(["Sue Graham", "Pat Lee"], (await store.GetPeopleAsync()).People.Select(p => p.Name));

        await store.ReplaceAllAsync([Zoe], "cli:pmo", "people-v2.csv");
        Assert.Equal(["Zoë O'Neill"], (await store.GetPeopleAsync()).People.Select(p => p.Name));
        Assert.DoesNotContain(await RowsAsync(), r => r.GetString("Name") == "Half Written");
    }

    [Fact]
    public async Task Readers_see_a_whole_set_while_imports_replace_it()
    {
        var sets = Enumerable.Range(1, 4).Select(i => Numbered("Set" + i, 250 + i)).ToList();
        var store = new TablePeopleStore(_tables, TimeProvider.System);
        await store.ReplaceAllAsync(sets[0], "cli:pmo", null);

        using var stop = new CancellationTokenSource();
        var reads = 0;
        var reader = Task.Run(async () =>
        {
            var readerStore = new TablePeopleStore(_tables, TimeProvider.System);
            while (!stop.IsCancellationRequested)
            {
                var read = await readerStore.GetPeopleAsync();
                var whole = sets.Any(set => set.Select(p => p.Name).SequenceEqual(read.People.Select(p => p.Name)));
                Assert.True(whole, $"A reader saw {read.Count} people starting with {read.People.FirstOrDefault()?.Name}: not one whole set.");
                reads++;
            }
        });

        foreach (var set in sets.Skip(1).Concat(sets))
            await store.ReplaceAllAsync(set, "cli:pmo", null);
        await stop.CancelAsync();
        await reader;

        Assert.True(reads > 0);
    }

    [Fact]
    public async Task Of_imports_racing_each_other_the_ones_that_lose_change_nothing()
    {
        var sets = Enumerable.Range(1, 4).Select(i => Numbered("Race" + i, 120)).ToList();
        await NewStore().ReplaceAllAsync(Numbered("Start", 5), "cli:pmo", null);

        var outcomes = await Task.WhenAll(sets.Select(async set =>
        {
            try
            {
                await new TablePeopleStore(_tables, TimeProvider.System).ReplaceAllAsync(set, "cli:pmo", null);
                return (Set: set, Error: (Exception?)null);
            }
            catch (Exception e)
            {
                return (Set: set, Error: e);
            }
        }));

        Assert.All(outcomes.Where(o => o.Error is not null), o => Assert.IsType<PeopleConcurrencyException>(o.Error));
        var read = await NewStore().GetPeopleAsync();
        var winner = Assert.Single(outcomes, o => o.Set.Select(p => p.Name).SequenceEqual(read.People.Select(p => p.Name)));
        Assert.Null(winner.Error);
        var kept = (await RowsAsync()).Where(r => r.PartitionKey.StartsWith("people@", StringComparison.Ordinal) && r.RowKey != "claim").GroupBy(r => r.PartitionKey).ToList();
        Assert.All(kept, partition => Assert.True(partition.Count() is 5 or 120, $"{partition.Key} holds {partition.Count()} rows."));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
