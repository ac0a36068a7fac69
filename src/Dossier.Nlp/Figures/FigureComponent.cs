using System.Globalization;
using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Nlp.Figures;

/// <summary>
/// Turns the numeric mentions (CARDINAL, MONEY, PERCENT, QUANTITY) into figures: the value
/// ('258,300' → 258300, '$7 billion' → 7e9 USD, 'thirteen' → 13, 'hundreds of' → 100 approximate),
/// the unit or currency, whether it is approximate ('about 160', 'more than 15'), and what is
/// counted — the words that follow ('rifles', 'civilians', 'worth of US military hardware').
/// Words are data (<c>figure-words.tsv</c>). Thread-safe.
/// </summary>
internal sealed class FigureComponent : IDocumentComponent
{
    private const int MaxWhatWords = 8;

    private static readonly Dictionary<string, Dictionary<string, string>> Words =
        DataFile.ReadEmbedded(typeof(FigureComponent).Assembly, "Dossier.Nlp.Figures.figure-words.tsv")
            .GroupBy(r => r[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(e => e.Split('='))
                .ToDictionary(p => p[0].Replace('_', ' '), p => p.Length > 1 ? p[1] : string.Empty, StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal);

    /// <inheritdoc/>
    public string Name => "figures";

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Needs { get; } = [Layers.Tokens, Layers.Sentences, Layers.Mentions];

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Adds { get; } = [Layers.Figures];

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var tokens = document.Get(Layers.Tokens);
        var sentenceEnd = new int[tokens.Length];
        foreach (var s in document.Get(Layers.Sentences))
        {
            for (var t = s.FirstToken; t < s.FirstToken + s.TokenCount; t++)
            {
                sentenceEnd[t] = s.FirstToken + s.TokenCount;
            }
        }

        var figures = new List<FigureData>();
        var numeric = document.Get(Layers.Mentions).Where(m => m.Label is "CARDINAL" or "MONEY" or "PERCENT" or "QUANTITY").ToList();
        for (var n = 0; n < numeric.Count; n++)
        {
            var m = numeric[n];
            var (first, last) = TokensOf(tokens, m.Span);
            if (Parse(WordsOf(text, tokens, first, last), m.Label) is not { } parsed)
            {
                continue;
            }

            // A range: 'between 150 and 200', 'from 150 to 200', '150 to 200 people', '150-200'.
            double? high = null;
            var span = m.Span;
            if (n + 1 < numeric.Count && last + 2 < tokens.Length && TokensOf(tokens, numeric[n + 1].Span).First == last + 2)
            {
                var link = text.Substring(tokens[last + 1].Span.Start, tokens[last + 1].Span.Length).ToLowerInvariant();
                var lead = first > 0 ? text.Substring(tokens[first - 1].Span.Start, tokens[first - 1].Span.Length).ToLowerInvariant() : string.Empty;
                if ((link is "to" or "-" or "–" || (link == "and" && lead == "between")) && numeric[n + 1].Label == m.Label)
                {
                    var (nextFirst, nextLast) = TokensOf(tokens, numeric[n + 1].Span);
                    if (Parse(WordsOf(text, tokens, nextFirst, nextLast), m.Label) is { } upper && upper.Value > parsed.Value)
                    {
                        high = upper.Value;
                        parsed = (parsed.Value, parsed.Unit ?? upper.Unit, parsed.Approximate || upper.Approximate);
                        span = new TextSpan(m.Span.Start, numeric[n + 1].Span.End);
                        last = nextLast;
                        n++;
                    }
                }
            }

            var what = What(text, tokens, last + 1, sentenceEnd[first]);
            figures.Add(new FigureData(span, parsed.Value, parsed.Unit, parsed.Approximate, what?.Text, what?.Span, high));
        }

        document.Set(Layers.Figures, [.. figures]);
    }

    private static (int First, int Last) TokensOf(System.Collections.Immutable.ImmutableArray<TokenData> tokens, TextSpan span)
    {
        var first = TokenSearch.FirstEndingAfter(tokens, span.Start);
        var last = first;
        while (last + 1 < tokens.Length && tokens[last + 1].Span.Start < span.End)
        {
            last++;
        }

        return (first, last);
    }

    private static List<string> WordsOf(string text, System.Collections.Immutable.ImmutableArray<TokenData> tokens, int first, int last) =>
        [.. Enumerable.Range(first, last - first + 1).Select(t => text.Substring(tokens[t].Span.Start, tokens[t].Span.Length))];

    private static bool Is(string cls, string word) => Words[cls].ContainsKey(word);

    private static string? Get(string cls, string word) => Words[cls].TryGetValue(word, out var v) ? v : null;

    /// <summary>Value, unit and approximation of the words of a numeric mention; null when they hold no number.</summary>
    public static (double Value, string? Unit, bool Approximate)? Parse(IReadOnlyList<string> words, string label)
    {
        ArgumentNullException.ThrowIfNull(words);
        double? value = null;
        double current = 0;
        var any = false;
        var approximate = false;
        string? unit = null;
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            var lower = w.ToLowerInvariant();
            if (Get("currency", w) is { } currency)
            {
                unit ??= currency;
            }
            else if (Is("approximate", lower) || (i + 1 < words.Count && Is("approximate", lower + " " + words[i + 1].ToLowerInvariant())))
            {
                approximate = true;
            }
            else if (lower is "%" or "percent" or "per-cent" or "pct")
            {
                unit = "%";
            }
            else if (char.IsAsciiDigit(w[0]) && double.TryParse(w.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            {
                current += d;
                any = true;
            }
            else if (char.IsAsciiDigit(w[0]) && LeadingNumber(w) is { } lead)
            {
                // '60-82mm', '15-year': the number before the unit.
                current += lead.Value;
                unit ??= lead.Unit;
                any = true;
            }
            else if (Get("scale", lower) is { } scale)
            {
                var factor = double.Parse(scale, CultureInfo.InvariantCulture);
                if (lower.EndsWith('s') && !any)
                {
                    // 'hundreds of', 'thousands': a vague count of at least one such.
                    current = current == 0 ? factor : current * factor;
                    approximate = true;
                }
                else
                {
                    current = (current == 0 ? 1 : current) * factor;
                }

                any = true;
                if (factor >= 1000)
                {
                    value = (value ?? 0) + current;
                    current = 0;
                }
            }
            else if (Get("number", lower) is { } n)
            {
                current += double.Parse(n, CultureInfo.InvariantCulture);
                any = true;
            }
            else if (Get("currency-word", lower) is { } cw)
            {
                unit ??= cw;
            }
            else if (Get("unit", lower) is { } u)
            {
                unit ??= u;
            }
        }

        if (!any)
        {
            return null;
        }

        var total = (value ?? 0) + current;
        return (total, unit ?? (label == "PERCENT" ? "%" : null), approximate);
    }

    private static (double Value, string? Unit)? LeadingNumber(string w)
    {
        var k = 0;
        while (k < w.Length && (char.IsAsciiDigit(w[k]) || w[k] is '.' or ','))
        {
            k++;
        }

        if (!double.TryParse(w[..k].Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
        {
            return null;
        }

        var rest = w[k..].TrimStart('-');
        var lastDash = rest.LastIndexOf('-');
        var unitWord = lastDash >= 0 ? rest[(lastDash + 1)..] : rest;
        var digitsEnd = 0;
        while (digitsEnd < unitWord.Length && char.IsAsciiDigit(unitWord[digitsEnd]))
        {
            digitsEnd++;
        }

        return (v, Get("unit", unitWord[digitsEnd..].ToLowerInvariant()));
    }

    /// <summary>What a figure counts: the words after it up to a verb, a preposition that starts a new phrase, a clause mark or another number.</summary>
    private static (string Text, TextSpan Span)? What(string text, System.Collections.Immutable.ImmutableArray<TokenData> tokens, int from, int end)
    {
        var words = new List<string>();
        for (var t = from; t < end && words.Count < MaxWhatWords; t++)
        {
            var w = text.Substring(tokens[t].Span.Start, tokens[t].Span.Length);
            var lower = w.ToLowerInvariant();
            if (Is("stop", lower) || (words.Count > 0 && char.IsAsciiDigit(w[0])) || (w.Length == 1 && (char.IsPunctuation(w[0]) || char.IsSymbol(w[0])) && w is not "," and not "-"))
            {
                break;
            }

            // A comma ends the phrase unless a list of modifiers goes on ('light, medium and heavy machine guns').
            if (w == "," && !(t + 1 < end && Is("list-word", text.Substring(tokens[t + 1].Span.Start, tokens[t + 1].Span.Length).ToLowerInvariant())))
            {
                break;
            }

            words.Add(w);
        }

        while (words.Count > 0 && (Is("stop", words[^1].ToLowerInvariant()) || Is("approximate", words[^1].ToLowerInvariant()) || words[^1] is "," or "and" or "or" or "the" or "a" or "of"))
        {
            words.RemoveAt(words.Count - 1);
        }

        return words.Count == 0 ? null
            : (string.Join(' ', words).Replace(" ,", ",", StringComparison.Ordinal), new TextSpan(tokens[from].Span.Start, tokens[from + words.Count - 1].Span.End));
    }
}
