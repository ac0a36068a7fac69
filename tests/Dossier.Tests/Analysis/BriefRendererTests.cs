using System.Net;
using Dossier.Analysis.Reporting;
using Dossier.Analysis.Reporting.Brief;

namespace Dossier.Tests.Analysis;

/// <summary>The Markdown and HTML renderers on a small hand-built brief: what each writes for every kind of block and inline, and that literal text stays literal.</summary>
public class BriefRendererTests
{
    private const string Doc = "0123456789ab";

    /// <summary>Text from an article that looks like Markdown, HTML, a citation, a table bar and a list marker, on two lines, with a terminal escape.</summary>
    private const string Hostile = "- _x_ **y** [0123456789ab ¶2] `z` a|b <script>alert(1)</script> & &amp; $1\n2. \u001b[31m";

    private static BriefDocument Sample(string literal)
    {
        var story = new StoryBrief(
            "s1",
            new Run().Prose("Story s1: ").Literal(literal),
            new SectionDraft(3, "s1-summary", new Run().Prose("Summary"))
                .List([new Run().Strong(new Run().Literal(literal)).Prose(" — ").Literal("The lead.").Prose(" ").Cite(Doc, 1)])
                .Build(),
            new SectionDraft(3, "s1-key-actors", new Run().Prose("Key actors"))
                .Table([new("Actor"), new("Mentions", true)], [[new Run().Literal(literal), new Run().Prose("3")], [new Run(), new Run().Prose("1")]])
                .Build(),
            new SectionDraft(3, "s1-who-said-what", new Run().Prose("Who said what"))
                .Paragraph(new Run().Emphasis(new Run().Prose("assert")).Prose(": ").Quote(literal, 220).Prose(" ").Cite(Doc, 0))
                .Build(),
            new SectionDraft(3, "s1-claims", new Run().Prose("Claims")).Note("None.").Build(),
            null,
            new SectionDraft(3, "s1-figures", new Run().Prose("Figures")).List([]).Build(),
            new SectionDraft(3, "s1-timeline", new Run().Prose("Timeline"))
                .Paragraph(new Run().Prose("More in ").Code("--format json").Prose("."))
                .Build(),
            new SectionDraft(3, "s1-sources", new Run().Prose("Sources"))
                .List([new Run().Document(Doc).Prose(" ").Literal(literal)])
                .Build());
        return new BriefDocument(
            new Run().Prose("Dossier brief"),
            new BriefParagraph(new Run().Prose("1 document read.")),
            new SectionDraft(2, "sources", new Run().Prose("Sources")).List([new Run().Document(Doc)]).Build(),
            new SectionDraft(2, "stories", new Run().Prose("Stories")).List([new Run().Prose("s1: ").Literal(literal)]).Build(),
            [story],
            null);
    }

    private static string Markdown(BriefDocument brief)
    {
        using var w = new StringWriter();
        MarkdownBriefWriter.Write(w, brief);
        return w.ToString().ReplaceLineEndings("\n");
    }

    private static string Html(BriefDocument brief)
    {
        using var w = new StringWriter();
        HtmlBriefWriter.Write(w, brief, []);
        return w.ToString().ReplaceLineEndings("\n");
    }

