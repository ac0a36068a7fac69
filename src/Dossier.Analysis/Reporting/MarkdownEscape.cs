using System.Text;

namespace Dossier.Analysis.Reporting;

/// <summary>Text shown literally in Markdown.</summary>
internal static class MarkdownEscape
{
    private const string MarkdownPunctuation = "\\`*_{}[]<>#|~&$";

    /// <summary>
    /// Backslash-escapes what Markdown (CommonMark, GFM, GitHub's math) would read as formatting,
    /// HTML, a link, a table bar or an entity, and a list marker opening the text ('-', '+', '1.').
    /// Other punctuation ('(', '!', '-', '.') is left readable: it means nothing once '[' and '&lt;'
    /// are escaped and the text does not open a line. <paramref name="s"/> is on one line
    /// (<see cref="Brief.Literal.Shown"/>).
    /// </summary>
    public static string Literal(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var marker = ListMarkerAt(s);
        var sb = new StringBuilder(s.Length + 16);
        for (var k = 0; k < s.Length; k++)
        {
            if (k == marker || MarkdownPunctuation.Contains(s[k], StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(s[k]);
        }

        return sb.ToString();
    }

    /// <summary>Where a list marker opens <paramref name="s"/> ('-' or '+', or the '.' or ')' after up to nine digits), or -1.</summary>
    private static int ListMarkerAt(string s)
    {
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            return 0;
        }

        var digits = 0;
        while (digits < s.Length && digits < 10 && char.IsAsciiDigit(s[digits]))
        {
            digits++;
        }

        return digits is > 0 and < 10 && digits < s.Length && s[digits] is '.' or ')' ? digits : -1;
    }
}
