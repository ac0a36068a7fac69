using Dossier.Analysis;
using Dossier.Analysis.Reporting;
using Dossier.Extraction.Ingestion;
using Dossier.Tests.TestKit;
using Microsoft.Playwright;

namespace Dossier.Tests.Browser;

/// <summary>The HTML brief of the seeds, opened in a real Chromium (Debian's, installed by .ci/run), headless.</summary>
public class HtmlBriefBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task HtmlBrief_InChromium_ShowsEverySection_AndEveryCitationLeadsToItsParagraph()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: .ci/run installs Debian's chromium package for this test");
        var documents = Repo.SeedFiles.Select(f => Models.Pipeline.Process(new DocumentLoader().Load(f))).ToList();
        var analysis = new CorpusAnalysis(documents, [], Models.Pipeline.Adds, Models.Kb);
        using var dir = new TempDir();
        var page = dir.File("brief.html");
        await using (var file = new StreamWriter(page))
        {
            HtmlBriefWriter.Write(file, analysis);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var tab = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await tab.GotoAsync(new Uri(page).AbsoluteUri);

        foreach (var section in (string[])["h2#sources", "h2#stories", "h2#s1", "h3#s1-summary", "h3#s1-key-actors", "h3#s1-who-said-what", "h3#s1-disputed-and-corroborated-claims", "h3#s1-figures", "h3#s1-timeline", "h3#s1-sources", "h2#documents"])
        {
            Assert.True(await tab.Locator(section).IsVisibleAsync(), $"section {section} is not shown");
        }

        Assert.True(await tab.Locator("table").CountAsync() >= 3);
        var citations = await tab.Locator("a.cite").CountAsync();
        Assert.True(citations > 50, $"{citations} citations");
        var broken = await tab.EvaluateAsync<int>("() => [...document.querySelectorAll('a[href^=\"#\"]')].filter(a => !document.getElementById(a.getAttribute('href').slice(1))).length");
        Assert.Equal(0, broken);

        // Following a citation from the timeline scrolls its paragraph into view and marks it.
        var link = tab.Locator("#s1-timeline ~ ul a.cite").First;
        var target = (await link.GetAttributeAsync("href"))!;
        await link.ClickAsync();
        Assert.EndsWith(target, tab.Url, StringComparison.Ordinal);
        var box = await tab.Locator(target).BoundingBoxAsync();
        Assert.NotNull(box);
        var scrolled = await tab.EvaluateAsync<double>("() => window.scrollY");
        Assert.True(box.Y is > -2 and < 900, $"paragraph {target} at y={box.Y}, page scrolled to {scrolled}");
        Assert.StartsWith("¶", (await tab.Locator(target).InnerTextAsync()).Trim(), StringComparison.Ordinal);

        var shot = await tab.ScreenshotAsync(new() { Path = dir.File("brief.png"), FullPage = true });
        Assert.True(shot.Length > 50_000, $"screenshot of {shot.Length} bytes");
    }

    /// <summary>The hostile quote of <see cref="Analysis.BriefEscapingTests"/> is shown as text: no script runs, no element or link is made from it, and the page's own style still applies under its Content-Security-Policy.</summary>
    [Fact]
    public async Task HostileBrief_InChromium_ShowsTheQuoteAsText_AndRunsNothing()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: .ci/run installs Debian's chromium package for this test");
        using var dir = new TempDir();
        var page = dir.File("brief.html");
        await using (var file = new StreamWriter(page))
        {
            HtmlBriefWriter.Write(file, Analysis.BriefEscapingTests.HostileAnalysis());
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var tab = await browser.NewPageAsync();
        var violations = new List<string>();
        tab.Console += (_, message) => violations.Add(message.Text);
        await tab.GotoAsync(new Uri(page).AbsoluteUri);

        Assert.Equal("undefined", await tab.EvaluateAsync<string>("() => typeof window.pwned"));
        Assert.Equal(0, await tab.Locator("script, img, b, i").CountAsync());
        Assert.Equal(0, await tab.Locator("a[href*='0123456789ab']").CountAsync());
        var item = tab.Locator("li", new() { HasText = "window.pwned" });
        Assert.Contains($"“{Analysis.BriefEscapingTests.HostileQuote}”", await item.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("1152px", await tab.EvaluateAsync<string>("() => getComputedStyle(document.body).maxWidth"));
        Assert.DoesNotContain(violations, v => v.Contains("Content Security Policy", StringComparison.Ordinal));
    }
}
