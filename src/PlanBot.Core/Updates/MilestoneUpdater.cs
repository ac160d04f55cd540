using System.Globalization;
using PlanBot.Core.Plans;

namespace PlanBot.Core.Updates;

/// <summary>
/// Checks an owner's update against the milestone and the rules the board relies on — a delay always has a reason and
/// a revised date, a moved date has a reason, a revised date is not in the past — and works out the milestone's new
/// state, the history entry (old → new for each field) and, for a delay or a moved date, the exception report entry.
/// The update form starts from what stands (<see cref="StandingReason"/>, <see cref="StandingRevisedDue"/>), so those
/// values sent back unchanged are no change and no new exception report entry.
/// </summary>
public static class MilestoneUpdater
{
    public const int MaxNoteLength = 2_000;
    public const int MaxReasonLength = 1_000;
    public const int MaxLinkLength = 1_000;

    /// <summary>The statuses an owner can choose; "closed" is the PMO's call, not the owner's.</summary>
    public static IReadOnlyList<MilestoneStatus> ChoosableStatuses { get; } =
        [MilestoneStatus.NotStarted, MilestoneStatus.OnTrack, MilestoneStatus.AtRisk, MilestoneStatus.Delayed, MilestoneStatus.Complete];

    /// <summary>The reason the form starts with: the latest exception report entry's, when it gives one.</summary>
    public static string? StandingReason(ExceptionReportEntry? latest) => Clean(latest?.Reason);

    /// <summary>
    /// The date the form starts with: the latest exception report entry's proposed date, else the milestone's due date
    /// as it stands (revised or not). It is also where the date picker opens, in the plan's time, not the real month.
    /// </summary>
    public static DateOnly? StandingRevisedDue(Milestone milestone, ExceptionReportEntry? latest) =>
        latest?.ProposedRevisedDate.Date ?? milestone.EffectiveDue;

