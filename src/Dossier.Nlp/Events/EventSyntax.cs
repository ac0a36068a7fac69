using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Nlp.Events;

/// <summary>What kind of phrase fills an event's role; the kinds differ in how far a reader can trust them.</summary>
internal enum ParticipantKind
{
    /// <summary>No phrase fills the role.</summary>
    None,

    /// <summary>A named mention ('Pakistan', 'the Church of Scientology').</summary>
    Named,

    /// <summary>A common noun that names an acting party ('police', 'security forces').</summary>
    Agent,

    /// <summary>A personal pronoun ('he', 'they').</summary>
    Pronoun,

    /// <summary>Any other noun phrase ('the website', 'asylum seekers'): a target, never an actor.</summary>
    Other,
}

/// <summary>A phrase that fills an event's role: its characters and its kind.</summary>
internal readonly record struct Participant(TextSpan? Span, ParticipantKind Kind)
{
    public static Participant Nobody => new(null, ParticipantKind.None);
}

/// <summary>
/// Reads an event's participants and mode from the dependency tree (Universal Dependencies v2):
/// the agent is the subject of an active verb or the 'by' phrase of a passive one, the patient
/// the object, the passive subject or an 'against'/'on'/'with' complement; a verb under
/// 'agreed to', 'plans to' or 'refused to' takes its subject from there and its mode from that verb.
/// </summary>
internal static partial class EventSyntax
{
    /// <summary>Common nouns that name an acting party ('police', 'minister', 'rebel'): agent-nouns.txt.</summary>
    private static readonly HashSet<string> Agents = new(DataFile.ReadEmbedded(typeof(EventSyntax).Assembly, "Dossier.Nlp.Events.agent-nouns.txt").Select(r => r[0]), StringComparer.Ordinal);

    /// <summary>Prepositions whose complement is the one acted upon ('attack on', 'talks with', 'sanctions against').</summary>
    private static readonly HashSet<string> TargetPrepositions = new(["against", "on", "upon", "with", "to", "into", "at", "toward", "towards", "over"], StringComparer.Ordinal);

    /// <summary>Verbs that deny what they govern ('refused to meet', 'denied attacking', 'ruled out talks').</summary>
    private static readonly HashSet<string> Denying = new(["deny", "refuse", "reject", "decline", "fail", "avoid", "rule", "dismiss", "halt", "cancel", "stop", "suspend", "abandon", "refute", "dispute", "refrain"], StringComparer.Ordinal);

    /// <summary>Verbs whose subject is the one an act named by their object befalls ('drew criticism', 'faced an attack', 'won praise from Kabul').</summary>
    private static readonly HashSet<string> Receiving = new(["draw", "face", "receive", "earn", "win", "attract", "garner", "incur", "suffer", "get"], StringComparer.Ordinal);

    /// <summary>Words of accusing and alleging: what they govern is alleged ('accused Lewandowski of grabbing her', 'an allegation that Mr. Trump had raped her', 'claims that troops fired').</summary>
    private static readonly HashSet<string> Alleging = new(["accuse", "accusation", "allege", "allegation", "claim", "rumor", "rumour"], StringComparer.Ordinal);

    /// <summary>Verbs whose complement has not happened yet ('plans to attack', 'agreed to meet', 'called for talks', 'favored imposing tariffs', 'opposes sending troops').</summary>
    private static readonly HashSet<string> Planning = new(
        ["plan", "intend", "want", "seek", "agree", "decide", "vow", "pledge", "promise", "threaten", "prepare", "aim", "hope", "expect", "try", "attempt", "propose", "offer", "call", "urge", "ask",
         "demand", "order", "request", "wish", "mean", "schedule", "set", "push", "press", "invite", "encourage", "allow", "permit", "authorize", "authorise", "approve", "consider", "discuss", "need", "warn", "vote",
         "favor", "favour", "advocate", "recommend", "suggest", "contemplate", "support", "oppose"],
        StringComparer.Ordinal);

