using Dossier.Annotations;
using Dossier.Nlp.Events;
using Dossier.Text;

namespace Dossier.Nlp.Quotes;

/// <summary>
/// Checks an attribution found by the rules or the tagger against the sentence's dependency tree
/// (when the document has one): the holder is who speaks, so an attribution does not stand when
/// <list type="bullet">
/// <item>the cue is passive and the 'speaker' is its subject ('Sharifullah has been charged with
/// conspiring …': the one charged says nothing);</item>
/// <item>the cue is negated: silence ('has so far not said anything about …') is neither quote nor
/// claim; any other negated cue ('did not confirm that …') may report words, but holds no
/// claim;</item>
/// <item>the cue modifies the noun after it ('the internationally backed government');</item>
/// <item>the cue has a subject of its own and the speaker is not in it ('This duplicity underscores
/// the Taliban's unwillingness …, even as they continue to claim …'): the outlet's narration,
/// not words of the people it names.</item>
/// </list>
/// </summary>
internal static class AttributionSyntax
{
    /// <summary>True when nothing in the tree speaks against the attribution as a quote, or with <paramref name="claim"/> as a claim (always when the document was not parsed).</summary>
    public static bool Stands(Document document, TextSpan? cue, TextSpan? speaker, bool claim)
    {
        if (cue is not { } c || !document.Has(Layers.Words))
        {
            return true;
        }

        if (CueVerb(document, c) is not { } verb)
        {
            return true; // 'according to', 'in a statement': no verb to read
        }

        if (IsModifier(verb))
        {
            return false;
        }

        if (verb.IsNegated && (claim || IsSilence(verb)))
        {
            return false;
        }

        if (claim && (IsHypothetical(verb) || IsMovement(verb)))
        {
            return false;
        }

        if (speaker is not { } s)
        {
            return true;
        }

        // (A bare participle that ends the sentence, '…,” the spokesperson asserted.', is sometimes parsed as passive: it is the noun's cue.)
        if (claim && ((EventSyntax.IsPassive(verb) && verb.Children.Any(c => c.BaseRelation != "punct")) || IsReducedRelative(verb)))
        {
            // A claim of a passive cue is its agent's ('it was announced by the ministry'): not the
            // one it is said of, nor anyone near ('HBO's service is expected to cost …', 'an asteroid
            // that was forecast to pass …', 'photos posted on Twitter showed …').
            return EventSyntax.Agent(verb) is { } agent && agent.Subtree.Overlaps(s);
        }

        if (EventSyntax.IsPassive(verb))
        {
            return EventSyntax.PassiveSubject(verb) is not { } patient || !patient.Subtree.Overlaps(s);
        }

        var words = document.Get(Layers.Words);
        var sentence = new TextSpan(words[verb.Data.First].Span.Start, words[verb.Data.First + verb.Data.Count - 1].Span.End);
        // Every subject counts: a dateline ('ISLAMABAD: …') is sometimes parsed as a second one.
        var subjects = verb.Children.Where(w => w.Relation == "nsubj").ToList();
        return subjects.Count == 0 || subjects.Any(w => w.Lemma.ToLowerInvariant() is "who" or "which" or "that" || w.Subtree.Overlaps(s))
            || !s.Overlaps(sentence); // a speaker outside the cue's sentence is not checked here
    }

    /// <summary>
    /// The cue's own subject, when the speaker the rules or the tagger took stands outside it and
    /// the subject is a noun phrase that can speak ('It is unlikely; Clinton's team says …' took
    /// 'It'; 'Six million jobs depend on exports, one slide says' took nothing of the slide): its
    /// words, and the named mention in it (the one holding its head first), if any. Null when the
    /// cue is no active verb with one such subject in the speaker's sentence.
    /// </summary>
    public static (TextSpan Phrase, TextSpan? Name)? SubjectSpeaker(Document document, TextSpan? cue, TextSpan? speaker)
    {
        if (cue is not { } c || speaker is not { } s || !document.Has(Layers.Words) || CueVerb(document, c) is not { } verb
            || IsModifier(verb) || verb.IsNegated || EventSyntax.IsPassive(verb))
        {
            return null;
        }

        var subjects = verb.Children.Where(w => w.Relation == "nsubj").ToList();
        if (subjects is not [var subject] || subject.Upos is not (UPos.NOUN or UPos.PROPN) || subject.Subtree.Overlaps(s) || subject.Subtree.Overlaps(c))
        {
            return null;
        }

        var phrase = subject.Subtree;
        var named = document.Get(Layers.Mentions).Where(m => MentionLabels.Named.Contains(m.Label) && phrase.Contains(m.Span)).ToList();
        var name = named.FirstOrDefault(m => m.Span.Contains(subject.Span)) is { Label: not null } head ? head.Span
            : named.Count > 0 ? named[0].Span : (TextSpan?)null;
        return (phrase, name);
    }

