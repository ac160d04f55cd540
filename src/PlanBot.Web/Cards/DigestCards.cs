using System.Globalization;
using PlanBot.BotFramework.Cards;
using PlanBot.Core.Digests;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Core.Snapshots;
using PlanBot.Core.Time;

namespace PlanBot.Web.Cards;

/// <summary>
/// The weekly digest as Adaptive Cards: the headline counts with their change since last week, RAG by area this week
/// against last, then one section per list, each milestone as <c>#REF title — date</c>. Usually one card; a digest too
/// large for one continues in follow-up cards ("Weekly digest (2 of 3)") with nothing left out (<see cref="SectionedCards"/>).
/// Plan text (titles, names, reasons, areas) goes in as plain, escaped text, shortened so that no single row can
/// outgrow a card.
/// </summary>
public sealed class DigestCards
{
    private const int MaxTitleLength = 150;
    private const int MaxReasonLength = 300;
    private const int MaxNameLength = 80;

    /// <summary>An owner with more milestones than this in one list gets several rows, so that a row stays small.</summary>
    private const int RefsPerRow = 40;

    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary>The digest's cards in the order to send them, each within <paramref name="maxSizeBytes"/>.</summary>
    public IReadOnlyList<AdaptiveCard> Cards(Digest digest, int maxSizeBytes = AdaptiveCard.DefaultMaxSizeBytes) =>
        SectionedCards.Build((part, parts) => Title(digest, part, parts), Lead(digest), [Audience(digest, continued: true)], Sections(digest), maxSizeBytes);

    /// <summary>The line above the first card, which notifications show: "Weekly digest for ODKM, week of 20 Jan 2020: 7 overdue (+2), …".</summary>
    public static string MessageText(Digest digest)
    {
        var parts = new List<string> { $"{Count(digest.Now.Overdue)} overdue{Change(digest.Now.Overdue, digest.Baseline?.Overdue)}" };
        if (digest.HasBaseline)
        {
            parts.Add($"{Count(digest.NewlyDelayed.Count)} newly delayed");
            parts.Add($"{Count(digest.CompletedThisWeek.Count)} completed this week");
        }
        parts.Add($"{Count(digest.DueInTwoWeeks.Count)} due in the next two weeks");
        return $"Weekly digest for {PlanLabel(digest)}, week of {Date(digest.WeekOf)}: {string.Join(", ", parts)}.";
    }

    private static string Title(Digest digest, int part, int parts) =>
        $"Weekly digest{(parts > 1 ? $" ({part} of {parts})" : string.Empty)}: {PlanLabel(digest)} plan, week of {Date(digest.WeekOf)}";

    private static List<CardElement> Lead(Digest digest)
    {
        var lead = new List<CardElement> { Audience(digest, continued: false) };
        if (!digest.HasBaseline)
        {
            lead.Add(new TextBlock("This is the first digest for this plan: there is no snapshot from last week to compare with, so what changed is shown from next week.")
            {
                Wrap = true, IsSubtle = true, Spacing = Spacing.Small,
            });
        }
        var now = digest.Now;
        var before = digest.Baseline;
        lead.Add(new FactSet(
        [
            new Fact("Complete", Count(now.Complete) + Change(now.Complete, before?.Complete)),
            new Fact("On track", Count(now.OnTrack) + Change(now.OnTrack, before?.OnTrack)),
            new Fact("At risk", Count(now.AtRisk) + Change(now.AtRisk, before?.AtRisk)),
            new Fact("Delayed", Count(now.Delayed) + Change(now.Delayed, before?.Delayed)),
            new Fact("Overdue", Count(now.Overdue) + Change(now.Overdue, before?.Overdue)),
        ]) { Spacing = Spacing.Medium });
        return lead;
    }

    private static TextBlock Audience(Digest digest, bool continued)
    {
        var text = continued
            ? $"For {digest.Audience.Describe()}, continued."
            : $"For {digest.Audience.Describe()}: {Milestones(digest.Now.Milestones)} as at {Date(digest.AsAt)}"
              + (digest.BaselineAsAt is { } baseline ? $", compared with {Date(baseline)}." : ".");
        return new TextBlock(text) { Wrap = true, IsSubtle = true, Spacing = Spacing.None };
    }

