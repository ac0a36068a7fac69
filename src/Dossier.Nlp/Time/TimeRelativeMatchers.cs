using System.Globalization;

namespace Dossier.Nlp.Time;

/// <summary>'now', 'currently', 'recently', 'the future', 'the past', 'recent years'.</summary>
internal sealed class ReferenceMatcher : ITimeMatcher
{
    private readonly TimeWords _w;
    private readonly TimePieces _p;

    public ReferenceMatcher(TimeWords words, TimePieces pieces)
    {
        _w = words;
        _p = pieces;
        Starts = new TimeStarts([.. TimeStarts.Classes(words, "reference"), "the"]);
    }

    public TimeStarts Starts { get; }

    public TimeMatch? Match(TimeSentence s, int i)
    {
        var j = s.L(i) == "the" ? i + 1 : i;
        var w = s.L(j);
        if (w is "past" or "present" && j > i && _p.Count(s, j + 1).Length == 0 && _p.Unit(s, j + 1) is null)
        {
            return new TimeMatch(2, "DATE", w == "past" ? "PAST_REF" : "PRESENT_REF");
        }

        if (_w.Get("reference", w) is not { } value || (j > i && w is not "future"))
        {
            return null;
        }

        // 'current' and 'future' only as words of time: 'current account' is not.
        if (w is "current" && (_p.Unit(s, j + 1) is not null || s.L(j + 1) is "account" or "accounts" or "affairs" or "events" or "electric" or "flow" or "flows"))
        {
            return null;
        }

        if (w is "recent" && _p.Unit(s, j + 1) is { } unit && TimePieces.Plural(s.L(j + 1)))
        {
            return unit == "Y" ? new TimeMatch(j + 2 - i, "DATE", "PAST_REF") : new TimeMatch(j + 2 - i, "DURATION", TimeCalendar.Period(null, unit));
        }

        if (w is "future" && j == i && !(s.L(i - 1) is "the" or "near" or "in" or "foreseeable"))
        {
            return null;
        }

        return new TimeMatch(j + 1 - i, "DATE", value);
    }
}

/// <summary>'last year', 'this month', 'next week', 'the quarter', 'earlier this year', 'early next year', 'the end of the year', 'last fall', 'this weekend'.</summary>
internal sealed class ShiftedMatcher : ITimeMatcher
{
    private readonly TimeWords _w;
    private readonly TimePieces _p;
    private readonly DatedMatcher _dated;

    public ShiftedMatcher(TimeWords words, TimePieces pieces, DatedMatcher dated)
    {
        _w = words;
        _p = pieces;
        _dated = dated;
        Starts = new TimeStarts([.. TimeStarts.Classes(words, "position", "shift"), "the"]);
    }

    public TimeStarts Starts { get; }

