using Dossier.Annotations;
using Dossier.Nlp.Entities;

namespace Dossier.Analysis;

/// <summary>A document that could not be read or processed.</summary>
/// <param name="Source">The input path or URL.</param>
/// <param name="Code">The stable error code.</param>
/// <param name="Message">Why, in words a user can act on.</param>
public sealed record InputFailure(string Source, DossierErrorCode Code, string Message);

/// <summary>
/// Everything the engine found in a set of documents. The per-corpus parts (entities, claim
/// groups, stories, …) are added by later analyses; until then their outputs are empty and say so.
/// </summary>
public sealed class CorpusAnalysis
{
    /// <summary>Creates an analysis of processed documents.</summary>
    /// <param name="documents">The documents, in input order.</param>
    /// <param name="failures">The inputs that failed.</param>
    /// <param name="layers">The layers the pipeline that processed them adds.</param>
    /// <param name="kb">The knowledge base entities are linked to (none when null).</param>
    /// <param name="stance">The stance model that reads each document against each claim group (none when null).</param>
    public CorpusAnalysis(IReadOnlyList<Document> documents, IReadOnlyList<InputFailure> failures, IEnumerable<LayerKey> layers, KnowledgeBase? kb = null, Dossier.Nlp.Stance.StanceModel? stance = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(failures);
        ArgumentNullException.ThrowIfNull(layers);
        // The same text read twice (two files, a file and its copy) is one document: the first kept, the others' sources noted on it.
        var distinct = new List<Document>(documents.Count);
        var seen = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var d in documents)
        {
            if (seen.TryGetValue(d.Id, out var first))
            {
                first.AddWarning($"the same text was also read from {d.Metadata.Source ?? "another input"}");
                continue;
            }

            seen[d.Id] = d;
            distinct.Add(d);
        }

        documents = distinct;
        Documents = documents;
        Failures = failures;
        Layers = [.. layers.Distinct()];
        Entities = EntityGrouping.Group(documents, kb ?? KnowledgeBase.Empty);
        (Quotes, Claims) = Statements.Collect(documents, Entities);
        Times = Facts.Times(documents);
        Events = Facts.Events(documents, Entities);
        Figures = Facts.Figures(documents, Entities, Events);
        var copies = Syndication.Group([.. documents.Select(d => d.Text)]);
        SourceOf = documents.Select((d, k) => (d.Id, Source: documents[copies[k]].Id)).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().Source, StringComparer.Ordinal);
        var mentions = ClaimMentions.Of(documents, Claims, Entities);
        Propositions = Dossier.Analysis.Propositions.Of(documents, Claims, mentions);
        var groups = ClaimAlignment.Align(documents, Claims, mentions, Propositions, doc => SourceOf[doc]);
        Discrepancies = FigureDiscrepancies.Find(documents, Figures, SourceOf);
        Stories = Dossier.Analysis.Stories.Cluster(documents, Entities, SourceOf);
        ClaimGroups = stance is null ? groups : GroupStance.WithCoverage(groups, documents, Stories, stance);

        var byId = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        RepeatedQuotes = [.. ReReporting.Statements(Quotes, q => q.Document, ReReporting.SpeakerOf, q => q.Text, byId).Where(s => s.Carriers.Count > 1)];
    }

    /// <summary>Quotes carried by more than one document: one statement (same speaker, nearly the same words) with its carriers, earliest first.</summary>
    public IReadOnlyList<Statement<Quote>> RepeatedQuotes { get; }

    /// <summary>The stories the documents cover, largest first.</summary>
    public IReadOnlyList<Story> Stories { get; }

    /// <summary>Figures that count the same thing but disagree across sources.</summary>
    public IReadOnlyList<FigureDiscrepancy> Discrepancies { get; }

    /// <summary>For each document id, the id of the first document of its group of near-copies: documents that share one are one source.</summary>
    public IReadOnlyDictionary<string, string> SourceOf { get; }

    /// <summary>How many independent sources the documents are (near-copies counted once).</summary>
    public int IndependentSources => SourceOf.Values.Distinct(StringComparer.Ordinal).Count();

    /// <summary>Claims grouped by the proposition they state, disputed groups first.</summary>
    public IReadOnlyList<ClaimGroup> ClaimGroups { get; }

    /// <summary>Every time expression.</summary>
    public IReadOnlyList<TimeFact> Times { get; }

    /// <summary>Every figure.</summary>
    public IReadOnlyList<FigureFact> Figures { get; }

    /// <summary>Every event, with entities linked.</summary>
    public IReadOnlyList<EventFact> Events { get; }

    /// <summary>Every quote, its speaker linked to an entity where one is named.</summary>
    public IReadOnlyList<Quote> Quotes { get; }

    /// <summary>Each claim's proposition as structure (frame, place, entities), in <see cref="Claims"/> order.</summary>
    public IReadOnlyList<Proposition> Propositions { get; }

    /// <summary>Every claim, its holder linked to an entity where one is named.</summary>
    public IReadOnlyList<Claim> Claims { get; }

    /// <summary>The entities named in the documents.</summary>
    public IReadOnlyList<Entity> Entities { get; }

    /// <summary>The documents, in input order.</summary>
    public IReadOnlyList<Document> Documents { get; }

    /// <summary>The inputs that failed.</summary>
    public IReadOnlyList<InputFailure> Failures { get; }

    /// <summary>The layers the pipeline adds; a section whose layer is missing is reported as not built.</summary>
    public IReadOnlyList<LayerKey> Layers { get; }
}
