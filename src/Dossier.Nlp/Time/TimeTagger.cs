using System.Globalization;
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
/// Stateless and thread-safe; the state of one document lives in <see cref="Tag"/>.
/// </summary>
public sealed class TimeTagger
{
    private readonly TimeWords _w;

    private TimeTagger(TimeWords words) => _w = words;

    /// <summary>The tagger with the shipped word lists.</summary>
    public static TimeTagger Default { get; } = new(TimeWords.Default);

    /// <summary>
    /// The time expressions of a document, sentence by sentence (each a list of token spans, in
    /// order), normalised against <paramref name="documentDate"/> when it is known.
    /// </summary>
    public IReadOnlyList<TimeExpression> Tag(string text, IEnumerable<IReadOnlyList<TextSpan>> sentences, DateOnly? documentDate)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        var found = new List<TimeExpression>();
        var state = new State(documentDate);
        foreach (var tokens in sentences)
        {
            TagSentence(text, tokens, state, found);
        }

        return found;
    }

    // ------------------------------------------------------------------ words of a sentence

    /// <summary>A word of the sentence: a token, or one part of a hyphenated token ('third-quarter', 'mid-1990s').</summary>
    private readonly record struct Word(string Text, string Lower, int Start, int End, int Token);

    private sealed class State(DateOnly? dct)
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

    private sealed class Sentence(Word[] words, State state, TimeWords lexicon)
    {
        public Word[] Words { get; } = words;

        /// <summary>The position being matched (set before each match).</summary>
        public int At { get; set; }

        /// <summary>True when a future marker ('will', 'shall') stands in the clause around the position being matched: six words before it or three after.</summary>
        public bool Future
        {
            get
            {
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

        public State State { get; } = state;

        public DateOnly? Dct => State.Dct;

        /// <summary>The day named earlier in this sentence (a clock time belongs to it).</summary>
        public DateOnly? Day { get; set; }

        public string L(int i) => i >= 0 && i < Words.Length ? Words[i].Lower : string.Empty;

        public string W(int i) => i >= 0 && i < Words.Length ? Words[i].Text : string.Empty;
    }

    /// <summary>A match at a position: its length in words, type, value, mod and the day it names (for later relative dates).</summary>
    private sealed record Match(int Length, string Type, string? Value, string? Mod = null, DateOnly? Day = null, bool Quarter = false);

    private void TagSentence(string text, IReadOnlyList<TextSpan> tokens, State state, List<TimeExpression> found)
    {
        var words = new List<Word>(tokens.Count + 4);
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
                        words.Add(new Word(part, part.ToLowerInvariant(), span.Start + from, span.Start + from + part.Length, t));
                    }

                    from += part.Length + 1;
                }
            }
            else
            {
                words.Add(new Word(token, token.ToLowerInvariant(), span.Start, span.End, t));
            }
        }

        state.Sentence++;
        var s = new Sentence([.. words], state, _w);
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

    private Match? Best(Sentence s, int i)
    {
        Match? best = null;
        foreach (var m in new[] { Range(s, i), Dated(s, i), Numeric(s, i), Weekday(s, i), Year(s, i), RelativeDay(s, i), Reference(s, i), Shifted(s, i), OrdinalPeriod(s, i), Distance(s, i), YearAgo(s, i), YearEnd(s, i), Holiday(s, i), Neighbour(s, i), Duration(s, i), Set(s, i), Clock(s, i) })
        {
            if (m is not null && (best is null || m.Length > best.Length))
            {
                best = m;
            }
        }

        return best;
    }

    // ------------------------------------------------------------------ pieces

    private static bool IsCapitalised(string w) => w.Length > 0 && char.IsUpper(w[0]);

    /// <summary>The month at i. A short form without its period ('Jan', 'Dec') is a name unless a day or year follows.</summary>
    private int? MonthAt(Sentence s, int i)
    {
        // Lower-case month names are months too ('june 2016'), except 'may' and 'march', which are verbs.
        if (_w.Int("month", s.L(i)) is not { } month || (!IsCapitalised(s.W(i)) && (s.L(i).Length < 4 || s.L(i).EndsWith('.') || s.L(i) is "sept" or "march")))
        {
            return null;
        }

        var bare = s.L(i).Length <= 4 && !s.L(i).EndsWith('.') && s.L(i) is not ("may" or "june" or "july");
        return bare && DayAt(s, i + 1) is null && YearAt(s, i + 1) is null ? null : month;
    }

    private static int? DayAt(Sentence s, int i)
    {
        var w = s.L(i);
        var digits = w.Length > 2 && (w.EndsWith("st", StringComparison.Ordinal) || w.EndsWith("nd", StringComparison.Ordinal) || w.EndsWith("rd", StringComparison.Ordinal) || w.EndsWith("th", StringComparison.Ordinal)) ? w[..^2] : w;
        return digits.Length is 1 or 2 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31 ? d : null;
    }

    private int? YearAt(Sentence s, int i)
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
    private (int Length, string? Value) Count(Sentence s, int i)
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
    private string? Unit(Sentence s, int i)
    {
        if (_w.Get("unit", s.L(i)) is not { } unit)
        {
            return null;
        }

        var titled = i > 0 && char.IsUpper(s.W(i)[0]) && s.Words.Any(w => w.Text.Length > 1 && char.IsLower(w.Text[0]));
        var fraction = unit == "Q" && i > 0 && s.Words[i - 1].Token == s.Words[i].Token && Plural(s.L(i));
        return titled || fraction ? null : unit;
    }

    private static bool Plural(string word) => word.EndsWith('s') || word is "centuries";

    /// <summary>The value of a day given by month and day, with the year given or seen from the document date.</summary>
    private static (string Value, DateOnly? Day) MonthDay(Sentence s, int month, int day, int? year)
    {
        if (year is { } y)
        {
            return day <= DateTime.DaysInMonth(y, month) ? (TimeCalendar.Day(new DateOnly(y, month, day)), new DateOnly(y, month, day)) : (TimeCalendar.Month(y, month), null);
        }

        if (s.Dct is { } dct)
        {
            var yy = TimeCalendar.YearOf(month, dct, s.Future);
            if (day <= DateTime.DaysInMonth(yy, month))
            {
                var date = new DateOnly(yy, month, day);
                return (TimeCalendar.Day(date), date);
            }
        }

        return (string.Create(CultureInfo.InvariantCulture, $"XXXX-{month:00}-{day:00}"), null);
    }

    /// <summary>
    /// In an earnings report, 'a year earlier', 'last year' and 'year-ago' mean the same quarter a
    /// year before the one just named: 1988-Q3 after 'third-quarter net'. Null outside such talk.
    /// </summary>
    private static string? YearBeforeQuarter(Sentence s)
    {
        if (s.State.LastQuarter is not { } q)
        {
            return null;
        }

        var year = int.Parse(q[..4], CultureInfo.InvariantCulture) - 1;
        return string.Create(CultureInfo.InvariantCulture, $"{year:0000}{q[4..]}");
    }

    // ------------------------------------------------------------------ matchers

    /// <summary>'Thanksgiving Day', 'last Christmas', 'Election Day': the holiday's date in the year seen from the document date.</summary>
    private Match? Holiday(Sentence s, int i)
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
            return new Match(end, "DATE", char.IsAsciiDigit(rule[3]) ? $"XXXX-{rule}" : null);
        }

        var year = shift switch
        {
            -1 => month < dct.Month ? dct.Year : dct.Year - 1,
            1 => month > dct.Month ? dct.Year : dct.Year + 1,
            0 => dct.Year,
            _ => TimeCalendar.YearOf(month, dct, s.Future),
        };
        var date = TimeCalendar.Holiday(year, month, rule[3..]);
        return new Match(end, "DATE", TimeCalendar.Day(date), Day: date);
    }

    /// <summary>'the next day', 'the following morning', 'that day', 'that year': counted from the day or year named before.</summary>
    private static Match? Neighbour(Sentence s, int i)
    {
        if (s.State.LastDay is not { } last)
        {
            return null;
        }

        if (s.L(i) == "the" && s.L(i + 1) is "next" or "following" or "previous" && s.L(i + 2) is "day" or "morning" or "evening" or "night")
        {
            var offset = s.L(i + 1) == "previous" ? -1 : 1;
            return new Match(3, "DATE", TimeCalendar.Day(last.AddDays(offset)), Day: last.AddDays(offset));
        }

        if (s.L(i) == "that" && s.L(i + 1) is "day" or "year" or "month")
        {
            var value = s.L(i + 1) switch
            {
                "day" => TimeCalendar.Day(last),
                "month" => TimeCalendar.Month(last.Year, last.Month),
                _ => TimeCalendar.Year(last.Year),
            };
            return new Match(2, "DATE", value);
        }

        return null;
    }

    /// <summary>'year-end', 'year end', 'year's end': the end of the document's year.</summary>
    private static Match? YearEnd(Sentence s, int i)
    {
        if (s.L(i) != "year" || !(s.L(i + 1) == "end" || (s.L(i + 1) == "'s" && s.L(i + 2) == "end")))
        {
            return null;
        }

        return new Match(s.L(i + 1) == "'s" ? 3 : 2, "DATE", s.Dct is { } dct ? TimeCalendar.Year(dct.Year) : null, "END");
    }

    /// <summary>'year-earlier', 'the year-ago quarter': the year (or, in an earnings report, the quarter) a year back.</summary>
    private static Match? YearAgo(Sentence s, int i)
    {
        var j = s.L(i) == "the" ? i + 1 : i;
        if (s.L(j) != "year" || s.L(j + 1) is not ("earlier" or "ago") || s.Words[j + 1].Token != s.Words[j].Token)
        {
            return null;
        }

        var value = YearBeforeQuarter(s) ?? (s.Dct is { } dct ? TimeCalendar.Year(dct.Year - 1) : null);
        return new Match(j + 2 - i, "DATE", value);
    }

    /// <summary>'from 2013 till 2018', 'between 2013 and 2018': one span of years.</summary>
    private Match? Range(Sentence s, int i)
    {
        if (!_w.Is("range-lead", s.L(i)) || YearAt(s, i + 1) is not { } a || !_w.Is("range-link", s.L(i + 2)) || YearAt(s, i + 3) is not { } b || b <= a)
        {
            return null;
        }

        return new Match(4, "DURATION", $"{TimeCalendar.Year(a)}/{TimeCalendar.Year(b)}");
    }

    /// <summary>Dates built on a month: 'Monday, May 13', 'Aug. 7, 1998', '7 August 2021', 'August 2021', 'in March', 'early December', 'last November'.</summary>
    private Match? Dated(Sentence s, int i)
    {
        var j = i;
        string? mod = null;
        int? shift = null;
        if (_w.Get("position", s.L(j)) is { } position && s.L(j) is not ("earlier" or "later" or "end" or "beginning" or "start" or "middle"))
        {
            mod = position;
            j++;
        }
        else if (_w.Get("shift", s.L(j)) is { } sh && sh != "L" && MonthAt(s, j + 1) is not null)
        {
            shift = int.Parse(sh, CultureInfo.InvariantCulture);
            j++;
        }

        var weekday = IsCapitalised(s.W(j)) ? _w.Int("weekday", s.L(j)) : null;
        if (weekday is not null)
        {
            j += s.L(j + 1) == "," ? 2 : 1;
        }

        int? month, day = null, year = null;
        var k = j;
        if (MonthAt(s, k) is { } m1)
        {
            month = m1;
            k++;
            if (DayAt(s, k) is { } d && YearAt(s, k) is null)
            {
                day = d;
                k++;
            }

            var comma = s.L(k) == "," ? 1 : 0;
            if (s.L(k) == "of" && YearAt(s, k + 1) is { } yo)
            {
                year = yo;
                k += 2;
            }
            else if (YearAt(s, k + comma) is { } y)
            {
                year = y;
                k += comma + 1;
            }
            else if (SpokenYear(s, k) is { } spoken)
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
        else if (DayAt(s, k) is { } d && (s.L(k + 1) == "of" ? MonthAt(s, k + 2) : MonthAt(s, k + 1)) is { } m2)
        {
            day = d;
            month = m2;
            k += s.L(k + 1) == "of" ? 3 : 2;
            if (YearAt(s, k + (s.L(k) == "," ? 1 : 0)) is { } y)
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
            return new Match(length, "DATE", value, mod, date);
        }

        if (year is { } yy)
        {
            return new Match(length, "DATE", TimeCalendar.Month(yy, month.Value), mod);
        }

        if (s.Dct is not { } dct)
        {
            return new Match(length, "DATE", string.Create(CultureInfo.InvariantCulture, $"XXXX-{month:00}"), mod);
        }

        var year2 = shift switch
        {
            -1 => month < dct.Month ? dct.Year : dct.Year - 1,
            1 => month > dct.Month ? dct.Year : dct.Year + 1,
            0 => dct.Year,
            _ => TimeCalendar.YearOf(month.Value, dct, s.Future),
        };
        return new Match(length, "DATE", TimeCalendar.Month(year2, month.Value), mod);
    }

    /// <summary>A year in digits or in words at j, and how many words it takes.</summary>
    private (int Year, int Length)? AnyYear(Sentence s, int j) => YearAt(s, j) is { } y ? (y, 1) : SpokenYear(s, j);

    /// <summary>A year said in words, as transcripts write it: 'nineteen ninety-six', 'two thousand', 'two thousand and one'.</summary>
    private (int Year, int Length)? SpokenYear(Sentence s, int j)
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

    /// <summary>Dates in digits: 2024-05-14, 11/02/89, 5/14/2024.</summary>
    private static Match? Numeric(Sentence s, int i)
    {
        var w = s.L(i);
        if (DateOnly.TryParseExact(w, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return new Match(1, "DATE", TimeCalendar.Day(iso), Day: iso);
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
                    ? new Match(1, "DATE", TimeCalendar.Month(n[1], n[0])) : null;
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
                return new Match(1, "DATE", TimeCalendar.Day(date), Day: date);
            }
        }

        return null;
    }

    /// <summary>Years, decades and fiscal years: '2021', 'fiscal 1989', 'the 1990s', 'mid-1990s', 'the year 2000'.</summary>
    private Match? Year(Sentence s, int i)
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

        if (SpokenYear(s, j) is { } spoken)
        {
            return new Match(j + spoken.Length - i, "DATE", TimeCalendar.Year(spoken.Year), mod);
        }

        if (YearAt(s, j) is { } y && s.L(i) != "the")
        {
            // '2016 November', '2016, Nov': a month of that year.
            var k = j + 1 + (s.L(j + 1) == "," ? 1 : 0);
            if (mod is null && _w.Int("month", s.L(k)) is { } month && (IsCapitalised(s.W(k)) || s.L(k) is not ("may" or "march")) && DayAt(s, k + 1) is null)
            {
                return new Match(k + 1 - i, "DATE", TimeCalendar.Month(y, month));
            }

            return new Match(j + 1 - i, "DATE", TimeCalendar.Year(y), mod);
        }

        // 'summer 2016', 'summer of 2016'
        if (_w.Get("season", s.L(j)) is { } season && AnyYear(s, j + 1 + (s.L(j + 1) == "of" ? 1 : 0)) is { } seasonYear)
        {
            return new Match(j + 1 + (s.L(j + 1) == "of" ? 1 : 0) + seasonYear.Length - i, "DATE", $"{TimeCalendar.Year(seasonYear.Year)}-{season}", mod);
        }

        if (s.L(i) == "the" && _w.Get("decade-word", s.L(j)) is { } decadeWord)
        {
            return new Match(j + 1 - i, "DATE", decadeWord, mod);
        }

        // 'the 20th century' → 19
        if (s.L(i) == "the" && s.L(j + 1) == "century" && s.L(j).Length is 4 or 3 && int.TryParse(s.L(j)[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out var nth) && nth is >= 1 and <= 21)
        {
            return new Match(j + 2 - i, "DATE", (nth - 1).ToString("00", CultureInfo.InvariantCulture), mod);
        }

        var w = s.L(j);
        if (w.Length == 5 && w[4] == 's' && w[3] == '0' && int.TryParse(w[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var decade) && decade is >= 1800 and <= 2100)
        {
            return new Match(j + 1 - i, "DATE", (decade / 10).ToString("000", CultureInfo.InvariantCulture), mod);
        }

        return null;
    }

    /// <summary>'Friday', 'last Friday', 'Friday morning'.</summary>
    private Match? Weekday(Sentence s, int i)
    {
        var j = i;
        int? shift = null;
        if (_w.Get("shift", s.L(j)) is { } sh && sh != "L" && IsCapitalised(s.W(j + 1)) && _w.Is("weekday", s.L(j + 1)))
        {
            shift = int.Parse(sh, CultureInfo.InvariantCulture);
            j++;
        }

        if (!IsCapitalised(s.W(j)) || _w.Int("weekday", s.L(j)) is not { } wd || (s.L(j) is "sun." or "sat." && !char.IsAsciiDigit(s.L(j + 1).FirstOrDefault())))
        {
            return null;
        }

        j++;

        // 'Friday the 15th': the day of the month, in the reference month.
        if (s.L(j) == "the" && DayAt(s, j + 1) is { } dom && s.Dct is { } refDay && dom <= DateTime.DaysInMonth(refDay.Year, refDay.Month))
        {
            var named = new DateOnly(refDay.Year, refDay.Month, dom);
            return new Match(j + 2 - i, "DATE", TimeCalendar.Day(named), Day: named);
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
            return new Match(j - i, part is null ? "DATE" : "TIME", string.Create(CultureInfo.InvariantCulture, $"XXXX-WXX-{wd}") + suffix);
        }

        var date = TimeCalendar.Weekday(wd, dct, s.Future, shift);
        return new Match(j - i, part is null ? "DATE" : "TIME", TimeCalendar.Day(date) + suffix, Day: date);
    }

    /// <summary>'today', 'yesterday afternoon', 'tonight', 'this morning', 'last night'.</summary>
    private Match? RelativeDay(Sentence s, int i)
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
            return new Match(length, type, null);
        }

        var date = dct.AddDays(offset);
        return new Match(length, type, TimeCalendar.Day(date) + (part is null ? string.Empty : "T" + part), Day: date);
    }

    /// <summary>'now', 'currently', 'recently', 'the future', 'the past', 'recent years'.</summary>
    private Match? Reference(Sentence s, int i)
    {
        var j = s.L(i) == "the" ? i + 1 : i;
        var w = s.L(j);
        if (w is "past" or "present" && j > i && Count(s, j + 1).Length == 0 && Unit(s, j + 1) is null)
        {
            return new Match(2, "DATE", w == "past" ? "PAST_REF" : "PRESENT_REF");
        }

        if (_w.Get("reference", w) is not { } value || (j > i && w is not "future"))
        {
            return null;
        }

        // 'current' and 'future' only as words of time: 'current account' is not.
        if (w is "current" && (Unit(s, j + 1) is not null || s.L(j + 1) is "account" or "accounts" or "affairs" or "events" or "electric" or "flow" or "flows"))
        {
            return null;
        }

        if (w is "recent" && Unit(s, j + 1) is { } unit && Plural(s.L(j + 1)))
        {
            return unit == "Y" ? new Match(j + 2 - i, "DATE", "PAST_REF") : new Match(j + 2 - i, "DURATION", Period(null, unit));
        }

        if (w is "future" && j == i && !(s.L(i - 1) is "the" or "near" or "in" or "foreseeable"))
        {
            return null;
        }

        return new Match(j + 1 - i, "DATE", value);
    }

    /// <summary>'last year', 'this month', 'next week', 'the quarter', 'earlier this year', 'early next year', 'the end of the year', 'last fall', 'this weekend'.</summary>
    private Match? Shifted(Sentence s, int i)
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
            return new Match(j + 1 - i, "DATE", period, mod);
        }

        var season = _w.Get("season", unitWord);
        var unit = Unit(s, j);
        if ((unit is null && season is null) || (unit is not null && Plural(unitWord) && unitWord != "weekend"))
        {
            return null;
        }

        var length = j + 1 - i;

        // 'the past hour' reaches back from now; 'the past year', 'the last decade' are the
        // period before this one (TimeBank marks them as dates).
        if (the && shiftWord is "past" or "last" && unit is "H" or "MIN" or "S")
        {
            return new Match(length, "DURATION", Period(1, unit));
        }

        // 'the year two thousand', 'the year 2000'.
        if (the && shift is null && unit == "Y" && AnyYear(s, j + 1) is { } named)
        {
            return new Match(length + named.Length, "DATE", TimeCalendar.Year(named.Year), mod);
        }

        if (unit is "H" or "MIN" or "S" || (shift is null && unit is "DE" or "CE"))
        {
            return null;
        }

        // 'the year' after 'for', 'during', 'in', 'over' is a span of a year; elsewhere this year.
        if (the && shift is null && unit == "Y" && mod is null && _w.Is("duration-lead", s.L(i - 1)))
        {
            return new Match(length, "DURATION", "P1Y");
        }

        // 'the winter of 1994', 'the winter of nineteen ninety-four'.
        if (season is not null && s.L(j + 1) == "of" && AnyYear(s, j + 2) is { } ofYear)
        {
            return new Match(length + 1 + ofYear.Length, "DATE", $"{TimeCalendar.Year(ofYear.Year)}-{season}", mod);
        }

        // 'the week of March 6': the week holding that day.
        if (the && shift is null && unit == "W" && s.L(j + 1) == "of" && Dated(s, j + 2) is { Day: { } weekOf } ofDate)
        {
            return new Match(length + 1 + ofDate.Length, "DATE", TimeCalendar.Week(weekOf), mod);
        }

        // 'the day', 'the year' alone: the present period; 'the same day' is the day named before.
        if (s.Dct is not { } dct)
        {
            return new Match(length, "DATE", null, mod);
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
            return new Match(length, "DATE", $"{TimeCalendar.Year(y)}-{season}", mod);
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
            return new Match(length, "DATE", reported, mod);
        }
        if (unit == "D" && shift is null)
        {
            return null;
        }

        var value = TimeCalendar.Shift(baseDay, unit!, offset);
        DateOnly? day = unit == "D" ? baseDay.AddDays(offset) : null;
        return new Match(length, "DATE", value, mod, day, Quarter: unit == "Q");
    }

    /// <summary>'the third quarter', 'third-quarter', 'the first half of 1990', 'the fourth quarter of fiscal 1989'.</summary>
    private Match? OrdinalPeriod(Sentence s, int i)
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
            if (YearAt(s, k + 1 + f) is { } y)
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

        return new Match(k - i, "DATE", year is { } yy ? string.Create(CultureInfo.InvariantCulture, $"{yy:0000}-{letter}{n}") : $"XXXX-{letter}{n}", Quarter: letter == "Q");
    }

    /// <summary>'a year ago', 'two days later', 'three weeks earlier', 'the day before', 'the next day'.</summary>
    private Match? Distance(Sentence s, int i)
    {
        var j = i;
        string? mod = null;
        if (_w.Get("modifier", s.L(j)) is { } m1)
        {
            mod = m1;
            j++;
        }

        var (n, count) = Count(s, j);
        if (n == 0 || count is null || count == "X" || Unit(s, j + n) is not { } unit || unit is "H" or "MIN" or "S" or "WE" or "2W")
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
            return new Match(length, "DATE", null, mod);
        }

        var value = unit == "Y" && offset == -1 && YearBeforeQuarter(s) is { } quarter ? quarter
            : unit == "DE" ? TimeCalendar.Shift(from, "Y", offset * 10) : TimeCalendar.Shift(from, unit, offset);
        DateOnly? day = unit == "D" ? from.AddDays(offset) : unit == "W" ? from.AddDays(7 * offset) : null;
        return new Match(length, "DATE", value, mod, day);
    }

    /// <summary>'three years', 'more than 15 years', 'the past two months', 'the first nine months', '16-hour', 'for years', 'a few days'.</summary>
    private Match? Duration(Sentence s, int i)
    {
        var j = i;
        if (s.L(j) == "the")
        {
            j++;
        }

        if (s.L(j) is "past" or "last" or "next" or "first" or "previous" or "coming" or "following" or "latest" or "final" or "recent" or "initial")
        {
            j++;
        }

        string? mod = null;
        var pair = j + 1 < s.Words.Length ? _w.Get("modifier-pair", $"{s.L(j)} {s.L(j + 1)}") ?? _w.Get("modifier-pair", $"{s.L(j)} {s.L(j + 1)} {s.L(j + 2)}") : null;
        if (pair is not null)
        {
            mod = pair;
            j += s.L(j) is "no" or "as" ? 3 : 2;
        }
        else if (_w.Get("modifier", s.L(j)) is { } m && Count(s, j + 1).Length > 0)
        {
            mod = m;
            j++;
        }

        var (n, count) = Count(s, j);
        if (n == 0 && j == i && s.L(i) == "another" && Unit(s, i + 1) is { } another && !Plural(s.L(i + 1)))
        {
            // 'another week'
            return new Match(2, "DURATION", Period(1, another));
        }

        if (n == 0)
        {
            // 'for years', 'for decades': a plural unit alone after a word that takes a duration.
            if (j == i && _w.Is("duration-lead", s.L(i - 1)) && Unit(s, i) is { } alone && Plural(s.L(i)) && alone is not ("WE" or "2W"))
            {
                return new Match(1, "DURATION", Period(null, alone));
            }

            return null;
        }

        // 'the 1988 quarter' is a date, not 1,988 quarters.
        if (n == 1 && YearAt(s, j) is not null)
        {
            return null;
        }

        if (Unit(s, j + n) is not { } unit || _w.Is("direction", s.L(j + n + 1))
            || (s.L(j + n + 1) == "old" && s.Words[j + n + 1].Token == s.Words[j + n].Token))
        {
            // '6-year-old' is an age, not a time.
            return null;
        }

        // 'a second term', 'a second time', 'one second round': an ordinal before its noun, not a
        // duration; 'a second later', 'a second or two', 'for a second.' stay durations.
        if (s.L(j + n) == "second" && s.L(j + n + 1) is { Length: > 0 } after && char.IsLetter(after[0])
            && after is not ("later" or "earlier" or "ago" or "after" or "before" or "or" or "and" or "longer" or "more" or "too" or "of" or "in" or "to" or "for" or "when" or "while" or "until" or "till" or "as" or "than"))
        {
            return null;
        }

        // 'a year' alone (not 'a year ago', not '$5 a year') needs a word before it that takes a duration.
        if (s.L(j) is "a" or "an" && n == 1 && j == i && !(_w.Is("duration-lead", s.L(i - 1)) || s.L(i - 1) is "in" or "than" or "least" or "about" or "nearly" or "almost" or "only" or "just" or "barely" or "roughly" or "of"
            || s.L(j + n + 1) is "after" or "before"))
        {
            return null;
        }

        var amount = count == "X" ? (double?)null : double.Parse(count!, CultureInfo.InvariantCulture);
        var length = j + n + 1 - i;
        if (amount is not null && s.L(j + n + 1) == "and" && (s.L(j + n + 2), s.L(j + n + 3)) is ("a", "half") or ("half", _))
        {
            // 'an hour and a half'
            amount += 0.5;
            length += s.L(j + n + 2) == "a" ? 3 : 2;
        }

        return new Match(length, "DURATION", Period(amount, unit), mod);
    }

    /// <summary>
    /// A TIMEX3 duration (ISO 8601): 'three years' → P3Y, '16 hours' → PT16H, 'two decades' →
    /// P20Y, 'three quarters' → P3Q (TimeBank's way), a half carried into the next unit down
    /// ('5 1/2 hours' → PT5H30M, '2 1/2 years' → P2Y6M); X for an unknown count.
    /// </summary>
    private static string Period(double? n, string unit)
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

    /// <summary>'daily', 'every week', 'each year', 'every Sunday'.</summary>
    private Match? Set(Sentence s, int i)
    {
        if (_w.Get("set", s.L(i)) is { } value)
        {
            return new Match(1, "SET", value);
        }

        // 'on Mondays', 'Sundays': a weekday in the plural recurs.
        if (IsCapitalised(s.W(i)) && s.L(i).EndsWith('s') && _w.Int("weekday", s.L(i)[..^1]) is { } plural)
        {
            return new Match(1, "SET", $"XXXX-WXX-{plural}");
        }

        // 'once a week', 'twice a year'
        if (s.L(i) is "once" or "twice" && s.L(i + 1) is "a" or "per" or "every" && Unit(s, i + 2) is { } per && !Plural(s.L(i + 2)))
        {
            return new Match(3, "SET", Period(1, per));
        }

        if (!_w.Is("set-lead", s.L(i)) || (s.L(i) == "per" && s.L(i + 1) is not ("day" or "week" or "month" or "year")))
        {
            return null;
        }

        if (WeekdayOrPlural(s.L(i + 1)) is { } wd)
        {
            return new Match(2, "SET", $"XXXX-WXX-{wd}");
        }

        return Unit(s, i + 1) is { } unit && !Plural(s.L(i + 1)) ? new Match(2, "SET", Period(1, unit)) : null;
    }

    private int? WeekdayOrPlural(string lower) => _w.Int("weekday", lower) ?? (lower.EndsWith('s') ? _w.Int("weekday", lower[..^1]) : null);

    /// <summary>Clock times: '5 p.m.', '10:30 a.m.', '15:07', 'noon', 'midnight'.</summary>
    private Match? Clock(Sentence s, int i)
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
        if (Weekday(s, after) is { Day: { } wday } wm)
        {
            return new Match(after + wm.Length - i, "TIME", TimeCalendar.Day(wday) + time, Day: wday);
        }

        if (MonthAt(s, after) is not null && Dated(s, after) is { Day: { } mday } md)
        {
            return new Match(after + md.Length - i, "TIME", TimeCalendar.Day(mday) + time, Day: mday);
        }

        var day = s.Day ?? s.State.LastDay ?? s.Dct;
        return new Match(length, "TIME", day is { } d ? TimeCalendar.Day(d) + time : "XXXX-XX-XX" + time);
    }
}
