using Dossier.Nlp.Ner;
namespace Dossier.Training.Learning;

/// <summary>
/// The steps of training an averaged structured perceptron (Collins 2002) over dense feature
/// indices: decoding with the current weights, the update after a wrong sequence, and the
/// averaging at the end of an epoch. Shared by the NER and attribution trainers.
/// </summary>
internal static class PerceptronTraining
{
    /// <summary>Dense indices for the feature hashes seen at least <paramref name="minCount"/> times over <paramref name="tokens"/> (each token's hashes), in hash order.</summary>
    public static Dictionary<ulong, int> Index(IEnumerable<IEnumerable<ulong>> tokens, int minCount)
    {
        var counts = new Dictionary<ulong, int>();
        foreach (var token in tokens)
        {
            foreach (var f in token)
            {
                counts[f] = counts.GetValueOrDefault(f) + 1;
            }
        }

        var index = new Dictionary<ulong, int>();
        foreach (var (hash, count) in counts.OrderBy(c => c.Key))
        {
            if (count >= minCount)
            {
                index[hash] = index.Count;
            }
        }

        return index;
    }

    /// <summary>The best well-formed label sequence for tokens given as feature indices, under dense weights <c>[feature × label]</c>.</summary>
    public static int[] Decode(int[][] features, float[] weights, float[] transitions, EntityLabels labels)
    {
        var l = labels.Count;
        var emissions = new float[features.Length * l];
        for (var t = 0; t < features.Length; t++)
        {
            var e = emissions.AsSpan(t * l, l);
            foreach (var f in features[t])
            {
                var row = weights.AsSpan(f * l, l);
                for (var y = 0; y < l; y++)
                {
                    e[y] += row[y];
                }
            }
        }

        return PerceptronTagger.Viterbi(emissions, features.Length, labels, transitions);
    }

    /// <summary>
    /// Moves the weights towards <paramref name="gold"/> and away from <paramref name="predicted"/>
    /// where they differ; <paramref name="accumulated"/> and <paramref name="accumulatedTransitions"/>
    /// keep the updates weighted by the step <paramref name="c"/>, for averaging. True when the sequences differed.
    /// </summary>
    public static bool Update(int[][] features, int[] gold, int[] predicted, int l, float c, float[] weights, float[] accumulated, float[] transitions, float[] accumulatedTransitions)
    {
        if (predicted.AsSpan().SequenceEqual(gold))
        {
            return false;
        }

        for (var t = 0; t < gold.Length; t++)
        {
            if (predicted[t] != gold[t])
            {
                foreach (var f in features[t])
                {
                    weights[f * l + gold[t]] += 1;
                    accumulated[f * l + gold[t]] += c;
                    weights[f * l + predicted[t]] -= 1;
                    accumulated[f * l + predicted[t]] -= c;
                }
            }

            if (t > 0 && (predicted[t] != gold[t] || predicted[t - 1] != gold[t - 1]))
            {
                transitions[gold[t - 1] * l + gold[t]] += 1;
                accumulatedTransitions[gold[t - 1] * l + gold[t]] += c;
                transitions[predicted[t - 1] * l + predicted[t]] -= 1;
                accumulatedTransitions[predicted[t - 1] * l + predicted[t]] -= c;
            }
        }

        return true;
    }

    /// <summary>The element-wise mean of several runs' weights (parameter mixing, McDonald et al. 2010); one array's mean is its values.</summary>
    public static float[] Mean(IEnumerable<float[]> vectors)
    {
        float[]? sum = null;
        var n = 0;
        foreach (var vector in vectors)
        {
            sum ??= new float[vector.Length];
            for (var i = 0; i < vector.Length; i++)
            {
                sum[i] += vector[i];
            }

            n++;
        }

        for (var i = 0; i < sum!.Length; i++)
        {
            sum[i] /= n;
        }

        return sum;
    }

    /// <summary>The averaged weights after <paramref name="c"/> steps.</summary>
    public static float[] Average(float[] weights, float[] accumulated, float c)
    {
        var averaged = new float[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            averaged[i] = weights[i] - accumulated[i] / c;
        }

        return averaged;
    }

    /// <summary>The sparse rows of dense weights: per feature hash, its labels whose weight is at least <paramref name="pruneBelow"/> in size.</summary>
    public static Dictionary<ulong, (byte, float)[]> Rows(IEnumerable<KeyValuePair<ulong, int>> index, float[] weights, int l, float pruneBelow)
    {
        var rows = new Dictionary<ulong, (byte, float)[]>();
        foreach (var (hash, f) in index)
        {
            var entries = new List<(byte, float)>();
            for (var y = 0; y < l; y++)
            {
                if (Math.Abs(weights[f * l + y]) >= pruneBelow)
                {
                    entries.Add(((byte)y, weights[f * l + y]));
                }
            }

            if (entries.Count > 0)
            {
                rows[hash] = [.. entries];
            }
        }

        return rows;
    }
}

/// <summary>
/// One perceptron of several trained side by side, each over its own order of the training
/// sequences: its weights and transitions, their running sums for averaging, its step count, its
/// order and the mistakes of its last epoch.
/// </summary>
internal sealed class PerceptronRun(int weights, int transitions, int seed, int sequences)
{
    public float[] Weights { get; } = new float[weights];

    public float[] Accumulated { get; } = new float[weights];

    public float[] Transitions { get; } = new float[transitions];

    public float[] AccumulatedTransitions { get; } = new float[transitions];

    public float C { get; set; } = 1f;

    public Random Random { get; } = new(seed);

    public int[] Order { get; } = [.. Enumerable.Range(0, sequences)];

    public int Mistakes { get; set; }

    /// <summary>The averaged weights so far.</summary>
    public float[] AveragedWeights() => PerceptronTraining.Average(Weights, Accumulated, C);

    /// <summary>The averaged transitions so far.</summary>
    public float[] AveragedTransitions() => PerceptronTraining.Average(Transitions, AccumulatedTransitions, C);
}
