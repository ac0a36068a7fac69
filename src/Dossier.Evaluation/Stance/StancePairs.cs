using Dossier.Nlp.Stance;

namespace Dossier.Evaluation.Stance;

/// <summary>A stance model run over the Fake News Challenge's pairs: what the scorer and the trainer share.</summary>
public static class StancePairs
{
    /// <summary>The predicted label of each pair, in order (each headline and body read once).</summary>
    public static List<string> PredictLabels(this StanceModel model, IReadOnlyDictionary<string, string> bodies, IReadOnlyList<StancePair> pairs) =>
        [.. model.ReadPairs(bodies, pairs).Select(p => model.Predict(p.Claim, p.Text).Label)];

    /// <summary>Each pair's headline and body read, each headline and each body once, in the pairs' order.</summary>
    internal static IEnumerable<(StanceText Claim, StanceText Text)> ReadPairs(this StanceModel model, IReadOnlyDictionary<string, string> bodies, IReadOnlyList<StancePair> pairs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(bodies);
        ArgumentNullException.ThrowIfNull(pairs);
        var read = new Dictionary<string, StanceText>(StringComparer.Ordinal);
        for (var row = 0; row < pairs.Count; row++)
        {
            var pair = pairs[row];
            yield return (Cached("h:" + pair.Headline, pair.Headline), Cached("b:" + pair.BodyId, StanceData.BodyOf(bodies, pair, row)));
        }

        StanceText Cached(string key, string text) => read.TryGetValue(key, out var t) ? t : read[key] = model.Read(text);
    }
}
