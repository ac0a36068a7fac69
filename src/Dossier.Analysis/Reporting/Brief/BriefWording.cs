using System.Text;

namespace Dossier.Analysis.Reporting.Brief;

/// <summary>The brief's shared wording: limits, plurals and anchors.</summary>
internal static class BriefWording
{
    /// <summary>Characters of a quote shown before it is cut.</summary>
    public const int MaxStatementLength = 220;

    /// <summary>"1 document", "3 documents".</summary>
    public static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// <summary>A heading's words as an anchor: lower case, each run of other characters one '-' ('Who said what' → 'who-said-what').</summary>
    public static string Slug(string title)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in title.ToLowerInvariant())
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return string.Join('-', words);
    }
}
