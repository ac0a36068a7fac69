namespace Dossier.Analysis.Reporting.Brief;

/// <summary>The analysis's statements, facts and entity mentions by document, built once for every story's scope.</summary>
internal sealed class AnalysisByDocument(CorpusAnalysis analysis)
{
    public ILookup<string, Claim> Claims { get; } = analysis.Claims.ToLookup(c => c.Document, StringComparer.Ordinal);

    public ILookup<string, FigureFact> Figures { get; } = analysis.Figures.ToLookup(f => f.Document, StringComparer.Ordinal);

    public ILookup<string, EventFact> Events { get; } = analysis.Events.ToLookup(e => e.Document, StringComparer.Ordinal);

    public ILookup<string, ClaimGroup> ClaimGroups { get; } = analysis.ClaimGroups.SelectMany(g => g.Claims.Select(c => (c.Document, Group: g))).ToLookup(x => x.Document, x => x.Group, StringComparer.Ordinal);

    public ILookup<string, FigureDiscrepancy> Discrepancies { get; } = analysis.Discrepancies.SelectMany(x => x.Figures.Select(f => (f.Document, Discrepancy: x))).ToLookup(x => x.Document, x => x.Discrepancy, StringComparer.Ordinal);

    public Dictionary<FigureDiscrepancy, int> DiscrepancyOrder { get; } = OrderOf(analysis.Discrepancies);

    /// <summary>Each entity's place in the analysis's order (first appearance): ids are names, not ranks.</summary>
    public Dictionary<Entity, int> EntityOrder { get; } = OrderOf(analysis.Entities);

    /// <summary>Each claim group's place in the analysis's order (disputed first).</summary>
    public Dictionary<ClaimGroup, int> ClaimGroupOrder { get; } = OrderOf(analysis.ClaimGroups);

    public ILookup<string, (Entity Entity, EntityMention Mention)> Mentions { get; } = analysis.Entities.SelectMany(e => e.Mentions.Select(m => (e, m))).ToLookup(x => x.m.Document, StringComparer.Ordinal);

    private static Dictionary<T, int> OrderOf<T>(IEnumerable<T> items)
        where T : notnull => items.Select((x, k) => (x, k)).ToDictionary(p => p.x, p => p.k);
}

/// <summary>What a story's sections draw on: the analysis, limited to the story's documents (in input order).</summary>
internal sealed class StoryScope(CorpusAnalysis analysis, AnalysisByDocument index, string story, IReadOnlyList<string> documents)
{
    private readonly HashSet<string> _documents = documents.ToHashSet(StringComparer.Ordinal);

    private readonly Dictionary<string, Document> _byId = ById(analysis, documents);

    public CorpusAnalysis Analysis { get; } = analysis;

    /// <summary>The story's id ('s1'), which names its sections' anchors ('s1-timeline').</summary>
    public string Story { get; } = story;

    public bool Has(string document) => _documents.Contains(document);

    /// <summary>The story's document with id <paramref name="id"/>.</summary>
    public Document Document(string id) => _byId[id];

    private static Dictionary<string, Document> ById(CorpusAnalysis analysis, IReadOnlyList<string> documents)
    {
        var ids = documents.ToHashSet(StringComparer.Ordinal);
        return analysis.Documents.Where(d => ids.Contains(d.Id)).DistinctBy(d => d.Id, StringComparer.Ordinal).ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    public IEnumerable<Document> Documents => Analysis.Documents.Where(d => Has(d.Id));

    public IReadOnlyList<Claim> Claims { get; } = [.. documents.SelectMany(d => index.Claims[d])];

    public IReadOnlyList<FigureFact> Figures { get; } = [.. documents.SelectMany(d => index.Figures[d])];

    public IReadOnlyList<EventFact> Events { get; } = [.. documents.SelectMany(d => index.Events[d])];

    /// <summary>The groups holding a claim of the story, in the analysis's order (disputed first).</summary>
    public IReadOnlyList<ClaimGroup> ClaimGroups { get; } = [.. documents.SelectMany(d => index.ClaimGroups[d]).Distinct().OrderBy(g => index.ClaimGroupOrder[g])];

    /// <summary>The quotes carried by several documents, one of them the story's.</summary>
    public IReadOnlyList<Statement<Quote>> RepeatedQuotes { get; } = [.. analysis.RepeatedQuotes.Where(s => s.Carriers.Any(c => documents.Contains(c.Document, StringComparer.Ordinal)))];

    public IReadOnlyList<FigureDiscrepancy> Discrepancies { get; } = [.. documents.SelectMany(d => index.Discrepancies[d]).Distinct().OrderBy(x => index.DiscrepancyOrder[x])];

    /// <summary>Each entity the story names, with its mentions in the story's documents, in the analysis's entity order.</summary>
    public IReadOnlyList<(Entity Entity, IReadOnlyList<EntityMention> Mentions)> Entities { get; } =
        [.. documents.SelectMany(d => index.Mentions[d]).GroupBy(x => x.Entity)
            .Select(g => (g.Key, (IReadOnlyList<EntityMention>)[.. g.Select(x => x.Mention)]))
            .OrderBy(x => index.EntityOrder[x.Key])];
}
