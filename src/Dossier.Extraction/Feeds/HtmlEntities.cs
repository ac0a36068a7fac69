using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Dossier.Extraction.Feeds;

/// <summary>
/// Rewrites HTML named character references (<c>&amp;eacute;</c>, <c>&amp;nbsp;</c>) in XML as
/// numeric ones (<c>&amp;#233;</c>). RSS 0.91 feeds use them, declared by the DTD their DOCTYPE
/// names; since no DTD is read, an XML parser would refuse them as undeclared entities. The five
/// XML entities and names HTML does not know are left as they are.
/// </summary>
internal static partial class HtmlEntities
{
    private static readonly string[] XmlEntities = ["amp", "lt", "gt", "quot", "apos"];

    /// <summary>The XML with every HTML named reference made numeric.</summary>
    public static string ToNumeric(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return xml.Contains('&', StringComparison.Ordinal) ? Reference().Replace(xml, Numeric) : xml;
    }

    private static string Numeric(Match match)
    {
        var name = match.Groups["name"].Value;
        if (XmlEntities.Contains(name, StringComparer.Ordinal))
        {
            return match.Value;
        }

        var decoded = WebUtility.HtmlDecode(match.Value);
        return decoded == match.Value || string.IsNullOrEmpty(decoded)
            ? match.Value
            : string.Concat(decoded.EnumerateRunes().Select(r => "&#" + r.Value.ToString(CultureInfo.InvariantCulture) + ";"));
    }

    [GeneratedRegex("&(?<name>[A-Za-z][A-Za-z0-9]{1,31});", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Reference();
}
