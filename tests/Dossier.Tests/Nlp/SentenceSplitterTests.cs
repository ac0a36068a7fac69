using CsCheck;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Nlp;

public class SentenceSplitterTests
{
    [Theory]
    [InlineData("He lives in the U.S. He said so.", "He lives in the U.S.|He said so.")]
    [InlineData("U.S. officials said it. They left.", "U.S. officials said it.|They left.")]
    [InlineData("Lt. Gen. Ahmed Sharif spoke on Jan. 20 in Kabul.", "Lt. Gen. Ahmed Sharif spoke on Jan. 20 in Kabul.")]
    [InlineData("“It is done.” he said. Then he left.", "“It is done.” he said.|Then he left.")]
    [InlineData("“It is done.” He left.", "“It is done.”|He left.")]
    [InlineData("The proofs are given,” Khan said.", "The proofs are given,” Khan said.")]
    [InlineData("Is it? Yes! It is... maybe.", "Is it?|Yes!|It is... maybe.")]
    [InlineData("Apple Inc. The firm grew.", "Apple Inc.|The firm grew.")]
    [InlineData("Resolution No. 1267 applies. Pakistan agreed.", "Resolution No. 1267 applies.|Pakistan agreed.")]
    [InlineData("See arab.news for more. Done.", "See arab.news for more.|Done.")]
    [InlineData("The ministry said: \"We have cases. Pakistan must answer.\"", "The ministry said: \"We have cases.|Pakistan must answer.\"")]
    [InlineData("(This is aside.) Next one.", "(This is aside.)|Next one.")]
    public void Split_NewsConstructions(string text, string expected) =>
        Assert.Equal(expected.Split('|'), Docs.SentenceTexts(Docs.Process(text)));

    [Fact]
    public void Split_NeverCrossesAParagraph()
    {
        var doc = Docs.Process("A headline without a stop\n\nThe body starts here. It goes on");
        Assert.Equal(["A headline without a stop", "The body starts here.", "It goes on"], Docs.SentenceTexts(doc));
        Assert.Equal([0, 1, 1], doc.Sentences.Select(s => s.Paragraph));
    }

    [Fact]
    public void Split_WorksOnHandMadeTokens()
    {
        var doc = Docs.WithTokens("Go. Now", (0, 2, Dossier.Annotations.TokenKind.Word), (2, 3, Dossier.Annotations.TokenKind.Punctuation), (4, 7, Dossier.Annotations.TokenKind.Word));
        Dossier.Nlp.Sentences.SentenceSplitter.Default.Process(doc, CancellationToken.None);
        Assert.Equal(["Go.", "Now"], Docs.SentenceTexts(doc));
    }

    [Fact]
    public void Split_Property_SentencesPartitionTheTokensOfEachParagraph()
    {
        var words = Gen.OneOf(
            Gen.Const("word"), Gen.Const("Word"), Gen.Const("U.S."), Gen.Const("Mr."), Gen.Const("etc."), Gen.Const("."), Gen.Const("?"),
            Gen.Const("”"), Gen.Const("\""), Gen.Const(","), Gen.Const("The"), Gen.Const("\n"), Gen.Const("\n\n"), Gen.Const("7.5"), Gen.Const("..."));
        words.Array[0, 60].Select(w => string.Join(' ', w)).Sample(text =>
        {
            var doc = Docs.Process(text);
            var next = 0;
            foreach (var s in doc.Sentences)
            {
                Assert.Equal(next, s.Data.FirstToken);
                Assert.True(s.Data.TokenCount > 0);
                Assert.True(doc.Paragraphs[s.Paragraph].Span.Contains(s.Span), $"sentence {s.Span} outside its paragraph");
                Assert.Equal(s.Tokens[0].Span.Start, s.Span.Start);
                Assert.Equal(s.Tokens[^1].Span.End, s.Span.End);
                next += s.Data.TokenCount;
            }

            Assert.Equal(doc.Tokens.Count, next);
        }, iter: 2000);
    }
}
