using System.Numerics;
using System.Runtime.CompilerServices;

namespace Dossier.Nlp.Ner;

/// <summary>Which feature groups the tagger uses (set in the training config, saved with the model).</summary>
public sealed record NerFeatureOptions
{
    /// <summary>Prefixes and suffixes up to this length.</summary>
    public int AffixLength { get; init; } = 4;

    /// <summary>Words and shapes this many tokens either side.</summary>
    public int Window { get; init; } = 2;

    /// <summary>Gazetteer membership features.</summary>
    public bool Gazetteer { get; init; } = true;

    /// <summary>Document-level features: how the same word is written elsewhere in the document.</summary>
    public bool DocumentContext { get; init; } = true;

    /// <summary>Word-cluster path prefixes of the word and its neighbours.</summary>
    public bool Clusters { get; init; } = true;

    /// <summary>How the same word was labelled earlier in the document (<see cref="PredictionHistory"/>).</summary>
    public bool History { get; init; }

    /// <summary>
    /// The domain the model is for, when it is trained on corpora of several domains: each feature
    /// then also has a copy specific to its corpus's domain (Daumé III 2007), and tagging uses the
    /// general features plus this domain's copies. Null for no domain features.
    /// </summary>
    public string? TargetDomain { get; init; }

    /// <summary>
    /// True when the target domain's feature copies were folded into the general features when
    /// the model was saved (scores are the same; tagging then looks up half the features).
    /// </summary>
    public bool DomainFolded { get; init; }

    /// <summary>The salt that makes a domain's copy of a feature.</summary>
    public static ulong DomainSalt(string? domain) =>
        domain is null ? 0 : NerFeatures.Hash(999, domain);
}

/// <summary>A sentence prepared for feature extraction: words, their lower-case and shape forms, gazetteer matches.</summary>
public sealed class NerSentence
{
    /// <summary>Prepares a sentence.</summary>
    public NerSentence(IReadOnlyList<string> words, Gazetteer gazetteer, WordClusters clusters)
        : this(words, gazetteer, clusters, null)
    {
    }

    /// <summary>Prepares a sentence, taking each word's lower case, shapes, cluster and name ending from <paramref name="facts"/> when it has them.</summary>
    internal NerSentence(IReadOnlyList<string> words, Gazetteer gazetteer, WordClusters clusters, WordFacts? facts)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(clusters);
        var n = words.Count;
        Words = words;
        Clusters = new string?[n];
        Lower = new string[n];
        Shapes = new string[n];
        ShortShapes = new string[n];
        PersonEnding = new bool[n];
        var letters = 0;
        var lowerCaseLetters = false;
        for (var i = 0; i < n; i++)
        {
            var w = words[i];
            var f = facts?.Get(w) ?? WordFacts.Of(w, gazetteer, clusters);
            (Clusters[i], Lower[i], Shapes[i], ShortShapes[i], PersonEnding[i]) = (f.Cluster, f.Lower, f.Shape, f.ShortShape, f.PersonEnding);
            if (Has(w, char.IsLetter))
            {
                letters++;
                lowerCaseLetters |= Has(w, char.IsLower);
            }
        }

