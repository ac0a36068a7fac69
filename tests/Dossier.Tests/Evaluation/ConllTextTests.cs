using Dossier.Evaluation.Ner;

namespace Dossier.Tests.Evaluation;

public class ConllTextTests
{
    private static LabelledDocument Document(params string[] sentences) =>
        new([.. sentences.Select(s => new LabelledSentence(s.Split(' '), []))]);

    [Fact]
    public void Sentence_JoinsTokens_WithTheSpacingOfWrittenEnglish()
    {
        Assert.Equal(
            "\"It's not ready yet,\" EOE spokesman Lex van Drooge told Reuters (in Amsterdam) on Friday.",
            ConllText.Sentence("\" It 's not ready yet , \" EOE spokesman Lex van Drooge told Reuters ( in Amsterdam ) on Friday .".Split(' ')));
        Assert.Equal("Israel blocks Palestinian pilgrims' progress, which costs $5 billion.",
            ConllText.Sentence("Israel blocks Palestinian pilgrims ' progress , which costs $ 5 billion .".Split(' ')));
        Assert.Equal("He called it 'a disaster' and didn't say more.",
            ConllText.Sentence("He called it ' a disaster ' and did n't say more .".Split(' ')));
    }

    [Fact]
    public void Text_MakesTheHeadlineAndDateLineParagraphs_AndTheStoryOne()
    {
        var text = ConllText.Text(Document(
            "EU REJECTS GERMAN CALL TO BOYCOTT BRITISH LAMB .",
            "BRUSSELS 1996-08-22",
            "The European Commission said on Thursday it disagreed with German advice .",
            "Germany 's representative said he would ask for a ban ."));
        Assert.Equal(
            "EU REJECTS GERMAN CALL TO BOYCOTT BRITISH LAMB\n\nBRUSSELS 1996-08-22\n\nThe European Commission said on Thursday it disagreed with German advice. Germany's representative said he would ask for a ban.",
            text);
    }

    [Fact]
    public void Text_KeepsAQuotationOpen_WhereTheTreebankSplitItOverSentences()
    {
        // The treebank gives the next sentence's opening quote to the sentence before, and splits
        // a quotation at its full stops.
        var text = ConllText.Text(Document(
            "COFINEC PLUNGES .",
            "\" We will not achieve the forecast , \" Frater said . \"",
            "Obviously , we cannot make up the decrease . \"",
            "\" It is a sight I will never forget .",
            "I will remember it , \" said Stig Onarheim . \"",
            "It is not easy .",
            "Death has sad dimensions , \" he said . \"",
            "I am a man of faith . \""));
        Assert.Equal(
            "COFINEC PLUNGES\n\n\"We will not achieve the forecast,\" Frater said. \"Obviously, we cannot make up the decrease.\" \"It is a sight I will never forget. I will remember it,\" said Stig Onarheim. \"It is not easy. Death has sad dimensions,\" he said. \"I am a man of faith.\"",
            text);
    }
}
