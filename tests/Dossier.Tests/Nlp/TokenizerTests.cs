using CsCheck;
using Dossier.Annotations;
using Dossier.Nlp.Tokenization;
using Dossier.Text;

namespace Dossier.Tests.Nlp;

public class TokenizerTests
{
    private static string[] Tokens(string text) =>
        [.. Tokenizer.Default.Tokenize(text).Select(t => t.Span.Slice(text).ToString())];

    [Theory]
    [InlineData("the U.S. military", "the|U.S.|military")]
    [InlineData("U.S.-led troops", "U.S.|-|led|troops")]
    [InlineData("Lt. Gen. Ahmed Sharif", "Lt.|Gen.|Ahmed|Sharif")]
    [InlineData("his Jan. 20 inauguration", "his|Jan.|20|inauguration")]
    [InlineData("Resolution No. 1267", "Resolution|No.|1267")]
    [InlineData("He said No.", "He|said|No|.")]
    [InlineData("258,300 rifles, 1,845 rounds", "258,300|rifles|,|1,845|rounds")]
    [InlineData("about $7 billion worth", "about|$|7|billion|worth")]
    [InlineData("rounds of 60-82mm, as", "rounds|of|60|-|82|mm|,|as")]
    [InlineData("Tehreek-e-Taliban Pakistan", "Tehreek-e-Taliban|Pakistan")]
    [InlineData("air-to-ground munitions, AK-47, M16", "air-to-ground|munitions|,|AK-47|,|M16")]
    [InlineData("Joe Biden’s administration", "Joe|Biden|’s|administration")]
    [InlineData("Pakistan's soil", "Pakistan|'s|soil")]
    [InlineData("we’re not going, don't", "we|’re|not|going|,|do|n't")]
    [InlineData("O'Brien said", "O'Brien|said")]
    [InlineData("with “sufficient proof” to", "with|“|sufficient|proof|”|to")]
    [InlineData("Afghan-based 'terrorists' increasingly", "Afghan-based|'|terrorists|'|increasingly")]
    [InlineData("see https://arab.news/jcer6.", "see|https://arab.news/jcer6|.")]
    [InlineData("write to desk@example.com now", "write|to|desk@example.com|now")]
    [InlineData("2024 - 15:07 on 2024-05-14", "2024|-|15:07|on|2024-05-14")]
    [InlineData("on May 7th and the 1990s", "on|May|7th|and|the|1990s")]
    [InlineData("a 15-year-old boy", "a|15-year-old|boy")]
    [InlineData("Donald J. Trump", "Donald|J.|Trump")]
    [InlineData("leaders denounce N. Korea test", "leaders|denounce|N.|Korea|test")]
    [InlineData("Rep. John Mica (R-Fla.) said", "Rep.|John|Mica|(|R-Fla.|)|said")]
    [InlineData("Sen. Chuck Schumer (D-N.Y.) agreed", "Sen.|Chuck|Schumer|(|D-N.Y.|)|agreed")]
    [InlineData("a well-known. Then", "a|well-known|.|Then")]
    [InlineData("took vitamin C. Then", "took|vitamin|C|.|Then")]
    [InlineData("wait... what?! 15% of", "wait|...|what|?!|15|%|of")]
    [InlineData("(Islamic State (Khorasan Province), resulted", "(|Islamic|State|(|Khorasan|Province|)|,|resulted")]
    [InlineData("e.g. this, at 5 a.m. today", "e.g.|this|,|at|5|a.m.|today")]
    public void Tokenize_NewsConstructions(string text, string expected) =>
        Assert.Equal(expected.Split('|'), Tokens(text));

    [Fact]
    public void Tokenize_KindsOfTokens()
    {
        const string text = "On 2024-05-14, $7 went to https://x.org (Reuters).";
        var kinds = Tokenizer.Default.Tokenize(text).ToDictionary(t => t.Span.Slice(text).ToString(), t => t.Kind);
        Assert.Equal(TokenKind.Number, kinds["2024-05-14"]);
        Assert.Equal(TokenKind.Symbol, kinds["$"]);
        Assert.Equal(TokenKind.Url, kinds["https://x.org"]);
        Assert.Equal(TokenKind.Punctuation, kinds["("]);
        Assert.Equal(TokenKind.Word, kinds["Reuters"]);
    }

    [Fact]
    public void Tokenize_KeepsSurrogatePairsWhole()
    {
        const string text = "ok 😀 𝐀𝐁 done";
        Assert.Equal(["ok", "😀", "𝐀𝐁", "done"], Tokens(text));
    }

    /// <summary>Random text over an alphabet that stresses every rule.</summary>
    private static readonly Gen<string> NewsLikeText =
        Gen.OneOf(
                Gen.Char["abcXYZ019"],
                Gen.Char[" \n\t\u00A0"],
                Gen.Char[".,;:!?-‐'’\"“”()[]$%&/@"],
                Gen.Const('\uD83D'),
                Gen.Const('\uDE00'),
                Gen.Const('\u200B'),
                Gen.Const('\u00AD'),
                Gen.Char)
            .Array[0, 80]
            .Select(chars => new string(chars))
            .Select(s => Gen.OneOf(Gen.Const(s), Gen.Const(s + " U.S. Lt. No. 5 n't 's http://a.b/c x@y.zz 60-82mm 258,300 ")))
            .SelectMany(g => g);

    [Fact]
    public void Tokenize_Property_OffsetsAreInBoundsOrderedAndCoverEveryVisibleCharacter()
    {
        NewsLikeText.Sample(text =>
        {
            var tokens = Tokenizer.Default.Tokenize(text);
            var previousEnd = 0;
            var covered = new bool[text.Length];
            foreach (var token in tokens)
            {
                Assert.True(token.Span.Start >= previousEnd, $"token {token.Span} starts before the previous one ends in {text.Replace("\n", "\\n", StringComparison.Ordinal)}");
                Assert.True(token.Span.End <= text.Length);
                Assert.False(token.Span.IsEmpty);
                var slice = token.Span.Slice(text);
                Assert.False(char.IsWhiteSpace(slice[0]) || char.IsWhiteSpace(slice[^1]), $"token '{slice}' starts or ends with white space");
                for (var i = token.Span.Start; i < token.Span.End; i++)
                {
                    covered[i] = true;
                }

                previousEnd = token.Span.End;
            }

            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                var skippable = char.IsWhiteSpace(c) || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;
                Assert.True(covered[i] || skippable, $"character U+{(int)c:X4} at {i} is in no token");
            }
        }, iter: 3000);
    }

    [Fact]
    public void Tokenize_Property_ARangeTokenizesLikeTheSameTextAlone()
    {
        NewsLikeText.Sample(text =>
        {
            var padded = "Lead. " + text + " tail";
            var inRange = new List<TokenData>();
            Tokenizer.Default.Tokenize(padded, new TextSpan(6, 6 + text.Length), inRange);
            var alone = Tokenizer.Default.Tokenize(text);
            Assert.Equal(alone.Select(t => (t.Span.Start + 6, t.Span.End + 6, t.Kind)), inRange.Select(t => (t.Span.Start, t.Span.End, t.Kind)));
        }, iter: 500);
    }
}
