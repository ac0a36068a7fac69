using System.Text;
using System.Text.Json;

namespace Dossier.Nlp.Ner;

/// <summary>
/// A trained named-entity model as saved in a directory: <c>model.bin</c> (labels, transitions,
/// sparse weights), <c>gazetteer.tsv</c>, <c>config.json</c> (the training config) and
/// <c>meta.json</c> (data hashes, dev scores, sizes). Loaded by path; no network. Thread-safe.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "DOSSIER-NER/1";

    /// <summary>Creates a model from its parts.</summary>
    public NerModel(PerceptronTagger tagger, Gazetteer gazetteer, WordClusters clusters, NerFeatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        Clusters = clusters;
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(options);
        Tagger = tagger;
        Gazetteer = gazetteer;
        Options = options;
        _wordScores = new WordScores(this);
        _wordFacts = new WordFacts(gazetteer, clusters);
    }

    private readonly WordScores _wordScores;
    private readonly WordFacts _wordFacts;

    /// <summary>The sequence tagger.</summary>
    public PerceptronTagger Tagger { get; }

    /// <summary>The gazetteer the features read.</summary>
    public Gazetteer Gazetteer { get; }

    /// <summary>The word clusters the features read.</summary>
    public WordClusters Clusters { get; }

    /// <summary>The feature groups the model was trained with.</summary>
    public NerFeatureOptions Options { get; }

    /// <summary>Tags the sentences of one document (words as tokenized); returns the spans of each sentence.</summary>
    public List<List<TokenSpan>> Tag(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var prepared = sentences.Select(s => new NerSentence(s, Gazetteer, Clusters, _wordFacts)).ToList();
        var context = NerDocumentContext.For(prepared, Options);
        var result = new List<List<TokenSpan>>(prepared.Count);
        var history = Options.History ? new PredictionHistory(Tagger.Labels) : null;
        var scratch = new List<ulong>(256);
        var l = Tagger.Labels.Count;
        foreach (var sentence in prepared)
        {
            var n = sentence.Words.Count;
            var rented = System.Buffers.ArrayPool<float>.Shared.Rent(Math.Max(1, n * l));
            try
            {
                var emissions = rented.AsSpan(0, n * l);
                Emissions(sentence, context, history, emissions, scratch);
                var labels = PerceptronTagger.Viterbi(emissions, n, Tagger.Labels, Tagger.Transitions);
                history?.Record(sentence, labels);
                result.Add(Tagger.Labels.Decode(labels));
            }
            finally
            {
                System.Buffers.ArrayPool<float>.Shared.Return(rented);
            }
        }

        return result;
    }

    /// <summary>
    /// The label scores of every token of a sentence, <c>[token × label]</c>: the weights of the
    /// features <see cref="NerFeatures.Extract"/> gives each token, summed. The features that
    /// depend on a word alone (its own and those it gives its neighbours) are scored once per
    /// distinct word and kept (<see cref="WordScores"/>); only the contextual ones are looked up
    /// per token.
    /// </summary>
    internal void Emissions(NerSentence sentence, NerDocumentContext context, PredictionHistory? history, Span<float> emissions, List<ulong> scratch)
    {
        var n = sentence.Words.Count;
        var l = Tagger.Labels.Count;
        var window = Options.Window;
        emissions.Clear();
        for (var i = 0; i < n; i++)
        {
            // Word i's own scores, and what it gives the tokens up to `window` places either side;
            // a token with no word there has the sentence boundary instead.
            var scores = _wordScores.Get(sentence, i).AsSpan();
            var own = emissions.Slice(i * l, l);
            Add(own, scores[..l]);
            for (var d = 1; d <= window; d++)
            {
                if (i + d < n)
                {
                    Add(emissions.Slice((i + d) * l, l), scores.Slice(d * l, l));
                }
                else
                {
                    Add(own, _wordScores.BoundaryAfter(d));
                }

                if (i - d >= 0)
                {
                    Add(emissions.Slice((i - d) * l, l), scores.Slice((window + d) * l, l));
                }
                else
                {
                    Add(own, _wordScores.BoundaryBefore(d));
                }
            }

            scratch.Clear();
            NerFeatures.ExtractContext(sentence, i, context, Options, scratch);
            _wordScores.Salt(scratch);
            history?.Features(sentence, i, scratch);
            Tagger.AddEmissions(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scratch), emissions.Slice(i * l, l));
        }
    }

    private static void Add(Span<float> target, ReadOnlySpan<float> values)
    {
        for (var k = 0; k < values.Length; k++)
        {
            target[k] += values[k];
        }
    }

    /// <summary>Saves the weights, gazetteer and options to <paramref name="directory"/> (config and meta are written by the trainer).</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        using (var stream = File.Create(Path.Combine(directory, "model.bin")))
        using (var w = new BinaryWriter(stream, Encoding.UTF8))
        {
            w.Write(Magic);
            w.Write(JsonSerializer.Serialize(Options));
            Tagger.Write(w);
        }

        Gazetteer.Save(Path.Combine(directory, "gazetteer.tsv"));
        Clusters.Save(Path.Combine(directory, "clusters.tsv"));
    }

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    /// <exception cref="DossierException">With <see cref="DossierErrorCode.NotFound"/> or <see cref="DossierErrorCode.ComponentFailed"/> when the model is missing or unreadable.</exception>
    public static NerModel Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var path = Path.Combine(directory, "model.bin");
        if (!File.Exists(path))
        {
            throw new DossierException(DossierErrorCode.NotFound, $"no NER model at {path}; train one with 'dossier train ner --config configs/ner.json'");
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var r = new BinaryReader(stream, Encoding.UTF8);
            if (r.ReadString() != Magic)
            {
                throw new DossierException(DossierErrorCode.ComponentFailed, $"{path} is not a Dossier NER model of this version");
            }

            var options = JsonSerializer.Deserialize<NerFeatureOptions>(r.ReadString()) ?? new NerFeatureOptions();
            var tagger = PerceptronTagger.Read(r);
            var gazetteerPath = Path.Combine(directory, "gazetteer.tsv");
            var gazetteer = File.Exists(gazetteerPath) ? Gazetteer.Load(gazetteerPath) : Gazetteer.Empty;
            var clustersPath = Path.Combine(directory, "clusters.tsv");
            var clusters = File.Exists(clustersPath) ? WordClusters.Load(clustersPath) : WordClusters.Empty;
            return new NerModel(tagger, gazetteer, clusters, options);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or JsonException or ArgumentException)
        {
            throw new DossierException(DossierErrorCode.ComponentFailed, $"the NER model at {path} cannot be read: {ex.Message}", null, ex);
        }
    }
}

