using Dossier.Analysis;
using Dossier.Annotations;
using Dossier.Knowledge;
using Dossier.Text;

namespace Dossier.Evaluation.Coref;

/// <summary>What <see cref="CorefRun.Evaluate"/> measured.</summary>
public sealed record CorefResult(
    IReadOnlyList<CorefScore> EndToEnd, IReadOnlyList<CorefScore> Shared,
    int GoldMentions, int GoldChains, int Predicted, int Aligned, int LinkCovered, int LinkCorrect, int LinkMade);

/// <summary>
/// Runs the pipeline and entity resolution on coreference documents and scores the result: each
/// entity's mentions (and the pronoun or role noun a quote gives its speaker as) form a
/// response cluster. A found mention is aligned to a gold one with the same characters, or
/// with the gold one's characters less a leading article ("the United States").
/// </summary>
public static class CorefRun
{
    /// <summary>Scores every document.</summary>
    public static CorefResult Evaluate(IEnumerable<CorefDocument> documents, DocumentPipeline pipeline, KnowledgeBase kb)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(kb);
        var endToEnd = new List<(IReadOnlyList<IReadOnlyList<TextSpan>>, IReadOnlyList<IReadOnlyList<TextSpan>>)>();
        var shared = new List<(IReadOnlyList<IReadOnlyList<TextSpan>>, IReadOnlyList<IReadOnlyList<TextSpan>>)>();
        int goldMentions = 0, goldChains = 0, predicted = 0, aligned = 0, covered = 0, correct = 0, made = 0;
        foreach (var gold in documents)
        {
            var doc = pipeline.Process(gold.Text);
            var entities = EntityGrouping.Group([doc], kb);

            // Gold spans, and the article-less variant of each, for aligning.
            var goldBySpan = new Dictionary<TextSpan, TextSpan>();
            foreach (var m in gold.Mentions)
            {
                goldBySpan.TryAdd(m.Span, m.Span);
                var text = gold.Text[m.Span.Start..m.Span.End];
                foreach (var article in (string[])["the ", "The ", "a ", "an "])
                {
                    if (text.StartsWith(article, StringComparison.Ordinal) && m.Span.Length > article.Length)
                    {
                        goldBySpan.TryAdd(new TextSpan(m.Span.Start + article.Length, m.Span.End), m.Span);
                    }
                }
            }

            TextSpan Align(TextSpan s) => goldBySpan.GetValueOrDefault(s, s);
            var clusterOf = new Dictionary<TextSpan, int>();
            var response = new List<List<TextSpan>>();
            foreach (var e in entities)
            {
                foreach (var m in e.Mentions)
                {
                    clusterOf[m.Span] = response.Count;
                }

                response.Add([.. e.Mentions.Select(m => Align(m.Span)).Distinct()]);
            }

            foreach (var q in doc.GetOrEmpty(Layers.Quotes))
            {
                // "he said": the pronoun joins the entity of the name it resolves to.
                if (q.Speaker is { } site && q.SpeakerName is { } name && site != name && clusterOf.TryGetValue(name, out var cluster))
                {
                    response[cluster].Add(Align(site));
                }
            }

            var key = gold.Mentions.GroupBy(m => m.Chain).Select(g => (IReadOnlyList<TextSpan>)[.. g.Select(m => m.Span).Distinct()]).ToList();
            var responseLists = response.Select(r => (IReadOnlyList<TextSpan>)[.. r.Distinct()]).ToList();
            endToEnd.Add((key, responseLists));
            var goldSet = gold.Mentions.Select(m => m.Span).ToHashSet();
            var foundSet = responseLists.SelectMany(r => r).ToHashSet();
            shared.Add((
                [.. key.Select(k => (IReadOnlyList<TextSpan>)[.. k.Where(foundSet.Contains)])],
                [.. responseLists.Select(r => (IReadOnlyList<TextSpan>)[.. r.Where(goldSet.Contains)])]));

            goldMentions += gold.Mentions.Count;
            goldChains += key.Count(k => k.Count > 1);
            predicted += entities.Sum(e => e.Mentions.Count);
            aligned += entities.Sum(e => e.Mentions.Count(m => goldSet.Contains(Align(m.Span))));

            // Linking: gold mentions whose Wikipedia entity the knowledge base knows by name.
            var linkedByGold = entities.SelectMany(e => e.Mentions.Select(m => (Span: Align(m.Span), e.Kb))).GroupBy(x => x.Span).ToDictionary(g => g.Key, g => g.First().Kb);
            foreach (var m in gold.Mentions.Where(m => m.Identity is { Length: > 0 }))
            {
                var candidates = kb.Candidates(m.Identity!.Replace('_', ' '));
                if (candidates.Count == 0)
                {
                    continue;
                }

                covered++;
                var linked = linkedByGold.TryGetValue(m.Span, out var link) && link is not null;
                made += linked ? 1 : 0; // the precision side: of the links made on these mentions, how many are the gold entity
                correct += linked && candidates.Contains(link!) ? 1 : 0;
            }
        }

        return new CorefResult(CorefEvaluation.Score(endToEnd), CorefEvaluation.Score(shared), goldMentions, goldChains, predicted, aligned, covered, correct, made);
    }
}
