using Dossier.Evaluation.Ner;
using Dossier.Nlp.Ner;
using Dossier.Training.Ner;

namespace Dossier.Tests.Nlp.Ner;

public class NerUnitTests
{
    private static readonly EntityLabels Labels = new(["PER", "ORG", "LOC", "MISC"]);

    [Fact]
    public void EntityLabels_EncodeDecode_RoundTrips()
    {
        TokenSpan[] spans = [new(0, 1, "PER"), new(2, 5, "ORG"), new(5, 7, "LOC")];
        var labels = Labels.Encode(8, spans);
        Assert.Equal(["U-PER", "O", "B-ORG", "I-ORG", "L-ORG", "B-LOC", "L-LOC", "O"], labels.Select(Labels.Name));
        Assert.Equal(spans, Labels.Decode(labels));
    }

    [Fact]
    public void EntityLabels_AllowOnlyWellFormedSequences()
    {
        int B(int t) => 1 + 4 * t;
        Assert.True(Labels.Allowed[B(0), B(0) + 1]);      // B-PER → I-PER
        Assert.False(Labels.Allowed[B(0), B(1) + 1]);     // B-PER → I-ORG
        Assert.False(Labels.Allowed[0, B(0) + 2]);        // O → L-PER
        Assert.False(Labels.Allowed[B(0), 0]);            // B-PER → O
        Assert.True(Labels.Allowed[B(0) + 3, B(1)]);      // U-PER → B-ORG
        Assert.False(EntityLabels.CanStart(B(0) + 1));
        Assert.False(EntityLabels.CanEnd(B(0)));
    }

    [Fact]
    public void ConllReader_ReadsIob1AndIob2AndDocuments()
    {
        const string text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nA x x B-LOC\nB x x I-LOC\nC x x B-LOC\n";
        var docs = ConllReader.Read(new StringReader(text));
        Assert.Equal(2, docs.Count);
        Assert.Equal([new TokenSpan(0, 1, "ORG"), new TokenSpan(2, 3, "MISC"), new TokenSpan(3, 5, "PER")], docs[0].Sentences[0].Spans);
        Assert.Equal([new TokenSpan(0, 2, "LOC"), new TokenSpan(2, 3, "LOC")], docs[1].Sentences[0].Spans);
    }

    [Fact]
    public void ConllReader_ReadsGmbRowsWithTheTypeMap()
    {
        List<List<string>> rows =
        [
            ["Sentence #", "Word", "POS", "Tag"],
            ["Sentence: 1", "Thousands", "NNS", "O"],
            [string.Empty, "in", "IN", "O"],
            [string.Empty, "London", "NNP", "B-geo"],
            [string.Empty, "Monday", "NNP", "B-tim"],
            ["Sentence: 2", "Bush", "NNP", "B-per"],
        ];
        var docs = ConllReader.ReadGmb(rows, new Dictionary<string, string> { ["geo"] = "LOC", ["per"] = "PER" });
        var sentences = docs.SelectMany(d => d.Sentences).ToList();
        Assert.Equal([new TokenSpan(2, 3, "LOC")], sentences[0].Spans);
        Assert.Equal([new TokenSpan(0, 1, "PER")], sentences[1].Spans);
    }

    [Fact]
    public void Gazetteer_MatchesMultiWordPhrasesWithoutAllocatingKeys()
    {
        var g = new Gazetteer([new(Gazetteer.Normalize("Saudi Arabia"), GazetteerCategory.Country), new(Gazetteer.Normalize("Tehrik-e Taliban Pakistan"), GazetteerCategory.Organisation)]);
        string[] words = ["The", "Tehrik-e", "Taliban", "Pakistan", "and", "Saudi", "Arabia"];
        var matches = new List<GazetteerMatch>();
        g.Match(words, [.. words.Select(w => w.ToLowerInvariant())], matches);
        Assert.Equal([new GazetteerMatch(1, 4, GazetteerCategory.Organisation), new GazetteerMatch(5, 7, GazetteerCategory.Country)], matches);
        Assert.Equal(GazetteerCategory.Country, g.Lookup("saudi arabia"));
        Assert.Equal(GazetteerCategory.None, g.Lookup("saudi"));
    }

    [Fact]
    public void NerEvaluation_ScoresExactSpansLikeConlleval()
    {
        var scores = NerEvaluation.Score([
            ([new TokenSpan(0, 2, "PER"), new TokenSpan(3, 4, "LOC")], [new TokenSpan(0, 2, "PER"), new TokenSpan(3, 5, "LOC")]),
        ]);
        var overall = scores[0];
        Assert.Equal((1, 2, 2), (overall.Correct, overall.Predicted, overall.Gold));
        Assert.Equal(50, overall.F1, 3);
        Assert.Equal(100, scores.Single(s => s.Type == "PER").F1, 3);
    }

    [Fact]
    public void WordClusters_AreDeterministicAndGroupWordsUsedAlike()
    {
        var sentences = new List<string[]>();
        var random = new Random(3);
        string[] cities = ["Paris", "London", "Berlin", "Rome"];
        string[] verbs = ["said", "added", "noted", "stated"];
        for (var i = 0; i < 400; i++)
        {
            sentences.Add(["in", cities[random.Next(4)], "today"]);
            sentences.Add(["he", verbs[random.Next(4)], "that"]);
        }

        var options = new WordClusterOptions { MinCount = 1, Branching = 2, Depth = 2, Dimensions = 32, ContextWords = 50 };
        var a = WordClusterLearner.Learn(sentences, options);
        var b = WordClusterLearner.Learn(sentences, options);
        Assert.All(cities.Concat(verbs), w => Assert.Equal(a.PathOf(w), b.PathOf(w)));
        Assert.Single(cities.Select(c => a.PathOf(c)![..1]).Distinct());
        Assert.NotEqual(a.PathOf("Paris")![..1], a.PathOf("said")![..1]);
    }
}

/// <summary>The CSV reader of the gazetteer and knowledge-base builders (OFAC SDN, GeoNames' lists).</summary>
public class CsvRowsTests
{
    [Fact]
    public void AQuotedFieldMayHoldCommasDoubledQuotesAndLineBreaks()
    {
        string[] lines = ["id,name,remarks", "1,\"Smith, John\",\"said \"\"no\"\"\"", "2,Doe,\"first line", "second line, still quoted\"", "3,,"];
        var rows = GazetteerBuilder.CsvRows(lines).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(["1", "Smith, John", "said \"no\""], rows[1]);
        Assert.Equal(["2", "Doe", "first line\nsecond line, still quoted"], rows[2]);
        Assert.Equal(["3", string.Empty, string.Empty], rows[3]);
    }

    [Fact]
    public void AQuoteLeftOpenAtTheEnd_EndsTheLastRow()
    {
        var rows = GazetteerBuilder.CsvRows(["a,\"b", "c"]).ToList();
        Assert.Equal([["a", "b\nc"]], rows);
    }
}
