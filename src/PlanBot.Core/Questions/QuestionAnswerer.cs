using System.Globalization;
using PlanBot.Core.Dates;
using PlanBot.Core.Plans;

namespace PlanBot.Core.Questions;

/// <summary>
/// An answer to one question, ready for any front end: <see cref="Text"/> is the sentence to say; the rest is what a
/// card or a terminal lists. Every milestone is referred to as <c>#REF</c>.
/// </summary>
public sealed record Answer
{
    public required QuestionKind Kind { get; init; }
    public required string Text { get; init; }
    public required string PlanId { get; init; }
    public required string PlanName { get; init; }
    public required DateOnly AsAt { get; init; }

    /// <summary>The milestones answered about, sorted by due date (undated last).</summary>
    public IReadOnlyList<Milestone> Milestones { get; init; } = [];

    /// <summary>For owner and status answers: exception report rows about the milestone.</summary>
    public IReadOnlyList<ExceptionReportEntry> Exceptions { get; init; } = [];

    public IReadOnlyList<QuestionChoice> Choices { get; init; } = [];

    /// <summary>For <see cref="QuestionKind.UsePlan"/>: the plan id asked for.</summary>
    public string? RequestedPlanId { get; init; }

    public bool ShowOwners { get; init; }

    /// <summary>For status answers: the tracker's latest progress text, without markup.</summary>
    public string? LatestUpdate { get; init; }

    /// <summary>For questions not understood or not answerable: why, when PlanBot can say.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// For a department asked about that is its directorate's (Finance in CFO): the milestones that also fit the question
    /// in the rest of the directorate, listed apart and never in the count.
    /// </summary>
    public IReadOnlyList<Milestone> AlsoInDirectorate { get; init; } = [];

    /// <summary>The directorate's team code ("CFO") when <see cref="AlsoInDirectorate"/> has milestones.</summary>
    public string? DirectorateName { get; init; }

    /// <summary>"Also in the CFO directorate, outside Finance:", the label the sentence and card put before <see cref="AlsoInDirectorate"/>.</summary>
    public string? DirectorateLabel { get; init; }
}

