using BenchmarkDotNet.Attributes;
using Dossier.Annotations;
using Dossier.Extraction.Ingestion;
using Dossier.Nlp;
using Dossier.Nlp.Tokenization;

namespace Dossier.Benchmarks;

/// <summary>
/// The foundation's per-document work on the five seed articles (samples/seeds): reading a
/// file's bytes into a document, tokenizing, and the whole default pipeline. Tokens per second
/// = tokens per op (reported below) / mean time.
/// </summary>
[MemoryDiagnoser]
public class FoundationBenchmarks
{
    private readonly DocumentPipeline _pipeline = new PipelineBuilder().UseDefaults().Build();
    private readonly DocumentLoader _loader = new();
    private (string Path, byte[] Bytes)[] _files = [];
    private string[] _texts = [];

    /// <summary>The number of tokens one op handles, for converting times into tokens per second.</summary>
    public int TokensPerOp { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var dir = Path.Combine(Paths.RepositoryRoot(), "samples", "seeds");
        _files = [.. Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal).Select(p => (p, File.ReadAllBytes(p)))];
        _texts = [.. _files.Select(f => _loader.LoadBytes(f.Bytes, f.Path).Text)];
        TokensPerOp = _texts.Sum(t => Tokenizer.Default.Tokenize(t).Count);
        Console.WriteLine($"// seeds: {_files.Length} files, {_files.Sum(f => f.Bytes.Length)} bytes, {TokensPerOp} tokens per op");
    }

    [Benchmark(Description = "read 5 seed files (decode + plain-text reader)")]
    public int Read()
    {
        var n = 0;
        foreach (var (path, bytes) in _files)
        {
            n += _loader.LoadBytes(bytes, path).Text.Length;
        }

        return n;
    }

    [Benchmark(Description = "tokenize 5 seeds")]
    public int Tokenize()
    {
        var n = 0;
        foreach (var text in _texts)
        {
            n += Tokenizer.Default.Tokenize(text).Count;
        }

        return n;
    }

    [Benchmark(Description = "read + paragraphs + tokens + sentences, 5 seeds")]
    public int Pipeline()
    {
        var n = 0;
        foreach (var (path, bytes) in _files)
        {
            n += _pipeline.Process(_loader.LoadBytes(bytes, path)).GetOrEmpty(Layers.Sentences).Length;
        }

        return n;
    }
}
