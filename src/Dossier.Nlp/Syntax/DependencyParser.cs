using System.Runtime.InteropServices;
using Dossier.Nlp.Learning;
using Dossier.Nlp.Ner;

namespace Dossier.Nlp.Syntax;

/// <summary>
/// A greedy arc-hybrid dependency parser: at each step an averaged perceptron scores the
/// transitions (SHIFT, LEFT-r and RIGHT-r for every relation r) from features of the stack, the
/// buffer and the arcs built so far (the rich non-local templates of Zhang and Nivre 2011, plus
/// word clusters), and the best allowed one is taken. Trained with a dynamic oracle (Goldberg
/// and Nivre 2013). Immutable; thread-safe.
/// </summary>
public sealed class DependencyParser
{
    private const string Format = "dossier-parser 1";
    private readonly LinearModel _model;

    /// <summary>Creates a parser from its relations (subtypes included) and weights.</summary>
    public DependencyParser(IReadOnlyList<string> relations, LinearModel model)
    {
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(model);
        Relations = [.. relations.Select(string.Intern)];
        RootRelation = Relations.ToList().IndexOf("root");
        if (RootRelation < 0 || relations.Count > 64)
        {
            throw new ArgumentException("The relations must include 'root' and number at most 64.", nameof(relations));
        }

        if (model.ClassCount != ActionCount(relations.Count))
        {
            throw new ArgumentException("The weights do not fit the relations.", nameof(model));
        }

        _model = model;
    }

    /// <summary>The relations.</summary>
    public string[] Relations { get; }

    /// <summary>The index of "root".</summary>
    public int RootRelation { get; }

    /// <summary>The weights.</summary>
    public LinearModel Model => _model;

    /// <summary>Parses a sentence of tagged words: each word's head (-1 for the root) and relation index.</summary>
    public (int[] Heads, int[] Relations) Parse(IReadOnlyList<string> words, int[] tags, WordClusters clusters)
    {
        ArgumentNullException.ThrowIfNull(words);
        return Parse(new WordFeatures(words, clusters), tags);
    }

    /// <summary>Parses a sentence whose words are already prepared (see <see cref="PosTagger.Prepare"/>).</summary>
    internal (int[] Heads, int[] Relations) Parse(WordFeatures w, int[] tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var n = w.Count;
        var state = new ParseState(n, RootRelation);
        var features = new List<ulong>(128);
        Span<float> padded = stackalloc float[_model.ScoreLength];
        var scores = padded[.._model.ClassCount];
        while (!state.IsTerminal)
        {
            features.Clear();
            Features(state, w, tags, features);
            padded.Clear();
            _model.AddScores(CollectionsMarshal.AsSpan(features), padded);
            Apply(state, Best(state, scores, Relations.Length, RootRelation), Relations.Length);
        }

        var heads = new int[n];
        var relations = new int[n];
        for (var i = 0; i < n; i++)
        {
            heads[i] = state.Heads[i] == n ? -1 : state.Heads[i];
            relations[i] = state.Labels[i];
        }

        return (heads, relations);
    }

    /// <summary>Writes the parser; <see cref="Read"/> reads it back.</summary>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ModelFormat.WriteHeader(writer, Format);
        ModelFormat.WriteStrings(writer, Relations);

