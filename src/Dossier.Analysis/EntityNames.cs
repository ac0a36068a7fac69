using Dossier.Knowledge;
using Dossier.Text;

namespace Dossier.Analysis;

/// <summary>Mention keys: names without titles, the one spelling of a given name, acronyms, collapsed white space; and the word lists of <c>entity-words.tsv</c>.</summary>
internal static class EntityNames
{
    /// <summary>The rows of <c>entity-words.tsv</c> (given names, pronouns, back references, place words).</summary>
    public static readonly IReadOnlyList<string[]> EntityWords = DataFile.ReadEmbedded(typeof(EntityGrouping).Assembly, "Dossier.Analysis.Data.entity-words.tsv");

    /// <summary>Titles a name may open with ("President Donald Trump", "Gen. Ahmed Sharif"), left out of a person's key; the <c>title</c> rows of <c>entity-words.tsv</c>.</summary>
    public static readonly HashSet<string> Titles = EntityWords.Where(r => r[0] == "title").SelectMany(r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Roles that stand right before one person's name, any case ('spokesperson Baloch'); the <c>personal-title</c> rows of <c>entity-words.tsv</c>.</summary>
    public static readonly HashSet<string> PersonalTitles = EntityWords.Where(r => r[0] == "personal-title").SelectMany(r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Spellings of one given name in Latin letters (Mohammad, Muhammad, Mohammed …), each mapped to the first of its row in entity-words.tsv.</summary>
    private static readonly Dictionary<string, string> GivenNames = EntityWords.Where(r => r[0] == "given-name")
        .SelectMany(r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries) is var names ? names.Select(n => (Variant: KnowledgeBase.Key(n), Canonical: KnowledgeBase.Key(names[0]))) : [])
        .DistinctBy(p => p.Variant, StringComparer.Ordinal) // the spelling key already folds some (doubled letters)
        .ToDictionary(p => p.Variant, p => p.Canonical, StringComparer.Ordinal);

    /// <summary>A full name's key with its given name spelled one way: 'Mohammad Sharifullah' and 'Muhammad Sharifullah' are one person's name, the surname agreeing.</summary>
    public static string PersonKey(string[] words)
    {
        var key = KnowledgeBase.Key(string.Join(' ', words));
        var first = KnowledgeBase.Key(words[0]);
        return GivenNames.TryGetValue(first, out var canonical) && key.StartsWith(first + " ", StringComparison.Ordinal) ? canonical + key[first.Length..] : key;
    }

    public static string WithoutTitles(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && Titles.Contains(words[0]))
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words);
    }

    /// <summary>True when <paramref name="acronym"/> is made of the initials of <paramref name="name"/>'s words (hyphenated parts and small words may be skipped).</summary>
    public static bool IsAcronymOf(string acronym, string name)
    {
        var letters = acronym.Where(char.IsLetter).Select(char.ToUpperInvariant).ToArray();
        var initials = name.Split([' ', '-', '(', ')'], StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLetter(w[0])).Select(w => char.ToUpperInvariant(w[0])).ToArray();
        if (letters.Length < 2 || initials.Length < 2)
        {
            return false;
        }

        // The acronym's letters in order among the initials, starting with the first.
        var k = 0;
        foreach (var c in initials)
        {
            if (k < letters.Length && c == letters[k])
            {
                k++;
            }
        }

        return k == letters.Length && letters[0] == initials[0];
    }

    public static bool IsAllCaps(string text) => text.Length >= 2 && text.Any(char.IsLetter) && !text.Any(char.IsLower);

    public static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
