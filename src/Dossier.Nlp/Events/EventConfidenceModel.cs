using System.Globalization;
using Dossier.Text;

namespace Dossier.Nlp.Events;

/// <summary>
/// What the coder knew of one event when it scored it, the features of <see cref="EventConfidenceModel"/>:
/// the CAMEO root, the trigger's Penn tag and dependency relation (without subtype), how each role was filled (a name, an agent noun such as 'police', a pronoun resolved to a
/// name, any other noun phrase, or nobody: an unresolved pronoun counts as nobody), whether the actor is a
/// person and the target a place, and how the event was read — from a noun, a passive verb, an actor taken
/// from a governing verb, inside a quotation, by a pattern of the verb dictionary rather than a verb's bare
/// sense, a definite noun ('the attack'), and the two readings the rules doubt (a bare sense that seldom
/// means the code between parties in news; a campaign reading such as thanking one's own supporters).
/// </summary>
public readonly record struct EventEvidence(
    string Root,
    string Tag,
    string Relation,
    string Lemma,
    string ActorKind,
    string TargetKind,
    bool ActorIsPerson,
    bool TargetIsPlace,
    bool Nominal,
    bool Passive,
    bool Inherited,
    bool Quoted,
    bool ByPattern,
    bool Definite,
    bool Doubtful,
    bool Campaign)
{
    /// <summary>The model's features of this evidence: names, each worth 1 when present.</summary>
    public IEnumerable<string> Features()
    {
        yield return "bias";
        yield return "root=" + Root;
        yield return "actor=" + ActorKind;
        yield return "target=" + TargetKind;
        yield return "roles=" + ActorKind + "+" + TargetKind;
        yield return "tag=" + Tag;
        yield return "relation=" + Relation;
        yield return "lemma=" + Lemma;
        yield return (ActorIsPerson ? "person-root=" : "party-root=") + Root;
        foreach (var (on, name) in new[]
                 {
                     (ActorIsPerson, "actor-person"), (TargetIsPlace, "target-place"), (Nominal, "nominal"), (Passive, "passive"),
                     (Inherited, "inherited"), (Quoted, "quoted"), (ByPattern, "pattern"), (Definite, "definite"),
                     (Doubtful, "doubtful-sense"), (Campaign, "campaign-reading"),
                 })
        {
            if (on)
            {
                yield return name;
            }
        }
    }
}

/// <summary>
/// How sure the event coder is that an event's code, actor and target are all right: a logistic model over
/// <see cref="EventEvidence"/> trained on events readers judged in political news (<c>dossier train events</c>,
/// eval/events/JUDGED.md), so a confidence is an estimate of the chance that a careful reader would sign the
/// event. Immutable; thread-safe.
/// </summary>
public sealed class EventConfidenceModel
{
    /// <summary>The line of the weights file that holds <see cref="ShownThreshold"/> rather than a feature's weight.</summary>
    public const string ShownThresholdKey = "@shown";

    private const string ResourceName = "Dossier.Nlp.Events.event-confidence.tsv";
    private static readonly Lazy<EventConfidenceModel> Shipped = new(() => Parse(DataFile.ReadEmbedded(typeof(EventConfidenceModel).Assembly, ResourceName)));
    private readonly Dictionary<string, double> _weights;

    /// <summary>Creates a model from feature weights (features without a weight weigh nothing) and the confidence from which the brief shows an event.</summary>
    public EventConfidenceModel(IReadOnlyDictionary<string, double> weights, double shownThreshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfLessThan(shownThreshold, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shownThreshold, 1);
        _weights = new Dictionary<string, double>(weights, StringComparer.Ordinal);
        ShownThreshold = shownThreshold;
    }

    /// <summary>The model shipped with the coder (src/Dossier.Nlp/Events/event-confidence.tsv, written by <c>dossier train events</c>).</summary>
    public static EventConfidenceModel Default => Shipped.Value;

    /// <summary>The weights.</summary>
    public IReadOnlyDictionary<string, double> Weights => _weights;

    /// <summary>
    /// The confidence (rounded to two places, as events carry it) from which the brief shows an event: chosen by
    /// <c>dossier train events</c> as the lowest that keeps the share right of the events shown, on pools the model
    /// was not trained on, at the config's target.
    /// </summary>
    public double ShownThreshold { get; }

    /// <summary>The estimated chance that the event is right.</summary>
    public double Probability(EventEvidence evidence) => Probability(evidence.Features());

    /// <summary>The estimated chance that an event with these features is right.</summary>
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
    public static EventConfidenceModel Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Parse(DataFile.Parse(reader));
    }

    private static EventConfidenceModel Parse(IReadOnlyList<string[]> entries)
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

        return new EventConfidenceModel(weights, shown ?? 0.5);
    }
}