        _model.Write(writer);
    }

    /// <summary>Reads a parser written by <see cref="Write"/>.</summary>
    public static DependencyParser Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ModelFormat.ReadHeader(reader, Format);
        return new DependencyParser(ModelFormat.ReadStrings(reader), LinearModel.Read(reader));
    }

    /// <summary>The number of transitions for <paramref name="relations"/> relations: SHIFT, then LEFT-r, then RIGHT-r.</summary>
    internal static int ActionCount(int relations) => 1 + 2 * relations;

    /// <summary>True when the transition may be taken in the state (the root relation only for the last attachment to the root).</summary>
    internal static bool Allowed(ParseState s, int action, int relations, int root)
    {
        if (action == 0)
        {
            return s.CanShift;
        }

        var left = action <= relations;
        var label = left ? action - 1 : action - 1 - relations;
        if (left)
        {
            return s.CanLeft && (s.Buffer == s.N ? label == root : label != root);
        }

        return s.CanRight && label != root;
    }

    /// <summary>The highest-scoring allowed transition.</summary>
    internal static int Best(ParseState s, ReadOnlySpan<float> scores, int relations, int root)
    {
        var best = -1;
        for (var a = 0; a < scores.Length; a++)
        {
            if ((best < 0 || scores[a] > scores[best]) && Allowed(s, a, relations, root))
            {
                best = a;
            }
        }

        return best;
    }

    /// <summary>Takes a transition.</summary>
    internal static void Apply(ParseState s, int action, int relations)
    {
        if (action == 0)
        {
            s.Shift();
        }
        else if (action <= relations)
        {
            s.Left(action - 1);
        }
        else
        {
            s.Right(action - 1 - relations);
        }
    }

    /// <summary>The features of a state.</summary>
    internal static void Features(ParseState s, WordFeatures w, int[] tags, List<ulong> o)
    {
        var n = s.N;
        int s0 = s.S(0), s1 = s.S(1), s2 = s.S(2), b0 = s.B(0), b1 = s.B(1), b2 = s.B(2);
        int s0l = s0 >= 0 ? s.LeftMost[s0] : -1, s0l2 = s0 >= 0 ? s.LeftSecond[s0] : -1;
        int s0r = s0 >= 0 ? s.RightMost[s0] : -1, s0r2 = s0 >= 0 ? s.RightSecond[s0] : -1;
        int s1l = s1 >= 0 ? s.LeftMost[s1] : -1, s1r = s1 >= 0 ? s.RightMost[s1] : -1;
        int b0l = b0 >= 0 ? s.LeftMost[b0] : -1, b0l2 = b0 >= 0 ? s.LeftSecond[b0] : -1;
        int s0ll = s0l >= 0 ? s.LeftMost[s0l] : -1, s0rr = s0r >= 0 ? s.RightMost[s0r] : -1, b0ll = b0l >= 0 ? s.LeftMost[b0l] : -1;

        ulong W(int i) => i < 0 ? 1 : i == n ? 2 : w.Norm[i];
        ulong T(int i) => i < 0 ? 1 : i == n ? 2 : (ulong)tags[i] + 3;
        ulong L(int i) => i < 0 ? 1 : (ulong)s.Labels[i] + 3;
        ulong C(int i) => i < 0 ? 1 : i == n ? 2 : w.Cluster[i];
        ulong WT(int i) => i < 0 ? 1 : i == n ? 2 : w.Norm[i] ^ ((ulong)tags[i] << 56);
        void F1(int t, ulong a) => o.Add(FeatureHash.Feature(t, a));
        void F2(int t, ulong a, ulong b) => o.Add(FeatureHash.Feature(t, a, b));
        void F3(int t, ulong a, ulong b, ulong c) => o.Add(FeatureHash.Feature(t, a, b, c));

        // Single words.
        F1(1, W(s0)); F1(2, T(s0)); F1(3, WT(s0));
        F1(4, W(s1)); F1(5, T(s1)); F1(6, WT(s1));
        F1(7, W(b0)); F1(8, T(b0)); F1(9, WT(b0));
        F1(10, W(b1)); F1(11, T(b1)); F1(12, WT(b1));
        F1(13, W(b2)); F1(14, T(b2));
        F1(15, W(s2)); F1(16, T(s2));

        // Pairs and triples of the stack's top and the buffer's first.
        F2(20, WT(s0), WT(b0)); F2(21, WT(s0), W(b0)); F2(22, W(s0), WT(b0)); F2(23, WT(s0), T(b0));
        F2(24, T(s0), WT(b0)); F2(25, W(s0), W(b0)); F2(26, T(s0), T(b0)); F2(27, T(b0), T(b1));
        F3(28, T(b0), T(b1), T(b2)); F3(29, T(s0), T(b0), T(b1)); F3(30, T(s1), T(s0), T(b0));
        F3(31, T(s0), T(s0l), T(b0)); F3(32, T(s0), T(s0r), T(b0)); F3(33, T(s0), T(b0), T(b0l));
        F3(34, T(s2), T(s1), T(s0)); F3(35, T(s1), T(s1l), T(s0)); F3(36, T(s1), T(s1r), T(s0));
        F2(37, W(s1), W(s0)); F2(38, T(s1), T(s0)); F2(39, WT(s1), WT(s0)); F2(40, W(s1), T(s0)); F2(41, T(s1), W(s0));
        F3(42, T(s1), T(s0), T(s0r)); F2(43, W(b0), W(b1)); F2(44, W(s0), T(b1));

        // Distance between the stack's top and the buffer's first, and between the top two on the stack.
        var d = s0 >= 0 && b0 >= 0 ? (ulong)Bucket(b0 - s0) : 0;
        var d1 = s0 >= 0 && s1 >= 0 ? (ulong)Bucket(s0 - s1) : 0;
        F2(50, W(s0), d); F2(51, T(s0), d); F2(52, W(b0), d); F2(53, T(b0), d); F3(54, W(s0), W(b0), d); F3(55, T(s0), T(b0), d);
        F3(56, T(s1), T(s0), d1); F3(57, W(s1), W(s0), d1);

        // Valency.
        ulong Vl(int i) => i < 0 ? 99 : (ulong)Math.Min(s.LeftCount[i], 6);
        ulong Vr(int i) => i < 0 ? 99 : (ulong)Math.Min(s.RightCount[i], 6);
        F2(60, W(s0), Vr(s0)); F2(61, T(s0), Vr(s0)); F2(62, W(s0), Vl(s0)); F2(63, T(s0), Vl(s0));
        F2(64, W(b0), Vl(b0)); F2(65, T(b0), Vl(b0)); F2(66, T(s1), Vr(s1));

        // Children built so far.
        F1(70, W(s0l)); F1(71, T(s0l)); F1(72, L(s0l));
        F1(73, W(s0r)); F1(74, T(s0r)); F1(75, L(s0r));
        F1(76, W(b0l)); F1(77, T(b0l)); F1(78, L(b0l));
        F1(79, W(s0l2)); F1(80, T(s0l2)); F1(81, L(s0l2));
        F1(82, W(s0r2)); F1(83, T(s0r2)); F1(84, L(s0r2));
        F1(85, W(b0l2)); F1(86, T(b0l2)); F1(87, L(b0l2));
        F3(88, T(s0), T(s0l), T(s0l2)); F3(89, T(s0), T(s0r), T(s0r2)); F3(90, T(b0), T(b0l), T(b0l2));
        F2(91, T(s1l), L(s1l)); F2(92, T(s1r), L(s1r)); F2(93, W(s1r), L(s1r));
        F3(94, T(s0), L(s0l), L(s0r)); F3(95, T(s0), T(s0ll), L(s0ll)); F3(96, T(s0), T(s0rr), L(s0rr)); F3(97, T(b0), T(b0ll), L(b0ll));
        F2(98, WT(s0), L(s0r)); F2(99, WT(b0), L(b0l));

        // Sets of relations already attached.
        ulong Ls(int i) => i < 0 ? 1 : s.LeftLabels[i] + 2;
        ulong Rs(int i) => i < 0 ? 1 : s.RightLabels[i] + 2;
        F2(100, W(s0), Rs(s0)); F2(101, T(s0), Rs(s0)); F2(102, W(s0), Ls(s0)); F2(103, T(s0), Ls(s0));
        F2(104, W(b0), Ls(b0)); F2(105, T(b0), Ls(b0)); F2(106, T(s1), Rs(s1));

        // Word clusters.
        F1(110, C(s0)); F1(111, C(b0)); F1(112, C(s1)); F1(113, C(b1));
        F2(114, C(s0), C(b0)); F2(115, C(s0), T(b0)); F2(116, T(s0), C(b0)); F2(117, C(s1), C(s0)); F2(118, C(b0), C(b1));
        F3(119, C(s0), T(s0), T(b0));
    }

    private static int Bucket(int distance) => distance switch
    {
        <= 0 => 0,
        <= 4 => distance,
        <= 6 => 5,
        <= 9 => 6,
        <= 14 => 7,
        _ => 8,
    };
}
