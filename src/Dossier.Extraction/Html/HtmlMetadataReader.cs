using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Dossier.Extraction.PlainText;

namespace Dossier.Extraction.Html;

/// <summary>Metadata found in a page, each value with where it was read from.</summary>
internal sealed record HtmlMetadata
{
    /// <summary>The headline.</summary>
    public string? Title { get; init; }

    /// <summary>The author(s), joined with "; ".</summary>
    public string? Byline { get; init; }

    /// <summary>The site or outlet.</summary>
    public string? SiteName { get; init; }

    /// <summary>The publication date.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>The publication time of day, where stated.</summary>
    public TimeOnly? PublishedTime { get; init; }

    /// <summary>What the date was read from (json-ld, meta:article:published_time, time, url, dateline).</summary>
    public string? PublishedEvidence { get; init; }

    /// <summary>The canonical URL.</summary>
    public string? Url { get; init; }

    /// <summary>The language (BCP 47).</summary>
    public string? Language { get; init; }
}

/// <summary>
/// Reads a page's metadata the way the best extractors do: JSON-LD (schema.org Article types)
/// first, then OpenGraph/article, Dublin Core and common meta tags, <c>&lt;time&gt;</c> elements,
/// bylines, the URL's date and the <c>&lt;title&gt;</c>. Thread-safe.
/// </summary>
internal static partial class HtmlMetadataReader
{
    private static readonly string[] ArticleTypes =
    [
        "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "LiveBlogPosting", "TechArticle", "ScholarlyArticle", "Report", "SocialMediaPosting",
        "DiscussionForumPosting", "Review", "WebPage", "ItemPage", "Recipe", "HowTo",
    ];

    private static readonly string[] DateMetaNames =
    [
        "article:published_time", "og:article:published_time", "article:published", "datepublished", "date", "pubdate", "publishdate",
        "publish-date", "publish_date", "published_time", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dc.date.created",
        "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published", "citation_publication_date", "citation_date",
        "originalpublicationdate", "cxenseparse:recs:publishtime", "release_date", "og:published_time", "publication_date", "date.available",
        "article:modified_time", "og:updated_time", "last-modified", "dcterms.modified", "datemodified",
    ];

    private static readonly string[] AuthorMetaNames =
    [
        "author", "article:author", "dc.creator", "dcterms.creator", "byl", "byline", "sailthru.author", "parsely-author", "citation_author", "twitter:creator",
    ];

    private static readonly string[] TitleMetaNames = ["og:title", "twitter:title", "dc.title", "dcterms.title", "sailthru.title", "parsely-title", "headline"];
    private static readonly string[] SiteMetaNames = ["og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site", "copyright"];

    /// <summary>Reads the metadata of a parsed page; <paramref name="sourceUrl"/> is the page's address when known.</summary>
    public static HtmlMetadata Read(IDocument document, string? sourceUrl = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var meta = MetaTags(document);
        var ld = JsonLd(document);

        var url = Clean(document.QuerySelector("link[rel~='canonical']")?.GetAttribute("href")) is { } canonical && IsAbsoluteUrl(canonical)
            ? canonical
            : First(meta, "og:url") is { } og && IsAbsoluteUrl(og) ? og : (sourceUrl is not null && IsAbsoluteUrl(sourceUrl) ? sourceUrl : null);

        var title = ld.Title ?? HeadingTitle(document) ?? FirstOf(meta, TitleMetaNames) ?? TitleTag(document);
        var site = ld.Publisher ?? FirstOf(meta, SiteMetaNames)?.TrimStart('@');
        if (site is not null && (IsAbsoluteUrl(site) || site.StartsWith('©') || site.Length > 80))
        {
            site = null;
        }

        var language = NormaliseLanguage(document.DocumentElement?.GetAttribute("lang") ?? document.DocumentElement?.GetAttribute("xml:lang")
            ?? ld.Language ?? First(meta, "content-language") ?? First(meta, "og:locale") ?? First(meta, "language") ?? First(meta, "dc.language"));

        var (date, time, evidence) = ReadDate(document, meta, ld, url ?? sourceUrl);
        var byline = ld.Authors ?? Authors(meta) ?? VisibleByline(document);
        return new HtmlMetadata
        {
            Title = title is null ? null : TrimTitle(title, site),
            Byline = byline,
            SiteName = site,
            Published = date,
            PublishedTime = time,
            PublishedEvidence = evidence,
            Url = url,
            Language = language,
        };
    }

