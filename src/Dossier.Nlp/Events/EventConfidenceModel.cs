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
    private const string ResourceName = "Dossier.Nlp.Events.event-confidence.tsv";
    private static readonly Lazy<EventConfidenceModel> Shipped = new(() => new EventConfidenceModel(Parse(DataFile.ReadEmbedded(typeof(EventConfidenceModel).Assembly, ResourceName))));
    private readonly Dictionary<string, double> _weights;

    /// <summary>Creates a model from feature weights (features without a weight weigh nothing).</summary>
    public EventConfidenceModel(IReadOnlyDictionary<string, double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        _weights = new Dictionary<string, double>(weights, StringComparer.Ordinal);
    }

    /// <summary>The model shipped with the coder (src/Dossier.Nlp/Events/event-confidence.tsv, written by <c>dossier train events</c>).</summary>
    public static EventConfidenceModel Default => Shipped.Value;

    /// <summary>The weights.</summary>
    public IReadOnlyDictionary<string, double> Weights => _weights;

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

    /// <summary>Writes the weights as lines of feature and weight, in ordinal order of the features, after the given comment lines.</summary>
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
        return new EventConfidenceModel(Parse(DataFile.Parse(reader)));
    }

    private static Dictionary<string, double> Parse(IReadOnlyList<string[]> entries)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (e.Length != 2 || !double.TryParse(e[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || !weights.TryAdd(e[0], w))
            {
                throw new InvalidDataException($"not a feature and its weight, or a feature twice: '{string.Join('\t', e)}'");
            }
        }

        return weights;
    }
}
