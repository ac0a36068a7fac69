using System.Text;
using Dossier.Analysis.Reporting.Brief;

namespace Dossier.Analysis.Reporting;

/// <summary>
/// Writes the brief as one self-contained HTML page (styles inline, no script, nothing fetched):
/// the brief model that <see cref="BriefBuilder"/> makes from the analysis, rendered straight to
/// HTML (every piece of text HTML-encoded, every citation <c>[doc ¶n]</c> a link to that
/// paragraph, every document id a link to its document), then the documents' texts, each
/// paragraph with its own anchor, so a reader can check every line against its source.
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

    /// <summary>Writes the page of <paramref name="analysis"/>.</summary>
    public static void Write(TextWriter output, CorpusAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(analysis);
        Write(output, BriefBuilder.Build(analysis), analysis.Documents);
    }

    /// <summary>Writes the page: <paramref name="brief"/>, then the texts of <paramref name="documents"/>, which its citations link to.</summary>
    internal static void Write(TextWriter output, BriefDocument brief, IEnumerable<Document> documents)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(documents);
        output.WriteLine("<!DOCTYPE html>");
        output.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        output.WriteLine($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">");
        output.WriteLine("<title>Dossier brief</title>");
        output.WriteLine($"<style>{Style}</style></head><body>");
        output.WriteLine($"<h1>{Inlines(brief.Title)}</h1>");
        WriteBlock(output, brief.Overview);
        foreach (var section in brief.Sections)
        {
            WriteSection(output, section);
        }

        output.WriteLine("<h2 id=\"documents\">Documents</h2>");
        foreach (var d in documents)
        {
            output.WriteLine($"<section class=\"doc\" id=\"doc-{Encode(d.Id)}\"><h3>{Encode(d.Metadata.Title ?? d.Metadata.Source ?? d.Id)} <code>{Encode(d.Id)}</code></h3>");
            foreach (var p in d.Paragraphs)
            {
                output.WriteLine($"<p class=\"para\" id=\"{ParagraphAnchor(d.Id, p.Index + 1)}\"><span class=\"n\">¶{p.Index + 1}</span> {Encode(p.Text)}</p>");
            }

            output.WriteLine("</section>");
        }

        output.WriteLine("</body></html>");
    }

    private static void WriteSection(TextWriter output, BriefSection section)
    {
        var id = section.Id is { } anchor ? $" id=\"{Encode(anchor)}\"" : string.Empty;
        output.WriteLine($"<h{section.Level}{id}>{Inlines(section.Title)}</h{section.Level}>");
        foreach (var block in section.Blocks)
        {
            WriteBlock(output, block);
        }

        foreach (var sub in section.Sections)
        {
            WriteSection(output, sub);
        }
    }

    private static void WriteBlock(TextWriter output, BriefBlock block)
    {
        switch (block)
        {
            case BriefParagraph p:
                output.WriteLine($"<p>{Inlines(p.Content)}</p>");
                break;
            case BriefList { Items.Count: 0 }:
                break;
            case BriefList list:
                output.WriteLine("<ul>");
                foreach (var item in list.Items)
                {
                    output.WriteLine($"<li>{Inlines(item)}</li>");
                }

                output.WriteLine("</ul>");
                break;
            case BriefTable table:
                WriteTable(output, table);
                break;
            default:
                throw new ArgumentException($"A block the HTML brief cannot write: {block.GetType().Name}.", nameof(block));
        }
    }

    private static void WriteTable(TextWriter output, BriefTable table)
    {
        output.WriteLine("<table>");
        output.WriteLine("<thead>");
        output.WriteLine("<tr>");
        foreach (var column in table.Columns)
        {
            output.WriteLine($"<th>{Encode(column.Title)}</th>");
        }

        output.WriteLine("</tr>");
        output.WriteLine("</thead>");
        if (table.Rows.Count > 0)
        {
            output.WriteLine("<tbody>");
            foreach (var row in table.Rows)
            {
                output.WriteLine("<tr>");
                foreach (var cell in row)
                {
                    output.WriteLine($"<td>{Inlines(cell)}</td>");
                }

                output.WriteLine("</tr>");
            }

            output.WriteLine("</tbody>");
        }

        output.WriteLine("</table>");
    }

    /// <summary>Inline content as HTML: text encoded, emphasis and code as elements, citations and document ids as links.</summary>
    internal static string Inlines(IEnumerable<BriefInline> inlines)
    {
        var sb = new StringBuilder();
        foreach (var inline in inlines)
        {
            Append(sb, inline);
        }

        return sb.ToString();
    }

    private static void Append(StringBuilder sb, BriefInline inline)
    {
        switch (inline)
        {
            case Prose p:
                sb.Append(Encode(p.Text));
                break;
            case Literal l:
                sb.Append(Encode(l.Shown));
                break;
            case Emphasis e:
                sb.Append("<em>").Append(Inlines(e.Content)).Append("</em>");
                break;
            case Strong s:
                sb.Append("<strong>").Append(Inlines(s.Content)).Append("</strong>");
                break;
            case Code c:
                sb.Append("<code>").Append(Encode(c.Text)).Append("</code>");
                break;
            case DocumentRef d:
                sb.Append($"<a href=\"#doc-{Encode(d.Document)}\"><code>{Encode(d.Document)}</code></a>");
                break;
            case Citation c:
                sb.Append($"<a class=\"cite\" href=\"#{ParagraphAnchor(c.Document, c.Paragraph)}\">[{Encode(c.Document)} ¶{c.Paragraph}]</a>");
                break;
            default:
                throw new ArgumentException($"An inline the HTML brief cannot write: {inline.GetType().Name}.", nameof(inline));
        }
    }

    /// <summary>The anchor of a document's paragraph (counted from 1): 'doc-2bf1e0527506-p3'.</summary>
    private static string ParagraphAnchor(string document, int paragraph) => $"doc-{Encode(document)}-p{paragraph}";

    /// <summary>Escapes the characters HTML gives a meaning (the page is UTF-8, so '¶' and curly quotes stay as they are).</summary>
    internal static string Encode(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
