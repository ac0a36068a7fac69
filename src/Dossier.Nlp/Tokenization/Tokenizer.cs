using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Nlp.Tokenization;

/// <summary>
/// A rule-based tokenizer for news English. Keeps together abbreviations (U.S., Lt., Jan.),
/// numbers with separators (258,300; 7.5; 15:07; 2024-05-14), hyphenated words
/// (Tehreek-e-Taliban, air-to-ground, AK-47), URLs and e-mail addresses; splits clitics
/// (Biden | ’s, do | n't), quotation marks of both kinds, currency symbols, units written against
/// a number (82 | mm) and ranges of numbers (60 | - | 82). Thread-safe.
/// </summary>
public sealed partial class Tokenizer
{
    private static readonly FrozenSet<string> Clitics = new[] { "s", "re", "ve", "ll", "d", "m" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> OrdinalSuffixes = new[] { "st", "nd", "rd", "th" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private readonly AbbreviationLexicon _abbreviations;
    private readonly FrozenSet<string> _units;

    /// <summary>Creates a tokenizer with the given lexicons.</summary>
    public Tokenizer(AbbreviationLexicon abbreviations, IEnumerable<string> units)
    {
        ArgumentNullException.ThrowIfNull(abbreviations);
        ArgumentNullException.ThrowIfNull(units);
        _abbreviations = abbreviations;
        _units = units.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The tokenizer with the lexicons shipped with Dossier.</summary>
    public static Tokenizer Default { get; } = new(
        AbbreviationLexicon.Default,
        DataFile.ReadEmbedded(typeof(Tokenizer).Assembly, "Dossier.Nlp.Tokenization.units.txt").Select(r => r[0]));

    /// <summary>The abbreviations this tokenizer knows.</summary>
    internal AbbreviationLexicon Abbreviations => _abbreviations;

    /// <summary>Tokenizes a whole text.</summary>
    public List<TokenData> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<TokenData>(text.Length / 5);
        Tokenize(text, new TextSpan(0, text.Length), tokens);
        return tokens;
    }

    /// <summary>Appends the tokens of <paramref name="range"/> of <paramref name="text"/> to <paramref name="output"/>.</summary>
    public void Tokenize(string text, TextSpan range, List<TokenData> output)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(range.End, text.Length);
        var i = range.Start;
        var end = range.End;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                i++;
                continue;
            }

            var (length, kind) = Next(text, i, end, output);
            output.Add(new TokenData(TextSpan.FromLength(i, length), kind));
            i += length;
        }
    }

    private (int Length, TokenKind Kind) Next(string text, int i, int end, List<TokenData> previous)
    {
        var c = text[i];
        var isWordStart = IsWordChar(text, i, end, out _);

        if (isWordStart)
        {
            var url = UrlPattern().Match(text, i, end - i);
            if (url.Success)
            {
                return (TrimUrl(text, i, url.Length), TokenKind.Url);
            }

            if (text.AsSpan(i, Math.Min(80, end - i)).Contains('@'))
            {
                var email = EmailPattern().Match(text, i, end - i);
                if (email.Success)
                {
                    return (email.Length, TokenKind.Email);
                }
            }

            var adjacentToPrevious = previous.Count > 0 && previous[^1].Span.End == i;
            if (adjacentToPrevious && previous[^1].Kind == TokenKind.Word && Clitic(text, i, end) is > 0 and var cliticLength)
            {
                return (cliticLength, TokenKind.Word);
            }

            if (char.IsLetter(c) && Abbreviation(text, i, end, previous) is > 0 and var abbreviationLength)
            {
                return (abbreviationLength, TokenKind.Word);
            }

            if (char.IsAsciiDigit(c))
            {
                return Number(text, i, end);
            }

            var wordEnd = ScanWord(text, i, i, end);
            return (HyphenatedAbbreviationEnd(text, i, wordEnd, end, previous) - i, TokenKind.Word);
        }

        if (c is '\'' or '\u2019' && previous.Count > 0 && previous[^1].Span.End == i && previous[^1].Kind == TokenKind.Word && Clitic(text, i, end) is > 0 and var l)
        {
            return (l, TokenKind.Word);
        }

        if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]))
        {
            return (2, TokenKind.Symbol);
        }

        // Doubled apostrophes and backquotes are quotation marks (''…'', ``…''), as in much newswire text.
        if (c is '\'' or '`' && i + 1 < end && text[i + 1] == c)
        {
            return (2, TokenKind.Punctuation);
        }

        // Runs that read as one mark: ellipses, ?!, dashes.
        if (c is '.' or '!' or '?' or '-')
        {
            var j = i + 1;
            while (j < end && (c == '.' ? text[j] == '.' : c == '-' ? text[j] == '-' : text[j] is '!' or '?'))
            {
                j++;
            }

            if (j - i > 1)
            {
                return (j - i, TokenKind.Punctuation);
            }
        }

        return (1, IsSymbol(c) ? TokenKind.Symbol : TokenKind.Punctuation);
    }

    /// <summary>
    /// Where a hyphenated word ends whose last part is an abbreviation: its period belongs to it
    /// ('Rep. John Mica (R-Fla.) said', '(D-N.Y.)'), so it ends no sentence; <paramref name="wordEnd"/> otherwise.
    /// </summary>
    private int HyphenatedAbbreviationEnd(string text, int start, int wordEnd, int end, List<TokenData> previous)
    {
        if (wordEnd >= end || text[wordEnd] != '.')
        {
            return wordEnd;
        }

        var part = wordEnd;
        while (part > start && !IsHyphen(text[part - 1]))
        {
            part--;
        }

        return part > start && part < wordEnd && char.IsUpper(text[part]) && Abbreviation(text, part, end, previous) is var length && part + length > wordEnd
            ? part + length
            : wordEnd;
    }

    /// <summary>The length of a clitic ('s, ’re, n't) starting at <paramref name="i"/>, or 0.</summary>
    private static int Clitic(string text, int i, int end)
    {
        if (text[i] is 'n' or 'N' && i + 2 < end && IsApostrophe(text[i + 1]) && text[i + 2] is 't' or 'T'
            && (i + 3 >= end || !IsWordChar(text, i + 3, end, out _)))
        {
            return 3;
        }

        if (!IsApostrophe(text[i]))
        {
            return 0;
        }

        var j = i + 1;
        while (j < end && char.IsLetter(text[j]))
        {
            j++;
        }

        if (j == i + 1 || (j < end && IsWordChar(text, j, end, out _)))
        {
            return 0;
        }

        return Clitics.Contains(text.Substring(i + 1, j - i - 1)) ? j - i : 0;
    }

    private int Abbreviation(string text, int i, int end, List<TokenData> previous)
    {
        // The longest run of letters and periods; abbreviations are its prefixes ending in '.'.
        var j = i;
        var limit = Math.Min(end, i + Math.Max(_abbreviations.MaxLength, 24));
        while (j < limit && (char.IsLetter(text[j]) || text[j] == '.'))
        {
            j++;
        }

        for (var k = j; k > i + 1; k--)
        {
            if (text[k - 1] != '.')
            {
                continue;
            }

            var candidate = text.AsSpan(i, k - i);
            var cls = _abbreviations.Classify(candidate);
            switch (cls)
            {
                case AbbreviationClass.None:
                    continue;
                case AbbreviationClass.Number when !NextIsDigit(text, k, end):
                    continue;
                case AbbreviationClass.Title when candidate.Length == 2 && !IsInitialOfName(text, k, end, previous, i):
                    continue;
                default:
                    return k - i;
            }
        }

        return 0;
    }

    /// <summary>
    /// A single capital and period is a middle initial only between capitalised words (Donald J.
    /// Trump), or a point of the compass before a capitalised name, wherever it stands ('denounce N.
    /// Korea test', 'troops in S. Sudan').
    /// </summary>
    private static bool IsInitialOfName(string text, int afterPeriod, int end, List<TokenData> previous, int start)
    {
        var beforeName = afterPeriod + 1 < end && text[afterPeriod] == ' ' && char.IsUpper(text[afterPeriod + 1]);
        if (beforeName && text[start] is 'N' or 'S' or 'E' or 'W' && afterPeriod + 2 < end && char.IsLower(text[afterPeriod + 2]))
        {
            return true;
        }

        if (previous.Count == 0 || previous[^1].Kind != TokenKind.Word || !char.IsUpper(text[previous[^1].Span.Start]) || start - previous[^1].Span.End != 1)
        {
            return false;
        }

        return beforeName;
    }

    private static bool NextIsDigit(string text, int i, int end)
    {
        while (i < end && text[i] == ' ')
        {
            i++;
        }

        return i < end && char.IsAsciiDigit(text[i]);
    }

    private (int Length, TokenKind Kind) Number(string text, int i, int end)
    {
        var m = NumberPattern().Match(text, i, end - i);
        var j = i + m.Length;

        // Letters written against the number: an ordinal suffix stays, a unit goes, anything else
        // makes an alphanumeric word (1990s, 4G).
        var k = j;
        while (k < end && char.IsLetter(text[k]))
        {
            k++;
        }

        if (k > j && (k == end || !IsWordChar(text, k, end, out _)))
        {
            var letters = text.Substring(j, k - j);
            if (OrdinalSuffixes.Contains(letters))
            {
                return (k - i, TokenKind.Number);
            }

            if (_units.Contains(letters))
            {
                return (j - i, TokenKind.Number);
            }
        }

        // A number that runs on into letters (1990s, 4G, 15-year-old) is read as one word.
        var full = ScanWord(text, i, j, end);
        if (full > j)
        {
            var hasHyphen = text.AsSpan(i, full - i).ContainsAny('-', '\u2010', '\u2011');
            return (full - i, hasHyphen ? TokenKind.Word : TokenKind.Number);
        }

        return (j - i, TokenKind.Number);
    }

    /// <summary>
    /// Scans a word that starts at <paramref name="i"/>, from <paramref name="from"/> on: word
    /// characters joined by inner hyphens and apostrophes. Stops before a clitic and at a hyphen
    /// between digits (a range).
    /// </summary>
    private static int ScanWord(string text, int i, int from, int end)
    {
        var j = from;
        while (true)
        {
            while (j < end && IsWordChar(text, j, end, out var width))
            {
                j += width;
            }

            if (j == i || j + 1 >= end)
            {
                return j;
            }

            var c = text[j];
            if (IsHyphen(c) && IsWordChar(text, j + 1, end, out _))
            {
                if (char.IsAsciiDigit(text[j - 1]) && char.IsAsciiDigit(text[j + 1]))
                {
                    return j;
                }

                j++;
                continue;
            }

            if (IsApostrophe(c) && char.IsLetter(text[j - 1]) && char.IsLetter(text[j + 1]))
            {
                if (Clitic(text, j, end) > 0)
                {
                    return j;
                }

                if (text[j - 1] is 'n' or 'N' && j - 1 > i && Clitic(text, j - 1, end) > 0)
                {
                    return j - 1;
                }

                j++;
                continue;
            }

            if (c is '\u200C' or '\u200D' or '\u00AD' && IsWordChar(text, j + 1, end, out _))
            {
                j++;
                continue;
            }

            return j;
        }
    }

    private static bool IsWordChar(string text, int i, int end, out int width)
    {
        width = 1;
        var c = text[i];
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < end && Rune.TryCreate(c, text[i + 1], out var rune))
            {
                width = 2;
                return Rune.IsLetterOrDigit(rune);
            }

            return false;
        }

        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static bool IsSymbol(char c)
    {
        if (c is '%' or '&' or '@' or '#' or '*' or '/' or '\\' or '§' or '°')
        {
            return true;
        }

        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol;
    }

    private static int TrimUrl(string text, int start, int length)
    {
        while (length > 0 && text[start + length - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '\'' or '"' or '\u2019' or '\u201D')
        {
            length--;
        }

        return length;
    }

    [GeneratedRegex(@"\G(?:https?://|www\.)[^\s<>""\u201C\u201D]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"\G[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\G(?:\d{4}-\d{2}-\d{2}(?![\d-])|\d{1,2}:\d{2}(?::\d{2})?(?!\d)|\d{1,2}/\d{1,2}/\d{2,4}(?![\d/])|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
