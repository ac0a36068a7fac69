using Dossier.Extraction.Feeds;
using Dossier.Extraction.Warc;
using Dossier.Extraction.Web;

namespace Dossier.Extraction.Ingestion;

/// <summary>One document to read: where it comes from and how to read it (lazily, possibly in parallel).</summary>
/// <param name="Source">The file, URL, feed item or archive record, as shown to the user.</param>
/// <param name="Load">Reads the document; throws a <see cref="DossierException"/> naming the source on failure.</param>
internal sealed record InputItem(string Source, Func<Document> Load);

/// <summary>
/// Turns what the user named into documents to read: a text or HTML file is one; a WARC archive is
/// one per HTML response record; an RSS/Atom feed (file or URL) is one per item — its content when
/// the feed carries the full text, else the page its link names, fetched; a URL is the page it
/// serves (or the feed). Fetching happens only for URLs and feed links, and only when a
/// <see cref="PageFetcher"/> is given. A failure is an item whose <see cref="InputItem.Load"/>
/// throws, so a batch reports it and goes on.
/// </summary>
public sealed class InputExpander
{
    private static readonly string[] FeedExtensions = [".rss", ".atom", ".xml", ".feed", ".rdf"];

    private readonly DocumentLoader _loader;
    private readonly PageFetcher? _fetcher;
    private readonly long _maxBytes;

    /// <summary>Creates an expander; without <paramref name="fetcher"/> nothing is fetched (URLs fail with a clear error).</summary>
    public InputExpander(DocumentLoader loader, PageFetcher? fetcher = null, long maxBytes = 20L * 1024 * 1024)
    {
        ArgumentNullException.ThrowIfNull(loader);
        _loader = loader;
        _fetcher = fetcher;
        _maxBytes = maxBytes;
    }

    /// <summary>The documents an input holds, in order.</summary>
    internal IEnumerable<InputItem> Expand(string input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (PageFetcher.IsUrl(input))
        {
            return Url(input, cancellationToken);
        }

        if (WarcReader.IsWarc(input))
        {
            return Archive(input);
        }

        if (FeedExtensions.Contains(Path.GetExtension(InputFile.KindName(input)).ToLowerInvariant()) && File.Exists(input))
        {
            return FeedFile(input, cancellationToken);
        }

        return [new InputItem(input, () => _loader.Load(input))];
    }

    private static InputItem Failed(string source, DossierException error) =>
        new(source, () => throw error);

    private IEnumerable<InputItem> Url(string url, CancellationToken cancellationToken)
    {
        if (_fetcher is null)
        {
            return [Failed(url, new DossierException(DossierErrorCode.FetchFailed, "fetching is off (--offline); save the page and pass the file", url))];
        }

        FetchedResource fetched;
        try
        {
            fetched = _fetcher.Fetch(url, cancellationToken);
        }
        catch (DossierException ex)
        {
            return [Failed(url, ex)];
        }

        if (FeedInput.LooksLikeFeed(fetched.Bytes))
        {
            return Feed(fetched.Bytes, url, cancellationToken);
        }

        return [new InputItem(url, () => _loader.LoadHtml(fetched.Bytes, new DocumentMetadata { Source = url, Url = fetched.Url }, fetched.Charset))];
    }

    private IEnumerable<InputItem> FeedFile(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = InputFile.Read(path, _maxBytes);
        }
        catch (DossierException ex)
        {
            return [Failed(path, ex)];
        }

        return FeedInput.LooksLikeFeed(bytes) ? Feed(bytes, path, cancellationToken) : [new InputItem(path, () => _loader.Load(path))];
    }

    private IEnumerable<InputItem> Feed(byte[] bytes, string source, CancellationToken cancellationToken)
    {
        IReadOnlyList<FeedEntry> entries;
        try
        {
            entries = FeedInput.Read(bytes, source);
        }
        catch (DossierException ex)
        {
            return [Failed(source, ex)];
        }

        if (entries.Count == 0)
        {
            return [Failed(source, new DossierException(DossierErrorCode.EmptyInput, "the feed has no items", source))];
        }

        return entries.Select(entry => new InputItem(entry.Metadata.Source!, () => FeedItem(entry, cancellationToken)));
    }

    private Document FeedItem(FeedEntry entry, CancellationToken cancellationToken)
    {
        var source = entry.Metadata.Source!;
        if (entry.IsFullText)
        {
            return _loader.LoadHtmlText(Wrap(entry.ContentHtml!), entry.Metadata);
        }

        if (entry.Link is { } link && PageFetcher.IsUrl(link) && _fetcher is not null)
        {
            var fetched = _fetcher.Fetch(link, cancellationToken);
            // The page's own title, byline, outlet and date win; the feed's fill what the page lacks.
            var known = new DocumentMetadata { Source = source, Url = fetched.Url };
            return _loader.LoadHtml(fetched.Bytes, known, fetched.Charset, fallback: entry.Metadata);
        }

        if (entry.ContentHtml is { } summary)
        {
            var document = _loader.LoadHtmlText(Wrap(summary), entry.Metadata);
            document.AddWarning("the feed carries only a summary of this item and its page was not fetched");
            return document;
        }

        throw new DossierException(DossierErrorCode.EmptyInput, "the feed item has neither content nor a link that can be fetched", source);
    }

    private static string Wrap(string content) => $"<!doctype html><html><body><article>{content}</article></body></html>";

    private IEnumerable<InputItem> Archive(string path)
    {
        IEnumerator<(WarcPage? Page, DossierException? Error)> records;
        try
        {
            records = WarcReader.Read(path, _maxBytes).GetEnumerator();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [Failed(path, new DossierException(DossierErrorCode.ReadFailed, $"the file could not be read: {ex.Message}", path, ex))];
        }

        return ArchiveItems(path, records);
    }

    private IEnumerable<InputItem> ArchiveItems(string path, IEnumerator<(WarcPage? Page, DossierException? Error)> records)
    {
        using (records)
        {
            var pages = 0;
            var broken = false;
            while (!broken)
            {
                InputItem? item;
                try
                {
                    if (!records.MoveNext())
                    {
                        break;
                    }

                    var (page, error) = records.Current;
                    item = page is null
                        ? Failed(error!.DocumentSource ?? path, error)
                        : new InputItem($"{path}#{page.Number} {page.Url}", () => _loader.LoadHtml(page.Body, new DocumentMetadata { Source = $"{path}#{page.Number} {page.Url}", Url = page.Url }, page.Charset));
                }
                catch (DossierException ex)
                {
                    item = Failed(path, ex);
                    broken = true;
                }
                catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    item = Failed(path, new DossierException(DossierErrorCode.MalformedInput, $"the archive could not be read further: {ex.Message}", path, ex));
                    broken = true;
                }

                pages++;
                yield return item;
            }

            if (pages == 0)
            {
                yield return Failed(path, new DossierException(DossierErrorCode.EmptyInput, "the archive holds no HTML response records", path));
            }
        }
    }
}
