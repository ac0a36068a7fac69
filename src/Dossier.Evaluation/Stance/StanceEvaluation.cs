using System.Globalization;
using System.Text;
using Dossier.Nlp.Stance;

namespace Dossier.Evaluation.Stance;

/// <summary>The Fake News Challenge's measures of a run of stance predictions.</summary>
/// <param name="Pairs">Pairs scored.</param>
/// <param name="Score">The challenge's score in %: 0.25 for related/unrelated right, 0.75 more for the exact label of a related pair, over the best possible sum.</param>
/// <param name="F1">Per-class F1 in <see cref="StanceModel.Labels"/> order.</param>
/// <param name="Confusion">Gold label (row) by predicted label (column), in <see cref="StanceModel.Labels"/> order.</param>
public sealed record StanceScores(int Pairs, double Score, IReadOnlyList<double> F1, int[,] Confusion)
{
    /// <summary>The mean of the per-class F1 (F1m, Hanselowski et al. 2018).</summary>
    public double MacroF1 => F1.Average();

    /// <summary>Accuracy over all pairs.</summary>
    public double Accuracy => Pairs == 0 ? 0 : (double)Enumerable.Range(0, StanceModel.Labels.Length).Sum(c => Confusion[c, c]) / Pairs;
}

/// <summary>Scores stance predictions the Fake News Challenge's way.</summary>
public static class StanceEvaluation
{
    /// <summary>Scores <paramref name="predicted"/> against <paramref name="gold"/> (labels from <see cref="StanceModel.Labels"/>).</summary>
    public static StanceScores Score(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException($"{gold.Count} gold labels and {predicted.Count} predictions", nameof(predicted));
        }

        var n = StanceModel.Labels.Length;
        var confusion = new int[n, n];
        double score = 0, best = 0;
        for (var k = 0; k < gold.Count; k++)
        {
            var g = Array.IndexOf(StanceModel.Labels, gold[k]);
            var p = Array.IndexOf(StanceModel.Labels, predicted[k]);
            if (g < 0 || p < 0)
            {
                throw new ArgumentException($"pair {k + 1}: unknown label '{(g < 0 ? gold[k] : predicted[k])}'");
            }

            confusion[g, p]++;
            var goldRelated = g != StanceModel.Unrelated;
            var predictedRelated = p != StanceModel.Unrelated;
            best += goldRelated ? 1 : 0.25;
            score += (goldRelated == predictedRelated ? 0.25 : 0) + (goldRelated && g == p ? 0.75 : 0);
        }

        var f1 = Enumerable.Range(0, n).Select(c =>
        {
            var tp = confusion[c, c];
            var predictedC = Enumerable.Range(0, n).Sum(g => confusion[g, c]);
            var goldC = Enumerable.Range(0, n).Sum(p => confusion[c, p]);
            return predictedC + goldC == 0 ? 0 : 2.0 * tp / (predictedC + goldC);
        }).ToArray();
        return new StanceScores(gold.Count, best == 0 ? 0 : 100 * score / best, f1, confusion);
    }

    /// <summary>The scores as text: the challenge's score, F1 per class and their mean, accuracy and the confusion matrix.</summary>
    public static string Format(StanceScores s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var labels = StanceModel.Labels;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"pairs {s.Pairs}  FNC score {s.Score:F2}  F1m {100 * s.MacroF1:F2}  accuracy {100 * s.Accuracy:F2}");
        text.AppendLine(string.Join("  ", labels.Select((l, c) => string.Create(CultureInfo.InvariantCulture, $"F1 {l} {100 * s.F1[c]:F2}"))));
        text.AppendLine("gold \\ predicted " + string.Join(' ', labels.Select(l => l.PadLeft(10))));
        for (var g = 0; g < labels.Length; g++)
        {
            text.AppendLine(labels[g].PadRight(17) + string.Join(' ', Enumerable.Range(0, labels.Length).Select(p => s.Confusion[g, p].ToString(CultureInfo.InvariantCulture).PadLeft(10))));
        }

        return text.ToString().TrimEnd();
    }
}
