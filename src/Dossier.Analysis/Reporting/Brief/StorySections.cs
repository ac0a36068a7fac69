using Dossier.Annotations;

namespace Dossier.Analysis.Reporting.Brief;

/// <summary>A story's summary, key actors and sources.</summary>
internal static class StorySections
{
    private const int MaxSummary = 5;

    private const int MaxActors = 30;

    /// <summary>The story in a few sentences: the lead of each of its documents, dated ones first, with its citation.</summary>
    public static BriefSection Summary(StoryScope scope)
    {
        var leads = scope.Documents
            .OrderBy(d => d.Metadata.Published is null || d.Metadata.PublishedInferred ? 1 : 0).ThenBy(d => d.Metadata.Published)
            .Select(d => (Doc: d, Lead: Lead(d))).Where(x => x.Lead is not null).Take(MaxSummary).ToList();
        return SectionDraft.InStory(scope, 3, "Summary")
            .List(leads.Select(x =>
            {
                var item = new Run();
                if (x.Doc.Metadata.Title is { } title)
                {
                    item.Strong(new Run().Literal(title)).Prose(" — ");
                }

                return item.Literal(x.Lead!.Value.Text).Prose(" ").Cite(x.Doc.Id, x.Lead.Value.Paragraph);
            }))
            .Build();
    }

    /// <summary>The entities the story names, named in the most sources first, with their type, role, counts, other names and first mention.</summary>
    public static BriefSection Actors(StoryScope scope)
    {
        var section = SectionDraft.InStory(scope, 3, "Key actors");
        if (!section.Built(scope.Analysis, Layers.Mentions, "named-entity recognition (no model was loaded)"))
        {
            return section.Build();
        }

        var byId = scope.Analysis.Documents.ToDictionary(d => d.Id);
        var present = scope.Entities;
        var ranked = present
            .OrderByDescending(x => x.Mentions.Select(m => m.Document).Distinct().Count())
            .ThenByDescending(x => x.Mentions.Count)
            .ThenBy(x => x.Entity.Name, StringComparer.Ordinal)
            .Take(MaxActors)
            .ToList();
        section.Paragraph(new Run().Prose("Named in the most sources first. One actor under all its names: spellings, acronyms, short forms, a.k.a. names from the knowledge base, and capitals that speak for their state."));
        section.Table(
            [new("Actor"), new("Type"), new("Role"), new("Sources", true), new("Mentions", true), new("Also written"), new("First mention")],
            ranked.Select(x =>
            {
                var (e, mentions) = x;
                var first = mentions[0];
                var paragraph = byId[first.Document].Paragraphs.FirstOrDefault(p => p.Span.Contains(first.Span));
                var aliases = e.Aliases.Count == 0 ? new Run().Prose("—") : new Run().Join(", ", e.Aliases.Take(3), (r, a) => r.Literal(a));
                var role = new Run();
                if (e.Roles.FirstOrDefault(r => scope.Has(r.Document)) is { } r)
                {
                    role.Literal(r.Role);
                    if (r.Affiliation is not null)
                    {
                        role.Prose(", ").Literal(r.Affiliation);
                    }

                    role.Prose(" ").Cite(r.Document, byId[r.Document].Paragraphs.FirstOrDefault(p => p.Span.Contains(r.Span)).Index);
                }
                else
                {
                    role.Prose("—");
                }

                var sources = mentions.Select(m => m.Document).Distinct().Count();
                return (Run[])[BriefBuilder.Cell(e.Name), new Run().Prose($"{e.Type}"), role, new Run().Prose($"{sources}"), new Run().Prose($"{mentions.Count}"), aliases,
                    new Run().Cite(first.Document, paragraph.Index)];
            }));
        var rest = present.Count - ranked.Count;
        if (rest > 0)
        {
            section.Paragraph(new Run().Prose($"… and {rest} more in the JSON output (").Code("--format json").Prose(")."));
        }

        return section.Build();
    }

    /// <summary>The story's documents: outlet, date and, for a near-copy, the text it copies.</summary>
    public static BriefSection Sources(StoryScope scope) =>
        SectionDraft.InStory(scope, 3, "Sources")
            .List(scope.Documents.Select(d =>
            {
                var m = d.Metadata;
                var date = BriefBuilder.Published(m, "undated");
                var item = new Run().Document(d.Id).Prose(" ");
                item = m.Title is { } title ? item.Literal(title) : item.Prose("(no headline)");
                item.Prose(" — ");
                item = m.Outlet is { } outlet ? item.Literal(outlet) : item.Prose("outlet not named");
                item.Prose($", {date}");
                return scope.Analysis.SourceOf.TryGetValue(d.Id, out var first) && first != d.Id ? item.Prose(", a near-copy of ").Document(first) : item;
            }))
            .Build();

    /// <summary>The first sentence of the body (after the title), the article's lead.</summary>
    private static Sentence? Lead(Document d)
    {
        foreach (var s in d.Sentences)
        {
            if (d.TitleSpan is { } t && t.Contains(s.Span))
            {
                continue;
            }

            return s;
        }

        return null;
    }
}
