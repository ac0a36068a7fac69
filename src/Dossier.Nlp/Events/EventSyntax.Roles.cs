using Dossier.Annotations;

namespace Dossier.Nlp.Events;

/// <summary>Who acts and who is acted upon: a verb's subject, its passive agent, its patient and the obliques that name one.</summary>
internal static partial class EventSyntax
{
    /// <summary>The subject of <paramref name="verb"/>: its own, the antecedent of a relative 'who', or the controller of an infinitive ('Pakistan agreed to …', 'urged the US to …').</summary>
    public static (Word? Subject, bool Inherited) Subject(Word verb)
    {
        var v = verb;
        for (var depth = 0; depth < 4; depth++)
        {
            if (NearestSubject(v) is { } subject)
            {
                var relative = subject.Lemma.ToLowerInvariant();
                return Relatives.Contains(relative) && (v.BaseRelation == "acl" ? v.Head : relative is "who" or "whom" ? AntecedentBefore(subject) : null) is { } antecedent
                    ? (antecedent, depth > 0) : (subject, depth > 0);
            }

            if (IsMisattachedActive(v) && v.Head is { } noun)
            {
                return (noun, depth > 0);
            }

            // 'Pakistan has no plans to hold talks', 'took the decision to withdraw': the infinitive
            // completes a noun that is the object of the subject's verb.
            var infinitive = HasMark(v, "to");
            if (v.BaseRelation == "acl" && infinitive && v.Head is { BaseRelation: "obj", Head: { } governor })
            {
                v = governor;
                continue;
            }

            if (v.Head is not { } head || head.Upos is not (UPos.VERB or UPos.AUX or UPos.ADJ))
            {
                return (null, false);
            }

            // 'urged the US to act'; 'chided him for siding with Republicans', 'accused Sanders of ignoring …': the object
            // does it; one that cannot act does not ('drew praise for helping the girls': the subject helped).
            var objectGerund = v.BaseRelation == "advcl" && v.Xpos == "VBG" && (HasMark(v, "for") || HasMark(v, "of"));
            if ((v.BaseRelation == "xcomp" || objectGerund) && (head.Child("obj") ?? head.Child("iobj")) is { } controller
                && (!objectGerund || controller.Upos is UPos.PROPN or UPos.PRON || Agents.Contains(controller.Lemma.ToLowerInvariant())))
            {
                return (controller, true);
            }

            // 'The South retaliated by firing artillery', 'after storming the base, the rebels …', '…, killing eight people':
            // a gerund with no subject of its own shares its verb's; but one that opens the sentence with no conjunction
            // may be the parse's misreading of a subject ('Fighting between militias killed 31 fighters, an official said').
            var sharing = v.Xpos == "VBG" && (v.Index > head.Index || v.Children.Any(c => c.BaseRelation == "mark"));
            if (!(v.BaseRelation is "xcomp" or "conj" || (v.BaseRelation == "advcl" && (infinitive || sharing))))
            {
                return (null, false);
            }

            v = head;
        }

        return (null, false);
    }

    /// <summary>
    /// The noun a relative 'who' follows when the parse hung its clause elsewhere ('Montalvo contacted former
    /// members of Scientology, who helped him …' with 'helped' read as a clause of its own): the noun just before it,
    /// past a comma, or the noun that one modifies ('members', not 'Scientology'). Null when no noun stands there.
    /// Only 'who': a misplaced 'that' or 'which' clause is as often about a thing or an act ('the attack on the
    /// compound in Benghazi that killed four Americans'), whose doer no nearby noun names.
    /// </summary>
    private static Word? AntecedentBefore(Word relative)
    {
        var before = Before(relative);
        while (before is { Upos: UPos.PUNCT } punctuation)
        {
            before = Before(punctuation);
        }

        if (before is not { Upos: UPos.NOUN or UPos.PROPN } noun)
        {
            return null;
        }

        while (noun.BaseRelation is "nmod" or "flat" or "compound" && noun.Head is { Upos: UPos.NOUN or UPos.PROPN } head && head.Index < noun.Index)
        {
            noun = head;
        }

        return noun;
    }

    /// <summary>
    /// The verb's subject; of two that touch, with no comma between (a parse that split a name from its title:
    /// 'UK Prime Minister David Cameron condemned …' as 'UK' and 'David'), the later, which heads the phrase in
    /// English. Two apart ('Mukasey, the attorney general under George W. Bush, criticized …') keep the first.
    /// </summary>
    private static Word? NearestSubject(Word verb)
    {
        Word? subject = null;
        foreach (var c in verb.Children)
        {
            if (c.BaseRelation != "nsubj")
            {
                continue;
            }

            if (subject is not { } first)
            {
                subject = c;
            }
            else if (c.Index < verb.Index && c.Subtree.Start > first.Span.End
                && verb.Document.Text.AsSpan(first.Span.End, c.Subtree.Start - first.Span.End).IsWhiteSpace())
            {
                subject = c;
            }
        }

        return subject;
    }

