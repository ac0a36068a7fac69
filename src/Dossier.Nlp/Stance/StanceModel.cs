using System.Text;
using Dossier.Nlp.Learning;
using Dossier.Text;

namespace Dossier.Nlp.Stance;

/// <summary>How a text stands towards a claim, with the model's probability of each stance.</summary>
/// <param name="Label">agree, disagree, discuss or unrelated.</param>
/// <param name="Probabilities">The probability of each label, in <see cref="StanceModel.Labels"/> order.</param>
public sealed record StancePrediction(string Label, IReadOnlyList<float> Probabilities)
{
    /// <summary>The probability of the predicted label.</summary>
    public float Confidence => Probabilities[Array.IndexOf(StanceModel.Labels, Label)];

    /// <summary>The probability that the text is about the claim at all (agree, disagree or discuss).</summary>
    public float Related => 1 - Probabilities[StanceModel.Unrelated];
}

/// <summary>
/// The stance of a text towards a claim (a headline) in the four classes of the Fake News
/// Challenge: agree, disagree, discuss (reports it without taking a side), unrelated. The model of
/// Riedel et al. (2017), extended: term frequencies of claim and text over a vocabulary learned in
/// training, the TF-IDF cosine of the two, and overlap and wording features
/// (<see cref="FeatureNames"/>; the refuting, hedging and supporting words of <c>stance-words.tsv</c>
/// counted in the whole text, its lead, near the claim's words and in the sentences that share the
/// most words with the claim, after Hanselowski et al. 2018), into a one-hidden-layer perceptron
/// (or several, their probabilities averaged). Trained by <c>Dossier.Training.Stance.StanceTrainer</c>; immutable and thread-safe.
/// </summary>
public sealed class StanceModel
{
    /// <summary>The labels, in the network's output order.</summary>
    public static readonly string[] Labels = ["agree", "disagree", "discuss", "unrelated"];

    /// <summary>The index of <c>unrelated</c> in <see cref="Labels"/>.</summary>
    public const int Unrelated = 3;

    /// <summary>The dense features after the two term-frequency vectors, in input order.</summary>
    public static readonly string[] FeatureNames =
    [
        "tfidf_cosine", "word_jaccard", "claim_words_in_text", "claim_words_in_lead", "claim_bigrams_in_text",
        "claim_refutes", "text_refutes", "lead_refutes", "text_hedges", "lead_hedges", "claim_hedges", "refutes_near_claim_words",
        "claim_question", "text_supports", "hedges_near_claim_words", "claim_words_in_best_sentence",
        "best_sentences_refute", "best_sentences_hedge", "best_sentences_support", "polarity_differs",
    ];

    private const string Format = "dossier-stance-2";

    /// <summary>Words of the text's opening counted apart (the lead).</summary>
    private const int Lead = 60;

    /// <summary>How near (in words) a refuting word must be to a claim word to count as refuting it.</summary>
    private const int Near = 6;

    /// <summary>The text's sentences that share the most words with the claim, read apart (where a body takes its stance).</summary>
    private const int BestSentences = 2;

    private static readonly (HashSet<string> Refute, HashSet<string> Hedge, HashSet<string> Support) Words = LoadWords();

    private readonly Dictionary<string, int> _vocabulary;
    private readonly float[] _idf;
    private readonly bool _extra;

    internal StanceModel(IReadOnlyList<string> vocabulary, float[] idf, bool extraFeatures, IReadOnlyList<StanceNetwork> networks)
    {
        _vocabulary = vocabulary.Select((w, k) => (w, k)).ToDictionary(p => p.w, p => p.k, StringComparer.Ordinal);
        _idf = idf;
        _extra = extraFeatures;
        Networks = networks;
        if (networks.Count == 0 || idf.Length != vocabulary.Count)
        {
            throw new InvalidDataException($"a stance model needs a network and a weight per word of its vocabulary ({vocabulary.Count})");
        }

        foreach (var network in networks)
        {
            if (network.Inputs != InputCount(vocabulary.Count, extraFeatures) || network.Classes != Labels.Length || network.Hidden != networks[0].Hidden)
            {
                throw new InvalidDataException($"a stance network of {network.Inputs} inputs does not fit a vocabulary of {vocabulary.Count}");
            }
        }
    }

    /// <summary>The vocabulary's size.</summary>
    public int VocabularySize => _idf.Length;

    /// <summary>The number of weights.</summary>
    public int WeightCount => Networks.Sum(n => n.W1.Length + n.B1.Length + n.W2.Length + n.B2.Length);

    /// <summary>The networks, trained from different seeds, whose probabilities are averaged.</summary>
    internal IReadOnlyList<StanceNetwork> Networks { get; }

