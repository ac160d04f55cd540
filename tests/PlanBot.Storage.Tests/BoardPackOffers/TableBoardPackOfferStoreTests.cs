using PlanBot.Core.Snapshots;
using PlanBot.Storage.BoardPackOffers;
using PlanBot.Testing;

namespace PlanBot.Storage.Tests.BoardPackOffers;

[Collection(AzuriteFixture.Collection)]
public sealed class TableBoardPackOfferStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly TableBoardPackOfferStore _store = new(new PlanBotTables(new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = TestTablePrefix.New() }));

    private static BoardPackOffer Offer(string tenant = "tenant-1") => new()
    {
        Id = BoardPackOffer.NewId(),
        TenantId = tenant,
        AadObjectId = "11111111-1111-1111-1111-111111111111",
        PlanId = "odkm",
        AsAt = new DateOnly(2026, 3, 2),
        OfferedAt = Now,
        ExpiresAt = Now.AddHours(1),
    };

    [Fact]
    public async Task An_offer_is_read_back_as_saved_in_its_own_tenant_only()
    {
        var offer = Offer();

        await _store.SaveAsync(offer);

        Assert.Equal(offer, await _store.GetAsync("tenant-1", offer.Id));
        Assert.Null(await _store.GetAsync("tenant-2", offer.Id));
        Assert.Null(await _store.GetAsync("tenant-1", BoardPackOffer.NewId()));
    }

    [Fact]
    public async Task An_offer_is_answered_once_even_when_many_answer_at_the_same_moment()
    {
        var offer = Offer();
        await _store.SaveAsync(offer);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => _store.TryAnswerAsync("tenant-1", offer.Id, Now.AddMinutes(1))));

        Assert.Single(answers, answered => answered);
        Assert.Equal(Now.AddMinutes(1), (await _store.GetAsync("tenant-1", offer.Id))!.AnsweredAt);
        Assert.False(await _store.TryAnswerAsync("tenant-1", offer.Id, Now.AddMinutes(2)));
    }

    [Theory]
    [InlineData("tenant-2", null)]
    [InlineData("tenant-1", "not-an-offer-id")]
    [InlineData("tenant-1", "../0123456789abcdef0123456789abcd")]
    public async Task An_answer_in_another_tenant_or_with_a_made_up_id_answers_nothing(string tenant, string? offerId)
    {
        var offer = Offer();
        await _store.SaveAsync(offer);

        Assert.False(await _store.TryAnswerAsync(tenant, offerId ?? offer.Id, Now));
        Assert.Null((await _store.GetAsync("tenant-1", offer.Id))!.AnsweredAt);
    }
}
