using PlanBot.Core.Digests;
using PlanBot.Core.Snapshots;

namespace PlanBot.Core.Tests.Snapshots;

public sealed class BoardPackRequestReaderTests
{
    [Theory]
    [InlineData("board pack")]
    [InlineData("Board pack")]
    [InlineData("the board pack.")]
    [InlineData("send me the board pack")]
    [InlineData("Send me the Board Pack please!")]
    [InlineData("can I have this week's board pack?")]
    [InlineData("could you send me the latest board pack")]
    [InlineData("I'd like the board pack")]
    [InlineData("I\u2019d like the board pack")]
    [InlineData("export the board pack as xlsx")]
    [InlineData("boardpack")]
    [InlineData("board-pack now")]
    [InlineData("show me the monthly board pack")]
    public void A_board_pack_asked_for_without_a_plan_is_read(string text)
    {
        var request = BoardPackRequestReader.TryRead(text);

        Assert.NotNull(request);
        Assert.Null(request.PlanId);
    }

    [Theory]
    [InlineData("board pack for odkm", "odkm")]
    [InlineData("board pack for ODKM", "odkm")]
    [InlineData("send me the board pack for plan southend-2018", "southend-2018")]
    [InlineData("board pack of the odkm", "odkm")]
    [InlineData("board pack odkm", "odkm")]
    [InlineData("board pack plan odkm please", "odkm")]
    [InlineData("the ODKM board pack", "odkm")]
    [InlineData("give me the odkm board pack", "odkm")]
    public void A_board_pack_for_a_named_plan_is_read_with_the_plan(string text, string plan) =>
        Assert.Equal(plan, BoardPackRequestReader.TryRead(text)?.PlanId);

    [Theory]
    [InlineData("digest now")]
    [InlineData("digest")]
    [InlineData("send me the weekly digest")]
    [InlineData("digest for Finance")]
    [InlineData("what's overdue")]
    [InlineData("what's in the board pack?")]
    [InlineData("who owns the board pack milestone")]
    [InlineData("is the board pack ready for the governing body")]
    [InlineData("board pack for 20 jan")]
    [InlineData("board pack for -x")]
    [InlineData("")]
    [InlineData("   ")]
    public void Other_text_is_not_a_board_pack_request(string text) => Assert.Null(BoardPackRequestReader.TryRead(text));

    [Theory]
    [InlineData("digest now")]
    [InlineData("digest for Finance and CFO")]
    [InlineData("send me the weekly digest")]
    [InlineData("stop the digest")]
    public void Digest_phrases_stay_digest_requests(string text)
    {
        Assert.Null(BoardPackRequestReader.TryRead(text));
        Assert.NotNull(DigestRequestReader.TryRead(text));
    }

    [Fact]
    public void A_plan_id_longer_than_plan_ids_may_be_is_not_taken_for_a_plan() =>
        Assert.Null(BoardPackRequestReader.TryRead("board pack for " + new string('a', 41)));
}
