using System.Globalization;

namespace Dossier.Nlp.Time;

/// <summary>Dates built on a month: 'Monday, May 13', 'Aug. 7, 1998', '7 August 2021', 'August 2021', 'in March', 'early December', 'last November'.</summary>
internal sealed class DatedMatcher : ITimeMatcher
{
    private readonly TimeWords _w;
    private readonly TimePieces _p;

    public DatedMatcher(TimeWords words, TimePieces pieces)
    {
        _w = words;
        _p = pieces;
        Starts = new TimeStarts(TimeStarts.Classes(words, "position", "shift", "weekday", "month"), digits: true);
    }

    public TimeStarts Starts { get; }

    public TimeMatch? Match(TimeSentence s, int i)
    {
        var j = i;
        string? mod = null;
        int? shift = null;
        if (_w.Get("position", s.L(j)) is { } position && s.L(j) is not ("earlier" or "later" or "end" or "beginning" or "start" or "middle"))
        {
            mod = position;
            j++;
        }
        else if (_w.Get("shift", s.L(j)) is { } sh && sh != "L" && _p.MonthAt(s, j + 1) is not null)
        {
            shift = int.Parse(sh, CultureInfo.InvariantCulture);
            j++;
        }

        var weekday = TimePieces.IsCapitalised(s.W(j)) ? _w.Int("weekday", s.L(j)) : null;
        if (weekday is not null)
        {
            j += s.L(j + 1) == "," ? 2 : 1;
        }

        int? month, day = null, year = null;
        var k = j;
        if (_p.MonthAt(s, k) is { } m1)
        {
            month = m1;
            k++;
            if (TimePieces.DayAt(s, k) is { } d && _p.YearAt(s, k) is null)
            {
                day = d;
                k++;
            }

            var comma = s.L(k) == "," ? 1 : 0;
            if (s.L(k) == "of" && _p.YearAt(s, k + 1) is { } yo)
            {
                year = yo;
                k += 2;
            }
            else if (_p.YearAt(s, k + comma) is { } y)
            {
                year = y;
                k += comma + 1;
            }
            else if (_p.SpokenYear(s, k) is { } spoken)
            {
                year = spoken.Year;
                k += spoken.Length;
            }
            else if (s.L(k) is "last" or "next" or "this" && s.L(k + 1) == "year" && s.Dct is { } yearOf)
            {
                // 'June last year', 'March next year'
                year = yearOf.Year + (s.L(k) == "last" ? -1 : s.L(k) == "next" ? 1 : 0);
                k += 2;
            }
        }
        else if (TimePieces.DayAt(s, k) is { } d && (s.L(k + 1) == "of" ? _p.MonthAt(s, k + 2) : _p.MonthAt(s, k + 1)) is { } m2)
        {
            day = d;
            month = m2;
            k += s.L(k + 1) == "of" ? 3 : 2;
            if (_p.YearAt(s, k + (s.L(k) == "," ? 1 : 0)) is { } y)
            {
                year = y;
                k += s.L(k) == "," ? 2 : 1;
            }
        }
        else
        {
            return null;
        }

        // A month alone must look like one: after a word that takes a date ('in March', 'since
        // April', 'early June'); 'May' (a name, a verb) only after a preposition of time.
        if (day is null && year is null && weekday is null && mod is null && shift is null)
        {
            var before = s.L(i - 1);
            var ok = month == 5
                ? before is "in" or "since" or "until" or "till" or "through" or "during" or "early" or "late" or "mid" or "last" or "next" or "this"
                : before is "" or "on" or "for" or "in" or "since" or "until" or "till" or "by" or "of" or "through" or "from" or "during" or "before" or "after" or "between" or "and" or "to" or "early" or "late" or "mid" or "last" or "next" or "this" or "," or "(" or "each" or "every";
            if (!ok)
            {
                return null;
            }
        }

        var length = k - i;
        if (day is { } dd)
        {
            var (value, date) = MonthDay(s, month.Value, dd, year);
            return new TimeMatch(length, "DATE", value, mod, date);
        }

        if (year is { } yy)
        {
            return new TimeMatch(length, "DATE", TimeCalendar.Month(yy, month.Value), mod);
        }

        if (s.Dct is not { } dct)
        {
            return new TimeMatch(length, "DATE", string.Create(CultureInfo.InvariantCulture, $"XXXX-{month:00}"), mod);
        }

        var year2 = shift switch
        {
            -1 => month < dct.Month ? dct.Year : dct.Year - 1,
            1 => month > dct.Month ? dct.Year : dct.Year + 1,
            0 => dct.Year,
            _ => TimeCalendar.YearOf(month.Value, dct, s.Future, s.Past),
        };
        return new TimeMatch(length, "DATE", TimeCalendar.Month(year2, month.Value), mod);
    }