    public TimeMatch? Match(TimeSentence s, int i)
    {
        var j = i;
        string? mod = null;
        if (_w.Get("position", s.L(j)) is { } position && (_w.Is("shift", s.L(j + 1)) || s.L(j + 1) == "the"))
        {
            mod = position;
            j++;
        }
        else if (s.L(j) is "the" && s.L(j + 1) is "end" or "beginning" or "start" or "middle" && s.L(j + 2) == "of")
        {
            mod = _w.Get("position", s.L(j + 1));
            j += 3;
        }

        var the = s.L(j) == "the";
        if (the)
        {
            j++;
        }

        var shiftWord = s.L(j);
        var shift = _w.Get("shift", shiftWord);
        if (shift is not null)
        {
            j++;
        }
        else if (!the)
        {
            return null;
        }

        // 'last fiscal year', 'the current fiscal year': a year all the same.
        if (shift is not null && s.L(j) == "fiscal" && s.L(j + 1) == "year")
        {
            j++;
        }

        var unitWord = s.L(j);
        if (shift is not null && j < s.Words.Length && s.Words[j - 1].Token == s.Words[Math.Min(j, s.Words.Length - 1)].Token)
        {
            return null; // 'last-minute', 'this-year' are adjectives
        }

        // 'the latest period', 'the period' in an earnings report: the quarter it reports.
        if (unitWord == "period" && the && shift is null or "L" && s.State.LastQuarter is { } period && s.State.Sentence - s.State.QuarterSentence <= 3)
        {
            return new TimeMatch(j + 1 - i, "DATE", period, mod);
        }

        var season = _w.Get("season", unitWord);
        var unit = _p.Unit(s, j);
        if ((unit is null && season is null) || (unit is not null && TimePieces.Plural(unitWord) && unitWord != "weekend"))
        {
            return null;
        }

        var length = j + 1 - i;

        // 'the past hour' reaches back from now; 'the past year', 'the last decade' are the
        // period before this one (TimeBank marks them as dates).
        if (the && shiftWord is "past" or "last" && unit is "H" or "MIN" or "S")
        {
            return new TimeMatch(length, "DURATION", TimeCalendar.Period(1, unit));
        }

        // 'the year two thousand', 'the year 2000'.
        if (the && shift is null && unit == "Y" && _p.AnyYear(s, j + 1) is { } named)
        {
            return new TimeMatch(length + named.Length, "DATE", TimeCalendar.Year(named.Year), mod);
        }

        if (unit is "H" or "MIN" or "S" || (shift is null && unit is "DE" or "CE"))
        {
            return null;
        }

        // 'the year' after 'for', 'during', 'in', 'over' is a span of a year; elsewhere this year.
        if (the && shift is null && unit == "Y" && mod is null && _w.Is("duration-lead", s.L(i - 1)))
        {
            return new TimeMatch(length, "DURATION", "P1Y");
        }

        // 'the winter of 1994', 'the winter of nineteen ninety-four'.
        if (season is not null && s.L(j + 1) == "of" && _p.AnyYear(s, j + 2) is { } ofYear)
        {
            return new TimeMatch(length + 1 + ofYear.Length, "DATE", $"{TimeCalendar.Year(ofYear.Year)}-{season}", mod);
        }

        // 'the week of March 6': the week holding that day.
        if (the && shift is null && unit == "W" && s.L(j + 1) == "of" && _dated.Match(s, j + 2) is { Day: { } weekOf } ofDate)
        {
            return new TimeMatch(length + 1 + ofDate.Length, "DATE", TimeCalendar.Week(weekOf), mod);
        }

        // 'the day', 'the year' alone: the present period; 'the same day' is the day named before.
        if (s.Dct is not { } dct)
        {
            return new TimeMatch(length, "DATE", null, mod);
        }

        if (season is not null)
        {
            var order = "WI SP SU FA".IndexOf(season, StringComparison.Ordinal) / 3;
            var now = dct.Month is 12 or 1 or 2 ? 0 : (dct.Month + 0) / 3;
            var y = shift switch
            {
                "-1" => order < now ? dct.Year : dct.Year - 1,
                "1" => order > now ? dct.Year : dct.Year + 1,
                _ => dct.Year,
            };
            return new TimeMatch(length, "DATE", $"{TimeCalendar.Year(y)}-{season}", mod);
        }

        var baseDay = shiftWord is "same" or "following" or "previous" or "prior" && s.State.LastDay is { } last ? last : dct;
        var offset = shift switch
        {
            null or "L" => unit == "Q" ? -1 : 0,
            _ => int.Parse(shift, CultureInfo.InvariantCulture),
        };

        // 'the weekend' in a past-tense report written Monday to Thursday is the one before.
        if (unit == "WE" && shift is null && !s.Future && dct.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday)
        {
            offset = -1;
        }

        // 'the quarter' in an earnings report is the quarter it reports.
        if (unit == "Q" && shift is null or "L" && s.State.LastQuarter is { } reported)
        {
            return new TimeMatch(length, "DATE", reported, mod);
        }
        if (unit == "D" && shift is null)
        {
            return null;
        }

        var value = TimeCalendar.Shift(baseDay, unit!, offset);
        DateOnly? day = unit == "D" ? baseDay.AddDays(offset) : null;
        return new TimeMatch(length, "DATE", value, mod, day, Quarter: unit == "Q");
    }
}

/// <summary>'a year ago', 'two days later', 'three weeks earlier', 'the day before', 'the next day'.</summary>
internal sealed class DistanceMatcher : ITimeMatcher
{
    private readonly TimeWords _w;
    private readonly TimePieces _p;

    public DistanceMatcher(TimeWords words, TimePieces pieces)
    {
        _w = words;
        _p = pieces;
        Starts = new TimeStarts([.. TimeStarts.Classes(words, "modifier", "number"), "a"], digits: true);
    }

    public TimeStarts Starts { get; }

    public TimeMatch? Match(TimeSentence s, int i)
    {
        var j = i;
        string? mod = null;
        if (_w.Get("modifier", s.L(j)) is { } m1)
        {
            mod = m1;
            j++;
        }

        var (n, count) = _p.Count(s, j);
        if (n == 0 || count is null || count == "X" || _p.Unit(s, j + n) is not { } unit || unit is "H" or "MIN" or "S" or "WE" or "2W")
        {
            return null;
        }

        var direction = _w.Get("direction", s.L(j + n + 1));
        var extra = 0;
        if (direction is null && s.L(j + n + 1) == "from" && s.L(j + n + 2) is "now" or "today")
        {
            (direction, extra) = ("+D", 1);
        }

        if (direction is null)
        {
            return null;
        }

        var amount = (int)Math.Round(double.Parse(count, CultureInfo.InvariantCulture));
        var offset = direction[0] == '-' ? -amount : amount;
        var length = j + n + 2 + extra - i;
        var fromMention = direction[1] == 'A' && s.State.LastDay is not null;
        if ((fromMention ? s.State.LastDay : s.Dct) is not { } from)
        {
            return new TimeMatch(length, "DATE", null, mod);
        }

        var value = unit == "Y" && offset == -1 && TimePieces.YearBeforeQuarter(s) is { } quarter ? quarter
            : unit == "DE" ? TimeCalendar.Shift(from, "Y", offset * 10) : TimeCalendar.Shift(from, unit, offset);
        DateOnly? day = unit == "D" ? from.AddDays(offset) : unit == "W" ? from.AddDays(7 * offset) : null;
        return new TimeMatch(length, "DATE", value, mod, day);
    }
}
