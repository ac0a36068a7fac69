using Dossier.Nlp.Syntax;
using System.Numerics;
using Dossier.Text;

namespace Dossier.Nlp.Time;

/// <summary>A time expression found in a text: its character span, TIMEX3 type and value, and TimeML's mod where a modifier gives one.</summary>
/// <param name="Span">Half-open character offsets.</param>
/// <param name="Type">DATE, TIME, DURATION or SET.</param>
/// <param name="Value">The TIMEX3 value (2024-05-10, 2024-W19, XXXX-02-21, P3Y, PAST_REF …); null when it depends on a date nobody knows.</param>
/// <param name="Mod">APPROX, MORE_THAN, START, END … or null.</param>
public readonly record struct TimeExpression(TextSpan Span, string Type, string? Value, string? Mod);

/// <summary>
/// Finds dates, times, durations and sets in text and normalises them to TIMEX3 values against
/// the document's date: 'on Thursday' (the Thursday before a past-tense report), 'last week',
/// 'a day later' (from the date mentioned before), 'in March', 'May 7th', 'Jan. 20', 'from 2013
/// till 2018', 'more than three years', 'daily'. Where the document date is unknown, what is
/// certain is kept ('XXXX-02-21'). Rules over words; the words are data (<c>time-words.tsv</c>).
/// Stateless and thread-safe; the state of one document lives in one call of <c>Tag</c>.
/// </summary>
public sealed class TimeTagger
{
    private readonly TimeWords _w;

    /// <summary>The matchers in the order they are tried; at a position the longest match wins, the first of equals.</summary>
    private readonly ITimeMatcher[] _matchers;

    /// <summary>Which matchers (bit k = <see cref="_matchers"/>[k], so at most 32 of them) can start on a word.</summary>
    private readonly Dictionary<string, int> _byWord = new(StringComparer.Ordinal);

    /// <summary>Which matchers can start on any word that opens with a digit.</summary>
    private readonly int _byDigit;

    private TimeTagger(TimeWords words)
    {
        _w = words;
        var pieces = new TimePieces(words);
        var dated = new DatedMatcher(words, pieces);
        var weekday = new WeekdayMatcher(words);
        _matchers =
        [
            new RangeMatcher(words, pieces), dated, new NumericMatcher(), weekday, new YearMatcher(words, pieces),
            new RelativeDayMatcher(words), new ReferenceMatcher(words, pieces), new ShiftedMatcher(words, pieces, dated),
            new OrdinalPeriodMatcher(words, pieces), new DistanceMatcher(words, pieces), new YearAgoMatcher(), new YearEndMatcher(),
            new HolidayMatcher(words), new NeighbourMatcher(), new DurationMatcher(words, pieces), new SetMatcher(words, pieces),
            new ClockMatcher(pieces, weekday, dated),
        ];
        for (var k = 0; k < _matchers.Length; k++)
        {
            foreach (var word in _matchers[k].Starts.Words)
            {
                _byWord[word] = _byWord.GetValueOrDefault(word) | (1 << k);
            }

            if (_matchers[k].Starts.Digits)
            {
                _byDigit |= 1 << k;
            }
        }
    }

    /// <summary>The tagger with the shipped word lists.</summary>
    public static TimeTagger Default { get; } = new(TimeWords.Default);

    /// <summary>
    /// The time expressions of a document, sentence by sentence (each a list of token spans, in
    /// order), normalised against <paramref name="documentDate"/> when it is known.
    /// </summary>
    internal IReadOnlyList<TimeExpression> Tag(string text, IEnumerable<IReadOnlyList<TextSpan>> sentences, DateOnly? documentDate)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return Tag(text, sentences.Select(tokens => (tokens, (Func<int, Tense>?)null)), documentDate);
    }

    /// <summary>
    /// The time expressions of a document whose sentences come with the tense the tree gives each
    /// token's clause (by the token's index in its sentence): a past-tense clause reads 'on
    /// Wednesday' as the Wednesday before the document's date, a future one as the next, whatever
    /// words stand nearby; where the tree says nothing, a window of words decides.
    /// </summary>
    internal IReadOnlyList<TimeExpression> Tag(string text, IEnumerable<(IReadOnlyList<TextSpan> Tokens, Func<int, Tense>? TenseOf)> sentences, DateOnly? documentDate)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        var found = new List<TimeExpression>();
        var state = new TimeState(documentDate);
        foreach (var (tokens, tenseOf) in sentences)
        {
            TagSentence(text, tokens, tenseOf, state, found);
        }

        return found;
    }

    private void TagSentence(string text, IReadOnlyList<TextSpan> tokens, Func<int, Tense>? tenseOf, TimeState state, List<TimeExpression> found)
    {
        var words = new List<TimeWord>(tokens.Count + 4);
        for (var t = 0; t < tokens.Count; t++)
        {
            var span = tokens[t];
            var token = text.Substring(span.Start, span.Length);
            var dash = token.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && dash < token.Length - 1 && token.Any(char.IsLetter))
            {
                var from = 0;
                foreach (var part in token.Split('-'))
                {
                    if (part.Length > 0)
                    {
                        words.Add(new TimeWord(part, part.ToLowerInvariant(), span.Start + from, span.Start + from + part.Length, t));
                    }

                    from += part.Length + 1;
                }
            }
            else
            {
                words.Add(new TimeWord(token, token.ToLowerInvariant(), span.Start, span.End, t));
            }
        }

        state.Sentence++;
        var s = new TimeSentence([.. words], state, _w) { TenseOf = tenseOf };
        var i = 0;
        while (i < s.Words.Length)
        {
            s.At = i;
            var m = Best(s, i);
            if (m is null)
            {
                i++;
                continue;
            }

            // Extend to whole tokens: 'two-year', 'third-quarter', 'mid-1990s'.
            var first = s.Words[i].Token;
            var last = s.Words[i + m.Length - 1].Token;
            var end = i + m.Length;
            while (end < s.Words.Length && s.Words[end].Token == last)
            {
                end++;
            }

            found.Add(new TimeExpression(new TextSpan(tokens[first].Start, tokens[last].End), m.Type, m.Value, m.Mod));
            if (m.Quarter && m.Value is { Length: 7 } q && char.IsAsciiDigit(q[0]))
            {
                state.LastQuarter ??= q;
                state.QuarterSentence = state.Sentence;
            }

            if (m.Day is { } day)
            {
                s.Day = day;
                state.LastDay = day;
            }

            i = end;
        }
    }

    private TimeMatch? Best(TimeSentence s, int i)
    {
        TimeMatch? best = null;
        for (var tried = Candidates(s.Words[i].Lower); tried != 0; tried &= tried - 1)
        {
            var m = _matchers[BitOperations.TrailingZeroCount(tried)].Match(s, i);
            if (m is not null && (best is null || m.Length > best.Length))
            {
                best = m;
            }
        }

        return best;
    }

    /// <summary>
    /// The matchers that can start on a word, as bits in their order. A word holding a space (a
    /// token of two words) is looked up by its first, which is how multi-word entries declare theirs.
    /// </summary>
    private int Candidates(string lower)
    {
        var space = lower.IndexOf(' ', StringComparison.Ordinal);
        var tried = _byWord.GetValueOrDefault(space < 0 ? lower : lower[..space]);
        return lower.Length > 0 && char.IsAsciiDigit(lower[0]) ? tried | _byDigit : tried;
    }
}
