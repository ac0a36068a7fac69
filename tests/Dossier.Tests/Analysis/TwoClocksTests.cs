using Dossier.Analysis;
using Dossier.Analysis.Reporting;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Analysis;

/// <summary>Every fact keeps two clocks: when it was said or happened (from its text) and when and by whom it was reported.</summary>
public class TwoClocksTests
{
    private static Document Report(string outlet, int day, string text) => Models.Pipeline.Process(new Document(
        text, new DocumentMetadata { Outlet = outlet, Published = new DateOnly(2025, 3, day), Source = outlet + day + ".txt" }));

    [Fact]
    public void AStatementKeepsWhenItWasSaid_AndTheDateItsWordsAreAbout_ApartFromWhenItWasReported()
    {
        var doc = Report("Wire A", 7, "Foreign Office spokesperson Shafqat Ali Khan said on Thursday that the Torkham crossing was closed on February 21.");
        var analysis = new CorpusAnalysis([doc], [], Models.Pipeline.Adds, Models.Kb);
        var claim = Assert.Single(analysis.Claims);
        var clock = analysis.ClockOf(claim.Id);
        Assert.Equal("2025-03-06", clock.When!.Value);
        Assert.Equal("Thursday", clock.When.Text);
        Assert.Equal("2025-02-21", clock.Within!.Value);
        Assert.Equal(clock.When, clock.Dated);
        Assert.StartsWith("t:" + doc.Id + ":", clock.When.Time, StringComparison.Ordinal);

        using var stream = new MemoryStream();
        AnalysisJsonWriter.Write(stream, analysis);
        using var json = System.Text.Json.JsonDocument.Parse(stream.ToArray());
        var written = json.RootElement.GetProperty("claims")[0];
        Assert.Equal("2025-03-06", written.GetProperty("said_when").GetString());
        Assert.Equal("2025-02-21", written.GetProperty("content_when").GetString());
        Assert.Equal("2025-03-07", written.GetProperty("reported").GetProperty("published").GetString());
        Assert.Equal("Wire A", written.GetProperty("reported").GetProperty("outlet").GetString());
    }

    /// <summary>The same speech on Tuesday in two outlets and on Wednesday in a third is listed like a figure discrepancy; the same day everywhere is not.</summary>
    [Fact]
    public void OneSpeechDatedOnTwoDaysByDifferentOutlets_IsATimeDiscrepancy()
    {
        const string speech = "\"We will not negotiate with terrorists who attack our people,\" the Prime Minister said on ";
        var tuesday = new[] { Report("Wire A", 6, speech + "Tuesday."), Report("Daily B", 6, "Talks resumed in Islamabad. " + speech + "Tuesday.") };
        var wednesday = Report("Weekly C", 6, "Markets were calm in the capital. " + speech + "Wednesday.");

        var analysis = new CorpusAnalysis([.. tuesday, wednesday], [], Models.Pipeline.Adds, Models.Kb);
        var x = Assert.Single(analysis.TimeDiscrepancies);
        Assert.Equal("statement", x.Subject);
        Assert.Equal(["2025-03-04", "2025-03-04", "2025-03-05"], x.Facts.Select(f => f.Time.Value).Order());
        Assert.Contains("Prime Minister", x.What, StringComparison.Ordinal);

        var agreeing = new CorpusAnalysis([.. tuesday, Report("Weekly C", 6, "Markets were calm in the capital. " + speech + "Tuesday.")], [], Models.Pipeline.Adds, Models.Kb);
        Assert.Empty(agreeing.TimeDiscrepancies);
    }

    [Theory]
    [InlineData("2024-05-07", "2024-05-08", true)]
    [InlineData("2024-05-07", "2024-05-07T10:00", false)]
    [InlineData("2024-05-07", "2024-06-07", false)] // a month apart: two occasions
    [InlineData("2024-05-07", "XXXX-WXX-2", false)] // 7 May 2024 was a Tuesday
    [InlineData("XXXX-WXX-3", "2024-05-07", true)]
    [InlineData("XXXX-WXX-2", "XXXX-WXX-3", true)]
    [InlineData("2024-05", "2024-05-07", false)] // a month does not contradict a day of it
    [InlineData("2024", "2023", false)]
    public void DatesDisagree_OnlyWhenBothNameADayOrWeekday(string a, string b, bool disagree) =>
        Assert.Equal(disagree, TimeDiscrepancies.Disagree(a, b));

    [Fact]
    public void TheBriefsTimeline_ShowsBothClocks_AndTheDatesThatDisagree()
    {
        const string speech = "\"We will not negotiate with terrorists who attack our people,\" the Prime Minister said on ";
        var docs = new[] { Report("Wire A", 6, speech + "Tuesday."), Report("Weekly <C>", 6, "Markets were calm in the capital. " + speech + "Wednesday.") };
        var analysis = new CorpusAnalysis(docs, [], Models.Pipeline.Adds, Models.Kb);
        var brief = BriefEscapingTests.Markdown(analysis);
        Assert.Contains("— reported 2025-03-06, Wire A", brief, StringComparison.Ordinal);
        Assert.Contains("**Dates that disagree**", brief, StringComparison.Ordinal);
        Assert.Contains("Wednesday (2025-03-05)", brief, StringComparison.Ordinal);
        Assert.DoesNotContain("Weekly <C>", brief, StringComparison.Ordinal);
    }

    /// <summary>One happening (code, actor and target) dated on two days by two outlets publishing the same week is listed; one outlet alone never is.</summary>
    [Fact]
    public void OneEventDatedOnTwoDaysByTwoOutlets_IsATimeDiscrepancy()
    {
        const string raid = "Pakistan's security forces arrested Tehreek-e-Taliban Pakistan commander Noor Wali Mehsud in Peshawar on ";
        var a = Report("Wire A", 6, raid + "Monday.");
        var b = Report("Daily B", 7, "Officials gave few details. " + raid + "Tuesday.");
        var analysis = new CorpusAnalysis([a, b], [], Models.Pipeline.Adds, Models.Kb);
        var x = Assert.Single(analysis.TimeDiscrepancies, d => d.Subject == "event");
        Assert.Equal(["2025-03-03", "2025-03-04"], x.Facts.Select(f => f.Time.Value).Order());
        Assert.Equal([a.Id, b.Id], x.Facts.Select(f => f.Document));
    }
}
