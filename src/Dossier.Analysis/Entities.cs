using System.Text;
using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Analysis;

/// <summary>Where an entity is mentioned.</summary>
/// <param name="Document">The document id.</param>
/// <param name="Span">The characters of the mention in the document's text.</param>
/// <param name="Text">The mention as written.</param>
public sealed record EntityMention(string Document, TextSpan Span, string Text);

/// <summary>An entity: a name and its type, with every mention of it.</summary>
/// <param name="Id">A stable id within one analysis (e1, e2, … by first appearance).</param>
/// <param name="Name">The most frequent written form.</param>
/// <param name="Type">PER, ORG, GPE, LOC, FAC, NORP, EVENT or MISC.</param>
/// <param name="Aliases">Every other written form.</param>
/// <param name="Mentions">Every mention, in document and text order.</param>
public sealed record Entity(string Id, string Name, string Type, IReadOnlyList<string> Aliases, IReadOnlyList<EntityMention> Mentions);

/// <summary>
/// Groups named mentions into entities: one entity per distinct name and type across the
/// documents (case, quote style and white space folded). Merging different names of one actor
/// (aliases, acronyms, coreference) is entity resolution, a later step.
/// </summary>
public static class EntityGrouping
{
    /// <summary>The entities of the documents' mention layers.</summary>
    public static IReadOnlyList<Entity> Group(IEnumerable<Document> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var groups = new Dictionary<(string Type, string Key), List<EntityMention>>();
        var order = new List<(string Type, string Key)>();
        foreach (var d in documents)
        {
            foreach (var m in d.GetOrEmpty(Layers.Mentions))
            {
                if (!MentionLabels.Named.Contains(m.Label))
                {
                    continue;
                }

                var text = d.GetText(m.Span);
                var key = (m.Label, Key(text));
                if (!groups.TryGetValue(key, out var list))
                {
                    list = [];
                    groups[key] = list;
                    order.Add(key);
                }

                list.Add(new EntityMention(d.Id, m.Span, text));
            }
        }

        var entities = new List<Entity>(order.Count);
        foreach (var key in order)
        {
            var mentions = groups[key];
            var forms = mentions.GroupBy(m => Collapse(m.Text), StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
            entities.Add(new Entity($"e{entities.Count + 1}", forms[0], key.Type, forms.Skip(1).ToList(), mentions));
        }

        return entities;
    }

    /// <summary>The grouping key of a name: lower case, curly quotes straightened, white space collapsed.</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length);
        foreach (var c in Collapse(name))
        {
            sb.Append(c switch
            {
                '\u2018' or '\u2019' => '\'',
                '\u201C' or '\u201D' => '"',
                _ => char.ToLowerInvariant(c),
            });
        }

        return sb.ToString();
    }

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
