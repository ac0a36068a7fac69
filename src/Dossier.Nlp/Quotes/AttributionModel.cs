using System.Text;
using Dossier.Nlp.Ner;

namespace Dossier.Nlp.Quotes;

/// <summary>
/// A trained attribution tagger: an averaged structured perceptron (the one NER uses) that
/// labels the tokens of a paragraph as the content (CON), source (SRC) or cue (CUE) of an
/// attribution, in BILOU spans. Its features are the words around a token, the quotation marks,
/// the cue lexicon, the named mentions and what the rules of <see cref="QuoteComponent"/> found
/// there, so it learns where the rules are right and what they miss. Trained by
/// <c>Dossier.Training.Quotes.AttributionTrainer</c> on an attribution corpus (PolNeAR); immutable, thread-safe.
/// </summary>
public sealed class AttributionModel
{
    private const string Magic = "DOSSIER-ATTRIBUTION/1";

    /// <summary>Creates a model around a tagger whose types are <see cref="Types"/>.</summary>
    public AttributionModel(PerceptronTagger tagger)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        if (!tagger.Labels.Types.SequenceEqual(Types))
        {
            throw new ArgumentException($"An attribution tagger labels {string.Join(", ", Types)}.", nameof(tagger));
        }

        Tagger = tagger;
    }

    /// <summary>The span types: content, source, cue.</summary>
    public static IReadOnlyList<string> Types { get; } = ["CON", "SRC", "CUE"];

    /// <summary>The tagger.</summary>
    public PerceptronTagger Tagger { get; }

    /// <summary>Saves the model as <c>model.bin</c> in <paramref name="directory"/>.</summary>
    public void Save(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        using var stream = File.Create(Path.Combine(directory, "model.bin"));
        using var w = new BinaryWriter(stream, Encoding.UTF8);
        w.Write(Magic);
        Tagger.Write(w);
    }

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    /// <exception cref="DossierException">With <see cref="DossierErrorCode.NotFound"/> or <see cref="DossierErrorCode.ComponentFailed"/> when the model is missing or unreadable.</exception>
    public static AttributionModel Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var path = Path.Combine(directory, "model.bin");
        if (!File.Exists(path))
        {
            throw new DossierException(DossierErrorCode.NotFound, $"no attribution model at {path}; train one with 'dossier train quotes --config configs/quotes.json'");
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var r = new BinaryReader(stream, Encoding.UTF8);
            if (r.ReadString() != Magic)
            {
                throw new DossierException(DossierErrorCode.ComponentFailed, $"{path} is not a Dossier attribution model of this version");
            }

            return new AttributionModel(PerceptronTagger.Read(r));
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException)
        {
            throw new DossierException(DossierErrorCode.ComponentFailed, $"the attribution model at {path} cannot be read: {ex.Message}", null, ex);
        }
    }

    /// <summary>The spans of paragraph tokens <c>[first, end)</c>, in document token indices.</summary>
    internal List<TokenSpan> Tag(QuoteDocument v, int first, int end, string?[] rules, CueLexicon lexicon)
    {
        var features = AttributionFeatures.Extract(v, first, end, rules, lexicon);
        var l = Tagger.Labels.Count;
        var emissions = new float[features.Count * l];
        for (var t = 0; t < features.Count; t++)
        {
            Tagger.AddEmissions(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features[t]), emissions.AsSpan(t * l, l));
        }

        var labels = PerceptronTagger.Viterbi(emissions, features.Count, Tagger.Labels, Tagger.Transitions);
        return [.. Tagger.Labels.Decode(labels).Select(s => s with { Start = s.Start + first, End = s.End + first })];
    }
}

/// <summary>
/// The tagger's spans of a document (content, source, cue), looked up by token: what is at a
/// token, the spans of a type starting in a range, the nearest one outside a range. Each lookup
/// walks tokens, not the list of spans, so its cost does not grow with the document.
/// </summary>
internal sealed class TaggedSpans
{
    private static readonly string[] Kinds = ["CON", "SRC", "CUE"];
    private readonly List<TokenSpan> _spans;
    private readonly int[] _at;
    private readonly int[][] _endingBy;
    private readonly int[][] _startingFrom;

