using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Analysis;

/// <summary>A date or time the text gives for a fact: one of the document's time expressions.</summary>
/// <param name="Time">The time expression's id (<c>t:</c>document<c>:</c>offset), or null when the value comes from elsewhere (an event's component).</param>
/// <param name="Value">Its TIMEX3 value: <c>2024-05-10</c>, <c>XXXX-WXX-2</c> (a Tuesday of an undated report), <c>2021-08</c>.</param>
/// <param name="Text">The expression as written, or null.</param>
public sealed record FactTime(string? Time, string Value, string? Text);

/// <summary>
/// The first of a fact's two clocks: when it happened or was said, as its text gives it (the
/// second, when and by whom it was reported, is its document's publication date and outlet). A
/// statement's <see cref="When"/> is a date of its sentence outside the words said ('Khan said on
/// Thursday that …'), the one nearest the cue; its <see cref="Within"/> a date inside them, what
/// it is about ('… closed on February 21'). A figure's <see cref="When"/> is the date of its
/// sentence nearest it; an event's the date its component gave it.
/// </summary>
/// <param name="When">When it was said, happened or held; null when the text does not say.</param>
/// <param name="Within">A date inside a statement's words; null for figures and events.</param>
public sealed record FactClock(FactTime? When, FactTime? Within)
{
    /// <summary>No date given.</summary>
    public static FactClock None { get; } = new(null, null);

    /// <summary>The date a timeline puts the fact at: when it was said or happened, else what its words are about.</summary>
    public FactTime? Dated => When ?? Within;
}

/// <summary>Reads each statement's, figure's and event's <see cref="FactClock"/> from the time expressions of its sentence.</summary>
internal static class Clocks
{
    /// <summary>The clock of every quote, claim, figure and event, by its id (facts whose text gives no date are left out).</summary>
    public static IReadOnlyDictionary<string, FactClock> Of(
        IReadOnlyList<Document> documents, IReadOnlyList<TimeFact> times, IReadOnlyList<Quote> quotes, IReadOnlyList<Claim> claims, IReadOnlyList<FigureFact> figures, IReadOnlyList<EventFact> events)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(quotes);
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(events);
        var byId = ClaimMentions.ById(documents);
        // Each document's calendar expressions in text order, for binary search.
        var byDocument = times.Where(t => IsCalendar(t.Data)).GroupBy(t => t.Document, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.Data.Span.Start).ToList(), StringComparer.Ordinal);
        List<TimeFact> Dated(string document) => byDocument.GetValueOrDefault(document, []);
        var clocks = new Dictionary<string, FactClock>(StringComparer.Ordinal);
        void Add(string id, FactClock clock)
        {
            if (clock.When is not null || clock.Within is not null)
            {
                clocks[id] = clock;
            }
        }

        foreach (var q in quotes)
        {
            Add(q.Id, OfStatement(byId[q.Document], Dated(q.Document), q.Data.Span, q.Data.Cue));
        }

        foreach (var c in claims)
        {
            Add(c.Id, OfStatement(byId[c.Document], Dated(c.Document), c.Data.Span, c.Data.Cue));
        }

        foreach (var f in figures)
        {
            var inSentence = InSentence(byId[f.Document], Dated(f.Document), f.Data.Span);
            Add(f.Id, new FactClock(Nearest(inSentence, f.Data.Span), null));
        }

        foreach (var e in events.Where(e => e.Data.When is not null))
        {
            // The expression the component read the date from, where the sentence has it; else the value alone.
            var at = e.Data.Trigger ?? e.Data.Span;
            var written = Nearest(InSentence(byId[e.Document], Dated(e.Document), e.Data.Span).Where(t => t.Data.Value == e.Data.When), at);
            Add(e.Id, new FactClock(written ?? new FactTime(null, e.Data.When!, null), null));
        }

        return clocks;
    }

    /// <summary>A date, a time, or a weekday or month of an undated report: what can place a fact on a calendar (not durations, sets or 'now').</summary>
    internal static bool IsCalendar(TimeData t) =>
        t.Type is "DATE" or "TIME" && t.Value is { Length: >= 4 } v && (char.IsAsciiDigit(v[0]) || v[0] == 'X');

    private static FactClock OfStatement(Document d, List<TimeFact> dated, TextSpan content, TextSpan? cue)
    {
        var inSentence = InSentence(d, dated, content);
        var outside = inSentence.Where(t => !content.Overlaps(t.Data.Span));
        var inside = inSentence.Where(t => content.Contains(t.Data.Span));
        return new FactClock(Nearest(outside, cue ?? content), inside.Select(Of).FirstOrDefault());
    }

    /// <summary>The calendar expressions (<paramref name="dated"/>, in text order) of the sentence holding <paramref name="span"/>'s start; both found by binary search.</summary>
    private static List<TimeFact> InSentence(Document d, List<TimeFact> dated, TextSpan span)
    {
        var sentences = d.GetOrEmpty(Layers.Sentences);
        var k = SpanSearch.FirstNotBefore(sentences.Length, j => sentences[j].Span.End <= span.Start);
        if (k >= sentences.Length || !sentences[k].Span.Contains(span.Start))
        {
            return [];
        }

        var sentence = sentences[k].Span;
        var found = new List<TimeFact>();
        for (var i = SpanSearch.FirstNotBefore(dated.Count, j => dated[j].Data.Span.Start < sentence.Start); i < dated.Count && dated[i].Data.Span.Start < sentence.End; i++)
        {
            if (sentence.Contains(dated[i].Data.Span))
            {
                found.Add(dated[i]);
            }
        }

        return found;
    }

    private static FactTime? Nearest(IEnumerable<TimeFact> times, TextSpan to) =>
        times.OrderBy(t => Distance(t.Data.Span, to)).ThenBy(t => t.Data.Span.Start).Select(Of).FirstOrDefault();

    private static int Distance(TextSpan a, TextSpan b) => a.End <= b.Start ? b.Start - a.End : b.End <= a.Start ? a.Start - b.End : 0;

    private static FactTime Of(TimeFact t) => new(t.Id, t.Data.Value!, t.Text);
}
