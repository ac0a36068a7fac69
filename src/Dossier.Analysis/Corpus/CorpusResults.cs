namespace Dossier.Analysis.Corpus;

/// <summary>The results of the corpus stage, one key each.</summary>
public static class CorpusResults
{
    /// <summary>The entities named in the documents.</summary>
    public static readonly CorpusKey<IReadOnlyList<Entity>> Entities = new("entities");

    /// <summary>Every quote, its speaker linked to an entity.</summary>
    public static readonly CorpusKey<IReadOnlyList<Quote>> Quotes = new("quotes");

    /// <summary>Every claim, its holder linked to an entity.</summary>
    public static readonly CorpusKey<IReadOnlyList<Claim>> Claims = new("claims");

    /// <summary>Every time expression.</summary>
    public static readonly CorpusKey<IReadOnlyList<TimeFact>> Times = new("times");

    /// <summary>Every event, its participants linked to entities.</summary>
    public static readonly CorpusKey<IReadOnlyList<EventFact>> Events = new("events");

    /// <summary>Every figure, linked to the entity it counts and the event of its sentence.</summary>
    public static readonly CorpusKey<IReadOnlyList<FigureFact>> Figures = new("figures");

    /// <summary>For each document id, the first document of its group of near-copies.</summary>
    public static readonly CorpusKey<IReadOnlyDictionary<string, string>> SourceOf = new("sources");

    /// <summary>Each claim's proposition as structure, in claim order.</summary>
    internal static readonly CorpusKey<IReadOnlyList<Proposition>> Propositions = new("propositions");

    /// <summary>Claims grouped by the proposition they state.</summary>
    public static readonly CorpusKey<IReadOnlyList<ClaimGroup>> ClaimGroups = new("claim-groups");

    /// <summary>How each document of a claim group's stories stands towards its proposition, by group id.</summary>
    public static readonly CorpusKey<IReadOnlyDictionary<string, IReadOnlyList<StanceCoverage>>> StanceCoverage = new("stance-coverage");

    /// <summary>Figures that count the same thing but disagree across sources.</summary>
    public static readonly CorpusKey<IReadOnlyList<FigureDiscrepancy>> Discrepancies = new("figure-discrepancies");

    /// <summary>The stories the documents cover.</summary>
    public static readonly CorpusKey<IReadOnlyList<Story>> Stories = new("stories");

    /// <summary>Quotes carried by more than one document.</summary>
    public static readonly CorpusKey<IReadOnlyList<Statement<Quote>>> RepeatedQuotes = new("repeated-quotes");

    /// <summary>When each quote, claim, figure and event was said or happened, as its text dates it, by id (undated facts left out).</summary>
    public static readonly CorpusKey<IReadOnlyDictionary<string, FactClock>> Clocks = new("clocks");

    /// <summary>Statements and events dated differently by different sources.</summary>
    public static readonly CorpusKey<IReadOnlyList<TimeDiscrepancy>> TimeDiscrepancies = new("time-discrepancies");

    /// <summary>Each document's digest (what the merging stages need from it alone), in document order.</summary>
    internal static readonly CorpusKey<IReadOnlyList<DocumentDigest>> Digests = new("digests");

    /// <summary>Each claim's named mentions resolved to entities, in claim order (for propositions and alignment).</summary>
    internal static readonly CorpusKey<IReadOnlyList<ClaimMention[]>> ClaimMentions = new("claim-mentions");
}
