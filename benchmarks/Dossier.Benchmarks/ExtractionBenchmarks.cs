using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using Dossier.Extraction.Decoding;
using Dossier.Extraction.Html;

namespace Dossier.Benchmarks;

/// <summary>
/// HTML extraction (decoding, parsing, metadata, main text, offset map) on the first 100 pages of
/// trafilatura-eval (../shared/data/trafilatura-eval, sorted by file name), one thread. Pages per
/// second = 100 / mean time. The side-by-side comparison with Mozilla Readability on all 990
/// pages is <c>dossier bench extract --peers …</c> (see CONTRIBUTING.md).
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private byte[][] _pages = [];

    [GlobalSetup]
    public void Setup()
    {
        var dir = Path.Combine(Paths.RepositoryRoot(), "..", "shared", "data", "trafilatura-eval", "html");
        _pages = [.. Directory.GetFiles(dir, "*.html.gz").Order(StringComparer.Ordinal).Take(100).Select(Gunzip)];
        Console.WriteLine($"// trafilatura-eval: {_pages.Length} pages, {_pages.Sum(p => (long)p.Length):N0} bytes per op");
    }

    [Benchmark(Description = "extract 100 trafilatura-eval pages")]
    public int Extract()
    {
        var n = 0;
        foreach (var page in _pages)
        {
            n += HtmlArticleExtractor.Default.Extract(TextDecoder.DecodeMarkup(page, "bench").Text).Extracted.Text.Length;
        }

        return n;
    }

    private static byte[] Gunzip(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gz.CopyTo(output);
        return output.ToArray();
    }
}
