namespace Dossier.Nlp.Time;

/// <summary>
/// One kind of time expression ('last week', 'May 7th', '5 p.m.'), matched at a position of a
/// sentence. It declares the words it can start on, so the tagger tries it only there.
/// </summary>
internal interface ITimeMatcher
{
    /// <summary>The words a match can start on; a start word outside them never gives a match.</summary>
    TimeStarts Starts { get; }

    /// <summary>The expression starting at word <paramref name="i"/>, or null.</summary>
    TimeMatch? Match(TimeSentence s, int i);
}

/// <summary>
/// The start words of a matcher: lower-cased words (a multi-word entry such as 'more than' by its
/// first word), and, when <see cref="Digits"/>, any word that opens with a digit (numbers, years,
/// clock times, dates in digits).
/// </summary>
internal sealed class TimeStarts
{
    public TimeStarts(IEnumerable<string> words, bool digits = false)
    {
        Words = new HashSet<string>(words, StringComparer.Ordinal);
        Digits = digits;
    }

    /// <summary>The lower-cased words.</summary>
    public IReadOnlySet<string> Words { get; }

    /// <summary>True when any word opening with an ASCII digit can start a match.</summary>
    public bool Digits { get; }

    /// <summary>The words of the given classes of <paramref name="lexicon"/>.</summary>
    public static IEnumerable<string> Classes(TimeWords lexicon, params string[] classes) => classes.SelectMany(lexicon.WordsOf);

    /// <summary>The first words of multi-word entries ('more than' → 'more').</summary>
    public static IEnumerable<string> FirstWords(IEnumerable<string> entries) => entries.Select(e => e.Split(' ')[0]);
}
