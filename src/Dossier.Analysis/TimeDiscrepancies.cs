using System.Globalization;

namespace Dossier.Analysis;

/// <summary>A statement or event and the date one source gives it.</summary>
/// <param name="Id">The quote's or event's id.</param>
/// <param name="Document">The document id.</param>
/// <param name="Paragraph">The index of its paragraph.</param>
/// <param name="Time">The date that source gives.</param>
public sealed record DatedFact(string Id, string Document, int Paragraph, FactTime Time);

/// <summary>One statement or one happening dated differently by different sources (Tuesday in five outlets, Wednesday in one).</summary>
/// <param name="What">What is dated: the statement (holder and first words) or the event (actor, label, target).</param>
/// <param name="Subject"><c>statement</c> or <c>event</c>.</param>
/// <param name="Facts">Each source's item with the date it gives, in publication order.</param>
public sealed record TimeDiscrepancy(string What, string Subject, IReadOnlyList<DatedFact> Facts);

/// <summary>
/// Finds the second kind of discrepancy the two clocks make visible: not what was said or counted,
/// but when. A statement carried by several outlets (one holder, nearly the same words:
/// <see cref="ReReporting"/>; a near-copy that changed the day counts, an outlet revising itself
/// does not) whose sentences date its saying differently; an event of one code, actor and target
/// (both entities) reported by several outlets published within
/// <see cref="ReportWindow"/> days of each other, asserted and shown, dated differently. Dates
/// disagree when both name a day and the days differ by at most <see cref="SameOccasion"/> (further
/// apart, they are two occasions), or when a weekday of an undated report is not the weekday of
/// the other's day; a month or year against a day never disagrees.
/// </summary>
internal static class TimeDiscrepancies
{
    /// <summary>Two days further apart than this are two occasions, not one dated twice.</summary>
    public const int SameOccasion = 3;

    /// <summary>Events from reports published further apart than this (days) are not compared.</summary>
    public const int ReportWindow = 3;

    /// <summary>The discrepancies among the repeated quotes and the events.</summary>
    public static IReadOnlyList<TimeDiscrepancy> Find(
        IReadOnlyList<Document> documents, IReadOnlyList<Statement<Quote>> repeated, IReadOnlyList<EventFact> events,
        IReadOnlyDictionary<string, FactClock> clocks, IReadOnlyDictionary<string, string> sourceOf)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(repeated);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(clocks);
        ArgumentNullException.ThrowIfNull(sourceOf);
        var byId = ClaimMentions.ById(documents);
        var published = byId.ToDictionary(p => p.Key, p => p.Value.Metadata.Published, StringComparer.Ordinal);

        // Two outlets (two sources where an outlet is not named); a copy that changed the day counts, an outlet revising itself does not.
        bool Apart(DatedFact a, DatedFact b) => byId[a.Document].Metadata.Outlet is { } x && byId[b.Document].Metadata.Outlet is { } y
            ? !string.Equals(x, y, StringComparison.OrdinalIgnoreCase)
            : sourceOf[a.Document] != sourceOf[b.Document];
        var found = new List<TimeDiscrepancy>();
        foreach (var s in repeated)
        {
            var dated = s.Items.Select(q => (Quote: q, When: clocks.GetValueOrDefault(q.Id)?.When)).Where(x => x.When is not null)
                .Select(x => new DatedFact(x.Quote.Id, x.Quote.Document, x.Quote.Paragraph, x.When!)).ToList();
            if (Disagreeing(dated, Apart))
            {
                var words = s.Items[0].Text;
                found.Add(new TimeDiscrepancy($"{s.Holder}: “{(words.Length > 80 ? words[..80] + "…" : words)}”", "statement", Ordered(dated, published)));
            }
        }

        var shown = events.Where(e => e.IsShown
            && e.Actor is not null && e.Target is not null && clocks.ContainsKey(e.Id));
        foreach (var same in shown.GroupBy(e => (e.Data.Code, Actor: e.Actor!.Id, Target: e.Target!.Id)))
        {
            // One line per document: a happening mentioned twice in one report is dated once.
            var dated = same.GroupBy(e => e.Document, StringComparer.Ordinal).Select(g => g.First())
                .Select(e => new DatedFact(e.Id, e.Document, e.Paragraph, clocks[e.Id].When!)).ToList();
            if (Disagreeing(dated, (a, b) => Apart(a, b) && Near(published[a.Document], published[b.Document], ReportWindow)))
            {
                var e = same.First();
                found.Add(new TimeDiscrepancy($"{e.Actor!.Name} → {e.Target!.Name}: {e.Data.Label}", "event", Ordered(dated, published)));
            }
        }

        return found;
    }

    /// <summary>True when two TIMEX values date one occasion differently (see the class summary).</summary>
    public static bool Disagree(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (dayA, weekdayA) = Parse(a);
        var (dayB, weekdayB) = Parse(b);
        return (dayA, dayB, weekdayA, weekdayB) switch
        {
            ({ } x, { } y, _, _) => x != y && Math.Abs(x.DayNumber - y.DayNumber) <= SameOccasion,
            ({ } x, null, _, { } w) => IsoWeekday(x) != w,
            (null, { } y, { } w, _) => IsoWeekday(y) != w,
            (null, null, { } v, { } w) => v != w,
            _ => false,
        };
    }

    private static bool Disagreeing(List<DatedFact> dated, Func<DatedFact, DatedFact, bool> comparable)
    {
        for (var x = 0; x < dated.Count; x++)
        {
            for (var y = x + 1; y < dated.Count; y++)
            {
                if (comparable(dated[x], dated[y]) && Disagree(dated[x].Time.Value, dated[y].Time.Value))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static List<DatedFact> Ordered(List<DatedFact> dated, Dictionary<string, DateOnly?> published) =>
        [.. dated.OrderBy(f => published[f.Document] ?? DateOnly.MaxValue)];

    private static bool Near(DateOnly? a, DateOnly? b, int days) => a is not { } x || b is not { } y || Math.Abs(x.DayNumber - y.DayNumber) <= days;

    /// <summary>A day (<c>2024-05-07</c>, also with a time) or a weekday (<c>XXXX-WXX-2</c>); neither for coarser values.</summary>
    private static (DateOnly? Day, int? Weekday) Parse(string value)
    {
        if (value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return (day, null);
        }

        return value.Length >= 10 && value.StartsWith("XXXX-WXX-", StringComparison.Ordinal) && value[9] is >= '1' and <= '7' ? (null, value[9] - '0') : (null, null);
    }

    private static int IsoWeekday(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;
}
