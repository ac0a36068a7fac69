using System.IO.Compression;

namespace Dossier.Extraction.Decoding;

/// <summary>
/// Decompresses gzip data with a size limit checked while decompressing: reading stops as soon as
/// the output passes the limit, so a gzip bomb costs no more memory than the limit.
/// </summary>
internal static class BoundedGzip
{
    private const int BufferSize = 81920;

    /// <summary>True when the bytes start with the gzip signature (1F 8B).</summary>
    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;

    /// <summary>The decompressed data, or null when it is larger than <paramref name="maxBytes"/> (the rest is not read).</summary>
    /// <exception cref="InvalidDataException">When the data is not valid gzip.</exception>
    public static byte[]? Decompress(Stream compressed, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
        return ReadAtMost(gzip, maxBytes);
    }

    /// <summary>The decompressed data, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    /// <exception cref="InvalidDataException">When the data is not valid gzip.</exception>
    public static byte[]? Decompress(byte[] compressed, long maxBytes)
    {
        using var input = new MemoryStream(compressed, writable: false);
        return Decompress(input, maxBytes);
    }

    /// <summary>All of a stream, or null as soon as it gives more than <paramref name="maxBytes"/>; <paramref name="expected"/> sizes the buffer when the length is known.</summary>
    public static byte[]? ReadAtMost(Stream stream, long maxBytes, long expected = 0)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        using var output = new MemoryStream((int)Math.Min(Math.Clamp(expected + 1, 1, maxBytes + 1), Array.MaxLength));
        var buffer = new byte[BufferSize];
        int read;
        while ((read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, maxBytes + 1 - output.Length))) > 0)
        {
            output.Write(buffer, 0, read);
            if (output.Length > maxBytes)
            {
                return null;
            }
        }

        return output.ToArray();
    }
}
