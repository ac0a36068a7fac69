using System.Globalization;
using Dossier.Text;

namespace Dossier.Nlp.Ner;

/// <summary>
/// Rule-based mentions of numbers, amounts and time: DATE (May 10, Jan. 20, 2021, last week,
/// more than 15 years), TIME (15:07, 5 p.m.), MONEY ($7 billion, billions of dollars), PERCENT,
/// QUANTITY (60-82mm, 50 km), ORDINAL (7th, first) and CARDINAL (258,300, about 160, hundreds of
/// thousands). Words come from <c>numeric-words.tsv</c>. Stateless; thread-safe.
/// </summary>
internal static class NumericMentions
{
    private static readonly Dictionary<string, HashSet<string>> Words =
        DataFile.ReadEmbedded(typeof(NumericMentions).Assembly, "Dossier.Nlp.Ner.numeric-words.tsv")
            .ToDictionary(r => r[0], r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal);

    /// <summary>The words that can open a mention (a unit, "than" or "percent" never does); any other word that is not a number is skipped at once.</summary>
    private static readonly HashSet<string> Openers = new[] { "month", "weekday", "relative-day", "period-modifier", "number-word", "plural-scale", "ordinal-word", "currency-symbol", "approximator", "approximator-first" }
        .SelectMany(c => Words[c]).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The numeric and temporal spans of a sentence, skipping tokens already <paramref name="taken"/> by names.</summary>
    public static List<TokenSpan> Find(IReadOnlyList<string> words, bool[] taken)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(taken);
        var spans = new List<TokenSpan>();
        var i = 0;
        while (i < words.Count)
        {
            var w = words[i];
            var candidate = w.Length > 0 && (char.IsAsciiDigit(w[0]) || Openers.Contains(w));
            if (candidate && !taken[i] && Match(words, i) is { } m && !Enumerable.Range(i, m.Length).Any(k => taken[k]))
            {
                spans.Add(new TokenSpan(i, i + m.Length, m.Type));
                i += m.Length;
            }
            else
            {
                i++;
            }
        }

