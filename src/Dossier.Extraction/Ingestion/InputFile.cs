using Dossier.Extraction.Decoding;

namespace Dossier.Extraction.Ingestion;

/// <summary>
/// Reads the bytes of an input file within a size limit; gzip-compressed files (<c>.html.gz</c>,
/// <c>.txt.gz</c>, or any file that starts with the gzip signature) are decompressed with the limit
/// checked while decompressing. Every failure is a <see cref="DossierException"/> naming the file.
/// </summary>
internal static class InputFile
{
    /// <summary>The file's bytes, decompressed when it is gzip.</summary>
    /// <exception cref="DossierException">When the file is missing, unreadable, damaged gzip or over the limit (compressed or not).</exception>
    public static byte[] Read(string path, long maxBytes)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new DossierException(DossierErrorCode.NotFound, "no such file", path);
            }

            if (info.Length > maxBytes)
            {
                throw new DossierException(DossierErrorCode.InputTooLarge, $"the file is {info.Length:N0} bytes, over the limit of {maxBytes:N0}", path);
            }

            using var stream = File.OpenRead(path);
            Span<byte> head = stackalloc byte[2];
            var gzip = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false) == 2 && BoundedGzip.IsGzip(head);
            stream.Position = 0;
            return gzip ? Decompress(stream, path, maxBytes) : BoundedGzip.ReadAtMost(stream, maxBytes, info.Length) ?? throw TooLarge(path, maxBytes, "is");
        }
        catch (InvalidDataException ex)
        {
            throw new DossierException(DossierErrorCode.MalformedInput, $"the file is damaged gzip data: {ex.Message}", path, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DossierException(DossierErrorCode.ReadFailed, $"the file could not be read: {ex.Message}", path, ex);
        }
    }

    /// <summary>The name that decides how a file is read: its name without a final <c>.gz</c>.</summary>
    public static string KindName(string path) =>
        path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;

    private static byte[] Decompress(Stream stream, string path, long maxBytes) =>
        BoundedGzip.Decompress(stream, maxBytes) ?? throw TooLarge(path, maxBytes, "decompresses to");

    private static DossierException TooLarge(string path, long maxBytes, string verb) =>
        new(DossierErrorCode.InputTooLarge, $"the file {verb} more than the limit of {maxBytes:N0} bytes", path);
}
