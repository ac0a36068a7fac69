using System.IO.Compression;
using System.Text;
using Dossier.Evaluation.Extraction;
using Dossier.Extraction.Decoding;
using Dossier.Extraction.Html;
using Dossier.Extraction.Ingestion;
using Dossier.Extraction.Web;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Extraction;

public class HtmlExtractionTests
{
    private const string Article =
        "Pakistan's Foreign Office said on Tuesday that militants were using weapons left behind in Afghanistan, and urged the interim government to act.";

    private const string Second =
        "The Taliban's deputy spokesperson rejected the claim, saying that no group was allowed to use Afghan soil against any country, including Pakistan.";

    /// <summary>A news page with the furniture real pages carry around the article.</summary>
    private static string NewsPage(string charsetMeta = "<meta charset=\"utf-8\">") => $$$"""
        <!doctype html><html lang="en"><head>{{{charsetMeta}}}<title>Pakistan warns over weapons | Daily Example</title>
        <meta property="og:site_name" content="Daily Example">
        <meta property="article:published_time" content="2024-05-14T15:07:00+05:00">
        <link rel="canonical" href="https://news.example.com/2024/05/14/weapons">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Pakistan warns over weapons","datePublished":"2024-05-14T15:07:00+05:00","author":[{"@type":"Person","name":"Amina Khan"}],"publisher":{"@type":"Organization","name":"Daily Example"}}</script>
        <script>window.dataLayer=[]; document.write("<p>tracking pixel text</p>");</script><style>p{color:red}</style></head>
        <body><header class="site-header"><a href="/">Daily Example</a><nav><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li></ul></nav></header>
        <div id="cookie-consent">We use cookies to improve your experience. Accept all cookies?</div>
        <div class="ad-slot">Advertisement</div>
        <main><article><h1>Pakistan warns over weapons</h1>
        <div class="byline">By Amina Khan · May 14, 2024</div>
        <div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>
        <div class="article-body">
        <p>{{{Article}}}</p>
        <figure><img src="a.jpg" alt=""><figcaption>Soldiers at the border crossing. Photo: AFP</figcaption></figure>
        <p>{{{Second}}}</p>
        <p>Islamabad has repeatedly asked Kabul to rein in the group, which it blames for a surge in attacks since 2021 &amp; the return of the Taliban.</p>
        </div></article>
        <aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Another headline about the border and trade</a></li><li><a href="/b">Markets rally on Friday</a></li></ul></aside>
        <section id="comments"><h3>3 comments</h3><p>This is a reader comment that should never appear in the article text at all.</p></section>
        </main><footer><p>© 2024 Daily Example. All rights reserved.</p><a href="/privacy">Privacy</a></footer></body></html>
        """;

    [Fact]
    public void Extract_KeepsTheArticleAndDropsTheFurniture()
    {
        var extracted = HtmlArticleExtractor.Default.Extract(NewsPage()).Extracted;

        Assert.StartsWith("Pakistan warns over weapons\n\n", extracted.Text, StringComparison.Ordinal);
        Assert.Contains(Article, extracted.Text, StringComparison.Ordinal);
        Assert.Contains(Second, extracted.Text, StringComparison.Ordinal);
        Assert.Contains("since 2021 & the return", extracted.Text, StringComparison.Ordinal);
        foreach (var furniture in new[] { "World", "cookies", "Advertisement", "Facebook", "Photo: AFP", "Related stories", "Another headline", "reader comment", "All rights reserved", "Privacy", "tracking pixel", "color:red" })
        {
            Assert.DoesNotContain(furniture, extracted.Text, StringComparison.Ordinal);
        }

        Assert.Equal(4, extracted.Paragraphs.Count);
    }