    private static List<CardSection> Sections(Digest digest)
    {
        var area = digest.AreaKind switch { AreaKind.Programme => "programme", AreaKind.Department => "department", _ => "team" };
        var sections = new List<CardSection>
        {
            // The table a governing body reads first: keep a dozen areas in view before folding.
            new(digest.HasBaseline ? $"RAG by {area}, with the change since last week" : $"RAG by {area}", $"RAG by {area}: no milestones to count.",
                [.. digest.RagByArea.Select(a => RagRow(a, digest.HasBaseline))], InlineRows: 12, FoldAbove: 15),
        };
        if (digest.HasBaseline)
        {
            sections.Add(new($"Newly overdue ({Count(digest.NewlyOverdue.Count)})", "Newly overdue: none this week.", [.. digest.NewlyOverdue.Select(ItemRow)]));
            sections.Add(new($"Newly delayed ({Count(digest.NewlyDelayed.Count)})", "Newly delayed: none this week.", [.. digest.NewlyDelayed.Select(DelayedRow)]));
            sections.Add(new($"Completed this week ({Count(digest.CompletedThisWeek.Count)})", "Completed this week: none.", [.. digest.CompletedThisWeek.Select(ItemRow)]));
        }
        sections.Add(new($"Due in the next two weeks ({Count(digest.DueInTwoWeeks.Count)})", "Due in the next two weeks: nothing.", [.. digest.DueInTwoWeeks.Select(ItemRow)]));
        sections.Add(new($"Owners who have not answered reminders ({Owners(digest.NotAnswering)})", "Owners who have not answered reminders: none.",
            [.. digest.NotAnswering.SelectMany(o => OwnerRows(o, o.Since is { } since ? $"no answer since {Date(LondonTime.DateOf(since))}" : "no answer"))]));
        sections.Add(new($"Owners PlanBot cannot reach ({Owners(digest.Unreachable)})", "Owners PlanBot cannot reach: none.",
            [.. digest.Unreachable.SelectMany(o => OwnerRows(o, Unreachable(o)))]));
        return sections;
    }

    private static Fact ItemRow(DigestItem item) => new(item.Ref.Display, $"{Line(item.Title, MaxTitleLength)} — {item.DueText}");

    private static Fact DelayedRow(DelayedItem delayed)
    {
        var proposed = delayed.ProposedDate.Date is { } date ? $"proposed {Date(date)}"
            : !delayed.ProposedDate.IsBlank ? $"proposed {Line(delayed.ProposedDate.Text, MaxNameLength)}"
            : "no revised date proposed";
        var reason = delayed.Reason is null ? "No reason recorded." : $"Reason: {Line(delayed.Reason, MaxReasonLength)}";
        return new Fact(delayed.Item.Ref.Display, $"{Line(delayed.Item.Title, MaxTitleLength)} — {proposed}. {reason}");
    }

    /// <summary>"#6, #8 — no answer since 13 Jan 2020" under the owner's name; a long list goes on over more rows.</summary>
    private static IEnumerable<Fact> OwnerRows(OwnerItems owner, string why)
    {
        var name = Line(owner.Owner, MaxNameLength);
        for (var start = 0; start < owner.Items.Count; start += RefsPerRow)
        {
            var refs = string.Join(", ", owner.Items.Skip(start).Take(RefsPerRow).Select(i => i.Ref.Display));
            yield return new Fact(name, start == 0 ? $"{refs} — {why}" : refs);
        }
    }

    private static string Unreachable(OwnerItems owner)
    {
        var reasons = Line(string.Join("; ", owner.Reasons), MaxReasonLength);
        return owner.Since is { } since ? $"{reasons} (since {Date(LondonTime.DateOf(since))})" : reasons;
    }

    /// <summary>
    /// "Red 2 (+1) · Amber 3 · Green 5 (−1) · Blue 4", and milestones with no colour when there are any. Unlike the
    /// headline, a colour that did not change shows no "(±0)": a dozen areas of them hide the changes that matter.
    /// </summary>
    private static Fact RagRow(AreaRag area, bool hasBaseline)
    {
        string Colour(string name, Rag rag)
        {
            var (now, before) = (area.ThisReport[rag], area.LastReport[rag]);
            return $"{name} {Count(now)}{(hasBaseline && now != before ? Change(now, before) : string.Empty)}";
        }
        var colours = new List<string> { Colour("Red", Rag.Red), Colour("Amber", Rag.Amber), Colour("Green", Rag.Green), Colour("Blue", Rag.Blue) };
        if (area.ThisReport.None > 0 || area.LastReport.None > 0) colours.Add(Colour("No RAG", Rag.None));
        return new Fact(Line(area.Area, MaxNameLength), string.Join(" · ", colours));
    }

    private static string Owners(IReadOnlyList<OwnerItems> owners)
    {
        var milestones = owners.SelectMany(o => o.Items).Select(i => i.Ref).Distinct().Count();
        return $"{Count(owners.Count)} {(owners.Count == 1 ? "owner" : "owners")}, {Milestones(milestones)}";
    }

    /// <summary>" (+2)", " (−1)", " (±0)"; nothing when there is no last week to compare with.</summary>
    private static string Change(int now, int? before) => before is not { } then ? string.Empty
        : now > then ? $" (+{Count(now - then)})"
        : now < then ? $" (−{Count(then - now)})"
        : " (±0)";

    private static string PlanLabel(Digest digest) => digest.PlanId.ToUpperInvariant();

    private static string Milestones(int count) => count == 1 ? "1 milestone" : $"{Count(count)} milestones";

    private static string Count(int count) => count.ToString("N0", English);

    private static string Date(DateOnly date) => QuestionAnswerer.Date(date);

    /// <summary>Cleaned, on one line and shortened: a title with line breaks would otherwise become several paragraphs.</summary>
    private static string Line(string text, int maxLength) => TextSanitizer.Clean(text, maxLength).Replace('\n', ' ');
}
