using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace PlanBot.Trackers.Reading;

/// <summary>How SpreadsheetML stores numbers, dates and text, for the reader and the writer.</summary>
internal static class ExcelValues
{
    private static readonly DateOnly Epoch1900 = new(1899, 12, 30);
    private static readonly DateOnly Epoch1904 = new(1904, 1, 1);
    private static readonly DateOnly FirstReal1900Date = new(1900, 3, 1);

    /// <summary>Built-in number formats 14–22 (dates and times) and 45–47 (times).</summary>
    public static bool IsBuiltInDateFormat(int id) => id is >= 14 and <= 22 or >= 45 and <= 47;

    /// <summary>Whether a custom format code shows a date: d, m or y outside quotes, brackets and escaped characters.</summary>
    public static bool IsDateFormatCode(string code)
    {
        for (var i = 0; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '"':
                    var close = code.IndexOf('"', i + 1);
                    i = close < 0 ? code.Length : close;
                    break;
                case '[':
                    var end = code.IndexOf(']', i + 1);
                    i = end < 0 ? code.Length : end;
                    break;
                case '\\' or '_' or '*':
                    i++; // the next character is literal, padding or fill
                    break;
                case 'd' or 'D' or 'm' or 'M' or 'y' or 'Y':
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The .NET format that shows a date as an Excel date format code does ("dd-mmm-yy" → "dd-MMM-yy"), or null when
    /// the code also shows a time, has sections or colours, or holds something this does not translate.
    /// </summary>
    public static string? DateDisplayFormat(string code)
    {
        var format = new StringBuilder(code.Length + 4);
        for (var i = 0; i < code.Length;)
        {
            var c = code[i];
            if (c == '[')
            {
                // A locale tag such as [$-809] changes nothing here; a colour or condition does.
                var end = code.IndexOf(']', i + 1);
                if (end < 0 || code[i + 1] != '$') return null;
                // [$-F800] and [$-F400] are the reader's own long date and time: shown differently on every machine.
                if (code.AsSpan(i, end - i).Contains("F800", StringComparison.OrdinalIgnoreCase)
                    || code.AsSpan(i, end - i).Contains("F400", StringComparison.OrdinalIgnoreCase)) return null;
                i = end + 1;
                continue;
            }

            if (c is 'd' or 'D' or 'm' or 'M' or 'y' or 'Y')
            {
                var run = 1;
                while (i + run < code.Length && char.ToLowerInvariant(code[i + run]) == char.ToLowerInvariant(c)) run++;
                var letter = char.ToLowerInvariant(c) switch { 'd' => 'd', 'm' => 'M', _ => 'y' };
                if (letter == 'y') run = run <= 2 ? 2 : 4;
                if (run > 4) return null;
                format.Append(letter, run);
                i += run;
                continue;
            }

            if (c is '/' or '-' or '.' or ' ' or ',')
            {
                format.Append(c == '/' ? "'/'" : c.ToString());
                i++;
                continue;
            }

            if (c == '\\' && i + 1 < code.Length)
            {
                format.Append('\'').Append(code[i + 1]).Append('\'');
                i += 2;
                continue;
            }

            if (c == '"')
            {
                var close = code.IndexOf('"', i + 1);
                if (close < 0) return null;
                format.Append('\'').Append(code, i + 1, close - i - 1).Append('\'');
                i = close + 1;
                continue;
            }

            return null; // times, sections, fills and anything else: keep the ISO date
        }

        var text = format.ToString();
        return text.Contains('d') && text.Contains('M') && text.Contains('y') ? text : null;
    }

    /// <summary>
    /// "Red", "Amber", "Green" or "Blue" for a fill colour that reads as one of them (ARGB hex as SpreadsheetML writes
    /// it: FFFF0000, FFFFC000, FF00B050, FF0070C0), else null. Judged by hue, so the shades trackers use all count.
    /// </summary>
    public static string? RagColourName(string? argb)
    {
        if (argb is null || argb.Length is not (6 or 8)) return null;
        if (!int.TryParse(argb.AsSpan(argb.Length - 6), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var rgb)) return null;
        var r = ((rgb >> 16) & 0xFF) / 255.0;
        var g = ((rgb >> 8) & 0xFF) / 255.0;
        var b = (rgb & 0xFF) / 255.0;
        var max = Math.Max(r, Math.Max(g, b));
        var min = Math.Min(r, Math.Min(g, b));
        var chroma = max - min;
        if (max < 0.3 || chroma < 0.3) return null; // greys, white, black and pale tints are not ratings
        double hue;
        if (max == r) hue = 60 * (((g - b) / chroma + 6) % 6);
        else if (max == g) hue = 60 * ((b - r) / chroma + 2);
        else hue = 60 * ((r - g) / chroma + 4);
        return hue switch
        {
            < 15 or >= 330 => "Red",
            < 70 => "Amber",
            < 170 => "Green",
            >= 180 and < 260 => "Blue",
            _ => null,
        };
    }

    /// <summary>
    /// A date serial as ISO text: yyyy-MM-dd, with THH:mm:ss only when there is a time part; a fraction below one
    /// day is a time of day (HH:mm:ss). Null when the number is not a date Excel can show.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string? SerialToIso(double serial, bool date1904)
    {
        if (!double.IsFinite(serial) || serial < 0 || serial >= 2_958_466) return null;
        var days = (int)Math.Floor(serial);
        var seconds = (int)Math.Round((serial - days) * 86_400, MidpointRounding.AwayFromZero);
        if (seconds == 86_400)
        {
            days++;
            seconds = 0;
        }

        var time = seconds == 0 ? string.Empty : TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(seconds)).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        if (days == 0 && !date1904) return seconds > 0 ? time : null; // a time of day, or Excel's "0 January 1900"

        DateOnly date;
        if (date1904) date = Epoch1904.AddDays(days);
        else if (days >= 61) date = Epoch1900.AddDays(days);
        else if (days == 60) return "1900-02-29" + (time.Length > 0 ? "T" + time : string.Empty); // Lotus's leap day, kept by Excel
        else date = Epoch1900.AddDays(days + 1);

        var iso = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return time.Length > 0 ? iso + "T" + time : iso;
    }

    /// <summary>The serial number Excel stores for a date (1900 date system), or null before 1 January 1900.</summary>
    public static int? DateToSerial(DateOnly date)
    {
        if (date >= FirstReal1900Date) return date.DayNumber - Epoch1900.DayNumber;
        if (date.Year < 1900) return null;
        return date.DayNumber - Epoch1900.DayNumber - 1;
    }

    /// <summary>
    /// A stored number as a reader sees it: invariant culture, never an exponent for integers, and at most
    /// 15 significant digits as Excel shows them (0.30000000000000004 is 0.3).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string NumberText(string stored)
    {
        if (IsPlainInteger(stored)) return stored;
        if (!double.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value)) return stored;
        return NumberText(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string NumberText(double value)
    {
        if (value == Math.Floor(value) && Math.Abs(value) < 1e15) return ((long)value).ToString(CultureInfo.InvariantCulture);
        var magnitude = Math.Abs(value);
        if (magnitude is >= 1e-9 and < 7.9e27) return ((decimal)value).ToString(CultureInfo.InvariantCulture);
        return value.ToString("G15", CultureInfo.InvariantCulture);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsPlainInteger(string s)
    {
        if (s.Length is 0 or > 15) return false;
        var start = s[0] == '-' ? 1 : 0;
        if (start == s.Length || (s[start] == '0' && s.Length > start + 1)) return false;
        for (var i = start; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i])) return false;
        }

        return true;
    }

