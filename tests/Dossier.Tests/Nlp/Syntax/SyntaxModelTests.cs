using CsCheck;
using Dossier.Annotations;
using Dossier.Evaluation.Syntax;
using Dossier.Nlp;
using Dossier.Nlp.Syntax;
using Dossier.Tests.TestKit;
using Dossier.Text;

namespace Dossier.Tests.Nlp.Syntax;

/// <summary>The shipped tagger, parser and lemmatizer (models/parse): quality on EWT dev, trees, the words layer.</summary>
public sealed class SyntaxModelTests
{
    private static readonly Lazy<DocumentPipeline> Parsing = new(() => new PipelineBuilder().UseParagraphs().UseTokenizer().UseSentences().UseSyntax(Models.Syntax).Build());

    /// <summary>Quality gate: EWT dev with the gold words given (floors in eval/baseline.json).</summary>
    [Fact]
    public void DevScoresMeetTheirFloors()
    {
        var section = Floors.Section("parse");
        var dev = Conllu.ReadFile(Floors.DataPath(section));
        var score = SyntaxEvaluation.EvaluateGoldWords(Models.Syntax, dev, null);
        Floors.AssertMet(section, score.ToDictionary());
    }

    [Fact]
    public void TheModelWrittenAgainGivesTheSameBytes()
    {
        using var dir = new TempDir();
        Models.Syntax.Save(dir.Path);
        foreach (var file in new[] { SyntaxModel.TaggerFile, SyntaxModel.ParserFile, SyntaxModel.LemmaFile, SyntaxModel.HyphenFile })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(Repo.Root, "models", "parse", file)), File.ReadAllBytes(Path.Combine(dir.Path, file)));
        }
    }

    [Fact]
    public void ANounAndAParticipleWithAnObject_AreSubjectAndVerb()
    {
        var parsed = Models.Syntax.Parse(["M23", "rebels", "defeated", "Congolese", "troops", "near", "Goma", "on", "Sunday", "."]);
        Assert.Equal("root", parsed.Relations[2]);
        Assert.Equal("VBD", parsed.Xpos[2]);
        Assert.Equal((2, "nsubj"), (parsed.Heads[1], parsed.Relations[1]));
        Assert.Equal(2, parsed.Heads[9]); // the full stop follows the verb
        TransitionSystemTests.AssertTree([.. parsed.Heads.Select(h => h < 0 ? 10 : h)], 10);
    }

    /// <summary>A sentence the tagger leaves without a finite verb gets its participle-with-an-object as the past tense it needs; a participle with no object stays one.</summary>
    [Theory]
    [InlineData("Militants attacked soldiers in Kandahar .", 1, "VBD")]
    [InlineData("Taliban fighters attacked Afghan soldiers .", 2, "VBD")]
    [InlineData("Police arrested two men .", 1, "VBD")]
    [InlineData("Pictures taken in Paris .", 1, "VBN")]
    public void ASentenceWithoutAFiniteVerb_GetsThePastTenseItNeeds(string sentence, int word, string xpos)
    {
        var parsed = Models.Syntax.Parse(sentence.Split(' '));
        Assert.Equal(xpos, parsed.Xpos[word]);
        if (xpos == "VBD")
        {
            Assert.Equal("root", parsed.Relations[word]);
        }
    }

    [Fact]
    public void AnySequenceOfWordsGetsOneTree()
    {
        string[] vocabulary = ["the", "Taliban", "said", "on", "Tuesday", ",", "that", "it", "would", "not", "talk", "to", "Pakistan", ".", "\"", "$", "7", "billion", "who", "and", "'s", "-", "(", ")", "rebels", "defeated", "troops"];
        Gen.Int[0, vocabulary.Length - 1].Array[1, 60].Sample(indices =>
        {
            var words = indices.Select(i => vocabulary[i]).ToArray();
            var parsed = Models.Syntax.Parse(words);
            var n = words.Length;
            TransitionSystemTests.AssertTree([.. parsed.Heads.Select(h => h < 0 ? n : h)], n);
            Assert.Equal("root", parsed.Relations[Array.IndexOf(parsed.Heads, -1)]);
            Assert.All(parsed.Lemmas, l => Assert.False(string.IsNullOrEmpty(l)));
        });
    }

    [Fact]
    public void WordsKeepTheirTokensOffsetsAndSentences()
    {
        const string text = "The self-described socialist can't stop. He cannot say anything about the joint announcement.";
        var doc = Parsing.Value.Process(text);
        var words = doc.Get(Layers.Words);
        Assert.Equal(["The", "self", "-", "described", "socialist", "ca", "n't", "stop", ".", "He", "can", "not", "say", "anything", "about", "the", "joint", "announcement", "."], words.Select(w => text[w.Span.Start..w.Span.End]));
        foreach (var w in words)
        {
            Assert.True(doc.Get(Layers.Tokens)[w.Token].Span.Contains(w.Span));
            Assert.InRange(w.Head, -1, words.Length - 1);
            Assert.True(w.Head < 0 || (w.Head >= w.First && w.Head < w.First + w.Count));
        }

        var say = doc.Words.Single(w => w.Text == "say");
        Assert.Equal("He", say.Child("nsubj")?.Text);
        Assert.True(say.IsNegated);
        Assert.Equal("anything about the joint announcement", doc.GetText(say.Child("obj")!.Value.Subtree));
        var cannot = doc.Tokens.Single(t => t.Text == "cannot");
        Assert.Equal(2, cannot.Words.Count);
        Assert.Equal(UPos.VERB, doc.Tokens.Single(t => t.Text == "say").Pos);
        Assert.Equal("say", doc.Tokens.Single(t => t.Text == "say").Lemma);
        Assert.Equal(2, doc.Sentences.Count(s => s.Root is not null));
    }

    [Fact]
    public void ARunOnSentenceIsParsedInPiecesEachATree()
    {
        var text = string.Concat(Enumerable.Repeat("John Smith said Maria Lopez said ", 120)) + "nothing.";
        var doc = Parsing.Value.Process(text);
        var sentence = Assert.Single(doc.Sentences);
        var words = sentence.Words;
        Assert.Equal(doc.Tokens.Count, words.Count);
        var pieces = words.GroupBy(w => w.Data.First).ToList();
        Assert.Equal((words.Count + SyntaxComponent.MaxWords - 1) / SyntaxComponent.MaxWords, pieces.Count);
        foreach (var piece in pieces)
        {
            Assert.InRange(piece.Count(), 1, SyntaxComponent.MaxWords);
            Assert.Single(piece, w => w.IsRoot);
            Assert.All(piece, w => Assert.True(w.IsRoot || (w.Data.Head >= piece.Key && w.Data.Head < piece.Key + w.Data.Count)));
        }

        Assert.Equal(pieces.Count, DependencyTreeText.Render(sentence, t => t).Count(l => l.EndsWith(" root", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Golden trees for seed sentences, as <c>dossier show --layer deps</c> prints them: a pin of
    /// what the shipped model reads (errors included: "the talks" under "Taliban" in [2]), so any
    /// change to tagging or parsing shows up here. DOSSIER_UPDATE_GOLDEN=1 rewrites the file after
    /// a retrain; read the difference before committing it.
    /// </summary>
    [Fact]
    public void SeedSentencesParseAsTheGoldenTrees()
    {
        var doc = Parsing.Value.Process(Docs.Seed("004").Text);
        var text = string.Concat(doc.Sentences.Take(6).Select(s => $"[{s.Index + 1}] {s.Text.ReplaceLineEndings(" ")}\n{DependencyTreeText.ToText(s, Printable.Escape)}\n"));
        GoldenFile.AssertMatches(Path.Combine(Repo.Golden, "parse", "seed-004.trees.txt"), text);
    }

    /// <summary>What a careful reader checks first in a news sentence: who said, who is negated, what was said.</summary>
    [Theory]
    [InlineData("The Foreign Office said on Tuesday that Pakistan would not hold talks with the TTP.", "said", "Office", "hold")]
    [InlineData("Sharifullah was charged with conspiring to provide material support to the Islamic State.", "charged", "Sharifullah", null)]
    public void CueVerbsHaveTheirSubjectAndClause(string sentence, string verb, string subject, string? clauseHead)
    {
        var doc = Parsing.Value.Process(sentence);
        var cue = doc.Words.First(w => w.Text == verb);
        Assert.Equal(subject, cue.Child("nsubj")?.Text);
        if (clauseHead is not null)
        {
            var clause = cue.Child("ccomp");
            Assert.Equal(clauseHead, clause?.Text);
            Assert.True(clause!.Value.IsNegated);
        }
    }

    [Theory]
    [InlineData("ISLAMABAD : The United States acknowledges the issue", 2)]
    [InlineData("WASHINGTON ( Reuters ) - The Senate voted on Monday", 5)]
    [InlineData("Afghan Voice Agency ( AVA ) - International Service : Washington and Islamabad issued a statement", 10)]
    [InlineData("WASHINGTON ― Donald Trump 's obsession is an insult", 2)]
    [InlineData("CHARLOTTE , N.C. ( AP ) -- The wife of a man said", 7)]
    [InlineData("Khan to reporters : We will not talk", 0)]
    [InlineData("President Trump : We will win", 0)]
    [InlineData("The United States acknowledges the issue", 0)]
    [InlineData("Harry M. Reid ( D - Nev. ) blasted Rubio", 0)]
    [InlineData("Rep. John A. Smith ( D - N.Y. ) said the bill would pass", 0)]
    public void ADatelineOpeningASentence_IsFoundByItsShape(string words, int length) =>
        Assert.Equal(length, Dossier.Nlp.Syntax.SyntaxComponent.DatelineLength(words.Split(' ')));

    [Fact]
    public void ADateline_IsParsedApart_SoItCannotBeTheSubject()
    {
        var doc = Models.Pipeline.Process("ISLAMABAD: The United States acknowledges the issue of military equipment left behind in Afghanistan, Pakistan's foreign office said on Monday.");
        var dateline = doc.Words[0];
        Assert.Equal("ISLAMABAD", dateline.Text);
        Assert.Equal(2, dateline.Data.Count); // its own piece: the word and the colon
        Assert.DoesNotContain(doc.Words, w => w.BaseRelation == "nsubj" && w.Text == "ISLAMABAD");
    }
}
