using System.Globalization;

namespace Dossier.Nlp.Time;

/// <summary>
/// The pieces time expressions are built of, read at a position of a sentence: months, days,
/// years (in digits or words), counts and units. Shared by the matchers; no matcher reads them
/// its own way.
/// </summary>
internal sealed class TimePieces(TimeWords words)
{
    private readonly TimeWords _w = words;

    public static bool IsCapitalised(string w) => w.Length > 0 && char.IsUpper(w[0]);

    /// <summary>The month at i. A short form without its period ('Jan', 'Dec') is a name unless a day or year follows.</summary>
    public int? MonthAt(TimeSentence s, int i)
    {
        // Lower-case month names are months too ('june 2016'), except 'may' and 'march', which are verbs.
        if (_w.Int("month", s.L(i)) is not { } month || (!IsCapitalised(s.W(i)) && (s.L(i).Length < 4 || s.L(i).EndsWith('.') || s.L(i) is "sept" or "march")))
        {
            return null;
        }

        var bare = s.L(i).Length <= 4 && !s.L(i).EndsWith('.') && s.L(i) is not ("may" or "june" or "july");
        return bare && DayAt(s, i + 1) is null && YearAt(s, i + 1) is null ? null : month;
    }

    public static int? DayAt(TimeSentence s, int i)
    {
        var w = s.L(i);
        var digits = w.Length > 2 && (w.EndsWith("st", StringComparison.Ordinal) || w.EndsWith("nd", StringComparison.Ordinal) || w.EndsWith("rd", StringComparison.Ordinal) || w.EndsWith("th", StringComparison.Ordinal)) ? w[..^2] : w;
        return digits.Length is 1 or 2 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31 ? d : null;
    }

    public int? YearAt(TimeSentence s, int i)
    {
        var w = s.L(i);
        if (w.Length == 4 && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1800 and <= 2199
            && !_w.Is("not-after-year", s.L(i + 1)) && s.L(i - 1) is not ("$" or "no." or "number" or "#"))
        {
            return y;
        }

        return null;
    }

    /// <summary>A count at i: digits, number words ('twenty five', 'a few', 'several'); X when it is vague. Length 0 when there is none.</summary>
    public (int Length, string? Value) Count(TimeSentence s, int i)
    {
        var w = s.L(i);
        if (w.Length > 0 && char.IsAsciiDigit(w[0]) && double.TryParse(w.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            // '5 1/2'
            var half = s.L(i + 1) == "1/2" ? 1 : s.L(i + 1) == "1" && s.L(i + 2) == "/" && s.L(i + 3) == "2" ? 3 : 0;
            return half > 0 ? (1 + half, (d + 0.5).ToString(CultureInfo.InvariantCulture)) : (1, d.ToString(CultureInfo.InvariantCulture));
        }

        if ((w is "a" && s.L(i + 1) is "few" or "couple") || (w == "a" && s.L(i + 1) == "half"))
        {
            var n = s.L(i + 2) == "of" ? 3 : 2;
            return (n, s.L(i + 1) == "couple" ? "2" : s.L(i + 1) == "half" ? "0.5" : "X");
        }

        if (_w.Get("number", w) is not { } v)
        {
            return (0, null);
        }

        if (v == "X")
        {
            return (1, "X");
        }

        // 'couple of weeks', 'dozen years'
        if (w is "couple" or "dozen" && s.L(i + 1) == "of")
        {
            return (2, v);
        }

        // 'twenty five', 'two hundred', 'two and a half'
        var total = double.Parse(v, CultureInfo.InvariantCulture);
        var len = 1;
        while (w is not ("a" or "an") && _w.Get("number", s.L(i + len)) is { } next && next != "X" && s.L(i + len) is not ("a" or "an" or "half"))
        {
            var x = double.Parse(next, CultureInfo.InvariantCulture);
            total = x >= 100 ? total * x : total + x;
            len++;
        }

        if (s.L(i + len) == "and" && s.L(i + len + 1) == "a" && s.L(i + len + 2) == "half")
        {
            total += 0.5;
            len += 3;
        }

        return (len, total.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The unit word at i ('year' → Y). A capitalised unit inside a sentence is a title ('60 Minutes', 'This Week'), and a quarter joined to its count a fraction ('three-quarters'): neither counts.</summary>
    public string? Unit(TimeSentence s, int i)
    {
        if (_w.Get("unit", s.L(i)) is not { } unit)
        {
            return null;
        }

        var titled = i > 0 && char.IsUpper(s.W(i)[0]) && s.Words.Any(w => w.Text.Length > 1 && char.IsLower(w.Text[0]));
        var fraction = unit == "Q" && i > 0 && s.Words[i - 1].Token == s.Words[i].Token && Plural(s.L(i));
        return titled || fraction ? null : unit;
    }

    public static bool Plural(string word) => word.EndsWith('s') || word is "centuries";

    /// <summary>A year in digits or in words at j, and how many words it takes.</summary>
    public (int Year, int Length)? AnyYear(TimeSentence s, int j) => YearAt(s, j) is { } y ? (y, 1) : SpokenYear(s, j);

    /// <summary>A year said in words, as transcripts write it: 'nineteen ninety-six', 'two thousand', 'two thousand and one'.</summary>
    public (int Year, int Length)? SpokenYear(TimeSentence s, int j)
    {
        // 'two thousand' is a count far more often than a year: a year only after 'the year', 'in', 'since', 'until', 'of' or a date's comma.
        if (s.L(j) == "two" && s.L(j + 1) == "thousand" && s.L(j - 1) is "year" or "in" or "since" or "until" or "of" or ",")
        {
            var and = s.L(j + 2) == "and" ? 1 : 0;
            return Count(s, j + 2 + and) is { Length: > 0, Value: { } rest } && double.TryParse(rest, CultureInfo.InvariantCulture, out var n) && n is >= 1 and < 100
                ? (2000 + (int)n, 3 + and + Count(s, j + 2 + and).Length - 1)
                : (2000, 2);
        }

        if (s.L(j) is "nineteen" or "twenty" && s.Words[Math.Min(j + 1, s.Words.Length - 1)].Token != s.Words[j].Token
            && Count(s, j + 1) is { Length: > 0 } spoken && spoken.Value is { } sv && double.TryParse(sv, CultureInfo.InvariantCulture, out var two) && two is >= 10 and < 100)
        {
            return ((s.L(j) == "nineteen" ? 1900 : 2000) + (int)two, 1 + spoken.Length);
        }

        return null;
    }

    /// <summary>
    /// In an earnings report, 'a year earlier', 'last year' and 'year-ago' mean the same quarter a
    /// year before the one just named: 1988-Q3 after 'third-quarter net'. Null outside such talk.
    /// </summary>
    public static string? YearBeforeQuarter(TimeSentence s)
    {
        if (s.State.LastQuarter is not { } q)
        {
            return null;
        }

        var year = int.Parse(q[..4], CultureInfo.InvariantCulture) - 1;
        return string.Create(CultureInfo.InvariantCulture, $"{year:0000}{q[4..]}");
    }
}