    /// <summary>
    /// The phrase that speaks, when the name taken as the speaker only modifies it and the phrase's
    /// head does not speak for that name: the cue's own subject ('Canadian media is reporting', 'ISIS
    /// supporters announced', 'a friend of Wilson said', 'Horner's mother said') or, for a cue with
    /// no verb, the speaker phrase itself ('according to the Italian press'). 'Taliban officials
    /// said' and 'a United Nations report said' speak for the name (see <paramref name="speaksFor"/>),
    /// and a person named in apposition or as the head speaks ('spokesperson Shafqat Ali Khan').
    /// Null otherwise.
    /// </summary>
    public static TextSpan? SubjectAroundName(Document document, TextSpan? cue, TextSpan? speaker, TextSpan? name, Func<string, bool, bool> speaksFor)
    {
        ArgumentNullException.ThrowIfNull(speaksFor);
        if (cue is not { } c || name is not { } n || !document.Has(Layers.Words))
        {
            return null;
        }

        Word? subject;
        if (CueVerb(document, c) is { BaseRelation: not "case" } verb) // 'according to' is read as a preposition
        {
            if (IsModifier(verb) || EventSyntax.IsPassive(verb) || verb.Children.Where(w => w.Relation == "nsubj").ToList() is not [var only])
            {
                return null;
            }

            subject = only;
        }
        else
        {
            subject = speaker is { } s ? HeadOf(document, s) : null;
        }

        if (subject is not { Upos: UPos.NOUN } head || n.Contains(head.Span) || !head.Subtree.Contains(n))
        {
            return null;
        }

        var state = document.Get(Layers.Mentions).Any(m => m.Label is "GPE" or "NORP" && m.Span.Overlaps(n));
        if (speaksFor(head.Lemma.ToLowerInvariant(), state) || speaksFor(document.GetText(head.Span).ToLowerInvariant(), state)
            || IsTimeNoun(head)) // 'days after Islamabad urged', 'Islamabad last week urged' parsed with the time as subject
        {
            return null;
        }

        // A name in apposition is the speaker ('a Geneva-based monitor, Small Arms Survey, said'); a person's name
        // speaks unless it only modifies the phrase ('a friend of Wilson', 'Horner's mother', 'the sister of the
        // photojournalist, Luke Somers,'): somewhere between it and the head a noun modifies another.
        var nameWord = HeadOf(document, n);
        if (nameWord is { BaseRelation: "appos" or "flat" } named && named.Head is { } up && up.Index == head.Index)
        {
            return null;
        }

        var person = document.Get(Layers.Mentions).Any(m => m.Label == "PER" && m.Span.Overlaps(n));
        return person && !ModifiesOnTheWay(nameWord, head) ? null : head.Subtree;
    }

    private static bool IsTimeNoun(Word w) => w.Lemma.ToLowerInvariant() is "day" or "week" or "month" or "year" or "time" or "hour" or "morning" or "evening" or "night" or "weekend" or "afternoon";

