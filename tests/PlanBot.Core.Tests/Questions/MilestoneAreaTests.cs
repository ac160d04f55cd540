using PlanBot.Core.Digests;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Core.Reminders;
using PlanBot.Core.Snapshots;
using static PlanBot.Core.Tests.Questions.QuestionPlans;

namespace PlanBot.Core.Tests.Questions;

/// <summary>One area rule: an answer, a digest for the area and the board pack's summary count the same milestones.</summary>
public sealed class MilestoneAreaTests
{
    private static PlanIndex FinancePlan() => Index(
        M("1", "Budget", due: "2020-01-10", team: "CFO", department: "Finance"),
        M("2", "Ledger", due: "2020-01-11", team: "CFO (AD)", department: "Finance"),
        M("3", "Payroll", due: "2020-03-10", team: "CFO", department: "Finance"),
        M("4", "Audit", due: "2020-01-10", team: "CFO (AD)"),
        M("5", "Rota", due: "2020-01-10", team: "COO", department: "Operations"));

    [Theory]
    [InlineData("Finance", "what's overdue in finance?", 2)]
    [InlineData("CFO", "what's overdue in CFO?", 3)]
    [InlineData("operations", "what's overdue in operations?", 1)]
    public void An_areas_overdue_count_is_the_same_in_its_answer_its_digest_and_the_board_pack(string area, string question, int overdue)
    {
        var index = FinancePlan();

        var answer = index.Ask(question);
        var digest = DigestComposer.Compose(index.Plan, null, new Dictionary<MilestoneRef, ReminderState>(), DigestAudience.ForAreas(area), Today, DateTimeOffset.UnixEpoch);
        var pack = BoardPack.Create(index.Plan, PlanSnapshot.Take(index.Plan, Today, DateTimeOffset.UnixEpoch), []);
        var keys = new HashSet<string> { MilestoneArea.Key(area) };
        var inPack = pack.ThisReport.Milestones.Count(m => m.Overdue && MilestoneArea.IsIn(keys, m.Department, m.Programme, m.Team));

        Assert.Equal(overdue, answer.Milestones.Count);
        Assert.StartsWith($"{overdue} milestone", answer.Text);
        Assert.Equal(overdue, digest.Now.Overdue);
        Assert.Equal(overdue, inPack);
    }

    [Fact]
    public void A_digest_for_a_team_code_covers_its_bracketed_teams_as_answers_do()
    {
        var digest = DigestComposer.Compose(FinancePlan().Plan, null, new Dictionary<MilestoneRef, ReminderState>(), DigestAudience.ForAreas("cfo"), Today, DateTimeOffset.UnixEpoch);

        Assert.Equal(4, digest.Now.Milestones);
    }

    [Fact]
    public void The_board_pack_summary_counts_a_team_by_its_code()
    {
        var index = Index(
            M("1", "Budget", team: "CFO"),
            M("2", "Ledger", team: "CFO (AD)"),
            M("3", "Rota", team: "COO"));
        var pack = BoardPack.Create(index.Plan, PlanSnapshot.Take(index.Plan, Today, DateTimeOffset.UnixEpoch), []);

        Assert.Equal(["CFO", "COO"], pack.Areas.Select(a => a.Area));
        Assert.Equal(2, pack.Areas[0].ThisReport.Total);
    }
}
