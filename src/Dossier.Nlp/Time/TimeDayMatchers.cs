using System.Globalization;

namespace Dossier.Nlp.Time;

/// <summary>'Friday', 'last Friday', 'Friday morning'.</summary>
internal sealed class WeekdayMatcher : ITimeMatcher
{
    private readonly TimeWords _w;

    public WeekdayMatcher(TimeWords words)
    {
        _w = words;
        Starts = new TimeStarts(TimeStarts.Classes(words, "shift", "weekday"));
    }

    public TimeStarts Starts { get; }

    public TimeMatch? Match(TimeSentence s, int i)
    {
        var j = i;
        int? shift = null;
        if (_w.Get("shift", s.L(j)) is { } sh && sh != "L" && TimePieces.IsCapitalised(s.W(j + 1)) && _w.Is("weekday", s.L(j + 1)))
        {
            shift = int.Parse(sh, CultureInfo.InvariantCulture);
            j++;
        }

        if (!TimePieces.IsCapitalised(s.W(j)) || _w.Int("weekday", s.L(j)) is not { } wd || (s.L(j) is "sun." or "sat." && !char.IsAsciiDigit(s.L(j + 1).FirstOrDefault())))
        {
            return null;
        }

        j++;

        // 'Friday the 15th': the day of the month, in the reference month.
        if (s.L(j) == "the" && TimePieces.DayAt(s, j + 1) is { } dom && s.Dct is { } refDay && dom <= DateTime.DaysInMonth(refDay.Year, refDay.Month))
        {
            var named = new DateOnly(refDay.Year, refDay.Month, dom);
            return new TimeMatch(j + 2 - i, "DATE", TimeCalendar.Day(named), Day: named);
        }

        var part = _w.Get("part-of-day", s.L(j));
        if (part is not null)
        {
            j++;
        }

        // 'Friday evening' keeps its part of the day (TEV); 'Friday night' and 'Friday morning' are
        // valued as the day, as TimeBank, which often marks only 'Friday', does more often than not.
        var suffix = part is "EV" or "AF" ? "T" + part : string.Empty;
        if (s.Dct is not { } dct)
        {
            return new TimeMatch(j - i, part is null ? "DATE" : "TIME", string.Create(CultureInfo.InvariantCulture, $"XXXX-WXX-{wd}") + suffix);
        }

        var date = TimeCalendar.Weekday(wd, dct, s.Future, shift);
        return new TimeMatch(j - i, part is null ? "DATE" : "TIME", TimeCalendar.Day(date) + suffix, Day: date);
    }
}

/// <summary>'today', 'yesterday afternoon', 'tonight', 'this morning', 'last night'.</summary>
internal sealed class RelativeDayMatcher : ITimeMatcher
{
    private readonly TimeWords _w;

    public RelativeDayMatcher(TimeWords words)
    {
        _w = words;
        Starts = new TimeStarts([.. TimeStarts.Classes(words, "relative-day"), "the", "this", "last"]);
    }

    public TimeStarts Starts { get; }

    public TimeMatch? Match(TimeSentence s, int i)
    {
        int offset;
        string? part;
        int length;
        if (s.L(i) == "the" && s.L(i + 1) == "day" && (s.L(i + 2), s.L(i + 3)) is ("before", "yesterday") or ("after", "tomorrow"))
        {
            offset = s.L(i + 2) == "before" ? -2 : 2;
            part = null;
            length = 4;
        }
        else if (_w.Int("relative-day", s.L(i)) is { } o)
        {
            offset = o;
            part = s.L(i) == "tonight" ? null : _w.Get("part-of-day", s.L(i + 1));
            length = s.L(i) != "tonight" && part is not null ? 2 : 1;
        }
        else if (s.L(i) is "this" or "last" && _w.Get("part-of-day", s.L(i + 1)) is { } p && (s.L(i) == "this" || s.L(i + 1) == "night"))
        {
            offset = s.L(i) == "last" ? -1 : 0;
            part = p;
            length = 2;
        }
        else
        {
            return null;
        }

        var type = part is null ? "DATE" : "TIME";
        if (s.Dct is not { } dct)
        {
            return new TimeMatch(length, type, null);
        }

        var date = dct.AddDays(offset);
        return new TimeMatch(length, type, TimeCalendar.Day(date) + (part is null ? string.Empty : "T" + part), Day: date);
    }
}

/// <summary>'Thanksgiving Day', 'last Christmas', 'Election Day': the holiday's date in the year seen from the document date.</summary>
internal sealed class HolidayMatcher : ITimeMatcher
{
    private readonly TimeWords _w;

    public HolidayMatcher(TimeWords words)
    {
        _w = words;
        Starts = new TimeStarts([.. FirstWords(words), "last", "next", "this"]);
    }

    public TimeStarts Starts { get; }

    public TimeMatch? Match(TimeSentence s, int i)
    {
        var j = i;
        int? shift = null;
        if (s.L(j) is "last" or "next" or "this")
        {
            shift = s.L(j) == "last" ? -1 : s.L(j) == "next" ? 1 : 0;
            j++;
        }

        string? rule = null;
        var length = 0;
        for (var n = 3; n >= 1 && rule is null; n--)
        {
            if (j + n <= s.Words.Length && _w.Get("holiday", string.Join(' ', Enumerable.Range(j, n).Select(s.L)).Replace(" 's", "'s", StringComparison.Ordinal)) is { } r)
            {
                rule = r;
                length = n;
            }
        }

        if (rule is null)
        {
            return null;
        }

        var month = int.Parse(rule[..2], CultureInfo.InvariantCulture);
        var end = j + length - i;
        if (s.Dct is not { } dct)
        {
            return new TimeMatch(end, "DATE", char.IsAsciiDigit(rule[3]) ? $"XXXX-{rule}" : null);
        }

        var year = shift switch
        {
            -1 => month < dct.Month ? dct.Year : dct.Year - 1,
            1 => month > dct.Month ? dct.Year : dct.Year + 1,
            0 => dct.Year,
            _ => TimeCalendar.YearOf(month, dct, s.Future, s.Past),
        };
        var date = TimeCalendar.Holiday(year, month, rule[3..]);
        return new TimeMatch(end, "DATE", TimeCalendar.Day(date), Day: date);
    }

