using Dossier.Annotations;
using Dossier.Nlp;
using Dossier.Nlp.Syntax;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Nlp.Time;

/// <summary>The tense of a time expression's clause from the tree, and what it changes in the values.</summary>
public class TimeTenseTests
{
    private static readonly Lazy<DocumentPipeline> Parsed = new(() => new PipelineBuilder().UseDefaults(syntax: Models.Syntax).Build());
    private static readonly DocumentPipeline Unparsed = new PipelineBuilder().UseDefaults().Build();

    private static string? ValueOf(DocumentPipeline pipeline, string text, string expression, DateOnly published)
    {
        var doc = pipeline.Process(text, new DocumentMetadata { Published = published });
        return doc.Get(Layers.Times).Where(t => doc.GetText(t.Span) == expression).Select(t => t.Value).FirstOrDefault();
    }

    /// <summary>'will' just after a past-tense clause does not make its weekday the next one: the tree says the meeting is past.</summary>
    [Fact]
    public void APastClause_ReadsItsWeekdayBackwards_WhateverFollows()
    {
        const string text = "Negotiators met on Wednesday and will meet again next week.";
        var thursday = new DateOnly(2023, 12, 14);
        Assert.Equal("2023-12-13", ValueOf(Parsed.Value, text, "Wednesday", thursday));
        Assert.Equal("2023-12-20", ValueOf(Unparsed, text, "Wednesday", thursday)); // the window of words alone is fooled
        Assert.Equal("2023-12-20", ValueOf(Parsed.Value, "The ministers will sign the accord on Wednesday.", "Wednesday", thursday));
    }

    /// <summary>A month three or four ahead of the report in a past-tense clause is the last one; one or two ahead, in the past tense, mostly a plan reported.</summary>
    [Theory]
    [InlineData("The chairman stepped down in March for health reasons.", "March", "2023-03")]
    [InlineData("In the fiscal year ended Feb. 28, the company reported sales of $59 million.", "Feb. 28", "2023-02-28")]
    [InlineData("The chairman will step down in March.", "March", "2024-03")]
    [InlineData("The company said it expected to close the sale by Dec. 16.", "Dec. 16", "2023-12-16")]
    public void APastClause_ReadsAMonthSomeWayAheadBackwards(string sentence, string expression, string expected)
    {
        var november = new DateOnly(2023, 11, 2);
        Assert.Equal(expected, ValueOf(Parsed.Value, sentence, expression, november));
    }

    [Theory]
    [InlineData("The ministers will meet in Doha.", "Doha", Tense.Future)]
    [InlineData("The envoy'll travel to Kabul.", "Kabul", Tense.Future)]
    [InlineData("The suspect was arrested in Peshawar.", "Peshawar", Tense.Past)]
    [InlineData("The delegation met officials in Islamabad.", "Islamabad", Tense.Past)]
    [InlineData("The talks would resume in Geneva.", "Geneva", Tense.Unknown)]
    [InlineData("Officials meet in Ankara.", "Ankara", Tense.Unknown)]
    public void ClauseTense_ReadsTheVerbGroupThatGovernsAWord(string sentence, string word, Tense expected)
    {
        var doc = Parsed.Value.Process(sentence);
        var token = doc.Tokens.First(t => t.Text == word);
        Assert.Equal(expected, ClauseTense.Of(token.Word!.Value));
    }
}
