using Dossier.Evaluation.Stance;
using Dossier.Nlp.Stance;
using Dossier.Tests.TestKit;
using Dossier.Training.Stance;

namespace Dossier.Tests.Nlp.Stance;

/// <summary>The stance model (models/stance), its training, the FNC-1 files and the challenge's score.</summary>
public sealed class StanceTests
{
    private static readonly string Bodies = Path.Combine(Repo.Root, "..", "shared", "data", "fnc-1", "train_bodies.csv");
    private static readonly string Stances = Path.Combine(Repo.Root, "..", "shared", "data", "fnc-1", "train_stances.csv");

    /// <summary>Quality gate: the held-out part of FNC-1 train, split by story (floors in eval/baseline.json).</summary>
    [Fact]
    public void HoldoutScoresMeetTheirFloors()
    {
        var section = Floors.Section("stance");
        var pairs = StanceData.Part(StanceData.ReadPairs(Stances), "holdout");
        var predicted = Models.Stance.PredictLabels(StanceData.ReadBodies(Bodies), pairs);
        var scores = StanceEvaluation.Score([.. pairs.Select(p => p.Stance!)], predicted);
        Floors.AssertMet(section, new Dictionary<string, double>
        {
            ["fnc"] = scores.Score,
            ["f1m"] = 100 * scores.MacroF1,
            ["accuracy"] = 100 * scores.Accuracy,
        });
    }

    [Fact]
    public void TheChallengesScoreWeighsRelatednessAQuarterAndTheLabelThreeQuarters()
    {
        string[] gold = ["agree", "disagree", "discuss", "unrelated", "unrelated"];
        string[] predicted = ["agree", "discuss", "unrelated", "unrelated", "agree"];

        var s = StanceEvaluation.Score(gold, predicted);

        // Best: 1 + 1 + 1 + 0.25 + 0.25 = 3.5; achieved: 1 (agree exact) + 0.25 (related, wrong label) + 0 + 0.25 + 0 = 1.5.
        Assert.Equal(100 * 1.5 / 3.5, s.Score, 6);
        Assert.Equal(0.4, s.Accuracy, 6);
        Assert.Equal(2.0 / 3, s.F1[0], 6); // agree: 1 right, 2 predicted, 1 gold
        Assert.Equal(0, s.F1[1]);
        Assert.Equal(0, s.F1[2]);
        Assert.Equal(0.5, s.F1[3], 6); // unrelated: 1 right, 2 predicted, 2 gold
        Assert.Equal(1, s.Confusion[1, 2]);
        Assert.Throws<ArgumentException>(() => StanceEvaluation.Score(["agree"], ["maybe"]));
        Assert.Throws<ArgumentException>(() => StanceEvaluation.Score(["agree"], []));
    }

