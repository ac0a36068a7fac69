using CsCheck;
using Dossier.Annotations;
using Dossier.Evaluation.Time;
using Dossier.Nlp;
using Dossier.Nlp.Time;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Nlp.Time;

public class TimeTaggerTests
{
    private static readonly DocumentPipeline Pipeline = new PipelineBuilder().UseDefaults().Build();

    private static List<(string Text, string Type, string? Value)> Tag(string text, DateOnly? published)
    {
        var doc = Pipeline.Process(text, new DocumentMetadata { Published = published });
        return [.. doc.Get(Layers.Times).Select(t => (doc.GetText(t.Span), t.Type, t.Value))];
    }

    [Theory]
    [InlineData("The senator won a second term in office.")]
    [InlineData("He served for a second term as mayor.")]
    [InlineData("The ministers met for a second time on Friday.")]
    [InlineData("Voters backed her in a second round.")]
    public void ASecondBeforeItsNoun_IsAnOrdinal_NotADuration(string sentence)
    {
        Assert.DoesNotContain(Tag(sentence, new DateOnly(2024, 5, 14)), t => t.Type == "DURATION");
    }

    [Theory]
    [InlineData("The lights went out for a second.", "PT1S")]
    [InlineData("It took only a second to decide.", "PT1S")]
    public void ASecondOfTime_StaysADuration(string sentence, string value)
    {
        Assert.Contains(Tag(sentence, new DateOnly(2024, 5, 14)), t => t.Type == "DURATION" && t.Value == value);
    }

    [Theory]
    [InlineData("The talks were held in Washington on Friday.", "Friday", "2024-05-10")] // seed 004: a Tuesday report
    [InlineData("The two sides met on Monday, May 13 to sign it.", "Monday, May 13", "2024-05-13")]
    [InlineData("The attack happened on May 7th in Besham.", "May 7th", "2024-05-07")]
    [InlineData("It was first raised in March.", "March", "2024-03")]
    [InlineData("Talks resume in July.", "July", "2024-07")] // within four months ahead: the coming July
    [InlineData("The plant opened in October.", "October", "2023-10")] // further ahead: last October
    [InlineData("The plant closed last November.", "last November", "2023-11")]
    [InlineData("Prices rose last week.", "last week", "2024-W19")]
    [InlineData("Sales fell last year.", "last year", "2023")]
    [InlineData("He resigned yesterday.", "yesterday", "2024-05-13")]
    [InlineData("Officials will meet Thursday.", "Thursday", "2024-05-16")] // future tense: the coming Thursday
    [InlineData("They left two weeks ago.", "two weeks ago", "2024-W18")]
    [InlineData("It was built in the 1990s.", "the 1990s", "199")]
    [InlineData("It was signed Aug. 7, 1998, in Nairobi.", "Aug. 7, 1998", "1998-08-07")]
    [InlineData("The court sits at 5 p.m. Wednesday.", "5 p.m. Wednesday", "2024-05-15T17:00")]
    public void Dates_AreNormalisedAgainstThePublicationDate(string sentence, string expression, string value)
    {
        var found = Tag(sentence, new DateOnly(2024, 5, 14));
        Assert.Contains((expression, value), found.Select(f => (f.Text, f.Value)));
    }

    [Fact]
    public void ADayLater_CountsFromTheDateMentionedBefore()
    {
        var found = Tag("The attack happened on May 7th. A day later the army spoke.", new DateOnly(2024, 5, 14));
        Assert.Contains(("A day later", "2024-05-08"), found.Select(f => (f.Text, f.Value)));
    }

    [Fact]
    public void WithoutAPublicationDate_OnlyWhatIsCertainIsKept()
    {
        var found = Tag("The crossing was closed on February 21. He spoke on Thursday. It happened in 2021.", null);
        Assert.Contains(("February 21", "XXXX-02-21"), found.Select(f => (f.Text, f.Value)));
        Assert.Contains(("Thursday", "XXXX-WXX-4"), found.Select(f => (f.Text, f.Value)));
        Assert.Contains(("2021", "2021"), found.Select(f => (f.Text, f.Value)));
    }

