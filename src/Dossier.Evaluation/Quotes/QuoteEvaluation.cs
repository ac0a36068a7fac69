using System.Globalization;
using System.Text;
using Dossier.Nlp.Quotes;
using Dossier.Text;

namespace Dossier.Evaluation.Quotes;

/// <summary>A gold attribution: who (source), the cue and what (content), each possibly in several pieces.</summary>
public sealed record GoldAttribution(IReadOnlyList<TextSpan> Source, IReadOnlyList<TextSpan> Cue, IReadOnlyList<TextSpan> Content);

/// <summary>A predicted attribution in the same terms: content, the speaker as given at the quote (and the mention naming them), the cue, and how the speaker was found.</summary>
public sealed record PredictedAttribution(TextSpan Content, TextSpan? Speaker, TextSpan? SpeakerName, TextSpan? Cue, string? How = null);

/// <summary>An article of an attribution corpus: its text and its gold attributions.</summary>
public sealed record AttributedArticle(string Name, string Text, IReadOnlyList<GoldAttribution> Attributions);

/// <summary>Scores at one overlap threshold.</summary>
/// <param name="Threshold">The share of a gold content's characters a prediction must cover to match it.</param>
/// <param name="Gold">Gold attributions with content.</param>
/// <param name="Predicted">Predicted attributions.</param>
/// <param name="Matched">Gold attributions matched (true positives).</param>
/// <param name="SpeakerMatched">Matched ones whose speaker agrees: the predicted speaker overlaps the gold source, or neither has one.</param>
/// <param name="CueMatched">Matched ones whose cue is the same words.</param>
public sealed record QuoteScores(double Threshold, int Gold, int Predicted, int Matched, int SpeakerMatched, int CueMatched)
{
    /// <summary>Matched / predicted.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;

    /// <summary>Matched / gold.</summary>
    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;

    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Speaker matches / matched.</summary>
    public double SpeakerAccuracy => Matched == 0 ? 0 : (double)SpeakerMatched / Matched;

    /// <summary>Cue matches / matched.</summary>
    public double CueAccuracy => Matched == 0 ? 0 : (double)CueMatched / Matched;
}

