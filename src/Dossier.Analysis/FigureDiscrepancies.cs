namespace Dossier.Analysis;

/// <summary>How the values of a figure discrepancy relate in time.</summary>
public enum DiscrepancyKind
{
    /// <summary>Sources disagree at the same time, or a date is unknown.</summary>
    Discrepancy,

    /// <summary>The values follow one another in report time: an update, not a disagreement.</summary>
    History,
}

/// <summary>The same measured thing reported with different values by different sources.</summary>
/// <param name="What">What is counted, in the words of the first figure.</param>
/// <param name="Figures">The figures, from two or more independent sources, with two or more values.</param>
public sealed record FigureDiscrepancy(string What, IReadOnlyList<FigureFact> Figures)
{
    /// <summary>
    /// <see cref="DiscrepancyKind.History"/> when the values follow one another in report time (every report of one
    /// value published on an earlier day than every report of the next: 'the toll rose from 24 to
    /// 31' is an update, the figures then in publication order); <see cref="DiscrepancyKind.Discrepancy"/> when sources
    /// disagree at the same time, or a date is unknown.
    /// </summary>
    public DiscrepancyKind Kind { get; init; } = DiscrepancyKind.Discrepancy;
}

/// <summary>
/// Flags figures that count the same thing in the same context but disagree ('about 160
/// civilians' killed in the Kabul airport bombing in one outlet, 'about 170' in another). Two
/// figures are candidates when they share a unit and the head word of what they count
/// ('civilians'); they count the same thing when their sentences share enough content (stemmed
/// words and the entities named, Jaccard ≥ <see cref="ContextOverlap"/>) and their values are of
/// one size (the larger at most <see cref="MaxRatio"/> times the smaller). Only figures from
/// different independent sources are compared: a source revising itself is not a discrepancy.
/// </summary>
internal static class FigureDiscrepancies
{
    /// <summary>Least Jaccard overlap of the two sentences' content.</summary>
    public const double ContextOverlap = 0.2;

    /// <summary>How many figures of a smaller value each figure is compared with.</summary>
    private const int Representatives = 16;

    /// <summary>Largest ratio between two values that may count the same thing.</summary>
    public const double MaxRatio = 1.5;

    /// <summary>The discrepancies among the figures.</summary>
    public static IReadOnlyList<FigureDiscrepancy> Find(IReadOnlyList<Document> documents, IReadOnlyList<FigureFact> figures, IReadOnlyDictionary<string, string> sourceOf)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(sourceOf);
        var byId = documents.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var candidates = figures.Where(f => f.Data.Value is > 0 && f.Data.What is not null)
            .Select(f => (Figure: f, Head: Head(f.Data.What!), Context: Context(byId[f.Document], f.Data.Span)))
            .Where(x => x.Head is not null)
            .GroupBy(x => (x.Head, x.Figure.Data.Unit));
        var found = new List<FigureDiscrepancy>();
        foreach (var bucket in candidates)
        {
            // Figures of one value cannot disagree with each other, so values are compared, not
            // figures: each figure with up to Representatives figures of every smaller value
            // within MaxRatio (reposts repeat a value many times).
            var items = bucket.OrderBy(x => x.Figure.Data.Value).ToList();
            var byValue = Enumerable.Range(0, items.Count).GroupBy(k => items[k].Figure.Data.Value).Select(g => g.ToList()).ToList();
            var sets = new UnionFind(items.Count);
            var joined = new bool[items.Count];
            for (var i = 0; i < byValue.Count; i++)
            {
                var low = items[byValue[i][0]].Figure.Data.Value!.Value;
                for (var j = i + 1; j < byValue.Count && items[byValue[j][0]].Figure.Data.Value!.Value <= low * MaxRatio; j++)
                {
                    foreach (var b in byValue[j])
                    {
                        foreach (var a in byValue[i].Take(Representatives))
                        {
                            if (sourceOf[items[a].Figure.Document] != sourceOf[items[b].Figure.Document] && Jaccard(items[a].Context, items[b].Context) >= ContextOverlap)
                            {
                                sets.Union(a, b);
                                joined[a] = joined[b] = true;
                                break;
                            }
                        }
                    }
                }
            }

            foreach (var group in Enumerable.Range(0, items.Count).Where(k => joined[k]).GroupBy(sets.Find))
            {
                var members = group.Select(k => items[k].Figure).ToList();
                if (members.Select(f => f.Data.Value).Distinct().Count() > 1)
                {
                    found.Add(Classify(members, byId));
                }
            }
        }

        return found;
    }

    /// <summary>A history when each value's reports all come out on earlier days than the next value's, else a discrepancy (see <see cref="FigureDiscrepancy.Kind"/>).</summary>
    private static FigureDiscrepancy Classify(List<FigureFact> members, Dictionary<string, Document> byId)
    {
        var dates = members.Select(f => byId[f.Document].Metadata is { Published: { } date, PublishedInferred: false } ? date : (DateOnly?)null).ToList();
        if (dates.All(d => d is not null))
        {
            var spans = members.Select((f, k) => (Value: f.Data.Value!.Value, Date: dates[k]!.Value)).GroupBy(x => x.Value)
                .Select(g => (First: g.Min(x => x.Date), Last: g.Max(x => x.Date))).OrderBy(x => x.First).ToList();
            if (spans.Zip(spans.Skip(1)).All(p => p.First.Last < p.Second.First))
            {
                var ordered = members.Select((f, k) => (f, k)).OrderBy(x => dates[x.k]).ThenBy(x => x.k).Select(x => x.f).ToList();
                return new FigureDiscrepancy(ordered[0].Data.What!, ordered) { Kind = DiscrepancyKind.History };
            }
        }

        return new FigureDiscrepancy(members[0].Data.What!, members);
    }

    /// <summary>The head word of what a figure counts: its last word, lower case, plural 's' off ('US military service members' → 'member').</summary>
    private static string? Head(string what)
    {
        var words = what.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var last = words.Length == 0 ? null : words[^1].Trim(',', '.').ToLowerInvariant();
        return last is null || last.Length < 3 ? null : ClaimAlignment.Stem(last);
    }

    private static HashSet<string> Context(Document d, Dossier.Text.TextSpan span)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in d.Sentences)
        {
            if (!sentence.Span.Contains(span.Start))
            {
                continue;
            }

            foreach (var t in sentence.Tokens)
            {
                var w = d.GetText(t.Span).ToLowerInvariant();
                if (w.Length >= 4 && char.IsLetter(w[0]))
                {
                    terms.Add(ClaimAlignment.Stem(w));
                }
            }
        }

        return terms;
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b) => a.Count + b.Count == 0 ? 0 : (double)a.Count(b.Contains) / (a.Count + b.Count - a.Count(b.Contains));
}
