namespace PlanBot.Web.Bot.Intents;

/// <summary>"remind me Monday (about #36)": a reminder put off, in the user's plan (<see cref="SnoozeConversation"/>).</summary>
public sealed class SnoozeIntent(SnoozeConversation snoozes, PlanSelector planSelector) : IMessageIntent
{
    public async Task<bool> TryHandleAsync(MessageTurn turn, CancellationToken cancellationToken)
    {
        // Without a plan the question intent asks which; a snooze cannot be read against no plan.
        if ((await turn.SelectPlanAsync(planSelector, cancellationToken)).Plan is not { } plan) return false;
        if (await snoozes.TrySnoozeFromChatAsync(turn.Text, plan, turn.Activity, cancellationToken) is not { } reply) return false;
        await turn.AnswerAsync(reply, "snooze", cancellationToken);
        return true;
    }
}
