using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PlanBot.Web.Tests.Manifest;

/// <summary>
/// Just enough of PNG to check the Teams icons: the IHDR header (size, bit depth, colour type) and, for 8-bit RGB or
/// RGBA images without interlacing (what Chromium's canvas writes), every pixel as RGBA.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public const byte Rgb = 2;
    public const byte Rgba = 6;

    private PngImage(int width, int height, byte bitDepth, byte colourType, byte interlace, byte[] compressed)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColourType = colourType;
        Interlace = interlace;
        _compressed = compressed;
    }

    private readonly byte[] _compressed;

    public int Width { get; }
    public int Height { get; }
    public byte BitDepth { get; }
    public byte ColourType { get; }
    public byte Interlace { get; }

    /// <summary>True when the colour type carries an alpha channel (greyscale + alpha or RGBA).</summary>
    public bool HasAlpha => ColourType is 4 or Rgba;

    public static PngImage Read(string path) => Read(File.ReadAllBytes(path));

    public static PngImage Read(byte[] bytes)
    {
        if (bytes.Length < 33 || !bytes.AsSpan(0, 8).SequenceEqual(Signature)) throw new InvalidDataException("not a PNG file (bad signature)");
        // The first chunk must be IHDR: length 13, then width, height, bit depth, colour type, compression, filter, interlace.
        if (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8)) != 13 || Encoding.ASCII.GetString(bytes, 12, 4) != "IHDR")
            throw new InvalidDataException("the first PNG chunk is not IHDR");
        var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
        var bitDepth = bytes[24];
        var colourType = bytes[25];
        var interlace = bytes[28];

        using var idat = new MemoryStream();
        for (var offset = 8; offset + 12 <= bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            var type = Encoding.ASCII.GetString(bytes, offset + 4, 4);
            if (type == "IDAT") idat.Write(bytes, offset + 8, length);
            if (type == "IEND") break;
            offset += 12 + length;
        }
        return new PngImage(width, height, bitDepth, colourType, interlace, idat.ToArray());
    }

    /// <summary>Every pixel as R, G, B, A bytes, row by row.</summary>
    public byte[] Pixels()
    {
        if (BitDepth != 8 || ColourType is not (Rgb or Rgba) || Interlace != 0)
            throw new NotSupportedException($"only 8-bit RGB/RGBA PNGs without interlacing are read here (bit depth {BitDepth}, colour type {ColourType}, interlace {Interlace})");
        var channels = ColourType == Rgba ? 4 : 3;
        var stride = Width * channels;
        var raw = new byte[Height * (stride + 1)];
        using (var inflater = new ZLibStream(new MemoryStream(_compressed), CompressionMode.Decompress))
        {
            inflater.ReadExactly(raw);
        }

        var rows = new byte[Height * stride];
        for (var y = 0; y < Height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var line = raw.AsSpan(y * (stride + 1) + 1, stride);
            var row = rows.AsSpan(y * stride, stride);
            var previous = y > 0 ? rows.AsSpan((y - 1) * stride, stride) : new byte[stride];
            for (var x = 0; x < stride; x++)
            {
                var left = x >= channels ? row[x - channels] : 0;
                var up = previous[x];
                var upLeft = x >= channels ? previous[x - channels] : 0;
                row[x] = (byte)(line[x] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"unknown PNG filter {filter} on row {y}"),
                });
            }
        }

        if (channels == 4) return rows;
        var rgba = new byte[Width * Height * 4];
        for (int i = 0, j = 0; i < rows.Length; i += 3, j += 4)
        {
            rgba[j] = rows[i];
            rgba[j + 1] = rows[i + 1];
            rgba[j + 2] = rows[i + 2];
            rgba[j + 3] = 255;
        }
        return rgba;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