    /// <summary>Nouns of intending whose infinitive has not happened yet ('the decision to attack', 'an attempt to negotiate').</summary>
    private static readonly HashSet<string> Intentions = new(
        ["decision", "agreement", "intention", "attempt", "effort", "bid", "proposal", "commitment", "goal", "aim", "mission", "campaign", "deal", "ultimatum", "deadline", "pressure", "resolution", "motion", "bill", "initiative", "drive"],
        StringComparer.Ordinal);

    /// <summary>Nouns of deeds whose infinitive tells what was done ('his move to fire Comey', 'the step to close the border').</summary>
    private static readonly HashSet<string> Deeds = new(["move", "step", "action", "act", "measure"], StringComparer.Ordinal);

    private static readonly HashSet<string> Ordinals = new(["first", "second", "third", "last", "only", "next", "latest"], StringComparer.Ordinal);

    /// <summary>Verbs whose subject performs or takes part in the event their object names ('carried out an attack', 'held talks', 'addressed the meeting').</summary>
    private static readonly HashSet<string> Light = new(["carry", "launch", "conduct", "hold", "stage", "mount", "make", "have", "begin", "start", "resume", "continue", "pay", "undertake", "perpetrate", "commit", "claim", "execute", "lead",
        "attend", "address", "tell", "join", "chair", "host", "brief"], StringComparer.Ordinal);

    private static readonly HashSet<string> Relatives = new(["who", "which", "that", "whom"], StringComparer.Ordinal);

    private static readonly HashSet<string> Personal = new(["he", "she", "they", "it", "we", "i", "you"], StringComparer.Ordinal);

    /// <summary>Relations that open a clause of its own, whose times are not the head's.</summary>
    private static readonly HashSet<string> Subordinate = new(["ccomp", "advcl", "acl", "parataxis", "csubj", "xcomp", "list", "dep"], StringComparer.Ordinal);

    /// <summary>Relations after which the words belong to another clause, where a verb's object patterns must not be looked for.</summary>
    private static readonly HashSet<string> Clausal = new(["ccomp", "parataxis", "advcl", "csubj", "conj", "acl", "list", "dep", "appos", "punct"], StringComparer.Ordinal);

    /// <summary>True for a noun that names a happening CAMEO codes ('talks', 'attack', 'arrest').</summary>
    public static bool IsEventNoun(Word noun) => noun.Upos == UPos.NOUN && EventComponent.IsEventNoun(noun.Text.ToLowerInvariant());

    /// <summary>True when <paramref name="word"/> has a subordinator or infinitive marker <paramref name="mark"/> ('to', 'that', 'if').</summary>
    internal static bool HasMark(Word word, string mark) =>
        word.Children.Any(c => c.BaseRelation == "mark" && c.Lemma.Equals(mark, StringComparison.OrdinalIgnoreCase));

    /// <summary>The word just before <paramref name="word"/> in its sentence, or null.</summary>
    private static Word? Before(Word word)
    {
        Word? previous = null;
        foreach (var w in word.SentenceWords)
        {
            if (w.Index == word.Index)
            {
                return previous;
            }

            previous = w;
        }

        return null;
    }

    /// <summary>True for a passive verb: a passive subject or auxiliary, or a participle modifying a noun ('the man arrested by police').</summary>
    public static bool IsPassive(Word verb) =>
        verb.Child("nsubj:pass") is not null || verb.Child("aux:pass") is not null || IsReducedPassive(verb) || IsSharedPassive(verb);

    /// <summary>
    /// The one a passive verb is said of: its passive subject, or, for a clause with a passive
    /// auxiliary of its own but no subject that the parser hung on a noun ('X, an ISIS-K
    /// terrorist, has been charged with …' read as a relative clause of 'terrorist'), that noun.
    /// A bare participle after a noun is left alone: '…,” the spokesperson asserted' is
    /// sometimes parsed that way, and there the noun speaks.
    /// </summary>
    public static Word? PassiveSubject(Word verb) =>
        verb.Child("nsubj:pass")
        ?? (verb.BaseRelation == "acl" && verb.Child("nsubj") is null && verb.Child("aux:pass") is not null ? verb.Head : null);

