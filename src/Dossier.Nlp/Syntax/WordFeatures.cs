using Dossier.Nlp.Learning;
using Dossier.Nlp.Ner;

namespace Dossier.Nlp.Syntax;

/// <summary>
/// What the tagger and the parser know of each word of a sentence, hashed once per word: the
/// form, its normalised lower case (digits as 0), suffixes, prefix, shape and word-cluster path.
/// </summary>
internal sealed class WordFeatures
{
    /// <summary>The value that stands for a position outside the sentence.</summary>
    public static readonly ulong Boundary = FeatureHash.Of("<boundary>");

    private static readonly ulong NoCluster = FeatureHash.Of("<no-cluster>");

    private static readonly ulong Unknown = FeatureHash.Of("<unknown>");

    public WordFeatures(IReadOnlyList<string> words, WordClusters clusters, IReadOnlyDictionary<string, ulong>? ambiguity = null)
    {
        var n = words.Count;
        Count = n;
        Form = new ulong[n];
        Norm = new ulong[n];
        Suffix = new ulong[n, 4];
        Prefix = new ulong[n];
        Shape = new ulong[n];
        Cluster = new ulong[n];
        ClusterShort = new ulong[n];
        Norms = new string[n];
        Ambiguity = new ulong[n];
        for (var i = 0; i < n; i++)
        {
            var word = words[i];
            var norm = Normalise(word);
            Norms[i] = norm;
            Form[i] = FeatureHash.Of(word);
            Norm[i] = FeatureHash.Of(norm);
            for (var k = 1; k <= 4; k++)
            {
                Suffix[i, k - 1] = norm.Length > k ? FeatureHash.Of(norm.AsSpan(norm.Length - k)) : Norm[i];
            }

            Prefix[i] = FeatureHash.Of(norm.AsSpan(0, Math.Min(2, norm.Length)));
            Shape[i] = FeatureHash.Of(ShortShape(word));
            var path = clusters.PathOf(word) ?? clusters.PathOf(norm);
            Cluster[i] = path is null ? NoCluster : FeatureHash.Of(path);
            Ambiguity[i] = ambiguity is not null && ambiguity.TryGetValue(norm, out var tags) ? tags : Unknown;
            ClusterShort[i] = path is null ? NoCluster : FeatureHash.Of(path.AsSpan(0, Math.Min(2, path.Length)));
        }
    }

    public int Count { get; }

    public ulong[] Form { get; }

    public ulong[] Norm { get; }

    public string[] Norms { get; }

    public ulong[,] Suffix { get; }

    public ulong[] Prefix { get; }

    public ulong[] Shape { get; }

    public ulong[] Cluster { get; }

    public ulong[] ClusterShort { get; }

    /// <summary>The hashed set of tags each word had in training (its ambiguity class); one value for unknown words.</summary>
    public ulong[] Ambiguity { get; }

    public ulong AmbiguityAt(int i) => i >= 0 && i < Count ? Ambiguity[i] : Boundary;

    public ulong NormAt(int i) => i >= 0 && i < Count ? Norm[i] : Boundary;

    public ulong SuffixAt(int i, int k) => i >= 0 && i < Count ? Suffix[i, k - 1] : Boundary;

    public ulong ShapeAt(int i) => i >= 0 && i < Count ? Shape[i] : Boundary;

    public ulong ClusterAt(int i) => i >= 0 && i < Count ? Cluster[i] : Boundary;

    /// <summary>Lower case, digits as 0, at most 32 characters.</summary>
    public static string Normalise(string word)
    {
        var length = Math.Min(word.Length, 32);
        return string.Create(length, word, static (span, w) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = w[i];
                span[i] = char.IsDigit(c) ? '0' : char.ToLowerInvariant(c);
            }
        });
    }

    /// <summary>The shape with runs collapsed: "Xx", "x-x", "d.d", "X".</summary>
    public static string ShortShape(string word)
    {
        Span<char> buffer = stackalloc char[16];
        var length = 0;
        foreach (var c in word)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'l' : c;
            if (length == 0 || buffer[length - 1] != s)
            {
                if (length == buffer.Length)
                {
                    break;
                }

                buffer[length++] = s;
            }
        }

        return new string(buffer[..length]);
    }
}
