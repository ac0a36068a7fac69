using System.Collections.Frozen;

namespace Dossier.Nlp.Ner;

/// <summary>
/// A first-order structured perceptron over BILOU labels: emission weights per (feature, label),
/// transition weights per (label, label), Viterbi decoding restricted to well-formed label
/// sequences. Weights are stored sparsely (only non-zero labels of each feature). Immutable
/// once built; thread-safe.
/// </summary>
public sealed class PerceptronTagger
{
    private readonly FrozenDictionary<ulong, int> _rows;
    private readonly int[] _rowStart;
    private readonly byte[] _labels;
    private readonly float[] _weights;
    private readonly float[] _transitions;

    /// <summary>Creates a tagger from sparse rows: for each feature hash, its non-zero (label, weight) pairs.</summary>
    public PerceptronTagger(EntityLabels labels, IReadOnlyDictionary<ulong, (byte Label, float Weight)[]> rows, float[] transitions)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(transitions);
        if (transitions.Length != labels.Count * labels.Count)
        {
            throw new ArgumentException("The transition matrix does not fit the labels.", nameof(transitions));
        }

        Labels = labels;
        _transitions = transitions;
        var index = new Dictionary<ulong, int>(rows.Count);
        var starts = new List<int>(rows.Count + 1);
        var ls = new List<byte>();
        var ws = new List<float>();
        foreach (var (hash, entries) in rows)
        {
            index[hash] = starts.Count;
            starts.Add(ls.Count);
            foreach (var (label, weight) in entries)
            {
                ls.Add(label);
                ws.Add(weight);
            }
        }

        starts.Add(ls.Count);
        _rows = index.ToFrozenDictionary();
        _rowStart = [.. starts];
        _labels = [.. ls];
        _weights = [.. ws];
    }

    /// <summary>The label set.</summary>
    public EntityLabels Labels { get; }

    /// <summary>The number of features with a weight.</summary>
    public int FeatureCount => _rows.Count;

    /// <summary>The number of stored non-zero weights.</summary>
    public int WeightCount => _weights.Length;

    /// <summary>The transition weights, row = previous label.</summary>
    public ReadOnlySpan<float> Transitions => _transitions;

    /// <summary>Every feature's sparse row, for saving.</summary>
    public IEnumerable<(ulong Hash, (byte Label, float Weight)[] Entries)> Rows()
    {
        foreach (var (hash, row) in _rows)
        {
            var entries = new (byte, float)[_rowStart[row + 1] - _rowStart[row]];
            for (var k = 0; k < entries.Length; k++)
            {
                entries[k] = (_labels[_rowStart[row] + k], _weights[_rowStart[row] + k]);
            }

            yield return (hash, entries);
        }
    }

    /// <summary>The best label sequence for a sentence whose token features are given.</summary>
    public int[] Decode(IReadOnlyList<List<ulong>> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var n = features.Count;
        var l = Labels.Count;
        var emissions = new float[n * l];
        for (var t = 0; t < n; t++)
        {
            var e = emissions.AsSpan(t * l, l);
            foreach (var f in features[t])
            {
                if (_rows.TryGetValue(f, out var row))
                {
                    for (var k = _rowStart[row]; k < _rowStart[row + 1]; k++)
                    {
                        e[_labels[k]] += _weights[k];
                    }
                }
            }
        }

        return Viterbi(emissions, n, Labels, _transitions);
    }

    /// <summary>Viterbi over emission scores <c>[token × label]</c> and transitions, allowing only well-formed BILOU sequences.</summary>
    public static int[] Viterbi(ReadOnlySpan<float> emissions, int n, EntityLabels labels, ReadOnlySpan<float> transitions)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var l = labels.Count;
        var result = new int[n];
        if (n == 0)
        {
            return result;
        }

        var score = new float[n * l];
        var back = new int[n * l];
        for (var y = 0; y < l; y++)
        {
            score[y] = EntityLabels.CanStart(y) ? emissions[y] : float.NegativeInfinity;
        }

        for (var t = 1; t < n; t++)
        {
            for (var y = 0; y < l; y++)
            {
                var best = float.NegativeInfinity;
                var arg = 0;
                for (var p = 0; p < l; p++)
                {
                    if (!labels.Allowed[p, y])
                    {
                        continue;
                    }

                    var s = score[(t - 1) * l + p] + transitions[p * l + y];
                    if (s > best)
                    {
                        best = s;
                        arg = p;
                    }
                }

                score[t * l + y] = best + emissions[t * l + y];
                back[t * l + y] = arg;
            }
        }

        var last = 0;
        var bestLast = float.NegativeInfinity;
        for (var y = 0; y < l; y++)
        {
            var s = score[(n - 1) * l + y];
            if (EntityLabels.CanEnd(y) && s > bestLast)
            {
                bestLast = s;
                last = y;
            }
        }

        result[n - 1] = last;
        for (var t = n - 1; t > 0; t--)
        {
            result[t - 1] = back[t * l + result[t]];
        }

        return result;
    }
}
