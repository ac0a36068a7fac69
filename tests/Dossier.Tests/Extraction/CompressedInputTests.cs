using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Dossier.Extraction.Ingestion;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Extraction;

public class CompressedInputTests
{
    private const string Article =
        "The finance minister said on Monday that the budget would cut fuel subsidies by half, and that the savings would go to schools and hospitals.";

    private static readonly string Page =
        $"<!doctype html><html><head><meta charset=\"utf-8\"><title>Budget cuts fuel subsidies</title></head><body><article><h1>Budget cuts fuel subsidies</h1><p>{Article}</p><p>{Article}</p></article></body></html>";

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>Gzip that decompresses to 1 GiB of zeros: 16 members of 64 MiB each, about 1 MB in all.</summary>
    private static byte[] GzipBomb()
    {
        var member = Gzip(new byte[64 * 1024 * 1024]);
        return [.. Enumerable.Repeat(member, 16).SelectMany(m => m)];
    }

    /// <summary>Runs <paramref name="action"/> and returns the bytes it allocated on this thread.</summary>
    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Theory]
    [InlineData("page.html.gz")]
    [InlineData("page.htm.gz")]
    [InlineData("notes.txt.gz")]
    public void GzippedFiles_AreReadByTheirInnerKind(string name)
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File(name), Gzip(Encoding.UTF8.GetBytes(name.Contains(".htm", StringComparison.Ordinal) ? Page : $"Budget cuts fuel subsidies\n\n{Article}\n")));

        var document = new DocumentLoader().Load(dir.File(name));

        Assert.Contains(Article, document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", document.Text, StringComparison.Ordinal);
        Assert.Equal(dir.File(name), document.Metadata.Source);
    }

    [Fact]
    public void GzipBomb_FailsFastWithInputTooLargeAndBoundedMemory()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("bomb.html.gz"), GzipBomb());
        var loader = new DocumentLoader();
        DossierException? error = null;
        var watch = Stopwatch.StartNew();

        var allocated = Allocated(() => error = Assert.Throws<DossierException>(() => loader.Load(dir.File("bomb.html.gz"))));

        Assert.Equal((DossierErrorCode.InputTooLarge, dir.File("bomb.html.gz")), (error!.Code, error.DocumentSource));
        Assert.Contains("20,971,520", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 5L * new LoaderOptions().MaxBytes, $"{allocated:N0} bytes allocated");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public void DamagedGzip_IsMalformedInput()
    {
        using var dir = new TempDir();
        // A valid gzip header, then a deflate block of the reserved type (FF).
        var gzip = Gzip(Encoding.UTF8.GetBytes(Page));
        File.WriteAllBytes(dir.File("bad.html.gz"), [.. gzip[..10], .. Enumerable.Repeat((byte)0xFF, 100)]);

        var error = Assert.Throws<DossierException>(() => new DocumentLoader().Load(dir.File("bad.html.gz")));

        Assert.Equal((DossierErrorCode.MalformedInput, dir.File("bad.html.gz")), (error.Code, error.DocumentSource));
    }

    [Fact]
    public void GzippedFeed_IsReadAsAFeed()
    {
        using var dir = new TempDir();
        var body = string.Concat(Enumerable.Repeat($"<p>{Article}</p>", 8));
        var feed = $"""<?xml version="1.0"?><rss version="2.0"><channel><title>Daily</title><item><title>Budget</title><link>https://news.example.com/a</link><description><![CDATA[{body}]]></description></item></channel></rss>""";
        File.WriteAllBytes(dir.File("news.rss.gz"), Gzip(Encoding.UTF8.GetBytes(feed)));

        var item = Assert.Single(new InputExpander(new DocumentLoader()).Expand(dir.File("news.rss.gz")));

        Assert.Contains(Article, item.Load().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Warc_ABombRecordIsAnErrorAndTheNextRecordIsStillRead()
    {
        using var dir = new TempDir();
        var path = dir.File("crawl.warc");
        using (var file = File.Create(path))
        {
            WriteRecord(file, "https://news.example.com/bomb", [.. "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"u8, .. GzipBomb()]);
            WriteRecord(file, "https://news.example.com/good", [.. "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"u8, .. Encoding.UTF8.GetBytes(Page)]);
        }

        var items = new InputExpander(new DocumentLoader()).Expand(path).ToList();

        Assert.Equal(2, items.Count);
        var error = Assert.Throws<DossierException>(() => items[0].Load());
        Assert.Equal((DossierErrorCode.InputTooLarge, $"{path}#1"), (error.Code, error.DocumentSource));
        var document = items[1].Load();
        Assert.Contains(Article, document.Text, StringComparison.Ordinal);
        Assert.Equal("https://news.example.com/good", document.Metadata.Url);
    }

    [Fact]
    public void Warc_AGzippedRecordBodyWithinTheLimitIsRead()
    {
        using var dir = new TempDir();
        var path = dir.File("crawl.warc.gz");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            WriteRecord(gzip, "https://news.example.com/a", [.. "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"u8, .. Gzip(Encoding.UTF8.GetBytes(Page))]);
        }

        var item = Assert.Single(new InputExpander(new DocumentLoader()).Expand(path));

        Assert.Contains(Article, item.Load().Text, StringComparison.Ordinal);
    }

    private static void WriteRecord(Stream output, string uri, byte[] block)
    {
        var head = $"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-14T15:07:00Z\r\n"
            + $"Content-Type: application/http; msgtype=response\r\nContent-Length: {block.Length}\r\n\r\n";
        output.Write(Encoding.ASCII.GetBytes(head));
        output.Write(block);
        output.Write("\r\n\r\n"u8);
    }
}