    /// <summary>A participle coordinated with a passive verb and sharing its auxiliary and subject ('he was interrogated … and then arrested').</summary>
    private static bool IsSharedPassive(Word verb) =>
        verb.Relation == "conj" && verb.Xpos == "VBN" && !verb.Children.Any(c => c.BaseRelation is "nsubj" or "aux")
        && FirstConjunct(verb) is { } first && (first.Child("nsubj:pass") is not null || first.Child("aux:pass") is not null);

    /// <summary>The verb a coordinated verb joins: its head, or (when the parser hung it on a noun of that verb's clause) the verb above that noun.</summary>
    private static Word? FirstConjunct(Word verb)
    {
        var w = verb.Head;
        for (var depth = 0; depth < 3 && w is { } h; depth++, w = h.Head)
        {
            if (h.Upos == UPos.VERB)
            {
                return h;
            }
        }

        return null;
    }

    /// <summary>A participle after a noun ('the man arrested by police'); one with an object of its own is an active verb the parser attached to its subject ('Police arrested X' at the start of a headline).</summary>
    private static bool IsReducedPassive(Word verb) => verb.Relation == "acl" && verb.Xpos == "VBN" && verb.Child("obj") is null;

    /// <summary>An active participle or past verb attached as a modifier of the noun before it, with an object of its own: that noun is its subject.</summary>
    private static bool IsMisattachedActive(Word verb) => verb.Relation == "acl" && verb.Xpos is "VBN" or "VBD" && verb.Child("obj") is not null && verb.Head is { } h && h.Span.End <= verb.Span.Start;

    /// <summary>The lower-cased preposition ('case' dependent) of a nominal, or null.</summary>
    public static string? Preposition(Word nominal) =>
        nominal.Children.FirstOrDefault(c => c.BaseRelation == "case") is { Document: not null } p ? p.Lemma.ToLowerInvariant() : null;

    /// <summary>The possessor or 'by'/'from' phrase of an event noun ('Pakistan's attack', 'the attack by militants', 'attacks from either side'), a named modifier ('a Taliban attack'), or the subject of a verb that performs it ('militants carried out an attack').</summary>
    public static (Word? Actor, bool Inherited) NounAgent(Word noun, IReadOnlyList<MentionData> named)
    {
        foreach (var c in noun.Children)
        {
            if (c.Relation == "nmod:poss" || (c.BaseRelation == "nmod" && Preposition(c) is "by" or "from"))
            {
                return (c, false);
            }

            if (c.BaseRelation is "compound" or "amod" && c.Span.End <= noun.Span.Start
                && named.Any(m => m.Span.Contains(c.Span) && m.Label is "PER" or "ORG" or "NORP"))
            {
                return (c, false);
            }
        }

        // 'his role in the bombing', 'Pakistan's part in the talks'
        if (noun.BaseRelation == "nmod" && Preposition(noun) == "in" && noun.Head is { } share && share.Lemma.ToLowerInvariant() is "role" or "part" or "involvement" or "hand" or "participation"
            && share.Children.FirstOrDefault(c => c.Relation == "nmod:poss") is { Document: not null } possessor)
        {
            return (possessor, false);
        }

        if (noun.BaseRelation == "obj" && noun.Head is { } verb && Light.Contains(verb.Lemma.ToLowerInvariant()))
        {
            var (subject, _) = Subject(verb);
            return (subject, true);
        }

        return (null, false);
    }

    /// <summary>
    /// The one an event noun befalls when a verb of receiving governs it: the subject of 'drew praise', 'faced
    /// criticism' (also 'drew both praise … and criticism'), 'came under attack'. Null otherwise.
    /// </summary>
    public static Word? Receiver(Word noun)
    {
        var n = noun.BaseRelation == "conj" && noun.Head is { Upos: UPos.NOUN } first ? first : noun;
        if (n.Head is not { Upos: UPos.VERB } verb)
        {
            return null;
        }

        var lemma = verb.Lemma.ToLowerInvariant();
        var receives = (n.BaseRelation == "obj" && Receiving.Contains(lemma)) || (n.BaseRelation == "obl" && Preposition(n) == "under" && lemma is "come" or "be" or "remain");
        return receives ? Subject(verb).Subject : null;
    }

