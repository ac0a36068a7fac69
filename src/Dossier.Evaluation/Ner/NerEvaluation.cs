using Dossier.Nlp.Ner;
namespace Dossier.Evaluation.Ner;

/// <summary>Counts for one entity type: exact-span true positives, predicted and gold spans.</summary>
/// <param name="Type">The type, or "overall".</param>
/// <param name="Correct">Predicted spans that match a gold span exactly (start, end, type).</param>
/// <param name="Predicted">Predicted spans.</param>
/// <param name="Gold">Gold spans.</param>
public sealed record NerScore(string Type, int Correct, int Predicted, int Gold)
{
    /// <summary>Precision in percent.</summary>
    public double Precision => Predicted == 0 ? 0 : 100.0 * Correct / Predicted;

    /// <summary>Recall in percent.</summary>
    public double Recall => Gold == 0 ? 0 : 100.0 * Correct / Gold;

    /// <summary>F1 in percent.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>conlleval-style scoring: precision, recall and F1 of exact spans, overall and per type.</summary>
public static class NerEvaluation
{
    /// <summary>Scores predicted spans against gold spans, sentence by sentence.</summary>
    internal static IReadOnlyList<NerScore> Score(IEnumerable<(IReadOnlyList<TokenSpan> Gold, IReadOnlyList<TokenSpan> Predicted)> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var correct = new Dictionary<string, int>(StringComparer.Ordinal);
        var predicted = new Dictionary<string, int>(StringComparer.Ordinal);
        var gold = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (g, p) in sentences)
        {
            var goldSet = g.ToHashSet();
            foreach (var span in p)
            {
                Increment(predicted, span.Type);
                if (goldSet.Contains(span))
                {
                    Increment(correct, span.Type);
                }
            }

            foreach (var span in g)
            {
                Increment(gold, span.Type);
            }
        }

        var types = gold.Keys.Union(predicted.Keys).Order(StringComparer.Ordinal).ToList();
        var scores = new List<NerScore>
        {
            new("overall", correct.Values.Sum(), predicted.Values.Sum(), gold.Values.Sum()),
        };
        scores.AddRange(types.Select(t => new NerScore(t, correct.GetValueOrDefault(t), predicted.GetValueOrDefault(t), gold.GetValueOrDefault(t))));
        return scores;
    }

    /// <summary>Tags the documents with the model and scores them.</summary>
    public static IReadOnlyList<NerScore> Evaluate(NerModel model, IReadOnlyList<LabelledDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(documents);
        var pairs = new List<(IReadOnlyList<TokenSpan>, IReadOnlyList<TokenSpan>)>();
        foreach (var doc in documents)
        {
            var predicted = model.Tag([.. doc.Sentences.Select(s => (IReadOnlyList<string>)s.Tokens)]);
            for (var i = 0; i < doc.Sentences.Count; i++)
            {
                pairs.Add((doc.Sentences[i].Spans, predicted[i]));
            }
        }

        return Score(pairs);
    }

    /// <summary>A conlleval-like table.</summary>
    public static string Format(IReadOnlyList<NerScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var lines = new List<string> { $"{"type",-8} {"precision",9} {"recall",9} {"F1",9} {"gold",7} {"found",7} {"correct",7}" };
        lines.AddRange(scores.Select(s =>
            $"{s.Type,-8} {s.Precision,9:F2} {s.Recall,9:F2} {s.F1,9:F2} {s.Gold,7} {s.Predicted,7} {s.Correct,7}"));
        return string.Join('\n', lines);
    }

    private static void Increment(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
