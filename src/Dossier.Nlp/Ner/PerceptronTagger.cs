namespace Dossier.Nlp.Ner;

/// <summary>
/// A first-order structured perceptron over BILOU labels: emission weights per (feature, label),
/// transition weights per (label, label), Viterbi decoding restricted to well-formed label
/// sequences. Weights are stored sparsely (only non-zero labels of each feature). Immutable
/// once built; thread-safe.
/// </summary>
public sealed class PerceptronTagger
{
    private readonly FeatureTable _rows;
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
        _rows = new FeatureTable(rows);
    }

    /// <summary>The label set.</summary>
    internal EntityLabels Labels { get; }

    /// <summary>The number of features with a weight.</summary>
    public int FeatureCount => _rows.Count;

    /// <summary>The number of stored non-zero weights.</summary>
    public int WeightCount => _rows.WeightCount;

    /// <summary>The transition weights, row = previous label.</summary>
    public ReadOnlySpan<float> Transitions => _transitions;

    /// <summary>Every feature's sparse row, for saving.</summary>
    public IEnumerable<(ulong Hash, (byte Label, float Weight)[] Entries)> Rows() => _rows.Rows();

    /// <summary>Writes the labels, transitions and rows (weights as half floats); <see cref="Read"/> reads them back.</summary>
    public void Write(BinaryWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.Write(Labels.Types.Count);
        foreach (var type in Labels.Types)
        {
            w.Write(type);
        }

        foreach (var t in _transitions)
        {
            w.Write(t);
        }

        var rows = Rows().OrderBy(r => r.Hash).ToList();
        w.Write(rows.Count);
        foreach (var (hash, entries) in rows)
        {
            w.Write(hash);
            w.Write((byte)entries.Length);
            foreach (var (label, weight) in entries)
            {
                w.Write(label);
                w.Write((Half)weight);
            }
        }
    }

    /// <summary>Reads a tagger written by <see cref="Write"/>.</summary>
    public static PerceptronTagger Read(BinaryReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var types = new string[r.ReadInt32()];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = r.ReadString();
        }

        var labels = new EntityLabels(types);
        var transitions = new float[labels.Count * labels.Count];
        for (var i = 0; i < transitions.Length; i++)
        {
            transitions[i] = r.ReadSingle();
        }

        var count = r.ReadInt32();
        var rows = new Dictionary<ulong, (byte, float)[]>(count);
        for (var i = 0; i < count; i++)
        {
            var hash = r.ReadUInt64();
            var entries = new (byte, float)[r.ReadByte()];
            for (var k = 0; k < entries.Length; k++)
            {
                entries[k] = (r.ReadByte(), (float)r.ReadHalf());
            }

            rows[hash] = entries;
        }

        return new PerceptronTagger(labels, rows, transitions);
    }

    /// <summary>Adds the weights of <paramref name="features"/> to the label scores <paramref name="scores"/>.</summary>
    public void AddEmissions(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        foreach (var f in features)
        {
            foreach (var entry in _rows.Find(f))
            {
                scores[entry.Label] += entry.Weight;
            }
        }
    }

    /// <summary>Viterbi over emission scores <c>[token × label]</c> and transitions, allowing only well-formed BILOU sequences.</summary>
    internal static int[] Viterbi(ReadOnlySpan<float> emissions, int n, EntityLabels labels, ReadOnlySpan<float> transitions)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var l = labels.Count;
        var result = new int[n];
        if (n == 0)
        {
            return result;
        }

        var scoreArray = System.Buffers.ArrayPool<float>.Shared.Rent(n * l);
        var backArray = System.Buffers.ArrayPool<int>.Shared.Rent(n * l);
        var score = scoreArray.AsSpan(0, n * l);
        var back = backArray.AsSpan(0, n * l);
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
                foreach (var p in labels.Predecessors[y])
                {
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

        System.Buffers.ArrayPool<float>.Shared.Return(scoreArray);
        System.Buffers.ArrayPool<int>.Shared.Return(backArray);
        return result;
    }
}

/// <summary>
/// An open-addressing hash table from feature hash to its weights, built for the hundreds of
/// thousands of lookups tagging makes: linear probing over 8-byte slots (a 32-bit fingerprint
/// of the hash, and where the row's weights start and how many there are), and the weights of
/// all rows in one array of (weight, label) entries. A lookup touches one slot and one run of
/// entries, and the slots of a model fit in a few megabytes of cache. The full hashes are kept
/// aside for saving.
/// </summary>
internal sealed class FeatureTable
{
    private const int CountBits = 5;
    private readonly Slot[] _slots;
    private readonly ulong[] _keys;
    private readonly Entry[] _entries;
    private readonly int _mask;

    public FeatureTable(IReadOnlyDictionary<ulong, (byte Label, float Weight)[]> rows)
    {
        var size = 16;
        while (size < rows.Count * 3 / 2)
        {
            size <<= 1;
        }

        _slots = new Slot[size];
        _keys = new ulong[size];
        _mask = size - 1;
        _entries = new Entry[rows.Values.Sum(r => r.Length)];
        var next = 0;
        foreach (var (key, row) in rows.OrderBy(r => r.Key))
        {
            if (row.Length == 0 || row.Length >= 1 << CountBits)
            {
                throw new ArgumentException($"A feature row must have between 1 and {(1 << CountBits) - 1} weights.", nameof(rows));
            }

            var i = (int)(key & (ulong)_mask);
            while (_slots[i].Fingerprint != 0)
            {
                i = (i + 1) & _mask;
            }

            _slots[i] = new Slot(Fingerprint(key), (uint)(next << CountBits | row.Length));
            _keys[i] = key;
            foreach (var (label, weight) in row)
            {
                _entries[next++] = new Entry(weight, label);
            }

            Count++;
        }
    }

    public int Count { get; }

    public int WeightCount => _entries.Length;

    /// <summary>The weights of a feature; empty when the model has none.</summary>
    public ReadOnlySpan<Entry> Find(ulong key)
    {
        var fingerprint = Fingerprint(key);
        var i = (int)(key & (ulong)_mask);
        while (true)
        {
            var slot = _slots[i];
            if (slot.Fingerprint == fingerprint)
            {
                return _entries.AsSpan((int)(slot.Packed >> CountBits), (int)(slot.Packed & ((1 << CountBits) - 1)));
            }

            if (slot.Fingerprint == 0)
            {
                return [];
            }

            i = (i + 1) & _mask;
        }
    }

    public IEnumerable<(ulong Hash, (byte Label, float Weight)[] Entries)> Rows()
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            var slot = _slots[i];
            if (slot.Fingerprint != 0)
            {
                var entries = _entries.AsSpan((int)(slot.Packed >> CountBits), (int)(slot.Packed & ((1 << CountBits) - 1))).ToArray();
                yield return (_keys[i], [.. entries.Select(e => ((byte)e.Label, e.Weight))]);
            }
        }
    }

    /// <summary>The high half of the hash (the low bits pick the slot), never 0, which marks an empty slot.</summary>
    private static uint Fingerprint(ulong key) => (uint)(key >> 32) | 1;

    internal readonly record struct Slot(uint Fingerprint, uint Packed);

    internal readonly record struct Entry(float Weight, int Label);
}
