using System.Globalization;

namespace Dossier.Nlp.Time;

/// <summary>Calendar arithmetic and TIMEX3 value formatting: days, ISO weeks, months, quarters, halves, seasons, years, decades.</summary>
internal static class TimeCalendar
{
    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Month(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}");

    public static string Year(int year) => year.ToString("0000", CultureInfo.InvariantCulture);

    public static string Week(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(dt):0000}-W{ISOWeek.GetWeekOfYear(dt):00}");
    }

    public static int QuarterOf(DateOnly d) => ((d.Month - 1) / 3) + 1;

    /// <summary>The month <paramref name="months"/> after (or before) the month of <paramref name="d"/>, as year and month.</summary>
    public static (int Year, int Month) AddMonths(DateOnly d, int months)
    {
        var shifted = new DateOnly(d.Year, d.Month, 1).AddMonths(months);
        return (shifted.Year, shifted.Month);
    }

    /// <summary>The value of the period of <paramref name="unit"/> (D, W, WE, M, Q, Y, DE, CE) that is <paramref name="offset"/> periods from the one holding <paramref name="d"/>.</summary>
    public static string? Shift(DateOnly d, string unit, int offset)
    {
        switch (unit)
        {
            case "D":
                return Day(d.AddDays(offset));
            case "W":
                return Week(d.AddDays(7 * offset));
            case "WE":
                return Week(d.AddDays(7 * offset)) + "-WE";
            case "M":
                var (y, m) = AddMonths(d, offset);
                return Month(y, m);
            case "Q":
                var q = ((d.Year * 4) + QuarterOf(d) - 1) + offset;
                return string.Create(CultureInfo.InvariantCulture, $"{q / 4:0000}-Q{(q % 4) + 1}");
            case "Y":
                return Year(d.Year + offset);
            case "DE":
                return ((d.Year / 10) + offset).ToString("000", CultureInfo.InvariantCulture);
            case "CE":
                return ((d.Year / 100) + offset).ToString("00", CultureInfo.InvariantCulture);
            default:
                return null;
        }
    }

    /// <summary>
    /// A TIMEX3 duration (ISO 8601): 'three years' → P3Y, '16 hours' → PT16H, 'two decades' →
    /// P20Y, 'three quarters' → P3Q (TimeBank's way), a half carried into the next unit down
    /// ('5 1/2 hours' → PT5H30M, '2 1/2 years' → P2Y6M); X for an unknown count.
    /// </summary>
    public static string Period(double? n, string unit)
    {
        static string Num(double v) => v.ToString(CultureInfo.InvariantCulture);
        if (n is { } h && h % 1 == 0.5 && unit is "H" or "Y" or "D")
        {
            var whole = Math.Floor(h);
            var lead = whole > 0 ? Num(whole) + unit : string.Empty;
            return unit switch
            {
                "H" => $"PT{lead}30M",
                "Y" => $"P{lead}6M",
                _ => $"P{lead}T12H",
            };
        }

        var amount = n is { } x ? Num(x) : "X";
        return unit switch
        {
            "H" => $"PT{amount}H",
            "MIN" => $"PT{amount}M",
            "S" => $"PT{amount}S",
            "2W" => n is { } x2 ? $"P{Num(x2 * 2)}W" : "PXW",
            "WE" => $"P{amount}WE",
            "DE" => n is { } x3 ? $"P{Num(x3 * 10)}Y" : "PXY",
            "CE" => n is { } x4 ? $"P{Num(x4 * 100)}Y" : "PXY",
            _ => $"P{amount}{unit}",
        };
    }

    /// <summary>
    /// The year of a month (and day) named without one, seen from <paramref name="dct"/>: the next
    /// occurrence when it is at most <see cref="MonthsAhead"/> months ahead or the sentence speaks of
    /// the future, the last one otherwise (news reports the past: November seen from April is last
    /// November, March seen from January the coming one); when the sentence's tree puts it in the past
    /// (<paramref name="past"/>), only up to <see cref="PastMonthsAhead"/> months ahead ('stepped down in
    /// March' seen from November is last March; 'said it expected to close by Nov. 16', seen from
    /// October, is still the coming one).
    /// </summary>
    public static int YearOf(int month, DateOnly dct, bool future, bool past = false)
    {
        var ahead = (month - dct.Month + 12) % 12;
        var forward = month >= dct.Month ? dct.Year : dct.Year + 1;
        var backward = month <= dct.Month ? dct.Year : dct.Year - 1;
        return ahead == 0 ? dct.Year : future || ahead <= (past ? PastMonthsAhead : MonthsAhead) ? forward : backward;
    }

    /// <summary>
    /// A holiday's date in <paramref name="year"/>: <paramref name="rule"/> is a day ('25'), an
    /// N-th weekday ('W44': the fourth Thursday; 'W51': the last Monday) or 'E' (US Election Day,
    /// the Tuesday after the first Monday of November).
    /// </summary>
    public static DateOnly Holiday(int year, int month, string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule switch
        {
            "E" => NthWeekday(year, month, 1, 1).AddDays(1),
            ['W', var n, var d] => NthWeekday(year, month, n - '0', d - '0'),
            _ => new DateOnly(year, month, int.Parse(rule, CultureInfo.InvariantCulture)),
        };
    }

    private static DateOnly NthWeekday(int year, int month, int n, int weekday)
    {
        if (n == 5)
        {
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            var back = (((int)last.DayOfWeek + 6) % 7 + 1 - weekday + 7) % 7;
            return last.AddDays(-back);
        }

        var first = new DateOnly(year, month, 1);
        var forward = (weekday - (((int)first.DayOfWeek + 6) % 7 + 1) + 7) % 7;
        return first.AddDays(forward + (7 * (n - 1)));
    }

    /// <summary>How far ahead a month named without a year may lie and still be read as the coming one.</summary>
    public const int MonthsAhead = 4;

    /// <summary>
    /// How far ahead a month named without a year in a past-tense clause may lie and still be read as
    /// the coming one: a month or two ahead is mostly a plan reported in the past tense ('was scheduled
    /// for Nov. 22'), three or four ahead mostly what happened ('the year ended Jan. 31'). Chosen on
    /// TimeBank (4 right, none wrong), confirmed on AQUAINT (1 right, none wrong).
    /// </summary>
    public const int PastMonthsAhead = 2;

    /// <summary>The date of a weekday (1 = Monday … 7 = Sunday) near <paramref name="dct"/>: the last one on or before it, but the next in a future-tense sentence or when it is the day after; <paramref name="shift"/> −1/+1 for 'last'/'next'.</summary>
    public static DateOnly Weekday(int weekday, DateOnly dct, bool future, int? shift)
    {
        var today = dct.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)dct.DayOfWeek;
        var back = (today - weekday + 7) % 7;
        var forward = (weekday - today + 7) % 7;
        return shift switch
        {
            -1 => dct.AddDays(back == 0 ? -7 : -back),
            1 => dct.AddDays(forward == 0 ? 7 : forward),
            0 => dct.AddDays(weekday - today),
            // The day after the report is 'tomorrow' far more often than a week ago (TimeBank: 13 to 2).
            _ => future || forward == 1 ? dct.AddDays(forward) : dct.AddDays(-back),
        };
    }
}
