using System.Globalization;
using System.Text.Json;
using PlanBot.BotFramework.Cards;

namespace PlanBot.Web.Cards;

/// <summary>
/// One titled list in a <see cref="SectionedCards"/> layout: its rows as facts (label and text). A section with more
/// than <paramref name="FoldAbove"/> rows shows the first <paramref name="InlineRows"/> and folds the rest behind
/// "Show N more"; one with none shows <paramref name="WhenEmpty"/> in one line.
/// </summary>
internal sealed record CardSection(string Heading, string WhenEmpty, IReadOnlyList<Fact> Rows, int InlineRows = 5, int FoldAbove = 8);

/// <summary>
/// Lays titled sections out over as few cards as the size limit allows. Sections go in order; one that does not fit in
/// what is left of a card moves whole to the next; one too large for any card continues over several, split between
/// rows, never inside one. Every row appears exactly once. Sizes are reckoned from each piece's JSON as it will be
/// written (UTF-16 bytes, as Teams counts them), so the split is exact rather than a guess from row counts.
/// </summary>
internal static class SectionedCards
{
    private const int CommaBytes = 2;

    /// <param name="title">The title for card <c>part</c> of <c>parts</c> (1-based); <c>parts</c> is 1 when nothing was split.</param>
    /// <param name="lead">What follows the title on the first card (e.g. headline counts).</param>
    /// <param name="followUpLead">What follows the title on each later card (e.g. who it is for).</param>
    public static IReadOnlyList<AdaptiveCard> Build(Func<int, int, string> title, IReadOnlyList<CardElement> lead,
        IReadOnlyList<CardElement> followUpLead, IReadOnlyList<CardSection> sections, int maxSizeBytes)
    {
        // A card's title is only known once the number of cards is, so room is reckoned with the longest it can be.
        var longestTitle = title(999, 999);
        var firstBase = Card(longestTitle, lead, []).MeasureSize();
        var followUpBase = Card(longestTitle, followUpLead, []).MeasureSize();
        if (firstBase > maxSizeBytes || followUpBase > maxSizeBytes / 2)
            throw new ArgumentOutOfRangeException(nameof(maxSizeBytes), maxSizeBytes, "The cards' titles and leads alone use most of the size limit.");

        var bodies = new List<List<CardElement>> { new() };
        var used = firstBase;
        void NextCard()
        {
            bodies.Add([]);
            used = followUpBase;
        }
        void Place(CardElement element, int size)
        {
            bodies[^1].Add(element);
            used += size + CommaBytes;
        }

        foreach (var section in sections)
        {
            var whole = Part(section, 0, section.Rows.Count);
            var size = Size(whole);
            if (used + size + CommaBytes <= maxSizeBytes)
            {
                Place(whole, size);
            }
            else if (followUpBase + size + CommaBytes <= maxSizeBytes)
            {
                NextCard();
                Place(whole, size);
            }
            else
            {
                var rowSizes = section.Rows.Select(row => Size(row) + CommaBytes).ToArray();
                for (var start = 0; start < section.Rows.Count;)
                {
                    var count = RowsThatFit(section, start, rowSizes, maxSizeBytes - used - CommaBytes);
                    if (count == 0)
                    {
                        if (bodies.Count > 1 && bodies[^1].Count == 0) throw new InvalidOperationException($"A row of \"{section.Heading}\" is larger than a card.");
                        NextCard();
                        continue;
                    }
                    var part = Part(section, start, count);
                    Place(part, Size(part));
                    start += count;
                    if (start < section.Rows.Count) NextCard();
                }
            }
        }

        var cards = new List<AdaptiveCard>(bodies.Count);
        for (var i = 0; i < bodies.Count; i++)
        {
            var card = Card(title(i + 1, bodies.Count), i == 0 ? lead : followUpLead, bodies[i]);
            card.EnsureWithinSize(maxSizeBytes);
            cards.Add(card);
        }
        return cards;
    }

    private static AdaptiveCard Card(string title, IReadOnlyList<CardElement> lead, IReadOnlyList<CardElement> body)
    {
        var card = new AdaptiveCard
        {
            MsTeams = TeamsCardProperties.FullWidth,
            FallbackText = title,
            Body = { new TextBlock(title) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true } },
        };
        card.Body.AddRange(lead);
        card.Body.AddRange(body);
        return card;
    }

    /// <summary>How many rows from <paramref name="start"/> fit, as one part of the section, in <paramref name="room"/> bytes.</summary>
    private static int RowsThatFit(CardSection section, int start, int[] rowSizes, int room)
    {
        // What a part costs besides its rows (heading, fold button, "continued" lines), from a small part that has them all.
        var sample = Math.Min(section.Rows.Count - start, section.FoldAbove + 1);
        var overhead = Size(Part(section, start, sample)) - rowSizes.Skip(start).Take(sample).Sum();
        var count = 0;
        for (var total = overhead; start + count < rowSizes.Length && total + rowSizes[start + count] <= room; count++)
            total += rowSizes[start + count];
        // The estimate is exact but for a comma or two; check the real thing.
        while (count > 0 && Size(Part(section, start, count)) > room) count--;
        return count;
    }

    /// <summary>Rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> of a section, under its heading.</summary>
    private static Container Part(CardSection section, int start, int count)
    {
        var part = new Container { Separator = true, Spacing = Spacing.Medium };
        if (section.Rows.Count == 0)
        {
            part.Items.Add(new TextBlock(section.WhenEmpty) { Wrap = true });
            return part;
        }

        part.Items.Add(new TextBlock(start == 0 ? section.Heading : section.Heading + ", continued") { Weight = TextWeight.Bolder, Wrap = true });
        var rows = new List<Fact>(count);
        for (var i = start; i < start + count; i++) rows.Add(section.Rows[i]);
        if (rows.Count > section.FoldAbove)
        {
            part.Items.Add(new FactSet(rows.Take(section.InlineRows)));
            var rest = rows.Skip(section.InlineRows).ToList();
            part.Items.Add(new ActionSet([new ShowCardAction(string.Create(CultureInfo.InvariantCulture, $"Show {rest.Count:N0} more"), new AdaptiveCard { Body = { new FactSet(rest) } })]));
        }
        else
        {
            part.Items.Add(new FactSet(rows));
        }
        if (start + count < section.Rows.Count) part.Items.Add(new TextBlock("Continued in the next card.") { IsSubtle = true, Spacing = Spacing.Small });
        return part;
    }

    // UTF-16 bytes, as AdaptiveCard.MeasureSize counts them: two per char of the JSON.
    private static int Size(CardElement element) => JsonSerializer.Serialize(element, CardJson.Options).Length * 2;

    private static int Size(Fact fact) => JsonSerializer.Serialize(fact, CardJson.Options).Length * 2;
}