    /// <summary>The number of network inputs for a vocabulary of <paramref name="vocabulary"/> words.</summary>
    internal static int InputCount(int vocabulary, bool extraFeatures) => (2 * vocabulary) + (extraFeatures ? FeatureNames.Length : 1);

    /// <summary>Reads a text once, for use against many claims (or a claim against many texts).</summary>
    public StanceText Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<int>();
        var words = StanceText.Tokenize(text, sentences);
        var counts = new Dictionary<int, float>();
        foreach (var w in words)
        {
            if (_vocabulary.TryGetValue(w, out var k))
            {
                counts[k] = counts.GetValueOrDefault(k) + 1;
            }
        }

        return new StanceText(words, sentences, text.Contains('?', StringComparison.Ordinal), SparseVector.Normalised(counts), SparseVector.Normalised(counts, k => _idf[k]));
    }

    /// <summary>The stance of <paramref name="text"/> towards <paramref name="claim"/>.</summary>
    public StancePrediction Predict(string claim, string text) => Predict(Read(claim), Read(text));

    /// <summary>The stance of a text towards a claim, both read by <see cref="Read"/>.</summary>
    public StancePrediction Predict(StanceText claim, StanceText text)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(text);
        var probabilities = new float[Labels.Length];
        Probabilities(Networks, Features(claim, text), probabilities);
        return new StancePrediction(Labels[StanceNetwork.ArgMax(probabilities)], probabilities);
    }

    /// <summary>The probability of each label: the mean of the networks'.</summary>
    internal static void Probabilities(IReadOnlyList<StanceNetwork> networks, SparseVector features, Span<float> probabilities)
    {
        Span<float> hidden = stackalloc float[networks[0].Hidden];
        Span<float> one = stackalloc float[Labels.Length];
        probabilities.Clear();
        foreach (var network in networks)
        {
            network.Forward(features, hidden, one);
            StanceNetwork.AddScaled(probabilities, one, 1f / networks.Count);
        }
    }

    /// <summary>The network's input: claim TF, text TF, then the dense features.</summary>
    internal SparseVector Features(StanceText claim, StanceText text)
    {
        var v = VocabularySize;
        var dense = _extra ? Dense(claim, text) : [claim.TfIdf.Dot(text.TfIdf)];
        var indices = new int[claim.Tf.Indices.Length + text.Tf.Indices.Length + dense.Length];
        var values = new float[indices.Length];
        var n = 0;
        for (var k = 0; k < claim.Tf.Indices.Length; k++, n++)
        {
            (indices[n], values[n]) = (claim.Tf.Indices[k], claim.Tf.Values[k]);
        }

        for (var k = 0; k < text.Tf.Indices.Length; k++, n++)
        {
            (indices[n], values[n]) = (v + text.Tf.Indices[k], text.Tf.Values[k]);
        }

        for (var k = 0; k < dense.Length; k++, n++)
        {
            (indices[n], values[n]) = ((2 * v) + k, dense[k]);
        }

        return new SparseVector(indices, values);
    }

    /// <summary>The dense features named in <see cref="FeatureNames"/>, each scaled to about [0, 1].</summary>
    private static float[] Dense(StanceText claim, StanceText text)
    {
        var claimWords = claim.Words.ToHashSet(StringComparer.Ordinal);
        var textWords = text.Words.ToHashSet(StringComparer.Ordinal);
        var lead = text.Words.Take(Lead).ToHashSet(StringComparer.Ordinal);
        var union = claimWords.Count + textWords.Count(w => !claimWords.Contains(w));
        var claimBigrams = Bigrams(claim.Words);
        var textBigrams = Bigrams(text.Words);

        // The sentences that share the most claim words (ties: the earlier), and the wording in them: where a
        // body takes its stance (Hanselowski et al. 2018 read refuting and polarity words near the claim's words).
        var best = Enumerable.Range(0, text.Sentences.Count)
            .Select(s => (Start: text.Sentences[s], End: s + 1 < text.Sentences.Count ? text.Sentences[s + 1] : text.Words.Count))
            .Select(r => (r.Start, r.End, Shared: Enumerable.Range(r.Start, r.End - r.Start).Select(k => text.Words[k]).Where(claimWords.Contains).Distinct(StringComparer.Ordinal).Count()))
            .Where(r => r.Shared > 0)
            .OrderByDescending(r => r.Shared).ThenBy(r => r.Start)
            .Take(BestSentences).ToList();
        var bestWords = best.SelectMany(r => Enumerable.Range(r.Start, r.End - r.Start).Select(k => text.Words[k])).ToList();
        var claimPolarity = claim.Words.Count(Words.Refute.Contains) % 2;
        var bestPolarity = best.Count == 0 ? claimPolarity
            : Enumerable.Range(best[0].Start, best[0].End - best[0].Start).Count(k => Words.Refute.Contains(text.Words[k])) % 2;

        return
        [
            claim.TfIdf.Dot(text.TfIdf),
            union == 0 ? 0 : (float)claimWords.Count(textWords.Contains) / union,
            Share(claimWords, textWords.Contains),
            Share(claimWords, lead.Contains),
            Share(claimBigrams, textBigrams.Contains),
            claim.Words.Any(Words.Refute.Contains) ? 1 : 0,
            Log(text.Words.Count(Words.Refute.Contains), 4),
            Log(text.Words.Take(Lead).Count(Words.Refute.Contains), 2),
            Log(text.Words.Count(Words.Hedge.Contains), 4),
            Log(text.Words.Take(Lead).Count(Words.Hedge.Contains), 2),
            claim.Words.Any(Words.Hedge.Contains) ? 1 : 0,
            Log(NearClaimWords(Words.Refute), 3),
            claim.Question ? 1 : 0,
            Log(text.Words.Count(Words.Support.Contains), 4),
            Log(NearClaimWords(Words.Hedge), 3),
            best.Count == 0 || claimWords.Count == 0 ? 0 : (float)best[0].Shared / claimWords.Count,
            Log(bestWords.Count(Words.Refute.Contains), 2),
            Log(bestWords.Count(Words.Hedge.Contains), 2),
            Log(bestWords.Count(Words.Support.Contains), 2),
            claimPolarity != bestPolarity ? 1 : 0,
        ];

        // Words of a kind within a few words of a word of the claim.
        int NearClaimWords(HashSet<string> kind)
        {
            var near = 0;
            for (var k = 0; k < text.Words.Count; k++)
            {
                if (!kind.Contains(text.Words[k]))
                {
                    continue;
                }

                for (var j = Math.Max(0, k - Near); j <= Math.Min(text.Words.Count - 1, k + Near); j++)
                {
                    if (j != k && claimWords.Contains(text.Words[j]))
                    {
                        near++;
                        break;
                    }
                }
            }

            return near;
        }

        static float Share(HashSet<string> of, Func<string, bool> found) => of.Count == 0 ? 0 : (float)of.Count(found) / of.Count;
        static float Log(int count, float scale) => MathF.Min(1, MathF.Log(1 + count) / scale);
        static HashSet<string> Bigrams(IReadOnlyList<string> words) =>
            Enumerable.Range(0, Math.Max(0, words.Count - 1)).Select(k => words[k] + " " + words[k + 1]).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Writes <c>stance.bin</c> into <paramref name="directory"/>.</summary>
    public void Save(string directory, IReadOnlyList<string> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        Directory.CreateDirectory(directory);
        using var writer = new BinaryWriter(File.Create(Path.Combine(directory, "stance.bin")), Encoding.UTF8);
        ModelFormat.WriteHeader(writer, Format);
        writer.Write(_extra);
        ModelFormat.WriteStrings(writer, vocabulary);
        foreach (var x in _idf)
        {
            writer.Write(x);
        }

        writer.Write(Networks.Count);
        foreach (var network in Networks)
        {
            network.Write(writer);
        }
    }

    /// <summary>Reads the model in <paramref name="directory"/> (<c>stance.bin</c>).</summary>
    public static StanceModel Load(string directory)
    {
        var path = Path.Combine(directory, "stance.bin");
        if (!File.Exists(path))
        {
            throw new DossierException(DossierErrorCode.NotFound, $"no stance model in {directory} (train one with 'dossier train stance --config configs/stance.json')");
        }

        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            ModelFormat.ReadHeader(reader, Format);
            var extra = reader.ReadBoolean();
            var vocabulary = ModelFormat.ReadStrings(reader);
            var idf = new float[vocabulary.Length];
            for (var k = 0; k < idf.Length; k++)
            {
                idf[k] = reader.ReadSingle();
            }

            var count = reader.ReadInt32();
            if (count is < 1 or > 64)
            {
                throw new InvalidDataException($"{count} stance networks is not a number this version writes");
            }

            return new StanceModel(vocabulary, idf, extra, [.. Enumerable.Range(0, count).Select(_ => StanceNetwork.Read(reader))]);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    private static (HashSet<string>, HashSet<string>, HashSet<string>) LoadWords()
    {
        var kinds = DataFile.ReadEmbedded(typeof(StanceModel).Assembly, "Dossier.Nlp.Stance.stance-words.tsv")
            .ToDictionary(r => r[0], r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        return (kinds["refute"], kinds["hedge"], kinds["support"]);
    }
}