    /// <summary>Reads a date as pages write it: ISO 8601 (with or without time and zone), "14 May 2024", "May 14, 2024", "14.05.2024", "14. Mai 2024".</summary>
    public static bool TryParseDate(string? value, out DateOnly date, out TimeOnly? time)
    {
        date = default;
        time = null;
        if (string.IsNullOrWhiteSpace(value) || value.Length > 200)
        {
            return false;
        }

        value = value.Trim();
        if (IsoDateTime().Match(value) is { Success: true } iso)
        {
            if (!TryMake(int.Parse(iso.Groups["y"].ValueSpan, CultureInfo.InvariantCulture), int.Parse(iso.Groups["m"].ValueSpan, CultureInfo.InvariantCulture), int.Parse(iso.Groups["d"].ValueSpan, CultureInfo.InvariantCulture), out date))
            {
                return false;
            }

            if (iso.Groups["h"].Success && int.Parse(iso.Groups["h"].ValueSpan, CultureInfo.InvariantCulture) is var h and < 24
                && int.Parse(iso.Groups["min"].ValueSpan, CultureInfo.InvariantCulture) is var min and < 60)
            {
                time = new TimeOnly(h, min);
            }

            return true;
        }

        if (NumericDate().Match(value) is { Success: true } numeric
            && TryMake(int.Parse(numeric.Groups["y"].ValueSpan, CultureInfo.InvariantCulture), int.Parse(numeric.Groups["m"].ValueSpan, CultureInfo.InvariantCulture), int.Parse(numeric.Groups["d"].ValueSpan, CultureInfo.InvariantCulture), out date))
        {
            return true;
        }

        if (GermanDate().Match(value) is { Success: true } german && GermanMonth(german.Groups["mon"].Value) is > 0 and var month
            && TryMake(int.Parse(german.Groups["y"].ValueSpan, CultureInfo.InvariantCulture), month, int.Parse(german.Groups["d"].ValueSpan, CultureInfo.InvariantCulture), out date))
        {
            return true;
        }

        return DateText.TryParse(value, out date, out time);
    }

    private static bool TryMake(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1990 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int GermanMonth(string name)
    {
        string[] months = ["jan", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez"];
        var key = name.Length < 3 ? name : name[..3].ToLowerInvariant().Replace("mae", "mär", StringComparison.Ordinal).Replace("maer", "mär", StringComparison.Ordinal);
        return Array.IndexOf(months, key) + 1;
    }

    private static (DateOnly? Date, TimeOnly? Time, string? Evidence) ReadDate(IDocument document, Dictionary<string, string> meta, LdArticle ld, string? url)
    {
        if (TryParseDate(ld.DatePublished, out var d, out var t))
        {
            return (d, t, "json-ld datePublished");
        }

        foreach (var name in DateMetaNames)
        {
            if (TryParseDate(First(meta, name), out d, out t))
            {
                return (d, t, "meta " + name);
            }
        }

        foreach (var element in document.QuerySelectorAll("[itemprop='datePublished'], time[pubdate], time.published, time.entry-date, .published time, time"))
        {
            if (TryParseDate(element.GetAttribute("datetime") ?? element.GetAttribute("content"), out d, out t) || TryParseDate(element.TextContent, out d, out t))
            {
                return (d, t, element.LocalName == "time" ? "time element" : "itemprop datePublished");
            }
        }

        if (TryParseDate(ld.DateCreated, out d, out t))
        {
            return (d, t, "json-ld dateCreated");
        }

        if (url is not null && UrlDate().Match(url) is { Success: true } u
            && TryMake(int.Parse(u.Groups["y"].ValueSpan, CultureInfo.InvariantCulture), int.Parse(u.Groups["m"].ValueSpan, CultureInfo.InvariantCulture), u.Groups["d"].Success ? int.Parse(u.Groups["d"].ValueSpan, CultureInfo.InvariantCulture) : 1, out d)
            && u.Groups["d"].Success)
        {
            return (d, null, "url");
        }

        foreach (var element in document.QuerySelectorAll(".date, .dateline, .byline, .entry-meta, .post-meta, .meta, .published, .posted-on, .article-date, .post-date, .datum, .timestamp"))
        {
            var text = element.TextContent;
            if (text.Length < 200 && TryParseDate(text, out d, out t))
            {
                return (d, t, "dateline");
            }
        }

        // Last: the first full date written in the page's text (a blog's "31. Mai 2012" under the title).
        var body = document.Body?.TextContent;
        if (body is not null)
        {
            var head = body.Length > 100_000 ? body[..100_000] : body;
            foreach (var candidate in (Regex[])[NumericDate(), GermanDate(), WrittenDate()])
            {
                if (candidate.Match(head) is { Success: true } m && TryParseDate(m.Value, out d, out t))
                {
                    return (d, t, "page text");
                }
            }
        }

        return (null, null, null);
    }

    private static Dictionary<string, string> MetaTags(IDocument document)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in document.QuerySelectorAll("meta"))
        {
            var content = Clean(element.GetAttribute("content"));
            if (content is null)
            {
                continue;
            }

            foreach (var key in new[] { element.GetAttribute("property"), element.GetAttribute("name"), element.GetAttribute("itemprop"), element.GetAttribute("http-equiv") })
            {
                if (!string.IsNullOrWhiteSpace(key))
                {
                    foreach (var k in key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        meta.TryAdd(k, content);
                    }
                }
            }
        }

        return meta;
    }

