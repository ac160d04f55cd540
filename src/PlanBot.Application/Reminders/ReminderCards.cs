using System.Text.Json.Nodes;
using PlanBot.BotFramework.Cards;
using PlanBot.BotFramework.Schema;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Core.Reminders;
using PlanBot.Core.Updates;
using PlanBot.Application.Cards;

namespace PlanBot.Application.Reminders;

/// <summary>A notice ready to send: the claim on it and the milestone as stored now.</summary>
public sealed record ReminderItem(ReminderClaim Claim, StoredMilestone Stored)
{
    public ReminderNotice Notice => Claim.Notice;
}

/// <summary>
/// The messages a reminder sweep sends one person: the update card for one milestone (why they are seeing it above
/// the form), or, for several, one message listing them, each with an Update button that opens that milestone's update
/// card in the chat.
/// </summary>
public sealed class ReminderCards(UpdateCards updateCards)
{
    /// <summary>Milestones in one listing message; more continue in another, so each stays far below Teams' size limit.</summary>
    public const int MaxListed = 20;

    /// <summary>The update card for one milestone, with the line notifications show.</summary>
    public Activity Single(ReminderItem item, DateOnly today)
    {
        var notice = item.Notice;
        var milestone = item.Stored.Milestone;
        var text = notice.IsEscalationOnly
            ? $"{milestone.Ref.Display} is overdue with no update: {notice.Reason}. Please check with its owner or update it here."
            : $"Reminder: {milestone.Ref.Display} {milestone.Title} — {notice.Reason}. Please update it here.";
        var card = updateCards.Form(item.Stored, today, why: $"{notice.Reason} ({AnswerFormat.DueText(milestone)})");
        return card.ToMessage(text);
    }

    /// <summary>One message listing <paramref name="items"/> (at most <see cref="MaxListed"/>), each with its Update button.</summary>
    public Activity Listing(IReadOnlyList<ReminderItem> items)
    {
        var refs = items.Select(i => i.Stored.Milestone.Ref.Display).ToList();
        return ListingCard(items).ToMessage($"Reminder: {Heading(items.Count)}: {string.Join(", ", refs[..^1])} and {refs[^1]}.");
    }

    /// <summary>The card of <see cref="Listing"/>: each milestone with why the person is seeing it, its state and its Update button.</summary>
    public AdaptiveCard ListingCard(IReadOnlyList<ReminderItem> items)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(items.Count, MaxListed);
        var plans = items.Select(i => i.Notice.PlanId).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        var card = new AdaptiveCard { Body = { new TextBlock(Heading(items.Count)) { Wrap = true, Weight = TextWeight.Bolder, Size = TextSize.Medium } } };
        foreach (var item in items)
        {
            var milestone = item.Stored.Milestone;
            var name = plans > 1 ? $"{item.Notice.PlanId.ToUpperInvariant()} {milestone.Ref.Display}" : milestone.Ref.Display;
            card.Body.Add(new Container
            {
                Separator = true,
                Spacing = Spacing.Medium,
                Items =
                {
                    new TextBlock($"{name} {milestone.Title}") { Wrap = true, Weight = TextWeight.Bolder, MaxLines = 3 },
                    new TextBlock($"{item.Notice.Reason} · {QuestionAnswerer.StatusName(milestone)} · due {AnswerFormat.DueText(milestone)}")
                    {
                        Wrap = true, IsSubtle = !item.Notice.IsEscalation, Color = item.Notice.IsEscalation ? TextColor.Attention : null, Spacing = Spacing.None,
                    },
                    new ActionSet([UpdateButton(item.Notice.PlanId, milestone.Ref)]),
                },
            });
        }
        card.EnsureWithinSize();
        return card;
    }

    private static string Heading(int count) => $"{count} milestones need your update";

    /// <summary>
    /// "Update #36": a message saying <c>update #36</c>, with the plan in its value so the update card opens for that
    /// plan even when the person has several.
    /// </summary>
    public static SubmitAction UpdateButton(string planId, MilestoneRef reference) => new($"Update {reference.Display}", new JsonObject
    {
        ["command"] = $"update {reference.Display}",
        ["planId"] = planId,
        ["msteams"] = new JsonObject { ["type"] = "messageBack", ["text"] = $"update {reference.Display}", ["displayText"] = $"update {reference.Display}" },
    });
}
