using System.Net;
using System.Text;
using Dossier.Extraction.Ingestion;
using Dossier.Extraction.Web;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Extraction;

public class FeedMetadataTests
{
    private const string Article =
        "The finance minister said on Monday that the budget would cut fuel subsidies by half, and that the savings would go to schools and hospitals.";

    [Fact]
    public void FetchedFeedItem_ThePagesOwnMetadataWinsAndTheFeedFillsTheGaps()
    {
        const string Described = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Budget halves fuel subsidies | Page Outlet</title>
            <meta property="og:site_name" content="Page Outlet">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Budget halves fuel subsidies","datePublished":"2024-05-14T09:00:00Z","author":[{"@type":"Person","name":"Page Author"}],"publisher":{"@type":"Organization","name":"Page Outlet"}}</script>
            </head><body><article><h1>Budget halves fuel subsidies</h1><p>ARTICLE</p><p>ARTICLE</p></article></body></html>
            """;
        const string Bare = "<!doctype html><html><head><meta charset=\"utf-8\"></head><body><article><p>ARTICLE</p><p>ARTICLE</p></article></body></html>";
        var pages = new Dictionary<string, string>
        {
            ["https://news.example.com/a"] = Described.Replace("ARTICLE", Article, StringComparison.Ordinal),
            ["https://news.example.com/b"] = Bare.Replace("ARTICLE", Article, StringComparison.Ordinal),
        };
        using var dir = new TempDir();
        File.WriteAllText(dir.File("news.rss"), """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Feed Outlet</title>
            <item><title>Feed title A</title><link>https://news.example.com/a</link><dc:creator>Feed Author</dc:creator><pubDate>Tue, 21 May 2024 10:00:00 GMT</pubDate><description>Short.</description></item>
            <item><title>Feed title B</title><link>https://news.example.com/b</link><dc:creator>Feed Author</dc:creator><pubDate>Tue, 21 May 2024 10:00:00 GMT</pubDate><description>Short.</description></item>
            </channel></rss>
            """);
        var loader = new DocumentLoader();
        using var fetcher = new PageFetcher(handler: new PagesHandler(pages));

        var documents = new InputExpander(loader, fetcher).Expand(dir.File("news.rss")).Select(i => i.Load()).ToList();

        var (a, b) = (documents[0].Metadata, documents[1].Metadata);
        Assert.Equal(("Budget halves fuel subsidies", "Page Author", "Page Outlet", new DateOnly(2024, 5, 14)), (a.Title, a.Byline, a.Outlet, a.Published));
        Assert.Equal(("Feed title B", "Feed Author", "Feed Outlet", new DateOnly(2024, 5, 21)), (b.Title, b.Byline, b.Outlet, b.Published));
        Assert.Equal("https://news.example.com/a", a.Url);
        Assert.All(documents, d => Assert.Contains(Article, d.Text, StringComparison.Ordinal));
    }

    private sealed class PagesHandler(Dictionary<string, string> pages) : HttpMessageHandler
    {
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!pages.TryGetValue(request.RequestUri!.ToString(), out var page))
            {
                return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
            }

            var content = new StringContent(page, Encoding.UTF8, "text/html");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Send(request, cancellationToken));
    }
}
