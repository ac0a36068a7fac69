using System.Text;
using System.Text.RegularExpressions;

namespace Dossier.Analysis.Reporting;

/// <summary>
/// Writes the brief as one self-contained HTML page (styles inline, no script, nothing fetched):
/// the Markdown brief's sections rendered as HTML, every citation <c>[doc ¶n]</c> a link to that
/// paragraph, and the documents' texts at the end, each paragraph with its own anchor, so a
/// reader can check every line against its source. The Markdown brief is the one source of the
/// content; this writer only renders the subset of Markdown it produces (headings, tables, lists,
/// bold, italics, code); a story's sections get ids that name the story ('s1-timeline').
/// </summary>
public static partial class HtmlBriefWriter
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

    private static void Render(TextWriter output, string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var list = false;
        var table = false;
        var header = false;
        var story = string.Empty;
        foreach (var line in lines)
        {
            if (list && !line.StartsWith("- ", StringComparison.Ordinal))
            {
                output.WriteLine("</ul>");
                list = false;
            }

            if (table && !line.StartsWith('|'))
            {
                output.WriteLine("</table>");
                table = false;
            }

            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                // A story's section: its id names the story ('s1-timeline').
                var title = line[4..];
                output.WriteLine($"<h3 id=\"{story}-{Slug(title)}\">{Inline(title)}</h3>");
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                var title = line[3..];
                var storyHeading = StoryHeading().Match(title);
                story = storyHeading.Success ? storyHeading.Groups[1].Value : string.Empty;
                output.WriteLine($"<h2 id=\"{(storyHeading.Success ? story : Slug(title))}\">{Inline(title)}</h2>");
            }
            else if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                output.WriteLine($"<h1>{Inline(line[2..])}</h1>");
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                if (!list)
                {
                    output.WriteLine("<ul>");
                    list = true;
                }

                output.WriteLine($"<li>{Inline(line[2..])}</li>");
            }
            else if (line.StartsWith('|'))
            {
                var cells = Cells(line);
                if (cells.All(c => c.Trim().Trim(':').All(ch => ch == '-') && c.Contains('-', StringComparison.Ordinal)))
                {
                    continue; // the separator row
                }

                if (!table)
                {
                    output.WriteLine("<table>");
                    table = true;
                    header = true;
                }

                var tag = header ? "th" : "td";
                output.WriteLine("<tr>" + string.Concat(cells.Select(c => $"<{tag}>{Inline(c.Trim())}</{tag}>")) + "</tr>");
                header = false;
            }
            else if (line.Trim().Length > 0)
            {
                output.WriteLine($"<p>{Inline(line)}</p>");
            }
        }

        if (list)
        {
            output.WriteLine("</ul>");
        }

        if (table)
        {
            output.WriteLine("</table>");
        }
    }

    /// <summary>The cells of a Markdown table row; a backslash escape (an escaped bar <c>\|</c> among them) stays in its cell as it is.</summary>
    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var current = new StringBuilder();
        for (var k = 1; k < line.Length; k++)
        {
            if (line[k] == '\\' && k + 1 < line.Length)
            {
                current.Append(line[k]).Append(line[k + 1]);
                k++;
            }
            else if (line[k] == '|')
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(line[k]);
            }
        }

        return cells;
    }

    /// <summary>
    /// Inline Markdown to HTML: text encoded, then **bold**, _italics_, `code` and citations [doc ¶n]
    /// as links; backslash-escaped characters (all article text's punctuation) are kept from the
    /// patterns and come out as the literal characters.
    /// </summary>
    private static string Inline(string text)
    {
        var s = Encode(MarkdownEscapes.Protect(text));
        s = Citation().Replace(s, m => $"<a class=\"cite\" href=\"#doc-{m.Groups[1].Value}-p{m.Groups[2].Value}\">[{m.Groups[1].Value} ¶{m.Groups[2].Value}]</a>");
        s = Bold().Replace(s, "<strong>$1</strong>");
        s = Italic().Replace(s, "<em>$1</em>");
        s = DocCode().Replace(s, m => $"<a href=\"#doc-{m.Groups[1].Value}\"><code>{m.Groups[1].Value}</code></a>");
        return MarkdownEscapes.Restore(Code().Replace(s, "<code>$1</code>"), Encode);
    }

    /// <summary>Escapes the characters HTML gives a meaning (the page is UTF-8, so '¶' and curly quotes stay as they are).</summary>
    private static string Encode(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    private static string Slug(string title) => string.Join('-', Regex.Split(title.ToLowerInvariant(), "[^a-z0-9]+", RegexOptions.None, TimeSpan.FromSeconds(1)).Where(w => w.Length > 0));

    [GeneratedRegex(@"^Story (s\d+):", RegexOptions.CultureInvariant)]
    private static partial Regex StoryHeading();

    [GeneratedRegex(@"\[([0-9a-f]{12}) ¶(\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex Citation();

    [GeneratedRegex(@"\*\*(.+?)\*\*", RegexOptions.CultureInvariant)]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![\w])_(.+?)_(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex Italic();

    [GeneratedRegex(@"`([0-9a-f]{12})`", RegexOptions.CultureInvariant)]
    private static partial Regex DocCode();

    [GeneratedRegex(@"`([^`]+)`", RegexOptions.CultureInvariant)]
    private static partial Regex Code();
}
