using Dossier.Annotations;
using Dossier.Evaluation.Quotes;
using Dossier.Tests.TestKit;
using Dossier.Text;

namespace Dossier.Tests.Nlp.Quotes;

/// <summary>The quote scorer (the Gender Gap Tracker's measure), the brat reader, and the quality floors on PolNeAR dev.</summary>
public class QuoteEvaluationTests
{
    [Fact]
    public void Coverage_IsTheShareOfTheGoldCharactersThePredictionCovers()
    {
        Assert.Equal(0.5, QuoteEvaluation.Coverage([new TextSpan(0, 10)], new TextSpan(5, 40)));
        Assert.Equal(1.0, QuoteEvaluation.Coverage([new TextSpan(10, 20), new TextSpan(30, 40)], new TextSpan(0, 50)));
        Assert.Equal(0.0, QuoteEvaluation.Coverage([new TextSpan(0, 10)], new TextSpan(10, 20)));
    }

    [Fact]
    public void Match_IsGreedyOneToOneAboveTheThreshold()
    {
        GoldAttribution G(int s, int e) => new([], [], [new TextSpan(s, e)]);
        PredictedAttribution P(int s, int e) => new(new TextSpan(s, e), null, null, null);
        var gold = new[] { G(0, 10), G(20, 30), G(50, 60) };
        var predicted = new[] { P(0, 30), P(52, 54), P(100, 120) };

        var pairs = QuoteEvaluation.Match(gold, predicted, 0.3);

        // The first gold takes the wide prediction; the second has none left; 2/10 of the third is below 0.3.
        var pair = Assert.Single(pairs);
        Assert.Equal((gold[0], predicted[0]), pair);
        var scores = QuoteEvaluation.Score([("", gold, predicted)], 0.3);
        Assert.Equal((3, 3, 1), (scores.Gold, scores.Predicted, scores.Matched));
        Assert.Equal(1.0 / 3, scores.Precision, 6);
    }

    [Fact]
    public void Score_SpeakerAgreesWhenTheSpansOverlapOrNeitherHasOne()
    {
        var gold = new GoldAttribution[] { new([new TextSpan(0, 5)], [new TextSpan(6, 10)], [new TextSpan(11, 30)]), new([], [new TextSpan(40, 44)], [new TextSpan(45, 60)]) };
        var predicted = new PredictedAttribution[] { new(new TextSpan(11, 30), new TextSpan(3, 5), null, new TextSpan(6, 10)), new(new TextSpan(45, 60), null, null, new TextSpan(40, 44)) };
        var text = "Khans said that the border stays open now. He said the talks are over now.";
        var scores = QuoteEvaluation.Score([(text, gold, predicted)], 0.3);
        Assert.Equal((2, 2, 2), (scores.Matched, scores.SpeakerMatched, scores.CueMatched));
    }

    [Fact]
    public void ReadBrat_TiesSourceCueAndContent_AndCountsCodePoints()
    {
        // An emoji is two UTF-16 characters but one code point, as brat counts.
        const string Text = "\U0001F600 Khan said the border is open.";
        string[] ann =
        [
            "T1\tSource 2 6\tKhan",
            "T2\tCue 7 11\tsaid",
            "T3\tContent 12 25;26 30\tthe border is open",
            "T4\tAttribution 7 11\tsaid",
            "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        ];

        var a = Assert.Single(QuoteEvaluation.ReadBrat(ann, Text));
        Assert.Equal("Khan", Text[a.Source[0].Start..a.Source[0].End]);
        Assert.Equal("said", Text[a.Cue[0].Start..a.Cue[0].End]);
        Assert.Equal(2, a.Content.Count);
        Assert.Equal("the border is", Text[a.Content[0].Start..a.Content[0].End]);
    }

    /// <summary>The shipped quote finder must not drop below the floors pinned in eval/baseline.json on PolNeAR dev.</summary>
    [Fact]
    public void PolnearDev_MeetsTheFloors()
    {
        var quotes = Floors.Section("quotes");
        var articles = QuoteEvaluation.ReadPolnear(Floors.DataPath(quotes));
        var results = articles.Select(a =>
        {
            var doc = Models.Pipeline.Process(a.Text);
            IReadOnlyList<PredictedAttribution> predicted = [.. doc.Get(Layers.Quotes).Select(q => new PredictedAttribution(q.Span, q.Speaker, q.SpeakerName, q.Cue, q.Attribution?.ToString()))];
            return (a.Text, a.Attributions, predicted);
        }).ToList();
        var loose = QuoteEvaluation.Score(results, 0.3);
        var strict = QuoteEvaluation.Score(results, 0.8);
        var measured = new Dictionary<string, double>
        {
            ["f1_0.3"] = 100 * loose.F1,
            ["f1_0.8"] = 100 * strict.F1,
            ["speaker_0.3"] = 100 * loose.SpeakerAccuracy,
            ["precision_0.3"] = 100 * loose.Precision,
            ["recall_0.3"] = 100 * loose.Recall,
            ["shown_precision"] = 100 * QuoteEvaluation.Shown(QuoteEvaluation.ByHow(results)).Precision,
        };
        Floors.AssertMet(quotes, measured);
    }
}