    [Fact]
    public void Extract_ALinkThatIsAlsoFurnitureDoesNotHideTheLinksAfterIt()
    {
        // A logo link is furniture (its own box); leaving it must not stop the links of a later
        // "more stories" block from counting as links.
        var html = $$$"""
            <html><head><title>Pakistan warns over weapons</title></head><body>
            <div class="page"><a class="logo" href="/">Daily Example</a>
            <h1>Pakistan warns over weapons</h1>
            <p>{{{Article}}}</p><p>{{{Second}}}</p>
            <div class="more"><a href="/a">Another headline about the border and trade talks</a> <a href="/b">Markets rally on Friday as the rupee gains</a> <a href="/c">Floods in the north</a></div>
            </div></body></html>
            """;

        var text = HtmlArticleExtractor.Default.Extract(html).Extracted.Text;

        Assert.Contains(Second, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Markets rally", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_DropsSoftHyphensAndRubyReadingsButMapsTheWords()
    {
        // Our own sentences, hyphenated and annotated the way German magazines and Japanese
        // easy-news sites do it.
        var html = "<html><body><article><h1>Headline</h1><p>Die Ver\u00ADhand\u00ADlun\u00ADgen über die Grenz\u00ADöff\u00ADnung wur\u00ADden am Diens\u00ADtag in Is\u00ADla\u00ADma\u00ADbad fort\u00ADge\u00ADsetzt, hieß es aus dem Außen\u00ADmi\u00ADnis\u00ADte\u00ADrium.</p>"
            + "<p><ruby>政府<rt>せいふ</rt></ruby>は<ruby>国境<rt>こっきょう</rt></ruby>を<ruby>開<rt>ひら</rt></ruby>くことについて、<ruby>話<rt>はな</rt></ruby>し<ruby>合<rt>あ</rt></ruby>いを<ruby>続<rt>つづ</rt></ruby>けています。</p></article></body></html>";

        var extracted = HtmlArticleExtractor.Default.Extract(html).Extracted;

        Assert.Contains("Die Verhandlungen über die Grenzöffnung wurden am Dienstag in Islamabad fortgesetzt", extracted.Text, StringComparison.Ordinal);
        Assert.Contains("政府は国境を開くことについて、話し合いを続けています。", extracted.Text, StringComparison.Ordinal);
        var at = extracted.Text.IndexOf("Außenministerium", StringComparison.Ordinal);
        var source = extracted.SourceMap.ToSource(at + "Außen".Length);
        Assert.Equal("mi", html.Substring(source, 2));
    }

    [Fact]
    public void Extract_ReadsTheMetadata()
    {
        var metadata = HtmlArticleExtractor.Default.Extract(NewsPage()).Extracted.Metadata;

        Assert.Equal("Pakistan warns over weapons", metadata.Title);
        Assert.Equal("Amina Khan", metadata.Byline);
        Assert.Equal("Daily Example", metadata.Outlet);
        Assert.Equal(new DateOnly(2024, 5, 14), metadata.Published);
        Assert.Equal(new TimeOnly(15, 7), metadata.PublishedTime);
        Assert.Equal("json-ld datePublished", metadata.PublishedEvidence);
        Assert.Equal("https://news.example.com/2024/05/14/weapons", metadata.Url);
        Assert.Equal("en", metadata.Language);
    }

    [Theory]
    [InlineData("<meta name=\"date\" content=\"2019-08-02\">", "2019-08-02", "meta date")]
    [InlineData("<meta property=\"og:title\" content=\"x\"></head><body><time datetime=\"2020-01-28T10:00\">28.1.</time>", "2020-01-28", "time element")]
    [InlineData("</head><body><p>Veröffentlicht am 31. Mai 2012 von Heiko</p>", "2012-05-31", "page text")]
    public void Extract_FindsTheDateWhereverThePageWritesIt(string head, string expected, string evidence)
    {
        var html = $"<html><head>{head}<p>{Article}</p><p>{Second}</p></body></html>";

        var metadata = HtmlArticleExtractor.Default.Extract(html).Extracted.Metadata;

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), metadata.Published);
        Assert.Equal(evidence, metadata.PublishedEvidence);
    }

    [Fact]
    public void Extract_MapsEveryWordBackToTheHtml()
    {
        var html = NewsPage();
        var extracted = HtmlArticleExtractor.Default.Extract(html).Extracted;

        Assert.Equal(html.Length, extracted.SourceMap.SourceLength);
        var start = extracted.Text.IndexOf("militants", StringComparison.Ordinal);
        var source = extracted.SourceMap.ToSource(new Dossier.Text.TextSpan(start, start + "militants were using".Length));
        Assert.Equal("militants were using", html[source.Start..source.End]);
        foreach (var (textStart, sourceStart, length) in extracted.SourceMap.Runs)
        {
            Assert.Equal(extracted.Text.AsSpan(textStart, length), html.AsSpan(sourceStart, length));
        }
    }

