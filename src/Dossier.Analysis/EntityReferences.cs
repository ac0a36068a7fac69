using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Analysis;

/// <summary>Pronouns and role nouns joined to the entity they refer to, within a document.</summary>
internal static class EntityReferences
{
    private const int ReferenceWindow = 400;

    private static readonly HashSet<string> BackReferences = EntityNames.EntityWords.Where(r => r[0] == "back-reference")
        .SelectMany(r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Each reference of a document's references layer (resolved once per document by
    /// <c>Dossier.Nlp.Coref.CorefComponent</c>: 'he', 'his', 'the spokesperson', 'the group', 'the
    /// ministry', 'the country' with the mention each refers to) becomes a mention of the entity
    /// its antecedent belongs to, with its span, so quotes, the brief and the coreference
    /// evaluation see it. Kept here are the checks that need entities — the entity is of the
    /// antecedent's type, and 'the country' joins only an entity the knowledge base links to a
    /// country (<see cref="CountryBefore"/>) — and what entity resolution chooses to join (<see cref="Joins"/>). Group pronouns
    /// ('they', 'it') are not joined: in news they refer to things that are not named far more
    /// often than to a named organisation.
    /// </summary>
    public static List<Entity> WithReferences(List<Entity> entities, List<Document> documents)
    {

        var added = entities.ToDictionary(e => e.Id, _ => new List<EntityMention>(), StringComparer.Ordinal);
        var entityOf = new Dictionary<(string Document, TextSpan Span), Entity>();
        foreach (var e in entities)
        {
            foreach (var m in e.Mentions)
            {
                entityOf.TryAdd((m.Document, m.Span), e);
            }
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in documents)
        {
            var references = d.GetOrEmpty(Layers.References);
            if (references.IsEmpty || !done.Add(d.Id))
            {
                continue;
            }

            var mentions = d.Get(Layers.Mentions);
            foreach (var r in references)
            {
                var antecedent = mentions[r.Mention];
                if (!Joins(d, r, antecedent))
                {
                    continue;
                }

                if (antecedent.Label == "GPE" && CountryBefore(d, mentions, r, entityOf) is { } country)
                {
                    added[country.Id].Add(new EntityMention(d.Id, r.Span, d.GetText(r.Span)));
                }
                else if (antecedent.Label != "GPE" && entityOf.TryGetValue((d.Id, antecedent.Span), out var e) && e.Type == antecedent.Label)
                {
                    added[e.Id].Add(new EntityMention(d.Id, r.Span, d.GetText(r.Span)));
                }
            }
        }

        var order = documents.Select((d, k) => (d.Id, k)).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().k, StringComparer.Ordinal);
        return [.. entities.Select(e => added[e.Id].Count == 0 ? e
            : e with { Mentions = [.. e.Mentions.Concat(added[e.Id]).OrderBy(m => order.GetValueOrDefault(m.Document)).ThenBy(m => m.Span.Start)] })];
    }

    /// <summary>
    /// Which references become mentions: a person pronoun, and 'the' + a role noun of
    /// <c>back-reference</c> in <c>entity-words.tsv</c> ('the spokesperson', 'the group', 'the
    /// country'; not 'this country' or 'the neighboring country', whose nearest place is as often
    /// the other country); a pronoun or a nearest-mention guess only within
    /// <see cref="ReferenceWindow"/> characters of its antecedent, as a far one joins the wrong
    /// entity more often than not on GUM news (a role noun introduced with its role joins at any
    /// distance); an office named with a person's role ('Foreign Office spokesperson') never.
    /// </summary>
    private static bool Joins(Document d, ReferenceData reference, MentionData antecedent)
    {
        if (reference.Kind is ReferenceKind.Pronoun or ReferenceKind.Nearest && reference.Span.Start - antecedent.Span.End > ReferenceWindow)
        {
            return false;
        }

        var text = d.GetText(reference.Span);
        return reference.Kind switch
        {
            ReferenceKind.Pronoun => antecedent.Label == "PER",
            ReferenceKind.Affiliation => false,
            _ => text.Split(' ') is [var article, var noun] && article is "the" or "The" && BackReferences.Contains(noun.ToLowerInvariant()),
        };
    }

    /// <summary>
    /// 'The country': the entity of the layer's antecedent (the nearest place) when the knowledge
    /// base links it to a country, else of the nearest mention before it, within the window, that
    /// it does ('… in Kabul. The country …' is Afghanistan's): whether a place is a country is the
    /// knowledge base's to say, and only entity resolution has it.
    /// </summary>
    private static Entity? CountryBefore(Document d, System.Collections.Immutable.ImmutableArray<MentionData> mentions, ReferenceData reference, Dictionary<(string Document, TextSpan Span), Entity> entityOf)
    {
        for (var m = reference.Mention; m >= 0 && reference.Span.Start - mentions[m].Span.End <= ReferenceWindow; m--)
        {
            if (mentions[m].Span.End <= reference.Span.Start && entityOf.TryGetValue((d.Id, mentions[m].Span), out var e) && e.Kb is { Kind: "country" })
            {
                return e;
            }
        }

        return null;
    }
}
