using System.IO.Compression;
using System.Text;
using Dossier.Extraction.Decoding;

namespace Dossier.Extraction.Warc;

/// <summary>An HTML page read from a WARC response record.</summary>
/// <param name="Number">The record's position in the archive (1-based, all record types counted).</param>
/// <param name="Url">WARC-Target-URI.</param>
/// <param name="Body">The HTTP body, de-chunked and decompressed.</param>
/// <param name="Charset">The charset of the HTTP Content-Type, when declared.</param>
/// <param name="Date">WARC-Date.</param>
internal sealed record WarcPage(int Number, string Url, byte[] Body, string? Charset, string? Date);

/// <summary>
/// Reads the HTML pages of a WARC file (ISO 28500, 1.0 and 1.1; plain or gzip, one member per
/// record or whole-file): the <c>response</c> records whose HTTP payload is HTML with status 2xx.
/// Other records (requests, metadata, images) are skipped. A broken or truncated archive ends with
/// a <see cref="DossierException"/> (<see cref="DossierErrorCode.MalformedInput"/>) after the pages
/// read before the damage.
/// </summary>
internal static class WarcReader
{
    private const int MaxHeaderLine = 64 * 1024;

    /// <summary>True when the path names a WARC file (.warc, .warc.gz).</summary>
    public static bool IsWarc(string path) =>
        path.EndsWith(".warc", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>The HTML pages of the archive, read lazily. Records over <paramref name="maxBytes"/> yield an error entry and reading goes on.</summary>
    /// <exception cref="DossierException">Thrown by the enumeration when the archive is malformed or truncated.</exception>
    public static IEnumerable<(WarcPage? Page, DossierException? Error)> Read(string path, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = File.OpenRead(path);
        var gzip = file.Length >= 2 && file.ReadByte() == 0x1F && file.ReadByte() == 0x8B;
        file.Position = 0;
        using var stream = gzip ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        var input = new BufferedStream(stream, 1 << 16);
        var number = 0;
        while (true)
        {
            string? version;
            try
            {
                version = ReadLine(input);
                while (version is not null && version.Length == 0)
                {
                    version = ReadLine(input);
                }
            }
            catch (InvalidDataException ex)
            {
                throw Broken(path, number, $"the compressed data is damaged ({ex.Message})");
            }

            if (version is null)
            {
                yield break;
            }

            number++;
            if (!version.StartsWith("WARC/", StringComparison.Ordinal))
            {
                throw Broken(path, number, $"record {number} does not start with a WARC version line");
            }

            Dictionary<string, string> headers;
            byte[]? block = null;
            DossierException? error = null;
            try
            {
                headers = ReadHeaders(input);
                if (!headers.TryGetValue("content-length", out var lengthText) || !long.TryParse(lengthText, out var length) || length < 0)
                {
                    throw Broken(path, number, $"record {number} has no valid Content-Length");
                }

                var wanted = headers.GetValueOrDefault("warc-type") == "response"
                    && headers.GetValueOrDefault("content-type", string.Empty).Contains("application/http", StringComparison.OrdinalIgnoreCase);
                if (wanted && length > maxBytes)
                {
                    error = new DossierException(DossierErrorCode.InputTooLarge, $"record {number} is {length:N0} bytes, over the limit of {maxBytes:N0}", $"{path}#{number}");
                    Skip(input, length, path, number);
                }
                else if (wanted)
                {
                    block = new byte[length];
                    if (input.ReadAtLeast(block, block.Length, throwOnEndOfStream: false) < length)
                    {
                        throw Broken(path, number, $"the archive is truncated inside record {number}");
                    }
                }
                else
                {
                    Skip(input, length, path, number);
                }
            }
            catch (InvalidDataException ex)
            {
                throw Broken(path, number, $"the compressed data is damaged in record {number} ({ex.Message})");
            }

            DossierException? problem = null;
            if (error is not null)
            {
                yield return (null, error);
            }
            else if (block is not null && ParseHttp(block, maxBytes, $"{path}#{number}", out var body, out var charset, out problem))
            {
                yield return (new WarcPage(number, headers.GetValueOrDefault("warc-target-uri", string.Empty), body, charset, headers.GetValueOrDefault("warc-date")), null);
            }
            else if (problem is not null)
            {
                yield return (null, problem);
            }
        }
    }

    private static DossierException Broken(string path, int number, string reason) =>
        new(DossierErrorCode.MalformedInput, reason + (number > 1 ? $"; the {number - 1} records before it were read" : string.Empty), path);

    private static void Skip(Stream input, long length, string path, int number)
    {
        var buffer = new byte[81920];
        while (length > 0)
        {
            var read = input.Read(buffer, 0, (int)Math.Min(buffer.Length, length));
            if (read == 0)
            {
                throw Broken(path, number, $"the archive is truncated inside record {number}");
            }

            length -= read;
        }
    }

    /// <summary>
    /// Parses an HTTP response; true with the body (de-chunked, decompressed within
    /// <paramref name="maxBytes"/>) when it is a 2xx HTML page. Otherwise false, with a problem
    /// naming <paramref name="source"/> when the response is HTML but unreadable or too large.
    /// </summary>
    private static bool ParseHttp(byte[] block, long maxBytes, string source, out byte[] body, out string? charset, out DossierException? problem)
    {
        body = [];
        charset = null;
        problem = null;
        var end = block.AsSpan().IndexOf("\r\n\r\n"u8);
        var separator = 4;
        if (end < 0)
        {
            end = block.AsSpan().IndexOf("\n\n"u8);
            separator = 2;
        }

        if (end < 0)
        {
            return false;
        }

        var head = Encoding.Latin1.GetString(block, 0, end).Split('\n');
        var status = head[0].Split(' ', 3);
        if (status.Length < 2 || !int.TryParse(status[1], out var code) || code is < 200 or >= 300)
        {
            return false;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        var type = headers.GetValueOrDefault("Content-Type", string.Empty);
        if (!type.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var at = type.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        charset = at < 0 ? null : type[(at + 8)..].Split(';')[0].Trim(' ', '"', '\'');
        body = block[(end + separator)..];
        try
        {
            if (headers.GetValueOrDefault("Transfer-Encoding", string.Empty).Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                body = Dechunk(body, maxBytes);
            }

            if (BoundedGzip.IsGzip(body))
            {
                body = BoundedGzip.Decompress(body, maxBytes) ?? throw new DossierException(
                    DossierErrorCode.InputTooLarge, $"the page's HTTP body decompresses to more than the limit of {maxBytes:N0} bytes", source);
            }
        }
        catch (InvalidDataException ex)
        {
            problem = new DossierException(DossierErrorCode.MalformedInput, $"the page's HTTP body could not be decoded ({ex.Message})", source, ex);
            return false;
        }
        catch (DossierException ex)
        {
            problem = ex;
            return false;
        }

        return true;
    }

    /// <summary>The data of a chunked body; never more than <paramref name="maxBytes"/> (nor than the body itself).</summary>
    private static byte[] Dechunk(byte[] data, long maxBytes)
    {
        using var output = new MemoryStream((int)Math.Min(data.Length, maxBytes));
        var i = 0;
        while (i < data.Length)
        {
            var lineEnd = data.AsSpan(i).IndexOf((byte)'\n');
            if (lineEnd < 0)
            {
                break;
            }

            var sizeText = Encoding.ASCII.GetString(data, i, lineEnd).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out var size) || size < 0)
            {
                throw new InvalidDataException("bad chunk size");
            }

            i += lineEnd + 1;
            if (size == 0)
            {
                break;
            }

            size = Math.Min(size, data.Length - i);
            if (output.Length + size > maxBytes)
            {
                throw new InvalidDataException($"the chunks hold more than {maxBytes:N0} bytes");
            }

            output.Write(data, i, size);
            i += size + 2;
        }

        return output.ToArray();
    }

    private static Dictionary<string, string> ReadHeaders(Stream input)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (ReadLine(input) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
            }
        }

        return headers;
    }

    /// <summary>A line without its CR LF, or null at the end of the stream.</summary>
    private static string? ReadLine(Stream input)
    {
        var bytes = new List<byte>(128);
        int b;
        while ((b = input.ReadByte()) >= 0)
        {
            if (b == '\n')
            {
                break;
            }

            if (bytes.Count >= MaxHeaderLine)
            {
                throw new InvalidDataException("a header line is longer than 64 KB");
            }

            bytes.Add((byte)b);
        }

        if (b < 0 && bytes.Count == 0)
        {
            return null;
        }

        if (bytes.Count > 0 && bytes[^1] == '\r')
        {
            bytes.RemoveAt(bytes.Count - 1);
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }
}
