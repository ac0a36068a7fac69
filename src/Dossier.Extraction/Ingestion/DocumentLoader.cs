using Dossier.Extraction.Decoding;
using Dossier.Extraction.Html;
using Dossier.Extraction.PlainText;

namespace Dossier.Extraction.Ingestion;

/// <summary>Limits for reading inputs.</summary>
public sealed record LoaderOptions
{
    /// <summary>Files larger than this are refused, before or after gzip decompression (default 20 MiB).</summary>
    public long MaxBytes { get; init; } = 20L * 1024 * 1024;
}

/// <summary>
/// Reads one input file into a <see cref="Document"/> with its paragraphs: checks the size,
/// decodes the bytes and extracts the article. Every failure is a <see cref="DossierException"/>
/// naming the file and the reason. Thread-safe.
/// </summary>
public sealed class DocumentLoader
{
    private static readonly string[] HtmlExtensions = [".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"];

    private readonly LoaderOptions _options;
    private readonly PlainTextReader _textReader;
    private readonly HtmlArticleExtractor _htmlExtractor;

    /// <summary>Creates a loader.</summary>
    public DocumentLoader(LoaderOptions? options = null, PlainTextReader? textReader = null)
    {
        _options = options ?? new LoaderOptions();
        _textReader = textReader ?? PlainTextReader.Default;
        _htmlExtractor = HtmlArticleExtractor.Default;
    }

    /// <summary>Reads a file; a gzip-compressed one (<c>page.html.gz</c>) is decompressed within the size limit and read by its inner name.</summary>
    /// <exception cref="DossierException">When the file is missing, unreadable, too large (compressed or decompressed), binary, empty or in an unsupported format.</exception>
    public Document Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = InputFile.Read(path, _options.MaxBytes);
        return HtmlExtensions.Contains(Path.GetExtension(InputFile.KindName(path)).ToLowerInvariant()) ? LoadHtml(bytes, path) : LoadBytes(bytes, path);
    }

    /// <summary>
    /// Reads the bytes of a web page: decodes them (BOM, UTF-8, the declared charset, sniffing),
    /// extracts the article and its metadata. <paramref name="source"/> names it in the document
    /// and in errors; <paramref name="url"/> and <paramref name="declaredCharset"/> come from the
    /// HTTP response or archive record when there is one.
    /// </summary>
    /// <exception cref="DossierException">When the bytes are empty, too large, binary, undecodable or hold no article text.</exception>
    public Document LoadHtml(ReadOnlySpan<byte> bytes, string source, string? url = null, string? declaredCharset = null) =>
        LoadHtml(bytes, new DocumentMetadata { Source = source, Url = url }, declaredCharset);

    /// <summary>
    /// Reads the bytes of a web page: <paramref name="known"/> wins over what the page says of
    /// itself; <paramref name="fallback"/> (a feed's title, author, outlet and date for the page its
    /// item links to) only fills what the page lacks.
    /// </summary>
    /// <exception cref="DossierException">When the bytes are empty, too large, binary, undecodable or hold no article text.</exception>
    public Document LoadHtml(ReadOnlySpan<byte> bytes, DocumentMetadata known, string? declaredCharset = null, DocumentMetadata? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(known);
        var source = known.Source ?? known.Url ?? "page";
        if (bytes.Length > _options.MaxBytes)
        {
            throw new DossierException(DossierErrorCode.InputTooLarge, $"the page is {bytes.Length:N0} bytes, over the limit of {_options.MaxBytes:N0}", source);
        }

        var decoded = TextDecoder.DecodeMarkup(bytes, source, declaredCharset);
        var document = LoadHtmlText(decoded.Text, known with { Source = source, Encoding = decoded.Encoding }, fallback);
        if (decoded.Repaired)
        {
            document.AddWarning("the page was UTF-8 mis-decoded as Windows-1252 (mojibake) and was repaired");
        }

        if (decoded.Damage is { } damage)
        {
            document.AddWarning(damage.Describe());
        }

        return document;
    }

    /// <summary>Extracts the article of decoded HTML (a feed item's content, a page already decoded); <paramref name="fallback"/> fills what the page and <paramref name="known"/> lack.</summary>
    /// <exception cref="DossierException">When the page holds no article text.</exception>
    public Document LoadHtmlText(string html, DocumentMetadata known, DocumentMetadata? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(known);
        var source = known.Source ?? known.Url ?? "page";
        var extraction = _htmlExtractor.Extract(html, known, fallback);
        var extracted = extraction.Extracted;
        if (extracted.Paragraphs.Count == 0 || extracted.Text.Length == 0 || (extracted.TitleSpan is { } title && title.End == extracted.Text.Length))
        {
            throw new DossierException(DossierErrorCode.EmptyInput, "the page holds no article text (only scripts, markup or page furniture)", source);
        }

        var document = extracted.ToDocument();
        if (extraction.Flattened)
        {
            document.AddWarning($"the page nests elements deeper than {NestingGuard.MaxDepth:N0} levels; the surplus levels were flattened and the text has no map back to the HTML");
        }

        return document;
    }

    /// <summary>Reads the bytes of a text source; <paramref name="source"/> names it in the document and in errors.</summary>
    public Document LoadBytes(ReadOnlySpan<byte> bytes, string source)
    {
        if (bytes.Length > _options.MaxBytes)
        {
            throw new DossierException(DossierErrorCode.InputTooLarge, $"the input is {bytes.Length:N0} bytes, over the limit of {_options.MaxBytes:N0}", source);
        }

        var decoded = TextDecoder.Decode(bytes, source);
        var extracted = _textReader.Read(decoded.Text, new DocumentMetadata { Source = source, Encoding = decoded.Encoding });
        if (extracted.Text.Length == 0)
        {
            throw new DossierException(DossierErrorCode.EmptyInput, "no article text is left once boilerplate is removed", source);
        }

        var document = extracted.ToDocument();
        if (decoded.Repaired)
        {
            document.AddWarning("the text was UTF-8 mis-decoded as Windows-1252 (mojibake) and was repaired");
        }

        if (decoded.Damage is { } damage)
        {
            document.AddWarning(damage.Describe());
        }
        else if (decoded.Text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            document.AddWarning("some bytes could not be decoded and were replaced with U+FFFD");
        }

        return document;
    }
}