    public TaggedSpans(QuoteDocument v, List<TokenSpan> spans)
    {
        _spans = spans;
        var n = v.Words.Length;
        _at = new int[n];
        Array.Fill(_at, -1);
        for (var i = 0; i < spans.Count; i++)
        {
            for (var k = spans[i].Start; k < spans[i].End; k++)
            {
                _at[k] = i;
            }
        }

        // Per type: the last span ending at or before each token boundary, the first starting at or after it.
        _endingBy = new int[Kinds.Length][];
        _startingFrom = new int[Kinds.Length][];
        for (var t = 0; t < Kinds.Length; t++)
        {
            var ending = _endingBy[t] = new int[n + 1];
            var starting = _startingFrom[t] = new int[n + 1];
            ending[0] = -1;
            for (var k = 1; k <= n; k++)
            {
                ending[k] = _at[k - 1] is var i && i >= 0 && spans[i].End == k && spans[i].Type == Kinds[t] ? i : ending[k - 1];
            }

            starting[n] = -1;
            for (var k = n - 1; k >= 0; k--)
            {
                starting[k] = _at[k] is var i && i >= 0 && spans[i].Start == k && spans[i].Type == Kinds[t] ? i : starting[k + 1];
            }
        }
    }

    /// <summary>The span at token <paramref name="k"/>, if any.</summary>
    public TokenSpan? At(int k) => k >= 0 && k < _at.Length && _at[k] >= 0 ? _spans[_at[k]] : null;

    /// <summary>The spans of <paramref name="type"/> that start in <c>[start, end)</c>, in order.</summary>
    public IEnumerable<TokenSpan> Within(string type, int start, int end)
    {
        var starting = _startingFrom[Array.IndexOf(Kinds, type)];
        for (var i = start < starting.Length ? starting[Math.Max(0, start)] : -1; i >= 0 && _spans[i].Start < end; i = starting[_spans[i].End])
        {
            yield return _spans[i];
        }
    }

    /// <summary>The first span of <paramref name="type"/> that starts in <c>[start, end)</c>.</summary>
    public TokenSpan? First(string type, int start, int end) =>
        start < end && _startingFrom[Array.IndexOf(Kinds, type)][Math.Max(0, start)] is var i && i >= 0 && _spans[i].Start < end ? _spans[i] : null;

    /// <summary>The span of <paramref name="type"/> that ends nearest before token <paramref name="to"/>, if it ends after token <paramref name="from"/>.</summary>
    public TokenSpan? Last(string type, int from, int to) =>
        _endingBy[Array.IndexOf(Kinds, type)][Math.Min(to, _at.Length)] is var i && i >= 0 && _spans[i].End > from ? _spans[i] : null;

    /// <summary>The span of <paramref name="type"/> nearest to tokens <c>[start, end)</c>, wholly outside them and inside <c>[low, high)</c>; the one before wins a tie.</summary>
    public TokenSpan? Nearest(string type, int start, int end, int low, int high)
    {
        var t = Array.IndexOf(Kinds, type);
        TokenSpan? left = _endingBy[t][start] is var l && l >= 0 && _spans[l].Start >= low ? _spans[l] : null;
        TokenSpan? right = end <= _at.Length && _startingFrom[t][end] is var r && r >= 0 && _spans[r].End <= high ? _spans[r] : null;
        return (left, right) switch
        {
            ({ } a, { } b) => start - a.End <= b.Start - end ? a : b,
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => null,
        };
    }
}

