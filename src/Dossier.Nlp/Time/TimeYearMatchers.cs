using System.Globalization;

namespace Dossier.Nlp.Time;

/// <summary>Years, decades and fiscal years: '2021', 'fiscal 1989', 'the 1990s', 'mid-1990s', 'the year 2000'.</summary>
internal sealed class YearMatcher : ITimeMatcher
{
    private readonly TimeWords _w;
    private readonly TimePieces _p;

    public YearMatcher(TimeWords words, TimePieces pieces)
    {
        _w = words;
        _p = pieces;
        Starts = new TimeStarts([.. TimeStarts.Classes(words, "position", "fiscal", "season"), "the", "two", "nineteen", "twenty"], digits: true);
    }

    public TimeStarts Starts { get; }

    public TimeMatch? Match(TimeSentence s, int i)
    {
        var j = s.L(i) == "the" ? i + 1 : i;
        string? mod = null;
        if (_w.Get("position", s.L(j)) is { } position && s.L(j) is "early" or "late" or "mid")
        {
            mod = position;
            j++;
        }

        if (_w.Is("fiscal", s.L(j)))
        {
            j++;
        }

        if (_p.SpokenYear(s, j) is { } spoken)
        {
            return new TimeMatch(j + spoken.Length - i, "DATE", TimeCalendar.Year(spoken.Year), mod);
        }

        if (_p.YearAt(s, j) is { } y && s.L(i) != "the")
        {
            // '2016 November', '2016, Nov': a month of that year.
            var k = j + 1 + (s.L(j + 1) == "," ? 1 : 0);
            if (mod is null && _w.Int("month", s.L(k)) is { } month && (TimePieces.IsCapitalised(s.W(k)) || s.L(k) is not ("may" or "march")) && TimePieces.DayAt(s, k + 1) is null)
            {
                return new TimeMatch(k + 1 - i, "DATE", TimeCalendar.Month(y, month));
            }

            return new TimeMatch(j + 1 - i, "DATE", TimeCalendar.Year(y), mod);
        }

        // 'summer 2016', 'summer of 2016'
        if (_w.Get("season", s.L(j)) is { } season && _p.AnyYear(s, j + 1 + (s.L(j + 1) == "of" ? 1 : 0)) is { } seasonYear)
        {
            return new TimeMatch(j + 1 + (s.L(j + 1) == "of" ? 1 : 0) + seasonYear.Length - i, "DATE", $"{TimeCalendar.Year(seasonYear.Year)}-{season}", mod);
        }

        if (s.L(i) == "the" && _w.Get("decade-word", s.L(j)) is { } decadeWord)
        {
            return new TimeMatch(j + 1 - i, "DATE", decadeWord, mod);
        }

        // 'the 20th century' → 19
        if (s.L(i) == "the" && s.L(j + 1) == "century" && s.L(j).Length is 4 or 3 && int.TryParse(s.L(j)[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out var nth) && nth is >= 1 and <= 21)
        {
            return new TimeMatch(j + 2 - i, "DATE", (nth - 1).ToString("00", CultureInfo.InvariantCulture), mod);
        }

        var w = s.L(j);
        if (w.Length == 5 && w[4] == 's' && w[3] == '0' && int.TryParse(w[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var decade) && decade is >= 1800 and <= 2100)
        {
            return new TimeMatch(j + 1 - i, "DATE", (decade / 10).ToString("000", CultureInfo.InvariantCulture), mod);
        }

        return null;
    }
}

/// <summary>'year-earlier', 'the year-ago quarter': the year (or, in an earnings report, the quarter) a year back.</summary>
internal sealed class YearAgoMatcher : ITimeMatcher
{
    public TimeStarts Starts { get; } = new(["the", "year"]);

    public TimeMatch? Match(TimeSentence s, int i)
    {
        var j = s.L(i) == "the" ? i + 1 : i;
        if (s.L(j) != "year" || s.L(j + 1) is not ("earlier" or "ago") || s.Words[j + 1].Token != s.Words[j].Token)
        {
            return null;
        }

        var value = TimePieces.YearBeforeQuarter(s) ?? (s.Dct is { } dct ? TimeCalendar.Year(dct.Year - 1) : null);
        return new TimeMatch(j + 2 - i, "DATE", value);
    }
}

/// <summary>'year-end', 'year end', 'year's end': the end of the document's year.</summary>
internal sealed class YearEndMatcher : ITimeMatcher
{
    public TimeStarts Starts { get; } = new(["year"]);

    public TimeMatch? Match(TimeSentence s, int i)
    {
        if (s.L(i) != "year" || !(s.L(i + 1) == "end" || (s.L(i + 1) == "'s" && s.L(i + 2) == "end")))
        {
            return null;
        }

        return new TimeMatch(s.L(i + 1) == "'s" ? 3 : 2, "DATE", s.Dct is { } dct ? TimeCalendar.Year(dct.Year) : null, "END");
    }
}

/// <summary>'the third quarter', 'third-quarter', 'the first half of 1990', 'the fourth quarter of fiscal 1989'.</summary>
internal sealed class OrdinalPeriodMatcher : ITimeMatcher
{
    private readonly TimeWords _w;
    private readonly TimePieces _p;

    public OrdinalPeriodMatcher(TimeWords words, TimePieces pieces)
    {
        _w = words;
        _p = pieces;
        Starts = new TimeStarts([.. TimeStarts.Classes(words, "ordinal"), "the"]);
    }

    public TimeStarts Starts { get; }

    public TimeMatch? Match(TimeSentence s, int i)
    {
        var j = s.L(i) == "the" ? i + 1 : i;
        if (_w.Get("ordinal", s.L(j)) is not { } ord || ord == "L" || s.L(j + 1) is not ("quarter" or "half"))
        {
            return null;
        }

        var n = int.Parse(ord, CultureInfo.InvariantCulture);
        var letter = s.L(j + 1) == "quarter" ? "Q" : "H";
        if ((letter == "Q" && n > 4) || (letter == "H" && n > 2))
        {
            return null;
        }

        var k = j + 2;
        int? year = null;
        if (s.L(k) == "of")
        {
            var f = _w.Is("fiscal", s.L(k + 1)) ? 1 : 0;
            if (_p.YearAt(s, k + 1 + f) is { } y)
            {
                year = y;
                k += 2 + f;
            }
        }

        if (year is null && s.Dct is { } dct)
        {
            var current = letter == "Q" ? TimeCalendar.QuarterOf(dct) : dct.Month > 6 ? 2 : 1;
            year = n <= current || s.Future ? dct.Year : dct.Year - 1;
        }

        return new TimeMatch(k - i, "DATE", year is { } yy ? string.Create(CultureInfo.InvariantCulture, $"{yy:0000}-{letter}{n}") : $"XXXX-{letter}{n}", Quarter: letter == "Q");
    }
}
