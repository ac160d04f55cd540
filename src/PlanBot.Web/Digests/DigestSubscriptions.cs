using System.Globalization;
using PlanBot.BotFramework.Schema;
using PlanBot.Core.Digests;
using PlanBot.Core.People;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Core.Time;
using PlanBot.Web.Cards;
using PlanBot.Web.People;

namespace PlanBot.Web.Digests;

/// <summary>
/// The weekly digest's subscriptions in chat: "send me the weekly digest", "digest for Finance every Friday at 7am",
/// "stop the digest", "my digests"; and, for PMO admins, "send the weekly digest to chairs" and "stop the digest for
/// directors". One subscription per person (or role) per plan, so subscribing again replaces it and says what it replaced.
/// </summary>
public sealed class DigestSubscriptions(IDigestSubscriptionStore store, IPlanStore plans, ChatSenders senders, RoleHolders roleHolders, PlanClock clock)
{
    public async Task<Activity> AnswerAsync(DigestRequest request, PlanSummary plan, Activity activity, CancellationToken cancellationToken)
    {
        if (request.Problem is { } problem) return CardMessages.PlainMessage(problem + " Nothing was changed.");
        var (sender, everyone) = await senders.IdentifyAsync(activity, cancellationToken);
        var planName = plan.Id.ToUpperInvariant();
        if (request.Role is { } asked && request.Kind != DigestRequestKind.ListSubscriptions && !sender.IsPmoAdmin)
            return CardMessages.PlainMessage(
                $"Only PMO admins can send the digest to everyone with the role {asked}. "
                + ChatSenders.AskThePmo(everyone)
                + " You can say \"send me the weekly digest\" for yourself.");

        var text = request.Kind switch
        {
            DigestRequestKind.Subscribe when request.Role is { } role => await SubscribeRoleAsync(plan, role, request, sender, everyone, cancellationToken),
            DigestRequestKind.Subscribe => await SubscribeSenderAsync(plan, request, sender, cancellationToken),
            DigestRequestKind.Unsubscribe when request.Role is { } role => await UnsubscribeAsync(plan, DigestSubscriber.ForRole(role), cancellationToken)
                ? $"Done: everyone with the role {role} will no longer get the weekly digest of {planName}, unless they asked for it themselves."
                : $"Nobody gets the weekly digest of {planName} by the role {role}. Nothing was changed.",
            DigestRequestKind.Unsubscribe => await UnsubscribeSenderAsync(plan, sender, cancellationToken),
            _ => await ListAsync(plan, sender, cancellationToken),
        };
        return CardMessages.PlainMessage(text);
    }

    private async Task<string> SubscribeSenderAsync(PlanSummary plan, DigestRequest request, ChatSender sender, CancellationToken cancellationToken)
    {
        var planName = plan.Id.ToUpperInvariant();
        if (sender.AadObjectId is null)
            return $"I can't tell who you are in Teams, so I can't send you the digest later. Say \"digest now\" to see this week's digest of {planName} here.";
        var subscriber = DigestSubscriber.Person(sender.AadObjectId, sender.DisplayName ?? sender.AadObjectId);
        var before = await FindAsync(plan.Id, subscriber, cancellationToken);
        var subscription = await SaveAsync(plan, subscriber, request, sender, cancellationToken);
        var covering = request.Areas.Count > 0 ? string.Join(", ", request.Areas)
            : sender.IsPmoAdmin || sender.Person?.HasRole(PersonRoles.Chair) == true ? "the whole plan"
            : sender.Person?.HasRole(PersonRoles.Director) == true ? "the areas you are accountable for"
            : "your milestones";
        // Subscribed all the same (they may own milestones after the next import), but warned that it would be empty now.
        var empty = await plans.GetPlanAsync(plan.Id, cancellationToken) is { } stored
            ? RecipientAudience.WhenEmpty(RecipientAudience.For(sender.Person, sender.Name, stored.Plan, request.Areas, sender.IsPmoAdmin), stored.Plan)
            : null;
        return $"Done: I'll send you the weekly digest of {planName} ({covering}) {When(subscription)}."
            + Replaced(before)
            + (empty is null ? " Say \"stop the digest\" to stop it, or \"digest now\" to see this week's." : " Note: " + empty);
    }

