using System.Text;

namespace Dossier.Analysis.Reporting;

/// <summary>
/// Keeps the backslash escapes of the Markdown brief (<c>\*</c>, <c>\[</c>, <c>\&lt;</c>) out of
/// the reach of the HTML renderer's patterns: <see cref="Protect"/> turns each into a private-use
/// character, which no pattern matches, and <see cref="Restore"/> turns it back into the literal
/// character, HTML-encoded. A private-use character already in the text is doubled and undoubled,
/// so it comes out as it went in.
/// </summary>
internal static class MarkdownEscapes
{
    private const char Mark = '\uE000';
    private const char First = '\uE100';

    /// <summary>The Markdown with every <c>\x</c> (x ASCII punctuation) replaced by a private-use pair.</summary>
    public static string Protect(string markdown)
    {
        var sb = new StringBuilder(markdown.Length);
        for (var k = 0; k < markdown.Length; k++)
        {
            var c = markdown[k];
            if (c == '\\' && k + 1 < markdown.Length && IsAsciiPunctuation(markdown[k + 1]))
            {
                sb.Append(Mark).Append((char)(First + markdown[++k]));
            }
            else
            {
                sb.Append(c);
                if (c == Mark)
                {
                    sb.Append(Mark);
                }
            }
        }

        return sb.ToString();
    }

    private static bool IsAsciiPunctuation(char c) => c is > ' ' and < '\u007F' && !char.IsAsciiLetterOrDigit(c);

    /// <summary>The rendered HTML with each protected character back as itself, HTML-encoded by <paramref name="encode"/>.</summary>
    public static string Restore(string html, Func<string, string> encode)
    {
        ArgumentNullException.ThrowIfNull(encode);
        var sb = new StringBuilder(html.Length);
        for (var k = 0; k < html.Length; k++)
        {
            if (html[k] == Mark && k + 1 < html.Length)
            {
                var next = html[++k];
                sb.Append(next == Mark ? Mark.ToString() : encode(((char)(next - First)).ToString()));
            }
            else
            {
                sb.Append(html[k]);
            }
        }

        return sb.ToString();
    }
}