        return spans;
    }

    private static bool Is(string cls, string word) => Words[cls].Contains(word);

    private static bool IsNumber(string w) =>
        w.Length > 0 && char.IsAsciiDigit(w[0]) && double.TryParse(w.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static bool IsYear(string w) => w.Length == 4 && int.TryParse(w, out var y) && y is >= 1800 and <= 2100;

    private static bool IsDay(string w) => int.TryParse(w.TrimEnd('s', 't', 'n', 'd', 'r', 'h'), out var d) && d is >= 1 and <= 31 && w.Length <= 4;

    private static string At(IReadOnlyList<string> words, int i) => i < words.Count ? words[i] : string.Empty;

    /// <summary>The length of the number expression at i (digits or number words, with scale words and "hundreds of thousands").</summary>
    private static int NumberLength(IReadOnlyList<string> words, int i)
    {
        var n = 0;
        while (i + n < words.Count && (IsNumber(words[i + n]) || Is("number-word", words[i + n]) || (n > 0 && Is("scale", words[i + n])) || (n > 0 && words[i + n] == "-" && Is("number-word", At(words, i + n + 1)))))
        {
            n++;
        }

        if (n == 0 && Is("plural-scale", At(words, i)))
        {
            n = 1;
            while (At(words, i + n) == "of" && Is("plural-scale", At(words, i + n + 1)))
            {
                n += 2;
            }
        }

        return n;
    }

    private static int ApproximatorLength(IReadOnlyList<string> words, int i)
    {
        if (Is("approximator", At(words, i)))
        {
            return 1;
        }

        return Is("approximator-first", At(words, i)) && Is("approximator-second", At(words, i + 1)) ? 2 : 0;
    }

    private static (int Length, string Type)? Match(IReadOnlyList<string> words, int i)
    {
        var w = words[i];

        // Months and days: May 10, 2024 / 14 May 2024 / Jan. 20 / May 7th / March / Monday, May 13
        if (Is("weekday", w))
        {
            var n = 1;
            if (At(words, i + 1) == "," && Is("month", At(words, i + 2)))
            {
                n = 2 + MonthLength(words, i + 2);
            }

            return (n, "DATE");
        }

        if (Is("month", w) && char.IsUpper(w[0]))
        {
            return (MonthLength(words, i), "DATE");
        }

        if (IsDay(w) && Is("month", At(words, i + 1)) && char.IsUpper(At(words, i + 1)[0]))
        {
            return (1 + MonthLength(words, i + 1), "DATE");
        }

        if (Is("relative-day", w))
        {
            return (1, "DATE");
        }

        // last week, the past three years, next month
        if (Is("period-modifier", w))
        {
            var n = NumberLength(words, i + 1);
            if (Is("period", At(words, i + 1 + n)))
            {
                return (2 + n, "DATE");
            }
        }

        // Times: 15:07, 5 p.m.
        if (w.Length >= 4 && w.Contains(':', StringComparison.Ordinal) && char.IsAsciiDigit(w[0]) && TimeOnly.TryParse(w, CultureInfo.InvariantCulture, out _))
        {
            return (1 + (Is("meridian", At(words, i + 1)) ? 1 : 0), "TIME");
        }

        var approx = ApproximatorLength(words, i);
        var at = i + approx;
        var a = At(words, at);

        // Money: $7 billion, Rs 500, 20 million dollars, billions of dollars
        if (Is("currency-symbol", a) && NumberLength(words, at + 1) is > 0 and var money)
        {
            return (approx + 1 + money, "MONEY");
        }

        var number = NumberLength(words, at);
        if (number == 0)
        {
            return Is("ordinal-word", w) ? (1, "ORDINAL") : OrdinalDigits(w) ? (1, "ORDINAL") : null;
        }

        var after = At(words, at + number);
        if (Is("currency-word", after))
        {
            return (approx + number + 1, "MONEY");
        }

        if (after == "of" && Is("currency-word", At(words, at + number + 1)))
        {
            return (approx + number + 2, "MONEY");
        }

        if (Is("percent", after))
        {
            return (approx + number + 1, "PERCENT");
        }

        // Ranges with a unit: 60-82mm (tokens 60 - 82 mm), 50 km
        if (after == "-" && IsNumber(At(words, at + number + 1)) && Is("unit", At(words, at + number + 2)))
        {
            return (approx + number + 3, "QUANTITY");
        }

        if (Is("unit", after) && !(after == "m" && number > 0 && Is("scale", words[at + number - 1])))
        {
            return (approx + number + 1, "QUANTITY");
        }

        if (Is("period", after) || Is("time-unit", after))
        {
            return (approx + number + 1, Is("period", after) ? "DATE" : "TIME");
        }

        if (Is("meridian", after))
        {
            return (approx + number + 1, "TIME");
        }

        if (approx == 0 && number == 1 && IsYear(a))
        {
            return (1, "DATE");
        }

        if (OrdinalDigits(a))
        {
            return (approx + number, "ORDINAL");
        }

        return (approx + number, "CARDINAL");
    }

    private static int MonthLength(IReadOnlyList<string> words, int i)
    {
        var n = 1;
        if (IsDay(At(words, i + n)))
        {
            n++;
        }

        if (At(words, i + n) == "," && IsYear(At(words, i + n + 1)))
        {
            n += 2;
        }
        else if (IsYear(At(words, i + n)))
        {
            n++;
        }

        return n;
    }

    private static bool OrdinalDigits(string w) =>
        w.Length >= 3 && char.IsAsciiDigit(w[0]) && (w.EndsWith("st", StringComparison.Ordinal) || w.EndsWith("nd", StringComparison.Ordinal) || w.EndsWith("rd", StringComparison.Ordinal) || w.EndsWith("th", StringComparison.Ordinal))
        && w[..^2].All(char.IsAsciiDigit);
}
