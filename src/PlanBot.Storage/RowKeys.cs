using System.Globalization;
using System.Text;

namespace PlanBot.Storage;

/// <summary>Text made safe for a RowKey while staying readable in Storage Explorer.</summary>
internal static class RowKeys
{
    /// <summary>
    /// A RowKey may not hold '/', '\', '#', '?' or control characters, so those (and '%', to keep the escaping reversible
    /// and the key unique) are written as <c>%XX</c>; everything else is kept as it is.
    /// </summary>
    public static string Escape(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '%' or '/' or '\\' or '#' or '?' || char.IsControl(c))
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else
                builder.Append(c);
        }
        return builder.ToString();
    }
}
