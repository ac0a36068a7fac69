using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Nlp.Events;

/// <summary>
/// Codes events with CAMEO: a verb of PETRARCH2's dictionary (or an event noun: 'bombing',
/// 'talks', 'phone call') with the named mention before it as actor and the one after it as
/// target (swapped for a passive with 'by'), the sentence's time as when and a place after
/// 'in'/'at' as where. The sentence is the evidence. Negated verbs ('did not attack') are left out.
/// Shallow — no parse — so actors are the nearest names, as the JSON's spans let a reader check.
/// </summary>
public sealed class EventComponent : IDocumentComponent
{
    private static readonly Dictionary<string, string> Roots = DataFile.ReadEmbedded(typeof(EventComponent).Assembly, "Dossier.Nlp.Events.cameo-roots.tsv")
        .ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);

    private static readonly ILookup<string, (string Code, string? Before)> Nouns = DataFile.ReadEmbedded(typeof(EventComponent).Assembly, "Dossier.Nlp.Events.event-nouns.tsv")
        .ToLookup(r => r[0], r => (r[1], r.Length > 2 ? r[2] : null), StringComparer.Ordinal);

    /// <summary>The most tokens read as one sentence; a longer one is read in windows of this many (see <see cref="Windows"/>).</summary>
    private const int MaxWindowTokens = 150;

    private static readonly HashSet<string> Negations = new(["not", "n't", "never", "no"], StringComparer.Ordinal);
    private static readonly HashSet<string> PassiveAuxiliaries = new(["was", "were", "been", "be", "being", "is", "are"], StringComparer.Ordinal);
    private static readonly HashSet<string> PlacePrepositions = new(["in", "at", "near", "to", "from"], StringComparer.Ordinal);

    /// <summary>Words after which a base, -s or -ing form is a verb ('to issue', 'will back', 'they support'); without them 'issue', 'back' and 'forces' are read as nouns.</summary>
    private static readonly HashSet<string> VerbContext = new(
        ["to", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "did", "does", "do",
         "not", "n't", "never", "he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "also", "and", "jointly", "reportedly"], StringComparer.Ordinal);

    private readonly VerbLexicon _verbs;

    /// <summary>Creates the component with a verb dictionary (PETRARCH2's CAMEO.2.0 by default).</summary>
    public EventComponent(VerbLexicon? verbs = null) => _verbs = verbs ?? VerbLexicon.Default;

    /// <inheritdoc/>
    public string Name => "events";

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Needs { get; } = [Layers.Tokens, Layers.Sentences, Layers.Mentions, Layers.Times];

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Adds { get; } = [Layers.Events];

    /// <summary>The CAMEO root's label of a code ('036' → 'consult').</summary>
    public static string LabelOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Length >= 2 && Roots.TryGetValue(code[..2], out var label) ? label : "event";
    }

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var tokens = document.Get(Layers.Tokens);
        var lower = new string[tokens.Length];
        for (var t = 0; t < tokens.Length; t++)
        {
            lower[t] = text.Substring(tokens[t].Span.Start, tokens[t].Span.Length).ToLowerInvariant();
        }

        var mentions = document.Get(Layers.Mentions).Where(m => MentionLabels.Named.Contains(m.Label)).ToList();
        var times = document.Get(Layers.Times);
        var events = new List<EventData>();
        foreach (var s in Windows(document.Get(Layers.Sentences), tokens))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (a, b) = (s.FirstToken, s.FirstToken + s.TokenCount);
            var inSentence = SpanSearch.Within(mentions, s.Span);
            var when = SpanSearch.Within(times, s.Span).Where(t => t.Type is "DATE" or "TIME" && t.Value is { } v && (char.IsAsciiDigit(v[0]) || v[0] == 'X'))
                .OrderByDescending(t => t.Value!.Length).Select(t => t.Value).FirstOrDefault();
            for (var i = a; i < b; i++)
            {
                if (InsideMention(inSentence, tokens[i].Span))
                {
                    continue;
                }

                var auxiliary = i > a && PassiveAuxiliaries.Contains(lower[i - 1]);
                var (length, code, nominal) = Noun(lower, i, a) is { } noun && !(i > a && VerbContext.Contains(lower[i - 1])) ? (1, noun, true)
                    : _verbs.Match(lower, i, b, auxiliary ? a : -1) is { } verb && IsVerb(lower, i, a, inSentence, tokens) ? (verb.Length, verb.Code, false) : (0, null, false);
                if (code is null || (!nominal && i > a && (Negations.Contains(lower[i - 1]) || (i > a + 1 && Negations.Contains(lower[i - 2])))))
                {
                    continue;
                }

                var trigger = new TextSpan(tokens[i].Span.Start, tokens[i + length - 1].Span.End);

                // 'the 2021 Kabul airport bombing': a place just before an event noun is where, not who.
                var before = inSentence.Where(m => m.Span.End <= trigger.Start && !(nominal && m.Label is "GPE" or "LOC" or "FAC")).Select(m => (TextSpan?)m.Span).LastOrDefault();
                var after = inSentence.Where(m => m.Span.Start >= trigger.End && m.Label is not ("LOC" or "FAC")).Select(m => (TextSpan?)m.Span).FirstOrDefault();
                // 'Raza, counsellor at Pakistan's UN Mission, told …': the name before the apposition acts.
                if (!nominal && i > a + 2 && lower[i - 1] == "," && Array.LastIndexOf(lower, ",", i - 2, i - 1 - a) is var open and > 0 && open > a
                    && inSentence.FirstOrDefault(m => m.Span.End == tokens[open - 1].Span.End && m.Label is "PER" or "ORG" or "GPE") is { Span.IsEmpty: false } named)
                {
                    before = named.Span;
                }

                var passive = !nominal && auxiliary && Enumerable.Range(i + length, 3).Any(k => k < b && lower[k] == "by");
                var (actor, target) = passive ? (after, before) : (before, after);
                var where = inSentence.Where(m => m.Label is "GPE" or "LOC" or "FAC" && m.Span.Start > tokens[a].Span.Start
                        && PlacePrepositions.Contains(lower[TokenSearch.FirstEndingAfter(tokens, m.Span.Start) - 1]))
                    .Select(m => (TextSpan?)m.Span).FirstOrDefault();
                // 'The attack on …' after 'the bombing that killed …': the same event, so the same actor.
                if (actor is null && nominal && i > a && lower[i - 1] == "the" && code[..2] is "18" or "19" or "20" && LastViolent(events, s.Span.Start - 400) is { Actor: { } earlier })
                {
                    actor = earlier;
                }

                if (actor is null && target is null)
                {
                    continue;
                }

                events.Add(new EventData(s.Span, code, LabelOf(code), actor, target == actor ? null : target, when, where, trigger));
                i += length - 1;
            }
        }

        document.Set(Layers.Events, [.. events]);
    }

    /// <summary>
    /// The sentences, a sentence of more than <see cref="MaxWindowTokens"/> tokens cut into windows of
    /// that many: a run-on 'sentence' of megabytes (a feed without full stops, a storm of reporting
    /// verbs) would otherwise cost time in the square of its length, and an event cites its window.
    /// </summary>
    private static IEnumerable<SentenceData> Windows(System.Collections.Immutable.ImmutableArray<SentenceData> sentences, System.Collections.Immutable.ImmutableArray<TokenData> tokens)
    {
        foreach (var s in sentences)
        {
            if (s.TokenCount <= MaxWindowTokens)
            {
                yield return s;
                continue;
            }

            for (var first = s.FirstToken; first < s.FirstToken + s.TokenCount; first += MaxWindowTokens)
            {
                var count = Math.Min(MaxWindowTokens, s.FirstToken + s.TokenCount - first);
                yield return s with { Span = new TextSpan(tokens[first].Span.Start, tokens[first + count - 1].Span.End), FirstToken = first, TokenCount = count };
            }
        }
    }

    /// <summary>The last attack, assault or use of force with an actor among the events that end after <paramref name="notBefore"/>, or null.</summary>
    private static EventData? LastViolent(List<EventData> events, int notBefore)
    {
        for (var k = events.Count - 1; k >= 0 && events[k].Span.End > notBefore; k--)
        {
            if (events[k].Code[..2] is "18" or "19" or "20" && events[k].Actor is not null)
            {
                return events[k];
            }
        }

        return null;
    }

    /// <summary>A past form ('-ed') is read as a verb; other forms need a word before them that only a verb follows, or a name right before them ('Pakistan supports').</summary>
    private static bool IsVerb(string[] lower, int i, int sentenceStart, List<MentionData> mentions, System.Collections.Immutable.ImmutableArray<TokenData> tokens)
    {
        if (lower[i].EndsWith("ed", StringComparison.Ordinal) || lower[i] is "said" or "says" or "met" or "told" or "left" or "took" or "held" or "made" or "sent" or "gave" or "struck" or "fought" or "shot")
        {
            return true;
        }

        var k = i - 1;
        while (k > sentenceStart && lower[k].EndsWith("ly", StringComparison.Ordinal))
        {
            k--;
        }

        return k >= sentenceStart && (VerbContext.Contains(lower[k]) || mentions.Any(m => m.Span.End == tokens[k].Span.End && m.Label is "PER" or "ORG" or "GPE" or "NORP"));
    }

    private static bool InsideMention(List<MentionData> mentions, TextSpan token) => mentions.Any(m => m.Span.Contains(token));

    private static string? Noun(string[] lower, int i, int sentenceStart)
    {
        foreach (var (code, before) in Nouns[lower[i]])
        {
            if (before is null || (i > sentenceStart && lower[i - 1] == before))
            {
                return code;
            }
        }

        return null;
    }
}
