using System.Text;

namespace Dossier.Analysis;

/// <summary>
/// Finds copies and near-copies (one wire story reposted by several sites, lightly edited) so that
/// they count as one source. Each document's text becomes a MinHash signature over its word
/// 5-shingles; locality-sensitive hashing in bands proposes candidate pairs (never all against
/// all); a pair whose signatures agree on at least <see cref="Threshold"/> of their hashes (an
/// estimate of the shingles' Jaccard similarity) is one source. Deterministic.
/// </summary>
internal static class Syndication
{
    /// <summary>Estimated Jaccard similarity of shingles at which two documents are one source.</summary>
    public const double Threshold = 0.5;

    private const int Shingle = 5;
    private const int Bands = 32;
    private const int Rows = 4;
    private const int Hashes = Bands * Rows;

    /// <summary>For each document id, the id of the first document of its group of near-copies (documents that share one are one source), from the documents' signatures computed beforehand (their digests').</summary>
    internal static IReadOnlyDictionary<string, string> SourceOf(IReadOnlyList<Document> documents, IReadOnlyList<ulong[]?> signatures)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var copies = Group(signatures);
        return documents.Select((d, k) => (d.Id, Source: documents[copies[k]].Id)).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().Source, StringComparer.Ordinal);
    }

    /// <summary>For each document (by index), the index of the first document of its group of near-copies.</summary>
    public static int[] Group(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Group([.. texts.Select(Signature)]);
    }

    /// <summary>For each signature (by index; null for a text too short to have one), the index of the first of its group of near-copies.</summary>
    private static int[] Group(IReadOnlyList<ulong[]?> signatures)
    {
        var sets = new UnionFind(signatures.Count);
        var buckets = new Dictionary<(int Band, ulong Key), List<int>>();
        for (var d = 0; d < signatures.Count; d++)
        {
            if (signatures[d] is not { } sig)
            {
                continue;
            }

            for (var b = 0; b < Bands; b++)
            {
                var key = 1469598103934665603UL;
                for (var r = 0; r < Rows; r++)
                {
                    key = (key ^ sig[(b * Rows) + r]) * 1099511628211UL;
                }

                (buckets.TryGetValue((b, key), out var list) ? list : buckets[(b, key)] = []).Add(d);
            }
        }

        var compared = new HashSet<(int, int)>();
        foreach (var list in buckets.Values)
        {
            for (var x = 0; x < list.Count; x++)
            {
                for (var y = x + 1; y < list.Count; y++)
                {
                    if (compared.Add((list[x], list[y])) && Agreement(signatures[list[x]]!, signatures[list[y]]!) >= Threshold)
                    {
                        sets.Union(list[x], list[y]);
                    }
                }
            }
        }

        var first = new int[signatures.Count];
        for (var d = 0; d < signatures.Count; d++)
        {
            first[d] = sets.Find(d);
        }

        return first;
    }

    /// <summary>The share of two signatures' hashes that agree: an estimate of their shingles' Jaccard similarity.</summary>
    public static double Agreement(ulong[] a, ulong[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var same = 0;
        for (var k = 0; k < a.Length; k++)
        {
            same += a[k] == b[k] ? 1 : 0;
        }

        return (double)same / a.Length;
    }

    /// <summary>The MinHash signature of a text's word 5-shingles (lower case, letters and digits only); null for a text of fewer than five words.</summary>
    public static ulong[]? Signature(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(text);
        if (words.Count < Shingle)
        {
            return null;
        }

        var sig = new ulong[Hashes];
        Array.Fill(sig, ulong.MaxValue);
        for (var i = 0; i + Shingle <= words.Count; i++)
        {
            var h = 1469598103934665603UL;
            for (var k = 0; k < Shingle; k++)
            {
                h = (h ^ words[i + k]) * 1099511628211UL;
            }

            for (var j = 0; j < Hashes; j++)
            {
                // One hash function per slot: the shingle's hash remixed with the slot's seed (splitmix64).
                var x = h + (0x9E3779B97F4A7C15UL * (ulong)(j + 1));
                x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
                x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
                x ^= x >> 31;
                if (x < sig[j])
                {
                    sig[j] = x;
                }
            }
        }

        return sig;
    }

    private static List<ulong> Words(string text)
    {
        var words = new List<ulong>();
        var current = new StringBuilder();
        foreach (var ch in text.Append(' '))
        {
            if (char.IsLetterOrDigit(ch))
            {
                current.Append(char.ToLowerInvariant(ch));
            }
            else if (current.Length > 0)
            {
                var h = 14695981039346656037UL;
                foreach (var c in current.ToString())
                {
                    h = (h ^ c) * 1099511628211UL;
                }

                words.Add(h);
                current.Clear();
            }
        }

        return words;
    }

}