    [Fact]
    public void Decode_HonoursTheDeclaredCharsetAndPrefersValidUtf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var latin = Encoding.GetEncoding(1252).GetBytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body><p>Grüße aus Köln – “quoted”</p></body></html>");
        var decoded = TextDecoder.DecodeMarkup(latin, "latin.html");
        Assert.Equal("windows-1252", decoded.Encoding);
        Assert.Contains("Grüße aus Köln –", decoded.Text, StringComparison.Ordinal);

        var utf8 = Encoding.UTF8.GetBytes("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Grüße – 東京</p></body></html>");
        Assert.Contains("Grüße – 東京", TextDecoder.DecodeMarkup(utf8, "liar.html").Text, StringComparison.Ordinal);

        var cyrillic = Encoding.GetEncoding("windows-1251").GetBytes("<html><head><meta charset=\"windows-1251\"></head><body><p>Москва заявила</p></body></html>");
        Assert.Contains("Москва заявила", TextDecoder.DecodeMarkup(cyrillic, "ru.html").Text, StringComparison.Ordinal);

        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<p>Zürich</p>")).ToArray();
        Assert.Equal("<p>Zürich</p>", TextDecoder.DecodeMarkup(utf16, "u16.html").Text);

        Assert.Contains("Grüße", TextDecoder.DecodeMarkup(latin, "header.html", declaredCharset: "ISO-8859-1").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AnHtmlFile_IsADocumentWithItsMetadata()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("page.html"), NewsPage(), new UTF8Encoding(false));

        var document = new DocumentLoader().Load(dir.File("page.html"));

