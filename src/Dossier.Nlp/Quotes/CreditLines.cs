using System.Text.RegularExpressions;

namespace Dossier.Nlp.Quotes;

/// <summary>
/// A news story's credit line names who reported, wrote or edited it ('(Reporting by Valerie Volcovici;
/// Editing by Will Dunham.)', 'Bryant Rousseau and Caryn Wilson contributed reporting.', '--additional reporting
/// by Linh Tat.'): nobody says anything in it, so it holds no quote. 'Reporting from the capital:' opens a
/// story; it is no credit.
/// </summary>
internal static partial class CreditLines
{
    /// <summary>True when the sentence is a credit line.</summary>
    public static bool IsCredit(ReadOnlySpan<char> sentence) => Credit().IsMatch(sentence);

    [GeneratedRegex(@"^\W*(reporting\s+by|additional\s+reporting\s+(by|from))\s|\bcontributed\s+(additional\s+)?(reporting|to\s+this\s+(report|article|story))\b|\b(editing|writing)\s+by\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Credit();
}