/// <summary>Answers questions about one plan: reads the question, filters the plan, and words the answer.</summary>
public static class QuestionAnswerer
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static Answer Ask(string? question, PlanIndex index, DateOnly today, string? asker = null) =>
        Answer(QuestionReader.Read(question, index, today, asker), index, today);

    public static Answer Answer(QuestionReading reading, PlanIndex index, DateOnly today)
    {
        reading = reading with { Filter = OwnStatusWordWins(reading.Filter) };
        var plan = index.Plan;
        Answer Make(string text) => new() { Kind = reading.Kind, Text = text, PlanId = plan.Id, PlanName = plan.Name, AsAt = today };

        switch (reading.Kind)
        {
            case QuestionKind.Help:
                return Make(HelpText);
            case QuestionKind.UsePlan:
                return Make($"Switching to plan '{reading.PlanId}'.") with { RequestedPlanId = reading.PlanId };
            case QuestionKind.NotUnderstood:
                return Make((reading.Reason is null ? "Sorry, I didn't understand that." : "Sorry, I didn't understand that. " + reading.Reason)
                    + " Try \"who owns #" + ExampleRef(index) + "?\", \"what's overdue?\" or \"help\".") with { Reason = reading.Reason };
            case QuestionKind.Unanswerable:
                return Make(reading.Reason ?? "I can't answer that from this plan.");
            case QuestionKind.Choice:
                return Make(reading.Prompt ?? "Which do you mean?") with { Choices = reading.Choices };
            case QuestionKind.Owner:
            {
                var milestone = index.Milestones[reading.Targets[0]];
                // "who's the SRO for ERP-04": the holders of the role asked about, when the milestone names any.
                var inRole = TeamOwners.Split(milestone.Owners.Where(o => index.Holds(o, reading.OwnerRoles))).People;
                if (inRole.Count > 0)
                {
                    var role = string.Join(" or ", reading.OwnerRoles.Select(r => r.InSentence));
                    return Make($"{milestone.Ref.Display} {milestone.Title}: {role} {Names(inRole)}.") with
                    {
                        Milestones = [milestone with { Owners = inRole }], ShowOwners = true,
                    };
                }
                // A team named beside people ("supported by … and SoF PMO") is said, not listed as an owner.
                var (people, teams) = TeamOwners.Split(milestone.Owners);
                var answered = milestone with { Owners = people };
                var sentence = OwnerSentence(answered);
                if (teams.Count > 0) sentence += $" Also named: {Names(teams)}.";
                return Make(sentence) with { Milestones = [answered], ShowOwners = true };
            }
            case QuestionKind.Status:
            {
                var milestone = index.Milestones[reading.Targets[0]];
                // Newest first, so the sentence and the card lead with the same (latest) entry.
                var exceptions = ExceptionReportOrder.NewestFirst(plan.ExceptionsFor(milestone.Ref)).ToList();
                var update = string.IsNullOrWhiteSpace(milestone.ProgressNote) ? null : CellMarkup.Strip(milestone.ProgressNote).Trim();
                return Make(StatusSentence(milestone, exceptions, update, today)) with { Milestones = [milestone], Exceptions = exceptions, LatestUpdate = update };
            }
            default:
            {
                var found = Filter(reading, index, today);
                var sentence = ListSentence(reading, found.Count, index, today);
                // An empty answer says where the nearest milestones are, never just "none".
                var (also, directorate, label) = InRestOfDirectorate(reading, index, today);
                if (also.Count > 0) sentence += $" {label} {string.Join(", ", also.Select(m => m.Ref.Display))}.";
                else if (found.Count == 0 && NearestAnswer.For(reading, index, today) is { } nearest) sentence += " " + nearest;
                if (reading.Filter.ListsFinished && WhichAreDone(found) is { } done) sentence += " " + done;
                return Make(sentence) with
                {
                    Milestones = found, ShowOwners = reading.AsksForOwners, AlsoInDirectorate = also, DirectorateName = directorate,
                    DirectorateLabel = also.Count > 0 ? label : null,
                };
            }
        }
    }

    public const string HelpText =
        "Ask me about the plan in your own words, for example: \"who owns milestone 23?\", \"what's overdue in finance?\", " +
        "\"what's due next week?\", \"what does Sue Graham own?\", \"critical path items that are overdue\", " +
        "\"is the winter plan done?\", \"how many are complete?\" or \"what do I owe?\". Say \"use plan <id>\" to change plan.";

    /// <summary>
    /// "what's slipped - which ones have had the date reset?": the tracker's own status word ("Reset Date") says the
    /// status more exactly than an everyday one beside it, which PlanBot reads its own way ("Reset Date" is not delayed).
    /// </summary>
    private static MilestoneFilter OwnStatusWordWins(MilestoneFilter filter) =>
        filter.Statuses.Count > 0 && filter.UnitGroups.Any(g => g.Units.All(u => u.Kind == UnitKind.Status))
            ? filter with { Statuses = [] }
            : filter;

    /// <summary>The milestones a list or count question asks for, in due-date order: its filter over its targets, or over the whole plan.</summary>
    public static List<Milestone> Filter(QuestionReading reading, PlanIndex index, DateOnly today)
    {
        var filter = reading.Filter;
        var found = new List<Milestone>();
        if (reading.Targets.Count > 0)
        {
            foreach (var i in reading.Targets.OrderBy(i => index.DuePosition[i]))
                if (filter.Matches(index.Milestones[i], i, today)) found.Add(index.Milestones[i]);
            return found;
        }
        foreach (var i in index.DueOrder)
            if (filter.Matches(index.Milestones[i], i, today)) found.Add(index.Milestones[i]);
        return found;
    }

    /// <summary>
    /// The milestones that fit the question in the rest of the directorate of the department it names ("finance" →
    /// CFO's milestones outside Finance), with the label that keeps them apart from the department's own.
    /// </summary>
    private static (List<Milestone> Also, string? Directorate, string? Label) InRestOfDirectorate(QuestionReading reading, PlanIndex index, DateOnly today)
    {
        var groups = reading.Filter.UnitGroups;
        for (var g = 0; g < groups.Count; g++)
        {
            var rest = new SortedSet<int>(groups[g].Units.SelectMany(u => u.Directorate));
            rest.ExceptWith(groups[g].Members);
            if (rest.Count == 0) continue;
            var directorate = string.Join(" / ", groups[g].Units.Select(u => u.DirectorateName).OfType<string>().Distinct());
            var widened = groups.ToArray();
            widened[g] = groups[g] with { Members = [.. rest] };
            var also = Filter(reading with { Filter = reading.Filter with { UnitGroups = widened } }, index, today);
            return (also, directorate, $"Also in the {directorate} directorate, outside {groups[g].Name}:");
        }
        return ([], null, null);
    }

    private static string ListSentence(QuestionReading reading, int count, PlanIndex index, DateOnly today)
    {
        var filter = reading.Filter;
        var parts = new List<string>();
        if (filter.Overdue) parts.Add("overdue");
        if (filter.Statuses.Count > 0) parts.Add(string.Join(" or ", filter.Statuses.Select(StatusWord)));
        if (filter.Rags.Count > 0) parts.Add("rated " + string.Join(" or ", filter.Rags.Select(r => r.ToString().ToLowerInvariant())));
        if (filter.CriticalPath) parts.Add("on the critical path");
        foreach (var unit in filter.UnitGroups) parts.Add((unit.Units.All(u => u.Kind == UnitKind.Status) ? "marked " : "in ") + unit.Name);
        if (filter.People.Count > 0)
        {
            var names = string.Join(" and ", filter.People.Select(p => p.Name));
            parts.Add(filter.PeopleAreAsker && filter.People.Count == 1
                ? filter.PeopleRole is { } myRole ? $"with you ({names}) as {myRole}" : $"owned by you ({names})"
                : filter.PeopleRole is { } role ? $"with {names} as {role}" : "owned by " + names);
        }
        if (filter.TitleWords.Count > 0) parts.Add("with " + string.Join(" and ", filter.TitleWords.Select(w => $"'{w.Typed}'")) + " in the title");
        if (filter.WithoutRole is { } gap) parts.Add("with no " + gap.Role);
        foreach (var set in filter.Sets) parts.Add(set.Description);
        if (filter.Window is { } window) parts.Add(window.Description);
        if (reading.TargetsLabel is { } label) parts.Add("in " + label);
        else if (reading.Targets.Count > 0) parts.Add("of " + string.Join(", ", reading.Targets.Select(i => index.Milestones[i].Ref.Display)));

        var noun = count == 1 ? "milestone" : "milestones";
        var described = parts.Count == 0 ? $"in {AnswerFormat.PlanLabel(index)}" : string.Join(' ', parts);
        var asAt = $"as at {Date(today)}";
        return count == 0 ? $"No milestones {described} {asAt}." : $"{count} {noun} {described} {asAt}.";
    }

    /// <summary>
    /// "Of these, 3 complete (#1.24, #6.3, #6.6) and 1 closed (#HR-11).": which milestones of a list that includes finished
    /// work are done, so it is never read as a list of work to do; null when none is.
    /// </summary>
    private static string? WhichAreDone(List<Milestone> found)
    {
        var complete = found.Where(m => m.IsComplete).ToList();
        var closed = found.Where(m => m.IsFinished && !m.IsComplete).ToList();
        if (complete.Count + closed.Count == 0) return null;
        if (complete.Count == found.Count) return found.Count == 1 ? "It is complete." : $"All {found.Count} are complete.";
        var parts = new List<string>();
        if (complete.Count > 0) parts.Add($"{complete.Count} complete ({Refs(complete)})");
        if (closed.Count > 0) parts.Add($"{closed.Count} closed ({Refs(closed)})");
        return $"Of these, {string.Join(" and ", parts)}.";

        static string Refs(List<Milestone> milestones) =>
            string.Join(", ", milestones.Take(5).Select(m => m.Ref.Display)) + (milestones.Count > 5 ? $" and {milestones.Count - 5} more" : "");
    }

    /// <summary>How a sentence names a status asked for: "delayed", "complete", "still open".</summary>
    public static string StatusWord(StatusWanted status) => status switch
    {
        StatusWanted.Delayed => "delayed",
        StatusWanted.AtRisk => "at risk",
        StatusWanted.NotStarted => "not started",
        StatusWanted.OnTrack => "on track",
        StatusWanted.Complete => "complete",
        StatusWanted.Closed => "closed",
        StatusWanted.Finished => "complete or closed",
        _ => "still open",
    };

    private static string OwnerSentence(Milestone milestone)
    {
        var delivery = Names(milestone.DeliveryOwners);
        var accountable = Names(milestone.AccountableOwners);
        var head = $"{milestone.Ref.Display} {milestone.Title}";
        if (delivery is null && accountable is null) return $"{head} has no owner named in the plan.";
        var parts = new List<string>();
        if (delivery is not null) parts.Add("delivery owner " + delivery);
        if (accountable is not null) parts.Add("accountable owner " + accountable);
        return $"{head}: {string.Join("; ", parts)}.";
    }

    private static string StatusSentence(Milestone milestone, List<ExceptionReportEntry> exceptions, string? update, DateOnly today)
    {
        var status = StatusName(milestone);
        var dates = new List<string>();
        if (milestone.Due.Date is { } due) dates.Add("due " + Date(due));
        else if (!milestone.Due.IsBlank) dates.Add("due " + milestone.Due.Text);
        if (milestone.RevisedDue.Date is { } revised) dates.Add("revised to " + Date(revised));
        if (milestone.IsOverdueAt(today))
        {
            var days = milestone.DaysOverdueAt(today);
            dates.Add($"{days} day{(days == 1 ? "" : "s")} overdue");
        }
        var sentence = $"{milestone.Ref.Display} {milestone.Title}: {status}" + (dates.Count > 0 ? $" ({string.Join(", ", dates)})." : ".");
        if (exceptions.FirstOrDefault() is { } exception)
        {
            sentence += " Exception report: " + (string.IsNullOrWhiteSpace(exception.Reason) ? "no reason given" : Shorten(exception.Reason, 300).TrimEnd('.')) + ".";
            if (exception.ProposedRevisedDate.Date is { } proposed) sentence += $" Proposed revised date {Date(proposed)}.";
            else if (!exception.ProposedRevisedDate.IsBlank && exception.ProposedRevisedDate.Text.Trim().ToLowerInvariant() is not ("n/a" or "na" or "-" or "none"))
                sentence += $" Proposed revised date: {exception.ProposedRevisedDate.Text.Trim().TrimEnd('.')}.";
        }
        if (!string.IsNullOrEmpty(update)) sentence += " Latest update: " + Shorten(update, 300);
        return sentence;
    }

    /// <summary>The status in a sentence ("delayed"); an unknown one falls back to the tracker's own words.</summary>
    public static string StatusName(Milestone milestone) => milestone.Status != MilestoneStatus.Unknown
        ? StatusNames.Title(milestone.Status).ToLowerInvariant()
        : milestone.Rag == Rag.Blue ? "complete" : string.IsNullOrWhiteSpace(milestone.StatusText) ? "no status given" : milestone.StatusText.Trim();

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", English);

    private static string? Names(IEnumerable<Owner> owners)
    {
        var names = owners.Select(o => o.Display).Distinct().ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    private static string Shorten(string text, int length)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= length ? flat : flat[..length].TrimEnd() + "…";
    }

    private static string ExampleRef(PlanIndex index) => index.Milestones.Count > 0 ? index.Milestones[0].Ref.Value : "1";
}
