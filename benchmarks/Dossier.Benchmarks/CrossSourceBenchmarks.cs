using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Dossier.Analysis;
using Dossier.Analysis.Corpus;
using Dossier.Extraction.Ingestion;
using Dossier.Nlp;
using Dossier.Knowledge;
using Dossier.Nlp.Ner;

namespace Dossier.Benchmarks;

/// <summary>
/// The cross-document analysis (entity resolution, quotes and claims linked to entities, times,
/// figures, events, near-copies, stories, claim alignment, figure discrepancies: one
/// <see cref="CorpusAnalysis"/>) on 1,000, 5,000 and 10,000 synthetic documents, to show how it
/// grows. The documents are made by mixing paragraphs of the five seeds and of GUM's texts (CC BY
/// 4.0; ../shared/data/gum/dep), 4–8 paragraphs each, with one in ten a repost of an earlier one;
/// they are run through the whole per-document pipeline once, in setup, which is not timed.
/// Each run takes seconds, so three measured iterations after one warm-up (a full default job
/// would take an hour for no better estimate of a number this large).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class CrossSourceBenchmarks
{
    private Document[] _documents = [];
    private KnowledgeBase _kb = KnowledgeBase.Empty;
    private DocumentPipeline? _pipeline;

    [Params(1000, 5000, 10000)]
    public int Documents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = Paths.RepositoryRoot();
        _pipeline ??= new PipelineBuilder().UseDefaults(NerModel.Load(Path.Combine(root, "models", "ner")), Dossier.Nlp.Quotes.AttributionModel.Load(Path.Combine(root, "models", "quotes"))).Build();
        _kb = KnowledgeBase.Load(Path.Combine(root, "models", "kb", "kb.tsv"));
        var texts = SyntheticCorpus.Generate(root, Documents, seed: 7);
        _documents = new Document[texts.Count];
        Parallel.For(0, texts.Count, k => _documents[k] = _pipeline.Process(texts[k]));
        var mentions = _documents.Sum(d => d.GetOrEmpty(Dossier.Annotations.Layers.Mentions).Length);
        var claims = _documents.Sum(d => d.GetOrEmpty(Dossier.Annotations.Layers.Claims).Length);
        Console.WriteLine($"// {Documents} documents, {_documents.Sum(d => d.Tokens.Count)} tokens, {mentions} mentions, {claims} claims");
    }

    [Benchmark(Description = "cross-document analysis (entities, statements, facts, copies, stories, claim groups, discrepancies)")]
    public int Analyze()
    {
        var analysis = new CorpusAnalysis(_documents, [], _pipeline!.Adds, _kb);
        return analysis.Entities.Count + analysis.ClaimGroups.Count + analysis.Stories.Count + analysis.IndependentSources;
    }
}

/// <summary>Synthetic but realistic news-like documents: paragraphs of the seeds and of GUM mixed.</summary>
public static class SyntheticCorpus
{
    public static IReadOnlyList<string> Generate(string root, int count, int seed)
    {
        var loader = new DocumentLoader();
        var paragraphs = Directory.GetFiles(Path.Combine(root, "samples", "seeds"), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => loader.Load(f).Paragraphs.Select(p => p.Text))
            .Concat(GumParagraphs(Path.Combine(root, "..", "shared", "data", "gum", "dep")))
            .Where(p => p.Length > 80)
            .ToList();
        var random = new Random(seed);
        var texts = new List<string>(count);
        for (var k = 0; k < count; k++)
        {
            if (k > 10 && random.Next(10) == 0)
            {
                texts.Add(texts[random.Next(k)] + "\n\nRead more on our partner site.");
                continue;
            }

            var n = random.Next(4, 9);
            texts.Add(string.Join("\n\n", Enumerable.Range(0, n).Select(_ => paragraphs[random.Next(paragraphs.Count)])));
        }

        return texts;
    }

    private static IEnumerable<string> GumParagraphs(string dir)
    {
        foreach (var file in Directory.GetFiles(dir, "*.conllu").Order(StringComparer.Ordinal))
        {
            var paragraph = new List<string>();
            foreach (var line in File.ReadLines(file))
            {
                if (line.StartsWith("# newpar", StringComparison.Ordinal) && !line.StartsWith("# newpar_block", StringComparison.Ordinal) && paragraph.Count > 0)
                {
                    yield return string.Join(' ', paragraph);
                    paragraph.Clear();
                }
                else if (line.StartsWith("# text = ", StringComparison.Ordinal))
                {
                    paragraph.Add(line[9..]);
                }
            }

            if (paragraph.Count > 0)
            {
                yield return string.Join(' ', paragraph);
            }
        }
    }
}

/// <summary>Times each stage of the default <see cref="CorpusPipeline"/> once, for finding what does not scale.</summary>
public static class CrossSourceStages
{
    public static void Run(int count)
    {
        var root = Paths.RepositoryRoot();
        var pipeline = new PipelineBuilder().UseDefaults(NerModel.Load(Path.Combine(root, "models", "ner")), Dossier.Nlp.Quotes.AttributionModel.Load(Path.Combine(root, "models", "quotes"))).Build();
        var kb = KnowledgeBase.Load(Path.Combine(root, "models", "kb", "kb.tsv"));
        var texts = SyntheticCorpus.Generate(root, count, seed: 7);
        var docs = new Document[texts.Count];
        Parallel.For(0, texts.Count, k => docs[k] = pipeline.Process(texts[k]));
        var documents = docs.GroupBy(d => d.Id).Select(g => g.First()).ToList();
        _ = CorpusPipeline.Default(kb).Run(documents, [], pipeline.Adds, stageDone: (stage, took) => Console.WriteLine($"{stage.Name,-22} {took.TotalSeconds,7:F2} s"));
    }
}
