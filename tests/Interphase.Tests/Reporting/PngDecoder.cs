using System.Buffers.Binary;
using System.IO.Compression;

namespace Interphase.Tests.Reporting;

/// <summary>A minimal PNG reader for tests (8-bit RGB or RGBA, non-interlaced) with its own bitwise CRC-32.</summary>
internal sealed class PngDecoder
{
    public int Width { get; private init; }
    public int Height { get; private init; }
    public byte[] Rgba { get; private init; } = [];
    public List<string> Chunks { get; } = new();

    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get { int o = (y * Width + x) * 4; return (Rgba[o], Rgba[o + 1], Rgba[o + 2], Rgba[o + 3]); }
    }

    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static uint BitwiseCrc(ReadOnlySpan<byte> data)
    {
        uint c = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            c ^= b;
            for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320u & (uint)-(int)(c & 1));
        }
        return ~c;
    }

    public static PngDecoder Decode(byte[] png)
    {
        if (!png.AsSpan(0, 8).SequenceEqual(Signature)) throw new InvalidDataException("bad signature");
        int pos = 8, w = 0, h = 0, bpp = 4;
        var idat = new MemoryStream();
        var chunks = new List<string>();
        while (pos < png.Length)
        {
            int len = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            string type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var body = png.AsSpan(pos + 8, len);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos + 8 + len));
            if (crc != BitwiseCrc(png.AsSpan(pos + 4, len + 4))) throw new InvalidDataException($"bad CRC in {type}");
            chunks.Add(type);
            if (type == "IHDR")
            {
                w = BinaryPrimitives.ReadInt32BigEndian(body);
                h = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                if (body[8] != 8 || body[9] is not (2 or 6) || body[12] != 0) throw new InvalidDataException("not 8-bit RGB(A)");
                bpp = body[9] == 6 ? 4 : 3;
            }
            if (type == "IDAT") idat.Write(body);
            pos += 12 + len;
        }
        idat.Position = 0;
        var raw = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(raw);
        var data = raw.ToArray();
        int stride = w * bpp;
        if (data.Length != h * (stride + 1)) throw new InvalidDataException("IDAT size mismatch");
        var raw8 = new byte[h * stride];
        for (int y = 0; y < h; y++)
        {
            byte filter = data[y * (stride + 1)];
            for (int i = 0; i < stride; i++)
            {
                int a = i >= bpp ? raw8[y * stride + i - bpp] : 0, b = y > 0 ? raw8[(y - 1) * stride + i] : 0;
                int c = i >= bpp && y > 0 ? raw8[(y - 1) * stride + i - bpp] : 0;
                int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
                int pred = filter switch
                {
                    0 => 0, 1 => a, 2 => b, 3 => (a + b) / 2,
                    4 => pa <= pb && pa <= pc ? a : pb <= pc ? b : c,
                    _ => throw new InvalidDataException($"filter {filter}"),
                };
                raw8[y * stride + i] = (byte)(data[y * (stride + 1) + 1 + i] + pred);
            }
        }
        var rgba = new byte[w * h * 4];
        for (int i = 0; i < w * h; i++)
        {
            for (int k = 0; k < 3; k++) rgba[i * 4 + k] = raw8[i * bpp + k];
            rgba[i * 4 + 3] = bpp == 4 ? raw8[i * 4 + 3] : (byte)255;
        }
        var d = new PngDecoder { Width = w, Height = h, Rgba = rgba };
        d.Chunks.AddRange(chunks);
        return d;
    }
}
