using PlanBot.Core.Digests;

namespace PlanBot.Core.Tests.Digests;

public sealed class DigestRequestReaderTests
{
    [Theory]
    [InlineData("digest now", "")]
    [InlineData("Digest", "")]
    [InlineData("show me this week's digest", "")]
    [InlineData("weekly digest for Finance", "finance")]
    [InlineData("digest now for finance and cfo", "finance|cfo")]
    [InlineData("digest for Delivery, Quality", "delivery|quality")]
    public void A_digest_asked_for_now_is_read_with_its_areas(string text, string areas)
    {
        var request = DigestRequestReader.TryRead(text);

        Assert.Equal(DigestRequestKind.Now, request?.Kind);
        Assert.Equal(areas.Length == 0 ? [] : areas.Split('|'), request!.Areas.Select(a => a.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("send me the weekly digest")]
    [InlineData("digest for Finance every Friday")]
    [InlineData("stop the digest")]
    public void A_subscription_is_told_apart(string text) =>
        Assert.Equal(DigestRequestKind.Subscription, DigestRequestReader.TryRead(text)?.Kind);

    [Theory]
    [InlineData("what's overdue")]
    [InlineData("who owns the digest milestone")]
    public void Other_text_is_not_a_digest_request(string text) => Assert.Null(DigestRequestReader.TryRead(text));
}
