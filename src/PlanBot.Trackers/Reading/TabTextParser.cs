using System.Text;

namespace PlanBot.Trackers.Reading;

/// <summary>
/// Splits tab-delimited text as Excel writes it ("Text (Tab delimited)", "Unicode Text"): one record per line,
/// fields separated by tabs, and a field that holds a tab, line break or quote written in double quotes with inner
/// quotes doubled. Lines end in CR LF, LF or CR (Excel for Mac). Rows may be ragged: board-paper exports are.
/// </summary>
/// <remarks>
/// A field is read as quoted only when it starts with a quote and its closing quote is followed by a tab or the end
/// of a line, as Excel writes it. Anything else (an unmatched quote, text after a closing quote) is kept literally,
/// so a stray quote in a pasted board paper cannot swallow the rest of the file.
/// </remarks>
internal static class TabTextParser
{
    // Excel cells hold at most 32,767 characters; a quoted field doubles its quotes at most.
    private const int MaxQuotedLength = 2 * 32_767 + 2;

    public static List<TrackerRow> Parse(string text, CancellationToken cancellationToken)
    {
        var rows = new List<TrackerRow>();
        var pos = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var line = 1;
        var builder = new StringBuilder();
        while (pos < text.Length)
        {
            if ((rows.Count & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            var startLine = line;
            var cells = new List<TrackerCell>();
            while (true)
            {
                string value;
                if (text[pos] == '"' && TryReadQuoted(text, pos, builder, out var end, out var lineBreaks))
                {
                    value = builder.ToString();
                    pos = end;
                    line += lineBreaks;
                }
                else
                {
                    var stop = text.AsSpan(pos).IndexOfAny('\t', '\r', '\n');
                    var end2 = stop < 0 ? text.Length : pos + stop;
                    value = text[pos..end2];
                    pos = end2;
                }

                cells.Add(new TrackerCell(value.TrimEnd('\r')));
                if (pos < text.Length && text[pos] == '\t')
                {
                    pos++;
                    if (pos == text.Length || text[pos] is '\r' or '\n')
                    {
                        cells.Add(TrackerCell.Empty);
                        break;
                    }

                    continue;
                }

                break;
            }

            rows.Add(new TrackerRow(startLine, cells));
            if (pos < text.Length)
            {
                pos += text[pos] == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n' ? 2 : 1;
                line++;
            }
        }

        return rows;
    }

    /// <summary>Reads the quoted field starting at <paramref name="start"/>; false when it is not a well-formed one.</summary>
    private static bool TryReadQuoted(string text, int start, StringBuilder value, out int end, out int lineBreaks)
    {
        value.Clear();
        lineBreaks = 0;
        end = start;
        var limit = Math.Min(text.Length, start + MaxQuotedLength);
        for (var i = start + 1; i < limit; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    value.Append('"');
                    i++;
                    continue;
                }

                if (i + 1 == text.Length || text[i + 1] is '\t' or '\r' or '\n')
                {
                    end = i + 1;
                    return true;
                }

                return false;
            }

            if (c == '\n' || (c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))) lineBreaks++;
            value.Append(c);
        }

        return false;
    }
}