        gazetteer.Match(words, Lower, Matches);
        AllCaps = letters >= 3 && !lowerCaseLetters;
    }

    internal static bool Has(string word, Func<char, bool> test)
    {
        foreach (var c in word)
        {
            if (test(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words as written.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The words lower-cased.</summary>
    public string[] Lower { get; }

    /// <summary>Word shapes (Xxxxx → Xxxxx with runs capped at 4 is the long form; Xx the short form).</summary>
    public string[] Shapes { get; }

    /// <summary>Short word shapes (runs collapsed).</summary>
    public string[] ShortShapes { get; }

    /// <summary>Gazetteer matches.</summary>
    public List<GazetteerMatch> Matches { get; } = [];

    /// <summary>For each word: capitalised and ending like a person's name (see <see cref="Gazetteer.PersonNameEndings"/>).</summary>
    public bool[] PersonEnding { get; }

    /// <summary>The word-cluster path of each word, or null.</summary>
    public string?[] Clusters { get; }

    /// <summary>True for a headline written in capitals.</summary>
    public bool AllCaps { get; }
}

/// <summary>
/// What the features read of a word alone — lower case, shapes, cluster path, person-name ending —
/// computed once per distinct word and kept (a bounded memo that changes no result; thread-safe).
/// </summary>
internal sealed class WordFacts(Gazetteer gazetteer, WordClusters clusters)
{
    private readonly BoundedMemo<Fact> _byWord = new(100_000);

    /// <summary>The facts of one word.</summary>
    internal sealed record Fact(string Lower, string Shape, string ShortShape, string? Cluster, bool PersonEnding);

    /// <summary>The facts of a word, from the memo or computed.</summary>
    public Fact Get(string word)
    {
        return _byWord.TryGet(word, out var fact) ? fact : _byWord.Keep(word, Of(word, gazetteer, clusters));
    }

    /// <summary>Computes the facts of a word.</summary>
    public static Fact Of(string word, Gazetteer gazetteer, WordClusters clusters)
    {
        var lower = NerSentence.Has(word, char.IsUpper) ? word.ToLowerInvariant() : word;
        return new Fact(lower, NerFeatures.Shape(word, collapseRuns: false), NerFeatures.Shape(word, collapseRuns: true), clusters.PathOf(word), gazetteer.HasPersonNameEnding(word, lower));
    }
}

/// <summary>How words are written across a document: the Ratinov–Roth style non-local evidence.</summary>
public sealed class NerDocumentContext
{
    private readonly HashSet<string> _capitalisedMidSentence = new(StringComparer.Ordinal);
    private readonly HashSet<string> _lowerCase = new(StringComparer.Ordinal);

    /// <summary>Collects the evidence from a document's sentences.</summary>
    public NerDocumentContext(IEnumerable<NerSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        foreach (var s in sentences)
        {
            if (s.AllCaps)
            {
                continue;
            }

            for (var i = 0; i < s.Words.Count; i++)
            {
                var w = s.Words[i];
                if (w.Length == 0 || !char.IsLetter(w[0]))
                {
                    continue;
                }

                if (char.IsUpper(w[0]) && i > 0 && !IsOpener(s.Words[i - 1]))
                {
                    _capitalisedMidSentence.Add(s.Lower[i]);
                }
                else if (char.IsLower(w[0]))
                {
                    _lowerCase.Add(s.Lower[i]);
                }
            }
        }
    }

    /// <summary>The evidence of a document's sentences, or none when the options leave document features out.</summary>
    internal static NerDocumentContext For(IReadOnlyList<NerSentence> sentences, NerFeatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.DocumentContext ? new NerDocumentContext(sentences) : Empty;
    }

    /// <summary>No document evidence.</summary>
    public static NerDocumentContext Empty { get; } = new([]);

    /// <summary>True when the word is written capitalised inside a sentence somewhere in the document.</summary>
    public bool CapitalisedMidSentence(string lower) => _capitalisedMidSentence.Contains(lower);

    /// <summary>True when the word is written in lower case somewhere in the document.</summary>
    public bool LowerCase(string lower) => _lowerCase.Contains(lower);

    private static bool IsOpener(string previous) => previous is "\"" or "``" or "“" or "'" or "‘" or "(" or ":" or "-" or "--" or "—";
}

/// <summary>
/// The tagger's features, hashed to 64 bits (FNV-1a over a template number and the text) so
/// that extraction allocates nothing per feature: word, lower case, shape, affixes, capitalisation,
/// a window of words and shapes, conjunctions, gazetteer membership in BILOU position, and
/// document-level capitalisation evidence.
/// </summary>
public static class NerFeatures
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>Appends the feature hashes of token <paramref name="i"/>.</summary>
    public static void Extract(NerSentence s, int i, NerDocumentContext document, NerFeatureOptions options, List<ulong> output, ulong domainSalt = 0)
    {
        var first = output.Count;
        ExtractGeneral(s, i, document, options, output);
        if (domainSalt != 0)
        {
            var last = output.Count;
            for (var k = first; k < last; k++)
            {
                output.Add(output[k] ^ domainSalt);
            }
        }
    }

    /// <summary>The hash of a template and a text, as features are hashed.</summary>
    public static ulong Hash(int template, string text) => H(template, text);

    /// <summary>The hash of a template and two texts, as features are hashed.</summary>
    public static ulong Hash(int template, string first, string second) => H(template, first, second);

    /// <summary>The hash of a template and three texts, as features are hashed.</summary>
    public static ulong Hash(int template, string first, string second, string third) => H(template, first, second, third);

    private static void ExtractGeneral(NerSentence s, int i, NerDocumentContext document, NerFeatureOptions options, List<ulong> output)
    {
        ExtractWord(s, i, options, output);
        for (var d = 1; d <= options.Window; d++)
        {
            ExtractNeighbour(s, i - d, d, output);
            ExtractNeighbour(s, i + d, -d, output);
        }

        ExtractContext(s, i, document, options, output);
    }

    /// <summary>
    /// The features of token <paramref name="i"/> that depend on its word alone (the bias, the
    /// word, its lower case, shapes, affixes, person-name ending, cluster paths): the same for
    /// every occurrence of the word, so a tagger can score them once per word.
    /// </summary>
    internal static void ExtractWord(NerSentence s, int i, NerFeatureOptions options, List<ulong> output)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var lower = s.Lower[i];
        output.Add(H(0, string.Empty));
        output.Add(H(1, s.Words[i]));
        output.Add(H(2, lower));
        output.Add(H(3, s.Shapes[i]));
        output.Add(H(4, s.ShortShapes[i]));
        for (var k = 2; k <= options.AffixLength && k < lower.Length; k++)
        {
            output.Add(H(10 + k, lower.AsSpan(0, k)));
            output.Add(H(20 + k, lower.AsSpan(lower.Length - k)));
        }

        if (options.Gazetteer && s.PersonEnding[i])
        {
            output.Add(H(83, "person-ending"));
        }

        if (options.Clusters)
        {
            ClusterFeatures(output, 100, s, i, [4, 8]);
        }
    }

    /// <summary>
    /// The features that word <paramref name="j"/> (or the sentence boundary, when j is outside
    /// the sentence) gives to the token <paramref name="distance"/> places after it (distance &gt; 0)
    /// or before it (distance &lt; 0): its lower case and short shape as a neighbour. They depend
    /// on the word and the distance alone.
    /// </summary>
    public static void ExtractNeighbour(NerSentence s, int j, int distance, List<ulong> output)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(output);
        if (distance > 0)
        {
            output.Add(H(30 + distance, Word(s, j)));
            output.Add(H(50 + distance, ShortShape(s, j)));
        }
        else
        {
            output.Add(H(40 - distance, Word(s, j)));
            output.Add(H(60 - distance, ShortShape(s, j)));
        }
    }

    /// <summary>
    /// The features of token <paramref name="i"/> that depend on its context: sentence position,
    /// a headline in capitals, word and shape conjunctions with the neighbours, gazetteer matches
    /// and document-level evidence.
    /// </summary>
    internal static void ExtractContext(NerSentence s, int i, NerDocumentContext document, NerFeatureOptions options, List<ulong> output)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var w = s.Words[i];
        var lower = s.Lower[i];
        var initialCap = w.Length > 0 && char.IsUpper(w[0]);
        if (i == 0)
        {
            output.Add(H(5, initialCap ? "first-cap" : "first"));
        }

        if (s.AllCaps)
        {
            output.Add(H(6, lower));
        }

        output.Add(H(70, Word(s, i - 1), lower));
        output.Add(H(71, lower, Word(s, i + 1)));
        output.Add(H(72, ShortShape(s, i - 1), s.ShortShapes[i], ShortShape(s, i + 1)));
        output.Add(H(73, Word(s, i - 1), s.ShortShapes[i]));
        output.Add(H(74, s.ShortShapes[i], Word(s, i + 1)));

        if (options.Gazetteer)
        {
            foreach (var m in s.Matches)
            {
                if (m.Start <= i && i < m.End)
                {
                    var position = m.End - m.Start == 1 ? "U" : i == m.Start ? "B" : i == m.End - 1 ? "L" : "I";
                    AddCategories(output, 80, m.Categories, position);
                }
                else if (m.End == i)
                {
                    AddCategories(output, 81, m.Categories, "after");
                }
                else if (m.Start == i + 1)
                {
                    AddCategories(output, 82, m.Categories, "before");
                }
            }
        }

        if (options.DocumentContext && w.Length > 0 && char.IsLetter(w[0]))
        {
            var form = initialCap ? (w.All(c => !char.IsLower(c)) ? "caps" : "cap") : "low";
            output.Add(H(90, form, document.CapitalisedMidSentence(lower) ? "capmid" : "-", document.LowerCase(lower) ? "lower" : "-"));
            if (i == 0 || s.AllCaps)
            {
                output.Add(H(91, lower, document.CapitalisedMidSentence(lower) ? "capmid" : "-"));
            }
        }
    }

    private static readonly BoundedMemo<string> ShapeStrings = new(100_000);

    /// <summary>The shape of a word: X for capitals, x for small letters, d for digits, other characters as they are; the short form collapses runs.</summary>
    /// <remarks>Shapes are few, so each is one shared string (the cache is bounded by the number of distinct shapes of at most 32 characters).</remarks>
    public static string Shape(string word, bool collapseRuns)
    {
        ArgumentNullException.ThrowIfNull(word);
        Span<char> buffer = stackalloc char[Math.Min(word.Length, 32)];
        var n = 0;
        var run = 0;
        var previous = '\0';
        foreach (var ch in word)
        {
            var c = char.IsUpper(ch) ? 'X' : char.IsLower(ch) ? 'x' : char.IsDigit(ch) ? 'd' : char.IsLetter(ch) ? 'x' : ch;
            run = c == previous ? run + 1 : 1;
            previous = c;
            if ((collapseRuns && run > 1) || (!collapseRuns && run > 4) || n == buffer.Length)
            {
                continue;
            }

            buffer[n++] = c;
        }

        var shape = buffer[..n];
        if (ShapeStrings.TryGet(shape, out var existing))
        {
            return existing;
        }

        var created = new string(shape);
        return ShapeStrings.Keep(created, created);
    }

    private static void ClusterFeatures(List<ulong> output, int template, NerSentence s, int i, ReadOnlySpan<int> lengths)
    {
        var path = i >= 0 && i < s.Words.Count ? s.Clusters[i] : null;
        if (path is null)
        {
            output.Add(H(template, i < 0 || i >= s.Words.Count ? "<b>" : "<none>"));
            return;
        }

        foreach (var length in lengths)
        {
            if (length <= path.Length)
            {
                output.Add(H(template + length, path.AsSpan(0, length)));
            }
        }
    }

    private static readonly string[] CategoryNames = ["1", "2", "4", "8", "16", "32"];

    private static void AddCategories(List<ulong> output, int template, GazetteerCategory categories, string position)
    {
        for (var bit = 1; bit <= (int)GazetteerCategory.Demonym; bit <<= 1)
        {
            if (((int)categories & bit) != 0)
            {
                output.Add(H(template, position, CategoryNames[BitOperations.Log2((uint)bit)]));
            }
        }
    }

    private static string Word(NerSentence s, int i) => i < 0 ? "<s>" : i >= s.Words.Count ? "</s>" : s.Lower[i];

    private static string ShortShape(NerSentence s, int i) => i < 0 ? "<s>" : i >= s.Words.Count ? "</s>" : s.ShortShapes[i];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong h, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            h = (h ^ c) * Prime;
        }

        return (h ^ 0x1F) * Prime;
    }

    private static ulong H(int template, ReadOnlySpan<char> a) => Mix((Offset ^ (ulong)template) * Prime, a);

    private static ulong H(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Mix(H(template, a), b);

    private static ulong H(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b, ReadOnlySpan<char> c) => Mix(H(template, a, b), c);
}
