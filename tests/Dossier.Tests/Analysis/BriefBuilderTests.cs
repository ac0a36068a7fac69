using Dossier.Analysis;
using Dossier.Analysis.Reporting;
using Dossier.Analysis.Reporting.Brief;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Analysis;

/// <summary>The brief model made from an analysis: article text only ever in literals, headings with unique anchors, and both renderers showing hostile titles and quotes as themselves.</summary>
public class BriefBuilderTests
{
    private static IEnumerable<BriefInline> Flatten(IEnumerable<BriefInline> inlines) =>
        inlines.SelectMany(i => i switch
        {
            Emphasis e => Flatten(e.Content),
            Strong s => Flatten(s.Content),
            _ => [i],
        });

    private static IEnumerable<IReadOnlyList<BriefInline>> Runs(BriefDocument brief)
    {
        yield return brief.Title;
        yield return brief.Overview.Content;
        foreach (var section in brief.Sections.SelectMany(Descendants))
        {
            yield return section.Title;
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case BriefParagraph p:
                        yield return p.Content;
                        break;
                    case BriefList l:
                        foreach (var item in l.Items)
                        {
                            yield return item;
                        }

                        break;
                    case BriefTable t:
                        foreach (var cell in t.Rows.SelectMany(r => r))
                        {
                            yield return cell;
                        }

                        break;
                }
            }
        }
    }

    private static IEnumerable<BriefSection> Descendants(BriefSection section) => [section, .. section.Sections.SelectMany(Descendants)];

    [Fact]
    public void Build_PutsArticleText_InLiteralsOnly()
    {
        var brief = BriefBuilder.Build(BriefEscapingTests.HostileAnalysis());
        var inlines = Runs(brief).SelectMany(Flatten).ToList();

        var prose = string.Concat(inlines.OfType<Prose>().Select(p => p.Text));
        foreach (var hostile in (string[])["window.pwned", "<", "**", "Naqvi", "Daily_News", "evil"])
        {
            Assert.DoesNotContain(hostile, prose, StringComparison.Ordinal);
        }

        var literals = inlines.OfType<Literal>().Select(l => l.Shown).ToList();
        Assert.Contains(literals, l => l.Contains("window.pwned", StringComparison.Ordinal));
        Assert.Contains(literals, l => l.StartsWith("Camps | **Naqvi**", StringComparison.Ordinal));
        Assert.Contains(literals, l => l.Contains(@"evil\u001b[31m|name.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void BothBriefs_ShowAHostileTitle_AsItself()
    {
        var analysis = BriefEscapingTests.HostileAnalysis();
        var title = analysis.Stories[0].Title;
        using var md = new StringWriter();
        MarkdownBriefWriter.Write(md, analysis);
        using var html = new StringWriter();
        HtmlBriefWriter.Write(html, analysis);

        Assert.Contains("**Naqvi**", title, StringComparison.Ordinal);
        Assert.Contains($"## Story s1: {MarkdownEscape.Literal(ShownText.OneLine(title))}\n", md.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains(@"\*\*Naqvi\*\*", md.ToString(), StringComparison.Ordinal);
        Assert.Contains($"<h2 id=\"s1\">Story s1: {HtmlBriefWriter.Encode(ShownText.OneLine(title))}</h2>", html.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>Naqvi", html.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_GivesEveryHeadingAUniqueAnchor_NamedByItsStory_EvenWithReReportedStatements()
    {
        // The same words of the same speaker in two reports: a re-reported statement, shown as a section of its story.
        const string quote = "“We have given sufficient proof to the Taliban authorities, and this remains an important part of our engagement,” Foreign Ministry spokesperson Shafqat Ali Khan said.";
        var documents = new[]
        {
            Models.Pipeline.Process(new Document($"Pakistan says it gave proof to Taliban\n\nISLAMABAD — Pakistan's Foreign Ministry spoke on Thursday about weapons in Afghanistan.\n\n{quote}\n\nThe Taliban have denied the claims.\n", new DocumentMetadata { Title = "Pakistan says it gave proof to Taliban", Outlet = "Dawn" })),
            Models.Pipeline.Process(new Document($"Islamabad repeats charges on Afghan weapons\n\nKABUL — Officials in Kabul answered Islamabad on Friday after a week of charges.\n\n{quote}\n\nTaliban spokesman Zabihullah Mujahid rejected the statement.\n", new DocumentMetadata { Title = "Islamabad repeats charges on Afghan weapons", Outlet = "Arab News" })),
        };
        var analysis = new CorpusAnalysis(documents, [], Models.Pipeline.Adds, Models.Kb);
        var brief = BriefBuilder.Build(analysis);

        var story = Assert.Single(brief.Stories, s => s.RepeatedQuotes is not null);
        var ids = brief.Sections.SelectMany(Descendants).Select(s => s.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Descendants(story.Section).Skip(1), s => Assert.StartsWith(story.Id + "-", s.Id, StringComparison.Ordinal));
        Assert.Equal($"{story.Id}-re-reported-statements", story.RepeatedQuotes!.Id);
    }
}
