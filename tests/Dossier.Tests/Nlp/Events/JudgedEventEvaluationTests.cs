using Dossier.Annotations;
using Dossier.Evaluation.Events;
using Dossier.Tests.TestKit;
using Dossier.Text;

namespace Dossier.Tests.Nlp.Events;

public class JudgedEventEvaluationTests
{
    private const string Text = "Police arrested two men. Lee attacked Reed in a speech. Ortiz met Kim.";

    private static EventData Event(string trigger, string code, double confidence = 0.9, EventMode mode = EventMode.Asserted)
    {
        var start = Text.IndexOf(trigger, StringComparison.Ordinal);
        return new EventData(new TextSpan(0, Text.Length), code, code, null, null, null, null, new TextSpan(start, start + trigger.Length), mode, confidence);
    }

    /// <summary>Shown events are scored by the judgment of their text, trigger start and root; what no one judged is counted apart, and judged events no longer shown say what a change removed.</summary>
    [Fact]
    public void ShownEvents_AreScoredByTheirJudgments_NewOnesCountedApart_AndGoneOnesReported()
    {
        using var dir = new TempDir();
        var arrested = Text.IndexOf("arrested", StringComparison.Ordinal);
        var attacked = Text.IndexOf("attacked", StringComparison.Ordinal);
        var met = Text.IndexOf("met", StringComparison.Ordinal);
        File.WriteAllLines(dir.File("judged.jsonl"),
        [
            $$"""{"text": "a.txt", "start": {{arrested}}, "trigger": "arrested", "code": "173", "right": true}""",
            $$"""{"text": "a.txt", "start": {{attacked}}, "trigger": "attacked", "code": "190", "right": false, "why": "words, not force"}""",
            string.Empty,
            $$"""{"text": "a.txt", "start": {{met}}, "trigger": "met", "code": "040", "right": true}""",
            $$"""{"text": "b.txt", "start": {{arrested}}, "trigger": "arrested", "code": "173", "actor": "Police", "target": null, "right": true}""",
        ]);
        var judged = JudgedEventEvaluation.Read(dir.File("judged.jsonl"));
        Assert.Equal(4, judged.Count);
        Assert.Equal("words, not force", judged[1].Why);
        Assert.Equal((true, "Police", null), (judged[3].Roles, judged[3].Actor, judged[3].Target));

        Document Analyse(string path)
        {
            var d = new Document(Text);
            if (path == "b.txt")
            {
                // Judged with 'Police' as actor and no target: the same trigger and root with another target is a new reading.
                var arrest = Event("arrested", "173") with { Actor = new TextSpan(0, 6), Target = new TextSpan(Text.IndexOf("two men", StringComparison.Ordinal), Text.IndexOf("two men", StringComparison.Ordinal) + 7) };
                d.Set(Layers.Events, [arrest]);
                return d;
            }

            Assert.Equal("a.txt", path);
            d.Set(Layers.Events, [
                Event("arrested", "1731"), // same root as judged: right
                Event("attacked", "111"), // recoded: a root no one judged
                Event("Ortiz", "010"), // a plain statement: not shown as an event
                Event("two", "190", confidence: 0.3), // below the brief's threshold: not shown
            ]);
            return d;
        }

        var s = JudgedEventEvaluation.Run(judged, Analyse, 0.7);
        Assert.Equal((2, 3, 1, 0, 2), (s.Texts, s.Shown, s.JudgedRight, s.JudgedWrong, s.Unjudged));
        // No longer shown: 'met' (right), the 190 reading of 'attacked' (wrong) and b.txt's arrest with no target (right; it now has one).
        Assert.Equal((2, 1), (s.GoneRight, s.GoneWrong));
        Assert.Equal(1.0, s.Precision);
        Assert.Equal(1.0 / 3, s.Coverage, 6);
        Assert.Contains("a.txt:" + attacked + " 111 'attacked'", JudgedEventEvaluation.Format(s, 5), StringComparison.Ordinal);
    }

