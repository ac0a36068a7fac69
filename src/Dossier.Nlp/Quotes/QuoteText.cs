using Dossier.Annotations;
namespace Dossier.Nlp.Quotes;

/// <summary>The token helpers the quote rules share: trimming and skipping punctuation, the quotation before a point, the kind of a content.</summary>
internal static class QuoteText
{
    /// <summary>The most words a speaker phrase is read over.</summary>
    internal const int MaxSpeakerWords = 12;

    /// <summary>Where a speaker phrase starting at <paramref name="k"/> starts with its article, which the phrase readers leave out ('…, the senator said'); not before <paramref name="sentenceStart"/>.</summary>
    internal static int WithArticle(QuoteDocument v, int sentenceStart, int k)
    {
        while (k > sentenceStart && v.Lower[k - 1] is "the" or "a" or "an")
        {
            k--;
        }

        return k;
    }

    /// <summary>The end of a content span: trailing punctuation (not a closing quotation mark) left out.</summary>
    internal static int TrimEnd(QuoteDocument v, int start, int end)
    {
        while (end > start && v.IsPunctuation(end - 1) && !v.IsQuoteMark(end - 1))
        {
            end--;
        }

        return end;
    }

    /// <summary>The first token from <paramref name="k"/> on that is no punctuation (a quotation mark stops it).</summary>
    internal static int SkipPunctuation(QuoteDocument v, int k, int b)
    {
        while (k < b && v.IsPunctuation(k) && !v.IsQuoteMark(k))
        {
            k++;
        }

        return k;
    }

    /// <summary>True when a word in <c>[start, end)</c> has a letter.</summary>
    internal static bool HasLetter(QuoteDocument v, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (v.Words[k].Any(char.IsLetter))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when at most two words come before the cue in its sentence.</summary>
    internal static bool LeadingWords(QuoteDocument v, int a, int cueStart)
    {
        var words = 0;
        for (var k = a; k < cueStart; k++)
        {
            words += v.IsPunctuation(k) ? 0 : 1;
        }

        return words <= 2;
    }

    /// <summary>A quotation that ends just before <paramref name="limit"/> (only punctuation between), inside or ending in this sentence.</summary>
    internal static (int Start, int End)? QuoteBefore(QuoteDocument v, int sentenceStart, int limit)
    {
        var k = limit;

        // A title before the name the speaker phrase starts with: “…,” House Speaker Paul Ryan told …
        var title = k;
        while (title > sentenceStart && limit - title < 4 && v.Words[title - 1].Length > 0 && char.IsUpper(v.Words[title - 1][0]) && !v.IsPunctuation(title - 1))
        {
            title--;
        }

        if (title < k && title > sentenceStart && v.IsPunctuation(title - 1))
        {
            k = title;
        }

        while (k > sentenceStart && ((v.IsPunctuation(k - 1) && !v.IsQuoteMark(k - 1)) || v.Lower[k - 1] is "the" or "a" or "an"))
        {
            k--;
        }

        if (k > sentenceStart && v.IsQuoteMark(k - 1) && v.QuoteEndingAt(k - 1) is { } region)
        {
            return (region.Start, region.End);
        }

        return null;
    }

    /// <summary>The first token from <paramref name="start"/> on (the last one at most) that is not in the word list <paramref name="category"/>.</summary>
    internal static int Skip(CueLexicon lexicon, QuoteDocument v, int start, int end, string category)
    {
        while (start < end - 1 && lexicon.Is(category, v.Lower[start]))
        {
            start++;
        }

        return start;
    }

    /// <summary>A short phrase after a cue that says how or where it was said ("in a statement", "on Thursday", "at a briefing"), not what.</summary>
    internal static bool IsAdverbial(CueLexicon lexicon, QuoteDocument v, int start, int end) =>
        end - start <= 6 && start < end && (lexicon.Is("adverbial-start", v.Lower[start]) || v.IsTimeMention(start));

    /// <summary>direct, mixed (a quoted fragment inside reported speech), unmarked (first person without quotation marks) or indirect.</summary>
    internal static QuoteKind KindOf(CueLexicon lexicon, QuoteDocument v, int start, int end)
    {
        var quoted = 0;
        var firstPerson = false;
        for (var k = start; k < end; k++)
        {
            quoted += v.InQuote(k) ? 1 : 0;
            firstPerson |= lexicon.Is("first-person", v.Lower[k]) && !(v.Lower[k] == "us" && k > start && v.Words[k] == "US");
        }

        return quoted == 0 ? (firstPerson ? QuoteKind.Unmarked : QuoteKind.Indirect)
            : quoted >= (end - start) * 8 / 10 ? QuoteKind.Direct
            : QuoteKind.Mixed;
    }
}
