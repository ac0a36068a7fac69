using System.Diagnostics;
using System.Text;
using Dossier.Extraction.Feeds;
using Dossier.Extraction.Ingestion;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Extraction;

public class FeedInputTests
{
    private const string Article =
        "The finance minister said on Monday that the budget would cut fuel subsidies by half, and that the savings would go to schools and hospitals.";

    private const string Rss091Doctype =
        """<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">""";

    private static string Rss091(string doctype, string description = Article) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <!-- exported > by hand -->
        {doctype}
        <rss version="0.91"><channel><title>Daily Example</title><link>https://news.example.com/</link><description>News</description><language>en</language>
        <item><title>Budget cuts fuel subsidies</title><link>https://news.example.com/a</link><description>{description}</description></item>
        </channel></rss>
        """;

    [Fact]
    public void Rss091WithADoctype_IsAFeedAndItsItemsAreRead()
    {
        var bytes = Encoding.UTF8.GetBytes(Rss091(Rss091Doctype));

        Assert.True(FeedInput.LooksLikeFeed(bytes));
        var entry = Assert.Single(FeedInput.Read(bytes, "news.rss"));

        Assert.Equal(("Budget cuts fuel subsidies", "Daily Example", "https://news.example.com/a"), (entry.Metadata.Title, entry.Metadata.Outlet, entry.Link));
        Assert.Contains(Article, entry.ContentHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Rss091_HtmlEntitiesItsDtdDeclares_AreRead()
    {
        var bytes = Encoding.UTF8.GetBytes(Rss091(Rss091Doctype, "Caf&eacute;&nbsp;owners &amp; &lt;b&gt; &#8220;say&#8221; &hellip; &copy;"));

        var entry = Assert.Single(FeedInput.Read(bytes, "news.rss"));

        Assert.Equal("Caf\u00e9\u00a0owners & <b> \u201csay\u201d \u2026 \u00a9", entry.ContentHtml);
    }

    [Fact]
    public void FeedFileWithADoctype_IsNotStoredAsRawXml()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("news.xml"), Rss091(Rss091Doctype));

        var document = Assert.Single(new InputExpander(new DocumentLoader()).Expand(dir.File("news.xml"))).Load();

        Assert.Contains(Article, document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<rss", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("DOCTYPE", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void BillionLaughs_IsRefusedQuicklyWithoutExpansion()
    {
        var entities = new StringBuilder("""<!DOCTYPE rss [<!ENTITY lol "lol">""");
        for (var i = 1; i <= 9; i++)
        {
            var previous = i == 1 ? "lol" : $"lol{i - 1}";
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&{previous};", 10))}\">");
        }

        var bytes = Encoding.UTF8.GetBytes(Rss091(entities.Append("]>").ToString(), "&lol9;"));
        var watch = Stopwatch.StartNew();

        Assert.True(FeedInput.LooksLikeFeed(bytes));
        var error = Assert.Throws<DossierException>(() => FeedInput.Read(bytes, "laughs.rss"));

        Assert.Equal((DossierErrorCode.MalformedInput, "laughs.rss"), (error.Code, error.DocumentSource));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void ExternalEntity_IsNeverRead()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("secret.txt"), "TOPSECRET");
        var doctype = $"""<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{new Uri(dir.File("secret.txt")).AbsoluteUri}">]>""";

        var error = Record.Exception(() => FeedInput.Read(Encoding.UTF8.GetBytes(Rss091(doctype, "&xxe;")), "xxe.rss"));

        var refused = Assert.IsType<DossierException>(error);
        Assert.Equal(DossierErrorCode.MalformedInput, refused.Code);
        Assert.DoesNotContain("TOPSECRET", refused.Message, StringComparison.Ordinal);
    }
}
