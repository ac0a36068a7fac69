using Dossier.Annotations;

namespace Dossier.Analysis.Reporting;

/// <summary>
/// Writes the brief as Markdown: the sources with their metadata and counts, the lead of each
/// with a citation, and the sections of the analysis; a section whose components are not built
/// yet says so instead of showing anything invented.
/// </summary>
public static class MarkdownBriefWriter
{
    private static readonly (string Title, string Needs, LayerKey Layer)[] PendingSections =
    [
        ("Key actors", "named-entity recognition and entity resolution", Layers.Mentions),
        ("Who said what", "quote and claim extraction", Layers.Quotes),
        ("Disputed and corroborated claims", "claims and their alignment across outlets", Layers.Claims),
        ("Figures", "figure extraction", Layers.Figures),
        ("Timeline", "time normalisation and event coding", Layers.Events),
    ];

    /// <summary>Writes the brief.</summary>
    public static void Write(TextWriter output, CorpusAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(analysis);
        var docs = analysis.Documents;
        output.WriteLine("# Dossier brief");
        output.WriteLine();
        output.WriteLine($"{Plural(docs.Count, "document")} read, {analysis.Failures.Count} failed. Built: {string.Join(", ", analysis.Layers.Select(l => l.Name))}.");
        output.WriteLine();

        output.WriteLine("## Sources");
        output.WriteLine();
        output.WriteLine("| Doc | Title | Outlet | Published | Paragraphs | Sentences | Tokens |");
        output.WriteLine("|---|---|---|---|--:|--:|--:|");
        foreach (var d in docs)
        {
            var m = d.Metadata;
            var published = m.Published is { } p ? p.ToString("yyyy-MM-dd") + (m.PublishedInferred ? " (inferred)" : string.Empty) : "—";
            output.WriteLine($"| {d.Id} | {Cell(m.Title)} | {Cell(m.Outlet)} | {published} | {d.Paragraphs.Count} | {d.Sentences.Count} | {d.Tokens.Count} |");
        }

        output.WriteLine();
        foreach (var d in docs)
        {
            output.WriteLine($"- `{d.Id}` {d.Metadata.Source}");
        }

        output.WriteLine();
        output.WriteLine("## Leads");
        output.WriteLine();
        foreach (var d in docs)
        {
            if (Lead(d) is { } lead)
            {
                var heading = d.Metadata.Title is { } title ? $"**{Inline(title)}** — " : string.Empty;
                output.WriteLine($"- {heading}{Inline(lead.Text)} [{d.Id} ¶{lead.Paragraph + 1}]");
            }
        }

        foreach (var (title, needs, layer) in PendingSections)
        {
            output.WriteLine();
            output.WriteLine($"## {title}");
            output.WriteLine();
            output.WriteLine(analysis.Layers.Contains(layer)
                ? "_Built, but not shown in the brief yet._"
                : $"_Not built yet: needs {needs}._");
        }

        if (analysis.Failures.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("## Inputs that could not be read");
            output.WriteLine();
            foreach (var f in analysis.Failures)
            {
                output.WriteLine($"- {f.Source}: {f.Message} ({f.Code})");
            }
        }
    }

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

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Cell(string? s) => string.IsNullOrEmpty(s) ? "—" : Inline(s).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Inline(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
