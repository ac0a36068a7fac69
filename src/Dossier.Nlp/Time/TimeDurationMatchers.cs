using System.Globalization;

namespace Dossier.Nlp.Time;

/// <summary>'three years', 'more than 15 years', 'the past two months', 'the first nine months', '16-hour', 'for years', 'a few days'.</summary>
internal sealed class DurationMatcher : ITimeMatcher
{
    private readonly TimeWords _w;
    private readonly TimePieces _p;

    public DurationMatcher(TimeWords words, TimePieces pieces)
    {
        _w = words;
        _p = pieces;
        Starts = new TimeStarts(
            [.. TimeStarts.Classes(words, "modifier", "number", "unit"), .. TimeStarts.FirstWords(words.WordsOf("modifier-pair")),
                "the", "past", "last", "next", "first", "previous", "coming", "following", "latest", "final", "recent", "initial", "another", "a"],
            digits: true);
    }

    public TimeStarts Starts { get; }

    public TimeMatch? Match(TimeSentence s, int i)
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
        else if (_w.Get("modifier", s.L(j)) is { } m && _p.Count(s, j + 1).Length > 0)
        {
            mod = m;
            j++;
        }

        var (n, count) = _p.Count(s, j);
        if (n == 0 && j == i && s.L(i) == "another" && _p.Unit(s, i + 1) is { } another && !TimePieces.Plural(s.L(i + 1)))
        {
            // 'another week'
            return new TimeMatch(2, "DURATION", TimeCalendar.Period(1, another));
        }

        if (n == 0)
        {
            // 'for years', 'for decades': a plural unit alone after a word that takes a duration.
            if (j == i && _w.Is("duration-lead", s.L(i - 1)) && _p.Unit(s, i) is { } alone && TimePieces.Plural(s.L(i)) && alone is not ("WE" or "2W"))
            {
                return new TimeMatch(1, "DURATION", TimeCalendar.Period(null, alone));
            }

            return null;
        }

        // 'the 1988 quarter' is a date, not 1,988 quarters.
        if (n == 1 && _p.YearAt(s, j) is not null)
        {
            return null;
        }

        if (_p.Unit(s, j + n) is not { } unit || _w.Is("direction", s.L(j + n + 1))
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

        return new TimeMatch(length, "DURATION", TimeCalendar.Period(amount, unit), mod);
    }
}

/// <summary>'daily', 'every week', 'each year', 'every Sunday'.</summary>
internal sealed class SetMatcher : ITimeMatcher
{
    private readonly TimeWords _w;
    private readonly TimePieces _p;

    public SetMatcher(TimeWords words, TimePieces pieces)
    {
        _w = words;
        _p = pieces;
        Starts = new TimeStarts([.. TimeStarts.Classes(words, "set", "set-lead"), .. words.WordsOf("weekday").Select(d => d + "s"), "once", "twice"]);
    }

    public TimeStarts Starts { get; }

    public TimeMatch? Match(TimeSentence s, int i)
    {
        if (_w.Get("set", s.L(i)) is { } value)
        {
            return new TimeMatch(1, "SET", value);
        }

        // 'on Mondays', 'Sundays': a weekday in the plural recurs.
        if (TimePieces.IsCapitalised(s.W(i)) && s.L(i).EndsWith('s') && _w.Int("weekday", s.L(i)[..^1]) is { } plural)
        {
            return new TimeMatch(1, "SET", $"XXXX-WXX-{plural}");
        }

        // 'once a week', 'twice a year'
        if (s.L(i) is "once" or "twice" && s.L(i + 1) is "a" or "per" or "every" && _p.Unit(s, i + 2) is { } per && !TimePieces.Plural(s.L(i + 2)))
        {
            return new TimeMatch(3, "SET", TimeCalendar.Period(1, per));
        }

        if (!_w.Is("set-lead", s.L(i)) || (s.L(i) == "per" && s.L(i + 1) is not ("day" or "week" or "month" or "year")))
        {
            return null;
        }

        if (WeekdayOrPlural(s.L(i + 1)) is { } wd)
        {
            return new TimeMatch(2, "SET", $"XXXX-WXX-{wd}");
        }

        return _p.Unit(s, i + 1) is { } unit && !TimePieces.Plural(s.L(i + 1)) ? new TimeMatch(2, "SET", TimeCalendar.Period(1, unit)) : null;
    }

    private int? WeekdayOrPlural(string lower) => _w.Int("weekday", lower) ?? (lower.EndsWith('s') ? _w.Int("weekday", lower[..^1]) : null);
}