    /// <summary>The value of a day given by month and day, with the year given or seen from the document date.</summary>
    private static (string Value, DateOnly? Day) MonthDay(TimeSentence s, int month, int day, int? year)
    {
        if (year is { } y)
        {
            return day <= DateTime.DaysInMonth(y, month) ? (TimeCalendar.Day(new DateOnly(y, month, day)), new DateOnly(y, month, day)) : (TimeCalendar.Month(y, month), null);
        }

        if (s.Dct is { } dct)
        {
            var yy = TimeCalendar.YearOf(month, dct, s.Future, s.Past);
            if (day <= DateTime.DaysInMonth(yy, month))
            {
                var date = new DateOnly(yy, month, day);
                return (TimeCalendar.Day(date), date);
            }
        }

        return (string.Create(CultureInfo.InvariantCulture, $"XXXX-{month:00}-{day:00}"), null);
    }
}

/// <summary>Dates in digits: 2024-05-14, 11/02/89, 5/14/2024.</summary>
internal sealed class NumericMatcher : ITimeMatcher
{
    public TimeStarts Starts { get; } = new([], digits: true);

    public TimeMatch? Match(TimeSentence s, int i)
    {
        var w = s.L(i);
        if (DateOnly.TryParseExact(w, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return new TimeMatch(1, "DATE", TimeCalendar.Day(iso), Day: iso);
        }

        // 5/14/2024, 11/02/89 (month first, as US news writes them), 21/04/2016 (day first when it
        // cannot be a month), 2015/08/12; 11/2016 (a month).
        var parts = w.Split('/');
        if (parts.Length is 2 or 3 && parts.All(p => p.Length is >= 1 and <= 4 && p.All(char.IsAsciiDigit)))
        {
            var n = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            int y, mo, d;
            if (parts.Length == 2)
            {
                return parts[1].Length == 4 && n[0] is >= 1 and <= 12 && n[1] is >= 1800 and <= 2199
                    ? new TimeMatch(1, "DATE", TimeCalendar.Month(n[1], n[0])) : null;
            }

            if (parts[0].Length == 4)
            {
                (y, mo, d) = (n[0], n[1], n[2]);
            }
            else if (parts[2].Length is 2 or 4)
            {
                y = parts[2].Length == 4 ? n[2] : n[2] < 50 ? 2000 + n[2] : 1900 + n[2];
                (mo, d) = n[0] > 12 ? (n[1], n[0]) : (n[0], n[1]);
            }
            else
            {
                return null;
            }

            if (mo is >= 1 and <= 12 && y is >= 1 and <= 9999 && d >= 1 && d <= DateTime.DaysInMonth(y, mo))
            {
                var date = new DateOnly(y, mo, d);
                return new TimeMatch(1, "DATE", TimeCalendar.Day(date), Day: date);
            }
        }

        return null;
    }
}

/// <summary>'from 2013 till 2018', 'between 2013 and 2018': one span of years.</summary>
internal sealed class RangeMatcher : ITimeMatcher
{
    private readonly TimeWords _w;
    private readonly TimePieces _p;

    public RangeMatcher(TimeWords words, TimePieces pieces)
    {
        _w = words;
        _p = pieces;
        Starts = new TimeStarts(TimeStarts.Classes(words, "range-lead"));
    }

    public TimeStarts Starts { get; }

    public TimeMatch? Match(TimeSentence s, int i)
    {
        if (!_w.Is("range-lead", s.L(i)) || _p.YearAt(s, i + 1) is not { } a || !_w.Is("range-link", s.L(i + 2)) || _p.YearAt(s, i + 3) is not { } b || b <= a)
        {
            return null;
        }

        return new TimeMatch(4, "DURATION", $"{TimeCalendar.Year(a)}/{TimeCalendar.Year(b)}");
    }
}
