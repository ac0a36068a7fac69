using Dossier.Annotations;
using Dossier.Evaluation.Claims;
using Dossier.Evaluation.Quotes;
using Dossier.Nlp.Claims;
using Dossier.Nlp.Learning;
using Dossier.Nlp.Quotes;
using Dossier.Tests.TestKit;
using Dossier.Text;
using Dossier.Training.Claims;

namespace Dossier.Tests.Nlp.Claims;

public class ClaimConfidenceTests
{
    private static (ClaimData Claim, ClaimEvidence? Evidence) Only(string text, string content)
    {
        var document = Models.Pipeline.Process(new Document(text));
        return Assert.Single(new ClaimComponent().Read(document), c => document.GetText(c.Claim.Span).StartsWith(content, StringComparison.Ordinal));
    }

    /// <summary>The evidence names how the speaker was found, how the words are given, where the holder's name sits and how far back it was found.</summary>
    [Fact]
    public void Evidence_OfANamedSpeaker_AndOfAPronoun()
    {
        var named = Only("John Smith, the mayor of Springfield, said on Monday that the bridge would reopen next week.", "the bridge").Evidence!.Value;
        Assert.Equal(("named", "indirect", "assert", "head", "here"), (named.How, named.Kind, named.Stance, named.HolderPlace, named.Antecedent));
        Assert.Contains("opening=DET", named.Features());

        var pronoun = Only("John Smith arrived in Springfield on Monday. He said the bridge would reopen next week.", "the bridge").Evidence!.Value;
        Assert.Equal(("pronoun", "away", "previous"), (pronoun.How, pronoun.HolderPlace, pronoun.Antecedent));
    }

    /// <summary>A headline restates what the story's sentences say: its claim ranks with the least sure way, below the brief; the story's own sentence is scored.</summary>
    [Fact]
    public void AClaimReadFromTheHeadline_StaysBelowTheBrief()
    {
        const string Headline = "John Smith says bridge will reopen next week";
        var text = Headline + "\n\nThe transport minister, John Smith, said on Monday that the bridge would reopen next week.";
        var document = Models.Pipeline.Process(new Document(text, titleSpan: new TextSpan(0, Headline.Length)));
        var claims = new ClaimComponent().Read(document);
        var title = Assert.Single(claims, c => c.Claim.Span.End <= Headline.Length);
        Assert.Null(title.Evidence);
        Assert.True(title.Claim.Confidence < ClaimComponent.ShownConfidence);
        Assert.Single(claims, c => c.Claim.Span.Start > Headline.Length && c.Evidence is not null);

        // The same words outside a headline are scored as any claim.
        var plain = Models.Pipeline.Process(new Document(text));
        Assert.All(new ClaimComponent().Read(plain), c => Assert.NotNull(c.Evidence));
    }

    /// <summary>The features name each part of the evidence, the length by bucket, and the hedge only when there is one.</summary>
    [Fact]
    public void Features_NameTheEvidence_AndTheHedgeOnlyWhenItHolds()
    {
        var evidence = new ClaimEvidence("named", "indirect", "deny", null, Hedged: false, Words: 5, HolderPlace: "in:nmod", Antecedent: "here", Opening: "to+verb");
        Assert.Equal(["bias", "how=named", "kind=indirect", "stance=deny", "modality=none", "length=4-8", "holder-place=in:nmod", "antecedent=here", "opening=to+verb"], evidence.Features());
        Assert.Contains("hedged", (evidence with { Hedged = true }).Features());
        Assert.Contains("length=1-3", (evidence with { Words = 2 }).Features());
        Assert.Contains("length=41+", (evidence with { Words = 60 }).Features());
    }

    /// <summary>A claim the annotation bears out has a gold content it covers and lies in, and the gold source as its holder.</summary>
    [Fact]
    public void AttributedVerdict_NeedsTheContentAndTheHolder()
    {
        const string text = "Lee said the dam had failed because of the rain last night.";
        TextSpan Of(string words) => new(text.IndexOf(words, StringComparison.Ordinal), text.IndexOf(words, StringComparison.Ordinal) + words.Length);
        GoldAttribution[] gold = [new([Of("Lee")], [Of("said")], [Of("the dam had failed because of the rain last night")])];
        Assert.True(AttributedClaimEvaluation.Verdict(gold, new ClaimData(Of("the dam had failed because of the rain"), Of("Lee"), "assert", null)));
        Assert.False(AttributedClaimEvaluation.Verdict(gold, new ClaimData(Of("the dam had failed because of the rain"), Of("said"), "assert", null))); // another holder
        Assert.False(AttributedClaimEvaluation.Verdict(gold, new ClaimData(Of("the dam"), Of("Lee"), "assert", null))); // too little of the content
        GoldAttribution[] shorter = [new([Of("Lee")], [Of("said")], [Of("the dam had failed")])];
        Assert.False(AttributedClaimEvaluation.Verdict(shorter, new ClaimData(Of("the dam had failed because of the rain last night"), Of("Lee"), "assert", null))); // mostly outside the gold content
    }

    /// <summary>The model scores a claim whose speaker was found a surer way; one found a less sure way keeps its way's rate, capped below what the brief shows, since no such claim was ever judged.</summary>
    [Theory]
    [InlineData(0.7)]
    [InlineData(0.5)] // below the unnamed way's rate: the claim is capped at 0.49
    public void Model_ScoresOnlyClaimsOfTheSurerWays(double shownFrom)
    {
        var sure = new ClaimComponent(confidence: new ConfidenceModel(new Dictionary<string, double> { ["bias"] = 5 }, shownThreshold: shownFrom));
        var document = Models.Pipeline.Process(new Document("John Smith said the bridge would reopen next week. Officials said the tunnel would close."));
        var claims = sure.Read(document);
        var named = Assert.Single(claims, c => document.GetText(c.Claim.Span).StartsWith("the bridge", StringComparison.Ordinal));
        Assert.Equal(0.99, named.Claim.Confidence);
        var unnamed = Assert.Single(claims, c => document.GetText(c.Claim.Span).StartsWith("the tunnel", StringComparison.Ordinal));
        Assert.Null(unnamed.Evidence);
        Assert.Equal(Math.Min(AttributionConfidence.Of("unnamed"), shownFrom - 0.01), unnamed.Claim.Confidence, 6);
        Assert.True(unnamed.Claim.Confidence < shownFrom);
    }

    /// <summary>The shipped weights are what 'dossier train claims' writes from the judged claims in the repository: retrained, byte for byte (so a change to what the claims' evidence holds that was not followed by training fails here), with every judged pool left out once, and the threshold is never below the configuration's 0.70.</summary>
    [Fact]
    public void ShippedWeights_AreReproducedByTraining()
    {
        using var dir = new TempDir();
        var training = new ClaimConfidenceTrainer().TrainFromConfig(Path.Combine(Repo.Root, "configs", "claims.json"), dir.File("weights.tsv"));
        Assert.Equal(File.ReadAllText(Path.Combine(Repo.Root, "src", "Dossier.Nlp", "Claims", "claim-confidence.tsv")), File.ReadAllText(dir.File("weights.tsv")));
        Assert.Equal(15, training.Pools.Count); // six judged pools, nine tenths of PolNeAR train
        Assert.All(training.Pools, p => Assert.InRange(p.Shown, 1, p.Judged));
        Assert.Equal(ClaimComponent.ShownConfidence, training.ShownThreshold);
        Assert.True(training.ShownThreshold >= 0.7);
    }
}
