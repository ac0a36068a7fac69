using CsCheck;
using Dossier.Evaluation;
using Dossier.Evaluation.Ner;
using Dossier.Evaluation.Quotes;

namespace Dossier.Tests.Evaluation;

public class DataSplitTests
{
    [Fact]
    public void Tenth_IsFnv1aOfTheUtf8Bytes_SoEveryMachineSplitsAlike()
    {
        // FNV-1a 32 of "a" is 0xE40C292C = 3826002220; of "" the offset basis 2166136261.
        Assert.Equal((int)(3826002220u % 10), DataSplit.Tenth("a"));
        Assert.Equal((int)(2166136261u % 10), DataSplit.Tenth(string.Empty));
    }

    [Fact]
    public void EveryKey_IsHeldOutInExactlyOneFold_AndDevInTwo()
    {
        Gen.String.Sample(key =>
        {
            var parts = Enumerable.Range(0, 10).Select(f => DataSplit.PartOf(key, f)).ToList();
            Assert.Equal(1, parts.Count(p => p == "holdout"));
            Assert.Equal(2, parts.Count(p => p == "dev"));
            Assert.Equal(DataSplit.PartOf(key), DataSplit.PartOf(key, 0));
        });
    }

    [Fact]
    public void Fold_OutsideZeroToNine_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.PartOf("x", 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.PartOf("x", -1));
    }

    [Fact]
    public void ConllParts_TrainAndHoldout_CoverTheFileOnce_WhenTheFileHasItsOwnDev()
    {
        var docs = Enumerable.Range(0, 200).Select(i => new LabelledDocument(
            [new LabelledSentence([$"Story{i}", "opens", "here"], [])])).ToList();
        for (var fold = 0; fold < 10; fold += 3)
        {
            var train = ConllReader.Part(docs, "train", fold);
            var holdout = ConllReader.Part(docs, "holdout", fold);
            Assert.Empty(train.Intersect(holdout));
            Assert.Equal(docs.Count, train.Count + holdout.Count);
            Assert.InRange(holdout.Count, 5, 40); // about a tenth
        }

        Assert.Equal(docs, ConllReader.Part(docs, "all"));
    }

    [Fact]
    public void QuoteParts_SplitByArticleName_EveryAnnotatorOfAnArticleOnOneSide()
    {
        var articles = Enumerable.Range(0, 100).SelectMany(i => new[]
        {
            new AttributedArticle($"outlet_2016-01-01_story-{i}", "text", []),
            new AttributedArticle($"outlet_2016-01-01_story-{i}", "text", []), // a second annotator
        }).ToList();
        var train = QuoteEvaluation.Part(articles, "train").Select(a => a.Name).ToHashSet();
        var holdout = QuoteEvaluation.Part(articles, "holdout").Select(a => a.Name).ToHashSet();
        Assert.Empty(train.Intersect(holdout));
        Assert.Equal(100, train.Count + holdout.Count);
        Assert.NotEmpty(holdout);
    }
}
