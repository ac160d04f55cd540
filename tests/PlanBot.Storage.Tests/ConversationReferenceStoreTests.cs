using Azure.Data.Tables;
using PlanBot.BotFramework.Schema;
using PlanBot.Storage.ConversationReferences;
using PlanBot.Testing;

namespace PlanBot.Storage.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class ConversationReferenceStoreTests(AzuriteFixture azurite)
{
    private readonly PlanBotTables _tables = new(new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = TestTablePrefix.New() });

    private TableConversationReferenceStore NewStore() => new(_tables, TimeProvider.System);

    private static ConversationReference Personal(string tenant, string aadObjectId, string conversationId, string serviceUrl = "https://smba.trafficmanager.net/uk/") => new()
    {
        ServiceUrl = serviceUrl,
        ChannelId = Channels.MsTeams,
        Conversation = new ConversationAccount { Id = conversationId, TenantId = tenant, ConversationType = "personal" },
        User = new ChannelAccount { Id = "29:1abc", AadObjectId = aadObjectId, Name = "Sue Graham" },
        Bot = new ChannelAccount { Id = "28:bot-app-id", Name = "PlanBot" },
        Locale = "en-GB",
        ActivityId = "1700000000000",
    };

    [Fact]
    public async Task A_personal_chat_is_found_again_by_tenant_and_object_id()
    {
        var store = NewStore();
        await store.SaveAsync(Personal("tenant-1", "aad-sue", "a:1xyz"), CancellationToken.None);

        var found = await store.FindPersonalAsync("tenant-1", "aad-sue", CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal("https://smba.trafficmanager.net/uk/", found.ServiceUrl);
        Assert.Equal("a:1xyz", found.Conversation!.Id);
        Assert.Equal("tenant-1", found.Conversation.TenantId);
        Assert.Equal("29:1abc", found.User!.Id);
        Assert.Equal("28:bot-app-id", found.Bot!.Id);
        Assert.Equal("msteams", found.ChannelId);
        Assert.Null(await store.FindPersonalAsync("tenant-2", "aad-sue", CancellationToken.None));
    }

    [Fact]
    public async Task Saving_again_replaces_the_reference_with_the_fresher_one()
    {
        var store = NewStore();
        await store.SaveAsync(Personal("tenant-1", "aad-sue", "a:old", "https://smba.trafficmanager.net/emea/"), CancellationToken.None);
        await store.SaveAsync(Personal("tenant-1", "aad-sue", "a:new"), CancellationToken.None);

        var found = await store.FindPersonalAsync("tenant-1", "aad-sue", CancellationToken.None);

        Assert.Equal("a:new", found!.Conversation!.Id);
        Assert.Equal("https://smba.trafficmanager.net/uk/", found.ServiceUrl);
    }

    [Fact]
    public async Task Removing_forgets_the_chat_and_removing_twice_is_harmless()
    {
        var store = NewStore();
        var reference = Personal("tenant-1", "aad-sue", "a:1xyz");
        await store.SaveAsync(reference, CancellationToken.None);

        await store.RemoveAsync(reference, CancellationToken.None);
        await store.RemoveAsync(reference, CancellationToken.None);

        Assert.Null(await store.FindPersonalAsync("tenant-1", "aad-sue", CancellationToken.None));
    }

    [Fact]
    public async Task A_team_conversation_is_filed_by_its_id_even_with_characters_a_row_key_forbids()
    {
        var store = NewStore();
        var reference = new ConversationReference
        {
            ServiceUrl = "https://smba.trafficmanager.net/uk/",
            ChannelId = Channels.MsTeams,
            Conversation = new ConversationAccount { Id = "19:abc/def#g?h@thread.tacv2", TenantId = "tenant-1", ConversationType = "channel", IsGroup = true },
            Bot = new ChannelAccount { Id = "28:bot-app-id" },
        };

        await store.SaveAsync(reference, CancellationToken.None);

        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(_tables.Names.ConversationReferences);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"tenant-1"}"))) rows.Add(row);
        var stored = Assert.Single(rows);
        Assert.StartsWith("conversation|", stored.RowKey);
        Assert.Equal("19:abc/def#g?h@thread.tacv2", stored.GetString("ConversationId"));
    }

    [Fact]
    public async Task A_personal_reference_without_the_users_object_id_is_refused_not_filed_wrongly()
    {
        var store = NewStore();
        var reference = Personal("tenant-1", "aad-sue", "a:1");
        reference.User!.AadObjectId = null;

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(reference, CancellationToken.None));
    }
}
