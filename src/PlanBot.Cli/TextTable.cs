namespace PlanBot.Cli;

/// <summary>
/// A plain table for the terminal and for pipes: columns two spaces apart, a dashed rule under the header, no trailing
/// spaces. With no width (piped output) every row is one line at the columns' natural widths, so it greps and diffs
/// well; with a width (a terminal's) the widest columns give way first and a cell wraps onto at most
/// <see cref="MaxLinesPerCell"/> lines, ending "…" when cut, so a long title never runs to four or five lines.
/// </summary>
internal sealed class TextTable
{
    public const int MaxLinesPerCell = 2;
    private const string Gap = "  ";

    private readonly string[] _headers;
    private readonly int[] _minimums;
    private readonly int[] _giveWayOrder;
    private readonly List<string[]> _rows = [];

    /// <param name="columns">Each column's header and the narrowest it may become.</param>
    /// <param name="giveWayOrder">Which columns narrow first when the width is short (indexes; the rest keep their width).</param>
    public TextTable((string Header, int Minimum)[] columns, params int[] giveWayOrder)
    {
        _headers = columns.Select(c => c.Header).ToArray();
        _minimums = columns.Select(c => Math.Max(c.Minimum, 1)).ToArray();
        _giveWayOrder = giveWayOrder;
    }

    public void AddRow(params string[] cells)
    {
        if (cells.Length != _headers.Length) throw new ArgumentException($"A row needs {_headers.Length} cells.", nameof(cells));
        // One line of text per cell: line breaks and runs of spaces in tracker text would break the layout.
        _rows.Add(cells.Select(c => string.Join(' ', (c ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToArray());
    }

    /// <param name="width">The terminal's width, or null for unlimited (piped).</param>
    public IEnumerable<string> Lines(int? width)
    {
        var widths = Enumerable.Range(0, _headers.Length)
            .Select(i => _rows.Select(r => r[i].Length).Append(_headers[i].Length).Max())
            .ToArray();
        if (width is { } limit)
        {
            var excess = widths.Sum() + Gap.Length * (widths.Length - 1) - limit;
            foreach (var column in _giveWayOrder)
            {
                if (excess <= 0) break;
                var cut = Math.Min(excess, Math.Max(0, widths[column] - Math.Max(_minimums[column], _headers[column].Length)));
                widths[column] -= cut;
                excess -= cut;
            }
        }

        yield return Join(_headers, widths);
        yield return string.Join(Gap, widths.Select(w => new string('-', w)));
        foreach (var row in _rows)
        {
            var wrapped = row.Select((cell, i) => Wrap(cell, widths[i])).ToArray();
            var height = wrapped.Max(w => w.Count);
            for (var line = 0; line < height; line++)
                yield return Join(wrapped.Select(w => line < w.Count ? w[line] : string.Empty).ToArray(), widths);
        }
    }

    private static string Join(string[] cells, int[] widths) =>
        string.Join(Gap, cells.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd();

    /// <summary>The cell in lines of at most <paramref name="width"/>, broken at spaces where it can be, cut with "…" after the last.</summary>
    private static List<string> Wrap(string cell, int width)
    {
        var lines = new List<string>();
        var rest = cell;
        while (rest.Length > width)
        {
            if (lines.Count == MaxLinesPerCell - 1)
            {
                lines.Add(rest[..(width - 1)].TrimEnd() + "…");
                return lines;
            }
            var space = rest.LastIndexOf(' ', width);
            var take = space > width / 3 ? space : width;
            lines.Add(rest[..take].TrimEnd());
            rest = rest[take..].TrimStart();
        }
        lines.Add(rest);
        return lines;
    }
}
