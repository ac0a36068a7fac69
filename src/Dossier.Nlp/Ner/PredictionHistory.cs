namespace Dossier.Nlp.Ner;

/// <summary>
/// Ratinov and Roth's (2009) extended prediction history: how the tagger labelled a
/// capitalised word earlier in the same document. The labels a word got before become features
/// of its later occurrences, so that a name recognised once in an easy context is recognised
/// again in a hard one. Filled while a document is tagged sentence by sentence, in order.
/// </summary>
internal sealed class PredictionHistory
{
    private readonly Dictionary<string, int[]> _counts = new(StringComparer.Ordinal);
    private readonly EntityLabels _labels;

    /// <summary>Creates an empty history for one document.</summary>
    public PredictionHistory(EntityLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        _labels = labels;
        var names = labels.Types.Append("O").ToList();
        _single = [.. names.Select(n => NerFeatures.Hash(130, n))];
        _mixed = [.. names.Select(n => NerFeatures.Hash(131, n + "|mixed"))];
    }

    // The feature hashes per label type (the types, then O): one label seen, or several.
    private readonly ulong[] _single;
    private readonly ulong[] _mixed;

    /// <summary>Every feature hash this class can produce, so that training can index them up front.</summary>
    public static IEnumerable<ulong> AllFeatures(EntityLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var name in labels.Types.Append("O"))
        {
            yield return NerFeatures.Hash(130, name);
            yield return NerFeatures.Hash(131, name + "|mixed");
        }
    }

    /// <summary>Appends the history features of token <paramref name="i"/>.</summary>
    public void Features(NerSentence s, int i, List<ulong> output)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(output);
        var w = s.Words[i];
        if (w.Length == 0 || !char.IsUpper(w[0]) || !_counts.TryGetValue(s.Lower[i], out var counts))
        {
            return;
        }

        var best = 0;
        var nonZero = 0;
        for (var k = 0; k < counts.Length; k++)
        {
            nonZero += counts[k] > 0 ? 1 : 0;
            if (counts[k] > counts[best])
            {
                best = k;
            }
        }

        output.Add(_single[best]);
        if (nonZero > 1)
        {
            output.Add(_mixed[best]);
        }
    }

    /// <summary>Records the labels given to a sentence's capitalised words.</summary>
    public void Record(NerSentence s, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(s);
        for (var i = 0; i < labels.Length; i++)
        {
            var w = s.Words[i];
            if (w.Length == 0 || !char.IsUpper(w[0]) || s.AllCaps)
            {
                continue;
            }

            if (!_counts.TryGetValue(s.Lower[i], out var counts))
            {
                counts = new int[_labels.Types.Count + 1];
                _counts[s.Lower[i]] = counts;
            }

            counts[labels[i] == 0 ? _labels.Types.Count : (labels[i] - 1) / 4]++;
        }
    }
}
