using PlanBot.BotFramework.Schema;
using PlanBot.Core.Digests;
using PlanBot.Core.Plans;
using PlanBot.Core.Time;
using PlanBot.Web.Cards;
using PlanBot.Web.People;

namespace PlanBot.Web.Digests;

/// <summary>
/// "digest now" in chat: this week's digest of the plan, composed as at now against the latest snapshot before this
/// week. Who gets which part of the plan is <see cref="RecipientAudience"/>'s rule; "digest for Finance" names the
/// areas instead. A digest too big for one card comes as several messages.
/// </summary>
public sealed class DigestPreview(DigestWriter writer, ChatSenders senders, PlanClock clock)
{
    /// <summary>The messages answering <paramref name="request"/> for the user who sent <paramref name="activity"/>.</summary>
    public async Task<IReadOnlyList<Activity>> AnswerAsync(DigestRequest request, PlanSummary plan, Activity activity, CancellationToken cancellationToken)
    {
        if (await writer.ReadAsync(plan, clock.Time.GetUtcNow(), cancellationToken) is not { } inputs) return [CardMessages.PlanRemoved(plan.Id)];
        var (sender, _) = await senders.IdentifyAsync(activity, cancellationToken);
        var audience = RecipientAudience.For(sender.Person, sender.Name, inputs.Plan, request.Areas, sender.IsPmoAdmin);
        // A card of zeros says nothing; say why and what would help instead.
        if (RecipientAudience.WhenEmpty(audience, inputs.Plan) is { } empty) return [CardMessages.PlainMessage(empty)];
        return writer.Messages(DigestWriter.Compose(inputs, audience));
    }
}