    [Fact]
    public void Markdown_WritesEveryBlockAndInline_BlankLinesBetween()
    {
        var expected = """
            # Dossier brief

            1 document read.

            ## Sources

            - `0123456789ab`

            ## Stories

            - s1: Pakistan

            ## Story s1: Pakistan

            ### Summary

            - **Pakistan** — The lead. [0123456789ab ¶2]

            ### Key actors

            | Actor | Mentions |
            |---|--:|
            | Pakistan | 3 |
            |  | 1 |

            ### Who said what

            _assert_: “Pakistan” [0123456789ab ¶1]

            ### Claims

            _None._

            ### Figures


            ### Timeline

            More in `--format json`.

            ### Sources

            - `0123456789ab` Pakistan

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), Markdown(Sample("Pakistan")));
    }

    [Fact]
    public void Html_WritesEveryBlockAndInline_HeadingsWithIds_CitationsAndDocumentsAsLinks()
    {
        var html = Html(Sample("Pakistan"));

        Assert.Contains("<h1>Dossier brief</h1>\n<p>1 document read.</p>\n<h2 id=\"sources\">Sources</h2>\n<ul>\n<li><a href=\"#doc-0123456789ab\"><code>0123456789ab</code></a></li>\n</ul>\n", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"s1\">Story s1: Pakistan</h2>\n<h3 id=\"s1-summary\">Summary</h3>\n", html, StringComparison.Ordinal);
        Assert.Contains("<li><strong>Pakistan</strong> — The lead. <a class=\"cite\" href=\"#doc-0123456789ab-p2\">[0123456789ab ¶2]</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<table>\n<thead>\n<tr>\n<th>Actor</th>\n<th>Mentions</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Pakistan</td>\n<td>3</td>\n</tr>\n<tr>\n<td></td>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n", html, StringComparison.Ordinal);
        Assert.Contains("<p><em>assert</em>: “Pakistan” <a class=\"cite\" href=\"#doc-0123456789ab-p1\">[0123456789ab ¶1]</a></p>", html, StringComparison.Ordinal);
        Assert.Contains("<p><em>None.</em></p>", html, StringComparison.Ordinal);

        // An empty list writes nothing; code is code.
        Assert.Contains("<h3 id=\"s1-figures\">Figures</h3>\n<h3 id=\"s1-timeline\">Timeline</h3>\n<p>More in <code>--format json</code>.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"documents\">Documents</h2>\n</body></html>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_EscapesEveryLiteral_OnOneLine_AndMakesNoCitationOfIt()
    {
        var md = Markdown(Sample(Hostile));
        const string escaped = @"\- \_x\_ \*\*y\*\* \[0123456789ab ¶2\] \`z\` a\|b \<script\>alert(1)\</script\> \& \&amp; \$1 2. \\u001b\[31m";

        Assert.Contains($"## Story s1: {escaped}\n", md, StringComparison.Ordinal);
        Assert.Contains($"- **{escaped}** — The lead. [0123456789ab ¶2]\n", md, StringComparison.Ordinal);
        Assert.Contains($"| {escaped} | 3 |\n", md, StringComparison.Ordinal);
        Assert.Contains($"_assert_: “{escaped}” [0123456789ab ¶1]\n", md, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", md, StringComparison.Ordinal);

        // The only citations left unescaped are the two the model holds.
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(md, @"(?<!\\)\[0123456789ab ¶\d\]"));
    }

    [Fact]
    public void Html_EncodesEveryLiteral_AndMakesNoElementOrLinkOfIt()
    {
        var html = Html(Sample(Hostile));
        const string shown = @"- _x_ **y** [0123456789ab ¶2] `z` a|b &lt;script&gt;alert(1)&lt;/script&gt; &amp; &amp;amp; $1 2. \u001b[31m";

        Assert.Contains($"<h2 id=\"s1\">Story s1: {shown}</h2>", html, StringComparison.Ordinal);
        Assert.Contains($"<li><strong>{shown}</strong> — The lead.", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{shown}</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<p><em>assert</em>: “{shown}” <a class=\"cite\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", html, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(html, "class=\"cite\""));
    }

    [Fact]
    public void BothRenderers_ShowTheSameLiteralText()
    {
        foreach (var text in (string[])[Hostile, "1) twelve", "+ plus", "100. not a marker", "“Quoted,” he said — 5% & <b>", "\\ back\\slash"])
        {
            var literal = new Run().Literal(text);
            var shown = ((Literal)literal[0]).Shown;
            var md = MarkdownBriefWriter.Inlines(literal);
            Assert.Equal(shown, Unescape(md));
            Assert.Equal(shown, WebUtility.HtmlDecode(HtmlBriefWriter.Inlines(literal)));
            Assert.DoesNotContain('<', HtmlBriefWriter.Inlines(literal));
        }

        // What CommonMark does with a backslash before punctuation: drops it.
        static string Unescape(string md) => System.Text.RegularExpressions.Regex.Replace(md, @"\\(\p{P}|\p{S})", "$1");
    }

    [Fact]
    public void Quote_IsCutOnTheShownText_BeforeItIsEscaped()
    {
        var quote = new Run().Quote("a\n\nb" + new string('*', 30), 10);

        Assert.Equal(@"“a b\*\*\*\*\*\*\*…”", MarkdownBriefWriter.Inlines(quote));
        Assert.Equal("“a b*******…”", HtmlBriefWriter.Inlines(quote));
    }
}
