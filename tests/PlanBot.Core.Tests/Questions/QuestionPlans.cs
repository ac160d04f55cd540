using System.Globalization;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Testing;

namespace PlanBot.Core.Tests.Questions;

/// <summary>
/// Small hand-built plans for the question tests, so each test shows the data its answer comes from.
/// Today is Monday 20 January 2020 (financial year 2019/20), the ODKM report date.
/// </summary>
internal static class QuestionPlans
{
    public static readonly DateOnly Today = new(2020, 1, 20);

    public const string AsAt = "as at 20 Jan 2020";

    public static PlanIndex Index(params Milestone[] milestones) => Index(UnitSynonyms.Default, milestones);

    public static PlanIndex Index(UnitSynonyms synonyms, params Milestone[] milestones) =>
        new(new Plan { Id = "test", Name = "Test plan", Milestones = milestones }, "v1", synonyms);

    /// <summary>A row as a tracker writes it: its own status and rating words, read as an import reads them.</summary>
    public static Milestone TrackerRow(string reference, string title, string status, string? due = null, string rag = "",
        string? programme = null, params Owner[] owners) =>
        M(reference, title, due: due) with
        {
            StatusText = status,
            Status = StatusReader.Normalise(status, null),
            RagText = rag,
            Rag = StatusReader.ParseRag(rag),
            Programme = programme,
            Owners = owners,
        };

    /// <summary>
    /// A milestone with the tracker's RAG derived from its status (as <see cref="TestPlans.Milestone"/> does) unless
    /// <paramref name="rag"/> is given. Dates are written yyyy-MM-dd.
    /// </summary>
    public static Milestone M(
        string reference,
        string title,
        MilestoneStatus status = MilestoneStatus.OnTrack,
        string? due = null,
        string? revised = null,
        string owner = "Alex Morgan",
        string? accountable = null,
        string? team = null,
        string? department = null,
        Rag? rag = null,
        bool criticalPath = false,
        string? progress = null)
    {
        var milestone = TestPlans.Milestone(reference, title, status, due is null ? null : Date(due), owner);
        return milestone with
        {
            RevisedDue = revised is null ? TrackerDate.Blank : TrackerDate.Exact(Date(revised)),
            Owners = accountable is null ? milestone.Owners : [.. milestone.Owners, TestPlans.Accountable(accountable)],
            Team = team,
            Department = department,
            Rag = rag ?? milestone.Rag,
            CriticalPath = criticalPath,
            ProgressNote = progress,
        };
    }

    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Answer Ask(this PlanIndex index, string question, string? asker = null) =>
        QuestionAnswerer.Ask(question, index, Today, asker);

    public static QuestionReading Read(this PlanIndex index, string question, string? asker = null) =>
        QuestionReader.Read(question, index, Today, asker);

    /// <summary>The answer's milestones as references, in the answer's order.</summary>
    public static string[] Refs(this Answer answer) => [.. answer.Milestones.Select(m => m.Ref.Value)];

    /// <summary>The same references, sorted naturally, for set comparisons.</summary>
    public static string[] SortedRefs(this Answer answer) => [.. answer.Milestones.Select(m => m.Ref).Order().Select(r => r.Value)];
}
