using BenchmarkDotNet.Attributes;
using Dossier.Evaluation.Ner;
using Dossier.Nlp.Ner;

namespace Dossier.Benchmarks;

/// <summary>Where tagging time goes: preparing sentences, extracting features, and the whole tagger, on eng.testa.</summary>
[MemoryDiagnoser]
public class NerPartsBenchmarks
{
    private NerModel _model = null!;
    private List<IReadOnlyList<string>> _sentences = [];

    [GlobalSetup]
    public void Setup()
    {
        var root = Paths.RepositoryRoot();
        _model = NerModel.Load(Path.Combine(root, "models", "ner"));
        var dev = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "conll2003", "original-iob1", "eng.testa"));
        _sentences = [.. ConllReader.Read(dev).SelectMany(d => d.Sentences).Select(s => (IReadOnlyList<string>)s.Tokens)];
    }

    [Benchmark(Description = "prepare sentences (lower case, shapes, clusters, gazetteer)")]
    public int Prepare() => _sentences.Sum(s => new NerSentence(s, _model.Gazetteer, _model.Clusters).Matches.Count);

    [Benchmark(Description = "prepare + extract features")]
    public int Features()
    {
        var buffer = new List<ulong>(4096);
        var n = 0;
        foreach (var s in _sentences)
        {
            var prepared = new NerSentence(s, _model.Gazetteer, _model.Clusters);
            buffer.Clear();
            for (var i = 0; i < s.Count; i++)
            {
                NerFeatures.Extract(prepared, i, NerDocumentContext.Empty, _model.Options, buffer);
            }

            n += buffer.Count;
        }

        return n;
    }
}
