using Dossier.Evaluation.Coref;
using Dossier.Tests.TestKit;
using Dossier.Text;

namespace Dossier.Tests.Analysis;

/// <summary>The coreference measures on a worked example, the GUM reader, and the floors on GUM news.</summary>
public class CorefEvaluationTests
{
    private static TextSpan S(int i) => new(i, i + 1);

    [Fact]
    public void Score_WorkedExample_MatchesTheDefinitions()
    {
        // Key {a,b,c} {d,e}; response {a,b} {c,d,e}. By hand: MUC 2/3 and 2/3; B³ 11/15 both ways;
        // CEAF-e aligns {a,b,c}–{a,b} (φ4 = 0.8) and {d,e}–{c,d,e} (0.8): 1.6 / 2 both ways.
        IReadOnlyList<IReadOnlyList<TextSpan>> key = [[S(0), S(1), S(2)], [S(3), S(4)]];
        IReadOnlyList<IReadOnlyList<TextSpan>> response = [[S(0), S(1)], [S(2), S(3), S(4)]];
        var scores = CorefEvaluation.Score([(key, response)]).ToDictionary(s => s.Measure);
        Assert.Equal(2.0 / 3, scores["MUC"].Recall, 6);
        Assert.Equal(2.0 / 3, scores["MUC"].Precision, 6);
        Assert.Equal(11.0 / 15, scores["B3"].Recall, 6);
        Assert.Equal(11.0 / 15, scores["B3"].Precision, 6);
        Assert.Equal(0.8, scores["CEAF-e"].Recall, 6);
        Assert.Equal(0.8, scores["CEAF-e"].Precision, 6);
    }

    [Fact]
    public void Score_PerfectAndEmptyResponses()
    {
        IReadOnlyList<IReadOnlyList<TextSpan>> key = [[S(0), S(1)], [S(2), S(3), S(4)]];
        Assert.All(CorefEvaluation.Score([(key, key)]), s => Assert.Equal(1.0, s.F1, 6));
        Assert.All(CorefEvaluation.Score([(key, [])]), s => Assert.Equal(0.0, s.Recall, 6));
    }

    [Fact]
    public void ReadGumConllu_RebuildsTheTextAndTheMentions()
    {
        using var dir = new TempDir();
        var path = dir.File("GUM_news_x.conllu");
        File.WriteAllLines(path,
        [
            "# newdoc id = GUM_news_x",
            "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(1-place-new-sssss-cf1-2-coref-United_States",
            "2\tUS\tUS\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=1)",
            "3\tagreed\tagree\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No",
            "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_",
            "",
            "1\tIt\tit\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(1-place-giv-sssss-cf1-1-coref)",
            "2\twaited\twait\tVERB\tVBD\t_\t0\troot\t_\t_",
        ]);

        var doc = CorefEvaluation.ReadGumConllu(path);
        Assert.Equal("The US agreed. It waited ", doc.Text);
        Assert.Equal(["The US", "It"], doc.Mentions.OrderBy(m => m.Span.Start).Select(m => doc.Text[m.Span.Start..m.Span.End]));
        Assert.All(doc.Mentions, m => Assert.Equal(1, m.Chain));
        Assert.Equal("United_States", doc.Mentions.Single(m => m.Span.Start == 0).Identity);
    }

    /// <summary>Entity resolution must not drop below the floors pinned in eval/baseline.json on GUM's news documents.</summary>
    [Fact]
    public void GumNews_MeetsTheFloors()
    {
        var coref = Floors.Section("coref");
        var files = Directory.GetFiles(Floors.DataPath(coref), "GUM_news_*.conllu").Order(StringComparer.Ordinal);
        var result = CorefRun.Evaluate(files.Select(CorefEvaluation.ReadGumConllu), Models.Pipeline, Models.Kb);
        var measured = new Dictionary<string, double>
        {
            ["conll_f1"] = 100 * result.EndToEnd.Single(s => s.Measure == "CoNLL avg").F1,
            ["conll_f1_shared_mentions"] = 100 * result.Shared.Single(s => s.Measure == "CoNLL avg").F1,
            ["linking_accuracy"] = 100.0 * result.LinkCorrect / result.LinkCovered,
            ["linking_precision"] = 100.0 * result.LinkCorrect / result.LinkMade,
        };
        Floors.AssertMet(coref, measured);
    }
}
