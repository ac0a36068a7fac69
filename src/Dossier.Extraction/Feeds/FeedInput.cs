using System.Xml;
using CodeHollow.FeedReader;
using Dossier.Extraction.Decoding;

namespace Dossier.Extraction.Feeds;

/// <summary>One item of a feed: what the feed says of it and its content, when it carries some.</summary>
/// <param name="Number">The item's position in the feed (1-based).</param>
/// <param name="Link">The article's URL.</param>
/// <param name="Metadata">Title, author, date, outlet and URL as the feed gives them.</param>
/// <param name="ContentHtml">The item's full content (content:encoded, Atom content) or, failing that, its summary; null when it has neither.</param>
/// <param name="IsFullText">True when the content is the article itself rather than a summary (at least <see cref="FeedInput.FullTextWords"/> words).</param>
internal sealed record FeedEntry(int Number, string? Link, DocumentMetadata Metadata, string? ContentHtml, bool IsFullText);

/// <summary>
/// Reads RSS (0.91, 0.92, 1.0, 2.0) and Atom feeds with CodeHollow.FeedReader into entries. A
/// feed that is not well-formed XML is a <see cref="DossierException"/> naming the feed. A DOCTYPE
/// (standard in RSS 0.91) is removed before parsing: no DTD is fetched and no entity it declares is
/// expanded; HTML's named references (<c>&amp;eacute;</c>, which the RSS 0.91 DTD declares) are
/// read as the characters they name, any other undeclared entity is an error.
/// </summary>
internal static class FeedInput
{
    /// <summary>Item content of at least this many words is taken as the article's full text.</summary>
    public const int FullTextWords = 150;

    /// <summary>How much of the start of a file is read to tell whether it is a feed (room for a DOCTYPE's internal subset).</summary>
    private const int HeadBytes = 64 * 1024;

    /// <summary>True when the bytes start like a feed (after a BOM, white space, an XML declaration, comments and a DOCTYPE).</summary>
    public static bool LooksLikeFeed(ReadOnlySpan<byte> bytes)
    {
        var head = System.Text.Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, HeadBytes)]);
        var root = XmlProlog.RootStart(head, out _);
        if (root < 0)
        {
            return false;
        }

        var rest = head.AsSpan(root);
        return rest.StartsWith("<rss", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("<feed", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("<rdf:RDF", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Parses a feed; <paramref name="source"/> names it in errors and in each entry's source.</summary>
    /// <exception cref="DossierException">When the bytes are not a well-formed feed.</exception>
    public static IReadOnlyList<FeedEntry> Read(ReadOnlySpan<byte> bytes, string source)
    {
        var text = HtmlEntities.ToNumeric(XmlProlog.WithoutDoctype(TextDecoder.DecodeMarkup(bytes, source).Text));
        Feed feed;
        try
        {
            RefuseDtd(text);
            feed = FeedReader.ReadFromString(text);
        }
#pragma warning disable CA1031 // The library throws XmlException and others for broken feeds: all of them mean the same to the user.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw new DossierException(DossierErrorCode.MalformedInput, $"the feed could not be read: {ex.Message}", source, ex);
        }

        var entries = new List<FeedEntry>();
        var number = 0;
        foreach (var item in feed.Items)
        {
            number++;
            var content = !string.IsNullOrWhiteSpace(item.Content) ? item.Content : (!string.IsNullOrWhiteSpace(item.Description) ? item.Description : null);
            var words = content is null ? 0 : CountWords(content);
            var metadata = new DocumentMetadata
            {
                Source = $"{source}#{number}" + (item.Link is { Length: > 0 } l ? $" {l}" : string.Empty),
                Title = Clean(item.Title),
                Byline = Clean(item.Author) ?? Clean(Creator(item.SpecificItem)),
                Outlet = Clean(feed.Title),
                Url = item.Link,
                Published = item.PublishingDate is { } d ? DateOnly.FromDateTime(d) : null,
                PublishedEvidence = item.PublishingDate is null ? null : "feed item date",
                Language = Clean(feed.Language),
            };
            entries.Add(new FeedEntry(number, item.Link, metadata, content, words >= FullTextWords));
        }

        return entries;
    }

    /// <summary>
    /// Reads the whole feed once with DTDs prohibited, so the library (which parses with DTD
    /// processing on) never meets one: a feed's DOCTYPE is removed beforehand, and any other is an
    /// error here — nothing is fetched and no entity is expanded.
    /// </summary>
    private static void RefuseDtd(string text)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersFromEntities = 1024 };
        using var reader = XmlReader.Create(new StringReader(text), settings);
        while (reader.Read())
        {
        }
    }

    /// <summary>The Dublin Core creator (dc:creator), where an RSS item names its author that way.</summary>
    private static string? Creator(CodeHollow.FeedReader.Feeds.BaseFeedItem item) => item switch
    {
        CodeHollow.FeedReader.Feeds.Rss20FeedItem rss20 => rss20.DC?.Creator,
        CodeHollow.FeedReader.Feeds.Rss10FeedItem rss10 => rss10.DC?.Creator,
        CodeHollow.FeedReader.Feeds.MediaRssFeedItem media => media.DC?.Creator,
        _ => null,
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int CountWords(string html)
    {
        var words = 0;
        var inTag = false;
        var inWord = false;
        foreach (var c in html)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>')
            {
                inTag = false;
                inWord = false;
            }
            else if (!inTag)
            {
                var letter = char.IsLetterOrDigit(c);
                words += letter && !inWord ? 1 : 0;
                inWord = letter;
            }
        }

        return words;
    }
}
