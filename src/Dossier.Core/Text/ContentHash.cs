using System.Security.Cryptography;
using System.Text;

namespace Dossier.Text;

/// <summary>
/// The content hash that identifies a document: SHA-256 over its text in Unicode NFC with runs of
/// white space collapsed, so the same article saved twice, or with other line endings, is one document.
/// </summary>
public static class ContentHash
{
    /// <summary>The number of hex digits of the hash used as a document id.</summary>
    public const int IdLength = 12;

    /// <summary>The full hash, lower-case hex.</summary>
    public static string Compute(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Normalize(text);
        var bytes = Encoding.UTF8.GetBytes(normalized);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>The document id for a text: the first <see cref="IdLength"/> hex digits of its hash.</summary>
    public static string ToId(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return hash[..IdLength];
    }

    private static string Normalize(string text)
    {
        var nfc = text.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(nfc.Length);
        var inSpace = false;
        foreach (var c in nfc)
        {
            if (char.IsWhiteSpace(c))
            {
                inSpace = true;
                continue;
            }

            if (inSpace && sb.Length > 0)
            {
                sb.Append(' ');
            }

            inSpace = false;
            sb.Append(c);
        }

        return sb.ToString();
    }
}
