using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Analysis;

/// <summary>Aliases from the text around a mention: the titled form of a person, a place with its place noun, an organisation without its country.</summary>
internal static class EntityForms
{
    private static readonly HashSet<string> PlaceModifiers = EntityNames.EntityWords.Where(r => r[0] == "place-modifier").SelectMany(r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> PlaceNouns = EntityNames.EntityWords.Where(r => r[0] == "place-noun").SelectMany(r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The mention with the place noun written right after it ('Torkham' + 'border crossing'); null when none follows.</summary>
    public static string? WithPlaceNouns(Document d, TextSpan span)
    {
        var tokens = d.GetOrEmpty(Layers.Tokens);
        if (tokens.IsEmpty)
        {
            return null;
        }

        var last = TokenSearch.FirstEndingAfter(tokens, span.End - 1);
        var k = last + 1;
        if (k < tokens.Length && PlaceModifiers.Contains(d.GetText(tokens[k].Span)))
        {
            k++;
        }

        return k < tokens.Length && PlaceNouns.Contains(d.GetText(tokens[k].Span))
            ? string.Join(' ', d.Text[span.Start..tokens[k].Span.End].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            : null;
    }

    /// <summary>The mention with the titles written right before it ('General' + 'Ahmed Sharif'), as the text has it; null when none precedes.</summary>
    public static string? TitledForm(Document d, TextSpan span)
    {
        var tokens = d.GetOrEmpty(Layers.Tokens);
        if (tokens.IsEmpty)
        {
            return null;
        }

        var first = TokenSearch.FirstEndingAfter(tokens, span.Start);
        var k = first;
        while (k > 0 && first - k < 3 && EntityNames.Titles.Contains(d.GetText(tokens[k - 1].Span)))
        {
            k--;
        }

        return k == first ? null : string.Join(' ', d.Text[tokens[k].Span.Start..span.End].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>An organisation's name without the country or owner it starts with ('U.S. Department of Defense' → 'Department of Defense', "Pakistan's Foreign Office" → 'Foreign Office'); null when it starts with none or too little would remain.</summary>
    public static string? WithoutCountry(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3 || !char.IsUpper(words[1][0]))
        {
            return null;
        }

        var first = words[0];
        // Only a country's abbreviation or a possessive: a nationality is often part of the name itself ('Afghan Voice Agency', 'Pakistani Taliban').
        var country = first is "US" or "U.S." or "UK" or "U.K." || ((first.EndsWith("'s", StringComparison.Ordinal) || first.EndsWith("’s", StringComparison.Ordinal)) && char.IsUpper(first[0]));
        return country ? string.Join(' ', words[1..]) : null;
    }
}
