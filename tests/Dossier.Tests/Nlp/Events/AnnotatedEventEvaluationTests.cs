using Dossier.Annotations;
using Dossier.Evaluation.Events;
using Dossier.Tests.TestKit;
using Dossier.Text;

namespace Dossier.Tests.Nlp.Events;

public class AnnotatedEventEvaluationTests
{
    private const string Line1 = """{"doc": "d", "sent": 1, "text": "Police arrested two men and he did not attack the embassy.", "events": [{"trigger": "arrested", "code": "173", "actor": "Police", "target": "two men", "polarity": "asserted"}, {"trigger": "attack", "code": "190", "actor": "he", "actor_is": "John Smith", "target": "the embassy", "polarity": "negated"}]}""";
    private const string Line2 = """{"doc": "d", "sent": 2, "text": "It rained.", "events": []}""";

    private static CodedEvent Coded(string text, string code, string trigger, string? actor, string? target, EventMode mode = EventMode.Asserted, double confidence = 0.9)
    {
        TextSpan? Find(string? phrase) => phrase is null ? null : new TextSpan(text.IndexOf(phrase, StringComparison.Ordinal), text.IndexOf(phrase, StringComparison.Ordinal) + phrase.Length);
        return new CodedEvent(0, code, mode, confidence, Find(trigger)!.Value, Find(actor), Find(target), trigger, actor, target);
    }

    [Fact]
    public void Reads_EverySentence_WithItsEventsRolesAndPolarity()
    {
        using var dir = new TempDir();
        File.WriteAllLines(dir.File("a.jsonl"), [Line1, string.Empty, Line2]);
        var sentences = AnnotatedEventEvaluation.Read(dir.File("a.jsonl"));
        Assert.Equal(2, sentences.Count);
        Assert.Empty(sentences[1].Events);
        var attack = sentences[0].Events[1];
        Assert.Equal(("190", "he", "John Smith", EventMode.Negated), (attack.Code, attack.Actor, attack.ActorIs, attack.Mode));
    }

    [Fact]
    public void Scores_CountEventsWhereNoneIs_WrongRolesAndWrongModes_AndLeavePlainStatementsOut()
    {
        using var dir = new TempDir();
        File.WriteAllLines(dir.File("a.jsonl"), [Line1, Line2]);
        var sentences = AnnotatedEventEvaluation.Read(dir.File("a.jsonl"));
        var text = sentences[0].Text;
        var results = new List<(AnnotatedSentence, IReadOnlyList<CodedEvent>)>
        {
            (sentences[0], [
                Coded(text, "1731", "arrested", "Police", "two men"), // same root: right at every level
                Coded(text, "193", "attack", "he", "embassy"), // roles overlap the annotation, but asserted where it was denied
                Coded(text, "010", "did", "he", null), // a plain statement: not scored
            ]),
            (sentences[1], [Coded(sentences[1].Text, "190", "rained", null, "It", confidence: 0.5)]), // an event where there is none
        };

        var s = AnnotatedEventEvaluation.Score(results, 0.6);
        Assert.Equal(1, s.Statements);
        Assert.Equal(new MatchCounts(3, 2, 2), s.Root);
        Assert.Equal(new MatchCounts(3, 2, 2), s.Roles);
        Assert.Equal(new MatchCounts(3, 2, 1), s.Moded);
        Assert.Equal(new MatchCounts(2, 1, 1), s.Shown); // asserted and ≥ 0.6: the arrest and the (wrongly asserted) attack; one asserted annotation
        Assert.Equal((0.5, 3, 1), s.Curve.Single(c => Math.Abs(c.Threshold - 0.5) < 1e-9));
        Assert.Contains("trigger + root", AnnotatedEventEvaluation.Format(s, 0.6, results, 5), StringComparison.Ordinal);
    }

    [Fact]
    public void ARoleMustOverlapTheAnnotatedPhrase_OrNameItsReferent_AndNoRoleMeansNone()
    {
        using var dir = new TempDir();
        File.WriteAllLines(dir.File("a.jsonl"), [Line1]);
        var sentence = AnnotatedEventEvaluation.Read(dir.File("a.jsonl"))[0];
        var text = sentence.Text;
        var wrongActor = Coded(text, "190", "attack", "Police", "embassy", EventMode.Negated);
        var noTarget = Coded(text, "190", "attack", "he", null, EventMode.Negated);
        var referent = new CodedEvent(0, "190", EventMode.Negated, 0.9, new TextSpan(text.IndexOf("attack", StringComparison.Ordinal), text.IndexOf("attack", StringComparison.Ordinal) + 6), null, Coded(text, "190", "attack", null, "the embassy").Target, "attack", "John Smith", "the embassy");
        foreach (var (coded, right) in new[] { (wrongActor, 0), (noTarget, 0), (referent, 1) })
        {
            var s = AnnotatedEventEvaluation.Score([(sentence, [coded])], 0.6);
            Assert.Equal(1, s.Root.Matched);
            Assert.Equal(right, s.Roles.Matched);
        }
    }
}
