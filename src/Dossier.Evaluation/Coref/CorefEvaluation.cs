using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dossier.Text;

namespace Dossier.Evaluation.Coref;

/// <summary>A gold mention of a coreference corpus: its characters, chain, type and Wikipedia identity.</summary>
public sealed record GoldMention(TextSpan Span, int Chain, string Type, string? Identity);

/// <summary>A document of a coreference corpus: its text (rebuilt from the tokens) and its mentions.</summary>
public sealed record CorefDocument(string Name, string Text, IReadOnlyList<GoldMention> Mentions);

/// <summary>Precision, recall and F1 of one coreference measure.</summary>
public sealed record CorefScore(string Measure, double Precision, double Recall)
{
    /// <summary>The harmonic mean.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Coreference scoring with the CoNLL-2012 measures — MUC (Vilain et al. 1995), B³ (Bagga &amp;
/// Baldwin 1998) and CEAF-e (Luo 2005, entity similarity φ4, optimal alignment) — and their
/// average, over clusters of mentions identified by their character spans; and a reader of
/// GUM's CoNLL-U files (the <c>Entity=</c> brackets of the MISC column).
/// </summary>
public static partial class CorefEvaluation
{
    /// <summary>Reads a GUM CoNLL-U file: text rebuilt from the tokens (a space unless <c>SpaceAfter=No</c>), mentions from the Entity brackets.</summary>
    public static CorefDocument ReadGumConllu(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = new StringBuilder();
        var mentions = new List<GoldMention>();
        var open = new Dictionary<int, Stack<(int Start, string Type, string? Identity)>>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length < 10 || f[0].Contains('-', StringComparison.Ordinal) || f[0].Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            var start = text.Length;
            text.Append(f[1]);
            var end = text.Length;
            var misc = f[9].Split('|');
            if (!misc.Contains("SpaceAfter=No"))
            {
                text.Append(' ');
            }

            var entity = misc.FirstOrDefault(m => m.StartsWith("Entity=", StringComparison.Ordinal));
            if (entity is null)
            {
                continue;
            }

            foreach (Match m in EntityBracket().Matches(entity[7..]))
            {
                if (m.Groups["close"].Success && !m.Groups["open"].Success)
                {
                    var chain = int.Parse(m.Groups["closeid"].Value, CultureInfo.InvariantCulture);
                    if (open.TryGetValue(chain, out var stack) && stack.Count > 0)
                    {
                        var (s, type, identity) = stack.Pop();
                        mentions.Add(new GoldMention(new TextSpan(s, end), chain, type, identity));
                    }

                    continue;
                }

                var id = int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture);
                var attributes = m.Groups["attrs"].Value.TrimStart('-').Split('-');
                var etype = attributes.Length > 0 ? attributes[0] : string.Empty;
                var wiki = attributes.Length > 6 ? string.Join('-', attributes[6..]) : null;
                if (m.Groups["selfclose"].Success)
                {
                    mentions.Add(new GoldMention(new TextSpan(start, end), id, etype, wiki));
                }
                else
                {
                    if (!open.TryGetValue(id, out var stack))
                    {
                        stack = new Stack<(int, string, string?)>();
                        open[id] = stack;
                    }

                    stack.Push((start, etype, wiki));
                }
            }
        }