    /// <summary>A participant that is no one: 'nobody', 'nothing', 'none (of them)', or a noun phrase determined by 'no' ('no militants', 'no one').</summary>
    private static bool IsNoOne(Word participant) =>
        participant.Lemma.ToLowerInvariant() is "nobody" or "nothing" or "none" or "noone"
        || participant.Children.Any(d => d.BaseRelation == "det" && d.Lemma.Equals("no", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// How the sentence presents the event named by <paramref name="trigger"/>: negated ('did not
    /// attack', 'no talks', 'no plans to meet', 'refused to meet'), future ('will meet', 'plans to attack', 'called for
    /// talks'), hypothetical ('could attack', 'if they attack', a question) or asserted.
    /// </summary>
    public static EventMode Mode(Word trigger, bool question)
    {
        var w = trigger;
        for (var depth = 0; depth < 4; depth++)
        {
            if (w.IsNegated)
            {
                return EventMode.Negated;
            }

            if (depth > 0 && Denying.Contains(w.Lemma.ToLowerInvariant()))
            {
                return EventMode.Negated;
            }

            if (IsStillToDo(w))
            {
                return EventMode.Negated; // 'has yet to endorse Clinton', 'is yet to respond': not done so far
            }

            foreach (var c in w.Children)
            {
                var lemma = c.Lemma.ToLowerInvariant();
                if (c.BaseRelation == "aux")
                {
                    if (lemma is "will" or "shall" or "would" or "'ll")
                    {
                        return EventMode.Future;
                    }

                    if (lemma is "could" or "might" or "may" or "can" or "should" or "must")
                    {
                        return EventMode.Hypothetical;
                    }
                }
                else if (c.BaseRelation == "det" && lemma == "no")
                {
                    return EventMode.Negated; // 'no talks', 'no plans to hold talks'
                }
                else if (depth == 0 && c.BaseRelation is "nsubj" or "obj" && IsNoOne(c))
                {
                    return EventMode.Negated; // 'No militants were killed in the strikes', 'the police arrested nobody'
                }
                else if (c.BaseRelation == "mark" && lemma is "if" or "unless" or "whether" && w.BaseRelation == "advcl")
                {
                    return EventMode.Hypothetical;
                }
                else if (c.BaseRelation == "amod" && lemma is "planned" or "proposed" or "possible" or "potential" or "future" or "threatened")
                {
                    return EventMode.Future;
                }
            }

            if (depth > 0 && Planning.Contains(w.Lemma.ToLowerInvariant()))
            {
                return EventMode.Future;
            }

            // 'accused him of attacking', 'the allegation that he had raped her': what is alleged.
            var infinitive = HasMark(w, "to");
            if (w.BaseRelation is "advcl" or "acl" or "ccomp" && (HasMark(w, "of") || HasMark(w, "that") || w.BaseRelation == "ccomp") && !infinitive
                && w.Head is { } alleger && Alleging.Contains(alleger.Lemma.ToLowerInvariant()))
            {
                return EventMode.Alleged;
            }

            // 'rejected the impression that the border was closed', 'denied that troops fired': a denied content clause.
            if ((w.BaseRelation == "ccomp" || (w.BaseRelation == "acl" && HasMark(w, "that"))) && !infinitive && w.Head is { } governor)
            {
                var denier = governor.Upos == UPos.NOUN && governor.BaseRelation == "obj" && governor.Head is { } v ? v : governor;
                return Denying.Contains(denier.Lemma.ToLowerInvariant()) ? EventMode.Negated : question ? EventMode.Hypothetical : EventMode.Asserted;
            }

            // 'left without paying the bill', 'instead of confronting him': not done.
            var gerund = w.BaseRelation is "advcl" or "acl" && w.Xpos == "VBG";
            if (gerund && (HasMark(w, "without") || HasMark(w, "instead")))
            {
                return EventMode.Negated;
            }

            // 'traveled to Florida to meet with Devocht', 'in order to help Montalvo': a purpose is intended, not done.
            if (w.BaseRelation == "advcl" && infinitive)
            {
                return EventMode.Future;
            }

            // 'the qualifications to lead a country', 'the right to strike', 'the decision to attack':
            // an infinitive that describes a noun names something possible or intended, not done,
            // except after a noun of deeds ('his move to fire Comey') or an ordinal ('the first to arrive').
            if (w.BaseRelation == "acl" && infinitive && w.Head is { Upos: UPos.NOUN } described && !Planning.Contains(described.Lemma.ToLowerInvariant()))
            {
                var noun = described.Lemma.ToLowerInvariant();
                if (Intentions.Contains(noun))
                {
                    return EventMode.Future;
                }

                if (!Deeds.Contains(noun) && !described.Children.Any(c => c.BaseRelation == "amod" && Ordinals.Contains(c.Lemma.ToLowerInvariant())))
                {
                    return EventMode.Hypothetical;
                }
            }

            // Climb from an infinitive, a gerund or an event noun to the verb that governs it, and
            // from a verb coordinated without a subject or auxiliary of its own ('unless he returned
            // and cooperated') to the verb whose mode it shares.
            var climbs = w.BaseRelation is "xcomp" or "ccomp" or "acl" && infinitive
                || (w.BaseRelation is "xcomp" && w.Xpos == "VBG")
                || (gerund && (HasMark(w, "from") || HasMark(w, "of") || HasMark(w, "for") || HasMark(w, "by"))) // 'refrained from endorsing', 'called for denying entry', 'will retaliate by firing'
                || (w.Upos == UPos.NOUN && w.BaseRelation is "obj" or "nsubj:pass" or "obl")
                || (w.Upos == UPos.NOUN && w.BaseRelation == "nmod" && w.Head is { Upos: UPos.NOUN }) // 'his call for a ban', 'in favor of talks'
                || (w.BaseRelation == "conj" && w.Upos == UPos.VERB && !w.Children.Any(c => c.BaseRelation is "nsubj" or "aux"));
            if (!climbs || w.Head is not { } head || head.Upos is not (UPos.VERB or UPos.NOUN or UPos.ADJ))
            {
                break;
            }

            w = head;
        }

        return question ? EventMode.Hypothetical : EventMode.Asserted;
    }

    /// <summary>
    /// True for an infinitive after 'have yet' or 'be yet' ('has yet to endorse', 'is yet to
    /// respond'), however the parser hangs it: under 'have' with 'yet' beside it, or with 'yet' and
    /// 'be' as its own dependents.
    /// </summary>
    private static bool IsStillToDo(Word w)
    {
        static bool Yet(Word x) => x.Children.Any(c => c.BaseRelation == "advmod" && c.Lemma.Equals("yet", StringComparison.OrdinalIgnoreCase));
        if (!HasMark(w, "to"))
        {
            return false;
        }

        return (Yet(w) && w.Children.Any(c => c.BaseRelation is "cop" or "aux" && c.Lemma.ToLowerInvariant() is "be" or "have"))
            || (w.Head is { } governor && governor.Lemma.ToLowerInvariant() is "have" or "be" && Yet(governor));
    }

    /// <summary>
    /// The phrase a role's word stands for: the named mention that holds it or one of its nominal
    /// modifiers ('the government of Pakistan' → Pakistan), else the word itself when it is a
    /// personal pronoun, an agent noun ('police') or, for a target, any noun.
    /// </summary>
    public static Participant Resolve(Word? word, IReadOnlyList<MentionData> named, bool actor)
    {
        if (word is not { } w)
        {
            return Participant.Nobody;
        }

        // 'Cornel West, a Sanders supporter who has criticized Clinton': the person an appositive describes acts.
        if (w.BaseRelation == "appos" && w.Head is { } described && named.FirstOrDefault(m => m.Label is "PER" or "ORG" && m.Span.Contains(described.Span)) is { Label: not null } person)
        {
            return new Participant(person.Span, ParticipantKind.Named);
        }

        if (NamedFor(w, named, actor, 0) is { } mention)
        {
            return new Participant(mention, ParticipantKind.Named);
        }

        var lemma = w.Lemma.ToLowerInvariant();
        if (w.Upos == UPos.PRON)
        {
            return Personal.Contains(lemma) ? new Participant(w.Span, ParticipantKind.Pronoun) : Participant.Nobody;
        }

        if (w.Upos is not (UPos.NOUN or UPos.PROPN))
        {
            return Participant.Nobody;
        }

        if (Agents.Contains(lemma))
        {
            return new Participant(NounPhrase(w), ParticipantKind.Agent);
        }

        if (w.Upos == UPos.PROPN && char.IsUpper(w.Text[0]))
        {
            return new Participant(NounPhrase(w), ParticipantKind.Named); // a name the tagger missed ('Arnor', 'Hamas')
        }

        return actor ? Participant.Nobody : new Participant(NounPhrase(w), ParticipantKind.Other);
    }

    /// <summary>A noun with the compounds and adjectives before it ('security forces', 'Pakistani officials') and the rest of a name after it.</summary>
    private static TextSpan NounPhrase(Word noun)
    {
        var (start, end) = (noun.Span.Start, noun.Span.End);
        foreach (var c in noun.Children)
        {
            if (c.BaseRelation is "compound" or "amod" or "flat" && c.Span.End <= noun.Span.Start)
            {
                start = Math.Min(start, c.Subtree.Start);
            }
            else if (c.BaseRelation == "flat" && c.Span.Start >= noun.Span.End)
            {
                end = Math.Max(end, c.Subtree.End); // 'Ishaq Dar'
            }
        }

        return new TextSpan(start, end);
    }

    /// <summary>
    /// The time of the event named by <paramref name="trigger"/>: the most specific time expression
    /// in its own clause ('attacked … on Monday', 'the attack on August 26, 2021', 'the 2021
    /// bombing'), else in the clause it belongs to (the verb an event noun is subject or object of,
    /// the noun a participle describes, the verb it is coordinated with or controlled by). A time
    /// in a reporting clause ('said on Thursday that …') or a subordinate clause is not the
    /// event's; when none is its own, null.
    /// </summary>
    public static string? OwnTime(Word trigger, IReadOnlyList<TimeData> times)
    {
        var w = trigger;
        for (var depth = 0; depth < 4; depth++)
        {
            string? best = null;
            foreach (var t in times)
            {
                if (t.Value is { } v && (char.IsAsciiDigit(v[0]) || v[0] == 'X') && (best is null || v.Length > best.Length) && InClause(w, t.Span))
                {
                    best = v;
                }
            }

            if (best is not null)
            {
                return best;
            }

            if (w.Head is not { } head || !(w.BaseRelation is "acl" or "xcomp" or "conj" or "nsubj" or "obj" or "obl" or "nmod" or "iobj" || (w.Relation == "nsubj:pass")))
            {
                return null;
            }

            w = head;
        }

        return null;
    }

    /// <summary>True when the words of <paramref name="span"/> hang from <paramref name="head"/> without crossing into another clause.</summary>
    private static bool InClause(Word head, TextSpan span)
    {
        foreach (var word in head.SentenceWords)
        {
            if (!word.Span.Overlaps(span))
            {
                continue;
            }

            for (var w = word; ; w = w.Head!.Value)
            {
                if (w.Index == head.Index)
                {
                    return true;
                }

                if (w.Head is null || Subordinate.Contains(w.BaseRelation) || (w.BaseRelation == "conj" && w.Upos == UPos.VERB))
                {
                    return false;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The token before which a verb's object patterns stop: the first word after the verb that
    /// starts another clause (a subordinator such as 'that', a clause-level relation, another
    /// verb), so that 'said on the 7th that the attack …' does not read 'said … attack' as an attack.
    /// </summary>
    public static int PatternEnd(Word verb, System.Collections.Immutable.ImmutableArray<TokenData> tokens, int sentenceEnd)
    {
        var end = verb.Subtree.End;
        foreach (var w in verb.SentenceWords)
        {
            if (w.Span.Start >= verb.Span.End && w.Span.Start < end
                && (w.BaseRelation is "mark" || Clausal.Contains(w.BaseRelation) && w.BaseRelation != "punct" || w.Upos is UPos.VERB || !w.IsWithin(verb)))
            {
                end = w.Span.Start;
                break;
            }
        }

        return Math.Min(sentenceEnd, TokenSearch.FirstEndingAfter(tokens, end));
    }
}