    private static string? First(Dictionary<string, string> meta, string key) => meta.TryGetValue(key, out var v) ? v : null;

    private static string? FirstOf(Dictionary<string, string> meta, string[] keys) => keys.Select(k => First(meta, k)).FirstOrDefault(v => v is not null);

    private static string? Authors(Dictionary<string, string> meta)
    {
        foreach (var name in AuthorMetaNames)
        {
            if (First(meta, name) is { } value && !IsAbsoluteUrl(value) && !value.StartsWith('@') && CleanAuthor(value) is { } author)
            {
                return author;
            }
        }

        return null;
    }

    private static string? VisibleByline(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll("[rel='author'], [itemprop='author'] [itemprop='name'], [itemprop='author'], .author-name, .byline-name, .byline, .author, .autor, .vcard .fn"))
        {
            if (CleanAuthor(element.TextContent) is { } author)
            {
                return author;
            }
        }

        return null;
    }

    /// <summary>An author credit without "By", "Von", dates or roles; null when it does not look like a name.</summary>
    internal static string? CleanAuthor(string? value)
    {
        if (Clean(value) is not { } text)
        {
            return null;
        }

        text = BylinePrefix().Replace(text, string.Empty);
        text = BylineTail().Replace(text, string.Empty).Trim(' ', ',', '|', '-', '–', '·', ':');
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return text.Length is < 3 or > 120 || words.Length > 12 || !text.Any(char.IsLetter) || !char.IsUpper(text.First(char.IsLetter)) ? null : text;
    }

    private static string? HeadingTitle(IDocument document)
    {
        var headings = document.QuerySelectorAll("h1");
        return headings.Length == 1 ? Clean(headings[0].TextContent) : null;
    }

    private static string? TitleTag(IDocument document) => Clean(document.Title);

    /// <summary>A title without the site name a &lt;title&gt; or og:title appends ("Headline | Site", "Headline - Site").</summary>
    private static string TrimTitle(string title, string? site)
    {
        foreach (var separator in new[] { " | ", " – ", " — ", " - ", " :: ", " · ", " » ", " › ", " / " })
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > 0)
            {
                var tail = title[(at + separator.Length)..];
                var matchesSite = site is not null && (tail.Contains(site, StringComparison.OrdinalIgnoreCase) || site.Contains(tail, StringComparison.OrdinalIgnoreCase));
                if (matchesSite || (tail.Split(' ').Length <= 3 && at >= 20 && at > tail.Length))
                {
                    return title[..at].Trim();
                }
            }
        }

        return title;
    }

    private static string? NormaliseLanguage(string? value)
    {
        if (Clean(value) is not { } text)
        {
            return null;
        }

        var code = text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)[0].Replace('_', '-');
        return LanguageCode().IsMatch(code) ? code : null;
    }

    private static bool IsAbsoluteUrl(string value) => Uri.TryCreate(value, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps);

    /// <summary>Text with white space collapsed; null when empty.</summary>
    internal static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = Whitespace().Replace(value.Contains('&', StringComparison.Ordinal) ? System.Net.WebUtility.HtmlDecode(value) : value, " ").Trim();
        return text.Length == 0 ? null : text;
    }

    private sealed record LdArticle(string? Title, string? DatePublished, string? DateCreated, string? Authors, string? Publisher, string? Language);

    private static LdArticle JsonLd(IDocument document)
    {
        var options = new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };
        JsonElement? best = null;
        var bestRank = int.MaxValue;
        var documents = new List<JsonDocument>();
        try
        {
            foreach (var script in document.QuerySelectorAll("script[type*='ld+json']"))
            {
                var json = script.TextContent.Trim();
                if (json.Length is 0 or > 2_000_000)
                {
                    continue;
                }

                JsonDocument parsed;
                try
                {
                    parsed = JsonDocument.Parse(json, options);
                }
                catch (JsonException)
                {
                    continue;
                }

                documents.Add(parsed);
                foreach (var node in Objects(parsed.RootElement, 0))
                {
                    var rank = TypeRank(node);
                    if (rank < bestRank)
                    {
                        best = node;
                        bestRank = rank;
                    }
                }
            }

            if (best is not { } article)
            {
                return new LdArticle(null, null, null, null, null, null);
            }

            return new LdArticle(
                Clean(Str(article, "headline") ?? (bestRank < ArticleTypes.Length - 4 ? Str(article, "name") : null)),
                Str(article, "datePublished"),
                Str(article, "dateCreated") ?? Str(article, "uploadDate"),
                LdAuthors(article),
                article.TryGetProperty("publisher", out var publisher) ? Clean(publisher.ValueKind == JsonValueKind.String ? publisher.GetString() : Str(FirstItem(publisher), "name")) : null,
                Str(article, "inLanguage"));
        }
        finally
        {
            foreach (var parsed in documents)
            {
                parsed.Dispose();
            }
        }
    }

    private static int TypeRank(JsonElement node)
    {
        if (!node.TryGetProperty("@type", out var type))
        {
            return int.MaxValue;
        }

        var names = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.String ? t.GetString() : null) : [type.ValueKind == JsonValueKind.String ? type.GetString() : null];
        var rank = int.MaxValue;
        foreach (var name in names)
        {
            var i = Array.IndexOf(ArticleTypes, name);
            if (i >= 0)
            {
                rank = Math.Min(rank, i);
            }
        }

        return rank;
    }

    private static IEnumerable<JsonElement> Objects(JsonElement element, int depth)
    {
        if (depth > 8)
        {
            yield break;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var o in Objects(item, depth + 1))
                {
                    yield return o;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            yield return element;
            foreach (var key in (string[])["@graph", "mainEntity", "itemListElement"])
            {
                if (element.TryGetProperty(key, out var inner))
                {
                    foreach (var o in Objects(inner, depth + 1))
                    {
                        yield return o;
                    }
                }
            }
        }
    }

    private static JsonElement FirstItem(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array && element.GetArrayLength() > 0 ? element[0] : element;

    private static string? Str(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        value = FirstItem(value);
        return value.ValueKind switch
        {
            JsonValueKind.String => Clean(value.GetString()),
            JsonValueKind.Object when value.TryGetProperty("@value", out var v) && v.ValueKind == JsonValueKind.String => Clean(v.GetString()),
            _ => null,
        };
    }

    private static string? LdAuthors(JsonElement article)
    {
        if (!article.TryGetProperty("author", out var author) && !article.TryGetProperty("creator", out author))
        {
            return null;
        }

        var items = author.ValueKind == JsonValueKind.Array ? author.EnumerateArray().ToList() : [author];
        var names = items
            .Select(a => a.ValueKind == JsonValueKind.String ? a.GetString() : Str(a, "name"))
            .Where(n => n is not null && !IsAbsoluteUrl(n))
            .Select(CleanAuthor)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return names.Count == 0 ? null : string.Join("; ", names);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?<y>(?:19|20)\d{2})-(?<m>\d{1,2})-(?<d>\d{1,2})(?:[T ](?<h>\d{1,2}):(?<min>\d{2}))?")]
    private static partial Regex IsoDateTime();

    [GeneratedRegex(@"\b(?<d>\d{1,2})\.\s?(?<m>\d{1,2})\.\s?(?<y>(?:19|20)\d{2})\b")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?<d>\d{1,2})\.\s*(?<mon>jan(?:uar)?|feb(?:ruar)?|mär(?:z)?|maerz|apr(?:il)?|mai|jun(?:i)?|jul(?:i)?|aug(?:ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dez(?:ember)?)\.?\s+(?<y>(?:19|20)\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex GermanDate();

    [GeneratedRegex(@"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)|(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2}(?:st|nd|rd|th)?,?)\s+(?:19|20)\d{2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex WrittenDate();

    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})[/-](?<m>[01]?\d)(?:[/-](?<d>[0-3]?\d))?(?:/|[-_]|$)")]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"^(?:by|von|par|por|di|door|av|af|written by|geschrieben von|text:|autor(?:in)?:|author:|verfasst von)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex BylinePrefix();

    [GeneratedRegex(@"\s*(?:[,|·–-]\s*)?(?:\d.*|updated.*|aktualisiert.*|published.*|veröffentlicht.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex BylineTail();

    [GeneratedRegex(@"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageCode();
}
