namespace Dossier.Nlp.Ner;

/// <summary>A labelled span of tokens <c>[Start, End)</c> in a sentence.</summary>
/// <param name="Start">The first token.</param>
/// <param name="End">One past the last token.</param>
/// <param name="Type">The entity type (PER, ORG, LOC, MISC).</param>
public readonly record struct TokenSpan(int Start, int End, string Type);

/// <summary>
/// The BILOU encoding of entity spans (Begin, Inside, Last, Unit, Outside), as Ratinov and
/// Roth (2009) found it better than BIO. Label 0 is O; label 1 + 4·t + k is B/I/L/U
/// (k = 0..3) of type t.
/// </summary>
public sealed class EntityLabels
{
    private const string Prefixes = "BILU";

    /// <summary>Creates the label set for the given types.</summary>
    public EntityLabels(IReadOnlyList<string> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        Types = types;
        Count = 1 + 4 * types.Count;
        Allowed = new bool[Count, Count];
        var predecessors = new int[Count][];
        for (var b = 0; b < Count; b++)
        {
            var list = new List<int>();
            for (var a = 0; a < Count; a++)
            {
                Allowed[a, b] = CanFollow(a, b);
                if (Allowed[a, b])
                {
                    list.Add(a);
                }
            }

            predecessors[b] = [.. list];
        }

        Predecessors = predecessors;
    }

    /// <summary>The entity types in label order.</summary>
    public IReadOnlyList<string> Types { get; }

    /// <summary>The number of labels.</summary>
    public int Count { get; }

    /// <summary>For each label, the labels it may follow (what Viterbi searches).</summary>
    public IReadOnlyList<int[]> Predecessors { get; }

    /// <summary><c>Allowed[a, b]</c>: label b may follow label a.</summary>
    public bool[,] Allowed { get; }

    /// <summary>The label's name (O, B-PER, …).</summary>
    public string Name(int label) => label == 0 ? "O" : $"{Prefixes[(label - 1) % 4]}-{Types[(label - 1) / 4]}";

    /// <summary>True when a sentence may start with the label (O, B, U).</summary>
    public static bool CanStart(int label) => label == 0 || (label - 1) % 4 is 0 or 3;

    /// <summary>True when a sentence may end with the label (O, L, U).</summary>
    public static bool CanEnd(int label) => label == 0 || (label - 1) % 4 is 2 or 3;

    /// <summary>The labels of a sentence of <paramref name="length"/> tokens holding <paramref name="spans"/>.</summary>
    public int[] Encode(int length, IEnumerable<TokenSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var labels = new int[length];
        foreach (var span in spans)
        {
            var t = IndexOf(span.Type);
            var baseLabel = 1 + 4 * t;
            if (span.End - span.Start == 1)
            {
                labels[span.Start] = baseLabel + 3;
                continue;
            }

            labels[span.Start] = baseLabel;
            for (var i = span.Start + 1; i < span.End - 1; i++)
            {
                labels[i] = baseLabel + 1;
            }

            labels[span.End - 1] = baseLabel + 2;
        }

        return labels;
    }

    /// <summary>The spans a label sequence encodes; an ill-formed sequence is read leniently.</summary>
    public List<TokenSpan> Decode(ReadOnlySpan<int> labels)
    {
        var spans = new List<TokenSpan>();
        var start = -1;
        var type = -1;
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label == 0)
            {
                Close(i);
                continue;
            }

            var t = (label - 1) / 4;
            var k = (label - 1) % 4;
            if (k is 0 or 3 || t != type || start < 0)
            {
                Close(i);
                start = i;
                type = t;
            }

            if (k is 2 or 3)
            {
                Close(i + 1);
            }
        }

        Close(labels.Length);
        return spans;

        void Close(int end)
        {
            if (start >= 0)
            {
                spans.Add(new TokenSpan(start, end, Types[type]));
            }

            start = -1;
            type = -1;
        }
    }

    private int IndexOf(string type)
    {
        for (var i = 0; i < Types.Count; i++)
        {
            if (Types[i] == type)
            {
                return i;
            }
        }

        throw new ArgumentException($"Unknown entity type '{type}'; the model knows {string.Join(", ", Types)}.", nameof(type));
    }

    private static bool CanFollow(int a, int b)
    {
        var aInside = a != 0 && (a - 1) % 4 is 0 or 1;
        var bContinues = b != 0 && (b - 1) % 4 is 1 or 2;
        if (aInside)
        {
            return bContinues && (a - 1) / 4 == (b - 1) / 4;
        }

        return !bContinues;
    }
}
