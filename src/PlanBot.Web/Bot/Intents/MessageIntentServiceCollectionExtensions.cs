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
        // "board pack" and "digest" requests may contain words the question engine would read otherwise ("help me get
        // the digest", "odkm board pack"), so they come before help and questions.
        services.AddSingleton<IMessageIntent, BoardPackIntent>();
        services.AddSingleton<IMessageIntent, DigestIntent>();
        // Help and "use plan" need no plan, so they come before anything that picks one.
        services.AddSingleton<IMessageIntent, HelpIntent>();
        services.AddSingleton<IMessageIntent, PlansIntent>();
        // A reminder's Update button names its plan and works with none chosen; it goes before the snooze, as the
        // update a button sends is what the owner pressed.
        services.AddSingleton<IMessageIntent, CardUpdateIntent>();
        // "remind me Monday about #36" could also read as an update of #36 with a note: a snooze is what was meant.
        services.AddSingleton<IMessageIntent, SnoozeIntent>();
        services.AddSingleton<IMessageIntent, UpdateIntent>();
        services.AddSingleton<IMessageIntent, QuestionIntent>();
        return services;
    }
}