        return new CorefDocument(Path.GetFileNameWithoutExtension(path), text.ToString(), mentions);
    }

    /// <summary>MUC, B³, CEAF-e and their average for key and response clusterings (mentions as spans); clusters of one mention are left out of both, as in CoNLL-2012.</summary>
    internal static IReadOnlyList<CorefScore> Score(IEnumerable<(IReadOnlyList<IReadOnlyList<TextSpan>> Key, IReadOnlyList<IReadOnlyList<TextSpan>> Response)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        double mucRn = 0, mucRd = 0, mucPn = 0, mucPd = 0, b3Rn = 0, b3Rd = 0, b3Pn = 0, b3Pd = 0, ceafSim = 0, ceafK = 0, ceafR = 0;
        foreach (var (rawKey, rawResponse) in documents)
        {
            var key = rawKey.Where(c => c.Count > 1).Select(c => c.ToHashSet()).ToList();
            var response = rawResponse.Where(c => c.Count > 1).Select(c => c.ToHashSet()).ToList();

            (var n, var d) = Muc(key, response);
            mucRn += n;
            mucRd += d;
            (n, d) = Muc(response, key);
            mucPn += n;
            mucPd += d;

            (n, d) = BCubed(key, response);
            b3Rn += n;
            b3Rd += d;
            (n, d) = BCubed(response, key);
            b3Pn += n;
            b3Pd += d;

            ceafSim += CeafE(key, response);
            ceafK += key.Count;
            ceafR += response.Count;
        }

        var muc = new CorefScore("MUC", Ratio(mucPn, mucPd), Ratio(mucRn, mucRd));
        var b3 = new CorefScore("B3", Ratio(b3Pn, b3Pd), Ratio(b3Rn, b3Rd));
        var ceaf = new CorefScore("CEAF-e", Ratio(ceafSim, ceafR), Ratio(ceafSim, ceafK));
        return [muc, b3, ceaf, new CorefScore("CoNLL avg", (muc.Precision + b3.Precision + ceaf.Precision) / 3, (muc.Recall + b3.Recall + ceaf.Recall) / 3)];
    }

    /// <summary>MUC recall of <paramref name="key"/> against <paramref name="response"/> (swap for precision): Σ(|K| − |partitions of K by the response|) over Σ(|K| − 1).</summary>
    private static (double Numerator, double Denominator) Muc(List<HashSet<TextSpan>> key, List<HashSet<TextSpan>> response)
    {
        double numerator = 0, denominator = 0;
        foreach (var k in key)
        {
            var inResponse = response.Where(r => r.Overlaps(k)).ToList();
            var partitions = inResponse.Count + k.Count(m => !inResponse.Any(r => r.Contains(m)));
            numerator += k.Count - partitions;
            denominator += k.Count - 1;
        }

        return (numerator, denominator);
    }

    /// <summary>B³ recall of <paramref name="key"/> against <paramref name="response"/> (swap for precision): per mention, the share of its key cluster in its response cluster (nothing for a mention the response lacks, as the CoNLL-2012 scorer counts it).</summary>
    private static (double Numerator, double Denominator) BCubed(List<HashSet<TextSpan>> key, List<HashSet<TextSpan>> response)
    {
        double numerator = 0, denominator = 0;
        foreach (var k in key)
        {
            foreach (var m in k)
            {
                var r = response.FirstOrDefault(r => r.Contains(m));
                numerator += r is null ? 0 : (double)k.Count(r.Contains) / k.Count;
                denominator++;
            }
        }

        return (numerator, denominator);
    }

    /// <summary>The best total φ4 similarity of a one-to-one alignment of key and response entities (the Hungarian algorithm).</summary>
    private static double CeafE(List<HashSet<TextSpan>> key, List<HashSet<TextSpan>> response)
    {
        if (key.Count == 0 || response.Count == 0)
        {
            return 0;
        }

        var n = Math.Max(key.Count, response.Count);
        var cost = new double[n, n];
        for (var i = 0; i < key.Count; i++)
        {
            for (var j = 0; j < response.Count; j++)
            {
                var common = key[i].Count(response[j].Contains);
                cost[i, j] = -2.0 * common / (key[i].Count + response[j].Count);
            }
        }

        var assignment = Hungarian(cost, n);
        var total = 0.0;
        for (var i = 0; i < key.Count; i++)
        {
            if (assignment[i] < response.Count)
            {
                total -= cost[i, assignment[i]];
            }
        }

        return total;
    }

    /// <summary>The minimum-cost assignment of an n × n cost matrix (Kuhn–Munkres with potentials): row i → column result[i].</summary>
    private static int[] Hungarian(double[,] cost, int n)
    {
        var u = new double[n + 1];
        var v = new double[n + 1];
        var p = new int[n + 1];
        var way = new int[n + 1];
        for (var i = 1; i <= n; i++)
        {
            p[0] = i;
            var j0 = 0;
            var minv = Enumerable.Repeat(double.PositiveInfinity, n + 1).ToArray();
            var used = new bool[n + 1];
            do
            {
                used[j0] = true;
                var i0 = p[j0];
                var delta = double.PositiveInfinity;
                var j1 = 0;
                for (var j = 1; j <= n; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }

                    var current = cost[i0 - 1, j - 1] - u[i0] - v[j];
                    if (current < minv[j])
                    {
                        minv[j] = current;
                        way[j] = j0;
                    }

                    if (minv[j] < delta)
                    {
                        delta = minv[j];
                        j1 = j;
                    }
                }

                for (var j = 0; j <= n; j++)
                {
                    if (used[j])
                    {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minv[j] -= delta;
                    }
                }

                j0 = j1;
            }
            while (p[j0] != 0);

            do
            {
                var j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }

        var result = new int[n];
        for (var j = 1; j <= n; j++)
        {
            result[p[j] - 1] = j - 1;
        }

        return result;
    }

    /// <summary>Formats scores as a table (percentages).</summary>
    public static string Format(IEnumerable<CorefScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"measure",-10}{"precision",10}{"recall",10}{"F1",10}");
        foreach (var s in scores)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{s.Measure,-10}{100 * s.Precision,10:F2}{100 * s.Recall,10:F2}{100 * s.F1,10:F2}");
        }

        return sb.ToString().TrimEnd();
    }

    private static double Ratio(double n, double d) => d == 0 ? 0 : n / d;

    [GeneratedRegex(@"\((?<open>)(?<id>\d+)(?<attrs>-[^()]*)?(?<selfclose>\))?|(?<close>)(?<closeid>\d+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex EntityBracket();
}