/// <summary>
/// Scores quote extraction the way the Gender Gap Tracker's evaluation does (its
/// <c>evaluate_quotes.py</c>, re-implemented): each gold attribution in turn takes the
/// remaining prediction that covers the largest share of its content's characters, if that
/// share exceeds the threshold (0.3 and 0.8); unmatched gold ones are misses, predictions left
/// over are false alarms. A match's speaker is right when the predicted speaker's characters
/// overlap the gold source's (or neither has one); its cue when the words are the same.
/// </summary>
public static class QuoteEvaluation
{
    /// <summary>
    /// The articles of a part of a split (see <see cref="DataSplit"/>; an article's key is its
    /// name). PolNeAR has a development split of its own, so <c>train</c> is everything but
    /// <c>holdout</c>.
    /// </summary>
    public static IReadOnlyList<AttributedArticle> Part(IEnumerable<AttributedArticle> articles, string part)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return [.. articles.Where(a => DataSplit.Keeps(part, DataSplit.PartOf(a.Name), ownDev: true))];
    }

    /// <summary>Reads a PolNeAR-style split: <c>text/NAME.txt</c> and <c>attributions/NAME_ANNOTATOR.ann</c> (brat standoff); one annotator per article, the first by file name, unless <paramref name="everyAnnotator"/> (for training: an article annotated twice comes twice).</summary>
    public static IReadOnlyList<AttributedArticle> ReadPolnear(string directory, bool everyAnnotator = false)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var texts = Path.Combine(directory, "text");
        var annotations = Path.Combine(directory, "attributions");
        if (!Directory.Exists(texts) || !Directory.Exists(annotations))
        {
            throw new DossierException(DossierErrorCode.NotFound, $"{directory} has no text/ and attributions/ folders (a PolNeAR split)");
        }

        var articles = new List<AttributedArticle>();
        var files = Directory.GetFiles(annotations, "*.ann").Order(StringComparer.Ordinal)
            .GroupBy(f => Path.GetFileNameWithoutExtension(f)[..Path.GetFileNameWithoutExtension(f).LastIndexOf('_')], StringComparer.Ordinal);
        foreach (var group in files)
        {
            var textPath = Path.Combine(texts, group.Key + ".txt");
            if (!File.Exists(textPath))
            {
                continue;
            }

            var text = File.ReadAllText(textPath, Encoding.UTF8);
            foreach (var file in everyAnnotator ? [.. group] : new[] { group.First() })
            {
                articles.Add(new AttributedArticle(group.Key, text, ReadBrat(File.ReadAllLines(file, Encoding.UTF8), text)));
            }
        }

        return articles;
    }

    /// <summary>The attributions of a brat file: <c>T</c> lines give Source, Cue and Content spans, <c>E</c> lines tie them together. Offsets count code points, as brat does.</summary>
    internal static IReadOnlyList<GoldAttribution> ReadBrat(IEnumerable<string> lines, string text)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(text);
        var utf16 = CodePointOffsets(text);
        var spans = new Dictionary<string, IReadOnlyList<TextSpan>>(StringComparer.Ordinal);
        var events = new List<string[]>();
        foreach (var line in lines)
        {
            var fields = line.Split('\t');
            if (fields.Length >= 2 && line.StartsWith('T'))
            {
                var typeAndOffsets = fields[1].Split(' ', 2);
                if (typeAndOffsets.Length == 2)
                {
                    spans[fields[0]] = [.. typeAndOffsets[1].Split(';').Select(p => p.Split(' ')).Where(p => p.Length == 2)
                        .Select(p => new TextSpan(utf16[Math.Min(int.Parse(p[0], CultureInfo.InvariantCulture), utf16.Length - 1)], utf16[Math.Min(int.Parse(p[1], CultureInfo.InvariantCulture), utf16.Length - 1)]))];
                }
            }
            else if (fields.Length >= 2 && line.StartsWith('E'))
            {
                events.Add(fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        var result = new List<GoldAttribution>();
        foreach (var roles in events)
        {
            IReadOnlyList<TextSpan> Role(string name) => [.. roles.Where(r => r.StartsWith(name + ":", StringComparison.Ordinal))
                .SelectMany(r => spans.GetValueOrDefault(r[(name.Length + 1)..]) ?? [])];
            var content = Role("Content");
            if (content.Count > 0)
            {
                result.Add(new GoldAttribution(Role("Source"), Role("Cue"), content));
            }
        }

        return result;
    }

    /// <summary>Scores one or more articles' predictions at a threshold.</summary>
    public static QuoteScores Score(IEnumerable<(string Text, IReadOnlyList<GoldAttribution> Gold, IReadOnlyList<PredictedAttribution> Predicted)> articles, double threshold)
    {
        ArgumentNullException.ThrowIfNull(articles);
        int gold = 0, predicted = 0, matched = 0, speakers = 0, cues = 0;
        foreach (var (text, goldList, predictedList) in articles)
        {
            gold += goldList.Count;
            predicted += predictedList.Count;
            foreach (var (g, p) in Match(goldList, predictedList, threshold))
            {
                matched++;
                speakers += SpeakerAgrees(g, p) ? 1 : 0;
                cues += p.Cue is { } cue && g.Cue.Count > 0 && Words(text, [cue]) == Words(text, g.Cue) ? 1 : 0;
            }
        }

        return new QuoteScores(threshold, gold, predicted, matched, speakers, cues);
    }

    /// <summary>Per way of attribution (<see cref="PredictedAttribution.How"/>), most found first: how many were found, matched a gold attribution at overlap 0.3, and had its speaker.</summary>
    public static IReadOnlyList<(string How, int Found, int Matched, int Right)> ByHow(IEnumerable<(string Text, IReadOnlyList<GoldAttribution> Gold, IReadOnlyList<PredictedAttribution> Predicted)> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return [.. articles.SelectMany(a =>
            {
                var pairs = Match(a.Gold, a.Predicted, 0.3);
                return a.Predicted.Select(p => (How: p.How ?? "-", Pair: pairs.FirstOrDefault(m => m.Predicted == p)));
            })
            .GroupBy(x => x.How).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(), g.Count(x => x.Pair.Gold is not null), g.Count(x => x.Pair.Gold is not null && SpeakerAgrees(x.Pair.Gold, x.Pair.Predicted))))];
    }

    /// <summary>What is found the surer ways (<see cref="AttributionConfidence.SurerWays"/>, whose claims the claims model scores for the brief): how many, and the share with content and speaker right.</summary>
    public static (int Shown, double Precision) Shown(IReadOnlyList<(string How, int Found, int Matched, int Right)> byHow)
    {
        ArgumentNullException.ThrowIfNull(byHow);
        var rows = byHow.Where(r => AttributionConfidence.IsSurer(r.How)).ToList();
        var found = rows.Sum(r => r.Found);
        return (found, found == 0 ? 0 : (double)rows.Sum(r => r.Right) / found);
    }

    /// <summary>The greedy one-to-one matching of gold to predicted attributions.</summary>
    public static IReadOnlyList<(GoldAttribution Gold, PredictedAttribution Predicted)> Match(IReadOnlyList<GoldAttribution> gold, IReadOnlyList<PredictedAttribution> predicted, double threshold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var remaining = predicted.ToList();
        var pairs = new List<(GoldAttribution, PredictedAttribution)>();
        foreach (var g in gold)
        {
            var best = -1;
            var bestScore = 0.0;
            for (var k = 0; k < remaining.Count; k++)
            {
                var score = Coverage(g.Content, remaining[k].Content);
                if (score > threshold && score > bestScore)
                {
                    (best, bestScore) = (k, score);
                }
            }

            if (best >= 0)
            {
                pairs.Add((g, remaining[best]));
                remaining.RemoveAt(best);
            }
        }

        return pairs;
    }

    /// <summary>The share of the gold pieces' characters that the prediction covers.</summary>
    public static double Coverage(IReadOnlyList<TextSpan> gold, TextSpan predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        var total = gold.Sum(s => s.Length);
        return total == 0 ? 0 : (double)Covered(gold, predicted) / total;
    }

    /// <summary>How many characters of the gold pieces the prediction covers.</summary>
    public static int Covered(IReadOnlyList<TextSpan> gold, TextSpan predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        return gold.Sum(s => Math.Max(0, Math.Min(s.End, predicted.End) - Math.Max(s.Start, predicted.Start)));
    }

    /// <summary>Formats scores as a table.</summary>
    public static string Format(IEnumerable<QuoteScores> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"overlap",-8}{"precision",10}{"recall",10}{"F1",10}{"speaker",10}{"cue",10}{"gold",8}{"found",8}{"matched",8}");
        foreach (var s in scores)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{s.Threshold,-8:F1}{100 * s.Precision,10:F2}{100 * s.Recall,10:F2}{100 * s.F1,10:F2}{100 * s.SpeakerAccuracy,10:F2}{100 * s.CueAccuracy,10:F2}{s.Gold,8}{s.Predicted,8}{s.Matched,8}");
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>Whether the predicted speaker (or the mention it resolves to) overlaps the gold source; with no gold source, whether none was predicted.</summary>
    public static bool SpeakerAgrees(GoldAttribution g, PredictedAttribution p)
    {
        if (g.Source.Count == 0)
        {
            return p.Speaker is null;
        }

        return g.Source.Any(s => (p.Speaker is { } sp && sp.Overlaps(s)) || (p.SpeakerName is { } n && n.Overlaps(s)));
    }

    private static string Words(string text, IEnumerable<TextSpan> spans) =>
        string.Join(' ', spans.OrderBy(s => s.Start).Select(s => text[s.Start..s.End].Trim().ToLowerInvariant()));

    /// <summary>For each code point index (and one past the end), its UTF-16 index in <paramref name="text"/>.</summary>
    private static int[] CodePointOffsets(string text)
    {
        var map = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            map.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        map.Add(text.Length);
        return [.. map];
    }
}
