using BenchmarkDotNet.Attributes;
using Dossier.Annotations;
using Dossier.Evaluation.Ner;
using Dossier.Nlp;
using Dossier.Nlp.Ner;

namespace Dossier.Benchmarks;

/// <summary>
/// Tokenizing + sentence splitting + tagging (the mentions component with the shipped model) on
/// one thread, over the CoNLL-2003 dev text (eng.testa, 51,362 tokens, joined as running text one
/// document a time), and loading the model. Tokens per second = tokens per op / mean time.
/// </summary>
[MemoryDiagnoser]
public class NerBenchmarks
{
    private DocumentPipeline _tokenizeOnly = null!;
    private DocumentPipeline _withNer = null!;
    private DocumentPipeline _withQuotes = null!;
    private DocumentPipeline _withTagger = null!;
    private string[] _texts = [];
    private string _modelDirectory = string.Empty;
    private NerModel _model = null!;
    private List<IReadOnlyList<IReadOnlyList<string>>> _words = [];
    private string[] _seeds = [];

    /// <summary>Tokens per op.</summary>
    public int TokensPerOp { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = Paths.RepositoryRoot();
        _modelDirectory = Path.Combine(root, "models", "ner");
        var model = NerModel.Load(_modelDirectory);
        _model = model;
        _tokenizeOnly = new PipelineBuilder().UseDefaults().Build();
        _withNer = new PipelineBuilder().UseDefaults().UseNer(model).Build();
        _withQuotes = new PipelineBuilder().UseDefaults(model).Build();
        _withTagger = new PipelineBuilder().UseDefaults(model, Dossier.Nlp.Quotes.AttributionModel.Load(Path.Combine(root, "models", "quotes"))).Build();
        var dev = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "conll2003", "original-iob1", "eng.testa"));
        _texts = [.. ConllReader.Read(dev).Select(d => string.Join("\n\n", d.Sentences.Select(s => string.Join(' ', s.Tokens))))];
        _words = [.. ConllReader.Read(dev).Select(d => (IReadOnlyList<IReadOnlyList<string>>)[.. d.Sentences.Select(s => (IReadOnlyList<string>)s.Tokens)])];
        _seeds = [.. Directory.GetFiles(Path.Combine(root, "samples", "seeds"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)];
        Console.WriteLine($"// seeds x22: {22 * _seeds.Sum(t => t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length)} white-space words per op");
        TokensPerOp = _texts.Sum(t => _tokenizeOnly.Process(t).GetOrEmpty(Layers.Tokens).Length);
        Console.WriteLine($"// eng.testa: {_texts.Length} documents, {TokensPerOp} tokens per op");
    }

    [Benchmark(Baseline = true, Description = "tokens + sentences, eng.testa")]
    public int Tokenize() => _texts.Sum(t => _tokenizeOnly.Process(t).GetOrEmpty(Layers.Sentences).Length);

    [Benchmark(Description = "tokens + sentences + mentions (NER), eng.testa")]
    public int Tag() => _texts.Sum(t => _withNer.Process(t).GetOrEmpty(Layers.Mentions).Length);

    [Benchmark(Description = "tagger alone (NerModel.Tag on CoNLL tokens), eng.testa")]
    public int TagOnly() => _words.Sum(d => _model.Tag(d).Count);

    /// <summary>The input the peers in ../shared/peers/node measure: the five raw seed files, 22 times (110 documents, 414,832 bytes).</summary>
    [Benchmark(Description = "seeds x22 raw text, paragraphs + tokens + sentences + mentions (as the peers' bench)")]
    public int SeedsLikePeers() => Seeds22(_withNer, Layers.Mentions);

    /// <summary>The seeds input again, now with quotes and claims from the rules alone.</summary>
    [Benchmark(Description = "seeds x22 raw text, all components (+ quotes and claims, rules alone)")]
    public int SeedsWithQuotes() => Seeds22(_withQuotes, Layers.Claims);

    /// <summary>Everything the analysis runs per document: quotes and claims from the rules and the attribution tagger (models/quotes).</summary>
    [Benchmark(Description = "seeds x22 raw text, all components (+ quotes and claims, rules + attribution tagger)")]
    public int SeedsWithTagger() => Seeds22(_withTagger, Layers.Claims);

    /// <summary>The five seeds 22 times through a pipeline; the count of a layer's items, so nothing is optimised away.</summary>
    private int Seeds22<T>(DocumentPipeline pipeline, LayerKey<T> layer)
        where T : struct, IAnnotation
    {
        var n = 0;
        for (var r = 0; r < 22; r++)
        {
            foreach (var text in _seeds)
            {
                n += pipeline.Process(text).GetOrEmpty(layer).Length;
            }
        }

        return n;
    }

    [Benchmark(Description = "load models/ner")]
    public int Load() => NerModel.Load(_modelDirectory).Tagger.FeatureCount;
}

/// <summary>Paths shared by the benchmarks.</summary>
internal static class Paths
{
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dossier.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("Dossier.slnx not found above " + AppContext.BaseDirectory);
    }
}
