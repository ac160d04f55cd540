using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PlanBot.BotFramework.Cards;
using PlanBot.Core.Digests;
using PlanBot.Core.Plans;
using PlanBot.Core.Snapshots;
using PlanBot.Testing.Digests;
using PlanBot.Web.Cards;
using Xunit.Abstractions;

namespace PlanBot.Web.Tests;

/// <summary>The weekly digest's cards, read back from their JSON: what a chair sees, and how a large digest splits.</summary>
public sealed partial class DigestCardTests(ITestOutputHelper output)
{
    private static readonly DigestCards Cards = new();
    private static readonly DateOnly Today = new(2020, 1, 20);
    private static readonly DateTimeOffset RemindedOn13th = new(2020, 1, 13, 9, 0, 0, TimeSpan.Zero);

    private static readonly Digest Typical = new()
    {
        PlanId = "odkm",
        PlanName = "Operational delivery key milestones",
        Audience = DigestAudience.WholePlan,
        AsAt = Today,
        WeekOf = Today,
        ComposedAt = new DateTimeOffset(2020, 1, 20, 7, 0, 0, TimeSpan.Zero),
        BaselineAsAt = new DateOnly(2020, 1, 13),
        Now = new HeadlineCounts(Milestones: 13, Complete: 4, OnTrack: 4, AtRisk: 1, Delayed: 3, Overdue: 3),
        Baseline = new HeadlineCounts(Milestones: 10, Complete: 2, OnTrack: 5, AtRisk: 2, Delayed: 1, Overdue: 1),
        AreaKind = AreaKind.Programme,
        RagByArea =
        [
            new AreaRag("Financial recovery", new RagCounts(0, 0, 3, 1, 0), new RagCounts(0, 0, 3, 1, 0)),
            new AreaRag("Urgent care", new RagCounts(3, 0, 0, 1, 0), new RagCounts(1, 1, 1, 0, 0)),
            new AreaRag("Primary care", new RagCounts(0, 1, 1, 2, 1), new RagCounts(0, 1, 1, 1, 0)),
        ],
        NewlyOverdue = [Item("9", "Open the urgent treatment centre", "2020-01-01"), Item("2", "Agree the financial recovery plan", "2020-01-15")],
        NewlyDelayed =
        [
            new DelayedItem(Item("9", "Open the urgent treatment centre", "2020-01-01"), null, TrackerDate.Blank),
            new DelayedItem(Item("3", "Revise pathway one", "2020-02-28"), "Estates works moved to March", TrackerDate.Exact(new DateOnly(2020, 2, 28))),
        ],
        CompletedThisWeek = [Item("4", "Sign off the winter plan", "2020-01-17"), Item("11", "Publish the estates strategy", "2020-01-18")],
        DueInTwoWeeks = [Item("6", "Launch GP extended access", "2020-01-24"), Item("7", "Recruit to the discharge team", "2020-02-02")],
        NotAnswering =
        [
            new OwnerItems("Rachel Pilsworth", [Item("6", "Launch GP extended access", "2020-01-24"), Item("8", "Review the QIPP schemes", "2020-02-03")], [], RemindedOn13th),
        ],
        Unreachable =
        [
            new OwnerItems("Sara Rodreguiz", [Item("7", "Recruit to the discharge team", "2020-02-02")], ["no Teams account found"], RemindedOn13th.AddDays(2)),
        ],
    };

    [Fact]
    public void A_typical_digest_is_one_card_with_its_title_audience_and_headline_counts_with_change()
    {
        var card = Assert.Single(Cards.Cards(Typical));
        var texts = TextBlocks(card.ToJsonNode());

        Assert.Equal("Weekly digest: ODKM plan, week of 20 Jan 2020", texts[0]);
        Assert.Equal("For the whole plan: 13 milestones as at 20 Jan 2020, compared with 13 Jan 2020.", texts[1]);
        Assert.Equal("Weekly digest: ODKM plan, week of 20 Jan 2020", card.FallbackText?.Value);
        var headline = Facts(card.ToJsonNode()["body"]![2]!);
        Assert.Equal(
        [
            ("Complete", "4 (+2)"), ("On track", "4 (−1)"), ("At risk", "1 (−1)"), ("Delayed", "3 (+2)"), ("Overdue", "3 (+2)"),
        ], headline);
    }

