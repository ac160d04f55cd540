namespace PlanBot.Trackers.Importing;

/// <summary>How to read one tracker file into a plan.</summary>
public sealed record TrackerImportOptions
{
    public required string PlanId { get; init; }

    /// <summary>Plan name; by default the first title line of the file.</summary>
    public string? PlanName { get; init; }

    /// <summary>Read only this sheet of a workbook (by name, case-insensitive).</summary>
    public string? Sheet { get; init; }

    /// <summary>Explicit header → field mappings for layouts the built-in header names miss.</summary>
    public IReadOnlyList<ColumnMapping> ColumnMap { get; init; } = [];

    /// <summary>First calendar year of the plan's financial year (2018 for 2018/19), for dates written without a year.
    /// By default it is read from the plan's title.</summary>
    public int? FinancialYearStart { get; init; }
}

/// <summary>One --map entry: the header as the tracker spells it, and the field it holds.</summary>
public sealed record ColumnMapping(string Header, ColumnField Field)
{
    /// <summary>Parses "Deliverable=Title; Lead=DeliveryOwner" (separators ';' or ',').</summary>
    public static IReadOnlyList<ColumnMapping> ParseList(IEnumerable<string> specs)
    {
        var result = new List<ColumnMapping>();
        foreach (var spec in specs)
        {
            foreach (var part in spec.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = part.LastIndexOf('=');
                if (eq <= 0 || eq == part.Length - 1)
                    throw new FormatException($"--map '{part}' should look like \"Header name=Field\", e.g. \"Deliverable=Title\".");
                var header = part[..eq].Trim().Trim('"');
                var fieldName = part[(eq + 1)..].Trim();
                if (!Enum.TryParse<ColumnField>(fieldName, ignoreCase: true, out var field) || !Enum.IsDefined(field))
                    throw new FormatException(
                        $"--map '{part}': '{fieldName}' is not a field. Fields: {string.Join(", ", Enum.GetNames<ColumnField>())}.");
                result.Add(new ColumnMapping(header, field));
            }
        }
        return result;
    }
}
