using System.Text.RegularExpressions;

namespace Dossier.Extraction.PlainText;

/// <summary>Reads a publication date written out in a metadata line ("Tuesday 14 May 2024 - 15:07", "May 14, 2024", "2024-05-14").</summary>
internal static partial class DateText
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Reads a date and, where written, a time of day.</summary>
    public static bool TryParse(string value, out DateOnly date, out TimeOnly? time)
    {
        ArgumentNullException.ThrowIfNull(value);
        date = default;
        time = null;
        int year, month, day;
        if (IsoDate().Match(value) is { Success: true } iso)
        {
            year = int.Parse(iso.Groups["y"].ValueSpan);
            month = int.Parse(iso.Groups["m"].ValueSpan);
            day = int.Parse(iso.Groups["d"].ValueSpan);
        }
        else if (DayMonthYear().Match(value) is { Success: true } dmy)
        {
            year = int.Parse(dmy.Groups["y"].ValueSpan);
            month = MonthNumber(dmy.Groups["mon"].Value);
            day = int.Parse(dmy.Groups["d"].ValueSpan);
        }
        else if (MonthDayYear().Match(value) is { Success: true } mdy)
        {
            year = int.Parse(mdy.Groups["y"].ValueSpan);
            month = MonthNumber(mdy.Groups["mon"].Value);
            day = int.Parse(mdy.Groups["d"].ValueSpan);
        }
        else
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || year is < 1800 or > 2200 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        if (TimeOfDay().Match(value) is { Success: true } t)
        {
            var h = int.Parse(t.Groups["h"].ValueSpan);
            var m = int.Parse(t.Groups["min"].ValueSpan);
            if (h < 24 && m < 60)
            {
                time = new TimeOnly(h, m);
            }
        }

        return true;
    }

    private static int MonthNumber(string name) =>
        name.Length < 3 ? 0 : Array.IndexOf(Months, name[..3].ToLowerInvariant()) + 1;

    [GeneratedRegex(@"\b(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"\b(?<h>\d{1,2}):(?<min>\d{2})\b")]
    private static partial Regex TimeOfDay();
}
