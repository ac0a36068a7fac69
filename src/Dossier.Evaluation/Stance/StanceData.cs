using System.Globalization;
using Dossier.Nlp.Stance;
using nietras.SeparatedValues;

namespace Dossier.Evaluation.Stance;

/// <summary>One claim–article pair of the Fake News Challenge: a headline, the article's body id, and its stance when labelled.</summary>
public sealed record StancePair(string Headline, string BodyId, string? Stance);

/// <summary>
/// Reads and writes the Fake News Challenge's files (<c>Body ID,articleBody</c> and
/// <c>Headline,Body ID,Stance</c>; quoted, multi-line fields) and splits train into parts by
/// story, so that neither a body nor a claim is on two sides: a stable hash puts a tenth of the
/// stories in <c>holdout</c> (looked at once, at the end), two tenths in <c>dev</c> (where
/// choices are made) and the rest in <c>train</c>.
/// </summary>
public static class StanceData
{
    /// <summary>The bodies, by id.</summary>
    public static Dictionary<string, string> ReadBodies(string path)
    {
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(path);
        foreach (var row in reader)
        {
            bodies[row["Body ID"].ToString()] = row["articleBody"].ToString();
        }

        return bodies;
    }

    /// <summary>The pairs in file order; the stance is null when the file has no Stance column.</summary>
    public static List<StancePair> ReadPairs(string path)
    {
        var pairs = new List<StancePair>();
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(path);
        var labelled = reader.Header.ColNames.Contains("Stance");
        foreach (var row in reader)
        {
            var stance = labelled ? row["Stance"].ToString().Trim() : null;
            if (stance is not null && !StanceModel.Labels.Contains(stance))
            {
                throw new InvalidDataException($"{path}: row {row.RowIndex}: unknown stance '{stance}' (expected {string.Join(", ", StanceModel.Labels)})");
            }

            pairs.Add(new StancePair(row["Headline"].ToString(), row["Body ID"].ToString(), stance));
        }

        return pairs;
    }

    /// <summary>Writes one row per pair, in order, with the stances file's columns and the predicted stance.</summary>
    public static void WritePredictions(string path, IReadOnlyList<StancePair> pairs, IReadOnlyList<string> predicted)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(predicted);
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(path);
        for (var k = 0; k < pairs.Count; k++)
        {
            using var row = writer.NewRow();
            row["Headline"].Set(pairs[k].Headline);
            row["Body ID"].Set(pairs[k].BodyId);
            row["Stance"].Set(predicted[k]);
        }
    }

    /// <summary>
    /// The pairs of the given parts ("all" keeps every pair). A story is a claim with the bodies that are
    /// about it (joined through their related pairs); the story's smallest body id decides its part,
    /// so that neither a body nor a claim is seen on two sides — the competition's test has new
    /// claims and new bodies. An unrelated pair whose claim and body fall in different parts belongs
    /// to neither, unless both parts are asked for.
    /// </summary>
    public static List<StancePair> Part(IReadOnlyList<StancePair> pairs, params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Contains("all"))
        {
            return [.. pairs];
        }

        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string x)
        {
            while (parent.TryGetValue(x, out var p) && p != x)
            {
                x = parent[x] = parent.GetValueOrDefault(p, p);
            }

            return x;
        }

        foreach (var p in pairs.Where(p => p.Stance is not null and not "unrelated"))
        {
            var (a, b) = (Find("h:" + p.Headline), Find("b:" + p.BodyId));
            if (a != b)
            {
                parent[a] = b;
            }
        }

        // The story's key: its smallest body id; a claim or body alone is its own story.
        var key = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in pairs)
        {
            var root = Find("b:" + p.BodyId);
            if (!key.TryGetValue(root, out var k) || string.CompareOrdinal(p.BodyId, k) < 0)
            {
                key[root] = p.BodyId;
            }
        }

        string StoryPart(string node) => DataSplit.PartOf(key.TryGetValue(Find(node), out var k) ? k : node);
        return [.. pairs.Where(p => parts.Contains(StoryPart("b:" + p.BodyId)) && parts.Contains(StoryPart("h:" + p.Headline)))];
    }

    /// <summary>The body of a pair, or an error that names the pair.</summary>
    internal static string BodyOf(IReadOnlyDictionary<string, string> bodies, StancePair pair, int row) =>
        bodies.TryGetValue(pair.BodyId, out var body) ? body
            : throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"stances row {row + 1}: no body with id {pair.BodyId}"));
}
