using Dossier.Annotations;
using Dossier.Analysis.Corpus;
using Dossier.Knowledge;
using R = Dossier.Analysis.Corpus.CorpusResults;

namespace Dossier.Analysis;

/// <summary>A document that could not be read or processed.</summary>
/// <param name="Source">The input path or URL.</param>
/// <param name="Code">The stable error code.</param>
/// <param name="Message">Why, in words a user can act on.</param>
public sealed record InputFailure(string Source, DossierErrorCode Code, string Message);

/// <summary>
/// Everything the engine found in a set of documents: what the corpus stages
/// (<see cref="CorpusPipeline"/>) set. A result no stage set is empty, and the outputs say so.
/// </summary>
public sealed class CorpusAnalysis
{
    /// <summary>Runs the default corpus pipeline (<see cref="CorpusPipeline.Default"/>) over processed documents.</summary>
    /// <param name="documents">The documents, in input order.</param>
    /// <param name="failures">The inputs that failed.</param>
    /// <param name="layers">The layers the pipeline that processed them adds.</param>
    /// <param name="kb">The knowledge base entities are linked to (none when null).</param>
    /// <param name="stance">The stance model that reads each document against each claim group (none when null).</param>
    public CorpusAnalysis(IReadOnlyList<Document> documents, IReadOnlyList<InputFailure> failures, IEnumerable<LayerKey> layers, KnowledgeBase? kb = null, Dossier.Nlp.Stance.StanceModel? stance = null)
        : this(CorpusPipeline.Default(kb, stance).Execute(documents, failures, layers, CancellationToken.None))
    {
    }

    internal CorpusAnalysis(CorpusState state)
    {
        Documents = state.Documents;
        Failures = state.Failures;
        Layers = state.Layers;
        Entities = state.GetOr(R.Entities, []);
        Quotes = state.GetOr(R.Quotes, []);
        Claims = state.GetOr(R.Claims, []);
        Times = state.GetOr(R.Times, []);
        Events = state.GetOr(R.Events, []);
        Figures = state.GetOr(R.Figures, []);
        SourceOf = state.GetOr(R.SourceOf, Documents.ToDictionary(d => d.Id, d => d.Id, StringComparer.Ordinal));
        Propositions = state.GetOr(R.Propositions, []);
        Discrepancies = state.GetOr(R.Discrepancies, []);
        Stories = state.GetOr(R.Stories, []);
        RepeatedQuotes = state.GetOr(R.RepeatedQuotes, []);
        Clocks = state.GetOr(R.Clocks, new Dictionary<string, FactClock>());
        TimeDiscrepancies = state.GetOr(R.TimeDiscrepancies, []);
        _byId = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var e in Entities)
        {
            _byId[e.Id] = e;
        }

        foreach (var e in Entities)
        {
            foreach (var redirect in e.Redirects)
            {
                _byId.TryAdd(redirect, e);
            }
        }

        var groups = state.GetOr(R.ClaimGroups, []);
        if (state.Has(R.StanceCoverage))
        {
            var coverage = state.Get(R.StanceCoverage);
            groups = [.. groups.Select(g => g with { Coverage = coverage.GetValueOrDefault(g.Id, []) })];
        }

        ClaimGroups = groups;
    }

    private readonly Dictionary<string, Entity> _byId;

    /// <summary>The entity an id names, directly or through one of its redirects (an id from an earlier analysis); null for null or an unknown id.</summary>
    public Entity? Entity(string? id) => id is not null && _byId.TryGetValue(id, out var e) ? e : null;

    /// <summary>Quotes carried by more than one document: one statement (same speaker, nearly the same words) with its carriers, earliest first.</summary>
    public IReadOnlyList<Statement<Quote>> RepeatedQuotes { get; }

    /// <summary>When each quote, claim, figure and event was said or happened, as its text dates it (the first clock; the second is its document's publication). Undated facts are not in it: use <see cref="ClockOf"/>.</summary>
    public IReadOnlyDictionary<string, FactClock> Clocks { get; }

    /// <summary>The clock of the fact with id <paramref name="id"/>; <see cref="FactClock.None"/> when its text gives no date.</summary>
    public FactClock ClockOf(string id) => Clocks.GetValueOrDefault(id, FactClock.None);

    /// <summary>Statements and events dated differently by different sources.</summary>
    public IReadOnlyList<TimeDiscrepancy> TimeDiscrepancies { get; }

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
    internal IReadOnlyList<Proposition> Propositions { get; }

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
