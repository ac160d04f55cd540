using System.Text;

namespace PlanBot.Trackers.Reading;

/// <summary>
/// Turns the bytes of a CSV or text tracker into text: a byte order mark decides (UTF-8, UTF-16 LE as Excel's
/// "Unicode Text", UTF-16 BE, UTF-32 LE); without one, UTF-8 when the bytes are valid UTF-8, else Windows-1252
/// (what Excel on Windows writes for "CSV" and "Text (Tab delimited)" in the UK).
/// </summary>
internal static class TextFileDecoder
{
    private static readonly Encoding Windows1252 = LoadWindows1252();
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(string path, string fileName) => Decode(File.ReadAllBytes(path), fileName);

    public static string Decode(byte[] bytes, string fileName)
    {
        RejectBinaryFormats(bytes, fileName);

        var (encoding, bomLength) = DetectEncoding(bytes);
        string text;
        if (encoding is null)
        {
            try
            {
                text = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                text = Windows1252.GetString(bytes);
            }
        }
        else
        {
            text = encoding.GetString(bytes, bomLength, bytes.Length - bomLength);
        }

        if (text.Contains('\0'))
            throw new TrackerFileException($"'{fileName}' is not a text file: it contains binary data (NUL bytes). Save the tracker as .xlsx or as CSV/text from Excel.");
        return text;
    }

    private static (Encoding? Encoding, int BomLength) DetectEncoding(byte[] b)
    {
        if (b is [0xEF, 0xBB, 0xBF, ..]) return (Encoding.UTF8, 3);
        if (b is [0xFF, 0xFE, 0x00, 0x00, ..]) return (Encoding.UTF32, 4);
        if (b is [0xFF, 0xFE, ..]) return (Encoding.Unicode, 2);
        if (b is [0xFE, 0xFF, ..]) return (Encoding.BigEndianUnicode, 2);
        return (LooksLikeUtf16WithoutBom(b), 0);
    }

    // Plain-ASCII text saved as UTF-16 without a BOM has a zero in every other byte.
    private static Encoding? LooksLikeUtf16WithoutBom(byte[] b)
    {
        var sample = Math.Min(b.Length, 4096) & ~1;
        if (sample < 4) return null;
        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < sample; i += 2)
        {
            if (b[i] == 0) zeroEven++;
            if (b[i + 1] == 0) zeroOdd++;
        }

        var pairs = sample / 2;
        if (zeroOdd > pairs * 0.9 && zeroEven < pairs * 0.1) return Encoding.Unicode;
        if (zeroEven > pairs * 0.9 && zeroOdd < pairs * 0.1) return Encoding.BigEndianUnicode;
        return null;
    }

    private static void RejectBinaryFormats(byte[] b, string fileName)
    {
        if (b is [0x50, 0x4B, 0x03, 0x04, ..])
            throw new TrackerFileException($"'{fileName}' is not a text file: it is a zip package, most likely an Excel workbook renamed. Rename it to .xlsx, or save it from Excel as CSV.");
        if (b is [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, ..])
            throw new TrackerFileException($"'{fileName}' is not a text file: it is an old .xls workbook or a password-protected file. Open it in Excel and save it as .xlsx without a password, or as CSV.");
    }

    private static Encoding LoadWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