    /// <summary>
    /// The first words of the holidays, and what comes before an 's in them: 'valentine's day'
    /// is also found as 'valentine' + ''s' + 'day'.
    /// </summary>
    private static IEnumerable<string> FirstWords(TimeWords words)
    {
        foreach (var first in TimeStarts.FirstWords(words.WordsOf("holiday")))
        {
            yield return first;
            for (var k = first.IndexOf("'s", StringComparison.Ordinal); k >= 0; k = first.IndexOf("'s", k + 1, StringComparison.Ordinal))
            {
                yield return first[..k];
            }
        }
    }
}

/// <summary>'the next day', 'the following morning', 'that day', 'that year': counted from the day or year named before.</summary>
internal sealed class NeighbourMatcher : ITimeMatcher
{
    public TimeStarts Starts { get; } = new(["the", "that"]);

    public TimeMatch? Match(TimeSentence s, int i)
    {
        if (s.State.LastDay is not { } last)
        {
            return null;
        }

        if (s.L(i) == "the" && s.L(i + 1) is "next" or "following" or "previous" && s.L(i + 2) is "day" or "morning" or "evening" or "night")
        {
            var offset = s.L(i + 1) == "previous" ? -1 : 1;
            return new TimeMatch(3, "DATE", TimeCalendar.Day(last.AddDays(offset)), Day: last.AddDays(offset));
        }

        if (s.L(i) == "that" && s.L(i + 1) is "day" or "year" or "month")
        {
            var value = s.L(i + 1) switch
            {
                "day" => TimeCalendar.Day(last),
                "month" => TimeCalendar.Month(last.Year, last.Month),
                _ => TimeCalendar.Year(last.Year),
            };
            return new TimeMatch(2, "DATE", value);
        }

        return null;
    }
}

/// <summary>Clock times: '5 p.m.', '10:30 a.m.', '15:07', 'noon', 'midnight'.</summary>
internal sealed class ClockMatcher : ITimeMatcher
{
    private readonly TimePieces _p;
    private readonly WeekdayMatcher _weekday;
    private readonly DatedMatcher _dated;

    public ClockMatcher(TimePieces pieces, WeekdayMatcher weekday, DatedMatcher dated)
    {
        _p = pieces;
        _weekday = weekday;
        _dated = dated;
        Starts = new TimeStarts(["noon", "midday", "midnight"], digits: true);
    }

    public TimeStarts Starts { get; }

    public TimeMatch? Match(TimeSentence s, int i)
    {
        var w = s.L(i);
        int hour, minute = 0, length = 1;
        if (w is "noon" or "midday")
        {
            hour = 12;
        }
        else if (w == "midnight")
        {
            hour = 24;
        }
        else
        {
            var colon = w.IndexOf(':', StringComparison.Ordinal);
            var hh = colon > 0 ? w[..colon] : w;
            if (hh.Length is 0 or > 2 || !int.TryParse(hh, NumberStyles.None, CultureInfo.InvariantCulture, out hour) || hour > 24)
            {
                return null;
            }

            if (colon > 0 && (w.Length != colon + 3 || !int.TryParse(w[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out minute) || minute > 59))
            {
                return null;
            }

            var meridian = s.L(i + 1);
            if (meridian is "a.m." or "am" or "a.m" or "p.m." or "pm" or "p.m")
            {
                length = 2;
                hour = meridian[0] == 'p' && hour < 12 ? hour + 12 : meridian[0] == 'a' && hour == 12 ? 0 : hour;
            }
            else if (colon < 0 || !(s.L(i + 1) is "gmt" or "utc" or "local" or "et" or "pst" or "est" or "edt" || s.L(i - 1) is "at" or "until" or "by" or "from"))
            {
                return null;
            }
        }

        if (s.L(i + length) is "gmt" or "utc" or "est" or "edt" or "et" or "pst" or "pdt" or "pkt" or "ist")
        {
            length++;
        }

        // '5 p.m. EST Nov. 9', '10 p.m. Wednesday': the day that follows is the clock time's day.
        var time = string.Create(CultureInfo.InvariantCulture, $"T{hour:00}:{minute:00}");
        var after = i + length + (s.L(i + length) == "," ? 1 : 0);
        if (_weekday.Match(s, after) is { Day: { } wday } wm)
        {
            return new TimeMatch(after + wm.Length - i, "TIME", TimeCalendar.Day(wday) + time, Day: wday);
        }

        if (_p.MonthAt(s, after) is not null && _dated.Match(s, after) is { Day: { } mday } md)
        {
            return new TimeMatch(after + md.Length - i, "TIME", TimeCalendar.Day(mday) + time, Day: mday);
        }

        var day = s.Day ?? s.State.LastDay ?? s.Dct;
        return new TimeMatch(length, "TIME", day is { } d ? TimeCalendar.Day(d) + time : "XXXX-XX-XX" + time);
    }
}
