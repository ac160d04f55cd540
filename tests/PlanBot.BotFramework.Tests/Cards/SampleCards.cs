using System.Text.Json.Nodes;
using PlanBot.BotFramework.Cards;

namespace PlanBot.BotFramework.Tests.Cards;

/// <summary>Cards and strings shared by the JSON, escaping and renderer tests.</summary>
internal static class SampleCards
{
    /// <summary>Text a user or a tracker cell might hold, each trying a different way to inject markdown or HTML.</summary>
    public static IReadOnlyList<string> HostileTexts { get; } =
    [
        "**Bold** and __bold__, *italic* and _italic_, ~~struck~~ and `code`",
        "[Click me](https://evil.example/phish) ![pixel](https://evil.example/p.png) [ref]: https://evil.example",
        "<b>bold</b> <script>alert(1)</script> <at>Everyone</at> <https://evil.example/auto>",
        "# Not a heading",
        "- not a bullet",
        "* not a bullet either",
        "+ nor this",
        "1. not a numbered list",
        "2) nor this",
        "> not a quote",
        "M1_2 owner is snake_case_name; 3*4=12",
        "Tom & Jerry &amp; &#42; &copy; &nbsp;end",
        "{{DATE(2020-03-31T00:00:00Z, SHORT)}} and {{TIME(2020-03-31T09:00:00Z)}}",
        @"back\slash \*kept\* C:\Temp\ ends\",
        "Line one\nLine two\n    indented, not code\n---\n=== \n| a | b |\n|---|---|\n***\n___",
        "Gwasanaeth Iechyd Gwladol — Zażółć gęślą jaźń — Ελληνικά — Русский — עברית — العربية — 👩🏽‍⚕️ 🇬🇧 ✅",
    ];

    /// <summary>Control characters and a right-to-left override, which are dropped rather than shown.</summary>
    public const string TextWithControlCharacters = "Bell\u0007 NUL\u0000 escape\u001b[31m red \u202Eevil\u202C done";

    public static AdaptiveCard EveryElementAndAction()
    {
        var hostileBlocks = HostileTexts.Select(text => new TextBlock(text) { Wrap = true, Spacing = Spacing.Small });

        return new AdaptiveCard
        {
            Refresh = new Refresh("refreshMilestone", ["29:1a2b3c"], new JsonObject { ["milestone"] = "M1.2" }),
            MsTeams = TeamsCardProperties.FullWidth,
            FallbackText = "Milestone M1.2 needs an update",
            Body =
            {
                new TextBlock(CardText.Markdown("**Milestone update** — trusted markdown from PlanBot")) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
                new TextBlock("Every line below is hostile text shown exactly as typed:") { IsSubtle = true, Wrap = true, MaxLines = 2, Color = TextColor.Accent },
                new Container(hostileBlocks) { Style = ContainerStyle.Emphasis, Separator = true, Spacing = Spacing.Medium },
                new TextBlock(TextWithControlCharacters) { Wrap = true, Color = TextColor.Attention },
                new FactSet(
                [
                    new Fact("Owner", "**Jo** [Bloggs](https://evil.example)"),
                    new Fact("Due", "31/03/2020 <b>not bold</b>"),
                    new Fact(CardText.Markdown("**Status**"), CardText.Markdown("_Delayed_ — ") + "reason: *supplier* #2"),
                ]),
                new ColumnSet(
                [
                    new Column([new TextBlock("RAG") { Weight = TextWeight.Bolder }]) { Width = ColumnWidth.Auto },
                    new Column([new TextBlock("Amber - _at risk_") { Color = TextColor.Warning, Wrap = true }]) { Width = ColumnWidth.Stretch },
                    new Column([new TextBlock("M1_2")]) { Width = ColumnWidth.Pixels(60) },
                ]) { Separator = true },
                new ActionSet(
                [
                    new ShowCardAction("Show the history", new AdaptiveCard { Body = { new TextBlock("Revised from 31 Jan 2020 to 28 Feb 2020") { Wrap = true } } }),
                ]),
                new TextInput("update")
                {
                    Label = "Progress update",
                    Placeholder = "What has happened since the last report?",
                    IsMultiline = true,
                    MaxLength = 500,
                    IsRequired = true,
                    ErrorMessage = "Please write an update",
                    Value = "**Previous** update <b>as typed</b>",
                },
                new TextInput("ticket") { Label = "Ticket number", Regex = "^[A-Z]{2,5}-[0-9]+$", ErrorMessage = "Use a ticket number like PMO-12" },
                new DateInput("revisedDueDate")
                {
                    Label = "Revised due date",
                    Value = new DateOnly(2020, 3, 31),
                    Min = new DateOnly(2019, 4, 1),
                    Max = new DateOnly(2021, 3, 31),
                    IsRequired = true,
                    ErrorMessage = "Pick a date in the plan's years",
                },
                new ChoiceSetInput("rag", [new Choice("Red", "R"), new Choice("Amber", "A"), new Choice("Green", "G")])
                {
                    Label = "RAG status",
                    Value = "A",
                    Style = ChoiceInputStyle.Expanded,
                    IsRequired = true,
                    ErrorMessage = "Choose a RAG status",
                },
                new ChoiceSetInput("teams", [new Choice("Digital **team**", "digital"), new Choice("Estates", "estates")])
                {
                    Label = "Teams involved",
                    Style = ChoiceInputStyle.Compact,
                    IsMultiSelect = true,
                },
            },
            Actions =
            {
                new ExecuteAction("Send update", "submitUpdate", new JsonObject { ["milestone"] = "M1.2" }) { AssociatedInputs = AssociatedInputs.Auto },
                new SubmitAction("Remind me tomorrow", new JsonObject { ["verb"] = "snooze" }),
                new OpenUrlAction("Open tracker", "https://example.nhs.uk/plans/odkm"),
                new ShowCardAction("Explain a delay", new AdaptiveCard
                {
                    Body =
                    {
                        new TextInput("delayReason") { Label = "Why is it late?", IsMultiline = true, IsRequired = true, ErrorMessage = "Give a reason" },
                    },
                    Actions = { new ExecuteAction("Send reason", "submitDelay") },
                }),
            },
        };
    }
}
