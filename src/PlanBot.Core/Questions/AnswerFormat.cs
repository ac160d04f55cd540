using PlanBot.Core.Plans;

namespace PlanBot.Core.Questions;

/// <summary>How answers show a milestone's dates, the same in chat, on cards and in the terminal.</summary>
public static class AnswerFormat
{
    /// <summary>"31 Jan 2020", "29 Nov 2019 → 28 Feb 2020" when revised, or the tracker's own words when it gave no date.</summary>
    public static string DueText(Milestone milestone)
    {
        var due = milestone.Due.Date is { } d ? QuestionAnswerer.Date(d) : milestone.Due.IsBlank ? "no date" : milestone.Due.Text.Trim();
        return milestone.RevisedDue.Date is { } revised ? $"{due} → {QuestionAnswerer.Date(revised)}" : due;
    }

    /// <summary>
    /// A milestone's state in a list: its status ("delayed"), or for an overdue one the date's verdict first and the
    /// tracker's after ("overdue by 52 days, marked on track"), so the two never read as a contradiction.
    /// </summary>
    public static string StateText(Milestone milestone, DateOnly asAt)
    {
        var status = QuestionAnswerer.StatusName(milestone);
        if (!milestone.IsOverdueAt(asAt)) return status;
        var days = milestone.DaysOverdueAt(asAt);
        return $"overdue by {days} day{(days == 1 ? string.Empty : "s")}, marked {status}";
    }

    /// <summary>The text as written when it fits <paramref name="max"/> characters, else cut to fit with "…" at the end.</summary>
    public static string Shorten(string text, int max = 60) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>How answers name a plan: its short id in capitals ("ODKM"); tracker titles run to a line or more.</summary>
    public static string PlanLabel(PlanIndex index) => index.Plan.Id.ToUpperInvariant();
}
