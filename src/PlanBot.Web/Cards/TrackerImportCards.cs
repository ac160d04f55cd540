using System.Globalization;
using System.Text.Json.Nodes;
using PlanBot.BotFramework.Cards;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Core.Updates;
using PlanBot.Trackers.Importing;

namespace PlanBot.Web.Cards;

/// <summary>
/// The preview of a tracker attached in Teams (what the import would add, change and remove, its conflicts with updates
/// made in Teams, warnings, errors and the columns it read), with Import and Cancel; and the cards that replace it.
/// </summary>
public static class TrackerImportCards
{
    public const string ImportVerb = "importTracker";
    public const string CancelVerb = "cancelTrackerImport";

    /// <summary>Items listed per section; the rest are counted, so the card stays well under Teams' size limit.</summary>
    private const int ListLimit = 8;

    /// <param name="columns">Each table's header row and the field each column was read as.</param>
    public static AdaptiveCard Preview(ImportPreview preview, string fileName, string planId, string? token, IReadOnlyList<string> columns)
    {
        var result = preview.Result;
        var card = new AdaptiveCard { MsTeams = TeamsCardProperties.FullWidth };
        card.Body.Add(new TextBlock($"{fileName} → plan {planId.ToUpperInvariant()}") { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true });

        var errors = result.Errors.ToList();
        var warnings = result.Warnings.ToList();
        if (errors.Count > 0 || preview.Diff is null)
        {
            card.Body.Add(new TextBlock($"{errors.Count} error(s) in {fileName}. Nothing was imported: fix them and attach the file again.")
            { Wrap = true, Color = TextColor.Attention, Weight = TextWeight.Bolder });
            AddList(card, "Errors", errors.Select(e => e.ToString()));
            AddList(card, "Warnings", warnings.Select(w => w.ToString()));
            AddList(card, "Columns read", columns, maxLength: 1_000);
            return card;
        }

        var diff = preview.Diff;
        var merge = preview.Merge;
        var plan = merge?.Merged ?? result.Plan!;
        card.Body.Add(new TextBlock(preview.Existing is null
            ? $"A new plan of {plan.Milestones.Count} milestones and {plan.Exceptions.Count} exception report entries. Nothing is saved until you press Import."
            : $"Compared with the plan imported {preview.Existing.ImportedAt.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC by {preview.Existing.ImportedBy}. Nothing is saved until you press Import.")
        { Wrap = true, IsSubtle = true });
        card.Body.Add(new FactSet(
        [
            new Fact("Added", Count(diff.Added.Count)),
            new Fact("Changed", Count(diff.Changed.Count)),
            new Fact("Removed", Count(diff.Removed.Count)),
            new Fact("Unchanged", Count(diff.Unchanged)),
            new Fact("Conflicts", Count(merge?.Conflicts.Count ?? 0)),
            new Fact("Kept from Teams", Count(merge?.FieldsKeptFromTeams ?? 0) + " field(s)"),
            new Fact("Warnings", Count(warnings.Count)),
        ]));
        if (merge is { Conflicts.Count: > 0 })
        {
            card.Body.Add(new TextBlock("The file and Teams both changed these since the last import. Import keeps the Teams update; to take the file's values, use planbot import --prefer tracker.")
            { Wrap = true, Color = TextColor.Warning });
            AddList(card, "Conflicts", merge.Conflicts.Select(Conflict));
        }
        AddList(card, "Added", diff.Added.Select(m => $"{m.Ref.Display} {AnswerFormat.Shorten(m.Title)}"));
        AddList(card, "Changed", diff.Changed.Select(c => $"{c.Ref.Display} " + string.Join("; ", c.Changes.Select(f => $"{HistoryWording.Field(f.Field)}: {AnswerFormat.Shorten(f.Old ?? "(blank)", 30)} → {AnswerFormat.Shorten(f.New ?? "(blank)", 30)}"))));
        AddList(card, "Removed (history kept)", diff.Removed.Select(m => $"{m.Ref.Display} {AnswerFormat.Shorten(m.Title)}"));
        AddList(card, "Warnings", warnings.Select(w => w.ToString()));
        AddList(card, "Columns read", columns, maxLength: 1_000);
        if (token is not null)
        {
            var data = new JsonObject { ["token"] = token };
            card.Actions.Add(new ExecuteAction("Import", ImportVerb, data));
            card.Actions.Add(new ExecuteAction("Cancel", CancelVerb, (JsonObject)data.DeepClone()));
        }
        return card;
    }

    /// <summary>What replaces the preview once pressed: the outcome in one line, and no buttons.</summary>
    public static AdaptiveCard Outcome(string text, bool good) => new()
    {
        Body = { new TextBlock(text) { Wrap = true, Color = good ? TextColor.Good : TextColor.Attention } },
    };

    private static void AddList(AdaptiveCard card, string heading, IEnumerable<string> items, int maxLength = 200)
    {
        var all = items.ToList();
        if (all.Count == 0) return;
        card.Body.Add(new TextBlock($"{heading} ({all.Count})") { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium });
        foreach (var item in all.Take(ListLimit))
            card.Body.Add(new TextBlock(AnswerFormat.Shorten(item, maxLength)) { Wrap = true, Spacing = Spacing.None });
        if (all.Count > ListLimit)
            card.Body.Add(new TextBlock($"… and {all.Count - ListLimit} more; planbot import --dry-run lists them all.") { Wrap = true, IsSubtle = true, Spacing = Spacing.None });
    }

    /// <summary>"#43 Revised due date: Teams 2020-03-31 (Pat Admin, 30 Jan 2020 09:12 UTC), file 28-Feb-20; kept Teams".</summary>
    private static string Conflict(MergeConflict conflict)
    {
        // Describe() words it for the command line, with the field's code name; the card names the field as people do.
        var described = conflict.Describe();
        var codePrefix = $"{conflict.Ref.Display} {conflict.Field}:";
        return described.StartsWith(codePrefix, StringComparison.Ordinal)
            ? $"{conflict.Ref.Display} {HistoryWording.Field(conflict.Field)}:{described[codePrefix.Length..]}"
            : described;
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

}
