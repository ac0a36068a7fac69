using System.Globalization;
using System.Text;
using Dossier.Annotations;
using Dossier.Evaluation.Quotes;

namespace Dossier.Evaluation.Claims;

/// <summary>The claims at or above a confidence on annotated articles, and how many of them an attribution annotation bears out.</summary>
public sealed record AttributedClaimScores(double Threshold, int Shown, int Right)
{
    /// <summary>The share of the claims shown that the annotation bears out.</summary>
    public double Precision => Shown == 0 ? 0 : (double)Right / Shown;
}

/// <summary>
/// Precision of claims on articles annotated with attributions (PolNeAR: source, cue, content), with no reader in the
/// loop: a claim is borne out when a gold attribution's content is its content — the claim covers more than 0.3 of
/// the gold content (as quotes are matched) and at least half of the claim lies inside it — and the gold source is
/// its holder (<see cref="QuoteEvaluation.SpeakerAgrees"/>: its words or the name they resolve to overlap the source).
/// The annotation says nothing of stance, so this is an upper bound of what a reader would sign; it is measured on
/// political news, where the judged pools (FNC-1 bodies) are international and tabloid news.
/// </summary>
public static class AttributedClaimEvaluation
{
    /// <summary>Whether the annotation bears the claim out.</summary>
    public static bool Verdict(IReadOnlyList<GoldAttribution> gold, ClaimData claim)
    {
        ArgumentNullException.ThrowIfNull(gold);
        var predicted = new PredictedAttribution(claim.Span, claim.Holder, claim.HolderName, claim.Cue);
        return gold.Any(g => QuoteEvaluation.Coverage(g.Content, claim.Span) > 0.3
            && 2 * QuoteEvaluation.Covered(g.Content, claim.Span) >= claim.Span.Length
            && QuoteEvaluation.SpeakerAgrees(g, predicted));
    }

    /// <summary>The claims of every article at or above each threshold, and how many the annotation bears out.</summary>
    public static IReadOnlyList<AttributedClaimScores> Score(IEnumerable<(IReadOnlyList<GoldAttribution> Gold, IReadOnlyList<ClaimData> Claims)> articles, IReadOnlyList<double> thresholds)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(thresholds);
        var judged = articles.SelectMany(a => a.Claims.Select(c => (c.Confidence, Right: Verdict(a.Gold, c)))).ToList();
        return [.. thresholds.Select(t =>
        {
            var shown = judged.Where(c => c.Confidence >= t - 1e-9).ToList();
            return new AttributedClaimScores(t, shown.Count, shown.Count(c => c.Right));
        })];
    }

    /// <summary>A readable table, the brief's threshold marked.</summary>
    public static string Format(IReadOnlyList<AttributedClaimScores> scores, double shown)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"from",6} {"claims",7} {"borne out",9} {"precision",9}");
        foreach (var s in scores)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{s.Threshold,6:F2} {s.Shown,7} {s.Right,9} {100 * s.Precision,8:F2}%{(Math.Abs(s.Threshold - shown) < 1e-9 ? "  <- the brief" : "")}");
        }

        return sb.ToString().TrimEnd();
    }
}
