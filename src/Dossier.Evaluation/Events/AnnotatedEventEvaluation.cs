using System.Globalization;
using System.Text;
using System.Text.Json;
using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Evaluation.Events;

/// <summary>One event a reader annotated in a sentence (see eval/events/GUIDELINES.md).</summary>
/// <param name="Trigger">The predicate's words as in the text.</param>
/// <param name="Code">The CAMEO code; scoring uses the root.</param>
/// <param name="Actor">Who acts, as in the text, or null.</param>
/// <param name="ActorIs">The name a pronoun or role noun actor refers to, or null.</param>
/// <param name="Target">Who is acted upon, as in the text, or null.</param>
/// <param name="TargetIs">The name a pronoun or role noun target refers to, or null.</param>
/// <param name="Mode">How the sentence presents it.</param>
public sealed record AnnotatedEvent(string Trigger, string Code, string? Actor, string? ActorIs, string? Target, string? TargetIs, EventMode Mode);

/// <summary>A sentence of an annotated document with all its events (none is an annotation too).</summary>
public sealed record AnnotatedSentence(string Document, int Index, string Text, IReadOnlyList<AnnotatedEvent> Events);

/// <summary>A coded event as the scorer sees it: its sentence, code, mode, confidence and the texts of trigger, actor and target.</summary>
public sealed record CodedEvent(int Sentence, string Code, EventMode Mode, double Confidence, TextSpan Trigger, TextSpan? Actor, TextSpan? Target, string TriggerText, string? ActorText, string? TargetText, int Document = 0, int Index = 0);

