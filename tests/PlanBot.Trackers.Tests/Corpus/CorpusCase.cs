using System.Text.Json;
using PlanBot.Core.Plans;
using PlanBot.Testing;
using PlanBot.Trackers.Importing;
using PlanBot.Trackers.Reading;

namespace PlanBot.Trackers.Tests.Corpus;

/// <summary>
/// One tracker of tests/corpus/trackers and its golden import (<c>&lt;file&gt;.expected.json</c>, the schema of
/// /work/blind/TRACKER-BRIEF.md): imported with no column mapping (only the sheet the golden file names, as a PMO picks
/// the tracker's sheet of a RAID workbook), then compared count, numbering, groups, report date and
/// each checked milestone field by field. <see cref="Compare"/> lists every difference rather than stopping at the first.
/// </summary>
public sealed class CorpusCase
{
    public static string Folder => Path.Combine(RepositoryRoot.Path, "tests", "corpus", "trackers");

    private CorpusCase(string expectedPath, JsonElement expected)
    {
        ExpectedPath = expectedPath;
        Expected = expected;
    }

    public string ExpectedPath { get; }
    public JsonElement Expected { get; }
    public string FileName => Expected.GetProperty("file").GetString()!;

    public static IEnumerable<string> Names() =>
        Directory.EnumerateFiles(Folder, "*.expected.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static CorpusCase Load(string expectedName)
    {
        var path = Path.Combine(Folder, expectedName);
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return new CorpusCase(path, document.RootElement.Clone());
    }

    /// <summary>The sheet the golden file names when a workbook holds several tables and one is the tracker; null otherwise.</summary>
    public string? Sheet => Expected.TryGetProperty("sheet", out var sheet) && sheet.ValueKind == JsonValueKind.String ? sheet.GetString() : null;

    public TrackerImportResult Import() =>
        new TrackerImporter().Import(TrackerFileReader.Read(Path.Combine(Folder, FileName)), new TrackerImportOptions { PlanId = "corpus", Sheet = Sheet });

    /// <summary>Every difference between the import and the golden expectation; each check is one line: "ok …" or "differs …".</summary>
    public CorpusOutcome Compare()
    {
        var outcome = new CorpusOutcome(FileName);
        TrackerImportResult result;
        try
        {
            result = Import();
        }
        catch (TrackerFileException e)
        {
            outcome.Fail("file", $"could not be read: {e.Message}", ExpectedCheckCount());
            return outcome;
        }

        if (result.Plan is not { } plan)
        {
            outcome.Fail("import", "refused: " + string.Join(" | ", result.Errors.Select(e => e.ToString())), ExpectedCheckCount());
            return outcome;
        }

        outcome.Check("milestones", Expected.GetProperty("milestones").GetInt32().ToString(), plan.Milestones.Count.ToString());
        outcome.Check("refsGenerated", Expected.GetProperty("refsGenerated").GetBoolean().ToString(), result.Summary.RefsGenerated.ToString());
        var expectedGroups = Expected.GetProperty("groups").EnumerateArray().Select(g => Tidy(g.GetString())).Order(StringComparer.OrdinalIgnoreCase);
        var actualGroups = plan.Milestones.Select(m => Tidy(m.Programme)).Where(g => g.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase);
        outcome.Check("groups", string.Join(" | ", expectedGroups), string.Join(" | ", actualGroups), ignoreCase: true);
        if (Expected.TryGetProperty("reportDate", out var reportDate) && reportDate.ValueKind == JsonValueKind.String)
            outcome.Check("reportDate", reportDate.GetString()!, Iso(result.Summary.ReportDate));

        var fileOrder = plan.Milestones.OrderBy(m => m.Source?.Row ?? 0).ToList();
        foreach (var check in Expected.GetProperty("checks").EnumerateArray())
        {
            var reference = check.GetProperty("ref").GetString()!;
            var milestone = MilestoneRef.TryParse(reference, out var parsed) ? plan.Find(parsed) : null;
            var label = $"#{reference}";
            if (milestone is null)
            {
                outcome.Fail(label, "not imported", 9);
                continue;
            }

            outcome.Check($"{label} title", Tidy(check.GetProperty("title").GetString()), Tidy(milestone.Title));
            outcome.Check($"{label} start", Text(check, "start"), Iso(milestone.Start.Date));
            outcome.Check($"{label} due", Text(check, "due"), Iso(milestone.Due.Date));
            outcome.Check($"{label} revisedDue", Text(check, "revisedDue"), Iso(milestone.RevisedDue.Date));
            outcome.Check($"{label} status", Text(check, "status"), milestone.Status.ToString());
            // A rag of null means none given, as the schema's None does.
            outcome.Check($"{label} rag", Text(check, "rag") is "null" ? "None" : Text(check, "rag"), milestone.Rag.ToString());
            outcome.Check($"{label} deliveryOwners", People(check, "deliveryOwners"), People(milestone.DeliveryOwners), ignoreCase: true);
            outcome.Check($"{label} accountableOwners", People(check, "accountableOwners"), People(milestone.AccountableOwners), ignoreCase: true);
            outcome.Check($"{label} group", Tidy(Text(check, "group")), Tidy(milestone.Programme), ignoreCase: true);
        }

        return outcome;
    }

    /// <summary>How many checks a file has when it imports: count, numbering, groups, report date, nine per checked milestone.</summary>
    private int ExpectedCheckCount() =>
        3 + (Expected.TryGetProperty("reportDate", out var d) && d.ValueKind == JsonValueKind.String ? 1 : 0)
        + 9 * Expected.GetProperty("checks").GetArrayLength();

    private static string Text(JsonElement check, string name) =>
        check.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "null";

    private static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd") ?? "null";

    private static string Tidy(string? text) =>
        text is null or "null" ? string.Empty : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string People(JsonElement check, string name) =>
        Names(check.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(p => p.GetString() ?? string.Empty)
            : []);

    private static string People(IEnumerable<Owner> owners) => Names(owners.Select(o => o.Name));

    /// <summary>
    /// Owners compared by name: an e-mail address counts as the name it spells ("jane.smith@x.nhs.uk" = "Jane Smith"),
    /// and PlanBot's "Jane Smith (jane.smith@x.nhs.uk)" as its name.
    /// </summary>
    private static string Names(IEnumerable<string> names) =>
        string.Join(" | ", names.Select(PersonKey).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase));

