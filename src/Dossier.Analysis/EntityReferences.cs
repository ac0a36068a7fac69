using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Analysis;

/// <summary>Pronouns and role nouns joined to the entity they refer to, within a document.</summary>
internal static class EntityReferences
{
    private const int ReferenceWindow = 400;

    private static readonly HashSet<string> PersonPronouns = EntityNames.EntityWords.Where(r => r[0] == "person-pronoun").SelectMany(r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> BackReferences = EntityNames.EntityWords.Where(r => r[0] == "back-reference").SelectMany(r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(e => e.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    /// <summary>
    /// Coreference of pronouns and role nouns within a document: 'he', 'his', 'she' join the
    /// nearest person named before them; 'the spokesperson' the nearest person; 'the group' the
    /// nearest organisation; 'the ministry' the nearest organisation with 'Ministry' in its name;
    /// 'the country' the nearest country — each within <see cref="ReferenceWindow"/> characters.
    /// Nearest-antecedent rules, no parse: right in news far more often than not, and every such
    /// mention keeps its span, so a reader can check.
    /// </summary>
    public static List<Entity> WithReferences(List<Entity> entities, List<Document> documents)
    {
        var added = entities.ToDictionary(e => e.Id, _ => new List<EntityMention>(), StringComparer.Ordinal);
        var namedIn = entities.SelectMany(e => e.Mentions.Select(m => (Entity: e, m.Document, m.Span))).ToLookup(x => x.Document, StringComparer.Ordinal);
        foreach (var d in documents)
        {
            var tokens = d.GetOrEmpty(Layers.Tokens);
            if (tokens.IsEmpty)
            {
                continue;
            }

            var named = namedIn[d.Id].Select(x => (x.Entity, x.Span)).OrderBy(x => x.Span.Start).ToList();
            var n = 0;
            for (var k = 0; k < tokens.Length; k++)
            {
                var span = tokens[k].Span;
                while (n < named.Count && named[n].Span.End <= span.Start)
                {
                    n++;
                }

                if (n < named.Count && named[n].Span.Start <= span.Start)
                {
                    continue; // inside a name
                }

                var word = d.GetText(span);
                string? wanted = null;
                var reference = span;
                if (PersonPronouns.Contains(word.ToLowerInvariant()))
                {
                    wanted = "PER";
                }
                else if (word is "the" or "The" && k + 1 < tokens.Length && BackReferences.TryGetValue(d.GetText(tokens[k + 1].Span), out var kind)
                    && !(k + 2 < tokens.Length && d.GetText(tokens[k + 2].Span) == "of"))
                {
                    wanted = kind;
                    reference = new TextSpan(span.Start, tokens[k + 1].Span.End);
                    k++;
                }

                if (wanted is null)
                {
                    continue;
                }

                for (var j = n - 1; j >= 0 && reference.Start - named[j].Span.End <= ReferenceWindow; j--)
                {
                    var e = named[j].Entity;
                    var fits = wanted switch
                    {
                        "PER" => e.Type == "PER",
                        "ORG" => e.Type == "ORG",
                        "COUNTRY" => e.Kb is { Kind: "country" },
                        _ => e.Type == "ORG" && e.Name.Contains(wanted[4..], StringComparison.Ordinal),
                    };
                    if (fits)
                    {
                        added[e.Id].Add(new EntityMention(d.Id, reference, d.GetText(reference)));
                        break;
                    }
                }
            }
        }

        var order = documents.Select((d, k) => (d.Id, k)).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().k, StringComparer.Ordinal);
        return [.. entities.Select(e => added[e.Id].Count == 0 ? e
            : e with { Mentions = [.. e.Mentions.Concat(added[e.Id]).OrderBy(m => order.GetValueOrDefault(m.Document)).ThenBy(m => m.Span.Start)] })];
    }
}