    [Fact]
    public void ALineThatIsNoJudgedEvent_IsNamedWithItsFileAndLine()
    {
        using var dir = new TempDir();
        File.WriteAllLines(dir.File("bad.jsonl"), ["""{"text": "a.txt", "start": 3}"""]);
        var e = Assert.Throws<DossierException>(() => JudgedEventEvaluation.Read(dir.File("bad.jsonl")));
        Assert.Equal(DossierErrorCode.MalformedInput, e.Code);
        Assert.Contains("bad.jsonl:1", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Judged texts are read from a folder by file name, or from an FNC-1 bodies file by Body ID (quoted, multi-line bodies) with the same text a file of that body would give; anything else is named in a clear error.</summary>
    [Fact]
    public void JudgedTexts_ComeFromAFolderOrAnFncBodiesFile()
    {
        using var dir = new TempDir();
        const string Body = "Jordan launched airstrikes on Monday.\n\nOfficials said \"the targets\" were hit.";
        File.WriteAllText(dir.File("bodies.csv"), "Body ID,articleBody\n7,\"" + Body.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"\n12,Police arrested two men.\n");
        File.WriteAllText(dir.File("7.txt"), Body);

        var fromCsv = JudgedTexts.Open(dir.File("bodies.csv")).Load("7");
        var fromFolder = JudgedTexts.Open(dir.Path).Load("7.txt");
        Assert.Equal(fromFolder.Text, fromCsv.Text);
        Assert.Equal("Police arrested two men.", JudgedTexts.Open(dir.File("bodies.csv")).Load("12").Text.Trim());

        var missing = Assert.Throws<DossierException>(() => JudgedTexts.Open(dir.File("bodies.csv")).Load("8"));
        Assert.Contains("8", missing.Message, StringComparison.Ordinal);
        File.WriteAllText(dir.File("notes.jsonl"), "{}");
        Assert.Throws<DossierException>(() => JudgedTexts.Open(dir.File("notes.jsonl")));
        File.WriteAllText(dir.File("notes.md"), "# notes");
        Assert.Throws<DossierException>(() => JudgedTexts.Open(dir.File("notes.md")));
    }

    /// <summary>A file of annotated sentences gives each document as one article: its sentences in order, a headline or date line (no closing full stop) a paragraph of its own.</summary>
    [Fact]
    public void JudgedTexts_ComeFromAnnotatedSentences_JoinedIntoArticles()
    {
        using var dir = new TempDir();
        File.WriteAllLines(dir.File("news.jsonl"),
        [
            """{"doc": "a", "sent": 2, "text": "Friday, July 21, 2017", "events": []}""",
            """{"doc": "a", "sent": 1, "text": "Team honored at robotics contest", "events": []}""",
            """{"doc": "a", "sent": 3, "text": "The team won a medal.", "events": []}""",
            """{"doc": "a", "sent": 4, "text": "\"We are proud,\" she said.", "events": []}""",
            """{"doc": "b", "sent": 1, "text": "Another story.", "events": []}""",
        ]);
        var texts = JudgedTexts.Open(dir.File("news.jsonl"));
        var a = texts.Load("a");
        Assert.StartsWith("Team honored at robotics contest\n\n", a.Text, StringComparison.Ordinal); // the date line is read as the publication date, as analyze reads it
        Assert.EndsWith("\n\nThe team won a medal. \"We are proud,\" she said.", a.Text.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal("Another story.", texts.Load("b").Text.Trim());
        Assert.Throws<DossierException>(() => texts.Load("c"));
    }

    /// <summary>What a reader still has to judge: asserted events at or above the threshold that no judgment covers, on the judged texts and on a new pool's, written as lines with "right": null.</summary>
    [Fact]
    public void UnjudgedEvents_AreListedAsLinesToComplete()
    {
        var attacked = Text.IndexOf("attacked", StringComparison.Ordinal);
        var judged = new List<JudgedEvent> { new("a.txt", Text.IndexOf("arrested", StringComparison.Ordinal), "arrested", "173", true, null) };

        Document Analyse(string name)
        {
            var d = new Document(Text);
            d.Set(Layers.Events, name == "a.txt"
                ? [Event("arrested", "1731"), Event("attacked", "111"), Event("Ortiz", "010"), Event("met", "040", confidence: 0.3)]
                : [Event("met", "040", mode: EventMode.Negated), Event("attacked", "111", confidence: 0.2)]);
            return d;
        }

        var shown = JudgedEventEvaluation.Unjudged(judged, ["b.txt"], Analyse, 0.5);
        var all = JudgedEventEvaluation.Unjudged(judged, ["b.txt"], Analyse, 0);
        Assert.Equal([("a.txt", attacked)], shown.Select(e => (e.Text, e.Start)));
        Assert.Equal(["a.txt:attacked", "a.txt:met", "b.txt:attacked"], all.Select(e => e.Text + ":" + e.Trigger));

        var line = JudgedEventEvaluation.TemplateLine(shown[0], "a sample");
        Assert.Contains("\"right\":null", line, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"111\"", line, StringComparison.Ordinal);
        using var dir = new TempDir();
        File.WriteAllLines(dir.File("pool.jsonl"), [line.Replace("\"right\":null", "\"right\":false", StringComparison.Ordinal)]);
        Assert.Equal((attacked, "111", false), JudgedEventEvaluation.Read(dir.File("pool.jsonl")).Select(j => (j.Start, j.Code, j.Right)).Single());
    }
}
