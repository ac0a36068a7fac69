using Dossier.Knowledge;

namespace Dossier.Analysis;

/// <summary>Typing and linking: which kind a mention may share an entity with, and the knowledge-base entry it links to.</summary>
internal static class EntityLinking
{
    /// <summary>
    /// Kinds that may share an entity: places (GPE, LOC) together, every other label apart,
    /// except that a name the tagger called MISC, ORG or FAC which the knowledge base knows as an
    /// organisation or a facility takes that kind ("ISIS-K" MISC, "HKIA" ORG), and one it knows
    /// only as a country's name is a place; a place's or facility's name that the curated list
    /// (known-entities.tsv) holds as an organisation's own name is that organisation.
    /// </summary>
    public static string KindOf(string label, IReadOnlyList<KbEntry> candidates, string? key = null)
    {
        if (label is "GPE" or "LOC" or "FAC" && key is not null && candidates.Any(c => c.Kind == "org" && c.Id.StartsWith(KnowledgeBase.CuratedPrefix, StringComparison.Ordinal) && KnowledgeBase.Key(c.Name) == key)
            && !candidates.Any(c => c.IsPlace && KnowledgeBase.Key(c.Name) == key))
        {
            // "The White House said …": the building names the US presidency, as 'the Kremlin' does
            // Russia's; the curated list holds such names as organisations (a place of that name by
            // one of its other names, Casablanca's 'White House', does not make it a place).
            return "ORG";
        }

        if (label is "GPE" or "LOC")
        {
            return "PLACE";
        }

        if (label is "MISC" or "ORG" && candidates.Count > 0 && candidates.All(c => c.IsPlace) && candidates.Any(c => c.Kind == "country"))
        {
            // "Islamic Emirate of Afghanistan" tagged ORG is the country's name.
            return "PLACE";
        }

        if (label is "MISC" or "ORG" or "FAC" && candidates.Count > 0 && !candidates.Any(c => c.IsPlace))
        {
            var kinds = candidates.Select(c => c.Kind).Where(k => k != "person").Distinct(StringComparer.Ordinal).ToList();
            if (kinds.Count == 1)
            {
                return kinds[0] == "facility" ? "FAC" : "ORG";
            }
        }

        return label;
    }

    /// <summary>
    /// The candidates the story supports for <paramref name="name"/>: a city or region named only by
    /// one of its other names, when that name has two words or more, is one only in a story that
    /// names its country. GeoNames' alternate names include translations ('White House' is
    /// Casablanca's, from Dar al-Bayda), so a size prior is not enough for them; single-word
    /// exonyms ('Geneva' for Genève), a country, or a place by its own name always stand.
    /// </summary>
    public static IReadOnlyList<KbEntry> Supported(IReadOnlyList<KbEntry> candidates, string name, HashSet<string> storyCountries)
    {
        if (!candidates.Any(c => c.Kind is "city" or "region") || !name.Trim().Contains(' ', StringComparison.Ordinal))
        {
            return candidates;
        }

        var key = KnowledgeBase.Key(name);
        return [.. candidates.Where(c => c.Kind is not ("city" or "region") || KnowledgeBase.Key(c.Name) == key || InStory(c, storyCountries))];
    }

    /// <summary>The knowledge-base entry a name links to: a country before a region of the story's countries (unless a city of theirs has the name) before a city before another region (the most populous, favouring the story's countries), an organisation or facility for those.</summary>
    public static KbEntry? Link(IReadOnlyList<KbEntry> candidates, string kind, HashSet<string> storyCountries)
    {
        if (candidates.Count == 0)
        {
            return null;
        }

        if (kind == "PLACE")
        {
            // A place in one of the story's countries counts as if it were four times as populous:
            // context decides between places of similar size, size between a city and a town
            // ("Geneva" is the Swiss city, 183,000, not the Illinois town of 21,800, in a story that names the US).
            // A national capital comes first: news names capitals ("Islamabad", not Chittagong's old name).
            // A region of one of the story's countries comes before cities of other countries
            // ("Virginia" in a story that names the US is the state, not the South African town;
            // the knowledge base has no population for regions, so size cannot decide it).
            var homeRegion = !candidates.Any(c => c.Kind == "city" && InStory(c, storyCountries));
            return candidates.Where(c => c.IsPlace)
                .OrderBy(c => c.Kind switch { "country" => 0, "region" when homeRegion && InStory(c, storyCountries) => 1, "city" => 2, _ => 3 })
                .ThenBy(c => c.CapitalOf is null ? 1 : 0)
                .ThenByDescending(c => c.Population * (InStory(c, storyCountries) ? 4.0 : 1.0))
                .ThenBy(c => c.Id, StringComparer.Ordinal)
                .FirstOrDefault();
        }

        // A person or an organisation of one of the story's countries first (two men of one name).
        var wanted = kind switch { "ORG" => "org", "FAC" => "facility", "PER" => "person", _ => null };
        return wanted is null ? null : candidates.Where(c => c.Kind == wanted)
            .OrderBy(c => InStory(c, storyCountries) ? 0 : 1).ThenBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>True for an entry of one of the story's countries.</summary>
    private static bool InStory(KbEntry c, HashSet<string> storyCountries) => c.Country is { } code && storyCountries.Contains(code);
}
