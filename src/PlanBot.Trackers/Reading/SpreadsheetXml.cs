using System.Runtime.CompilerServices;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace PlanBot.Trackers.Reading;

/// <summary>
/// Forward-only reading of one SpreadsheetML part with <see cref="XmlReader"/>. The Open XML SDK's typed reader costs
/// most of a second to warm up in a fresh process; a plain XmlReader does not. The helpers keep the SDK reader's rules
/// for what an element is: an element counts only in the main SpreadsheetML namespace (transitional or strict) and
/// under the parent the schema gives it, anything else is skipped whole, and the text of a leaf element such as
/// &lt;v&gt; or &lt;t&gt; is its first text node, whitespace included.
/// </summary>
/// <remarks>
/// Convention: a method handed the reader on an element's start tag leaves it on that element's end tag (or on the
/// start tag itself when the element is empty), so the caller's next <see cref="NextChild"/> moves on to the sibling.
/// </remarks>
internal static class SpreadsheetXml
{
    public const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string StrictMainNamespace = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    public const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public const string StrictRelationshipsNamespace = "http://purl.oclc.org/ooxml/officeDocument/relationships";
    public const string MarkupCompatibilityNamespace = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    private static readonly XmlReaderSettings Settings = new()
    {
        IgnoreWhitespace = false, // whitespace-only text in <t xml:space="preserve"> and <v> is kept, as the SDK kept it
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = true,
    };

    /// <summary>
    /// Names the readers compare against. Added to each reader's name table first, so the reader hands back these
    /// very (interned) strings and each comparison ends at the reference check.
    /// </summary>
    private static readonly string[] KnownNames =
    [
        MainNamespace, StrictMainNamespace, MarkupCompatibilityNamespace, "xmlns", "AlternateContent", "Choice", "Fallback",
        "worksheet", "sheetData", "row", "c", "v", "f", "is", "r", "t", "s", "si", "sst", "rPh",
        "workbook", "workbookPr", "sheets", "sheet", "styleSheet", "numFmts", "numFmt", "dxfs", "dxf", "cellXfs", "xf",
    ];

    /// <summary>A reader over the part's XML, on its root element.</summary>
    /// <exception cref="XmlException">The part is not well-formed XML.</exception>
    public static XmlReader Open(OpenXmlPart part)
    {
        var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        XmlReader? reader = null;
        try
        {
            var settings = Settings.Clone();
            settings.NameTable = new NameTable();
            foreach (var name in KnownNames) settings.NameTable.Add(name);
            reader = XmlReader.Create(stream, settings);
            reader.MoveToContent();
            while (!reader.EOF && reader.NodeType != XmlNodeType.Element) reader.Skip();
            if (reader.EOF) throw new InvalidDataException("The XML content is empty.");
            return reader;
        }
        catch
        {
            if (reader is null) stream.Dispose();
            else reader.Dispose();
            throw;
        }
    }

    /// <summary>Whether the reader is on an element with this local name in the main SpreadsheetML namespace.</summary>
    public static bool Is(XmlReader reader, string localName) =>
        reader.LocalName == localName && IsMainNamespace(reader.NamespaceURI);

    /// <summary>Whether the element can hold children: it is not written &lt;empty/&gt;.</summary>
    public static bool HasContent(XmlReader reader) => !reader.IsEmptyElement;

    /// <summary>
    /// Moves to the next child element of the element at <paramref name="parentDepth"/>, passing over text, comments
    /// and the like; false on the parent's end tag. Call it first on the parent's start tag, and only when
    /// <see cref="HasContent"/>. As in the SDK's reader, markup-compatibility wrappers are seen through: the children of
    /// an mc:AlternateContent's mc:Choice and mc:Fallback (both of them) count as children of the parent, though not
    /// those of an mc:AlternateContent nested inside them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool NextChild(XmlReader reader, int parentDepth)
    {
        while (reader.Read())
        {
            var depth = reader.Depth;
            if (depth <= parentDepth) return false;
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (depth == parentDepth + 1)
            {
                if (!IsMarkupCompatibility(reader, "AlternateContent")) return true;
                continue; // into the wrapper: its children are one level down
            }

            // Only a wrapper's insides are this deep: the wrapper's mc:Choice or mc:Fallback (entered), or their children.
            if (depth == parentDepth + 2)
            {
                if (!IsMarkupCompatibility(reader, "Choice") && !IsMarkupCompatibility(reader, "Fallback")) Skip(reader);
                continue;
            }

            if (reader.NamespaceURI != MarkupCompatibilityNamespace) return true;
            Skip(reader);
        }

        return false;
    }

    /// <summary>Passes over the current element and everything in it, stopping on its end tag.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Skip(XmlReader reader)
    {
        if (reader.IsEmptyElement) return;
        var depth = reader.Depth;
        while (reader.Read() && reader.Depth > depth)
        {
        }
    }

    /// <summary>
    /// The text of a leaf element such as &lt;v&gt;, &lt;f&gt; or &lt;t&gt;: its first text, CDATA or whitespace node
    /// directly inside, as the SDK loads it; empty when it has none. Stops on the element's end tag.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string ReadLeafText(XmlReader reader)
    {
        if (reader.IsEmptyElement) return string.Empty;
        var depth = reader.Depth;
        string? text = null;
        while (reader.Read() && reader.Depth > depth)
        {
            if (text is null && reader.Depth == depth + 1
                && reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                text = reader.Value;
        }

        return text ?? string.Empty;
    }

    /// <summary>The first attribute of the current element with this local name, whatever its namespace (namespace declarations aside).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string? Attribute(XmlReader reader, string localName)
    {
        if (!reader.MoveToFirstAttribute()) return null;
        string? value = null;
        do
        {
            if (reader.LocalName == localName && reader.Prefix != "xmlns") // xmlns:name declares a prefix
            {
                value = reader.Value;
                break;
            }
        }
        while (reader.MoveToNextAttribute());

        reader.MoveToElement();
        return value;
    }

    public static int? IntAttribute(XmlReader reader, string localName) =>
        int.TryParse(Attribute(reader, localName), out var value) ? value : null;

    /// <summary>The relationship id (r:id) of the current element, in the transitional or strict namespace.</summary>
    public static string? RelationshipId(XmlReader reader) =>
        reader.GetAttribute("id", RelationshipsNamespace) ?? reader.GetAttribute("id", StrictRelationshipsNamespace);

    private static bool IsMarkupCompatibility(XmlReader reader, string localName) =>
        reader.LocalName == localName && reader.NamespaceURI == MarkupCompatibilityNamespace;

    private static bool IsMainNamespace(string namespaceUri) => namespaceUri is MainNamespace or StrictMainNamespace;
}
