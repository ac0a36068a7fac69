using Dossier.Annotations;

namespace Dossier.Evaluation.Events;

/// <summary>
/// A shown event a reader judged (see eval/events/JUDGED.md): the text it was found in (a file
/// name), where its trigger starts in that text, the trigger's words, the CAMEO code shown, the
/// actor and target shown (when <see cref="Roles"/>; null for none) and whether code, actor,
/// target and mode were all right.
/// </summary>
public sealed record JudgedEvent(string Text, int Start, string Trigger, string Code, bool Right, string? Why, bool Roles = false, string? Actor = null, string? Target = null);

/// <summary>An event no judgment covers yet: where it is, what the coder read, its confidence and the sentence, for a reader to judge.</summary>
public sealed record UnjudgedEvent(string Text, int Start, string Trigger, string Code, string? Actor, string? Target, double Confidence, string Sentence);

/// <summary>
/// Precision of shown events on news no one annotated in full, by pooled judgments (as TREC
/// judges the documents systems return): a reader judged each event the brief showed on a set of
/// texts; a later run is scored on the events it still shows, those it shows that no one judged
/// are counted apart (coverage), and judged events it no longer shows say what a change removed.
/// </summary>
public static class JudgedEventEvaluation
{
    /// <summary>Reads the JSON-lines file: one judged event per line, {text, start, trigger, code, right, why}, with actor and target when the reading's roles were judged.</summary>
    public static IReadOnlyList<JudgedEvent> Read(string path) => PooledJudgments.Read(path, r =>
    {
        var roles = r.TryGetProperty("actor", out var actor) & r.TryGetProperty("target", out var target);
        return new JudgedEvent(r.GetProperty("text").GetString()!, r.GetProperty("start").GetInt32(), r.GetProperty("trigger").GetString()!,
            r.GetProperty("code").GetString()!, r.GetProperty("right").GetBoolean(), r.TryGetProperty("why", out var why) ? why.GetString() : null,
            roles, roles ? actor.GetString() : null, roles ? target.GetString() : null);
    });

    /// <summary>
    /// Scores the events <paramref name="analyse"/> shows (asserted, not a plain statement,
    /// confidence at or above <paramref name="threshold"/>) on each judged text, which
    /// <paramref name="analyse"/> reads by its name (see <see cref="JudgedTexts"/>). A shown event is covered by a judgment of the same
    /// text, trigger start and CAMEO root, and the same actor and target texts where the judgment
    /// gives them (an event whose roles changed is a new reading, to be judged again).
    /// </summary>
    public static JudgedScores Run(IReadOnlyList<JudgedEvent> judged, Func<string, Document> analyse, double threshold) =>
        PooledJudgments.Score("events", judged, j => j.Text, j => j.Right, analyse, d => Shown(d, threshold), Verdict,
            (d, e) => $"{e.Trigger!.Value.Start} {e.Code} '{d.GetText(e.Trigger.Value)}'");

    private static IEnumerable<EventData> Shown(Document document, double threshold) =>
        document.Get(Layers.Events).Where(e => IsJudged(e, threshold) && e.Trigger is not null);

    /// <summary>Whether an event is of the kind judged: asserted, not a plain statement (010), at or above <paramref name="threshold"/> (the brief's confidence for what it shows; 0 for every such event).</summary>
    public static bool IsJudged(EventData e, double threshold) => e.Mode == EventMode.Asserted && e.Code != "010" && e.Confidence >= threshold;

    /// <summary>
    /// The judgment of <paramref name="judgments"/> (of the text the event was found in) that covers the event:
    /// the same trigger start and CAMEO root, and the same actor and target texts where the judgment gives them
    /// (an event whose roles changed is a new reading, to be judged again); null when none does.
    /// </summary>
    public static JudgedEvent? Verdict(IEnumerable<JudgedEvent> judgments, Document document, EventData e)
    {
        ArgumentNullException.ThrowIfNull(judgments);
        ArgumentNullException.ThrowIfNull(document);
        if (e.Trigger is not { } trigger)
        {
            return null;
        }

        var (actor, target) = (PooledJudgments.TextOf(document, e.Actor), PooledJudgments.TextOf(document, e.Target));
        return judgments.FirstOrDefault(j => j.Start == trigger.Start && string.CompareOrdinal(j.Code, 0, e.Code, 0, 2) == 0 && (!j.Roles || (j.Actor == actor && j.Target == target)));
    }

    /// <summary>
    /// The asserted events (not plain statements) at or above <paramref name="threshold"/> that no judgment
    /// of <paramref name="judged"/> covers, on the texts the judgments name and on <paramref name="names"/>
    /// (a new pool's texts): what a reader still has to judge. A threshold of 0 lists every asserted event,
    /// as the FNC-1 pools were judged (eval/events/JUDGED.md).
    /// </summary>
    public static IReadOnlyList<UnjudgedEvent> Unjudged(IReadOnlyList<JudgedEvent> judged, IEnumerable<string> names, Func<string, Document> analyse, double threshold) =>
        [.. PooledJudgments.Unjudged(judged, j => j.Text, names, analyse, d => Shown(d, threshold), Verdict).Select(u =>
            new UnjudgedEvent(u.Text, u.Item.Trigger!.Value.Start, u.Document.GetText(u.Item.Trigger.Value), u.Item.Code,
                PooledJudgments.TextOf(u.Document, u.Item.Actor), PooledJudgments.TextOf(u.Document, u.Item.Target), u.Item.Confidence, u.Document.GetText(u.Item.Span)))];

    /// <summary>A judgment line for <paramref name="e"/> with <c>"right": null</c>, for a reader to complete (see eval/events/JUDGED.md).</summary>
    public static string TemplateLine(UnjudgedEvent e, string sample)
    {
        ArgumentNullException.ThrowIfNull(e);
        return PooledJudgments.TemplateLine(new Dictionary<string, object?>
        {
            ["text"] = e.Text, ["start"] = e.Start, ["trigger"] = e.Trigger, ["code"] = e.Code, ["actor"] = e.Actor, ["target"] = e.Target,
        }, sample);
    }

    /// <summary>A readable report.</summary>
    public static string Format(JudgedScores s, int listUnjudged = 0) =>
        PooledJudgments.Format(s, "asserted, not plain statements, at or above the brief's confidence", listUnjudged);
}