    [Fact]
    public void Every_section_lists_its_milestones_as_ref_title_and_date()
    {
        var sections = Sections(Cards.Cards(Typical));

        Assert.Equal(
        [
            "RAG by programme, with the change since last week", "Newly overdue (2)", "Newly delayed (2)", "Completed this week (2)",
            "Due in the next two weeks (2)", "Owners who have not answered reminders (1 owner, 2 milestones)",
            "Owners PlanBot cannot reach (1 owner, 1 milestone)",
        ], sections.Keys);
        Assert.Equal(
        [
            ("Financial recovery", "Red 0 · Amber 0 · Green 3 · Blue 1"),
            ("Urgent care", "Red 3 (+2) · Amber 0 (−1) · Green 0 (−1) · Blue 1 (+1)"),
            ("Primary care", "Red 0 · Amber 1 · Green 1 · Blue 2 (+1) · No RAG 1 (+1)"),
        ], sections["RAG by programme, with the change since last week"]);
        Assert.Equal([("#9", "Open the urgent treatment centre — 1 Jan 2020"), ("#2", "Agree the financial recovery plan — 15 Jan 2020")],
            sections["Newly overdue (2)"]);
        Assert.Equal(
        [
            ("#9", "Open the urgent treatment centre — no revised date proposed. No reason recorded."),
            ("#3", "Revise pathway one — proposed 28 Feb 2020. Reason: Estates works moved to March"),
        ], sections["Newly delayed (2)"]);
        Assert.Equal([("#4", "Sign off the winter plan — 17 Jan 2020"), ("#11", "Publish the estates strategy — 18 Jan 2020")],
            sections["Completed this week (2)"]);
        Assert.Equal([("#6", "Launch GP extended access — 24 Jan 2020"), ("#7", "Recruit to the discharge team — 2 Feb 2020")],
            sections["Due in the next two weeks (2)"]);
        Assert.Equal([("Rachel Pilsworth", "#6, #8 — no answer since 13 Jan 2020")], sections["Owners who have not answered reminders (1 owner, 2 milestones)"]);
        Assert.Equal([("Sara Rodreguiz", "#7 — no Teams account found (since 15 Jan 2020)")], sections["Owners PlanBot cannot reach (1 owner, 1 milestone)"]);
    }

    [Fact]
    public void Empty_sections_say_so_in_one_line()
    {
        var quiet = Typical with { NewlyOverdue = [], NewlyDelayed = [], CompletedThisWeek = [], DueInTwoWeeks = [], NotAnswering = [], Unreachable = [], RagByArea = [] };

        var texts = TextBlocks(Assert.Single(Cards.Cards(quiet)).ToJsonNode());

        Assert.Equal(
        [
            "RAG by programme: no milestones to count.", "Newly overdue: none this week.", "Newly delayed: none this week.",
            "Completed this week: none.", "Due in the next two weeks: nothing.", "Owners who have not answered reminders: none.",
            "Owners PlanBot cannot reach: none.",
        ], texts.Skip(2));
    }

    [Fact]
    public void The_first_digest_shows_no_change_and_leaves_out_what_needs_last_week()
    {
        var first = Typical with { BaselineAsAt = null, Baseline = null, NewlyOverdue = [], NewlyDelayed = [], CompletedThisWeek = [] };

        var card = Assert.Single(Cards.Cards(first));
        var texts = TextBlocks(card.ToJsonNode());

        Assert.Equal("For the whole plan: 13 milestones as at 20 Jan 2020.", texts[1]);
        Assert.StartsWith("This is the first digest for this plan", texts[2], StringComparison.Ordinal);
        Assert.Contains(("Overdue", "3"), Facts(card.ToJsonNode()["body"]![3]!));
        var sections = Sections([card]);
        Assert.Equal(["RAG by programme", "Due in the next two weeks (2)", "Owners who have not answered reminders (1 owner, 2 milestones)",
            "Owners PlanBot cannot reach (1 owner, 1 milestone)"], sections.Keys);
        Assert.Equal(("Urgent care", "Red 3 · Amber 0 · Green 0 · Blue 1"), sections["RAG by programme"][1]);
        Assert.Equal("Weekly digest for ODKM, week of 20 Jan 2020: 3 overdue, 2 due in the next two weeks.", DigestCards.MessageText(first));
    }

