using System.Globalization;
using System.Text.Json.Nodes;
using PlanBot.BotFramework.Cards;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Core.Time;
using PlanBot.Core.Updates;

namespace PlanBot.Application.Cards;

/// <summary>
/// The progress-update card an owner fills in (from a reminder or on request), and what replaces it once saved.
/// The card's data carries the plan, reference and revision it was built from, so the bot can tell a stale card and
/// never trusts the card for anything else: the milestone is always read again from storage.
/// </summary>
public sealed class UpdateCards
{
    public const string UpdateVerb = "updateMilestone";
    public const string SnoozeVerb = "snoozeReminder";

    public static class Inputs
    {
        public const string Status = "status";
        public const string Rag = "rag";
        public const string Note = "note";
        public const string RevisedDue = "revisedDue";
        public const string Reason = "reason";
        public const string Evidence = "evidence";
        public const string SnoozeUntil = "snoozeUntil";
    }

    /// <param name="why">Why the owner is seeing this card ("Due in 7 working days"); null when they asked for it.</param>
    /// <param name="notice">A message above the form: what went wrong, or that the milestone changed meanwhile.</param>
    /// <param name="problems">Why the last save was refused: each shown under its own input.</param>
    /// <param name="entered">What the owner typed last time, kept so a refused card does not lose their words.</param>
    public AdaptiveCard Form(StoredMilestone stored, DateOnly today, string? why = null, string? notice = null,
        IReadOnlyList<UpdateProblem>? problems = null, MilestoneUpdate? entered = null)
    {
        var milestone = stored.Milestone;
        problems ??= [];
        string? ProblemWith(string field) => problems.FirstOrDefault(p => p.Field == field)?.Message;

        var card = new AdaptiveCard { Body = { Heading(milestone) } };
        if (why is not null) card.Body.Add(new TextBlock(why) { Wrap = true, IsSubtle = true, Spacing = Spacing.None });
        card.Body.Add(new FactSet(StateFacts(milestone, today)));
        if (notice is not null) card.Body.Add(new TextBlock(notice) { Wrap = true, Color = TextColor.Attention, Weight = TextWeight.Bolder });
        foreach (var problem in problems.Where(p => p.Field is not (Inputs.Status or Inputs.Note or Inputs.RevisedDue or Inputs.Reason or Inputs.Evidence)))
            card.Body.Add(Refusal(problem.Message));

        // A server-side refusal goes right under its input: an input's errorMessage shows only for the card's own checks.
        void AddInput(CardInput input, string field)
        {
            card.Body.Add(input);
            if (ProblemWith(field) is { } problem) card.Body.Add(Refusal(problem));
        }

        var status = entered?.Status ?? milestone.Status;
        AddInput(new ChoiceSetInput(Inputs.Status, MilestoneUpdater.ChoosableStatuses.Select(s => new Choice(MilestoneUpdater.StatusText(s), s.ToString())))
        {
            Label = "Status",
            Value = MilestoneUpdater.ChoosableStatuses.Contains(status) ? status.ToString() : null,
            Style = ChoiceInputStyle.Compact,
            IsRequired = true,
            ErrorMessage = "Choose a status.",
            Spacing = Spacing.Medium,
        }, Inputs.Status);
        card.Body.Add(new ChoiceSetInput(Inputs.Rag, [new Choice("Red", "Red"), new Choice("Amber", "Amber"), new Choice("Green", "Green")])
        {
            Label = "RAG (leave blank to follow the status)",
            Value = entered?.Rag?.ToString(),
            Style = ChoiceInputStyle.Compact,
        });
        AddInput(new TextInput(Inputs.Note)
        {
            Label = "Progress note",
            Placeholder = "What has happened since the last update?",
            IsMultiline = true,
            MaxLength = MilestoneUpdater.MaxNoteLength,
            Value = Cap(entered?.ProgressNote, MilestoneUpdater.MaxNoteLength),
        }, Inputs.Note);
        // The form starts from what stands: the latest exception report's proposed date and reason, else the due date.
        // Sent back unchanged they change nothing (MilestoneUpdater), and the date picker opens on the plan's dates.
        var revisedDue = entered is null ? MilestoneUpdater.StandingRevisedDue(milestone, stored.LatestException) : entered.RevisedDue;
        AddInput(new DateInput(Inputs.RevisedDue)
        {
            Label = "Revised due date (change it if the date is moving)",
            Value = revisedDue,
            // The card's own check refuses a value before Min, so a standing date already past stays sendable.
            Min = revisedDue is { } shown && shown < today ? shown : today,
        }, Inputs.RevisedDue);
        AddInput(new TextInput(Inputs.Reason)
        {
            Label = "Reason for delay (needed when delayed or the date moves)",
            IsMultiline = true,
            MaxLength = MilestoneUpdater.MaxReasonLength,
            Value = Cap(entered is null ? MilestoneUpdater.StandingReason(stored.LatestException) : entered.DelayReason, MilestoneUpdater.MaxReasonLength),
        }, Inputs.Reason);
        AddInput(new TextInput(Inputs.Evidence)
        {
            Label = "Evidence link (optional)",
            Placeholder = "https://…",
            MaxLength = MilestoneUpdater.MaxLinkLength,
            Value = Cap(entered?.EvidenceLink, MilestoneUpdater.MaxLinkLength),
        }, Inputs.Evidence);

        card.Actions.Add(new ExecuteAction("Save update", UpdateVerb, new JsonObject
        {
            ["planId"] = stored.PlanId,
            ["ref"] = milestone.Ref.Value,
            ["revision"] = stored.Revision,
        }));
        if (why is not null) card.Actions.Add(RemindMeLater(stored, today));
        return card;
    }

