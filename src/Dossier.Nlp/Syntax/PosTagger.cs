using Dossier.Annotations;
using Dossier.Nlp.Learning;
using Dossier.Nlp.Ner;

namespace Dossier.Nlp.Syntax;

/// <summary>
/// A greedy left-to-right part-of-speech tagger (an averaged perceptron over hashed features of
/// the word, its neighbours and the two tags before it) that gives each word a universal and a
/// Penn Treebank tag at once. A second pass, when the model has one, tags again knowing the
/// first pass's tags of the words after each word. Words that were frequent and unambiguous in
/// training take their one tag without scoring. Immutable; thread-safe.
/// </summary>
public sealed class PosTagger
{
    private const string Format = "dossier-tagger 2";
    private readonly LinearModel _model;
    private readonly LinearModel? _second;
    private readonly Dictionary<string, int> _fixed;
    private readonly Dictionary<string, ulong> _ambiguity;
    private readonly int _pastTense;

    /// <summary>Creates a tagger from its tags ("UPOS XPOS"), weights of the first pass and (optionally) the second, tag dictionary and ambiguity classes (normalised word → hash of the tags it had in training).</summary>
    public PosTagger(IReadOnlyList<string> tags, LinearModel model, Dictionary<string, int> fixedTags, Dictionary<string, ulong> ambiguity, LinearModel? second = null)
    {
        _second = second;
        ArgumentNullException.ThrowIfNull(ambiguity);
        _ambiguity = ambiguity;
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(fixedTags);
        Tags = tags;
        _model = model;
        _fixed = fixedTags;
        Upos = [.. tags.Select(t => Enum.TryParse<UPos>(t[..t.IndexOf(' ', StringComparison.Ordinal)], out var u) ? u : UPos.X)];
        Xpos = [.. tags.Select(t => string.Intern(t[(t.IndexOf(' ', StringComparison.Ordinal) + 1)..]))];
        _pastTense = tags.ToList().IndexOf("VERB VBD");
    }

    /// <summary>The tags, "UPOS XPOS".</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The universal tag of each tag.</summary>
    public UPos[] Upos { get; }

    /// <summary>The Penn Treebank tag of each tag.</summary>
    public string[] Xpos { get; }

    /// <summary>The weights of the first pass.</summary>
    public LinearModel Model => _model;

    /// <summary>The weights of the second pass, if there is one.</summary>
    internal LinearModel? SecondPass => _second;

    /// <summary>The number of words tagged without scoring.</summary>
    public int FixedCount => _fixed.Count;

    /// <summary>The tag of each word.</summary>
    public int[] Tag(IReadOnlyList<string> words, WordClusters clusters)
    {
        ArgumentNullException.ThrowIfNull(words);
        return Tag(words, Prepare(words, clusters));
    }

    /// <summary>The tag of each word, from words already prepared by <see cref="Prepare"/>.</summary>
    internal int[] Tag(IReadOnlyList<string> words, WordFeatures w)
    {
        var first = Pass(_model, words, w, null);
        return FiniteVerb(_second is null ? first : Pass(_second, words, w, first));
    }

    /// <summary>Whether a Penn tag is a finite verb's (past or present tense, or a modal).</summary>
    internal static bool IsFinite(string xpos) => xpos is "VBD" or "VBZ" or "VBP" or "MD";

    /// <summary>
    /// A sentence tagged without a finite verb whose participle stands between a noun or pronoun and what can only
    /// be its object ('Militants attacked soldiers', 'Police arrested two men'; the treebanks hold many
    /// participles after a plural noun, 'the soldiers stationed there', and few with an object right after): that
    /// participle is the past tense the sentence needs. On EWT dev and GUM news every such word is a past tense.
    /// </summary>
    private int[] FiniteVerb(int[] tags)
    {
        if (_pastTense < 0 || tags.Any(t => IsFinite(Xpos[t])))
        {
            return tags;
        }

        for (var i = 1; i < tags.Length - 1; i++)
        {
            if (Xpos[tags[i]] == "VBN" && Xpos[tags[i - 1]] is "NN" or "NNS" or "NNP" or "NNPS" or "PRP"
                && Xpos[tags[i + 1]] is "DT" or "NN" or "NNS" or "NNP" or "NNPS" or "JJ" or "CD" or "PRP$" or "PRP")
            {
                tags[i] = _pastTense;
                break;
            }
        }

        return tags;
    }

    /// <summary>The first pass alone.</summary>
    internal int[] TagFirstPass(IReadOnlyList<string> words, WordClusters clusters) => Pass(_model, words, Prepare(words, clusters), null);

    private int[] Pass(LinearModel model, IReadOnlyList<string> words, WordFeatures w, int[]? right)
    {
        var tags = new int[words.Count];
        var features = new List<ulong>(48);
        Span<float> padded = stackalloc float[model.ScoreLength];
        var scores = padded[..model.ClassCount];
        for (var i = 0; i < words.Count; i++)
        {
            if (_fixed.TryGetValue(words[i], out var fixedTag))
            {
                tags[i] = fixedTag;
                continue;
            }

            features.Clear();
            Features(w, i, i > 0 ? tags[i - 1] : -1, i > 1 ? tags[i - 2] : -1, right, features);
            padded.Clear();
            model.AddScores(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features), padded);
            tags[i] = ArgMax(scores);
        }

