using System.Text;
using System.Text.RegularExpressions;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Dossier.Analysis.Reporting;

/// <summary>
/// What the HTML brief adds to the Markdown brief's syntax tree before rendering: ids for the
/// headings, links for citations and document ids, no inline styles (the page's policy allows
/// only its own style sheet). Works on the tree Markdig parsed, never on the Markdown text, so a
/// character the Markdown escaped (all article text's punctuation) stays text.
/// </summary>
internal static partial class BriefMarkdownTree
{
    /// <summary>Sets heading ids, turns citations and document ids into links, drops column alignments.</summary>
    public static void Prepare(MarkdownDocument document)
    {
        var story = string.Empty;
        foreach (var heading in document.OfType<HeadingBlock>())
        {
            var title = PlainText(heading.Inline);
            if (heading.Level == 2)
            {
                var storyHeading = StoryHeading().Match(title);
                story = storyHeading.Success ? storyHeading.Groups[1].Value : string.Empty;
                heading.GetAttributes().Id = storyHeading.Success ? story : Slug(title);
            }
            else if (heading.Level == 3)
            {
                heading.GetAttributes().Id = $"{story}-{Slug(title)}";
            }
        }

        foreach (var table in document.Descendants<Table>())
        {
            foreach (var column in table.ColumnDefinitions)
            {
                column.Alignment = null;
            }
        }

        var containers = document.Descendants<LeafBlock>().Select(b => b.Inline).OfType<ContainerInline>()
            .Concat(document.Descendants<ContainerInline>()).ToList();
        foreach (var container in containers)
        {
            LinkCitations(container);
        }

        foreach (var code in document.Descendants<CodeInline>().Where(c => DocumentId().IsMatch(c.Content)).ToList())
        {
            code.ReplaceBy(new DocumentLinkInline(code.Content));
        }
    }

    /// <summary>Adds the renderers of the brief's own inlines.</summary>
    public static void AddRenderers(HtmlRenderer renderer)
    {
        renderer.ObjectRenderers.Insert(0, new CitationRenderer());
        renderer.ObjectRenderers.Insert(0, new DocumentLinkRenderer());
    }

    /// <summary>
    /// Each run of adjacent literals in <paramref name="container"/> read as one text, in which an
    /// escaped character stands as a private-use character no pattern matches; each citation found
    /// replaces the literals it spans.
    /// </summary>
    private static void LinkCitations(ContainerInline container)
    {
        var run = new List<LiteralInline>();
        foreach (var inline in container.ToList())
        {
            if (inline is LiteralInline literal)
            {
                run.Add(literal);
                continue;
            }

            Link(run);
            run.Clear();
        }

        Link(run);
    }

    private static void Link(List<LiteralInline> run)
    {
        if (run.Count == 0)
        {
            return;
        }

        var text = new StringBuilder();
        var guarded = new StringBuilder();
        foreach (var literal in run)
        {
            var content = literal.Content.ToString();
            text.Append(content);
            guarded.Append(literal.IsFirstCharacterEscaped && content.Length > 0 ? '\uE000' + content[1..] : content);
        }

        var matches = Citation().Matches(guarded.ToString());
        if (matches.Count == 0)
        {
            return;
        }

        var all = text.ToString();
        var replacement = new List<Inline>();
        var at = 0;
        foreach (Match m in matches)
        {
            if (m.Index > at)
            {
                replacement.Add(new LiteralInline(all[at..m.Index]));
            }

            replacement.Add(new CitationInline(m.Groups[1].Value, m.Groups[2].Value));
            at = m.Index + m.Length;
        }

        if (at < all.Length)
        {
            replacement.Add(new LiteralInline(all[at..]));
        }

        var anchor = run[0];
        foreach (var inline in replacement)
        {
            anchor.InsertBefore(inline);
        }

        foreach (var literal in run)
        {
            literal.Remove();
        }
    }

    private static string PlainText(ContainerInline? inline) =>
        inline is null ? string.Empty : string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    private static string Slug(string title) =>
        string.Join('-', NotSlug().Split(title.ToLowerInvariant()).Where(w => w.Length > 0));

    [GeneratedRegex(@"^Story (s\d+):", RegexOptions.CultureInvariant)]
    private static partial Regex StoryHeading();

    [GeneratedRegex(@"\[([0-9a-f]{12}) ¶(\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex Citation();

    [GeneratedRegex(@"^[0-9a-f]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentId();

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotSlug();

    /// <summary>A citation of a document's paragraph: <c>[doc ¶n]</c>.</summary>
    private sealed class CitationInline(string document, string paragraph) : LeafInline
    {
        public string Document { get; } = document;

        public string Paragraph { get; } = paragraph;
    }

    /// <summary>A document id shown as code, linked to the document's text.</summary>
    private sealed class DocumentLinkInline(string document) : LeafInline
    {
        public string Document { get; } = document;
    }

    private sealed class CitationRenderer : HtmlObjectRenderer<CitationInline>
    {
        protected override void Write(HtmlRenderer renderer, CitationInline obj) =>
            renderer.Write($"<a class=\"cite\" href=\"#doc-{obj.Document}-p{obj.Paragraph}\">[{obj.Document} ¶{obj.Paragraph}]</a>");
    }

    private sealed class DocumentLinkRenderer : HtmlObjectRenderer<DocumentLinkInline>
    {
        protected override void Write(HtmlRenderer renderer, DocumentLinkInline obj) =>
            renderer.Write($"<a href=\"#doc-{obj.Document}\"><code>{obj.Document}</code></a>");
    }
}