    [Fact]
    public void A_long_section_shows_five_and_folds_the_rest_behind_show_more()
    {
        var overdue = Enumerable.Range(1, 23).Select(i => Item(i.ToString(), $"Milestone {i}", "2020-01-15")).ToList();

        var json = Assert.Single(Cards.Cards(Typical with { NewlyOverdue = overdue })).ToJsonNode();

        var section = json["body"]!.AsArray().Single(e => e!["items"]?[0]?["text"]?.GetValue<string>() == "Newly overdue (23)")!;
        var shown = section["items"]![1]!;
        Assert.Equal("FactSet", shown["type"]!.GetValue<string>());
        Assert.Equal(["#1", "#2", "#3", "#4", "#5"], Facts(shown).Select(f => f.Title));
        var fold = section["items"]![2]!["actions"]![0]!;
        Assert.Equal("Action.ShowCard", fold["type"]!.GetValue<string>());
        Assert.Equal("Show 18 more", fold["title"]!.GetValue<string>());
        Assert.Equal(Enumerable.Range(6, 18).Select(i => $"#{i}"), Facts(fold["card"]!).Select(f => f.Title));
    }

    [Fact]
    public void A_section_of_eight_is_shown_whole()
    {
        var overdue = Enumerable.Range(1, 8).Select(i => Item(i.ToString(), $"Milestone {i}", "2020-01-15")).ToList();

        var sections = Sections(Cards.Cards(Typical with { NewlyOverdue = overdue }));

        Assert.Equal(8, sections["Newly overdue (8)"].Count);
        Assert.DoesNotContain("Action.ShowCard", Cards.Cards(Typical with { NewlyOverdue = overdue })[0].ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_titles_reasons_names_and_areas_show_as_typed_and_cannot_add_markdown()
    {
        const string title = "**Bold** [click](https://evil.example) <b>x</b> _it_ `code`";
        var hostile = Typical with
        {
            PlanId = "odkm*",
            NewlyOverdue = [Item("9", title, "2020-01-01"), Item("10", "Line one\nline two\r\n- not a bullet", "2020-01-02")],
            NewlyDelayed = [new DelayedItem(Item("3", "# Not a heading", "2020-02-28"), "<script>alert(1)</script> [x](javascript:alert(1))", new TrackerDate("*TBC*", null))],
            NotAnswering = [new OwnerItems("[Sue](https://evil.example) Graham", [Item("6", "x", "2020-01-24")], [], RemindedOn13th)],
            RagByArea = [new AreaRag("> Finance | ~~struck~~", new RagCounts(1, 0, 0, 0, 0), RagCounts.Zero)],
        };

        var card = Assert.Single(Cards.Cards(hostile));
        var sections = Sections([card]);

        Assert.Equal("Weekly digest: ODKM* plan, week of 20 Jan 2020", TextBlocks(card.ToJsonNode())[0]);
        Assert.Equal(("#9", title + " — 1 Jan 2020"), sections["Newly overdue (2)"][0]);
        Assert.Equal(("#10", "Line one line two - not a bullet — 2 Jan 2020"), sections["Newly overdue (2)"][1]);
        Assert.Equal(("#3", "# Not a heading — proposed *TBC*. Reason: <script>alert(1)</script> [x](javascript:alert(1))"), sections["Newly delayed (1)"][0]);
        Assert.Equal("[Sue](https://evil.example) Graham", sections.Single(s => s.Key.StartsWith("Owners who", StringComparison.Ordinal)).Value[0].Title);
        Assert.Equal("> Finance | ~~struck~~", sections["RAG by programme, with the change since last week"][0].Title);
        // As written: every character that could start markdown, a link or HTML has its backslash.
        var written = Facts(card.ToJsonNode(), unescape: false).SelectMany(f => new[] { f.Title, f.Value }).ToList();
        foreach (var escaped in new[] { @"\*\*Bold\*\* \[click](https://evil.example) \<b>x\</b> \_it\_ \`code\`", @"\# Not a heading", @"\<script>",
            @"\[x](javascript:alert(1))", @"\*TBC\*", @"\[Sue](https://evil.example) Graham", @"\> Finance \| \~\~struck\~\~" })
            Assert.Contains(written, w => w.Contains(escaped, StringComparison.Ordinal));
    }

    [Fact]
    public void Very_long_titles_and_reasons_are_shortened_so_a_row_stays_small()
    {
        var huge = new string('x', 10_000);
        var digest = Typical with
        {
            NewlyOverdue = [Item("9", huge, "2020-01-01")],
            NewlyDelayed = [new DelayedItem(Item("3", huge, "2020-02-28"), huge, TrackerDate.Blank)],
        };

        var sections = Sections([Assert.Single(Cards.Cards(digest))]);

        var overdue = sections["Newly overdue (1)"][0].Value;
        Assert.Equal(new string('x', 149) + "… — 1 Jan 2020", overdue);
        Assert.True(sections["Newly delayed (1)"][0].Value.Length < 500);
    }

    [Fact]
    public void A_10000_milestone_digest_splits_into_cards_each_under_the_limit_listing_every_item_exactly_once()
    {
        var inputs = GeneratedDigestPlan.Create();
        var digest = DigestComposer.Compose(inputs.Plan, inputs.LastWeek, inputs.ReminderStates, DigestAudience.WholePlan, inputs.Today, inputs.Now);

        var cards = Cards.Cards(digest);

        output.WriteLine($"{cards.Count} cards: {string.Join(", ", cards.Select(c => $"{c.MeasureSize() / 1024.0:F1} KB"))}");
        Assert.InRange(cards.Count, 3, 40);
        for (var i = 0; i < cards.Count; i++)
        {
            Assert.True(cards[i].MeasureSize() <= AdaptiveCard.DefaultMaxSizeBytes, $"card {i + 1} is {cards[i].MeasureSize()} bytes");
            Assert.Equal($"Weekly digest ({i + 1} of {cards.Count}): BENCH plan, week of 20 Jan 2020", TextBlocks(cards[i].ToJsonNode())[0]);
            // Each goes into a message as it is: the attachment refuses a card over the limit.
            cards[i].ToMessage(DigestCards.MessageText(digest));
        }
        Assert.Equal("For the whole plan, continued.", TextBlocks(cards[1].ToJsonNode())[1]);

        var sections = Sections(cards);
        string Section(string start) => sections.Keys.Single(k => k.StartsWith(start, StringComparison.Ordinal));
        Assert.Equal(digest.RagByArea.Select(a => a.Area), sections[Section("RAG by programme")].Select(r => r.Title));
        Assert.Equal(digest.NewlyOverdue.Select(i => i.Ref.Display), sections[Section("Newly overdue")].Select(r => r.Title));
        Assert.Equal(digest.NewlyDelayed.Select(d => d.Item.Ref.Display), sections[Section("Newly delayed")].Select(r => r.Title));
        Assert.Equal(digest.CompletedThisWeek.Select(i => i.Ref.Display), sections[Section("Completed this week")].Select(r => r.Title));
        Assert.Equal(digest.DueInTwoWeeks.Select(i => i.Ref.Display), sections[Section("Due in the next two weeks")].Select(r => r.Title));
        Assert.Equal(OwnerRefs(digest.NotAnswering), OwnerRefs(sections[Section("Owners who have not answered")]));
        Assert.Equal(OwnerRefs(digest.Unreachable), OwnerRefs(sections[Section("Owners PlanBot cannot reach")]));
        // The owners' list is larger than a card, so it continued from one card to the next without losing a row.
        Assert.Contains(cards, c => c.ToJson().Contains("Continued in the next card.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_smaller_size_limit_gives_more_cards_and_still_every_item_once()
    {
        var inputs = GeneratedDigestPlan.Create(milestones: 2_000);
        var digest = DigestComposer.Compose(inputs.Plan, inputs.LastWeek, inputs.ReminderStates, DigestAudience.ForAreas("Finance", "CFO", "Digital"), inputs.Today, inputs.Now);

        var usual = Cards.Cards(digest);
        var small = Cards.Cards(digest, maxSizeBytes: 8 * 1024);

        Assert.True(small.Count > usual.Count, $"{small.Count} cards at 8 KB, {usual.Count} at the default");
        Assert.All(small, c => Assert.True(c.MeasureSize() <= 8 * 1024));
        Assert.Equal(
            Sections(usual).SelectMany(s => s.Value).Select(r => r.Title + r.Value),
            Sections(small).SelectMany(s => s.Value).Select(r => r.Title + r.Value));
    }

    [Fact]
    public void The_message_text_sums_up_the_digest_with_the_change_in_overdue()
    {
        Assert.Equal("Weekly digest for ODKM, week of 20 Jan 2020: 3 overdue (+2), 2 newly delayed, 2 completed this week, 2 due in the next two weeks.",
            DigestCards.MessageText(Typical));
    }

    private static DigestItem Item(string reference, string title, string due) =>
        new(MilestoneRef.Parse(reference), title, TrackerDate.Exact(DateOnly.Parse(due)), TrackerDate.Blank);

    /// <summary>Each section's rows across all the cards, by heading (", continued" dropped), with the escaping undone.</summary>
    private static Dictionary<string, List<(string Title, string Value)>> Sections(IEnumerable<AdaptiveCard> cards)
    {
        var sections = new Dictionary<string, List<(string Title, string Value)>>();
        foreach (var element in cards.SelectMany(c => c.ToJsonNode()["body"]!.AsArray()))
        {
            if (element!["type"]!.GetValue<string>() != "Container") continue;
            var items = element["items"]!.AsArray();
            if (items.Count < 2) continue; // an empty section's one line
            var heading = Unescape(items[0]!["text"]!.GetValue<string>()).Replace(", continued", string.Empty, StringComparison.Ordinal);
            if (!sections.TryGetValue(heading, out var rows)) sections[heading] = rows = [];
            rows.AddRange(Facts(element));
        }
        return sections;
    }

    /// <summary>Every fact under <paramref name="node"/>, folded ones included, in document order, unescaped unless asked.</summary>
    private static List<(string Title, string Value)> Facts(JsonNode node, bool unescape = true)
    {
        string Text(JsonNode? text) => unescape ? Unescape(text!.GetValue<string>()) : text!.GetValue<string>();
        var facts = new List<(string, string)>();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o when o["type"]?.GetValue<string>() == "FactSet":
                    facts.AddRange(o["facts"]!.AsArray().Select(f => (Text(f!["title"]), Text(f["value"]))));
                    break;
                case JsonObject o:
                    foreach (var property in o) Walk(property.Value);
                    break;
                case JsonArray a:
                    foreach (var child in a) Walk(child);
                    break;
            }
        }
        Walk(node);
        return facts;
    }

    /// <summary>The body's top-level and contained text blocks in order, unescaped.</summary>
    private static List<string> TextBlocks(JsonNode card)
    {
        var texts = new List<string>();
        foreach (var element in card["body"]!.AsArray())
        {
            if (element!["type"]!.GetValue<string>() == "TextBlock") texts.Add(Unescape(element["text"]!.GetValue<string>()));
            else if (element["items"] is JsonArray items) texts.AddRange(items.Where(i => i!["type"]!.GetValue<string>() == "TextBlock").Select(i => Unescape(i!["text"]!.GetValue<string>())));
        }
        return texts;
    }

    private static List<string> OwnerRefs(IReadOnlyList<OwnerItems> owners) =>
        [.. owners.SelectMany(o => o.Items.Select(i => $"{o.Owner} {i.Ref.Display}"))];

    private static List<string> OwnerRefs(List<(string Title, string Value)> rows) =>
        [.. rows.SelectMany(r => RefList().Match(r.Value).Value.Split(", ").Select(reference => $"{r.Title} {reference}"))];

    // What markdown shows for our escaping: a backslash before ASCII punctuation shows the punctuation alone.
    private static string Unescape(string markdown) => EscapedPunctuation().Replace(markdown, "$1");

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex EscapedPunctuation();

    [GeneratedRegex(@"^#[0-9a-z.]+(, #[0-9a-z.]+)*")]
    private static partial Regex RefList();
}
