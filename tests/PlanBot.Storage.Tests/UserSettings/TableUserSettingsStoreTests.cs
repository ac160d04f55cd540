using Azure.Data.Tables;
using PlanBot.Storage.UserSettings;
using PlanBot.Testing;

namespace PlanBot.Storage.Tests.UserSettings;

[Collection(AzuriteFixture.Collection)]
public sealed class TableUserSettingsStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly PlanBotTables _tables = new(new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = TestTablePrefix.New() });

    private TableUserSettingsStore NewStore() => new(_tables, new FixedClock(Now));

    private TableClient Table() => new TableServiceClient(azurite.ConnectionString).GetTableClient(_tables.Names.UserSettings);

    private async Task<List<TableEntity>> RowsAsync(string tenantId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Table().QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}"))) rows.Add(row);
        return rows;
    }

    [Fact]
    public async Task Default_plan_is_null_until_set()
    {
        var store = NewStore();

        Assert.Null(await store.GetDefaultPlanAsync("tenant-1", "aad-sue"));
    }

    [Fact]
    public async Task A_default_plan_that_was_set_is_read_back()
    {
        var store = NewStore();

        await store.SetDefaultPlanAsync("tenant-1", "aad-sue", "odkm");

        Assert.Equal("odkm", await store.GetDefaultPlanAsync("tenant-1", "aad-sue"));
        Assert.Equal("odkm", await NewStore().GetDefaultPlanAsync("tenant-1", "aad-sue"));
    }

    [Fact]
    public async Task Setting_the_default_plan_again_keeps_only_the_latest()
    {
        var store = NewStore();

        await store.SetDefaultPlanAsync("tenant-1", "aad-sue", "odkm");
        await store.SetDefaultPlanAsync("tenant-1", "aad-sue", "southend-2018");

        Assert.Equal("southend-2018", await store.GetDefaultPlanAsync("tenant-1", "aad-sue"));
        Assert.Single(await RowsAsync("tenant-1"));
    }

    [Fact]
    public async Task The_same_user_id_in_two_tenants_is_two_users()
    {
        var store = NewStore();

        await store.SetDefaultPlanAsync("tenant-1", "aad-sue", "odkm");
        await store.SetDefaultPlanAsync("tenant-2", "aad-sue", "southend-2018");

        Assert.Equal("odkm", await store.GetDefaultPlanAsync("tenant-1", "aad-sue"));
        Assert.Equal("southend-2018", await store.GetDefaultPlanAsync("tenant-2", "aad-sue"));
        Assert.Null(await store.GetDefaultPlanAsync("tenant-3", "aad-sue"));
    }

    [Fact]
    public async Task A_user_id_with_characters_a_row_key_forbids_round_trips()
    {
        var store = NewStore();
        const string awkward = @"29:1a/b#c?d\e";
        const string lookalike = "29:1a%2Fb%23c%3Fd%5Ce"; // what the awkward id escapes to, as a user id of its own

        await store.SetDefaultPlanAsync("tenant-1", awkward, "odkm");
        await store.SetDefaultPlanAsync("tenant-1", lookalike, "southend-2018");

        Assert.Equal("odkm", await store.GetDefaultPlanAsync("tenant-1", awkward));
        Assert.Equal("southend-2018", await store.GetDefaultPlanAsync("tenant-1", lookalike));
        var rows = await RowsAsync("tenant-1");
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.True(row.RowKey.IndexOfAny(['/', '#', '?', '\\']) < 0, row.RowKey));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ODKM")]
    [InlineData("-odkm")]
    [InlineData("odkm/2018")]
    [InlineData("odkm 2018")]
    [InlineData("a2345678901234567890123456789012345678901")] // 41 characters
    public async Task An_invalid_plan_id_is_refused_and_nothing_is_stored(string planId)
    {
        var store = NewStore();
        await store.SetDefaultPlanAsync("tenant-1", "aad-sue", "odkm");

        await Assert.ThrowsAsync<ArgumentException>(() => store.SetDefaultPlanAsync("tenant-1", "aad-sue", planId));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SetDefaultPlanAsync("tenant-1", "aad-raj", planId));

        Assert.Equal("odkm", await store.GetDefaultPlanAsync("tenant-1", "aad-sue"));
        Assert.Null(await store.GetDefaultPlanAsync("tenant-1", "aad-raj"));
        Assert.Equal("aad-sue", Assert.Single(await RowsAsync("tenant-1")).RowKey);
    }

    [Theory]
    [InlineData("", "aad-sue")]
    [InlineData(" ", "aad-sue")]
    [InlineData("tenant-1", "")]
    [InlineData("tenant-1", " ")]
    public async Task An_empty_tenant_or_user_id_is_refused(string tenantId, string userId)
    {
        var store = NewStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.SetDefaultPlanAsync(tenantId, userId, "odkm"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetDefaultPlanAsync(tenantId, userId));
    }

    [Fact]
    public async Task Setting_the_default_plan_records_when_and_keeps_other_settings_columns()
    {
        var store = NewStore();
        await store.SetDefaultPlanAsync("tenant-1", "aad-sue", "odkm");
        await Table().UpsertEntityAsync(new TableEntity("tenant-1", "aad-sue") { ["ReminderHour"] = 9 }, TableUpdateMode.Merge);

        await store.SetDefaultPlanAsync("tenant-1", "aad-sue", "southend-2018");

        var row = Assert.Single(await RowsAsync("tenant-1"));
        Assert.Equal("southend-2018", row.GetString("DefaultPlanId"));
        Assert.Equal(9, row.GetInt32("ReminderHour"));
        Assert.Equal(Now, row.GetDateTimeOffset("UpdatedAt"));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
