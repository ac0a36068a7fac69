using Dossier.Nlp.Events;
using Dossier.Nlp.Learning;
using Dossier.Tests.TestKit;
using Dossier.Training.Events;
using Dossier.Training.Learning;

namespace Dossier.Tests.Nlp.Events;

public class EventConfidenceTests
{
    private static readonly EventEvidence Evidence = new("17", "VBD", "root", "arrest", "Agent", "Named", ActorIsPerson: false, TargetIsPlace: false,
        Nominal: false, Passive: false, Inherited: false, Quoted: true, ByPattern: true, Definite: false, Doubtful: false, Campaign: false);

    [Fact]
    public void Features_NameTheRootRolesAndReading_AndOnlyTheMarksThatHold()
    {
        var features = Evidence.Features().ToList();
        Assert.Equal(["bias", "root=17", "actor=Agent", "target=Named", "roles=Agent+Named", "tag=VBD", "relation=root", "lemma=arrest", "party-root=17", "quoted", "pattern"], features);
        Assert.Contains("person-root=17", (Evidence with { ActorIsPerson = true }).Features());
        Assert.Contains("doubtful-sense", (Evidence with { Doubtful = true }).Features());
    }

    [Fact]
    public void Probability_IsTheLogisticOfThePresentFeaturesWeights()
    {
        var model = new ConfidenceModel(new Dictionary<string, double> { ["bias"] = -1, ["root=17"] = 2, ["quoted"] = -0.5, ["root=19"] = 9 });
        Assert.Equal(1 / (1 + Math.Exp(-0.5)), model.Probability(Evidence.Features()), 12);
        Assert.Equal(0.5, new ConfidenceModel(new Dictionary<string, double>()).Probability(Evidence.Features()), 12);
    }

    [Fact]
    public void Weights_RoundTrip_InFeatureOrder_AndBadLinesAreRejected()
    {
        var model = new ConfidenceModel(new Dictionary<string, double> { ["root=17"] = 0.25, ["bias"] = -1.5 });
        var writer = new StringWriter();
        model.Write(writer, ["trained on nothing"]);
        Assert.Equal("# trained on nothing\n@shown\t0.50\nbias\t-1.500000\nroot=17\t0.250000\n", writer.ToString());
        var again = ConfidenceModel.Read(new StringReader(writer.ToString()));
        Assert.Equal(model.Weights.OrderBy(w => w.Key), again.Weights.OrderBy(w => w.Key));
        Assert.Equal(0.5, again.ShownThreshold);
        Assert.Equal(0.65, ConfidenceModel.Read(new StringReader("@shown\t0.65\nbias\t1\n")).ShownThreshold);
        Assert.DoesNotContain(ConfidenceModel.ShownThresholdKey, ConfidenceModel.Read(new StringReader("@shown\t0.65\nbias\t1\n")).Weights.Keys);
        Assert.Throws<InvalidDataException>(() => ConfidenceModel.Read(new StringReader("bias\tx\n")));
        Assert.Throws<InvalidDataException>(() => ConfidenceModel.Read(new StringReader("bias\t1\nbias\t2\n")));
        Assert.Throws<InvalidDataException>(() => ConfidenceModel.Read(new StringReader("@shown\t0.6\n@shown\t0.7\n")));
        Assert.Throws<InvalidDataException>(() => ConfidenceModel.Read(new StringReader("@shown\t1.5\n")));
    }

    /// <summary>The shipped weights are what 'dossier train events' writes from the judged events in the repository: retrained, byte for byte (so a change to the coder's evidence that was not followed by training fails here), with every judged pool left out once.</summary>
    [Fact]
    public void ShippedWeights_AreReproducedByTraining()
    {
        using var dir = new TempDir();
        var training = new EventConfidenceTrainer().TrainFromConfig(Path.Combine(Repo.Root, "configs", "events.json"), dir.File("weights.tsv"));
        Assert.Equal(File.ReadAllText(Path.Combine(Repo.Root, "src", "Dossier.Nlp", "Events", "event-confidence.tsv")), File.ReadAllText(dir.File("weights.tsv")));
        Assert.Equal(6, training.Pools.Count); // one per pool of configs/events.json, judged or annotated
        Assert.All(training.Pools, p => Assert.InRange(p.Shown, 1, p.Judged));
        Assert.Equal(EventComponent.ShownConfidence, training.ShownThreshold);
        Assert.Equal(training.Pools.Sum(p => p.Shown), training.Curve.Single(c => c.Threshold == training.ShownThreshold).Shown);
    }

    /// <summary>The shown threshold is the lowest tried whose left-out events are right at the target share; when none is, the most precise one.</summary>
    [Fact]
    public void ChooseThreshold_TakesTheLowestThatMeetsTheTarget_ElseTheMostPrecise()
    {
        ThresholdPoint[] curve = [new(0.6, 80, 60), new(0.5, 100, 70), new(0.7, 50, 42), new(0.8, 20, 17), new(0.9, 0, 0)];
        Assert.Equal(0.7, ConfidenceTrainer.ChooseThreshold(curve, 0.8));
        Assert.Equal(0.5, ConfidenceTrainer.ChooseThreshold(curve, 0.7));
        Assert.Equal(0.8, ConfidenceTrainer.ChooseThreshold(curve, 0.9)); // 0.85 at 0.8 is the best there is
        Assert.Equal(0.5, ConfidenceTrainer.Thresholds(0.5)[0]);
        Assert.Equal(0.95, ConfidenceTrainer.Thresholds(0.5)[^1]);
        Assert.Equal([0.7, 0.75, 0.8, 0.85, 0.9, 0.95], ConfidenceTrainer.Thresholds(0.7));
    }

    /// <summary>An item of a judged pool counts judgedWeight times in fitting: against one annotated item that says the opposite, ten judged ones win.</summary>
    [Fact]
    public void JudgedItems_CountTheirWeight()
    {
        using var dir = new TempDir();
        ConfidenceExample[] examples = [new(0, ["bias", "x"], true), new(1, ["bias", "x"], false)];
        double Trained(double weight)
        {
            var config = new ConfidenceTrainingConfig { Judged = [new JudgedPool("judged.jsonl", "texts")], JudgedWeight = weight, Iterations = 500 };
            ConfidenceTrainer.Train(examples, ["judged", "annotated"], config, dir.File("w.tsv"), "test", ["a test model"], "items", _ => { });
            using var reader = new StreamReader(dir.File("w.tsv"));
            return ConfidenceModel.Read(reader).Probability(["bias", "x"]);
        }

        Assert.Equal(0.5, Trained(1), 6);
        Assert.True(Trained(10) > 0.8);
    }
}
