using BenchmarkDotNet.Attributes;
using Dossier.Evaluation.Syntax;
using Dossier.Nlp;
using Dossier.Nlp.Ner;
using Dossier.Nlp.Quotes;
using Dossier.Nlp.Syntax;

namespace Dossier.Benchmarks;

/// <summary>
/// The tagger and parser (models/parse) on one thread: tagging + lemmatizing + parsing the gold
/// words of EWT dev (25,147 words a op), tagging alone, loading the model, and the whole default
/// pipeline on the five seeds with and without the parser. Words per second = words per op / mean.
/// </summary>
[MemoryDiagnoser]
public class SyntaxBenchmarks
{
    private SyntaxModel _model = null!;
    private string _modelDirectory = string.Empty;
    private string[][] _sentences = [];
    private string[] _seeds = [];
    private DocumentPipeline _withoutParser = null!;
    private DocumentPipeline _withParser = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = Paths.RepositoryRoot();
        _modelDirectory = Path.Combine(root, "models", "parse");
        _model = SyntaxModel.Load(_modelDirectory);
        var dev = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "ud-english-ewt", "en_ewt-ud-dev.conllu"));
        _sentences = [.. Conllu.ReadFile(dev).Select(s => s.Words.Select(w => w.Form).ToArray())];
        Console.WriteLine($"// EWT dev: {_sentences.Length} sentences, {_sentences.Sum(s => s.Length)} words per op");
        var ner = NerModel.Load(Path.Combine(root, "models", "ner"));
        var attribution = AttributionModel.Load(Path.Combine(root, "models", "quotes"));
        _withoutParser = new PipelineBuilder().UseDefaults(ner, attribution).Build();
        _withParser = new PipelineBuilder().UseDefaults(ner, attribution, _model).Build();
        _seeds = [.. Directory.GetFiles(Path.Combine(root, "samples", "seeds"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)];
    }

    [Benchmark(Description = "tag + lemmatize + parse, EWT dev gold words")]
    public int Parse() => _sentences.Sum(s => _model.Parse(s).Heads.Length);

    [Benchmark(Description = "tag alone, EWT dev gold words")]
    public int Tag() => _sentences.Sum(s => _model.Tagger.Tag(s, _model.Clusters).Length);

    [Benchmark(Description = "load models/parse")]
    public int Load() => SyntaxModel.Load(_modelDirectory).Parser.Model.FeatureCount;

    [Benchmark(Description = "default pipeline on the 5 seeds, without the parser")]
    public int SeedsWithoutParser() => _seeds.Sum(t => _withoutParser.Process(t).Tokens.Count);

    [Benchmark(Description = "default pipeline on the 5 seeds, with the parser")]
    public int SeedsWithParser() => _seeds.Sum(t => _withParser.Process(t).Words.Count);
}
