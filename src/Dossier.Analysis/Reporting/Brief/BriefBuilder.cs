using System.Globalization;

namespace Dossier.Analysis.Reporting.Brief;

/// <summary>
/// Makes the brief from the analysis: what is shown, in which order, with which limits and in
/// which words. The sources with their metadata and counts, the stories, and per story its
/// summary, actors, statements, claim groups, re-reported quotes, figures, timeline and sources;
/// a section whose components were not built says so instead of showing anything invented.
/// The renderers only write what this decides.
/// </summary>
internal static class BriefBuilder
{
    /// <summary>Builds the brief of <paramref name="analysis"/>.</summary>
    public static BriefDocument Build(CorpusAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var docs = analysis.Documents;
        var overview = new Run().Prose($"{BriefWording.Plural(docs.Count, "document")} read, {analysis.Failures.Count} failed. Built: {string.Join(", ", analysis.Layers.Select(l => l.Name))}.");
        var index = new AnalysisByDocument(analysis);
        var stories = analysis.Stories.Select(s => Story(new StoryScope(analysis, index, s.Id, s.Documents), s)).ToList();
        return new BriefDocument(new Run().Prose("Dossier brief"), new BriefParagraph(overview), Sources(analysis), StoryList(analysis), stories, Failures(analysis));
    }

    /// <summary>The documents read: a table of their metadata and counts, their sources, and how many independent sources they are.</summary>
    private static BriefSection Sources(CorpusAnalysis analysis)
    {
        var docs = analysis.Documents;
        var section = new SectionDraft(2, "sources", new Run().Prose("Sources"));
        section.Table(
            [new("Doc"), new("Title"), new("Outlet"), new("Published"), new("Paragraphs", true), new("Sentences", true), new("Tokens", true)],
            docs.Select(d =>
            {
                var m = d.Metadata;
                var published = Published(m, "—") + (m.Published is not null && m.PublishedInferred ? " (inferred)" : string.Empty);
                return (Run[])[new Run().Prose(d.Id), Cell(m.Title), Cell(m.Outlet), new Run().Prose(published),
                    Number(d.Paragraphs.Count), Number(d.Sentences.Count), Number(d.Tokens.Count)];
            }));
        section.List(docs.Select(d =>
        {
            var item = new Run().Document(d.Id).Prose(" ");
            item = d.Metadata.Source is { } source ? item.Literal(source) : item.Prose("(no source)");
            return analysis.SourceOf.TryGetValue(d.Id, out var first) && first != d.Id ? item.Prose(" — a near-copy of ").Document(first) : item;
        }));
        section.Paragraph(new Run().Prose($"{BriefWording.Plural(analysis.IndependentSources, "independent source")} among {BriefWording.Plural(docs.Count, "document")} (near-copies of one text count once)."));
        return section.Build();
    }

    private static BriefSection StoryList(CorpusAnalysis analysis) =>
        new SectionDraft(2, "stories", new Run().Prose("Stories"))
            .List(analysis.Stories.Select(story => new Run()
                .Prose($"{story.Id}: ").Strong(new Run().Literal(story.Title))
                .Prose($" — {BriefWording.Plural(story.Documents.Count, "document")}: ")
                .Join(", ", story.Documents, (r, d) => r.Document(d))))
            .Build();

    /// <summary>One story's brief: its summary, actors, statements, disputes, figures, timeline and sources.</summary>
    private static StoryBrief Story(StoryScope scope, Story story) => new(
        story.Id,
        new Run().Prose($"Story {story.Id}: ").Literal(story.Title),
        StorySections.Summary(scope),
        StorySections.Actors(scope),
        StatementSections.WhoSaidWhat(scope),
        StatementSections.ClaimGroups(scope),
        StatementSections.RepeatedQuotes(scope),
        FactSections.Figures(scope),
        FactSections.Timeline(scope),
        StorySections.Sources(scope));

    private static BriefSection? Failures(CorpusAnalysis analysis) =>
        analysis.Failures.Count == 0 ? null
            : new SectionDraft(2, "inputs-that-could-not-be-read", new Run().Prose("Inputs that could not be read"))
                .List(analysis.Failures.Select(f => new Run().Literal(f.Source).Prose(": ").Literal(f.Message).Prose($" ({f.Code})")))
                .Build();

    /// <summary>Metadata text for a table cell, or a dash when there is none.</summary>
    internal static Run Cell(string? s) => string.IsNullOrEmpty(s) ? new Run().Prose("—") : new Run().Literal(s);

    private static Run Number(int n) => new Run().Prose(n.ToString(CultureInfo.InvariantCulture));

    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A document's publication date for a reader: the date, 'not before' the date when only a lower bound is known, else <paramref name="unknown"/>.</summary>
    internal static string Published(DocumentMetadata m, string unknown) =>
        m.Published is { } p ? (m.PublishedInferred ? $"not before {Date(p)}" : Date(p)) : unknown;
}