    private async Task<string> SubscribeRoleAsync(
        PlanSummary plan, string role, DigestRequest request, ChatSender sender, PeopleSet everyone, CancellationToken cancellationToken)
    {
        var planName = plan.Id.ToUpperInvariant();
        var subscriber = DigestSubscriber.ForRole(role);
        var before = await FindAsync(plan.Id, subscriber, cancellationToken);
        var subscription = await SaveAsync(plan, subscriber, request, sender, cancellationToken);
        var covering = Covering(subscription);
        var holders = (await roleHolders.FindAsync(everyone, role, cancellationToken))
            .OrderBy(h => h.Person.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var who = holders.Count == 0
            ? $" Nobody in the people file has the role {role} yet; whoever has it when the digest is due will get it."
            : $" That is now {Names([.. holders.Select(h => h.Person.Name)])}; the people file decides each week.";
        // Said now, because otherwise only the sweep's log would show that someone never gets it.
        var unreachable = holders.Where(h => h.AadObjectId is null).ToList();
        if (unreachable.Count > 0)
            who += $" I can't reach {unreachable.Count} of them yet, so they won't get it until the people file is fixed: "
                + string.Join("; ", unreachable.Select(h => $"{h.Person.Name}, {h.Problem}")) + ".";
        return $"Done: everyone with the role {role} will get the weekly digest of {planName} ({covering}) {When(subscription)}." + Replaced(before) + who;
    }

    private async Task<string> UnsubscribeSenderAsync(PlanSummary plan, ChatSender sender, CancellationToken cancellationToken)
    {
        var planName = plan.Id.ToUpperInvariant();
        if (sender.AadObjectId is not null && await UnsubscribeAsync(plan, DigestSubscriber.Person(sender.AadObjectId, ""), cancellationToken))
            return $"Done: I've stopped your weekly digest of {planName}. Say \"send me the weekly digest\" to start it again.";
        var byRole = (await store.ListAsync(plan.Id, cancellationToken))
            .Where(s => s.Subscriber.Role is { } role && sender.Person?.HasRole(role) == true)
            .Select(s => s.Subscriber.Role!).ToList();
        return byRole.Count > 0
            ? $"You get the weekly digest of {planName} as {string.Join(" and ", byRole)}, which the PMO set up; ask a PMO admin to stop it for you."
            : $"You don't get a weekly digest of {planName}. Nothing was changed.";
    }

    private async Task<string> ListAsync(PlanSummary plan, ChatSender sender, CancellationToken cancellationToken)
    {
        var planName = plan.Id.ToUpperInvariant();
        var all = await store.ListAsync(plan.Id, cancellationToken);
        var shown = sender.IsPmoAdmin
            ? all
            : [.. all.Where(s => (s.Subscriber.AadObjectId is { } id && string.Equals(id, sender.AadObjectId, StringComparison.OrdinalIgnoreCase))
                || (s.Subscriber.Role is { } role && sender.Person?.HasRole(role) == true))];
        if (shown.Count == 0)
            return sender.IsPmoAdmin
                ? $"Nobody gets the weekly digest of {planName} yet. Say \"send me the weekly digest\", or \"send the weekly digest to chairs\"."
                : $"You don't get a weekly digest of {planName}. Say \"send me the weekly digest\" to start one.";
        var lines = shown
            .OrderBy(s => s.Subscriber.IsRole ? 0 : 1).ThenBy(s => s.Subscriber.Describe(), StringComparer.OrdinalIgnoreCase)
            .Select(s => $"- {s.Subscriber.Describe()}: {Covering(s)}, {s.Schedule.Describe()}");
        var heading = sender.IsPmoAdmin ? $"Weekly digests of {planName} (UK time):" : $"Your weekly digests of {planName} (UK time):";
        return heading + "\n\n" + string.Join("\n", lines);
    }

    private async Task<DigestSubscription?> FindAsync(string planId, DigestSubscriber subscriber, CancellationToken cancellationToken) =>
        (await store.ListAsync(planId, cancellationToken)).FirstOrDefault(s => s.Subscriber.Key == subscriber.Key);

    private async Task<DigestSubscription> SaveAsync(
        PlanSummary plan, DigestSubscriber subscriber, DigestRequest request, ChatSender sender, CancellationToken cancellationToken)
    {
        var subscription = new DigestSubscription(plan.Id, subscriber, request.Areas, request.Schedule ?? DigestSchedule.Default,
            sender.DisplayName ?? sender.AadObjectId ?? "someone in Teams", clock.Time.GetUtcNow());
        await store.SaveAsync(subscription, cancellationToken);
        return subscription;
    }

    private Task<bool> UnsubscribeAsync(PlanSummary plan, DigestSubscriber subscriber, CancellationToken cancellationToken) =>
        store.RemoveAsync(plan.Id, subscriber.Key, cancellationToken);

    /// <summary>"every Friday at 8am UK time, first on 27 Nov 2026".</summary>
    private static string When(DigestSubscription subscription)
    {
        var first = LondonTime.DateOf(subscription.FirstDue);
        return $"{subscription.Schedule.Describe()} UK time, first on {first.ToString("ddd", CultureInfo.InvariantCulture)} {QuestionAnswerer.Date(first)}";
    }

    /// <summary>What a subscription's digests cover, for lists: "Finance, CFO", "the whole plan", "what their role covers".</summary>
    private static string Covering(DigestSubscription subscription) => subscription switch
    {
        { Areas.Count: > 0 } => string.Join(", ", subscription.Areas),
        { Subscriber.Role: PersonRoles.Chair } => "the whole plan",
        { Subscriber.Role: PersonRoles.Director } => "each director's own areas",
        _ => "what their role covers",
    };

    private static string Replaced(DigestSubscription? before) =>
        before is null ? "" : $" This replaces the digest {before.Schedule.Describe()}{(before.Areas.Count > 0 ? $" for {string.Join(", ", before.Areas)}" : "")}.";

    private static string Names(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Concat(names) : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
}
