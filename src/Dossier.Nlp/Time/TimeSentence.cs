using Dossier.Nlp.Syntax;

namespace Dossier.Nlp.Time;

/// <summary>A word of the sentence: a token, or one part of a hyphenated token ('third-quarter', 'mid-1990s').</summary>
internal readonly record struct TimeWord(string Text, string Lower, int Start, int End, int Token);

/// <summary>The state of one document while it is tagged: its date and what the text named so far.</summary>
internal sealed class TimeState(DateOnly? dct)
{
    public DateOnly? Dct { get; } = dct;

    /// <summary>The last day the text named (for 'a day later', 'the next day').</summary>
    public DateOnly? LastDay { get; set; }

    /// <summary>The last quarter the text named with its year ('the third quarter' → 1989-Q3), for 'a year earlier' in earnings reports.</summary>
    public string? LastQuarter { get; set; }

    /// <summary>The sentence (counted from 0) that named <see cref="LastQuarter"/>.</summary>
    public int QuarterSentence { get; set; } = -10;

    /// <summary>The current sentence, counted from 0.</summary>
    public int Sentence { get; set; } = -1;
}

/// <summary>The words of one sentence as the matchers see them, with the document's state.</summary>
internal sealed class TimeSentence(TimeWord[] words, TimeState state, TimeWords lexicon)
{
    public TimeWord[] Words { get; } = words;

    /// <summary>The position being matched (set before each match).</summary>
    public int At { get; set; }

    /// <summary>The tense the tree gives the clause of a token (by its index in the sentence), or null when the sentence was not parsed.</summary>
    public Func<int, Tense>? TenseOf { get; init; }

    /// <summary>The tense the tree gives the clause of the word being matched (<see cref="Tense.Unknown"/> without a tree).</summary>
    public Tense Tense => TenseOf is { } tenseOf && At < Words.Length ? tenseOf(Words[At].Token) : Tense.Unknown;

    /// <summary>
    /// True when the clause of the position being matched speaks of the future: by the tree where
    /// it says (a past-tense verb group is not future, whatever follows it), else when a future
    /// marker ('will', 'shall') stands near: six words before it or three after.
    /// </summary>
    public bool Future
    {
        get
        {
            if (Tense is not Tense.Unknown and var tense)
            {
                return tense == Tense.Future;
            }

            for (var k = Math.Max(0, At - 6); k < Math.Min(Words.Length, At + 4); k++)
            {
                if (lexicon.Is("future", Words[k].Lower))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>True when the tree says the clause of the position being matched is in the past ('stepped down in March', 'the year ended Jan. 31'): a month named without a year is then seldom the coming one (see <see cref="TimeCalendar.PastMonthsAhead"/>).</summary>
    public bool Past => Tense == Tense.Past;

    public TimeState State { get; } = state;

    public DateOnly? Dct => State.Dct;

    /// <summary>The day named earlier in this sentence (a clock time belongs to it).</summary>
    public DateOnly? Day { get; set; }

    public string L(int i) => i >= 0 && i < Words.Length ? Words[i].Lower : string.Empty;

    public string W(int i) => i >= 0 && i < Words.Length ? Words[i].Text : string.Empty;
}

/// <summary>A match at a position: its length in words, type, value, mod and the day it names (for later relative dates).</summary>
internal sealed record TimeMatch(int Length, string Type, string? Value, string? Mod = null, DateOnly? Day = null, bool Quarter = false);
