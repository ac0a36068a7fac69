using System.Globalization;
using System.Text;
using System.Text.Json;
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
/// What the brief shows on judged texts against the judgments: shown events whose trigger and
/// CAMEO root a judgment covers, right or wrong; shown events no one judged (a new reading since);
/// and judged events no longer shown, right or wrong.
/// </summary>
public sealed record JudgedEventScores(int Texts, int Shown, int JudgedRight, int JudgedWrong, int Unjudged, int GoneRight, int GoneWrong, IReadOnlyList<string> UnjudgedEvents)
{
    /// <summary>The share right of the shown events a judgment covers.</summary>
    public double Precision => JudgedRight + JudgedWrong == 0 ? 0 : (double)JudgedRight / (JudgedRight + JudgedWrong);

    /// <summary>The share of shown events a judgment covers.</summary>
    public double Coverage => Shown == 0 ? 0 : (double)(JudgedRight + JudgedWrong) / Shown;
}

/// <summary>
/// Precision of shown events on news no one annotated in full, by pooled judgments (as TREC
/// judges the documents systems return): a reader judged each event the brief showed on a set of
/// texts; a later run is scored on the events it still shows, those it shows that no one judged
/// are counted apart (coverage), and judged events it no longer shows say what a change removed.
/// </summary>
public static class JudgedEventEvaluation
{
    /// <summary>Reads the JSON-lines file: one judged event per line, {text, start, trigger, code, right, why}.</summary>
    public static IReadOnlyList<JudgedEvent> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var judged = new List<JudgedEvent>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                var r = json.RootElement;
                var roles = r.TryGetProperty("actor", out var actor) & r.TryGetProperty("target", out var target);
                judged.Add(new JudgedEvent(r.GetProperty("text").GetString()!, r.GetProperty("start").GetInt32(), r.GetProperty("trigger").GetString()!,
                    r.GetProperty("code").GetString()!, r.GetProperty("right").GetBoolean(), r.TryGetProperty("why", out var why) ? why.GetString() : null,
                    roles, roles ? actor.GetString() : null, roles ? target.GetString() : null));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"{path}:{number}: not a judged event ({e.Message})", e);
            }
        }

        return judged;
    }

    /// <summary>
    /// Scores the events <paramref name="analyse"/> shows (asserted, not a plain statement,
    /// confidence at or above <paramref name="threshold"/>) on each judged text, which
    /// <paramref name="analyse"/> reads by its name (see <see cref="JudgedTexts"/>). A shown event is covered by a judgment of the same
    /// text, trigger start and CAMEO root, and the same actor and target texts where the judgment
    /// gives them (an event whose roles changed is a new reading, to be judged again).
    /// </summary>
    public static JudgedEventScores Run(IReadOnlyList<JudgedEvent> judged, Func<string, Document> analyse, double threshold)
    {
        ArgumentNullException.ThrowIfNull(judged);
        ArgumentNullException.ThrowIfNull(analyse);
        int shown = 0, right = 0, wrong = 0, gone = 0, goneRight = 0;
        var unjudged = new List<string>();
        var byText = judged.GroupBy(j => j.Text, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var group in byText)
        {
            var document = analyse(group.Key);
            var verdicts = group.ToLookup(j => (j.Start, j.Code[..2]));
            var seen = new HashSet<(int, string)>();
            foreach (var e in document.Get(Layers.Events))
            {
                if (!IsJudged(e, threshold) || e.Trigger is not { } trigger)
                {
                    continue;
                }

                shown++;
                var key = (trigger.Start, e.Code[..2]);
                seen.Add(key);
                if (Verdict(verdicts[key], document, e) is { } verdict)
                {
                    (right, wrong) = verdict.Right ? (right + 1, wrong) : (right, wrong + 1);
                }
                else
                {
                    unjudged.Add($"{group.Key}:{trigger.Start} {e.Code} '{document.GetText(trigger)}'");
                }
            }

            foreach (var verdict in verdicts.Where(v => !seen.Contains(v.Key)).SelectMany(v => v))
            {
                gone++;
                goneRight += verdict.Right ? 1 : 0;
            }
        }

        return new JudgedEventScores(byText.Count, shown, right, wrong, unjudged.Count, goneRight, gone - goneRight, unjudged);
    }

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

        var (actor, target) = (TextOf(document, e.Actor), TextOf(document, e.Target));
        return judgments.FirstOrDefault(j => j.Start == trigger.Start && string.CompareOrdinal(j.Code, 0, e.Code, 0, 2) == 0 && (!j.Roles || (j.Actor == actor && j.Target == target)));
    }

    private static string? TextOf(Document document, Dossier.Text.TextSpan? span) => span is { } s ? document.GetText(s) : null;

    /// <summary>
    /// The asserted events (not plain statements) at or above <paramref name="threshold"/> that no judgment
    /// of <paramref name="judged"/> covers, on the texts the judgments name and on <paramref name="names"/>
    /// (a new pool's texts): what a reader still has to judge. A threshold of 0 lists every asserted event,
    /// as the FNC-1 pools were judged (eval/events/JUDGED.md).
    /// </summary>
    public static IReadOnlyList<UnjudgedEvent> Unjudged(IReadOnlyList<JudgedEvent> judged, IEnumerable<string> names, Func<string, Document> analyse, double threshold)
    {
        ArgumentNullException.ThrowIfNull(judged);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(analyse);
        var byText = judged.ToLookup(j => j.Text, StringComparer.Ordinal);
        var found = new List<UnjudgedEvent>();
        foreach (var name in judged.Select(j => j.Text).Concat(names).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var document = analyse(name);
            var verdicts = byText[name].ToLookup(j => (j.Start, j.Code[..2]));
            foreach (var e in document.Get(Layers.Events))
            {
                if (IsJudged(e, threshold) && e.Trigger is { } trigger
                    && Verdict(verdicts[(trigger.Start, e.Code[..2])], document, e) is null)
                {
                    found.Add(new UnjudgedEvent(name, trigger.Start, document.GetText(trigger), e.Code, TextOf(document, e.Actor), TextOf(document, e.Target), e.Confidence, document.GetText(e.Span)));
                }
            }
        }

        return found;
    }

    /// <summary>A judgment line for <paramref name="e"/> with <c>"right": null</c>, for a reader to complete (see eval/events/JUDGED.md).</summary>
    public static string TemplateLine(UnjudgedEvent e, string sample)
    {
        ArgumentNullException.ThrowIfNull(e);
        var line = new Dictionary<string, object?>
        {
            ["text"] = e.Text, ["start"] = e.Start, ["trigger"] = e.Trigger, ["code"] = e.Code, ["actor"] = e.Actor, ["target"] = e.Target, ["right"] = null, ["sample"] = sample,
        };
        return JsonSerializer.Serialize(line, TemplateJson);
    }

    private static readonly JsonSerializerOptions TemplateJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A readable report.</summary>
    public static string Format(JudgedEventScores s, int listUnjudged = 0)
    {
        ArgumentNullException.ThrowIfNull(s);
        var b = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        b.Append(c, $"{s.Texts} texts, {s.Shown} events shown (asserted, not plain statements, at or above the brief's confidence)\n");
        b.Append(c, $"judged            {s.JudgedRight + s.JudgedWrong} ({100 * s.Coverage:F2}% of those shown): {s.JudgedRight} right, {s.JudgedWrong} wrong\n");
        b.Append(c, $"shown precision   {100 * s.Precision:F2}% of the judged ones\n");
        b.Append(c, $"not judged        {s.Unjudged} (shown now, not when judged: new readings)\n");
        b.Append(c, $"no longer shown   {s.GoneRight + s.GoneWrong} judged events: {s.GoneRight} right, {s.GoneWrong} wrong\n");
        foreach (var u in s.UnjudgedEvents.Take(listUnjudged))
        {
            b.Append(c, $"  not judged: {u}\n");
        }

        return b.ToString();
    }
}
