using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PlanBot.Trackers.Reading;

/// <summary>
/// Rebuilds the formula of a cell that shares another cell's formula (&lt;f t="shared" si="0"/&gt;): the relative
/// A1 references of the master formula move by the distance between the two cells, as Excel shows them.
/// </summary>
internal static partial class FormulaReferences
{
    private const int MaxColumn = 16_384;
    private const int MaxRow = 1_048_576;

    public static string Shift(string formula, int rows, int columns)
    {
        if (rows == 0 && columns == 0) return formula;
        var result = new StringBuilder(formula.Length + 8);
        var i = 0;
        while (i < formula.Length)
        {
            var c = formula[i];
            if (c is '"' or '\'')
            {
                // String literals and quoted sheet names are copied as they are ("" and '' escape the quote).
                var end = i + 1;
                while (end < formula.Length && !(formula[end] == c && (end + 1 == formula.Length || formula[end + 1] != c)))
                    end += formula[end] == c ? 2 : 1;
                end = Math.Min(end + 1, formula.Length);
                result.Append(formula, i, end - i);
                i = end;
                continue;
            }

            var next = formula.IndexOfAny(['"', '\''], i);
            if (next < 0) next = formula.Length;
            result.Append(CellReference().Replace(formula[i..next], m => ShiftOne(m, rows, columns)));
            i = next;
        }

        return result.ToString();
    }

    private static string ShiftOne(Match m, int rows, int columns)
    {
        var column = 0;
        foreach (var letter in m.Groups["col"].ValueSpan) column = column * 26 + (char.ToUpperInvariant(letter) - 'A' + 1);
        var row = int.Parse(m.Groups["row"].ValueSpan, CultureInfo.InvariantCulture);
        if (column > MaxColumn || row is < 1 or > MaxRow) return m.Value; // not a cell reference after all

        var absoluteColumn = m.Groups["colAbs"].Length > 0;
        var absoluteRow = m.Groups["rowAbs"].Length > 0;
        if (!absoluteColumn) column += columns;
        if (!absoluteRow) row += rows;
        if (column is < 1 or > MaxColumn || row is < 1 or > MaxRow) return "#REF!";

        return (absoluteColumn ? "$" : string.Empty) + Core.Plans.SourceLocation.ColumnLetter(column)
            + (absoluteRow ? "$" : string.Empty) + row.ToString(CultureInfo.InvariantCulture);
    }

    // An A1 reference not inside a longer name: LOG10( is a function, TAX2019 would be a reference (Excel forbids such names).
    [GeneratedRegex(@"(?<![A-Za-z0-9_.$])(?<colAbs>\$?)(?<col>[A-Za-z]{1,3})(?<rowAbs>\$?)(?<row>[0-9]{1,7})(?![A-Za-z0-9_.(!])")]
    private static partial Regex CellReference();
}
