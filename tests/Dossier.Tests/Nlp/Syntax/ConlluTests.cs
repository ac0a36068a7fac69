using Dossier.Evaluation.Syntax;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Nlp.Syntax;

public sealed class ConlluTests
{
    private const string Sample = """
        # sent_id = s1
        # text = I don't know.
        1	I	I	PRON	PRP	Case=Nom	4	nsubj	4:nsubj	_
        2-3	don't	_	_	_	_	_	_	_	_
        2	do	do	AUX	VBP	Mood=Ind	4	aux	4:aux	_
        3	n't	not	PART	RB	Polarity=Neg	4	advmod	4:advmod	_
        4	know	know	VERB	VB	VerbForm=Inf	0	root	0:root	SpaceAfter=No
        4.1	knows	know	VERB	VBZ	_	_	_	4:conj	_
        5	.	.	PUNCT	.	_	4	punct	4:punct	_

        """;

    [Fact]
    public void ReadsWordsMultiwordTokensAndEmptyNodes()
    {
        var sentence = Assert.Single(Conllu.Read(new StringReader(Sample.ReplaceLineEndings("\n")), "sample"));
        Assert.Equal(5, sentence.Words.Count);
        Assert.Equal("I don't know.", sentence.Text);
        Assert.Equal(new ConlluToken(2, 3, "don't", "_"), Assert.Single(sentence.Tokens));
        Assert.Equal(4, Assert.Single(sentence.EmptyNodes).After);
        Assert.Equal(0, sentence.Words[3].Head);
        Assert.True(sentence.Words[3].NoSpaceAfter);
        Assert.Equal("advmod", sentence.Words[2].Relation);
    }

    [Fact]
    public void WritingThenReadingGivesTheSameSentences()
    {
        var dev = Path.Combine(Repo.Shared, "data", "ud-english-ewt", "en_ewt-ud-dev.conllu");
        var sentences = Conllu.ReadFile(dev).Take(400).ToList();
        var written = new StringWriter();
        Conllu.Write(written, sentences);
        var again = Conllu.Read(new StringReader(written.ToString()), "written").ToList();
        Assert.Equal(sentences.Count, again.Count);
        for (var i = 0; i < sentences.Count; i++)
        {
            Assert.Equal(sentences[i].Comments, again[i].Comments);
            Assert.Equal(sentences[i].Words, again[i].Words);
            Assert.Equal(sentences[i].Tokens, again[i].Tokens);
            Assert.Equal(sentences[i].EmptyNodes, again[i].EmptyNodes);
        }
    }

    [Theory]
    [InlineData("1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\n", "10 tab-separated columns")]
    [InlineData("2\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n", "does not follow")]
    [InlineData("x\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n", "not a word id")]
    public void MalformedLinesNameTheFileAndLine(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => Conllu.Read(new StringReader(text), "bad.conllu").ToList());
        Assert.Contains("bad.conllu:1", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TreebankFiles_KeepTheDocumentsListedUnderTheSectionWhoseNamesMatch()
    {
        using var dir = new TempDir();
        foreach (var name in new[] { "GUM_bio_a", "GUM_bio_b", "GUM_news_c", "GUM_bio_d" })
        {
            File.WriteAllText(dir.File(name + ".conllu"), Sample);
        }

        File.WriteAllText(dir.File("splits.md"), "# Splits\n\n## dev\n\n  * GUM_bio_b\n\n## train\n\n  * GUM_bio_a\n  * GUM_news_c\n  * GUM_bio_d\n");
        var (sentences, files) = new TreebankFiles { Path = dir.Path, Include = "^GUM_bio_", ListedIn = dir.File("splits.md"), Section = "train" }.Read(dir.Path);
        Assert.Equal(["GUM_bio_a", "GUM_bio_d"], files);
        Assert.Equal(2, sentences.Count);

        var (_, dev) = new TreebankFiles { Path = dir.Path, ListedIn = dir.File("splits.md"), Section = "dev" }.Read(dir.Path);
        Assert.Equal(["GUM_bio_b"], dev);
        var (_, all) = new TreebankFiles { Path = dir.Path }.Read(dir.Path);
        Assert.Equal(4, all.Count);
    }
}
