namespace Dossier.Text;

/// <summary>Makes text safe to print on a terminal: control characters and bidirectional overrides are shown as escapes.</summary>
public static class Printable
{
    /// <summary>The text with C0 and C1 control characters, DEL and bidirectional controls written as <c>\uXXXX</c> (tab kept).</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if ((c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'))
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
