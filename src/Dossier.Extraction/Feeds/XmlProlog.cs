namespace Dossier.Extraction.Feeds;

/// <summary>
/// Reads the prolog of an XML document — the XML declaration, processing instructions, comments and
/// a document type declaration (<c>&lt;!DOCTYPE …&gt;</c>, with its internal subset) — to find where
/// the root element starts and where the DOCTYPE is, without parsing any DTD.
/// </summary>
internal static class XmlProlog
{
    /// <summary>The offset of the root element's '&lt;' and the range of the DOCTYPE (empty when there is none); -1 when the prolog does not end within the text.</summary>
    public static int RootStart(string text, out Range doctype)
    {
        ArgumentNullException.ThrowIfNull(text);
        doctype = default;
        var i = SkipSpace(text, 0);
        while (i < text.Length)
        {
            int end;
            if (At(text, i, "<?"))
            {
                end = After(text, i, "?>");
            }
            else if (At(text, i, "<!--"))
            {
                end = After(text, i + 4, "-->");
            }
            else if (At(text, i, "<!DOCTYPE"))
            {
                end = DoctypeEnd(text, i);
                doctype = i..Math.Max(i, end);
            }
            else
            {
                return text[i] == '<' ? i : -1;
            }

            if (end < 0)
            {
                return -1;
            }

            i = SkipSpace(text, end);
        }

        return -1;
    }

    /// <summary>The text without its DOCTYPE, so no parser sees a DTD (no fetching, no entity expansion).</summary>
    public static string WithoutDoctype(string text)
    {
        RootStart(text, out var doctype);
        var (start, length) = doctype.GetOffsetAndLength(text.Length);
        return length == 0 ? text : string.Concat(text.AsSpan(0, start), text.AsSpan(start + length));
    }

    private static bool At(string text, int i, string token) => text.AsSpan(i).StartsWith(token, StringComparison.Ordinal);

    private static int After(string text, int from, string token)
    {
        var at = text.IndexOf(token, from, StringComparison.Ordinal);
        return at < 0 ? -1 : at + token.Length;
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '\uFEFF'))
        {
            i++;
        }

        return i;
    }

    /// <summary>One past the DOCTYPE's closing '&gt;': outside quotes and outside the internal subset's brackets; -1 when it does not close.</summary>
    private static int DoctypeEnd(string text, int start)
    {
        var quote = '\0';
        var subset = false;
        for (var i = start + 2; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '[')
            {
                subset = true;
            }
            else if (c == ']')
            {
                subset = false;
            }
            else if (c == '>' && !subset)
            {
                return i + 1;
            }
        }

        return -1;
    }
}