    /// <summary>
    /// "Remind me later" on a reminder: a few days to choose from (each a working day, shown with its date), sent as
    /// d/M/yyyy so the snooze lands on the day shown whenever the owner presses it.
    /// </summary>
    private static ShowCardAction RemindMeLater(StoredMilestone stored, DateOnly today)
    {
        var calendar = WorkingCalendar.EnglandAndWales;
        var daysToMonday = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        var monday = today.AddDays(daysToMonday == 0 ? 7 : daysToMonday);
        var options = new (string Label, DateOnly Day)[] { ("Tomorrow", today.AddDays(1)), ("Monday", monday), ("In a week", today.AddDays(7)), ("In two weeks", today.AddDays(14)) }
            .Select(o => (o.Label, Day: calendar.NextWorkingDayOnOrAfter(o.Day)))
            .DistinctBy(o => o.Day)
            .Select(o => new Choice($"{o.Label}, {o.Day.ToString("ddd d MMM", CultureInfo.InvariantCulture)}", o.Day.ToString("d/M/yyyy", CultureInfo.InvariantCulture)))
            .ToList();
        var form = new AdaptiveCard
        {
            Body =
            {
                new ChoiceSetInput(Inputs.SnoozeUntil, options)
                {
                    Label = "Remind me again on (at 09:00)",
                    Value = options[0].Value,
                    Style = ChoiceInputStyle.Compact,
                    IsRequired = true,
                    ErrorMessage = "Choose a day.",
                },
            },
            Actions = { new ExecuteAction("Snooze", SnoozeVerb, new JsonObject { ["planId"] = stored.PlanId, ["ref"] = stored.Milestone.Ref.Value }) },
        };
        return new ShowCardAction("Remind me later", form);
    }

    /// <summary>The reminder card after a snooze: the milestone as it stands and when the owner will hear again.</summary>
    public AdaptiveCard Snoozed(StoredMilestone stored, DateTimeOffset until, DateOnly today) => new()
    {
        Body =
        {
            Heading(stored.Milestone),
            new TextBlock(SnoozedText(stored.Milestone.Ref, until)) { Wrap = true, Color = TextColor.Good, Weight = TextWeight.Bolder, Spacing = Spacing.None },
            new FactSet(StateFacts(stored.Milestone, today)),
        },
    };

    public static string SnoozedText(MilestoneRef reference, DateTimeOffset until) =>
        $"Snoozed: I'll remind you about {reference.Display} again at {LondonTime.ToLondon(until).ToString("HH:mm 'on' ddd d MMM yyyy", CultureInfo.InvariantCulture)}.";

    /// <summary>The card after a save: read-only, saying who updated it and when, with the new state.</summary>
    /// <param name="reason">The reason for delay given with this update, shown beside what was recorded.</param>
    public AdaptiveCard Updated(StoredMilestone saved, string by, DateTimeOffset at, DateOnly today, string? reason = null)
    {
        var facts = StateFacts(saved.Milestone, today);
        if (!string.IsNullOrWhiteSpace(reason)) facts.Add(new Fact("Reason for delay", Shorten(reason, 400)));
        var london = TimeZoneInfo.ConvertTime(at, Core.Time.PlanClock.London);
        var card = new AdaptiveCard
        {
            Body =
            {
                Heading(saved.Milestone),
                new TextBlock($"Updated by {by} at {london.ToString("HH:mm, d MMM yyyy", CultureInfo.InvariantCulture)}.")
                {
                    Wrap = true, Color = TextColor.Good, Weight = TextWeight.Bolder, Spacing = Spacing.None,
                },
                new FactSet(facts),
            },
        };
        // The evidence as a link people can open: a button, since fact values are plain text.
        if (Uri.TryCreate(saved.Milestone.Evidence?.Trim(), UriKind.Absolute, out var evidence) && evidence.Scheme == Uri.UriSchemeHttps)
            card.Actions.Add(new OpenUrlAction("Open evidence", evidence));
        return card;
    }

    /// <summary>A card the user cannot act on (refused, or the milestone has gone), saying why.</summary>
    public AdaptiveCard Closed(string message, Milestone? milestone = null)
    {
        var card = new AdaptiveCard();
        if (milestone is not null) card.Body.Add(Heading(milestone));
        card.Body.Add(new TextBlock(message) { Wrap = true, Color = TextColor.Attention });
        return card;
    }

    private static TextBlock Refusal(string message) =>
        new(message) { Wrap = true, Color = TextColor.Attention, Spacing = Spacing.None };

    private static TextBlock Heading(Milestone milestone) =>
        new($"{milestone.Ref.Display} {milestone.Title}") { Wrap = true, Weight = TextWeight.Bolder, Size = TextSize.Medium };

    private static List<Fact> StateFacts(Milestone milestone, DateOnly today)
    {
        var facts = new List<Fact>
        {
            new("Due", AnswerFormat.DueText(milestone)),
            new("Status", QuestionAnswerer.StatusName(milestone) + (milestone.Rag != Rag.None ? $" ({milestone.Rag})" : string.Empty)),
        };
        if (milestone.IsOverdueAt(today))
            facts.Add(new Fact("Overdue", $"by {milestone.DaysOverdueAt(today)} days"));
        if (!string.IsNullOrWhiteSpace(milestone.ProgressNote)) facts.Add(new Fact("Last update", Shorten(milestone.ProgressNote, 400)));
        if (!string.IsNullOrWhiteSpace(milestone.Evidence)) facts.Add(new Fact("Evidence", Shorten(milestone.Evidence, 200)));
        return facts;
    }

    // A refused card shows what was typed again, but never more than the input allows (the card must stay small).
    private static string? Cap(string? text, int length) => text is null || text.Length <= length ? text : text[..length];

    private static string Shorten(string text, int length)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= length ? flat : flat[..(length - 1)] + "…";
    }
}
