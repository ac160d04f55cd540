using System.Globalization;
using System.Text.Json.Nodes;
using PlanBot.BotFramework.Cards;
using PlanBot.Core.Plans;

namespace PlanBot.Web.Cards;

/// <summary>
/// The cards PlanBot sends in conversation. Text from plans and from users goes in as plain <see cref="CardText"/>
/// (escaped); only PlanBot's own wording is trusted markdown.
/// </summary>
public sealed class PlanBotCards
{
    /// <summary>What PlanBot can do, as the help card lists it: the words to type and what they do.</summary>
    public static IReadOnlyList<(string Command, string Does)> Commands { get; } =
    [
        ("who owns 23?", "the delivery and accountable owners of a milestone"),
        ("is #36 done?", "a milestone's status, latest update and exception"),
        ("what's overdue in finance?", "overdue milestones for a team, department or programme"),
        ("what's due next week?", "also: this month, in March, Q4, by end of Feb, before 31 Jan"),
        ("what does Sue Graham own?", "a person's milestones; \"what do I owe?\" for yours"),
        ("how many are complete?", "counts by status, RAG colour or critical path"),
        ("update #36", "record a milestone's status, RAG, progress and any revised date"),
        ("digest now", "this week's digest; \"digest for Finance\" for one area"),
        ("send me the weekly digest", "every Monday at 8am, or say when: \"every Friday at 7am\"; \"stop the digest\" to stop"),
        ("board pack", "PMO admins: the board pack as an Excel file, here in our 1:1 chat"),
        ("use plan odkm", "choose which plan I answer from"),
        ("plans", "the plans I hold, with their milestone counts"),
        ("help", "show this list"),
    ];

    public AdaptiveCard Help() => new()
    {
        Body =
        {
            new TextBlock(CardText.Markdown("**PlanBot**")) { Size = TextSize.Medium, Wrap = true },
            new TextBlock("I help your programme office keep milestones on track. Type one of these:") { Wrap = true },
            CommandFacts(),
        },
        Actions = { CommandButton("Show plans", "plans") },
    };

    public AdaptiveCard Welcome(string? firstName, IReadOnlyList<PlanSummary> plans)
    {
        var greeting = string.IsNullOrWhiteSpace(firstName) ? CardText.Markdown("**Hello, I'm PlanBot.**")
            : CardText.Markdown("**Hello ") + CardText.Plain(firstName) + CardText.Markdown(", I'm PlanBot.**");
        return new AdaptiveCard
        {
            Body =
            {
                new TextBlock(greeting) { Size = TextSize.Medium, Wrap = true },
                new TextBlock(PlansSummary(plans)) { Wrap = true },
                new TextBlock("Type one of these at any time:") { Wrap = true, Spacing = Spacing.Medium },
                CommandFacts(),
            },
            Actions = { CommandButton("Show plans", "plans"), CommandButton("Help", "help") },
        };
    }

    public AdaptiveCard Plans(IReadOnlyList<PlanSummary> plans)
    {
        // How many is the message's text (PlansCount); the card names each plan once.
        var card = new AdaptiveCard();
        if (plans.Count == 0) card.Body.Add(new TextBlock("No plans yet.") { Wrap = true });
        else
        {
            card.Body.Add(new FactSet(plans.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).Select(p => new Fact(
                CardText.Plain(p.Id),
                CardText.Plain($"{p.Name}: {Milestones(p.MilestoneCount)}, imported {p.ImportedAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}")))));
        }
        return card;
    }

    /// <summary>
    /// After a question PlanBot could not read: the message's text says so and why, so the card only offers a few things
    /// to try and the full list behind Help.
    /// </summary>
    public AdaptiveCard NotUnderstood() => new()
    {
        Body =
        {
            new TextBlock("Some things you can ask:") { Wrap = true },
            new FactSet(Commands.Take(4).Select(c => new Fact(CardText.Plain(c.Command), CardText.Plain(c.Does)))),
        },
        Actions = { CommandButton("Help", "help") },
    };

    /// <summary>The message's text above the plans card: how many plans, without naming them (the card does).</summary>
    public static string PlansCount(IReadOnlyList<PlanSummary> plans) => plans.Count switch
    {
        0 => PlansSummary(plans),
        1 => "I hold one plan.",
        _ => $"I hold {plans.Count} plans.",
    };

    /// <summary>One line saying which plans PlanBot holds, for the message text above a card.</summary>
    public static string PlansSummary(IReadOnlyList<PlanSummary> plans) => plans.Count switch
    {
        0 => "I don't hold any plans yet. A PMO admin can add one by attaching the tracker to this chat.",
        1 => $"I hold one plan: {plans[0].Name} ({Milestones(plans[0].MilestoneCount)}).",
        _ => $"I hold {plans.Count} plans.",
    };

    private static FactSet CommandFacts() =>
        new(Commands.Select(c => new Fact(CardText.Plain(c.Command), CardText.Plain(c.Does))));

    /// <summary>
    /// A button that sends the command: Teams posts an Action.Submit as a message with the data as its value, and the
    /// handler reads the command from there. No msteams messageBack object: the Agents Playground's renderer fails on
    /// one ("Cannot add property msTeams, object is not extensible") and the button would do nothing there.
    /// </summary>
    internal static SubmitAction CommandButton(string title, string command) => new(title, new JsonObject { ["command"] = command });

    private static string Milestones(int count) => count == 1 ? "1 milestone" : $"{count.ToString("N0", CultureInfo.InvariantCulture)} milestones";
}