    [Fact]
    public void FilesWithQuotedMultiLineFieldsAreReadAndPredictionsKeepTheInputsOrderAndColumns()
    {
        using var dir = new TempDir();
        var bodies = Path.Combine(dir.Path, "bodies.csv");
        var stances = Path.Combine(dir.Path, "stances.csv");
        File.WriteAllText(bodies, "Body ID,articleBody\n7,\"First line, with a comma\n\nand \"\"quoted\"\" words.\"\n3,Short body.\n");
        File.WriteAllText(stances, "Headline,Body ID,Stance\n\"Claim, with comma\",7,agree\nPlain claim,3,unrelated\n");

        var texts = StanceData.ReadBodies(bodies);
        var pairs = StanceData.ReadPairs(stances);

        Assert.Equal("First line, with a comma\n\nand \"quoted\" words.", texts["7"]);
        Assert.Equal([new StancePair("Claim, with comma", "7", "agree"), new StancePair("Plain claim", "3", "unrelated")], pairs);
        var output = Path.Combine(dir.Path, "out.csv");
        StanceData.WritePredictions(output, pairs, ["discuss", "agree"]);
        var written = StanceData.ReadPairs(output);
        Assert.Equal([new StancePair("Claim, with comma", "7", "discuss"), new StancePair("Plain claim", "3", "agree")], written);
        Assert.StartsWith("Headline,Body ID,Stance", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownStanceOrAMissingBodyIsAnErrorNamingTheRow()
    {
        using var dir = new TempDir();
        var stances = Path.Combine(dir.Path, "stances.csv");
        File.WriteAllText(stances, "Headline,Body ID,Stance\nA claim,1,agree\nB claim,2,perhaps\n");
        var error = Assert.Throws<InvalidDataException>(() => StanceData.ReadPairs(stances));
        Assert.Contains("perhaps", error.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<InvalidDataException>(() => StanceData.BodyOf(new Dictionary<string, string>(), new StancePair("A claim", "9", null), 4));
        Assert.Contains("row 5", missing.Message, StringComparison.Ordinal);
        Assert.Contains("9", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSplitKeepsEveryClaimAndBodyOfAStoryOnOneSide()
    {
        var pairs = StanceData.ReadPairs(Stances);
        var parts = new[] { "train", "dev", "holdout" }.ToDictionary(p => p, p => StanceData.Part(pairs, p));

        foreach (var (a, b) in new[] { ("train", "dev"), ("train", "holdout"), ("dev", "holdout") })
        {
            Assert.Empty(parts[a].Select(p => p.BodyId).Intersect(parts[b].Select(p => p.BodyId)));
            Assert.Empty(parts[a].Select(p => p.Headline).Intersect(parts[b].Select(p => p.Headline)));
        }

        // Every related pair is in exactly one part; the parts are near their intended sizes (stories are lumpy: dev holds 12% of related pairs, not 20%).
        var related = pairs.Count(p => p.Stance != "unrelated");
        Assert.Equal(related, parts.Values.Sum(part => part.Count(p => p.Stance != "unrelated")));
        Assert.InRange((double)parts["holdout"].Count(p => p.Stance != "unrelated") / related, 0.05, 0.2);
        Assert.InRange((double)parts["dev"].Count(p => p.Stance != "unrelated") / related, 0.08, 0.35);
    }

    [Fact]
    public void TrainingIsDeterministicAndAModelReadBackPredictsTheSame()
    {
        var bodies = StanceData.ReadBodies(Bodies);
        var pairs = StanceData.Part(StanceData.ReadPairs(Stances), "dev").Take(600).ToList();
        var config = new StanceTrainingConfig { Vocabulary = 300, Hidden = 8, BatchSize = 100, Seed = 3, ClassWeightPower = 0.5f, Average = 0.99f, Networks = 2 };
        var trainer = new StanceTrainer(_ => { });
        using var first = new TempDir();
        using var second = new TempDir();

        var (model, vocabulary, _, _) = trainer.Train(config, bodies, pairs, null, 2);
        model.Save(first.Path, vocabulary);
        var (again, vocabularyAgain, _, _) = trainer.Train(config, bodies, pairs, null, 2);
        again.Save(second.Path, vocabularyAgain);

        Assert.Equal(File.ReadAllBytes(Path.Combine(first.Path, "stance.bin")), File.ReadAllBytes(Path.Combine(second.Path, "stance.bin")));
        var loaded = StanceModel.Load(first.Path);
        foreach (var (claim, text) in model.ReadPairs(bodies, pairs.Take(20).ToList()))
        {
            Assert.Equal(model.Predict(claim, text).Probabilities, loaded.Predict(claim, text).Probabilities);
        }
    }

    [Fact]
    public void RareClassesWeighMoreAndTheWeightsAverageOneOverThePairs()
    {
        int[] y = [0, 0, 0, 0, 0, 0, 1, 1, 3, 3, 3, 3];

        var none = StanceTrainer.ClassWeights(y, 4, 0);
        var root = StanceTrainer.ClassWeights(y, 4, 0.5f);
        var full = StanceTrainer.ClassWeights(y, 4, 1);

        Assert.All(new[] { 0, 1, 3 }, c => Assert.Equal(1, none[c], 5));
        Assert.Equal(0, root[2]); // a class with no pairs weighs nothing
        Assert.True(root[1] > root[3] && root[3] > root[0]);
        Assert.Equal(3, full[1] / full[0], 4); // six pairs against two
        Assert.Equal(MathF.Sqrt(3), root[1] / root[0], 4);
        foreach (var w in new[] { none, root, full })
        {
            Assert.Equal(1, y.Average(c => w[c]), 5);
        }
    }

    [Fact]
    public void SentencesStartAfterFullStopsQuestionMarksAndLineBreaksButNotDecimalPoints()
    {
        var sentences = new List<int>();
        var words = StanceText.Tokenize("Police deny the report. It cost 12.25 million!\nWas it a hoax? Officials didn't say", sentences);

        Assert.Equal(["police", "deny", "report", "cost", "12", "25", "million", "hoax", "officials", "not", "say"], words);
        Assert.Equal([0, 3, 7, 8], sentences);
        Assert.True(Models.Stance.Read("Was it a hoax?").Question);
        Assert.False(Models.Stance.Read("It was a hoax.").Question);
    }

    [Fact]
    public void AnyTextGetsOneLabelAndProbabilitiesThatSumToOne()
    {
        foreach (var (claim, text) in new[] { (string.Empty, string.Empty), ("ISIS beheads journalist", "\u0000\uFFFD <b>"), ("Pakistan has no plans to hold talks with the TTP", new string('x', 100_000)) })
        {
            var p = Models.Stance.Predict(claim, text);
            Assert.Contains(p.Label, StanceModel.Labels);
            Assert.Equal(1, p.Probabilities.Sum(), 3);
            Assert.InRange(p.Related, 0, 1);
        }
    }

    [Fact]
    public void ATruncatedModelFileIsAClearError()
    {
        using var dir = new TempDir();
        var bytes = File.ReadAllBytes(Path.Combine(Repo.Root, "models", "stance", "stance.bin"));
        File.WriteAllBytes(Path.Combine(dir.Path, "stance.bin"), bytes[..(bytes.Length / 2)]);
        var error = Assert.Throws<InvalidDataException>(() => StanceModel.Load(dir.Path));
        Assert.Contains("stance.bin", error.Message, StringComparison.Ordinal);
        Assert.Contains("end early", error.Message, StringComparison.Ordinal);
        Assert.Contains("no stance model", Assert.ThrowsAny<Exception>(() => StanceModel.Load(Path.Combine(dir.Path, "none"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalStanceScoresLabelledPairsAndWritesOnePredictionPerRowInOrder()
    {
        using var dir = new TempDir();
        var bodies = Path.Combine(dir.Path, "bodies.csv");
        var stances = Path.Combine(dir.Path, "stances.csv");
        var output = Path.Combine(dir.Path, "predictions.csv");
        File.WriteAllText(bodies, "Body ID,articleBody\n1,\"Officials denied on Tuesday that the minister had resigned.\nThe report was false, they said.\"\n2,The football season opens next week.\n");
        File.WriteAllText(stances, "Headline,Body ID,Stance\nMinister resigns,1,disagree\nMinister resigns,2,unrelated\n\"Season, opening\",2,discuss\n");

        var (code, text, error) = CliRunner.Run("eval", "stance", "--bodies", bodies, "--stances", stances, "--predictions", output);

        Assert.True(code == 0, error);
        Assert.Contains("FNC score", text, StringComparison.Ordinal);
        Assert.Contains("F1m", text, StringComparison.Ordinal);
        var written = StanceData.ReadPairs(output);
        Assert.Equal(StanceData.ReadPairs(stances).Select(p => (p.Headline, p.BodyId)), written.Select(p => (p.Headline, p.BodyId)));
        Assert.All(written, p => Assert.Contains(p.Stance, StanceModel.Labels));
    }
}
