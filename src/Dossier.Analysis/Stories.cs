using Dossier.Annotations;

namespace Dossier.Analysis;

/// <summary>A story: the documents that report it and a title for it.</summary>
/// <param name="Id">s1, s2, … largest first.</param>
/// <param name="Title">The headline of its earliest titled document, else the entities it names most.</param>
/// <param name="Documents">Its documents' ids, in input order.</param>
public sealed record Story(string Id, string Title, IReadOnlyList<string> Documents);

/// <summary>
/// Splits documents into the stories they cover, incrementally: in date order (undated ones in
/// input order, after), each document joins the story whose profile it resembles most (cosine of
/// TF-IDF weighted entities and content words ≥ <see cref="Threshold"/>) or starts a new one; a
/// near-copy joins its original's story. Stories are found through an inverted index over their
/// profiles' terms, and each profile keeps its <see cref="ProfileTerms"/> heaviest terms, so the
/// cost grows with the corpus, not with its square.
/// </summary>
internal static class Stories
{
    /// <summary>The cosine at which a document joins a story.</summary>
    public const double Threshold = 0.15;

    /// <summary>How many terms a document contributes and a story profile keeps.</summary>
    public const int ProfileTerms = 40;

    /// <summary>The stories of the documents, with each document's word stems counted beforehand (its digest's).</summary>
    internal static IReadOnlyList<Story> Cluster(IReadOnlyList<Document> documents, IReadOnlyList<IReadOnlyDictionary<string, double>> stems, IReadOnlyList<Entity> entities, IReadOnlyDictionary<string, string> sourceOf)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(sourceOf);
        var index = new EntityIndex(entities);
        var bags = documents.Select((d, k) => Bag(d, stems[k], index)).ToList();
        var vectors = TermBags.WeighByIdf(bags, out _).Select(Top).ToList();
        var order = Enumerable.Range(0, documents.Count).OrderBy(k => Stated(documents[k]) is null ? 1 : 0).ThenBy(k => Stated(documents[k])).ThenBy(k => k).ToList();
        var storyOf = new int[documents.Count];
        var profiles = new List<Dictionary<string, double>>();
        var postings = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var position = documents.Select((d, k) => (d.Id, k)).GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().k, StringComparer.Ordinal);
        var placed = new bool[documents.Count];
        foreach (var k in order)
        {
            var original = position[sourceOf[documents[k].Id]];
            int story;
            if (original != k && placed[original])
            {
                story = storyOf[original];
            }
            else
            {
                var v = vectors[k];
                var candidates = v.Keys.Where(postings.ContainsKey).SelectMany(t => postings[t]).Distinct();
                var (best, score) = (-1, 0.0);
                foreach (var s in candidates)
                {
                    var c = Cosine(v, profiles[s]);
                    if (c > score)
                    {
                        (best, score) = (s, c);
                    }
                }

                story = score >= Threshold ? best : -1;
                if (story < 0)
                {
                    story = profiles.Count;
                    profiles.Add(new Dictionary<string, double>(StringComparer.Ordinal));
                }
            }

            storyOf[k] = story;
            placed[k] = true;
            var profile = profiles[story];
            foreach (var key in profile.Keys)
            {
                postings[key].Remove(story);
            }

            foreach (var (term, weight) in vectors[k])
            {
                profile[term] = profile.GetValueOrDefault(term) + weight;
            }

            profiles[story] = Top(profile);
            foreach (var key in profiles[story].Keys)
            {
                (postings.TryGetValue(key, out var set) ? set : postings[key] = []).Add(story);
            }
        }

        var byName = entities.ToDictionary(e => "E:" + e.Id, e => e.Name, StringComparer.Ordinal);
        return [.. Enumerable.Range(0, documents.Count).GroupBy(k => storyOf[k])
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min())
            .Select((g, n) =>
            {
                var docs = g.OrderBy(k => k).ToList();
                var titled = docs.Where(k => documents[k].Metadata.Title is not null)
                    .OrderBy(k => Stated(documents[k]) is null ? 1 : 0).ThenBy(k => Stated(documents[k])).ThenBy(k => k).ToList();
                var title = titled.Count > 0 ? documents[titled[0]].Metadata.Title!
                    : string.Join(", ", profiles[g.Key].Where(p => byName.ContainsKey(p.Key)).OrderByDescending(p => p.Value).Take(3).Select(p => byName[p.Key]));
                return new Story($"s{n + 1}", title, [.. docs.Select(k => documents[k].Id)]);
            })];
    }

    /// <summary>The publication date the document states (an inferred lower bound does not order stories).</summary>
    private static DateOnly? Stated(Document d) => d.Metadata.PublishedInferred ? null : d.Metadata.Published;

    private static Dictionary<string, double> Bag(Document d, IReadOnlyDictionary<string, double> stems, EntityIndex index)
    {
        var bag = new Dictionary<string, double>(StringComparer.Ordinal);
        var mentions = d.GetOrEmpty(Layers.Mentions).Where(m => MentionLabels.Named.Contains(m.Label)).ToList();
        foreach (var m in mentions)
        {
            var key = index.Find(d, m.Span) is { } e ? "E:" + e.Id : "N:" + d.GetText(m.Span).ToLowerInvariant();
            bag[key] = bag.GetValueOrDefault(key) + 2;
        }

        foreach (var (stem, count) in stems)
        {
            bag[stem] = bag.GetValueOrDefault(stem) + count;
        }

        return bag;
    }

    private static Dictionary<string, double> Top(Dictionary<string, double> v)
    {
        var top = v.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(ProfileTerms).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return top;
    }

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        double dot = 0, na = 0, nb = 0;
        foreach (var (k, x) in a)
        {
            na += x * x;
            if (b.TryGetValue(k, out var y))
            {
                dot += x * y;
            }
        }

        foreach (var y in b.Values)
        {
            nb += y * y;
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
