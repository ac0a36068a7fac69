using Dossier.Annotations;
using Dossier.Nlp.Learning;
using Dossier.Nlp.Syntax;
using Dossier.Text;

namespace Dossier.Tests.Nlp.Syntax;

public sealed class SyntaxUnitTests
{
    private static readonly TreebankWords Words = new(["non-stop", "e-mail"]);

    [Theory]
    [InlineData("wheel-chair", TokenKind.Word, "wheel|-|chair")]
    [InlineData("Tehreek-e-Taliban", TokenKind.Word, "Tehreek|-|e|-|Taliban")]
    [InlineData("non-stop", TokenKind.Word, "non-stop")]
    [InlineData("Non-Stop", TokenKind.Word, "Non-Stop")]
    [InlineData("cannot", TokenKind.Word, "can|not")]
    [InlineData("Gonna", TokenKind.Word, "Gon|na")]
    [InlineData("2024-05-14", TokenKind.Number, "2024-05-14")]
    [InlineData("AK-", TokenKind.Word, "AK-")]
    public void TokensBecomeTreebankWords(string token, TokenKind kind, string expected)
    {
        var text = "x " + token;
        var spans = new List<TextSpan>();
        Words.Split(text, new TokenData(new TextSpan(2, text.Length), kind), spans);
        Assert.Equal(expected, string.Join('|', spans.Select(s => text[s.Start..s.End])));
        Assert.Equal(text.Length, spans[^1].End);
    }

    [Fact]
    public void LemmasComeFromTheLexiconThenFromSuffixRules()
    {
        var lemmatizer = Lemmatizer.Learn([
            ("was", "VBD", "be"), ("talks", "NNS", "talk"), ("walks", "NNS", "walk"), ("parties", "NNS", "party"), ("cities", "NNS", "city"),
            ("stopped", "VBD", "stop"), ("planned", "VBD", "plan"), ("asked", "VBD", "ask"), ("asked", "VBD", "ask"), ("Pakistan", "NNP", "Pakistan"),
        ]);
        Assert.Equal("be", lemmatizer.Lemmatize("was", "VBD"));
        Assert.Equal("be", lemmatizer.Lemmatize("Was", "VBD"));
        Assert.Equal("agency", lemmatizer.Lemmatize("agencies", "NNS"));
        Assert.Equal("militant", lemmatizer.Lemmatize("militants", "NNS"));
        Assert.Equal("Islamabad", lemmatizer.Lemmatize("Islamabad", "NNP"));
        var written = new StringWriter();
        lemmatizer.Write(written);
        var again = Lemmatizer.Read(new StringReader(written.ToString()));
        Assert.Equal("agency", again.Lemmatize("agencies", "NNS"));
        Assert.Equal(lemmatizer.LexiconSize, again.LexiconSize);
    }

    /// <summary>A longer suffix's rule that makes no known word gives way to a shorter one's that does ('blasted' is not 'blaste').</summary>
    [Fact]
    public void ASuffixRuleThatMakesAKnownLemma_WinsOverALongerOneThatDoesNot()
    {
        var lemmatizer = Lemmatizer.Learn([
            ("wasted", "VBD", "waste"), ("pasted", "VBD", "paste"), ("tasted", "VBD", "taste"), ("asked", "VBD", "ask"), ("jumped", "VBD", "jump"),
            ("blast", "VB", "blast"), ("wanted", "VBD", "want"), ("played", "VBD", "play"), ("called", "VBD", "call"),
        ]);
        Assert.Equal("blast", lemmatizer.Lemmatize("blasted", "VBD"));
        Assert.Equal("haste", lemmatizer.Lemmatize("hasted", "VBD")); // nothing known either way: the longest suffix's rule
    }

    [Fact]
    public void ALinearModelScoresAndRoundTrips()
    {
        var trainer = new AveragedPerceptron(3);
        ulong[] a = [FeatureHash.Feature(1, 10)], b = [FeatureHash.Feature(1, 20)];
        for (var i = 0; i < 5; i++)
        {
            trainer.Update(a, 0, 2);
            trainer.Tick();
            trainer.Update(b, 1, 0);
            trainer.Tick();
        }

        var model = trainer.ToModel(0.001f);
        var scores = new float[model.ScoreLength];
        model.AddScores(a, scores);
        Assert.True(scores[0] > scores[1] && scores[0] > scores[2]);
        var stream = new MemoryStream();
        model.Write(new BinaryWriter(stream));
        stream.Position = 0;
        var read = LinearModel.Read(new BinaryReader(stream));
        var again = new float[read.ScoreLength];
        read.AddScores(a, again);
        Assert.Equal(scores.Select(s => (float)(Half)s), again);
        Assert.Equal(model.FeatureCount, read.FeatureCount);
        Assert.Equal(0, trainer.ToModel(0.001f, minUpdates: 6).FeatureCount);
    }

    [Fact]
    public void AModelFileOfAnotherKindIsRefusedClearly()
    {
        var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            ModelFormat.WriteHeader(w, "dossier-tagger 2");
            w.Write(0);
        }

        stream.Position = 0;
        var error = Assert.Throws<InvalidDataException>(() => DependencyParser.Read(new BinaryReader(stream)));
        Assert.Contains("not a dossier-parser 1 model file", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => PosTagger.Read(new BinaryReader(new MemoryStream([1, 2, 3]))));
    }
}
