namespace Dossier.Analysis;

/// <summary>
/// Ids that do not change when documents are added or reordered, so that a stored analysis, a
/// link or a note keeps pointing at the same thing. An item found in one document (a quote, a
/// claim, a time, a figure, an event) is named by its kind, its document's id (a content hash)
/// and the offset it starts at: <c>q:2bf1e0527506:31</c>. An entity is named by its
/// knowledge-base entry (<c>geonames:1168579</c>) when it has one, else by its earliest mention
/// (<c>e:2bf1e0527506:0</c>, documents in input order); every id it could have had in an analysis
/// of fewer documents (its first mention in each document) is kept as a redirect, so an id
/// taken from an earlier analysis still finds the entity after entities merge.
/// </summary>
internal static class StableIds
{
    /// <summary>The id of an item of kind <paramref name="kind"/> ('q', 'c', 't', 'f', 'v') that starts at <paramref name="start"/> in <paramref name="document"/>.</summary>
    public static string Of(char kind, string document, int start) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kind}:{document}:{start}");

    /// <summary>The id of an entity's mention, as an id the entity may carry.</summary>
    public static string OfMention(EntityMention mention) => Of('e', mention.Document, mention.Span.Start);

    /// <summary>
    /// Gives each item its id; the second and later items wanting one id (two events of one
    /// trigger, two entities linked to one entry) get <c>.2</c>, <c>.3</c>, … in item order.
    /// </summary>
    public static List<T> Assign<T>(IEnumerable<T> items, Func<T, string> wanted, Func<T, string, T> withId)
    {
        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<T>();
        foreach (var item in items)
        {
            var id = wanted(item);
            var n = taken[id] = taken.GetValueOrDefault(id) + 1;
            result.Add(withId(item, n == 1 ? id : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{id}.{n}")));
        }

        return result;
    }

    /// <summary>
    /// Names each entity (given in order of first appearance, mentions in document order): its
    /// knowledge-base id, else its earliest mention; the first mention of each document it is
    /// named in becomes a redirect (also for an entity linked to the knowledge base: with fewer
    /// documents it may not have been linked).
    /// </summary>
    public static List<Entity> Entities(IReadOnlyList<Entity> entities) =>
        Assign(entities, e => e.Kb?.Id ?? OfMention(e.Mentions[0]), (e, id) => e with
        {
            Id = id,
            Redirects = [.. e.Mentions.DistinctBy(m => m.Document, StringComparer.Ordinal).Select(OfMention).Where(r => r != id)],
        });
}