        Assert.Equal("Pakistan warns over weapons", document.Metadata.Title);
        Assert.Equal("utf-8", document.Metadata.Encoding);
        Assert.Equal(dir.File("page.html"), document.Metadata.Source);
        Assert.Equal(4, document.Paragraphs.Count);
    }

    [Fact]
    public void BadInput_EachGivesItsOwnErrorAndTheBatchGoesOn()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("good.html"), NewsPage());
        File.WriteAllText(dir.File("scripts.html"), "<html><head><script>var a = 'only script';</script></head><body><script>document.write('x')</script><noscript>Enable JavaScript</noscript></body></html>");
        File.WriteAllBytes(dir.File("report.html"), [.. "%PDF-1.7\n"u8, .. new byte[64]]);
        File.WriteAllBytes(dir.File("image.htm"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);
        File.WriteAllText(dir.File("broken.rss"), "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Broken<item><title>One</title></channel>");
        WriteTruncatedWarc(dir.File("crawl.warc.gz"));
        using (var huge = File.Create(dir.File("huge.html")))
        {
            huge.SetLength(50L * 1024 * 1024);
        }

        var loader = new DocumentLoader();
        using var fetcher = new PageFetcher(new FetchOptions { Timeout = TimeSpan.FromSeconds(5) });
        var reader = new BatchReader(loader, Docs.Pipeline, parallelism: 2, expander: new InputExpander(loader, fetcher));

        var outcomes = reader.Run([.. new InputPaths().Expand([dir.Path]), "http://127.0.0.1:9/unreachable"]).ToList();

        string Name(InputOutcome o) => o.Source.StartsWith("http", StringComparison.Ordinal) ? "url" : Path.GetFileName(o.Source.Split('#')[0]);
        var failed = outcomes.Where(o => !o.Succeeded).GroupBy(Name).ToDictionary(g => g.Key, g => g.Select(o => o.Error!.Code).ToList());
        Assert.Equal([DossierErrorCode.EmptyInput], failed["scripts.html"]);
        Assert.Equal([DossierErrorCode.BinaryInput], failed["report.html"]);
        Assert.Equal([DossierErrorCode.BinaryInput], failed["image.htm"]);
        Assert.Equal([DossierErrorCode.MalformedInput], failed["broken.rss"]);
        Assert.Equal([DossierErrorCode.InputTooLarge], failed["huge.html"]);
        Assert.Equal([DossierErrorCode.MalformedInput], failed["crawl.warc.gz"]);
        Assert.Equal([DossierErrorCode.FetchFailed], failed["url"]);
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.False(string.IsNullOrWhiteSpace(o.Error!.Message)));
        var read = outcomes.Where(o => o.Succeeded).Select(Name).ToList();
        Assert.Equal(["crawl.warc.gz", "good.html"], read.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DeepNesting_IsFlattenedQuicklyAndTheTextKept()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + $"<p>{Article}</p>" + "</body></html>";
        using var dir = new TempDir();
        File.WriteAllText(dir.File("deep.html"), html);

        var document = new DocumentLoader().Load(dir.File("deep.html"));

        Assert.Contains(Article, document.Text, StringComparison.Ordinal);
        Assert.Contains(document.Warnings, w => w.Contains("flattened", StringComparison.Ordinal));
    }

    [Fact]
    public void Warc_ResponseRecordsBecomeDocumentsWithTheirUrl()
    {
        using var dir = new TempDir();
        var path = dir.File("news.warc.gz");
        using (var file = File.Create(path))
        {
            WriteRecord(file, "warcinfo", null, "application/warc-fields", "software: test\r\n"u8.ToArray());
            WriteRecord(file, "request", "https://news.example.com/a", "application/http; msgtype=request", "GET /a HTTP/1.1\r\nHost: news.example.com\r\n\r\n"u8.ToArray());
            WriteRecord(file, "response", "https://news.example.com/a", "application/http; msgtype=response", HttpResponse(NewsPage(), chunked: true));
            WriteRecord(file, "response", "https://news.example.com/logo.png", "application/http; msgtype=response", [.. "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n"u8, 0x89, 0x50]);
        }

        var items = new InputExpander(new DocumentLoader()).Expand(path).ToList();

        var item = Assert.Single(items);
        var document = item.Load();
        Assert.Equal("https://news.example.com/a", document.Metadata.Url);
        Assert.Contains(Second, document.Text, StringComparison.Ordinal);
        Assert.EndsWith("#3 https://news.example.com/a", item.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_FullTextItemsAreReadFromTheFeedAndSummariesKeptOffline()
    {
        using var dir = new TempDir();
        var body = string.Join(string.Empty, Enumerable.Repeat($"<p>{Article}</p><p>{Second}</p>", 4));
        File.WriteAllText(dir.File("news.rss"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Daily Example</title><language>en</language>
            <item><title>Pakistan warns over weapons</title><link>https://news.example.com/a</link><dc:creator>Amina Khan</dc:creator><pubDate>Tue, 14 May 2024 10:07:00 GMT</pubDate><description>Short summary.</description><content:encoded><![CDATA[{body}]]></content:encoded></item>
            <item><title>Kabul rejects the claim</title><link>https://news.example.com/b</link><pubDate>Wed, 15 May 2024 08:00:00 GMT</pubDate><description><![CDATA[<p>{Second}</p>]]></description></item>
            </channel></rss>
            """);

        var documents = new InputExpander(new DocumentLoader()).Expand(dir.File("news.rss")).Select(i => i.Load()).ToList();

        Assert.Equal(2, documents.Count);
        Assert.Equal(("Pakistan warns over weapons", "Amina Khan", "Daily Example"), (documents[0].Metadata.Title, documents[0].Metadata.Byline, documents[0].Metadata.Outlet));
        Assert.Equal(new DateOnly(2024, 5, 14), documents[0].Metadata.Published);
        Assert.Equal("https://news.example.com/a", documents[0].Metadata.Url);
        Assert.Empty(documents[0].Warnings);
        Assert.Contains(Second, documents[1].Text, StringComparison.Ordinal);
        Assert.Contains(documents[1].Warnings, w => w.Contains("summary", StringComparison.Ordinal));
    }

    [Fact]
    public void Fetch_ReadsAPageThroughTheHandlerWithItsCharset()
    {
        using var fetcher = new PageFetcher(handler: new StubHandler(Encoding.Latin1.GetBytes(NewsPage(string.Empty).Replace("Pakistan's", "Pakistan’s", StringComparison.Ordinal).Replace('’', 'é')), "text/html; charset=ISO-8859-1"));

        var page = fetcher.Fetch("https://news.example.com/a");

        Assert.Equal("ISO-8859-1", page.Charset);
        var document = new DocumentLoader().LoadHtml(page.Bytes, page.Url, page.Url, page.Charset);
        Assert.Contains("Pakistané", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Fetch_RefusesABodyOverTheCap()
    {
        using var fetcher = new PageFetcher(new FetchOptions { MaxBytes = 1000 }, new StubHandler(new byte[5000], "text/html"));

        var error = Assert.Throws<DossierException>(() => fetcher.Fetch("https://news.example.com/big"));

        Assert.Equal(DossierErrorCode.InputTooLarge, error.Code);
        Assert.Equal("https://news.example.com/big", error.DocumentSource);
    }

    /// <summary>Quality gate: trafilatura's evaluation set, scored in trafilatura's way (floors in eval/baseline.json).</summary>
    [Fact]
    public void Quality_TrafilaturaEval_MeetsItsFloors()
    {
        var section = Floors.Section("extract_trafilatura");
        var s = ExtractionEvaluation.Trafilatura(Floors.DataPath(section));

        Assert.Equal(0, s.Failures);
        Floors.AssertMet(section, new Dictionary<string, double>
        {
            ["f1"] = s.F1,
            ["precision"] = s.Precision,
            ["recall"] = s.Recall,
            ["title"] = (double)s.Title.Correct / s.Title.Total,
            ["date"] = (double)s.Date.Correct / s.Date.Total,
            ["author"] = (double)s.Author.Correct / s.Author.Total,
        });
    }

    /// <summary>Quality gate: closeness to Mozilla Readability's expected output on its test pages.</summary>
    [Fact]
    public void Quality_ReadabilityTestPages_MeetTheirFloors()
    {
        var section = Floors.Section("extract_readability");
        var s = ExtractionEvaluation.Readability(Floors.DataPath(section));

        Floors.AssertMet(section, new Dictionary<string, double>
        {
            ["close_share"] = (double)s.Close / s.Pages,
            ["mean_word_f1"] = s.MeanWordF1,
            ["title"] = (double)s.Title.Correct / s.Title.Total,
            ["byline"] = (double)s.Byline.Correct / s.Byline.Total,
            ["published"] = (double)s.Published.Correct / s.Published.Total,
        });
    }

    private static byte[] HttpResponse(string html, bool chunked)
    {
        var body = Encoding.UTF8.GetBytes(html);
        if (!chunked)
        {
            return [.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\n\r\n"), .. body];
        }

        var half = body.Length / 2;
        return
        [
            .. "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n"u8,
            .. Encoding.ASCII.GetBytes($"{half:x}\r\n"), .. body[..half], .. "\r\n"u8,
            .. Encoding.ASCII.GetBytes($"{body.Length - half:x}\r\n"), .. body[half..], .. "\r\n0\r\n\r\n"u8,
        ];
    }

    /// <summary>Writes one WARC record as its own gzip member, as crawlers do.</summary>
    private static void WriteRecord(Stream output, string type, string? uri, string contentType, byte[] block)
    {
        using var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true);
        var head = $"WARC/1.0\r\nWARC-Type: {type}\r\n" + (uri is null ? string.Empty : $"WARC-Target-URI: {uri}\r\n")
            + $"WARC-Date: 2024-05-14T15:07:00Z\r\nContent-Type: {contentType}\r\nContent-Length: {block.Length}\r\n\r\n";
        gzip.Write(Encoding.ASCII.GetBytes(head));
        gzip.Write(block);
        gzip.Write("\r\n\r\n"u8);
    }

    /// <summary>A WARC whose gzip stream is cut in the middle of its second response record.</summary>
    private static void WriteTruncatedWarc(string path)
    {
        using var whole = new MemoryStream();
        WriteRecord(whole, "response", "https://news.example.com/a", "application/http; msgtype=response", HttpResponse(NewsPage(), chunked: false));
        var first = whole.Length;
        WriteRecord(whole, "response", "https://news.example.com/b", "application/http; msgtype=response", HttpResponse(NewsPage().Replace("weapons", "arms", StringComparison.Ordinal), chunked: false));
        var bytes = whole.ToArray();
        File.WriteAllBytes(path, bytes[..(int)(first + ((bytes.Length - first) / 2))]);
    }

    private sealed class StubHandler(byte[] body, string contentType) : HttpMessageHandler
    {
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content, RequestMessage = request };
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Send(request, cancellationToken));
    }
}
