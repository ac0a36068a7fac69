namespace Dossier.Analysis.Reporting.Brief;

/// <summary>
/// The brief, built once from the analysis (<see cref="BriefBuilder"/>) and written by each
/// renderer (Markdown, HTML): a title, an overview line, the sources, the list of stories, one
/// brief per story and the inputs that could not be read.
/// </summary>
internal sealed record BriefDocument(
    IReadOnlyList<BriefInline> Title,
    BriefParagraph Overview,
    BriefSection Sources,
    BriefSection StoryList,
    IReadOnlyList<StoryBrief> Stories,
    BriefSection? Failures)
{
    /// <summary>The sections under the title, in the order they are shown.</summary>
    public IEnumerable<BriefSection> Sections =>
        [Sources, StoryList, .. Stories.Select(s => s.Section), .. Failures is null ? (BriefSection[])[] : [Failures]];
}

/// <summary>One story's brief: its sections, in the order they are shown (the re-reported statements only when there are some).</summary>
internal sealed record StoryBrief(
    string Id,
    IReadOnlyList<BriefInline> Title,
    BriefSection Summary,
    BriefSection Actors,
    BriefSection WhoSaidWhat,
    BriefSection Claims,
    BriefSection? RepeatedQuotes,
    BriefSection Figures,
    BriefSection Timeline,
    BriefSection Sources)
{
    /// <summary>The story as a section: its heading (id: the story's id) and its sections.</summary>
    public BriefSection Section => new(2, Id, Title, [],
        [Summary, Actors, WhoSaidWhat, Claims, .. RepeatedQuotes is null ? (BriefSection[])[] : [RepeatedQuotes], Figures, Timeline, Sources]);
}

/// <summary>A heading of <paramref name="Level"/> (1–6) with its anchor <paramref name="Id"/>, the blocks under it, then its sub-sections.</summary>
internal sealed record BriefSection(int Level, string? Id, IReadOnlyList<BriefInline> Title, IReadOnlyList<BriefBlock> Blocks, IReadOnlyList<BriefSection> Sections);

/// <summary>A block of the brief: a paragraph, a list or a table.</summary>
internal abstract record BriefBlock;

/// <summary>A paragraph.</summary>
internal sealed record BriefParagraph(IReadOnlyList<BriefInline> Content) : BriefBlock;

/// <summary>A bulleted list, one line per item (possibly none).</summary>
internal sealed record BriefList(IReadOnlyList<IReadOnlyList<BriefInline>> Items) : BriefBlock;

/// <summary>A table: its columns and rows of cells (one per column; an empty cell is an empty run).</summary>
internal sealed record BriefTable(IReadOnlyList<BriefColumn> Columns, IReadOnlyList<IReadOnlyList<IReadOnlyList<BriefInline>>> Rows) : BriefBlock;

/// <summary>A table column: its title and whether it holds numbers (aligned right where the format can say so).</summary>
internal sealed record BriefColumn(string Title, bool Numeric = false);
