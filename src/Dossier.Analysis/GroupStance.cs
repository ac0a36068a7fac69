using Dossier.Nlp.Stance;

namespace Dossier.Analysis;

/// <summary>
/// How the documents of a story stand towards each claim group's proposition, by the stance model
/// (trained on FNC-1): which articles agree with it, dispute it or merely report it, including
/// those that hold no claim of the group. Only documents of the stories the group's claims come
/// from are read against it, so the work grows with the stories, not with the corpus squared.
/// </summary>
internal static class GroupStance
{
    /// <summary>For each group (by id), how the documents of its stories stand towards it (unrelated documents left out).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<StanceCoverage>> Coverage(IReadOnlyList<ClaimGroup> groups, IReadOnlyList<Document> documents, IReadOnlyList<Story> stories, StanceModel model)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(model);
        var byId = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var storyOf = stories.SelectMany(s => s.Documents.Select(d => (d, s))).GroupBy(p => p.d, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().s, StringComparer.Ordinal);
        var read = new Dictionary<string, StanceText>(StringComparer.Ordinal);
        var coverageOf = new Dictionary<string, IReadOnlyList<StanceCoverage>>(StringComparer.Ordinal);
        foreach (var g in groups)
        {
            var holding = g.Claims.Select(c => c.Document).ToHashSet(StringComparer.Ordinal);
            var readers = holding.SelectMany(d => storyOf.TryGetValue(d, out var s) ? s.Documents : [d]).Distinct(StringComparer.Ordinal).Where(byId.ContainsKey);
            var claim = model.Read(g.Proposition);
            var coverage = new List<StanceCoverage>();
            foreach (var id in readers)
            {
                var text = read.TryGetValue(id, out var t) ? t : read[id] = model.Read(byId[id].Text);
                var p = model.Predict(claim, text);
                if (p.Label != "unrelated")
                {
                    coverage.Add(new StanceCoverage(id, p.Label, Math.Round(p.Confidence, 3), Math.Round(p.Related, 3), holding.Contains(id)));
                }
            }

            coverageOf[g.Id] = coverage;
        }

        return coverageOf;
    }
}
