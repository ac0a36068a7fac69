using Dossier.Annotations;

namespace Dossier.Analysis.Reporting.Brief;

/// <summary>A section being built: its heading, then its blocks in order; <see cref="Build"/> makes the immutable <see cref="BriefSection"/>.</summary>
internal sealed class SectionDraft(int level, string? id, Run title)
{
    private readonly List<BriefBlock> _blocks = [];

    /// <summary>A section of a story: level 3, its anchor the story's id and the title's words ('s1-who-said-what').</summary>
    public static SectionDraft InStory(StoryScope scope, int level, string title) =>
        new(level, $"{scope.Story}-{BriefWording.Slug(title)}", new Run().Prose(title));

    /// <summary>
    /// True when <paramref name="layer"/> was built; otherwise adds a paragraph saying what the
    /// section needs (<paramref name="needs"/>) and returns false.
    /// </summary>
    public bool Built(CorpusAnalysis analysis, LayerKey layer, string needs)
    {
        if (analysis.Layers.Contains(layer))
        {
            return true;
        }

        Paragraph(new Run().Emphasis(new Run().Prose($"Not built yet: needs {needs}.")));
        return false;
    }

    public SectionDraft Paragraph(Run content)
    {
        _blocks.Add(new BriefParagraph(content));
        return this;
    }

    /// <summary>A paragraph in italics: Dossier's own words.</summary>
    public SectionDraft Note(string words) => Paragraph(new Run().Emphasis(new Run().Prose(words)));

    public SectionDraft List(IEnumerable<Run> items)
    {
        _blocks.Add(new BriefList([.. items]));
        return this;
    }

    public SectionDraft Table(IReadOnlyList<BriefColumn> columns, IEnumerable<Run[]> rows)
    {
        _blocks.Add(new BriefTable(columns, [.. rows]));
        return this;
    }

    public BriefSection Build(IReadOnlyList<BriefSection>? sections = null) => new(level, id, title, [.. _blocks], sections ?? []);
}
