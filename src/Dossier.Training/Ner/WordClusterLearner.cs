using Dossier.Evaluation.Ner;
using Dossier.Nlp.Ner;
using Dossier.Text;

namespace Dossier.Training.Ner;

/// <summary>An unlabelled corpus for learning word clusters.</summary>
/// <param name="Path">A file, or a folder of .txt files.</param>
/// <param name="Format">conll (word first column), gmb (the Kaggle GMB csv), conllu (word second column) or text (raw text, tokenized by Dossier).</param>
internal sealed record ClusterCorpus(string Path, string Format);

/// <summary>How word clusters are learned (set in the training config).</summary>
internal sealed record WordClusterOptions
{
    /// <summary>The unlabelled corpora.</summary>
    public IReadOnlyList<ClusterCorpus> Corpora { get; init; } = [];

    /// <summary>Words seen fewer times get no cluster.</summary>
    public int MinCount { get; init; } = 3;

    /// <summary>The most frequent words used as contexts.</summary>
    public int ContextWords { get; init; } = 2000;

    /// <summary>Dimensions of the random projection of context vectors.</summary>
    public int Dimensions { get; init; } = 128;

    /// <summary>Children per node of the cluster tree.</summary>
    public int Branching { get; init; } = 8;

    /// <summary>Levels of the cluster tree; the features are the path prefixes.</summary>
    public int Depth { get; init; } = 4;

    /// <summary>k-means iterations per split.</summary>
    public int Iterations { get; init; } = 12;

    /// <summary>The seed of the projection and of the k-means starts.</summary>
    public int Seed { get; init; } = 1;
}

/// <summary>Learns <see cref="WordClusters"/> from unlabelled text: each word's left and right neighbours
/// (PPMI-weighted, randomly projected) clustered by k-means, each cluster split again
/// <see cref="WordClusterOptions.Depth"/> times.</summary>
internal static class WordClusterLearner
{
    /// <summary>
    /// Learns clusters from the corpora in <paramref name="options"/>. With <paramref name="heldOutFold"/>
    /// (cross-validation), the held-out documents of that fold are left out of CoNLL-format corpora, so
    /// the clusters know no more of them than of unseen text.
    /// </summary>
    public static WordClusters Learn(WordClusterOptions options, string baseDirectory, Action<string>? log = null, int? heldOutFold = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sentences = options.Corpora.SelectMany(c => ReadCorpus(c, baseDirectory, heldOutFold)).ToList();
        log?.Invoke($"clusters: {sentences.Count:N0} sentences, {sentences.Sum(s => s.Length):N0} tokens of unlabelled text");
        return Learn(sentences, options);
    }

    /// <summary>Learns clusters from tokenized sentences.</summary>
    public static WordClusters Learn(IReadOnlyList<string[]> sentences, WordClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(options);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowerCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            foreach (var w in s)
            {
                counts[w] = counts.GetValueOrDefault(w) + 1;
                var l = w.ToLowerInvariant();
                lowerCounts[l] = lowerCounts.GetValueOrDefault(l) + 1;
            }
        }