/// <summary>Counts at one level of strictness: events coded, annotated, and matched one to one.</summary>
public readonly record struct MatchCounts(int Predicted, int Gold, int Matched)
{
    /// <summary>Matched / predicted.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;

    /// <summary>Matched / annotated.</summary>
    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>The scores of the coder on an annotated set.</summary>
/// <param name="Sentences">Sentences read.</param>
/// <param name="Statements">Plain statements (code 010) coded, which the guidelines do not annotate and the scores leave out.</param>
/// <param name="Root">Trigger and CAMEO root right.</param>
/// <param name="Roles">Trigger, root, actor and target right.</param>
/// <param name="Moded">Trigger, root, actor, target and mode right.</param>
/// <param name="Shown">What the brief shows (asserted, confidence at or above the threshold) against the asserted annotations, all of trigger, root, actor and target right.</param>
/// <param name="Curve">For each confidence threshold, the asserted events at or above it and how many have trigger, root, actor and target right.</param>
public sealed record AnnotatedEventScores(int Sentences, int Statements, MatchCounts Root, MatchCounts Roles, MatchCounts Moded, MatchCounts Shown, IReadOnlyList<(double Threshold, int Shown, int Right)> Curve);

/// <summary>
/// Scores the event coder on sentences annotated by the guidelines in eval/events: every sentence
/// is annotated, so precision counts events coded where a reader saw none. A coded event matches an
/// annotated one of its sentence when their triggers overlap and their CAMEO roots agree; the
/// stricter levels also want the actor and the target to overlap the annotated ones (or both be
/// absent), then the mode. Matching is one to one, greedy in sentence order.
/// </summary>
public static class AnnotatedEventEvaluation
{
    /// <summary>Reads the JSON-lines file: one sentence per line, {doc, sent, text, events[]}.</summary>
    public static IReadOnlyList<AnnotatedSentence> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var result = new List<AnnotatedSentence>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var events = root.GetProperty("events").EnumerateArray().Select(e => new AnnotatedEvent(
                e.GetProperty("trigger").GetString() ?? string.Empty,
                e.GetProperty("code").GetString() ?? string.Empty,
                Optional(e, "actor"), Optional(e, "actor_is"), Optional(e, "target"), Optional(e, "target_is"),
                Enum.Parse<EventMode>(Optional(e, "polarity") ?? "asserted", ignoreCase: true))).ToList();
            result.Add(new AnnotatedSentence(root.GetProperty("doc").GetString() ?? string.Empty, root.GetProperty("sent").GetInt32(), root.GetProperty("text").GetString() ?? string.Empty, events));
        }

        return result;
    }

    /// <summary>
    /// Codes each document (its sentences as paragraphs, in order, so that a later sentence can
    /// refer back to an earlier one) with <paramref name="pipeline"/> and returns the events of each
    /// sentence; each coded event names its document (in the order processed, which <paramref name="documents"/>
    /// receives when given) and its index in that document's events.
    /// </summary>
    public static IReadOnlyList<(AnnotatedSentence Gold, IReadOnlyList<CodedEvent> Coded)> Run(IReadOnlyList<AnnotatedSentence> sentences, DocumentPipeline pipeline, List<Document>? documents = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(pipeline);
        var result = new List<(AnnotatedSentence, IReadOnlyList<CodedEvent>)>();
        foreach (var doc in sentences.GroupBy(s => s.Document))
        {
            var list = doc.ToList();
            var text = new StringBuilder();
            var starts = new int[list.Count];
            for (var k = 0; k < list.Count; k++)
            {
                starts[k] = text.Length;
                text.Append(list[k].Text).Append("\n\n");
            }

            var document = pipeline.Process(text.ToString());
            var ordinal = documents?.Count ?? 0;
            documents?.Add(document);
            var coded = new List<CodedEvent>[list.Count];
            for (var k = 0; k < list.Count; k++)
            {
                coded[k] = [];
            }

            foreach (var (e, index) in document.Get(Layers.Events).Select((e, i) => (e, i)))
            {
                var trigger = e.Trigger ?? e.Span;
                var k = Array.FindLastIndex(starts, s => s <= trigger.Start);
                var sentence = new TextSpan(starts[k], starts[k] + list[k].Text.Length);

                // Offsets into the sentence; a participant from an earlier sentence (the happening's actor) has none.
                TextSpan? Local(TextSpan? span) => span is { } x && sentence.Contains(x) ? new TextSpan(x.Start - sentence.Start, x.End - sentence.Start) : null;
                coded[k].Add(new CodedEvent(k, e.Code, e.Mode, e.Confidence, Local(trigger) ?? default, Local(e.Actor), Local(e.Target),
                    document.GetText(trigger), e.Actor is { } a2 ? document.GetText(a2) : null, e.Target is { } t2 ? document.GetText(t2) : null, ordinal, index));
            }

            for (var k = 0; k < list.Count; k++)
            {
                result.Add((list[k], coded[k]));
            }
        }

        return result;
    }

    /// <summary>Scores the coded events against the annotations; <paramref name="shownConfidence"/> is the brief's threshold.</summary>
    public static AnnotatedEventScores Score(IReadOnlyList<(AnnotatedSentence Gold, IReadOnlyList<CodedEvent> Coded)> results, double shownConfidence)
    {
        ArgumentNullException.ThrowIfNull(results);
        int statements = 0;
        var root = new MatchCounts();
        var roles = new MatchCounts();
        var moded = new MatchCounts();
        var shown = new MatchCounts();
        var thresholds = Enumerable.Range(2, 8).Select(k => k / 10.0).ToArray();
        var curveShown = new int[thresholds.Length];
        var curveRight = new int[thresholds.Length];
        foreach (var (gold, all) in results)
        {
            statements += all.Count(IsPlainStatement);
            var coded = all.Where(c => !IsPlainStatement(c)).ToList();
            root = Add(root, coded.Count, gold.Events.Count, Match(gold, coded, (g, c) => true).Count);
            var roleMatches = Match(gold, coded, (g, c) => RolesAgree(gold.Text, g, c));
            roles = Add(roles, coded.Count, gold.Events.Count, roleMatches.Count);
            moded = Add(moded, coded.Count, gold.Events.Count, Match(gold, coded, (g, c) => RolesAgree(gold.Text, g, c) && g.Mode == c.Mode).Count);
            var asserted = new AnnotatedSentence(gold.Document, gold.Index, gold.Text, [.. gold.Events.Where(g => g.Mode == EventMode.Asserted)]);
            var visible = coded.Where(c => c.Mode == EventMode.Asserted && c.Confidence >= shownConfidence).ToList();
            shown = Add(shown, visible.Count, asserted.Events.Count, Match(asserted, visible, (g, c) => RolesAgree(gold.Text, g, c)).Count);
            for (var t = 0; t < thresholds.Length; t++)
            {
                var above = coded.Where(c => c.Mode == EventMode.Asserted && c.Confidence >= thresholds[t] - 1e-9).ToList();
                curveShown[t] += above.Count;
                curveRight[t] += Match(asserted, above, (g, c) => RolesAgree(gold.Text, g, c)).Count;
            }
        }

        return new AnnotatedEventScores(results.Count, statements, root, roles, moded, shown, [.. thresholds.Select((t, k) => (t, curveShown[k], curveRight[k]))]);
    }

    /// <summary>
    /// Each asserted event the coder found that is not a plain statement, and whether it is right: paired one to one
    /// with an asserted annotated event of its sentence with the same root and agreeing roles (as the brief's
    /// precision counts it).
    /// </summary>
    public static IReadOnlyList<(CodedEvent Event, bool Right)> Judge(IReadOnlyList<(AnnotatedSentence Gold, IReadOnlyList<CodedEvent> Coded)> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var judged = new List<(CodedEvent, bool)>();
        foreach (var (gold, all) in results)
        {
            var asserted = new AnnotatedSentence(gold.Document, gold.Index, gold.Text, [.. gold.Events.Where(g => g.Mode == EventMode.Asserted)]);
            var coded = all.Where(c => !IsPlainStatement(c) && c.Mode == EventMode.Asserted).ToList();
            var right = Match(asserted, coded, (g, c) => RolesAgree(gold.Text, g, c)).Select(p => p.Coded).ToHashSet();
            judged.AddRange(coded.Select(c => (c, right.Contains(c))));
        }

        return judged;
    }

    /// <summary>The scores in words, with up to <paramref name="errors"/> sentences where coder and reader differ.</summary>
    public static string Format(AnnotatedEventScores s, double shownConfidence, IReadOnlyList<(AnnotatedSentence Gold, IReadOnlyList<CodedEvent> Coded)>? results = null, int errors = 0)
    {
        ArgumentNullException.ThrowIfNull(s);
        var b = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        b.Append(c, $"{s.Sentences} sentences, {s.Root.Gold} annotated events, {s.Root.Predicted} events coded ({s.Statements} plain statements, code 010, left out: the guidelines do not annotate them)\n");
        b.Append("level                      precision  recall     F1\n");
        void Row(string name, MatchCounts m) => b.Append(c, $"{name,-26} {100 * m.Precision,6:F2}%   {100 * m.Recall,6:F2}%  {100 * m.F1,6:F2}   ({m.Matched} matched)\n");
        Row("trigger + root", s.Root);
        Row("+ actor + target", s.Roles);
        Row("+ mode", s.Moded);
        Row($"shown (asserted, ≥ {shownConfidence:0.00})", s.Shown);
        b.Append("confidence threshold: asserted events at or above it, share with trigger, root, actor and target right\n");
        foreach (var (t, n, right) in s.Curve)
        {
            b.Append(c, $"  ≥ {t:0.0}: {n,4} events, precision {(n == 0 ? 0 : 100.0 * right / n),6:F2}%\n");
        }

        if (results is not null && errors > 0)
        {
            var shownErrors = 0;
            foreach (var (gold, coded) in results)
            {
                var scored = coded.Where(x => !IsPlainStatement(x)).ToList();
                if (shownErrors >= errors || Match(gold, scored, (g, x) => RolesAgree(gold.Text, g, x) && g.Mode == x.Mode).Count == gold.Events.Count && scored.Count == gold.Events.Count)
                {
                    continue;
                }

                shownErrors++;
                b.Append(c, $"\n{gold.Document} #{gold.Index}: {gold.Text}\n");
                foreach (var g in gold.Events)
                {
                    b.Append(c, $"  gold  {g.Code} {g.Mode,-12} {g.Actor ?? "-"} -> {g.Target ?? "-"} ({g.Trigger})\n");
                }

                var right = Match(gold, scored, (g, x) => RolesAgree(gold.Text, g, x)).Select(p => p.Coded).ToHashSet();
                foreach (var x in scored)
                {
                    b.Append(c, $"  {(right.Contains(x) ? "right" : "wrong")} {x.Code} {x.Mode,-12} {x.ActorText ?? "-"} -> {x.TargetText ?? "-"} ({x.TriggerText}) {x.Confidence:0.00}\n");
                }
            }
        }

        return b.ToString();
    }

    private static MatchCounts Add(MatchCounts m, int predicted, int gold, int matched) => new(m.Predicted + predicted, m.Gold + gold, m.Matched + matched);

    /// <summary>A 'said', 'told', 'stated' coded as 010 with no statement noun: the guidelines leave these out.</summary>
    private static bool IsPlainStatement(CodedEvent e) => e.Code == "010";

    /// <summary>Pairs coded and annotated events one to one: overlapping triggers, the same root, and whatever else <paramref name="agree"/> asks.</summary>
    private static List<(AnnotatedEvent Gold, CodedEvent Coded)> Match(AnnotatedSentence sentence, List<CodedEvent> coded, Func<AnnotatedEvent, CodedEvent, bool> agree)
    {
        var used = new bool[coded.Count];
        var pairs = new List<(AnnotatedEvent, CodedEvent)>();
        foreach (var g in sentence.Events)
        {
            var gt = Locate(sentence.Text, g.Trigger, StringComparison.Ordinal);
            for (var k = 0; k < coded.Count; k++)
            {
                var x = coded[k];
                if (!used[k] && x.Code.Length >= 2 && g.Code.Length >= 2 && x.Code[..2] == g.Code[..2]
                    && (gt is { } span ? span.Overlaps(x.Trigger) : Same(g.Trigger, x.TriggerText)) && agree(g, x))
                {
                    used[k] = true;
                    pairs.Add((g, x));
                    break;
                }
            }
        }

        return pairs;
    }

    /// <summary>Actor and target each overlap the annotated span (or its referent's name), or are absent on both sides.</summary>
    private static bool RolesAgree(string text, AnnotatedEvent g, CodedEvent x) =>
        RoleAgrees(text, g.Actor, g.ActorIs, x.Actor, x.ActorText) && RoleAgrees(text, g.Target, g.TargetIs, x.Target, x.TargetText);

    private static bool RoleAgrees(string text, string? gold, string? goldIs, TextSpan? coded, string? codedText)
    {
        if (gold is null)
        {
            return coded is null;
        }

        if (codedText is null)
        {
            return false;
        }

        var located = Locate(text, gold, StringComparison.Ordinal);
        return (located is { } g && coded is { } span ? g.Overlaps(span) : Same(gold, codedText)) || (goldIs is not null && Same(goldIs, codedText));
    }

    /// <summary>True when one text holds the other as whole words, ignoring case.</summary>
    private static bool Same(string a, string b) =>
        Locate(a, b, StringComparison.OrdinalIgnoreCase) is not null || Locate(b, a, StringComparison.OrdinalIgnoreCase) is not null;

    /// <summary>Where an annotated phrase is in its sentence: its first occurrence, as a whole word.</summary>
    private static TextSpan? Locate(string text, string phrase, StringComparison comparison)
    {
        if (phrase.Length == 0)
        {
            return null;
        }

        for (var at = text.IndexOf(phrase, comparison); at >= 0; at = text.IndexOf(phrase, at + 1, comparison))
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var after = at + phrase.Length >= text.Length || !char.IsLetterOrDigit(text[at + phrase.Length]);
            if (before && after)
            {
                return new TextSpan(at, at + phrase.Length);
            }
        }

        return null;
    }

    private static string? Optional(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
