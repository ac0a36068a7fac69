using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Tests.Core;

public class DocumentTests
{
    [Fact]
    public void TextSpan_RejectsEndBeforeStart() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextSpan(5, 4));

    [Fact]
    public void TextSpan_ContainsAndOverlapsAreHalfOpen()
    {
        var span = new TextSpan(2, 5);
        Assert.True(span.Contains(2));
        Assert.False(span.Contains(5));
        Assert.False(span.Overlaps(new TextSpan(5, 7)));
        Assert.True(span.Overlaps(new TextSpan(4, 7)));
        Assert.True(span.Contains(new TextSpan(2, 5)));
    }

    [Fact]
    public void Document_SetLayer_RejectsSpansOutsideTheText()
    {
        var doc = new Document("short");
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => doc.Set(Layers.Paragraphs, [new ParagraphData(new TextSpan(0, 6))]));
        Assert.Contains("paragraphs", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_SetLayer_RejectsItemsOutOfOrder()
    {
        var doc = new Document("one two");
        Assert.Throws<ArgumentException>(() => doc.Set(Layers.Tokens, [new TokenData(new TextSpan(4, 7), TokenKind.Word), new TokenData(new TextSpan(0, 3), TokenKind.Word)]));
    }

    [Fact]
    public void Document_SetLayer_Twice_Throws()
    {
        var doc = new Document("one");
        doc.Set(Layers.Paragraphs, [new ParagraphData(new TextSpan(0, 3))]);
        Assert.Throws<InvalidOperationException>(() => doc.Set(Layers.Paragraphs, []));
    }

    [Fact]
    public void Document_Get_MissingLayer_SaysWhichAndWhat()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new Document("x").Get(Layers.Sentences));
        Assert.Contains("'sentences'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_Views_ReadTheFlatLayers()
    {
        var doc = new Document("Hi there.");
        doc.Set(Layers.Paragraphs, [new ParagraphData(new TextSpan(0, 9))]);
        doc.Set(Layers.Tokens, [new TokenData(new TextSpan(0, 2), TokenKind.Word), new TokenData(new TextSpan(3, 8), TokenKind.Word), new TokenData(new TextSpan(8, 9), TokenKind.Punctuation)]);
        doc.Set(Layers.Sentences, [new SentenceData(new TextSpan(0, 9), 0, 3, 0)]);

        var sentence = Assert.Single(doc.Sentences);
        Assert.Equal(["Hi", "there", "."], sentence.Tokens.Select(t => t.Text));
        Assert.True(doc.Tokens[0].SpaceAfter);
        Assert.False(doc.Tokens[1].SpaceAfter);
        Assert.Equal(sentence, Assert.Single(doc.Paragraphs[0].Sentences));
    }

    [Fact]
    public void ContentHash_IgnoresWhiteSpaceDifferences()
    {
        Assert.Equal(ContentHash.Compute("A  b\r\nc"), ContentHash.Compute("A b\nc "));
        Assert.NotEqual(ContentHash.Compute("A b c"), ContentHash.Compute("A b d"));
        Assert.Equal(new Document("A  b").Id, new Document("A b").Id);
    }

    [Fact]
    public void OffsetMap_MapsCopiedRunsAndInsertedCharacters()
    {
        // source: "xxHello\n\nyyWorld"; text: "Hello\n\nWorld" built from two runs.
        var builder = new OffsetMap.Builder();
        builder.AddRun(0, 2, 5);
        builder.AddRun(7, 11, 5);
        var map = builder.Build(12, 16);

        Assert.Equal(2, map.ToSource(0));
        Assert.Equal(6, map.ToSource(4));
        Assert.Equal(7, map.ToSource(5));
        Assert.Equal(11, map.ToSource(6));
        Assert.Equal(11, map.ToSource(7));
        Assert.Equal(16, map.ToSource(12));
        Assert.Equal(new TextSpan(11, 16), map.ToSource(new TextSpan(7, 12)));
    }

    [Fact]
    public void OffsetMap_Builder_RejectsRunsOutOfTextOrder()
    {
        var builder = new OffsetMap.Builder();
        builder.AddRun(5, 0, 3);
        Assert.Throws<ArgumentException>(() => builder.AddRun(6, 10, 1));
    }

    [Fact]
    public void ParagraphSegmenter_LinePerParagraph_AndWrappedBlocks()
    {
        const string scraped = "First paragraph is a line.\nSecond line is another.\n";
        Assert.Equal(2, ParagraphSegmenter.Segment(scraped).Count);

        const string wrapped =
            "This paragraph was wrapped at a fixed width by the program\n" +
            "that saved it, so its lines run on and end without a stop\n" +
            "until the very last one.\n\n" +
            "A second paragraph.";
        var paragraphs = ParagraphSegmenter.Segment(wrapped);
        Assert.Equal(2, paragraphs.Count);
        Assert.EndsWith("last one.", paragraphs[0].Slice(wrapped).ToString(), StringComparison.Ordinal);
    }
}