        var vocabulary = counts.Where(c => c.Value >= options.MinCount).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
        var wordIndex = vocabulary.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i, StringComparer.Ordinal);
        var contexts = lowerCounts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(options.ContextWords).Select((c, i) => (c.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        var boundary = contexts.Count;
        var contextCount = 2 * (contexts.Count + 1);

        // Co-occurrence counts: left neighbour in [0, C], right neighbour in [C + 1, 2C + 1].
        var cooc = new Dictionary<int, float>[vocabulary.Count];
        for (var i = 0; i < cooc.Length; i++)
        {
            cooc[i] = [];
        }

        var contextTotals = new double[contextCount];
        double total = 0;
        foreach (var s in sentences)
        {
            for (var i = 0; i < s.Length; i++)
            {
                if (!wordIndex.TryGetValue(s[i], out var w))
                {
                    continue;
                }

                var left = i > 0 && contexts.TryGetValue(s[i - 1].ToLowerInvariant(), out var lc) ? lc : boundary;
                var right = (i + 1 < s.Length && contexts.TryGetValue(s[i + 1].ToLowerInvariant(), out var rc) ? rc : boundary) + contexts.Count + 1;
                foreach (var c in (ReadOnlySpan<int>)[left, right])
                {
                    cooc[w][c] = cooc[w].GetValueOrDefault(c) + 1;
                    contextTotals[c]++;
                    total++;
                }
            }
        }

        // PPMI, randomly projected to a few dimensions, normalised.
        var d = options.Dimensions;
        var vectors = new float[vocabulary.Count][];
        for (var w = 0; w < vocabulary.Count; w++)
        {
            var v = new float[d];
            double wordTotal = cooc[w].Values.Sum();
            foreach (var (c, n) in cooc[w])
            {
                var pmi = Math.Log(n * total / (wordTotal * contextTotals[c]));
                if (pmi <= 0)
                {
                    continue;
                }

                for (var k = 0; k < d; k++)
                {
                    v[k] += Sign(c, k, options.Seed) * (float)pmi;
                }
            }

            var norm = MathF.Sqrt(v.Sum(x => x * x));
            if (norm > 0)
            {
                for (var k = 0; k < d; k++)
                {
                    v[k] /= norm;
                }
            }

            vectors[w] = v;
        }

        var paths = new string[vocabulary.Count];
        Array.Fill(paths, string.Empty);
        var random = new Random(options.Seed);
        Split([.. Enumerable.Range(0, vocabulary.Count)], 0);

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var w = 0; w < vocabulary.Count; w++)
        {
            result[vocabulary[w]] = paths[w];
        }

        return new WordClusters(result);

        void Split(int[] members, int level)
        {
            if (level == options.Depth || members.Length <= options.Branching)
            {
                return;
            }

            var assignment = KMeans(members, vectors, options.Branching, options.Iterations, random);
            for (var k = 0; k < options.Branching; k++)
            {
                var child = members.Where((_, i) => assignment[i] == k).ToArray();
                foreach (var m in child)
                {
                    paths[m] += (char)('0' + k);
                }

                Split(child, level + 1);
            }
        }
    }

    /// <summary>A fixed pseudo-random sign per (context, dimension, seed): SplitMix64, not HashCode, which differs between processes.</summary>
    private static float Sign(int context, int dimension, int seed)
    {
        var z = ((ulong)(uint)context << 32 | (uint)dimension) + 0x9E3779B97F4A7C15UL * (ulong)(seed + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z & 1) == 0 ? 1f : -1f;
    }

    private static int[] KMeans(int[] members, float[][] vectors, int k, int iterations, Random random)
    {
        var d = vectors[0].Length;
        var centroids = new float[k][];

        // k-means++ starts.
        centroids[0] = (float[])vectors[members[random.Next(members.Length)]].Clone();
        var distance = new double[members.Length];
        for (var c = 1; c < k; c++)
        {
            double sum = 0;
            for (var i = 0; i < members.Length; i++)
            {
                var best = double.MaxValue;
                for (var j = 0; j < c; j++)
                {
                    best = Math.Min(best, 1 - Dot(vectors[members[i]], centroids[j]));
                }

                distance[i] = Math.Max(0, best);
                sum += distance[i];
            }

            var target = random.NextDouble() * sum;
            var chosen = members.Length - 1;
            for (var i = 0; i < members.Length; i++)
            {
                target -= distance[i];
                if (target <= 0)
                {
                    chosen = i;
                    break;
                }
            }

            centroids[c] = (float[])vectors[members[chosen]].Clone();
        }

        var assignment = new int[members.Length];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            for (var i = 0; i < members.Length; i++)
            {
                var best = float.MinValue;
                for (var c = 0; c < k; c++)
                {
                    var s = Dot(vectors[members[i]], centroids[c]);
                    if (s > best)
                    {
                        best = s;
                        assignment[i] = c;
                    }
                }
            }

            for (var c = 0; c < k; c++)
            {
                Array.Clear(centroids[c]);
            }

            for (var i = 0; i < members.Length; i++)
            {
                var v = vectors[members[i]];
                var centroid = centroids[assignment[i]];
                for (var j = 0; j < d; j++)
                {
                    centroid[j] += v[j];
                }
            }

            foreach (var centroid in centroids)
            {
                var norm = MathF.Sqrt(centroid.Sum(x => x * x));
                if (norm > 0)
                {
                    for (var j = 0; j < d; j++)
                    {
                        centroid[j] /= norm;
                    }
                }
            }
        }

        return assignment;
    }

    private static float Dot(float[] a, float[] b)
    {
        var sum = 0f;
        var i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var acc = System.Numerics.Vector<float>.Zero;
            for (; i <= a.Length - System.Numerics.Vector<float>.Count; i += System.Numerics.Vector<float>.Count)
            {
                acc += new System.Numerics.Vector<float>(a, i) * new System.Numerics.Vector<float>(b, i);
            }

            sum = System.Numerics.Vector.Sum(acc);
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static IEnumerable<string[]> ReadCorpus(ClusterCorpus corpus, string baseDirectory, int? heldOutFold)
    {
        var path = DataFile.Resolve(baseDirectory, corpus.Path);
        switch (corpus.Format)
        {
            case "conll":
                var documents = ConllReader.Read(path);
                return (heldOutFold is { } fold ? ConllReader.Part(documents, "train", fold) : documents).SelectMany(d => d.Sentences).Select(s => s.Tokens);
            case "gmb":
                return GmbSentences(path);
            case "conllu":
                return ConlluSentences(path);
            case "text":
                return TextSentences(path);
            default:
                throw new DossierException(DossierErrorCode.UnsupportedFormat, $"unknown cluster corpus format '{corpus.Format}' (conll, gmb, conllu, text)", path);
        }
    }

    private static IEnumerable<string[]> GmbSentences(string path)
    {
        var words = new List<string>();
        foreach (var row in GazetteerBuilder.Csv(path).Skip(1))
        {
            if (row.Count < 2)
            {
                continue;
            }

            if (row[0].Length > 0 && words.Count > 0)
            {
                yield return [.. words];
                words.Clear();
            }

            words.Add(row[1]);
        }

        if (words.Count > 0)
        {
            yield return [.. words];
        }
    }

    private static IEnumerable<string[]> ConlluSentences(string path)
    {
        var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.conllu").Order(StringComparer.Ordinal) : (IEnumerable<string>)[path];
        foreach (var file in files)
        {
            var words = new List<string>();
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length == 0)
                {
                    if (words.Count > 0)
                    {
                        yield return [.. words];
                        words.Clear();
                    }

                    continue;
                }

                if (line[0] == '#')
                {
                    continue;
                }

                var f = line.Split('\t');
                if (f.Length > 1 && !f[0].Contains('-', StringComparison.Ordinal) && !f[0].Contains('.', StringComparison.Ordinal))
                {
                    words.Add(f[1]);
                }
            }

            if (words.Count > 0)
            {
                yield return [.. words];
            }
        }
    }

    private static IEnumerable<string[]> TextSentences(string path)
    {
        var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : (IEnumerable<string>)[path];
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                var tokens = Nlp.Tokenization.Tokenizer.Default.Tokenize(line);
                if (tokens.Count > 0)
                {
                    yield return [.. tokens.Select(t => line.Substring(t.Span.Start, t.Span.Length))];
                }
            }
        }
    }
}