/// <summary>
/// The features of the attribution tagger, hashed as the NER features are (templates from 300
/// on): words in a ±2 window, shapes and suffixes, quotation marks, cue-lexicon matches at and
/// around the token, mentions, sentence position, and the role the rules gave the token and its
/// neighbours (<c>B-CON:direct</c>, …).
/// </summary>
internal static class AttributionFeatures
{
    /// <summary>Per token of <c>[first, end)</c>, its feature hashes.</summary>
    public static List<List<ulong>> Extract(QuoteDocument v, int first, int end, string?[] rules, CueLexicon lexicon)
    {
        var n = end - first;
        var cueAt = new string?[n];
        var lemmaAt = new string?[n];
        for (var i = first; i < end; i++)
        {
            if (lexicon.Match(v.Lower, i) is { } m)
            {
                for (var k = m.Start; k < Math.Min(m.End, end); k++)
                {
                    cueAt[k - first] ??= (k == m.Start ? "B-" : "I-") + m.Cue.Class;
                }

                lemmaAt[i - first] = m.Cue.Lemma;
            }
        }

        // The rules' role of each token, without its kind (B-CON, L-SRC, …), and with it (B-CON:direct).
        var tags = new string[n];
        for (var i = first; i < end; i++)
        {
            tags[i - first] = rules[i] is { } role ? role.Split(':')[0] : "O";
        }

        var result = new List<List<ulong>>(n);
        for (var i = first; i < end; i++)
        {
            var f = new List<ulong>(48);
            var w = v.Lower[i];
            var t = i - first;
            f.Add(NerFeatures.Hash(300, string.Empty));
            f.Add(NerFeatures.Hash(301, w));
            f.Add(NerFeatures.Hash(302, Word(v, i - 1, first, end)));
            f.Add(NerFeatures.Hash(303, Word(v, i - 2, first, end)));
            f.Add(NerFeatures.Hash(304, Word(v, i + 1, first, end)));
            f.Add(NerFeatures.Hash(305, Word(v, i + 2, first, end)));
            f.Add(NerFeatures.Hash(306, Word(v, i - 1, first, end), w));
            f.Add(NerFeatures.Hash(307, w, Word(v, i + 1, first, end)));
            f.Add(NerFeatures.Hash(308, w.Length > 3 ? w[^3..] : w));
            f.Add(NerFeatures.Hash(309, Shape(v.Words[i])));

            var quote = $"{Q(v, i - 1, first, end)}{Q(v, i, first, end)}{Q(v, i + 1, first, end)}";
            f.Add(NerFeatures.Hash(310, quote));
            if (v.IsQuoteMark(i))
            {
                f.Add(NerFeatures.Hash(311, v.QuoteStartingAt(i) is not null ? "open" : v.QuoteEndingAt(i) is not null ? "close" : "mark"));
            }

            if (cueAt[t] is { } cue)
            {
                f.Add(NerFeatures.Hash(312, cue));
                f.Add(NerFeatures.Hash(314, cue, Word(v, i + 1, first, end)));
                f.Add(NerFeatures.Hash(330, cue, quote));
            }

            if (lemmaAt[t] is { } lemma)
            {
                f.Add(NerFeatures.Hash(313, lemma));
            }

            // The nearest cue on either side within the sentence, with its distance.
            var (a, b) = v.Sentences[v.SentenceOfToken(i)];
            a = Math.Max(a, first);
            b = Math.Min(b, end);
            var that = false;
            var leftCue = "-";
            var rightCue = "-";
            for (var k = i - 1; k >= a; k--)
            {
                that |= v.Lower[k] == "that";
                if (cueAt[k - first] is { } left && left[0] == 'B')
                {
                    leftCue = left + Bucket(i - k);
                    f.Add(NerFeatures.Hash(315, left, Bucket(i - k)));
                    f.Add(NerFeatures.Hash(326, left, that ? "that" : "-", Q(v, i, first, end).ToString()));
                    break;
                }
            }

            for (var k = i + 1; k < b; k++)
            {
                if (cueAt[k - first] is { } right && right[0] == 'B')
                {
                    rightCue = right + Bucket(k - i);
                    f.Add(NerFeatures.Hash(316, right, Bucket(k - i)));
                    break;
                }
            }

            var ruleTag = tags[t];
            f.Add(NerFeatures.Hash(317, rules[i] ?? "O"));
            f.Add(NerFeatures.Hash(318, t > 0 ? tags[t - 1] : "-", ruleTag, t + 1 < n ? tags[t + 1] : "-"));
            f.Add(NerFeatures.Hash(320, ruleTag, w));

            var entity = "-";
            if (v.MentionAt(i) is var m2 && m2 >= 0)
            {
                var mention = v.Mentions[m2];
                entity = (i == mention.Start ? "B-" : "I-") + mention.Label;
                f.Add(NerFeatures.Hash(321, entity));
            }

            if (lexicon.Is("person-pronoun", w) || lexicon.Is("group-pronoun", w))
            {
                f.Add(NerFeatures.Hash(322, "pronoun"));
            }

            if (lexicon.Is("person-role", w) || lexicon.Is("group-role", w))
            {
                f.Add(NerFeatures.Hash(323, "role"));
            }

            if (Events.VerbLexicon.Default.RootOf(w) is { } root)
            {
                f.Add(NerFeatures.Hash(334, root));
                f.Add(NerFeatures.Hash(335, root, Word(v, i + 1, first, end)));
            }

            f.Add(NerFeatures.Hash(324, i == a ? "first" : i == b - 1 ? "last" : "-", i == first ? "paragraph" : "-"));
            f.Add(NerFeatures.Hash(329, Bucket(i - a), Q(v, i, first, end).ToString()));
            result.Add(f);
        }

        return result;
    }

    private static string Word(QuoteDocument v, int i, int first, int end) => i < first ? "<p>" : i >= end ? "</p>" : v.Lower[i];

    private static char Q(QuoteDocument v, int i, int first, int end) => i < first || i >= end ? '-' : v.InQuote(i) ? 'q' : v.IsQuoteMark(i) ? 'm' : 'o';

    private static string Bucket(int d) => d switch
    {
        <= 3 => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        <= 6 => "4-6",
        <= 10 => "7-10",
        <= 20 => "11-20",
        _ => "far",
    };

    private static string Shape(string word)
    {
        var sb = new StringBuilder(4);
        foreach (var c in word)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (sb.Length == 0 || sb[^1] != s)
            {
                sb.Append(s);
            }

            if (sb.Length == 4)
            {
                break;
            }
        }

        return sb.ToString();
    }
}
