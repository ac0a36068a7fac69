using System.Text;

namespace Dossier.Extraction.Html;

/// <summary>
/// Keeps pathological nesting away from the HTML parser. An HTML5 tree builder checks the stack of
/// open elements on many tags, so 100,000 nested <c>&lt;div&gt;</c>s take minutes; browsers cap the
/// depth (Chromium at 512). A linear scan estimates the depth from the tags that nest (not void,
/// not implicitly closed); past <see cref="MaxDepth"/> the start and end tags of the surplus
/// levels are dropped, their text kept.
/// </summary>
internal static class NestingGuard
{
    /// <summary>The deepest nesting passed to the parser.</summary>
    public const int MaxDepth = 1_500;

    // Elements that are void or closed implicitly by the parser: they do not build depth.
    private static readonly HashSet<string> Flat = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "html", "head", "body",
        "rb", "rt", "rtc", "rp", "colgroup", "caption",
    };

    /// <summary>
    /// The HTML unchanged when it nests no deeper than <see cref="MaxDepth"/> (the usual case, one
    /// pass without allocation); otherwise a copy with the surplus tags removed, and
    /// <paramref name="flattened"/> set.
    /// </summary>
    public static string Guard(string html, out bool flattened)
    {
        ArgumentNullException.ThrowIfNull(html);
        flattened = Scan(html, null) > MaxDepth;
        if (!flattened)
        {
            return html;
        }

        var output = new StringBuilder(html.Length);
        Scan(html, output);
        return output.ToString();
    }

    /// <summary>How many elements the markup opens (a <c>&lt;</c> followed by a letter), counted up to <paramref name="stopAt"/>.</summary>
    public static int CountElements(string html, int stopAt = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(html);
        var count = 0;
        for (var i = html.IndexOf('<'); i >= 0 && i + 1 < html.Length && count < stopAt; i = html.IndexOf('<', i + 1))
        {
            if (char.IsAsciiLetter(html[i + 1]))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Walks the tags, tracking depth; returns the deepest level seen. When <paramref name="output"/>
    /// is given, copies the HTML to it without the tags that lie deeper than <see cref="MaxDepth"/>.
    /// </summary>
    private static int Scan(string html, StringBuilder? output)
    {
        var depth = 0;
        var deepest = 0;
        var copied = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            var start = i;
            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var nameStart = closing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i = SkipMarkup(html, i);
                continue;
            }

            var end = html.IndexOf('>', nameEnd);
            if (end < 0)
            {
                break;
            }

            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            i = end + 1;
            if (IsRawText(name) && !closing)
            {
                // Skip the content of script/style/textarea/title: tags in it are text.
                var close = html.IndexOf("</" + name.ToString(), i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
                continue;
            }

            if (Flat.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name) || html[end - 1] == '/')
            {
                continue;
            }

            var surplus = closing ? depth > MaxDepth : depth >= MaxDepth;
            depth = closing ? Math.Max(0, depth - 1) : depth + 1;
            deepest = Math.Max(deepest, depth);
            if (surplus && output is not null)
            {
                output.Append(html, copied, start - copied);
                copied = end + 1;
            }
        }

        output?.Append(html, copied, html.Length - copied);
        return deepest;
    }

    private static bool IsRawText(ReadOnlySpan<char> name) =>
        name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)
        || name.Equals("textarea", StringComparison.OrdinalIgnoreCase) || name.Equals("title", StringComparison.OrdinalIgnoreCase);

    private static int SkipMarkup(string html, int i)
    {
        if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
        {
            var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
            return close < 0 ? html.Length : close + 3;
        }

        return i + 1;
    }
}