    /// <summary>Decodes the _xHHHH_ escapes SpreadsheetML uses for characters XML cannot hold (Excel writes CR as _x000D_).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string UnescapeText(string text)
    {
        var at = text.IndexOf("_x", StringComparison.Ordinal);
        if (at < 0) return text;
        var result = new StringBuilder(text.Length);
        var copied = 0;
        for (; at >= 0 && at + 7 <= text.Length; at = text.IndexOf("_x", at + 1, StringComparison.Ordinal))
        {
            if (text[at + 6] != '_' || !ushort.TryParse(text.AsSpan(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                continue;
            result.Append(text, copied, at - copied).Append((char)code);
            copied = at + 7;
            at += 6;
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// Makes text safe for a SpreadsheetML string: characters XML cannot hold (and CR, which XML parsers fold into
    /// LF) become _xHHHH_ as Excel writes them, a literal
    /// "_xHHHH_" keeps its meaning by escaping its underscore, and unpaired surrogates become U+FFFD.
    /// </summary>
    public static string EscapeText(string text)
    {
        if (!NeedsEscape(text)) return text;
        var result = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                result.Append('\uFFFD');
            }
            else if (IsXmlForbidden(c) || c == '\r' || (c == '_' && LooksLikeEscape(text, i)))
            {
                result.Append("_x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('_');
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static bool NeedsEscape(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsXmlForbidden(c) || c == '\r' || char.IsSurrogate(c) || (c == '_' && LooksLikeEscape(text, i))) return true;
        }

        return false;
    }

    private static bool IsXmlForbidden(char c) => (c < 0x20 && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF';

    private static bool LooksLikeEscape(string text, int at) =>
        at + 7 <= text.Length && text[at + 1] == 'x' && text[at + 6] == '_' && char.IsAsciiHexDigit(text[at + 2])
        && char.IsAsciiHexDigit(text[at + 3]) && char.IsAsciiHexDigit(text[at + 4]) && char.IsAsciiHexDigit(text[at + 5]);
}
