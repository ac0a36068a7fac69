using System.Globalization;
using Dossier.Text;

namespace Dossier.Nlp.Learning;

/// <summary>
/// How sure a component is that what it found is right: a logistic model over named features (each worth 1 when
/// present) trained on items readers judged (<c>dossier train events</c> for the event coder, <c>dossier train
/// claims</c> for claims), so a confidence is an estimate of the chance that a careful reader would sign the item,
/// with the confidence from which the brief shows items. Immutable; thread-safe.
/// </summary>
public sealed class ConfidenceModel
{
    /// <summary>The line of the weights file that holds <see cref="ShownThreshold"/> rather than a feature's weight.</summary>
    public const string ShownThresholdKey = "@shown";

    private readonly Dictionary<string, double> _weights;

    /// <summary>Creates a model from feature weights (features without a weight weigh nothing) and the confidence from which the brief shows an event.</summary>
    public ConfidenceModel(IReadOnlyDictionary<string, double> weights, double shownThreshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfLessThan(shownThreshold, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shownThreshold, 1);
        _weights = new Dictionary<string, double>(weights, StringComparer.Ordinal);
        ShownThreshold = shownThreshold;
    }

    /// <summary>Reads a model shipped as an embedded data file of Dossier.Nlp (its resource name, e.g. <c>Dossier.Nlp.Events.event-confidence.tsv</c>).</summary>
    public static ConfidenceModel Embedded(string resourceName) => Parse(DataFile.ReadEmbedded(typeof(ConfidenceModel).Assembly, resourceName));

    /// <summary>The weights.</summary>
    public IReadOnlyDictionary<string, double> Weights => _weights;

    /// <summary>
    /// The confidence (rounded to two places) from which the brief shows an item: chosen in training as the lowest
    /// that keeps the share right of the items shown, on pools the model was not trained on, at the config's target.
    /// </summary>
    public double ShownThreshold { get; }

    /// <summary>The estimated chance that an item with these features is right.</summary>
    public double Probability(IEnumerable<string> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return Sigmoid(features.Sum(f => _weights.GetValueOrDefault(f)));
    }

    /// <summary>The logistic function.</summary>
    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>Writes the weights as lines of feature and weight, in ordinal order of the features, after the given comment lines and the shown threshold's line.</summary>
    public void Write(TextWriter writer, IEnumerable<string> comments)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(comments);
        foreach (var line in comments)
        {
            writer.Write("# ");
            writer.Write(line);
            writer.Write('\n');
        }

        writer.Write(ShownThresholdKey);
        writer.Write('\t');
        writer.Write(ShownThreshold.ToString("F2", CultureInfo.InvariantCulture));
        writer.Write('\n');
        foreach (var (feature, weight) in _weights.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            writer.Write(feature);
            writer.Write('\t');
            writer.Write(weight.ToString("F6", CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    /// <summary>Reads weights written by <see cref="Write"/>.</summary>
    public static ConfidenceModel Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Parse(DataFile.Parse(reader));
    }

    private static ConfidenceModel Parse(IReadOnlyList<string[]> entries)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        double? shown = null;
        foreach (var e in entries)
        {
            if (e.Length != 2 || !double.TryParse(e[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
                || (e[0] == ShownThresholdKey ? shown is not null || w is < 0 or > 1 : !weights.TryAdd(e[0], w)))
            {
                throw new InvalidDataException($"not a feature and its weight, a feature twice or a second or impossible shown threshold: '{string.Join('\t', e)}'");
            }

            if (e[0] == ShownThresholdKey)
            {
                shown = w;
            }
        }

        return new ConfidenceModel(weights, shown ?? 0.5);
    }
}
