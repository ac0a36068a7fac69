using Dossier.Annotations;
using Dossier.Evaluation.Claims;
using Dossier.Tests.TestKit;
using Dossier.Text;

namespace Dossier.Tests.Nlp.Claims;

public class JudgedClaimEvaluationTests
{
    private const string Text = "Lee said the dam had failed. He said he did not know why. Reed denied any role.";

    private static TextSpan Span(string words)
    {
        var start = Text.IndexOf(words, StringComparison.Ordinal);
        return new TextSpan(start, start + words.Length);
    }

    private static Document Analyse(params ClaimData[] claims)
    {
        var d = new Document(Text);
        d.Set(Layers.Sentences, [new SentenceData(new TextSpan(0, 28), 0, 0, 0), new SentenceData(new TextSpan(29, 57), 0, 0, 0), new SentenceData(new TextSpan(58, Text.Length), 0, 0, 0)]);
        d.Set(Layers.Claims, [.. claims]);
        return d;
    }

    /// <summary>A shown claim is covered by the judgment of its text, content span, stance and holder (the name a pronoun resolves to); another holder or stance is a new reading, and a judged reading no longer shown is reported.</summary>
    [Fact]
    public void ShownClaims_AreScoredByJudgmentsOfTheSameReading()
    {
        using var dir = new TempDir();
        var failed = Span("the dam had failed");
        var why = Span("he did not know why");
        File.WriteAllLines(dir.File("judged.jsonl"),
        [
            $$"""{"text": "a.txt", "start": {{failed.Start}}, "end": {{failed.End}}, "holder": "Lee", "stance": "assert", "content": "the dam had failed", "right": true}""",
            $$"""{"text": "a.txt", "start": {{why.Start}}, "end": {{why.End}}, "holder": "Lee", "stance": "deny", "content": "he did not know why", "right": false, "why": "not knowing is no denial"}""",
            $$"""{"text": "a.txt", "start": {{Span("any role").Start}}, "end": {{Span("any role").End}}, "holder": "Reed", "stance": "deny", "content": "any role", "right": true}""",
        ]);
        var judged = JudgedClaimEvaluation.Read(dir.File("judged.jsonl"));
        Assert.Equal("not knowing is no denial", judged[1].Why);

        var document = Analyse(
            new ClaimData(failed, Span("Lee"), "assert", null, Confidence: 0.77),
            new ClaimData(why, Span("He"), "assert", null, HolderName: Span("Lee"), Confidence: 0.79), // the stance changed: a new reading
            new ClaimData(Span("any role"), Span("Reed"), "deny", null, Confidence: 0.3)); // below what the brief shows
        var s = JudgedClaimEvaluation.Run(judged, _ => document, 0.7);
        Assert.Equal((1, 2, 1, 0, 1), (s.Texts, s.Shown, s.JudgedRight, s.JudgedWrong, s.Unjudged));
        Assert.Equal((1, 1), (s.GoneRight, s.GoneWrong));
        Assert.Contains("Lee (assert) 'he did not know why'", JudgedClaimEvaluation.Format(s, 5), StringComparison.Ordinal);

        var open = JudgedClaimEvaluation.Unjudged(judged, ["b.txt"], name => name == "a.txt" ? document : Analyse(new ClaimData(failed, null, "assert", null, Confidence: 0.9)), 0.7);
        Assert.Equal([("a.txt", "Lee", "He"), ("b.txt", null, null)], open.Select(c => (c.Text, c.Holder, c.HolderAs)));
        Assert.Equal("He said he did not know why.", open[0].Sentence);
        var line = JudgedClaimEvaluation.TemplateLine(open[0], "a sample");
        Assert.Contains("\"right\":null", line, StringComparison.Ordinal);
        File.WriteAllLines(dir.File("pool.jsonl"), [line.Replace("\"right\":null", "\"right\":true", StringComparison.Ordinal)]);
        Assert.Equal(("Lee", "assert", true), JudgedClaimEvaluation.Read(dir.File("pool.jsonl")).Select(j => (j.Holder, j.Stance, j.Right)).Single());
    }

    [Fact]
    public void ALineThatIsNoJudgedClaim_IsNamedWithItsFileAndLine()
    {
        using var dir = new TempDir();
        File.WriteAllLines(dir.File("bad.jsonl"), [string.Empty, """{"text": "a.txt", "start": 3, "end": 9}"""]);
        var e = Assert.Throws<DossierException>(() => JudgedClaimEvaluation.Read(dir.File("bad.jsonl")));
        Assert.Equal(DossierErrorCode.MalformedInput, e.Code);
        Assert.Contains("bad.jsonl:2", e.Message, StringComparison.Ordinal);
        Assert.Equal(DossierErrorCode.NotFound, Assert.Throws<DossierException>(() => JudgedClaimEvaluation.Read(dir.File("missing.jsonl"))).Code);
    }
}