    /// <param name="source">"card" or "chat": where the update came from, for the history.</param>
    /// <param name="latest">The exception report's latest entry about the milestone: what the form was pre-filled from.</param>
    public static UpdateOutcome Apply(
        Milestone current, MilestoneUpdate update, DateOnly today, string by, DateTimeOffset at, string source, ExceptionReportEntry? latest = null)
    {
        var problems = new List<UpdateProblem>();
        var note = Clean(update.ProgressNote);
        var reason = Clean(update.DelayReason);
        var link = Clean(update.EvidenceLink);

        if (update.Status is { } chosen && !ChoosableStatuses.Contains(chosen))
            problems.Add(new UpdateProblem("status", "Choose one of: not started, on track, at risk, delayed, complete."));
        if (note?.Length > MaxNoteLength)
            problems.Add(new UpdateProblem("note", $"The progress note is {note.Length:N0} characters; keep it to {MaxNoteLength:N0}."));
        if (reason?.Length > MaxReasonLength)
            problems.Add(new UpdateProblem("reason", $"The reason is {reason.Length:N0} characters; keep it to {MaxReasonLength:N0}."));
        if (link is not null && (link.Length > MaxLinkLength || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
            problems.Add(new UpdateProblem("evidence", "The evidence link must be a web address starting https://."));

        var status = update.Status ?? current.Status;
        // The standing date sent back as it was is no move, even where the proposal differs from the tracker's date.
        var dateMoves = update.RevisedDue is { } revised && revised != current.EffectiveDue && revised != StandingRevisedDue(current, latest);
        var reasonStands = reason is not null && string.Equals(Flat(reason), Flat(StandingReason(latest)), StringComparison.Ordinal);
        if (update.RevisedDue is { } proposed && proposed < today && dateMoves)
            problems.Add(new UpdateProblem("revisedDue", $"The revised date {Date(proposed)} is in the past; choose today or later."));
        var newlyDelayed = status == MilestoneStatus.Delayed && current.Status != MilestoneStatus.Delayed;
        if (newlyDelayed && update.RevisedDue is null)
            problems.Add(new UpdateProblem("revisedDue", "A delayed milestone needs a revised due date."));
        if ((newlyDelayed || dateMoves) && reason is null)
            problems.Add(new UpdateProblem("reason", newlyDelayed ? "Say why the milestone is delayed." : "Say why the date is moving."));

        if (problems.Count > 0) return new UpdateOutcome(problems);

        var rag = update.Rag ?? (status != current.Status ? RagFor(status) : current.Rag);
        var updated = current with
        {
            Status = status,
            StatusText = status != current.Status ? StatusText(status) : current.StatusText,
            Rag = rag,
            RagText = rag != current.Rag ? (rag == Rag.None ? string.Empty : rag.ToString()) : current.RagText,
            RevisedDue = dateMoves ? TrackerDate.Exact(update.RevisedDue!.Value) : current.RevisedDue,
            ProgressNote = note ?? current.ProgressNote,
            Evidence = link ?? current.Evidence,
        };

        var changes = new List<FieldChange>();
        void Compare(string field, string? old, string? @new)
        {
            if (!string.Equals(old ?? string.Empty, @new ?? string.Empty, StringComparison.Ordinal)) changes.Add(new FieldChange(field, old, @new));
        }
        Compare("Status", current.Status.ToString(), updated.Status.ToString());
        Compare("Rag", current.Rag.ToString(), updated.Rag.ToString());
        Compare("RevisedDueDate", current.RevisedDue.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), updated.RevisedDue.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Compare("ProgressNote", current.ProgressNote, updated.ProgressNote);
        Compare("Evidence", current.Evidence, updated.Evidence);
        // An exception report entry for a delay, a moved date or a delay's new reason, unless it would only repeat the
        // latest entry (the pre-filled reason and date sent back with the status set to delayed).
        var reasonIsNew = reason is not null && !reasonStands;
        var reportsException = (newlyDelayed || dateMoves || (reasonIsNew && status == MilestoneStatus.Delayed))
            && !(!dateMoves && reasonStands && update.RevisedDue == latest?.ProposedRevisedDate.Date);
        if (changes.Count == 0 && !reasonIsNew && !reportsException)
            return new UpdateOutcome([new UpdateProblem("status", "Nothing has changed: choose a status, a date or add a note.")]);

        var history = new MilestoneHistoryEntry(current.Ref, at, by, source, changes, reasonIsNew || reportsException ? reason : null);
        ExceptionReportEntry? exception = null;
        if (reportsException)
        {
            exception = new ExceptionReportEntry
            {
                MilestoneRefText = current.Ref.Value,
                Refs = [current.Ref],
                Team = current.Team,
                Title = current.Title,
                DateDue = current.Due,
                Reason = reason,
                ProposedRevisedDate = update.RevisedDue is { } d ? TrackerDate.Exact(d) : TrackerDate.Blank,
                ReportTitle = $"Update from {by}, {Date(DateOnly.FromDateTime(at.UtcDateTime))}",
            };
        }
        return new UpdateOutcome([], updated, history, exception);
    }

    public static string StatusText(MilestoneStatus status) => StatusNames.Title(status);

    private static Rag RagFor(MilestoneStatus status) => status switch
    {
        MilestoneStatus.Delayed => Rag.Red,
        MilestoneStatus.AtRisk => Rag.Amber,
        MilestoneStatus.OnTrack => Rag.Green,
        MilestoneStatus.Complete or MilestoneStatus.Closed => Rag.Blue,
        _ => Rag.None,
    };

    /// <summary>Trimmed, without control characters (line breaks kept); null when nothing is left.</summary>
    private static string? Clean(string? text)
    {
        if (text is null) return null;
        var kept = new string(text.Where(c => !char.IsControl(c) || c is '\n').ToArray()).Trim();
        return kept.Length == 0 ? null : kept;
    }

    private static string? Flat(string? text) => text is null ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
