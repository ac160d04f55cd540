namespace PlanBot.Web.Bot.Intents;

public static class MessageIntentServiceCollectionExtensions
{
    /// <summary>
    /// The message intents, in the order each message is offered to them; the first that recognises it answers. Order
    /// matters only where two could read the same text, and each such place is said below. A new intent goes before
    /// <see cref="QuestionIntent"/>, which answers everything.
    /// </summary>
    public static IServiceCollection AddPlanBotMessageIntents(this IServiceCollection services)
    {
        services.AddSingleton<PlanChoice>();
        // A file is a tracker to import whatever text comes with it (the text names the plan).
        services.AddSingleton<IMessageIntent, TrackerFileIntent>();
        // Board pack and digest requests come before help and questions: "help me subscribe to the digest" starts like a
        // call for help (MessageIntentTests).
        services.AddSingleton<IMessageIntent, BoardPackIntent>();
        services.AddSingleton<IMessageIntent, DigestIntent>();
        // Help and "use plan" need no plan, so they come before the intents that read every message against the user's plan.
        services.AddSingleton<IMessageIntent, HelpIntent>();
        services.AddSingleton<IMessageIntent, PlansIntent>();
        // A reminder's Update button names its plan, so it needs none chosen; then snoozes before updates typed in chat.
        // Both orders are the ones the handler always had: a message two of them could read goes to the earlier.
        services.AddSingleton<IMessageIntent, CardUpdateIntent>();
        services.AddSingleton<IMessageIntent, SnoozeIntent>();
        services.AddSingleton<IMessageIntent, UpdateIntent>();
        services.AddSingleton<IMessageIntent, QuestionIntent>();
        return services;
    }
}
