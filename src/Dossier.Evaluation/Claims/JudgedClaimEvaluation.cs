using Dossier.Annotations;
using Dossier.Nlp.Claims;

namespace Dossier.Evaluation.Claims;

/// <summary>
/// A shown claim a reader judged (see eval/claims/JUDGED.md): the text it was found in (a file name
/// or an FNC-1 Body ID), its content's half-open character span, the holder shown (the name the
/// holder resolves to, else the holder's words; null for none), the stance shown, the content's
/// words, and whether a careful reader would sign it: the holder holds it, the stance is what the
/// sentence says (a denial is no assertion, an intention ruled out no intention), and the content
/// states what is held (not a fragment).
/// </summary>
public sealed record JudgedClaim(string Text, int Start, int End, string? Holder, string Stance, string Content, bool Right, string? Why);

/// <summary>A claim no judgment covers yet, for a reader to judge: where it is, what was read, its confidence and its sentence.</summary>
public sealed record UnjudgedClaim(string Text, int Start, int End, string? Holder, string? HolderAs, string Stance, string? Modality, string Content, double Confidence, string Sentence);

/// <summary>
/// Precision of the claims the brief shows ('Who said what': confidence at or above
/// <see cref="ClaimComponent.ShownConfidence"/>) on news no one annotated, by pooled judgments
/// (<see cref="PooledJudgments"/>). A shown claim is covered by a judgment of the same text, content
/// span, stance and holder: a claim whose holder, stance or extent changed is a new reading, to be
/// judged again.
/// </summary>
public static class JudgedClaimEvaluation
{
    /// <summary>Reads the JSON-lines file: one judged claim per line, {text, start, end, holder, stance, content, right, why}.</summary>
    public static IReadOnlyList<JudgedClaim> Read(string path) => PooledJudgments.Read(path, r => new JudgedClaim(
        r.GetProperty("text").GetString()!, r.GetProperty("start").GetInt32(), r.GetProperty("end").GetInt32(), r.GetProperty("holder").GetString(),
        r.GetProperty("stance").GetString()!, r.GetProperty("content").GetString()!, r.GetProperty("right").GetBoolean(),
        r.TryGetProperty("why", out var why) ? why.GetString() : null));

    /// <summary>Scores the claims the brief shows (confidence at or above <paramref name="threshold"/>) on each judged text, read by <paramref name="analyse"/> from its name.</summary>
    public static JudgedScores Run(IReadOnlyList<JudgedClaim> judged, Func<string, Document> analyse, double threshold) =>
        PooledJudgments.Score("claims", judged, j => j.Text, j => j.Right, analyse, d => Shown(d, threshold), Verdict,
            (d, c) => $"{c.Span.Start}-{c.Span.End} {HolderOf(d, c) ?? "-"} ({c.Stance}) '{Printable(d.GetText(c.Span))}'");

    /// <summary>The claims at or above <paramref name="threshold"/>, as the brief chooses the statements it shows.</summary>
    public static IEnumerable<ClaimData> Shown(Document document, double threshold)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Get(Layers.Claims).Where(c => c.Confidence >= threshold);
    }

    /// <summary>The judgment of <paramref name="judgments"/> that covers the claim (same content span, stance and holder), or null.</summary>
    public static JudgedClaim? Verdict(IEnumerable<JudgedClaim> judgments, Document document, ClaimData c)
    {
        ArgumentNullException.ThrowIfNull(judgments);
        ArgumentNullException.ThrowIfNull(document);
        var holder = HolderOf(document, c);
        return judgments.FirstOrDefault(j => j.Start == c.Span.Start && j.End == c.Span.End && j.Stance == c.Stance && j.Holder == holder);
    }

    /// <summary>The holder as the brief names it: the name the holder resolves to, else the holder's own words.</summary>
    public static string? HolderOf(Document document, ClaimData c)
    {
        ArgumentNullException.ThrowIfNull(document);
        return PooledJudgments.TextOf(document, c.HolderName ?? c.Holder);
    }

    /// <summary>The shown claims no judgment covers, on the judged texts and on <paramref name="names"/> (a new pool's texts).</summary>
    public static IReadOnlyList<UnjudgedClaim> Unjudged(IReadOnlyList<JudgedClaim> judged, IEnumerable<string> names, Func<string, Document> analyse, double threshold) =>
        [.. PooledJudgments.Unjudged(judged, j => j.Text, names, analyse, d => Shown(d, threshold), Verdict).Select(u => new UnjudgedClaim(
            u.Text, u.Item.Span.Start, u.Item.Span.End, HolderOf(u.Document, u.Item), PooledJudgments.TextOf(u.Document, u.Item.Holder), u.Item.Stance, u.Item.Modality,
            u.Document.GetText(u.Item.Span), u.Item.Confidence, SentenceOf(u.Document, u.Item)))];

    /// <summary>A judgment line for <paramref name="c"/> with <c>"right": null</c>, for a reader to complete.</summary>
    public static string TemplateLine(UnjudgedClaim c, string sample)
    {
        ArgumentNullException.ThrowIfNull(c);
        return PooledJudgments.TemplateLine(new Dictionary<string, object?>
        {
            ["text"] = c.Text, ["start"] = c.Start, ["end"] = c.End, ["holder"] = c.Holder, ["stance"] = c.Stance, ["content"] = c.Content,
        }, sample);
    }

    /// <summary>A readable report.</summary>
    public static string Format(JudgedScores s, int listUnjudged = 0) =>
        PooledJudgments.Format(s, "statements at or above the brief's confidence", listUnjudged);

    private static string Printable(string text) => text.Length <= 60 ? text : text[..57] + "...";

    /// <summary>The sentences the claim's holder and content lie in, for a reader to judge it.</summary>
    private static string SentenceOf(Document document, ClaimData c)
    {
        var (start, end) = (Math.Min(c.Span.Start, (c.Holder ?? c.Span).Start), Math.Max(c.Span.End, (c.Holder ?? c.Span).End));
        var sentences = document.Get(Layers.Sentences).Where(s => s.Span.End > start && s.Span.Start < end).ToList();
        return sentences.Count == 0 ? document.GetText(c.Span) : document.Text[sentences[0].Span.Start..sentences[^1].Span.End];
    }
}