    [Fact]
    public void AnUndatedReport_GetsAnInferredDateItCannotPrecede_AndRelativeDatesStayOpen()
    {
        var doc = Pipeline.Process("The attack on August 26, 2021, killed 13. On Thursday the ministry spoke; in 2019 it had warned.");
        Assert.True(doc.Metadata.PublishedInferred);
        Assert.Equal(new DateOnly(2021, 8, 26), doc.Metadata.Published);
        Assert.Contains("August 26, 2021", doc.Metadata.PublishedEvidence, StringComparison.Ordinal);
        Assert.Contains(doc.Get(Layers.Times), t => doc.GetText(t.Span) == "Thursday" && t.Value == "XXXX-WXX-4");

        // Run again (as a stored document would be): the inferred date is not used as an anchor.
        var again = Pipeline.Process(new Document(doc.Text, doc.Metadata));
        Assert.Contains(again.Get(Layers.Times), t => again.GetText(t.Span) == "Thursday" && t.Value == "XXXX-WXX-4");
    }

    [Theory]
    [InlineData("It was the case from 2013 till 2018.", "from 2013 till 2018", "DURATION", "2013/2018")]
    [InlineData("The war lasted more than three years.", "more than three years", "DURATION", "P3Y")]
    [InlineData("The talks ran for 16 hours.", "16 hours", "DURATION", "PT16H")]
    [InlineData("The paper appears daily.", "daily", "SET", "P1D")]
    [InlineData("He is currently abroad.", "currently", "DATE", "PRESENT_REF")]
    [InlineData("It reported third-quarter results.", "third-quarter", "DATE", "2023-Q3")] // a quarter not yet ended, in a past-tense report: last year's
    public void Durations_Sets_References_AndQuarters(string sentence, string expression, string type, string value)
    {
        var found = Tag(sentence, new DateOnly(2024, 5, 14));
        Assert.Contains((expression, type, value), found);
    }

    [Theory]
    [InlineData("They may meet again.")]
    [InlineData("The protesters march to the square.")]
    [InlineData("A 6-year-old boy was hurt.")]
    [InlineData("He paid $2021 for it.")]
    [InlineData("The floods killed two thousand people.")]
    public void WordsThatOnlyLookLikeTimes_AreLeftAlone(string sentence)
    {
        Assert.Empty(Tag(sentence, new DateOnly(2024, 5, 14)));
    }

