using System.Numerics;

namespace Dossier.Nlp.Learning;

/// <summary>
/// The weights of a trained multiclass linear model over hashed features (the part-of-speech
/// tagger's and the parser's): per feature, the classes it has a weight for. An open-addressing
/// table of 8-byte slots (32 bits of the feature hash, and where its weights are) points either
/// into one array of 5-byte (weight, class) entries, for the many features with few weights, or
/// into dense rows of one weight per class, added with SIMD, for the few features with many.
/// The full hashes are kept aside, for saving. Immutable; thread-safe.
/// </summary>
public sealed class LinearModel
{
    private const int CountBits = 8;
    private const uint Dense = 0;
    private readonly Slot[] _slots;
    private readonly ulong[] _keys;
    private readonly Entry[] _entries;
    private readonly float[] _dense;
    private readonly int _rowWidth;
    private readonly int _mask;

    /// <summary>Creates a model from sparse rows: per feature hash, its (class, weight) pairs.</summary>
    public LinearModel(int classCount, IReadOnlyDictionary<ulong, (byte Class, float Weight)[]> rows)
        : this(classCount, Flatten(rows))
    {
    }

    private LinearModel(int classCount, (ulong[] Keys, int[] Lengths, byte[] Classes, float[] Weights) rows)
    {
        if (classCount is < 1 or > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), "A linear model has between 1 and 256 classes.");
        }

        ClassCount = classCount;
        _rowWidth = (classCount + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
        var denseFrom = Math.Max(8, classCount / 3);
        var size = 16;
        while (size < rows.Keys.Length * 3 / 2)
        {
            size <<= 1;
        }

        _slots = new Slot[size];
        _keys = new ulong[size];
        _mask = size - 1;
        var denseRows = rows.Lengths.Count(l => l >= denseFrom);
        _dense = new float[denseRows * _rowWidth];
        _entries = new Entry[rows.Lengths.Where(l => l < denseFrom).Sum()];
        int at = 0, next = 0, dense = 0;
        for (var r = 0; r < rows.Keys.Length; r++)
        {
            var key = rows.Keys[r];
            var length = rows.Lengths[r];
            if (key == 0 || length is 0 or > 255)
            {
                throw new InvalidDataException("A feature row must have a non-zero hash and between 1 and 255 weights.");
            }

            for (var k = at; k < at + length; k++)
            {
                if (rows.Classes[k] >= classCount)
                {
                    throw new InvalidDataException($"A weight is for class {rows.Classes[k]} of {classCount}.");
                }
            }

            if (length >= denseFrom)
            {
                var row = _dense.AsSpan(dense * _rowWidth, _rowWidth);
                for (var k = at; k < at + length; k++)
                {
                    row[rows.Classes[k]] = rows.Weights[k];
                }

                Place(key, dense++, Dense);
            }
            else
            {
                Place(key, next, (uint)length);
                for (var k = at; k < at + length; k++)
                {
                    _entries[next++] = new Entry(rows.Weights[k], rows.Classes[k]);
                }
            }

            at += length;
        }

        FeatureCount = rows.Keys.Length;
        WeightCount = rows.Weights.Length;
    }

    /// <summary>The number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>The number of features with a weight.</summary>
    public int FeatureCount { get; }

    /// <summary>The number of non-zero weights.</summary>
    public int WeightCount { get; }

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (one per class; at least <see cref="ScoreLength"/> long).</summary>
    /// <remarks>
    /// In two passes over a batch of features: first every feature's slot is found, then the weights
    /// of the found ones are added, so the lookups of a batch do not wait on each other.
    /// </remarks>
    public void AddScores(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        const int Batch = 64;
        if (scores.Length < _rowWidth)
        {
            throw new ArgumentException($"Scores must have room for {_rowWidth} values.", nameof(scores));
        }

        Span<int> found = stackalloc int[Batch];
        for (var first = 0; first < features.Length; first += Batch)
        {
            var batch = features.Slice(first, Math.Min(Batch, features.Length - first));
            var count = 0;
            foreach (var f in batch)
            {
                var i = (int)(f & (ulong)_mask);
                var fingerprint = Fingerprint(f);
                while (true)
                {
                    var key = _slots[i].Fingerprint;
                    if (key == fingerprint)
                    {
                        found[count++] = i;
                        break;
                    }

                    if (key == 0)
                    {
                        break;
                    }

                    i = (i + 1) & _mask;
                }
            }

            foreach (var i in found[..count])
            {
                var packed = _slots[i].Packed;
                var length = packed & ((1 << CountBits) - 1);
                var start = (int)(packed >> CountBits);
                if (length == Dense)
                {
                    AveragedPerceptron.Add(scores, _dense.AsSpan(start * _rowWidth, _rowWidth));
                    continue;
                }

                foreach (var entry in _entries.AsSpan(start, (int)length))
                {
                    scores[entry.Class] += entry.Weight;
                }
            }
        }
    }

    /// <summary>How long a scores span must be: the class count rounded up to whole SIMD vectors.</summary>
    public int ScoreLength => _rowWidth;

    /// <summary>Writes the model (rows by hash, weights as half floats): the same model gives the same bytes.</summary>
    public void Write(BinaryWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.Write(ClassCount);
        var slots = Enumerable.Range(0, _slots.Length).Where(i => _slots[i].Fingerprint != 0).OrderBy(i => _keys[i]).ToList();
        w.Write(slots.Count);
        var row = new List<(byte, float)>();
        foreach (var i in slots)
        {
            row.Clear();
            var packed = _slots[i].Packed;
            var length = packed & ((1 << CountBits) - 1);
            var start = (int)(packed >> CountBits);
            if (length == Dense)
            {
                var dense = _dense.AsSpan(start * _rowWidth, ClassCount);
                for (var c = 0; c < dense.Length; c++)
                {
                    if (dense[c] != 0)
                    {
                        row.Add(((byte)c, dense[c]));
                    }
                }
            }
            else
            {
                foreach (var entry in _entries.AsSpan(start, (int)length))
                {
                    row.Add((entry.Class, entry.Weight));
                }
            }

            w.Write(_keys[i]);
            w.Write((byte)row.Count);
            foreach (var (c, weight) in row)
            {
                w.Write(c);
                w.Write((Half)weight);
            }
        }
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    public static LinearModel Read(BinaryReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var classCount = r.ReadInt32();
        var count = r.ReadInt32();
        var keys = new ulong[count];
        var lengths = new int[count];
        var classes = new List<byte>(count * 8);
        var weights = new List<float>(count * 8);
        for (var n = 0; n < count; n++)
        {
            keys[n] = r.ReadUInt64();
            lengths[n] = r.ReadByte();
            for (var k = 0; k < lengths[n]; k++)
            {
                classes.Add(r.ReadByte());
                weights.Add((float)r.ReadHalf());
            }
        }

        return new LinearModel(classCount, (keys, lengths, [.. classes], [.. weights]));
    }

    private static (ulong[], int[], byte[], float[]) Flatten(IReadOnlyDictionary<ulong, (byte Class, float Weight)[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ordered = rows.OrderBy(r => r.Key).ToList();
        return ([.. ordered.Select(r => r.Key)], [.. ordered.Select(r => r.Value.Length)],
            [.. ordered.SelectMany(r => r.Value.Select(e => e.Class))], [.. ordered.SelectMany(r => r.Value.Select(e => e.Weight))]);
    }

    /// <summary>The high half of a hash (the low bits pick the slot), never 0, which marks a free slot.</summary>
    private static uint Fingerprint(ulong key) => (uint)(key >> 32) | 1;

    /// <summary>Puts a feature in the first free slot on its probe path (linear probing).</summary>
    private void Place(ulong key, int start, uint length)
    {
        if (start >= 1 << (32 - CountBits))
        {
            throw new InvalidDataException("A linear model holds at most 16 million weights.");
        }

        var i = (int)(key & (ulong)_mask);
        while (_slots[i].Fingerprint != 0)
        {
            i = (i + 1) & _mask;
        }

        _slots[i] = new Slot(Fingerprint(key), (uint)start << CountBits | length);
        _keys[i] = key;
    }

    /// <summary>A feature's slot: 32 bits of its hash, and where its weights start and how many there are (0: a dense row).</summary>
    private readonly record struct Slot(uint Fingerprint, uint Packed);

    /// <summary>A weight and its class, packed to five bytes.</summary>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential, Pack = 1)]
    private readonly record struct Entry(float Weight, byte Class);
}
