using Dossier.Annotations;
using Dossier.Knowledge;

namespace Dossier.Analysis;

/// <summary>Entities from groups of mentions: each one's name, type, aliases and roles; people's surnames as aliases.</summary>
internal static class EntityBuilding
{
    public static List<Entity> Build(List<(Document Doc, MentionData Data, string Text, string Kind)> mentions, UnionFind sets, KbEntry?[] links)
    {
        var clusters = Enumerable.Range(0, mentions.Count).GroupBy(sets.Find).OrderBy(g => g.Min()).ToList();
        var entities = new List<Entity>(clusters.Count);
        foreach (var cluster in clusters)
        {
            var members = cluster.OrderBy(i => i).ToList();
            var forms = members.GroupBy(i => mentions[i].Text, StringComparer.Ordinal)
                .Select(g => (Form: g.Key, Count: g.Count(), Words: EntityNames.WithoutTitles(g.Key).Split(' ').Length))
                .ToList();
            var kb = members.Select(i => links[i]).OfType<KbEntry>().GroupBy(e => e).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();

            // The knowledge base's name when the texts write it ("Afghanistan", not "Islamic Emirate
            // of Afghanistan"), else the most frequent of the fullest forms ("Shafqat Ali Khan", not "Khan").
            var longest = forms.Max(f => f.Words);
            var name = (kb is null ? null : forms.Where(f => string.Equals(f.Form, kb.Name, StringComparison.OrdinalIgnoreCase)).Select(f => f.Form).FirstOrDefault())
                ?? forms.Where(f => f.Words == longest).OrderByDescending(f => f.Count).ThenBy(f => f.Form, StringComparer.Ordinal).First().Form;
            var aliases = forms.Select(f => f.Form).Where(f => f != name).ToList();
            // The most frequent type; on a tie a definite one over MISC ('Mohammad Sharifullah', also known as 'Jafar').
            var type = members.GroupBy(i => mentions[i].Data.Label, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key == "MISC" ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            type = kb switch
            {
                { IsPlace: true } when type is not ("GPE" or "LOC" or "FAC") => "GPE",
                { Kind: "org" } => "ORG",
                { Kind: "facility" } => "FAC",
                _ => type,
            };

            var roles = type == "PER"
                ? members.Select(i => EntityRoles.RoleOf(mentions[i].Doc, mentions[i].Data.Span)).OfType<EntityRole>()
                    .DistinctBy(r => (r.Role.ToLowerInvariant(), r.Affiliation?.ToLowerInvariant())).ToList()
                : [];
            if (type == "PER")
            {
                // A person as the text titles them ('President Donald Trump', 'General Ahmed Sharif').
                aliases.AddRange(members.Select(i => EntityForms.TitledForm(mentions[i].Doc, mentions[i].Data.Span)).OfType<string>());
            }
            else if (type is "GPE" or "LOC" or "FAC")
            {
                // 'Torkham border crossing': the place as the text names its crossing or post.
                aliases.AddRange(members.Select(i => EntityForms.WithPlaceNouns(mentions[i].Doc, mentions[i].Data.Span)).OfType<string>());
            }
            else if (type == "ORG" && EntityForms.WithoutCountry(name) is { } bare)
            {
                // 'U.S. Department of Defense' is the 'Department of Defense' of later mentions.
                aliases.Add(bare);
            }

            entities.Add(new Entity($"e{entities.Count + 1}", name, type, [.. aliases.Distinct(StringComparer.Ordinal).Where(a => a != name).Order(StringComparer.Ordinal)],
                [.. members.Select(i => new EntityMention(mentions[i].Doc.Id, mentions[i].Data.Span, mentions[i].Text))], kb) { Roles = roles });
        }

        return WithSurnames(entities);
    }

    /// <summary>
    /// People get their surname as an alias ('Biden' for Joe Biden: the name later reports and
    /// searches use) when no other person of the corpus has it.
    /// </summary>
    private static List<Entity> WithSurnames(List<Entity> entities)
    {
        static string? Surname(Entity e)
        {
            var words = EntityNames.WithoutTitles(e.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return words.Length >= 2 && words[^1].Length >= 3 && char.IsUpper(words[^1][0]) ? words[^1] : null;
        }

        var people = entities.Where(e => e.Type == "PER").ToList();
        var shared = people.Select(Surname).OfType<string>().GroupBy(x => x, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var k = 0; k < entities.Count; k++)
        {
            var e = entities[k];
            if (e.Type == "PER" && Surname(e) is { } surname && !shared.Contains(surname) && !e.Aliases.Contains(surname, StringComparer.OrdinalIgnoreCase))
            {
                entities[k] = e with { Aliases = [.. e.Aliases.Append(surname).Order(StringComparer.Ordinal)] };
            }
        }

        return entities;
    }
}