        return tags;
    }

    /// <summary>What the features need of a sentence's words.</summary>
    internal WordFeatures Prepare(IReadOnlyList<string> words, WordClusters clusters) => new(words, clusters, _ambiguity);

    /// <summary>Writes the tagger; <see cref="Read"/> reads it back.</summary>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ModelFormat.WriteHeader(writer, Format);
        ModelFormat.WriteStrings(writer, [.. Tags]);

        writer.Write(_fixed.Count);
        foreach (var (word, tag) in _fixed.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            writer.Write(word);
            writer.Write(tag);
        }

        writer.Write(_ambiguity.Count);
        foreach (var (word, hash) in _ambiguity.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            writer.Write(word);
            writer.Write(hash);
        }

        _model.Write(writer);
        writer.Write(_second is not null);
        _second?.Write(writer);
    }

    /// <summary>Reads a tagger written by <see cref="Write"/>.</summary>
    public static PosTagger Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ModelFormat.ReadHeader(reader, Format);
        var tags = ModelFormat.ReadStrings(reader);

        var count = reader.ReadInt32();
        var fixedTags = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            fixedTags[reader.ReadString()] = reader.ReadInt32();
        }

        count = reader.ReadInt32();
        var ambiguity = new Dictionary<string, ulong>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            ambiguity[reader.ReadString()] = reader.ReadUInt64();
        }

        var model = LinearModel.Read(reader);
        return new PosTagger(tags, model, fixedTags, ambiguity, reader.ReadBoolean() ? LinearModel.Read(reader) : null);
    }

    /// <summary>The features of word <paramref name="i"/> given the tags of the two words before it (-1 at the sentence start) and, in the second pass, the first pass's tags (<paramref name="right"/>).</summary>
    internal static void Features(WordFeatures w, int i, int previous, int beforePrevious, int[]? right, List<ulong> output)
    {
        var t1 = (ulong)(previous + 2);
        var t2 = (ulong)(beforePrevious + 2);
        var norm = w.Norm[i];
        output.Add(FeatureHash.Feature(0, 0));
        output.Add(FeatureHash.Feature(1, w.Form[i]));
        output.Add(FeatureHash.Feature(2, norm));
        for (var k = 1; k <= 4; k++)
        {
            output.Add(FeatureHash.Feature(2 + k, w.Suffix[i, k - 1]));
        }

        output.Add(FeatureHash.Feature(7, w.Prefix[i]));
        output.Add(FeatureHash.Feature(8, w.Shape[i]));
        output.Add(FeatureHash.Feature(9, w.ClusterShort[i]));
        output.Add(FeatureHash.Feature(10, w.Cluster[i]));
        output.Add(FeatureHash.Feature(11, t1));
        output.Add(FeatureHash.Feature(12, t1, t2));
        output.Add(FeatureHash.Feature(13, t1, norm));
        output.Add(FeatureHash.Feature(14, w.NormAt(i - 1)));
        output.Add(FeatureHash.Feature(15, w.SuffixAt(i - 1, 3)));
        output.Add(FeatureHash.Feature(16, w.NormAt(i - 2)));
        output.Add(FeatureHash.Feature(17, w.NormAt(i + 1)));
        output.Add(FeatureHash.Feature(18, w.SuffixAt(i + 1, 3)));
        output.Add(FeatureHash.Feature(19, w.NormAt(i + 2)));
        output.Add(FeatureHash.Feature(20, w.ClusterAt(i - 1)));
        output.Add(FeatureHash.Feature(21, w.ClusterAt(i + 1)));
        output.Add(FeatureHash.Feature(22, w.ShapeAt(i + 1)));
        output.Add(FeatureHash.Feature(23, w.ShapeAt(i - 1)));
        output.Add(FeatureHash.Feature(24, w.NormAt(i - 1), norm));
        output.Add(FeatureHash.Feature(25, norm, w.NormAt(i + 1)));
        output.Add(FeatureHash.Feature(26, t1, w.Suffix[i, 2]));
        output.Add(FeatureHash.Feature(27, (ulong)(i == 0 ? 1 : 0), w.Shape[i]));
        output.Add(FeatureHash.Feature(28, t1, w.NormAt(i + 1)));
        output.Add(FeatureHash.Feature(29, w.SuffixAt(i + 1, 2), w.Suffix[i, 2]));
        output.Add(FeatureHash.Feature(30, w.Ambiguity[i]));
        output.Add(FeatureHash.Feature(31, w.AmbiguityAt(i + 1)));
        output.Add(FeatureHash.Feature(32, w.AmbiguityAt(i + 2)));
        output.Add(FeatureHash.Feature(33, w.Ambiguity[i], w.AmbiguityAt(i + 1)));
        output.Add(FeatureHash.Feature(34, t1, w.Ambiguity[i]));
        output.Add(FeatureHash.Feature(35, w.Ambiguity[i], w.Suffix[i, 2]));
        if (right is null)
        {
            return;
        }

        var r0 = (ulong)(right[i] + 2);
        var r1 = i + 1 < right.Length ? (ulong)(right[i + 1] + 2) : 0;
        var r2 = i + 2 < right.Length ? (ulong)(right[i + 2] + 2) : 0;
        output.Add(FeatureHash.Feature(40, r1));
        output.Add(FeatureHash.Feature(41, r1, r2));
        output.Add(FeatureHash.Feature(42, t1, r1));
        output.Add(FeatureHash.Feature(43, r1, norm));
        output.Add(FeatureHash.Feature(44, r1, w.Suffix[i, 2]));
        output.Add(FeatureHash.Feature(45, r0));
        output.Add(FeatureHash.Feature(46, r0, w.Ambiguity[i]));
    }

    internal static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var k = 1; k < scores.Length; k++)
        {
            if (scores[k] > scores[best])
            {
                best = k;
            }
        }

        return best;
    }
}