    /// <summary>Whether, going up the tree from <paramref name="word"/> to <paramref name="head"/>, some word hangs on the next as a modifier (nmod, including possessives).</summary>
    private static bool ModifiesOnTheWay(Word? word, Word head)
    {
        for (var w = word; w is { } current && current.Index != head.Index; w = current.Head)
        {
            if (current.BaseRelation == "nmod")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the cue is a position ruled out rather than held: a noun cue with 'no' ('has no
    /// plans to hold talks', 'no intention of') or a negated attitude verb ('does not plan to',
    /// 'does not want to'). An intention so negated denies its content.
    /// </summary>
    public static bool RulesOut(Document document, TextSpan cue)
    {
        if (!document.Has(Layers.Words))
        {
            return false;
        }

        return document.WordsIn(cue).Any(w => w.Upos is UPos.NOUN or UPos.VERB
            && (w.IsNegated || w.Children.Any(c => c.BaseRelation == "det" && c.Lemma.Equals("no", StringComparison.OrdinalIgnoreCase))));
    }

    /// <summary>
    /// How a claim puts its content (see <see cref="ClaimData.Modality"/>): from the cue's stance
    /// first (an intention, a demand, a question), then from the content's own clause when the
    /// document is parsed (a condition 'if …', 'will', 'could', 'should'), then the hedge.
    /// </summary>
    public static string? Modality(Document document, ClaimData claim)
    {
        ArgumentNullException.ThrowIfNull(document);
        switch (claim.Stance)
        {
            case "intend" or "pledge":
                return "intention";
            case "urge":
                return "demand";
            case "question":
                return "question";
        }

        if (document.Has(Layers.Words) && HeadOf(document, claim.Span) is { } predicate)
        {
            if (document.GetText(claim.Span).TrimEnd().EndsWith('?'))
            {
                return "question";
            }

            if (predicate.Children.Any(c => c.BaseRelation == "advcl" && c.Children.Any(m => m.BaseRelation == "mark" && m.Lemma.ToLowerInvariant() is "if" or "unless")))
            {
                return "condition";
            }

            foreach (var aux in predicate.Children.Where(c => c.BaseRelation == "aux"))
            {
                switch (aux.Lemma.ToLowerInvariant())
                {
                    case "will" or "shall" or "'ll" or "would": // reported 'will' becomes 'would'
                        return "prediction";
                    case "could" or "may" or "might" or "can":
                        return "possibility";
                    case "should" or "must" or "ought":
                        return "obligation";
                }
            }
        }

        return claim.Hedged || claim.Stance is "suggest" or "believe" ? "hedge" : null;
    }

    /// <summary>
    /// For a speaker that is a bare relative pronoun ('The farmers, who said …'), the phrase its clause
    /// hangs on, as far as the noun ('The farmers'): 'who' tells a reader nothing. Null otherwise.
    /// </summary>
    public static TextSpan? Antecedent(Document document, TextSpan? speaker)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (speaker is not { } s || !document.Has(Layers.Words) || HeadOf(document, s) is not { } who
            || who.Lemma.ToLowerInvariant() is not ("who" or "which") || who.Head is not { BaseRelation: "acl" } clause
            || clause.Head is not { Upos: UPos.NOUN or UPos.PROPN or UPos.PRON } noun)
        {
            return null;
        }

        return new TextSpan(noun.Subtree.Start, noun.Span.End);
    }

    /// <summary>
    /// The head of a span in the tree: its first word, not punctuation, whose head lies outside it (a
    /// content's main predicate, a phrase's head noun); null when none or without a tree.
    /// </summary>
    internal static Word? HeadOf(Document document, TextSpan span)
    {
        foreach (var w in document.WordsIn(span))
        {
            if (w.Upos != UPos.PUNCT && (w.Head is not { } head || !span.Contains(head.Span)))
            {
                return w;
            }
        }

        return null;
    }

    /// <summary>
    /// True for a cue verb with no object or clause but a path it moved along ('charged through the
    /// front doors of parliament', 'pressed into the crowd'): a movement, not words.
    /// </summary>
    private static bool IsMovement(Word verb) =>
        verb.Child("obj") is null && !verb.Children.Any(c => c.BaseRelation is "ccomp" or "xcomp" or "parataxis")
        && verb.Children.Any(c => c.BaseRelation == "obl" && c.Child("case") is { } p && p.Lemma.ToLowerInvariant() is "through" or "into" or "toward" or "towards" or "across" or "onto" or "past");

    /// <summary>
    /// True for a cue in a clause of condition or of a time to come, in the present tense: 'if it plans
    /// to do that', 'when Apple announces the retail price', 'once the ministry confirms …' report
    /// nothing said yet ('when he said …' did happen); and for a cue in a comparison ('than he had
    /// expected'), which says what was not.
    /// </summary>
    private static bool IsHypothetical(Word verb) =>
        (verb.Xpos is "VBZ" or "VBP" or "VB"
            && verb.Children.Any(c => c.BaseRelation == "mark" && c.Lemma.ToLowerInvariant() is "if" or "unless" or "when" or "once" or "until" or "before" or "whether"))
        || verb.Children.Any(c => c.BaseRelation == "mark" && c.Lemma.Equals("than", StringComparison.OrdinalIgnoreCase)); // 'a different kind of bang than he had expected

    /// <summary>
    /// True for a past participle that modifies the noun before it, where that noun has a part in
    /// another clause ('Photos posted on Twitter showed …'): a reduced relative, passive in sense.
    /// A participle with no words of its own ('…,” the spokesperson asserted.', sometimes parsed so)
    /// is not one.
    /// </summary>
    private static bool IsReducedRelative(Word verb) =>
        verb.BaseRelation == "acl" && verb.Xpos == "VBN" && verb.Head is { } noun && noun.Span.End <= verb.Span.Start
        && noun.BaseRelation is "nsubj" or "obj" or "obl" or "nmod" && verb.Child("nsubj") is null
        && verb.Children.Any(c => c.BaseRelation != "punct"); // a bare participle ending the sentence is the noun's cue ('…,” the spokesperson asserted.')

    /// <summary>
    /// True for a participle that modifies the noun after it ('the internationally backed
    /// government', 'a widely reported claim'): it stands after a determiner, adjective or
    /// preposition (adverbs skipped), not after a subject ('the spokesperson expressed concern').
    /// </summary>
    private static bool IsModifier(Word verb)
    {
        if (verb.BaseRelation != "amod" || verb.Head is not { } noun || noun.Span.Start < verb.Span.End)
        {
            return false;
        }

        var words = verb.SentenceWords;
        var k = verb.Index - verb.Data.First - 1;
        while (k >= 0 && words[k].Upos == UPos.ADV)
        {
            k--;
        }

        return k >= 0 && words[k].Upos is UPos.DET or UPos.ADJ or UPos.ADP;
    }

    /// <summary>
    /// True when a belief has no proposition to hold: a cognition cue ('has seen', 'sees') whose
    /// object is a noun and which governs no clause ('Pakistan has seen an increase in attacks' is
    /// what happened to Pakistan, not what Pakistan believes).
    /// </summary>
    public static bool IsExperience(Document document, ClaimData claim)
    {
        ArgumentNullException.ThrowIfNull(document);
        // An object with a clause hung on it ('believes the attacks were planned', misparsed as
        // object + modifier) is a proposition all the same.
        return claim.Stance == "believe" && claim.Cue is { } cue && document.Has(Layers.Words) && CueVerb(document, cue) is { } verb
            && verb.Child("obj") is { } obj && !verb.Children.Any(c => c.BaseRelation is "ccomp" or "xcomp" or "parataxis")
            && !obj.Children.Any(c => c.BaseRelation == "acl" && c.Children.Any(x => x.BaseRelation is "aux" or "cop" || x.Relation == "aux:pass"));
    }

    /// <summary>'has not said anything', 'said nothing about', 'has not commented on': a negated cue with nothing said, or only a topic.</summary>
    private static bool IsSilence(Word verb) =>
        verb.Child("obj") is { } said ? said.Lemma.ToLowerInvariant() is "anything" or "nothing" or "much" or "word" or "comment"
            : verb.Child("ccomp") is null && verb.Children.All(c => c.BaseRelation != "parataxis");

    /// <summary>The first verb among the words of the cue ('said', 'has not said anything about', 'charged').</summary>
    internal static Word? CueVerb(Document document, TextSpan cue)
    {
        foreach (var w in document.WordsIn(cue))
        {
            if (w.Upos == UPos.VERB)
            {
                return w;
            }
        }

        return null;
    }
}
