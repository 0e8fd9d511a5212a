using System.Buffers.Binary;
using System.IO.Compression;

namespace Interphase.Reporting.Png;

/// <summary>Writes 8-bit RGBA pixels as a PNG file (one IDAT chunk, zlib via <see cref="ZLibStream"/>).</summary>
public static class PngEncoder
{
    /// <summary>The 8-byte PNG file signature.</summary>
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes <paramref name="rgba"/> (row-major, 4 bytes per pixel, top row first).</summary>
    /// <exception cref="ArgumentException">The buffer does not hold width × height × 4 bytes.</exception>
    public static byte[] Encode(int width, int height, byte[] rgba)
    {
        if (width <= 0 || height <= 0 || rgba.Length != (long)width * height * 4)
            throw new ArgumentException($"RGBA buffer of {rgba.Length} bytes does not match {width}x{height}");
        using var file = new MemoryStream();
        file.Write(Signature);

        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr[4..], height);
        ihdr[8] = 8;  // bit depth
        ihdr[9] = 6;  // colour type RGBA; compression, filter and interlace methods stay 0
        WriteChunk(file, "IHDR", ihdr);

        using (var idat = new MemoryStream())
        {
            using (var z = new ZLibStream(idat, CompressionLevel.Optimal, leaveOpen: true))
            {
                // "Sub" filter on every row: flat backgrounds and horizontal lines become runs of zeros.
                int stride = width * 4;
                var row = new byte[stride + 1];
                row[0] = 1;
                for (int y = 0; y < height; y++)
                {
                    int o = y * stride;
                    for (int i = 0; i < stride; i++)
                        row[i + 1] = (byte)(rgba[o + i] - (i >= 4 ? rgba[o + i - 4] : 0));
                    z.Write(row);
                }
            }
            WriteChunk(file, "IDAT", idat.GetBuffer().AsSpan(0, (int)idat.Length));
        }
        WriteChunk(file, "IEND", []);
        return file.ToArray();
    }

    private static void WriteChunk(Stream s, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> head = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        for (int i = 0; i < 4; i++) head[4 + i] = (byte)type[i];
        s.Write(head);
        s.Write(data);
        uint crc = Crc32.Append(Crc32.Compute(head[4..]), data);
        Span<byte> tail = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tail, crc);
        s.Write(tail);
    }
}
