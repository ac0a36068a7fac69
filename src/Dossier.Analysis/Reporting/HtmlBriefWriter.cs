using System.Text;
using Markdig;
using Markdig.Renderers;

namespace Dossier.Analysis.Reporting;

/// <summary>
/// Writes the brief as one self-contained HTML page (styles inline, no script, nothing fetched):
/// the Markdown brief's sections rendered as HTML through Markdig's syntax tree, every citation
/// <c>[doc ¶n]</c> a link to that paragraph, and the documents' texts at the end, each paragraph
/// with its own anchor, so a reader can check every line against its source. The Markdown brief
/// is the one source of the content; a story's sections get ids that name the story ('s1-timeline').
/// </summary>
public static class HtmlBriefWriter
{
    private const string Style = """
        body{font:15px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
        h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2.2rem;border-bottom:2px solid #bbb}h3{font-size:1.1rem;margin-top:1.5rem;border-bottom:1px solid #ddd}
        table{border-collapse:collapse;margin:.5rem 0;width:100%}td,th{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}
        a.cite{font-size:.85em;white-space:nowrap;color:#0645ad}p.para{margin:.4rem 0}p.para:target{background:#fff3b0}
        section.doc{border-top:1px solid #ccc;margin-top:1.5rem}code{background:#f3f3f3;padding:0 .2rem}
        """;

    /// <summary>
    /// What the page may load or run: nothing but its own inline style (named by its hash) and
    /// data: images; no script, no base URL, no form target. Article text is escaped everywhere,
    /// and this is the second line of defence should anything slip through.
    /// </summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; img-src data:; base-uri 'none'; form-action 'none'";

    /// <summary>Writes the page.</summary>
    public static void Write(TextWriter output, CorpusAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(analysis);
        var markdown = new StringWriter();
        MarkdownBriefWriter.Write(markdown, analysis);
        output.WriteLine("<!DOCTYPE html>");
        output.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        output.WriteLine($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">");
        output.WriteLine("<title>Dossier brief</title>");
        output.WriteLine($"<style>{Style}</style></head><body>");
        Render(output, markdown.ToString());
        output.WriteLine("<h2 id=\"documents\">Documents</h2>");
        foreach (var d in analysis.Documents)
        {
            output.WriteLine($"<section class=\"doc\" id=\"doc-{d.Id}\"><h3>{Encode(d.Metadata.Title ?? d.Metadata.Source ?? d.Id)} <code>{d.Id}</code></h3>");
            foreach (var p in d.Paragraphs)
            {
                output.WriteLine($"<p class=\"para\" id=\"doc-{d.Id}-p{p.Index + 1}\"><span class=\"n\">¶{p.Index + 1}</span> {Encode(p.Text)}</p>");
            }

            output.WriteLine("</section>");
        }

        output.WriteLine("</body></html>");
    }

    /// <summary>
    /// The Markdown brief parsed by Markdig (CommonMark with pipe tables, raw HTML off) and rendered
    /// from its syntax tree: headings get ids ('s1-timeline'), citations in plain text become links
    /// to their paragraph, a document id in code a link to the document; text Markdown escaped
    /// (all article text) is never read as a citation.
    /// </summary>
    private static void Render(TextWriter output, string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        BriefMarkdownTree.Prepare(document);
        var renderer = new HtmlRenderer(output);
        Pipeline.Setup(renderer);
        BriefMarkdownTree.AddRenderers(renderer);
        renderer.Render(document);
        output.WriteLine();
    }

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    /// <summary>Escapes the characters HTML gives a meaning (the page is UTF-8, so '¶' and curly quotes stay as they are).</summary>
    private static string Encode(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);







}
