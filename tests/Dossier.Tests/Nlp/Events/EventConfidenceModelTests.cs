using Dossier.Nlp.Events;
using Dossier.Tests.TestKit;
using Dossier.Training.Events;

namespace Dossier.Tests.Nlp.Events;

public class EventConfidenceModelTests
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
        var model = new EventConfidenceModel(new Dictionary<string, double> { ["bias"] = -1, ["root=17"] = 2, ["quoted"] = -0.5, ["root=19"] = 9 });
        Assert.Equal(1 / (1 + Math.Exp(-0.5)), model.Probability(Evidence), 12);
        Assert.Equal(0.5, new EventConfidenceModel(new Dictionary<string, double>()).Probability(Evidence), 12);
    }

    [Fact]
    public void Weights_RoundTrip_InFeatureOrder_AndBadLinesAreRejected()
    {
        var model = new EventConfidenceModel(new Dictionary<string, double> { ["root=17"] = 0.25, ["bias"] = -1.5 });
        var writer = new StringWriter();
        model.Write(writer, ["trained on nothing"]);
        Assert.Equal("# trained on nothing\nbias\t-1.500000\nroot=17\t0.250000\n", writer.ToString());
        var again = EventConfidenceModel.Read(new StringReader(writer.ToString()));
        Assert.Equal(model.Weights.OrderBy(w => w.Key), again.Weights.OrderBy(w => w.Key));
        Assert.Throws<InvalidDataException>(() => EventConfidenceModel.Read(new StringReader("bias\tx\n")));
        Assert.Throws<InvalidDataException>(() => EventConfidenceModel.Read(new StringReader("bias\t1\nbias\t2\n")));
    }

    /// <summary>The shipped weights are what 'dossier train events' writes from the judged events in the repository: retrained, byte for byte (so a change to the coder's evidence that was not followed by training fails here), with every judged pool left out once.</summary>
    [Fact]
    public void ShippedWeights_AreReproducedByTraining()
    {
        using var dir = new TempDir();
        var heldOut = new EventConfidenceTrainer().TrainFromConfig(Path.Combine(Repo.Root, "configs", "events.json"), dir.File("weights.tsv"));
        Assert.Equal(File.ReadAllText(Path.Combine(Repo.Root, "src", "Dossier.Nlp", "Events", "event-confidence.tsv")), File.ReadAllText(dir.File("weights.tsv")));
        Assert.Equal(6, heldOut.Count); // one per pool of configs/events.json, judged or annotated
        Assert.All(heldOut, p => Assert.InRange(p.Shown, 1, p.Judged));
    }
}
