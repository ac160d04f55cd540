using PlanBot.BotFramework.Cards;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Testing;
using PlanBot.Web.Cards;

namespace PlanBot.Web.Tests.Cards;

/// <summary>
/// A list card stays under Teams' size limit however long the tracker's titles and however big the directorate: the
/// HTTP question benchmark found a department's list with its directorate rows at 30 KB, which the bot could not send.
/// </summary>
public sealed class AnswerCardSizeTests
{
    private static readonly DateOnly AsAt = new(2020, 1, 20);

    [Fact]
    public void A_page_of_long_titled_rows_with_a_large_directorate_fits_and_counts_the_rows_it_leaves_out()
    {
        var longTitle = string.Concat(Enumerable.Repeat("Deliver the estates rationalisation programme across all sites ", 12));
        var listed = Enumerable.Range(1, 25).Select(i => Long(TestPlans.Milestone($"{i}", longTitle, due: AsAt.AddDays(-i)))).ToList();
        var directorate = Enumerable.Range(100, 30).Select(i => Long(TestPlans.Milestone($"{i}", longTitle, due: AsAt.AddDays(-i)))).ToList();
        var answer = new Answer
        {
            Kind = QuestionKind.List, Text = "25 milestones overdue in Estates.", PlanId = "odkm", PlanName = "ODKM", AsAt = AsAt,
            Milestones = listed, AlsoInDirectorate = directorate, DirectorateName = "COO", ShowOwners = true,
        };

        var lastPage = new AnswerCards().List(answer, "what's overdue in estates?", page: 3);

        Assert.True(lastPage.MeasureSize() <= AdaptiveCard.DefaultMaxSizeBytes, $"{lastPage.MeasureSize()} bytes");
        lastPage.ToAttachment(); // what the bot sends: throws when over the limit
        var json = lastPage.ToJson();
        var shownFromDirectorate = directorate.Count(m => json.Contains($"\"status of {m.Ref.Display}\"", StringComparison.Ordinal));
        Assert.InRange(shownFromDirectorate, 1, AnswerCards.PageSize - 1);
        Assert.Contains($"and {directorate.Count - shownFromDirectorate} more.", json, StringComparison.Ordinal);
        Assert.DoesNotContain(longTitle, json, StringComparison.Ordinal);
    }

    private static Milestone Long(Milestone milestone) => milestone with
    {
        Owners = [TestPlans.Delivery("Alexandra Montgomery-Smythe", "Deputy Director of Estates and Facilities"), TestPlans.Accountable("Christopher Fotheringham", "Chief Operating Officer")],
    };
}