    [Fact]
    public void TimeMl_IsReadWithOffsetsIntoTheTagFreeText()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dossier-{Guid.NewGuid():N}.tml");
        File.WriteAllText(path, """<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-06" functionInDocument="CREATION_TIME">02/06/1998</TIMEX3></DCT><TEXT>Sales rose &amp; fell <TIMEX3 tid="t1" type="DATE" value="1998-W05">last week</TIMEX3>.</TEXT></TimeML>""");
        try
        {
            var doc = TimeEvaluation.ReadTimeMl(path);
            Assert.Equal("Sales rose & fell last week.", doc.Text);
            Assert.Equal(new DateOnly(1998, 2, 6), doc.Dct);
            var t = Assert.Single(doc.Timexes);
            Assert.Equal("last week", doc.Text[t.Span.Start..t.Span.End]);
            Assert.Equal(("DATE", "1998-W05"), (t.Type, t.Value));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Scores_FollowTempEval3()
    {
        GoldTimex[] gold = [new(new(0, 9), "DATE", "1998-W05"), new(new(20, 26), "DATE", "1998")];
        TimeExpression[] predicted = [new(new(5, 9), "DATE", "1998-W05", null), new(new(30, 34), "DATE", "X", null)];
        var s = TimeEvaluation.Score([(gold, predicted)]);
        Assert.Equal(0, s.Strict);
        Assert.Equal(0.5, s.RelaxedPrecision);
        Assert.Equal(0.5, s.RelaxedRecall);
        Assert.Equal(1.0, s.ValueAccuracy);
        Assert.Equal(0.5, s.ValueF1);
    }

    private static readonly string[] TimeWords = [
            "the", "last", "next", "this", "a", "day", "days", "week", "year", "years", "ago", "later", "earlier", "from", "till", "until", "2013", "1998",
            "May", "March", "Jan.", "20", "7th", "Friday", "Monday", ",", ".", "of", "more", "than", "three", "nineteen", "ninety-six", "quarter", "third-quarter",
            "year-end", "Thanksgiving", "Day", "5", "p.m.", "noon", "21/04/2016", "2015/08/12", "11/2016", "now", "recent", "the", "winter", "summer", "every", "Sundays",
            "and", "a", "half", "hour", "another", "once", "twice", "per", "fiscal", "1990s", "mid-1990s", "the", "day", "before", "yesterday", "tomorrow", "that"];

    /// <summary>Random sentences made of the words time expressions are made of, in any order.</summary>
    private static readonly Gen<string> TimeLikeText = Gen.Int[0, TimeWords.Length - 1].Array[0, 40]
        .Select(picks => string.Join(' ', picks.Select(k => TimeWords[k])));

    /// <summary>Found by the property below once in about 100,000 texts: a relative year count taken from a month ("11/2016 years earlier") gave year 0, and bounding the undated report's date threw.</summary>
    [Fact]
    public void UndatedReport_ADateOutOfTheCalendarBoundsNothing()
    {
        var doc = Pipeline.Process("21/04/2016 11/2016 years earlier");
        Assert.Equal(new DateOnly(2016, 4, 21), doc.Metadata.Published);
        Assert.True(doc.Metadata.PublishedInferred);
    }

    [Fact]
    public void Property_AnyArrangementOfTimeWords_GivesSpansInsideTheText()
    {
        Gen.Select(TimeLikeText, Gen.Bool).Sample((text, dated) =>
        {
            var doc = Pipeline.Process(text, new DocumentMetadata { Published = dated ? new DateOnly(2024, 2, 29) : null });
            foreach (var t in doc.Get(Layers.Times))
            {
                Assert.False(t.Span.IsEmpty);
                Assert.True(t.Span.End <= doc.Text.Length);
                Assert.Contains(t.Type, (string[])["DATE", "TIME", "DURATION", "SET"]);
            }
        }, iter: 2000);
    }

    /// <summary>Microsoft Recognizers-Text's parser specs as a regression suite: the share of in-scope cases passed per file must not drop.</summary>
    [Fact]
    public void RecognizersSpecs_MeetTheFloors()
    {
        var specs = Floors.Section("time_specs");
        var measured = TimeEvaluation.RunSpecs(Floors.DataPath(specs), Pipeline).ToDictionary(r => r.File, r => 100.0 * r.Passed / r.Total);
        Floors.AssertMet(specs, measured);
    }

    [Theory]
    [InlineData("I'll be out june 2016", "june 2016", "2016-06")]
    [InlineData("It rained in the summer of 2016.", "the summer of 2016", "2016-SU")]
    [InlineData("Sales fell in 2016 November.", "2016 November", "2016-11")]
    [InlineData("The vote was on 21/04/2016.", "21/04/2016", "2016-04-21")]
    [InlineData("He left the day before yesterday.", "the day before yesterday", "2024-05-12")]
    [InlineData("We meet again two weeks from now.", "two weeks from now", "2024-W22")]
    [InlineData("He waited for an hour and a half.", "an hour and a half", "PT1H30M")]
    [InlineData("The trial took 2 1/2 years.", "2 1/2 years", "P2Y6M")]
    [InlineData("The shop closes on Sundays.", "Sundays", "XXXX-WXX-7")]
    [InlineData("Markets were shut on Thanksgiving Day.", "Thanksgiving Day", "2023-11-23")]
    [InlineData("The talks ended on Friday the 10th.", "Friday the 10th", "2024-05-10")]
    [InlineData("Plans for the year two thousand were dropped.", "the year two thousand", "2000")]
    public void LessCommonForms(string sentence, string expression, string value)
    {
        var found = Tag(sentence, new DateOnly(2024, 5, 14));
        Assert.Contains((expression, value), found.Select(f => (f.Text, f.Value)));
    }

    /// <summary>The tagger must not drop below the floors pinned in eval/baseline.json on TBAQ-cleaned, with the tree as 'analyze' and 'eval time' have it.</summary>
    [Fact]
    public void Tbaq_MeetsTheFloors()
    {
        var time = Floors.Section("time");
        var files = Directory.GetFiles(Floors.DataPath(time), "*.tml", SearchOption.AllDirectories);
        var parsed = new PipelineBuilder().UseDefaults(syntax: Models.Syntax).Build();
        var results = TimeEvaluation.Run(files.Order(StringComparer.Ordinal).Select(TimeEvaluation.ReadTimeMl), parsed);
        var s = TimeEvaluation.Score(results.Select(r => (r.Document.Timexes, r.Predicted)));
        var measured = new Dictionary<string, double>
        {
            ["strict_f1"] = 100 * s.StrictF1,
            ["relaxed_f1"] = 100 * s.RelaxedF1,
            ["value_f1"] = 100 * s.ValueF1,
            ["type_f1"] = 100 * s.TypeF1,
        };
        Floors.AssertMet(time, measured);
    }
}
