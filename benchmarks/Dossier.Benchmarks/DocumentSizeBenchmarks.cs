using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Dossier.Analysis;
using Dossier.Extraction.Ingestion;
using Dossier.Nlp;
using Dossier.Knowledge;
using Dossier.Nlp.Ner;
using Dossier.Nlp.Quotes;

namespace Dossier.Benchmarks;

/// <summary>
/// The cost of one document by its size, from bytes to analysis, as <c>dossier analyze</c> pays it
/// for a single file: reading (decoding, or HTML extraction), the default pipeline with the shipped
/// models, and the corpus stage over that one document. The curve says whether the work grows with
/// the input or faster; the pathological shapes (a sentence of ten thousand reporting verbs, a page
/// of 100,000 paragraphs) are the ones that once ran out of memory or time. One thread.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class DocumentSizeBenchmarks
{
    private readonly Dictionary<string, byte[]> _inputs = [];
    private DocumentLoader _loader = null!;
    private DocumentPipeline _pipeline = null!;
    private KnowledgeBase _kb = null!;

    /// <summary>The input: news text of 1, 2 or 4 MB (the seeds repeated), a page of N paragraphs, a storm sentence.</summary>
    [Params("text 1 MB", "text 2 MB", "text 4 MB", "html 25k <p>", "html 50k <p>", "html 100k <p>", "storm 10k")]
    public string Input { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var root = Paths.RepositoryRoot();
        _loader = new DocumentLoader();
        _pipeline = new PipelineBuilder().UseDefaults(NerModel.Load(Path.Combine(root, "models", "ner")), AttributionModel.Load(Path.Combine(root, "models", "quotes")), Dossier.Nlp.Syntax.SyntaxModel.Load(Path.Combine(root, "models", "parse")))
            .WithLimits(DocumentLimits.None) // the curve of the work itself; the limits would stop the largest
            .Build();
        _kb = KnowledgeBase.Load(Path.Combine(root, "models", "kb", "kb.tsv"));
        var seeds = string.Join("\n\n", Directory.GetFiles(Path.Combine(root, "samples", "seeds"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        _inputs["text 1 MB"] = Text(seeds, 1);
        _inputs["text 2 MB"] = Text(seeds, 2);
        _inputs["text 4 MB"] = Text(seeds, 4);
        _inputs["html 25k <p>"] = Page(25_000);
        _inputs["html 50k <p>"] = Page(50_000);
        _inputs["html 100k <p>"] = Page(100_000);
        _inputs["storm 10k"] = Encoding.UTF8.GetBytes("Storm\n\n" + string.Concat(Enumerable.Repeat("John Smith said Maria Lopez said ", 10_000)) + "it rained.\n");
    }

    [Benchmark(Description = "read + pipeline + corpus stage, one document")]
    public int ReadAndAnalyse()
    {
        var bytes = _inputs[Input];
        var document = Input.StartsWith("html", StringComparison.Ordinal) ? _loader.LoadHtml(bytes, "bench.html") : _loader.LoadBytes(bytes, "bench.txt");
        _pipeline.Process(document);
        return new CorpusAnalysis([document], [], _pipeline.Adds, _kb).Events.Count;
    }

    private static byte[] Text(string seeds, int megabytes)
    {
        var sb = new StringBuilder("Many articles\n\n");
        while (sb.Length < megabytes * 1024 * 1024)
        {
            sb.Append(seeds).Append("\n\n");
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static byte[] Page(int paragraphs)
    {
        var sb = new StringBuilder("<html><head><title>Many paragraphs</title></head><body><article>");
        for (var k = 0; k < paragraphs; k++)
        {
            sb.Append("<p>Paragraph ").Append(k).Append(" says the minister met officials in Kabul.</p>");
        }

        return Encoding.UTF8.GetBytes(sb.Append("</article></body></html>").ToString());
    }
}