    private static string PersonKey(string name)
    {
        var n = Tidy(name);
        var open = n.IndexOf(" (", StringComparison.Ordinal);
        if (open > 0 && n.EndsWith(')') && n[(open + 2)..^1] is var inside && OwnerNames.IsEmailAddress(inside)) return n[..open];
        if (OwnerNames.IsEmailAddress(n)) return OwnerNames.SpelledName(n) ?? n;
        return n;
    }
}

/// <summary>The checks made on one corpus file and which of them differed.</summary>
public sealed class CorpusOutcome(string file)
{
    private readonly List<string> _differences = [];

    public string File { get; } = file;
    public int Checks { get; private set; }
    public int Passed { get; private set; }
    public IReadOnlyList<string> Differences => _differences;
    public bool AllPassed => _differences.Count == 0;

    public void Check(string what, string expected, string actual, bool ignoreCase = false)
    {
        Checks++;
        if (string.Equals(expected, actual, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)) Passed++;
        else _differences.Add($"{what}: expected '{expected}', got '{actual}'");
    }

    /// <summary>A failure that makes <paramref name="checks"/> checks impossible (a file that does not import fails them all).</summary>
    public void Fail(string what, string why, int checks = 1)
    {
        Checks += checks;
        _differences.Add($"{what}: {why}");
    }

    public override string ToString() =>
        AllPassed ? $"{File}: {Checks} checks passed" : $"{File}: {Passed}/{Checks} checks passed\n  " + string.Join("\n  ", _differences);
}
