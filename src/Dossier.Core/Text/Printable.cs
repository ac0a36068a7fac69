using System.Globalization;
using System.Text;

namespace Dossier.Text;

/// <summary>
/// Makes text safe to print on a terminal: control characters (C0, DEL, C1) and the
/// bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) become <c>\u001b</c>-style
/// escapes, so a file name or an article cannot move the cursor, recolour the terminal or reorder
/// what is shown.
/// </summary>
public static class Printable
{
    /// <summary>The text with every unsafe character escaped; the text itself when it holds none; empty for null.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (IsUnsafe(c))
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>True for a character that must not reach a terminal raw.</summary>
    public static bool IsUnsafe(char c) =>
        c < '\u0020' || c is >= '\u007F' and <= '\u009F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    private static int IndexOfUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