/// <summary>
/// The scores of the word-only features (<see cref="NerFeatures.ExtractWord"/> and
/// <see cref="NerFeatures.ExtractNeighbour"/>) of each distinct word, computed once and kept:
/// per word, <c>[own | as the word d places before a token, d = 1..window | as the word d places
/// after, d = 1..window]</c>, each a row of label scores. A memo, bounded in size, that changes
/// no result; thread-safe.
/// </summary>
internal sealed class WordScores
{
    private const int MaxWords = 50_000;
    private readonly NerModel _model;
    private readonly BoundedMemo<float[]> _byWord = new(MaxWords);
    private readonly float[] _boundaries;
    private readonly ulong _salt;
    private readonly int _labels;
    private readonly int _window;

    public WordScores(NerModel model)
    {
        _model = model;
        _labels = model.Tagger.Labels.Count;
        _window = model.Options.Window;
        _salt = model.Options.DomainFolded ? 0 : NerFeatureOptions.DomainSalt(model.Options.TargetDomain);

        // Boundary rows: [before d = 1..window | after d = 1..window].
        var empty = new NerSentence([], Gazetteer.Empty, WordClusters.Empty);
        _boundaries = new float[2 * _window * _labels];
        var features = new List<ulong>();
        for (var d = 1; d <= _window; d++)
        {
            features.Clear();
            NerFeatures.ExtractNeighbour(empty, -1, d, features);
            Score(features, _boundaries.AsSpan((d - 1) * _labels, _labels));
            features.Clear();
            NerFeatures.ExtractNeighbour(empty, 0, -d, features);
            Score(features, _boundaries.AsSpan((_window + d - 1) * _labels, _labels));
        }
    }

    /// <summary>The scores the sentence start gives a token d places after it.</summary>
    public ReadOnlySpan<float> BoundaryBefore(int d) => _boundaries.AsSpan((d - 1) * _labels, _labels);

    /// <summary>The scores the sentence end gives a token d places before it.</summary>
    public ReadOnlySpan<float> BoundaryAfter(int d) => _boundaries.AsSpan((_window + d - 1) * _labels, _labels);

    /// <summary>The scores of word <paramref name="i"/> of a sentence.</summary>
    public float[] Get(NerSentence sentence, int i)
    {
        var word = sentence.Words[i];
        if (_byWord.TryGet(word, out var scores))
        {
            return scores;
        }

        scores = new float[(1 + 2 * _window) * _labels];
        var features = new List<ulong>(64);
        NerFeatures.ExtractWord(sentence, i, _model.Options, features);
        Score(features, scores.AsSpan(0, _labels));
        for (var d = 1; d <= _window; d++)
        {
            features.Clear();
            NerFeatures.ExtractNeighbour(sentence, i, d, features);
            Score(features, scores.AsSpan(d * _labels, _labels));
            features.Clear();
            NerFeatures.ExtractNeighbour(sentence, i, -d, features);
            Score(features, scores.AsSpan((_window + d) * _labels, _labels));
        }

        return _byWord.Keep(word, scores);
    }

    /// <summary>Adds the target domain's copy of each feature, for a model whose copies were not folded.</summary>
    public void Salt(List<ulong> features)
    {
        if (_salt == 0)
        {
            return;
        }

        var count = features.Count;
        for (var k = 0; k < count; k++)
        {
            features.Add(features[k] ^ _salt);
        }
    }

    private void Score(List<ulong> features, Span<float> scores)
    {
        Salt(features);
        _model.Tagger.AddEmissions(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features), scores);
    }
}
