using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace PlanBot.Trackers.Reading;

/// <summary>
/// A fill's colour as styles.xml gives it: an ARGB value, an index into the workbook's palette, or a theme colour
/// with a tint. Resolved once the whole stylesheet is read, since the palette (&lt;colors&gt;) comes after the fills.
/// </summary>
internal readonly record struct FillColour(string? Rgb, int? Indexed, int? Theme, double Tint)
{
    public static FillColour? Read(XmlReader reader)
    {
        var rgb = SpreadsheetXml.Attribute(reader, "rgb");
        var indexed = SpreadsheetXml.IntAttribute(reader, "indexed");
        var theme = SpreadsheetXml.IntAttribute(reader, "theme");
        if (rgb is null && indexed is null && theme is null) return null;
        var tint = double.TryParse(SpreadsheetXml.Attribute(reader, "tint"), NumberStyles.Float, CultureInfo.InvariantCulture, out var t) ? t : 0;
        return new FillColour(rgb, indexed, theme, tint);
    }

    /// <summary>The colour as six hex digits, or null when the index names no colour (64 and 65 are the system's).</summary>
    public string? Resolve(IReadOnlyList<string> palette, IReadOnlyList<string> theme)
    {
        var hex = Rgb is { Length: 6 or 8 } rgb ? rgb[^6..]
            : Indexed is { } i && i >= 0 && i < palette.Count ? palette[i]
            : Theme is { } t && t >= 0 && t < theme.Count ? theme[t]
            : null;
        return hex is null || Tint == 0 ? hex : ApplyTint(hex, Tint);
    }

    /// <summary>SpreadsheetML's tint: lightness moved towards white (positive) or black (negative), hue kept.</summary>
    private static string? ApplyTint(string hex, double tint)
    {
        if (!int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var rgb)) return null;
        var (h, s, l) = ToHsl(((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0);
        l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
        var (r, g, b) = FromHsl(h, s, Math.Clamp(l, 0, 1));
        return string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Round(r * 255):X2}{(int)Math.Round(g * 255):X2}{(int)Math.Round(b * 255):X2}");
    }

    private static (double H, double S, double L) ToHsl(double r, double g, double b)
    {
        var max = Math.Max(r, Math.Max(g, b));
        var min = Math.Min(r, Math.Min(g, b));
        var l = (max + min) / 2;
        if (max == min) return (0, 0, l);
        var d = max - min;
        var s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
        var h = max == r ? ((g - b) / d + (g < b ? 6 : 0)) : max == g ? (b - r) / d + 2 : (r - g) / d + 4;
        return (h / 6, s, l);
    }

    private static (double R, double G, double B) FromHsl(double h, double s, double l)
    {
        if (s == 0) return (l, l, l);
        var q = l < 0.5 ? l * (1 + s) : l + s - l * s;
        var p = 2 * l - q;
        return (Hue(p, q, h + 1.0 / 3), Hue(p, q, h), Hue(p, q, h - 1.0 / 3));

        static double Hue(double p, double q, double t)
        {
            if (t < 0) t += 1;
            if (t > 1) t -= 1;
            return t < 1.0 / 6 ? p + (q - p) * 6 * t : t < 0.5 ? q : t < 2.0 / 3 ? p + (q - p) * (2.0 / 3 - t) * 6 : p;
        }
    }

    /// <summary>SpreadsheetML's default palette for indexed colours 0–63, used unless styles.xml gives its own.</summary>
    public static readonly IReadOnlyList<string> DefaultPalette =
    [
        "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
        "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
        "800000", "008000", "000080", "808000", "800080", "008080", "C0C0C0", "808080",
        "9999FF", "993366", "FFFFCC", "CCFFFF", "660066", "FF8080", "0066CC", "CCCCFF",
        "000080", "FF00FF", "FFFF00", "00FFFF", "800080", "800000", "008080", "0000FF",
        "00CCFF", "CCFFFF", "CCFFCC", "FFFF99", "99CCFF", "FF99CC", "CC99FF", "FFCC99",
        "3366FF", "33CCCC", "99CC00", "FFCC00", "FF9900", "FF6600", "666699", "969696",
        "003366", "339966", "003300", "333300", "993300", "993366", "333399", "333333",
    ];

    private const string DrawingNamespace = "http://schemas.openxmlformats.org/drawingml/2006/main";

    // A theme colour index counts the scheme's first four in the order light 1, dark 1, light 2, dark 2.
    private static readonly string[] SchemeOrder = ["lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink"];

    /// <summary>The workbook theme's colours by theme index, as six hex digits; empty when there is no theme.</summary>
    public static IReadOnlyList<string> ReadTheme(ThemePart? part)
    {
        if (part is null) return [];
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), settings);
        string? slot = null;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != DrawingNamespace) continue;
            if (SchemeOrder.Contains(reader.LocalName)) slot = reader.LocalName;
            else if (slot is not null && !found.ContainsKey(slot) && reader.LocalName is "srgbClr" or "sysClr")
                if ((reader.GetAttribute("val") is { Length: 6 } val && reader.LocalName == "srgbClr" ? val : reader.GetAttribute("lastClr")) is { Length: 6 } colour)
                    found[slot] = colour;
            if (reader.LocalName == "clrScheme" && found.Count == SchemeOrder.Length) break;
        }
        return SchemeOrder.Select(s => found.GetValueOrDefault(s) ?? "000000").ToList();
    }
}
