using Dossier.Nlp.Ner;
using Dossier.Nlp.Tokenization;

namespace Dossier.Tests.Nlp.Ner;

public class NumericMentionsTests
{
    private static string[] Find(string text)
    {
        var words = Tokenizer.Default.Tokenize(text).Select(t => text.Substring(t.Span.Start, t.Span.Length)).ToArray();
        return [.. NumericMentions.Find(words, new bool[words.Length]).Select(s => $"{string.Join(' ', words[s.Start..s.End])}/{s.Type}")];
    }

    [Theory]
    [InlineData("about $7 billion worth of hardware", "about $ 7 billion/MONEY")]
    [InlineData("pay billions of dollars a year", "billions of dollars/MONEY")]
    [InlineData("killed 13 soldiers and about 160 civilians", "13/CARDINAL|about 160/CARDINAL")]
    [InlineData("Afghanistan had 258,300 rifles", "258,300/CARDINAL")]
    [InlineData("1,845 rounds of 60-82mm", "1,845/CARDINAL|60 - 82 mm/QUANTITY")]
    [InlineData("hundreds of thousands of accessories", "hundreds of thousands/CARDINAL")]
    [InlineData("on the eve of his Jan. 20 inauguration", "Jan. 20/DATE")]
    [InlineData("on Monday, May 13, saying", "Monday , May 13/DATE")]
    [InlineData("said on May 7th that", "May 7th/DATE")]
    [InlineData("Tuesday 14 May 2024 - 15:07", "Tuesday/DATE|14 May 2024/DATE|15:07/TIME")]
    [InlineData("for more than 15 years", "more than 15 years/DATE")]
    [InlineData("over the past three years", "past three years/DATE")]
    [InlineData("last week, Islamabad urged", "last week/DATE")]
    [InlineData("in 2021 and 2022", "2021/DATE|2022/DATE")]
    [InlineData("rose 15% in the first half", "15 %/PERCENT|first/ORDINAL")]
    [InlineData("a 50 km march", "50 km/QUANTITY")]
    public void Find_NumbersAmountsAndTimes(string text, string expected) =>
        Assert.Equal(expected.Split('|'), Find(text));

    [Fact]
    public void Find_SkipsTokensTakenByNames()
    {
        string[] words = ["Resolution", "1267", "passed"];
        Assert.Empty(NumericMentions.Find(words, [true, true, false]));
    }
}
