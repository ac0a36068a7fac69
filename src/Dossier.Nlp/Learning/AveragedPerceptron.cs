using System.Numerics;

namespace Dossier.Nlp.Learning;

/// <summary>
/// Training a multiclass averaged perceptron over hashed features (Collins 2002; Daumé's
/// averaging trick): dense rows of weights per feature, created when a feature is first
/// updated, and a running sum of the updates weighted by the step at which they were made, so
/// the average of the weights over all steps is <c>w − u / c</c> at the end. Used by the
/// part-of-speech tagger and the dependency parser; <see cref="ToModel"/> gives the runtime
/// model. Not thread-safe.
/// </summary>
internal sealed class AveragedPerceptron
{
    private const int ChunkRows = 1 << 14;
    private readonly Dictionary<ulong, int> _rows = [];
    private readonly List<float[]> _weights = [];
    private readonly List<float[]> _updates = [];
    private readonly List<int[]> _updateCounts = [];
    private readonly int _classes;
    private float _step = 1;

    /// <summary>Creates an empty model over <paramref name="classCount"/> classes.</summary>
    public AveragedPerceptron(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        _classes = classCount;
    }

    /// <summary>The number of features with a row.</summary>
    public int FeatureCount => _rows.Count;

    /// <summary>Sets <paramref name="scores"/> to the current scores of every class.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var f in features)
        {
            if (_rows.TryGetValue(f, out var row))
            {
                Add(scores, Row(_weights, row));
            }
        }
    }

    /// <summary>Moves the weights of <paramref name="features"/> towards <paramref name="gold"/> and away from <paramref name="predicted"/>.</summary>
    public void Update(ReadOnlySpan<ulong> features, int gold, int predicted)
    {
        if (gold == predicted)
        {
            return;
        }

        foreach (var f in features)
        {
            if (!_rows.TryGetValue(f, out var row))
            {
                row = _rows.Count;
                _rows[f] = row;
                if (row % ChunkRows == 0)
                {
                    _weights.Add(new float[ChunkRows * _classes]);
                    _updates.Add(new float[ChunkRows * _classes]);
                    _updateCounts.Add(new int[ChunkRows]);
                }
            }

            _updateCounts[row / ChunkRows][row % ChunkRows]++;

            var w = Row(_weights, row);
            var u = Row(_updates, row);
            w[gold] += 1;
            u[gold] += _step;
            w[predicted] -= 1;
            u[predicted] -= _step;
        }
    }

    /// <summary>Counts one training step (one decision), for the averaging.</summary>
    public void Tick() => _step++;

    /// <summary>
    /// The averaged weights as a runtime model, leaving out features updated fewer than
    /// <paramref name="minUpdates"/> times, weights smaller than <paramref name="pruneBelow"/>
    /// and features whose row has none left.
    /// </summary>
    public LinearModel ToModel(float pruneBelow, int minUpdates = 1)
    {
        var rows = new Dictionary<ulong, (byte, float)[]>();
        var entries = new List<(byte, float)>();
        foreach (var (feature, row) in _rows)
        {
            if (_updateCounts[row / ChunkRows][row % ChunkRows] < minUpdates)
            {
                continue;
            }

            entries.Clear();
            var w = Row(_weights, row);
            var u = Row(_updates, row);
            for (var k = 0; k < _classes; k++)
            {
                var averaged = w[k] - u[k] / _step;
                if (Math.Abs(averaged) >= pruneBelow && averaged != 0)
                {
                    entries.Add(((byte)k, averaged));
                }
            }

            if (entries.Count > 0)
            {
                rows[feature] = [.. entries];
            }
        }

        return new LinearModel(_classes, rows);
    }

    private Span<float> Row(List<float[]> chunks, int row) => chunks[row / ChunkRows].AsSpan(row % ChunkRows * _classes, _classes);

    /// <summary>Adds <paramref name="row"/> to <paramref name="scores"/>, a SIMD vector at a time (shared with <see cref="LinearModel"/>'s dense rows).</summary>
    internal static void Add(Span<float> scores, ReadOnlySpan<float> row)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var width = Vector<float>.Count;
            for (; i <= row.Length - width; i += width)
            {
                (new Vector<float>(scores[i..]) + new Vector<float>(row[i..])).CopyTo(scores[i..]);
            }
        }

        for (; i < row.Length; i++)
        {
            scores[i] += row[i];
        }
    }
}