    /// <summary>The 'by' phrase of a passive verb.</summary>
    /// <remarks>Of several ('returned by mail … by Montalvo') the one that can act: a pronoun, a proper noun or an agent noun.</remarks>
    public static Word? Agent(Word verb)
    {
        Word? first = null;
        foreach (var c in verb.Children)
        {
            if (c.Relation == "obl:agent" || (c.BaseRelation == "obl" && Preposition(c) == "by"))
            {
                if (c.Upos is UPos.PROPN or UPos.PRON || Agents.Contains(c.Lemma.ToLowerInvariant()))
                {
                    return c;
                }

                first ??= c;
            }
        }

        return first;
    }

    /// <summary>The one a verb acts upon: the passive subject (or the noun a passive participle modifies), else the object, else a complement of 'against', 'on', 'with' … ('against' only for conflict: one cooperates with a partner against an adversary). <paramref name="verbal"/>: the act is words (an appeal, praise, a demand, criticism, a rejection, a threat).</summary>
    public static Word? Patient(Word verb, bool passive, bool cooperative, bool verbal = false)
    {
        if (passive)
        {
            return verb.Child("nsubj:pass") ?? (IsReducedPassive(verb) ? verb.Head : IsSharedPassive(verb) ? FirstConjunct(verb)!.Value.Child("nsubj:pass") : null);
        }

        // 'held talks with the TTP', 'launched an attack on the base': the act named by the object has the target; but
        // the 'of' phrase of an act one condemns, praises or demands is whom the act befell ('condemned the beheading of
        // David Haines', 'demanded the release of the hostages'), not whom the words are aimed at.
        if (verb.Child("obj") is { } named && IsEventNoun(named) && (Oblique(named, cooperative, verbal ? [] : ["of"]) ?? Oblique(verb, cooperative)) is { } partner)
        {
            return partner;
        }

        // 'threatened to attack the South', 'refused to release the prisoners': the act it governs has the target.
        return verb.Child("obj") ?? verb.Child("iobj") ?? Oblique(verb, cooperative)
            ?? (verb.Child("xcomp") is { } act && act.Upos == UPos.VERB && !IsPassive(act) ? act.Child("obj") ?? act.Child("iobj") ?? Oblique(act, cooperative) : null);
    }

    /// <summary>The first oblique or nominal modifier of <paramref name="head"/> whose preposition marks the one acted upon; in cooperation 'against' names the adversary and 'on'/'over' the topic ('a meeting on small arms'), neither the partner.</summary>
    public static Word? Oblique(Word head, bool cooperative, params string[] extra)
    {
        foreach (var c in head.Children)
        {
            if (c.BaseRelation is "obl" or "nmod" && c.Relation != "obl:agent" && Preposition(c) is { } p
                && (TargetPrepositions.Contains(p) || extra.Contains(p)) && !(cooperative && p is "against" or "on" or "upon" or "over")
                && !(p == "at" && IsOccasion(c)))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>Gatherings one is at ('at the Democratic debate', 'at a Trump rally'), beside the event nouns.</summary>
    private static readonly HashSet<string> Occasions = new(
        ["debate", "rally", "meeting", "conference", "summit", "convention", "hearing", "event", "ceremony", "dinner", "luncheon", "breakfast", "forum", "gathering",
         "session", "briefing", "festival", "funeral", "fundraiser", "reception", "party", "caucus", "primary", "speech", "interview", "appearance", "stop"],
        StringComparer.Ordinal);

    /// <summary>True for a phrase naming a gathering or an act ('at the Democrat debate', 'at the talks'): where something was done, not whom it was done to.</summary>
    private static bool IsOccasion(Word noun) => Occasions.Contains(noun.Lemma.ToLowerInvariant()) || IsEventNoun(noun);

    /// <summary>
    /// The oblique of a noun (see <see cref="Oblique"/>), or of the 'of' phrase it heads: the party
    /// an act reaches through a chain of nouns ('welcomed a resumption of ties with Osgiliath',
    /// where 'with Osgiliath' modifies 'ties', not 'resumption').
    /// </summary>
    public static Word? NestedOblique(Word noun, bool cooperative, params string[] extra)
    {
        if (Oblique(noun, cooperative, extra) is { } direct)
        {
            return direct;
        }

        foreach (var c in noun.Children)
        {
            if (c.BaseRelation == "nmod" && Preposition(c) == "of" && Oblique(c, cooperative, extra) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }
}
