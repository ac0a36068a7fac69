namespace Dossier.Nlp.Events;

/// <summary>
/// What the coder knew of one event when it scored it, the features of the event coder's <see cref="Learning.ConfidenceModel"/>:
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
