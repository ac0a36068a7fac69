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
/// (<see cref="FeatureNames"/>; the refuting and hedging words of <c>stance-words.tsv</c>), into a
/// one-hidden-layer perceptron. Trained by <c>Dossier.Training.Stance.StanceTrainer</c>; immutable and thread-safe.
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
    ];

    private const string Format = "dossier-stance-1";

    /// <summary>Words of the text's opening counted apart (the lead).</summary>
    private const int Lead = 60;

    /// <summary>How near (in words) a refuting word must be to a claim word to count as refuting it.</summary>
    private const int Near = 6;

    private static readonly (HashSet<string> Refute, HashSet<string> Hedge) Words = LoadWords();

    private readonly Dictionary<string, int> _vocabulary;
    private readonly float[] _idf;
    private readonly bool _extra;

    internal StanceModel(IReadOnlyList<string> vocabulary, float[] idf, bool extraFeatures, StanceNetwork network)
    {
        _vocabulary = vocabulary.Select((w, k) => (w, k)).ToDictionary(p => p.w, p => p.k, StringComparer.Ordinal);
        _idf = idf;
        _extra = extraFeatures;
        Network = network;
        if (network.Inputs != InputCount(vocabulary.Count, extraFeatures) || idf.Length != vocabulary.Count)
        {
            throw new InvalidDataException($"a stance network of {network.Inputs} inputs does not fit a vocabulary of {vocabulary.Count}");
        }
    }

    /// <summary>The vocabulary's size.</summary>
    public int VocabularySize => _idf.Length;

    /// <summary>The number of weights.</summary>
    public int WeightCount => Network.W1.Length + Network.B1.Length + Network.W2.Length + Network.B2.Length;

    internal StanceNetwork Network { get; }

    /// <summary>The number of network inputs for a vocabulary of <paramref name="vocabulary"/> words.</summary>
    internal static int InputCount(int vocabulary, bool extraFeatures) => (2 * vocabulary) + (extraFeatures ? FeatureNames.Length : 1);

    /// <summary>Reads a text once, for use against many claims (or a claim against many texts).</summary>
    public StanceText Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = StanceText.Tokenize(text);
        var counts = new Dictionary<int, float>();
        foreach (var w in words)
        {
            if (_vocabulary.TryGetValue(w, out var k))
            {
                counts[k] = counts.GetValueOrDefault(k) + 1;
            }
        }

        return new StanceText(words, SparseVector.Normalised(counts), SparseVector.Normalised(counts, k => _idf[k]));
    }

    /// <summary>The stance of <paramref name="text"/> towards <paramref name="claim"/>.</summary>
    public StancePrediction Predict(string claim, string text) => Predict(Read(claim), Read(text));

    /// <summary>The stance of a text towards a claim, both read by <see cref="Read"/>.</summary>
    public StancePrediction Predict(StanceText claim, StanceText text)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(text);
        Span<float> hidden = stackalloc float[Network.Hidden];
        var probabilities = new float[Network.Classes];
        Network.Forward(Features(claim, text), hidden, probabilities);
        return new StancePrediction(Labels[StanceNetwork.ArgMax(probabilities)], probabilities);
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

        // A refuting word within a few words of a word of the claim.
        var near = 0;
        for (var k = 0; k < text.Words.Count; k++)
        {
            if (!Words.Refute.Contains(text.Words[k]))
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
            Log(near, 3),
        ];

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

        Network.Write(writer);
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

            return new StanceModel(vocabulary, idf, extra, StanceNetwork.Read(reader));
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    private static (HashSet<string>, HashSet<string>) LoadWords()
    {
        var kinds = DataFile.ReadEmbedded(typeof(StanceModel).Assembly, "Dossier.Nlp.Stance.stance-words.tsv")
            .ToDictionary(r => r[0], r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        return (kinds["refute"], kinds["hedge"]);
    }
}
