using System.Text.RegularExpressions;
using Dossier.Analysis;
using Dossier.Analysis.Reporting;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Analysis;

/// <summary>Article text is hostile: in the Markdown and HTML briefs it shows as itself and never becomes formatting, HTML, a table cell or a citation.</summary>
public class BriefEscapingTests
{
    /// <summary>A quote full of Markdown and HTML, among them a citation-shaped '[id ¶n]' naming a document that does not exist.</summary>
    public const string HostileQuote = "<script>window.pwned=1</script> **bold** [0123456789ab ¶9] _x_ | y `code` cost $5 and $6 & <b>more</b> <img src=x onerror=alert(1)>";

    public static CorpusAnalysis HostileAnalysis()
    {
        var text = "Minister rejects report on border camps\n\n"
            + "ISLAMABAD — Pakistan's interior minister Mohsin Naqvi rejected the report on Monday.\n\n"
            + $"“{HostileQuote},” Naqvi said.\n\n"
            + "Naqvi said the camps do not exist.\n";
        var metadata = new DocumentMetadata { Title = "Camps | **Naqvi**\n- <i>rejects</i>", Outlet = "1. Daily_News_", Source = "evil\u001b[31m|name.txt" };
        var doc = Models.Pipeline.Process(new Document(text, metadata));
        return new CorpusAnalysis([doc], [], Models.Pipeline.Adds, Models.Kb);
    }

    /// <summary>The Markdown brief of <paramref name="analysis"/>, as a string.</summary>
    internal static string Markdown(CorpusAnalysis analysis)
    {
        using var w = new StringWriter();
        MarkdownBriefWriter.Write(w, analysis);
        return w.ToString();
    }

    [Fact]
    public void Markdown_EscapesArticleText_SoItIsNeitherHtmlNorFormattingNorACitation()
    {
        var analysis = HostileAnalysis();
        var id = analysis.Documents[0].Id;
        var md = Markdown(analysis);

        var quoteLine = md.Split('\n').Single(l => l.Contains("window.pwned", StringComparison.Ordinal));
        Assert.Contains(@"“\<script\>window.pwned=1\</script\> \*\*bold\*\* \[0123456789ab ¶9\] \_x\_ \| y \`code\` cost \$5 and \$6 \& \<b\>more\</b\> \<img src=x onerror=alert(1)\>” [" + id + " ¶3]", quoteLine, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\\)<(script|b|img|i)\b", md);
        Assert.DoesNotMatch(@"(?<!\\)\*\*bold", md);

        // Every citation left unescaped is a real one: the quote's '[0123456789ab ¶9]' is not.
        var cited = Regex.Matches(md, @"(?<!\\)\[([0-9a-f]{12}) ¶\d+\]").Select(m => m.Groups[1].Value).Distinct();
        Assert.Equal([id], cited);
    }

    [Fact]
    public void Markdown_TableCellsAndListItems_StayWhole()
    {
        var md = Markdown(HostileAnalysis());

        // The Sources row keeps its seven cells: the '|' and the newline of the title are escaped and joined.
        var row = md.Split('\n').Single(l => l.Contains("Camps", StringComparison.Ordinal) && l.StartsWith("| ", StringComparison.Ordinal));
        Assert.Equal(8, Regex.Count(row, @"(?<!\\)\|"));
        Assert.Contains(@"Camps \| \*\*Naqvi\*\* - \<i\>rejects\</i\>", row, StringComparison.Ordinal);
        Assert.Contains(@"| 1\. Daily\_News\_ |", row, StringComparison.Ordinal);

        // The source's terminal escape and bar are shown, not obeyed.
        Assert.Contains(@"evil\\u001b\[31m\|name.txt", md, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_ShowsTheHostileQuoteAsText_WithAStrictContentSecurityPolicy()
    {
        var analysis = HostileAnalysis();
        var id = analysis.Documents[0].Id;
        using var w = new StringWriter();
        HtmlBriefWriter.Write(w, analysis);
        var html = w.ToString();

        Assert.Matches("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]{44}'; img-src data:; base-uri 'none'; form-action 'none'\">", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);

        // In the brief, the quote is the literal text (no backslashes left), HTML-encoded, with no link made from it.
        var encoded = "&lt;script&gt;window.pwned=1&lt;/script&gt; **bold** [0123456789ab ¶9] _x_ | y `code` cost $5 and $6 &amp; &lt;b&gt;more&lt;/b&gt; &lt;img src=x onerror=alert(1)&gt;";
        Assert.Contains($"“{encoded}” <a class=\"cite\" href=\"#doc-{id}-p3\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("#doc-0123456789ab", html, StringComparison.Ordinal);
        Assert.Contains("<td>Camps | **Naqvi** - &lt;i&gt;rejects&lt;/i&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains(@"evil\u001b[31m|name.txt", html, StringComparison.Ordinal);
    }
}
