using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Nlp.Events;

/// <summary>
/// Readings that are no event or another one: violent verbs used of words (a publication as the
/// doer, a channel of speech, a reason blamed, one person attacking another) and of contests (an
/// election, a game, defeating a person); phrasal verbs the dictionary does not hold; questions
/// read as appeals; habits and standing relations described by a relative clause or a participle.
/// </summary>
public sealed partial class EventComponent
{
    /// <summary>
    /// True when the verb has a particle that neither the dictionary's form nor the pattern that
    /// coded it names: 'took the troops out', 'calls out companies', 'taking on protesters',
    /// 'looked over at the clerks', 'rip people off' are other verbs than 'take', 'call', 'look'
    /// and 'rip', and the bare verb's code is not theirs ('took over' and 'carried out' are forms
    /// of the dictionary's own and keep their codes).
    /// </summary>
    /// <remarks>The parsers of the treebanks often hang a particle after the object as an adverb ('took the troops out'): one of <see cref="Particles"/> after the verb counts too.</remarks>
    private static bool HasUnnamedParticle(Word verb, VerbMatch match) =>
        verb.Children.Any(c => (c.Relation == "compound:prt" || (c.BaseRelation == "advmod" && c.Span.Start > verb.Span.Start && Particles.Contains(c.Lemma.ToLowerInvariant())))
            && !match.Names(c.Text.ToLowerInvariant()));

    /// <summary>
    /// True for 'charge' with what one is charged with ('was charged with taking hard drives',
    /// 'charged him with theft'): CAMEO's charge with legal action (173), where 'charged that …' and
    /// 'charged him' alone are accusations (112).
    /// </summary>
    /// <remarks>The parser often hangs the 'with' phrase on the object ('charged [Reed with murder]'): there it counts too.</remarks>
    private static bool IsLegalCharge(Word verb)
    {
        static bool With(Word phrase) => phrase.Children.Any(m => m.BaseRelation is "case" or "mark" && m.Lemma.Equals("with", StringComparison.OrdinalIgnoreCase));
        return verb.Lemma.Equals("charge", StringComparison.OrdinalIgnoreCase)
            && (verb.Children.Any(c => c.BaseRelation is "obl" or "advcl" && With(c))
                || (verb.Child("obj") is { } charged && charged.Children.Any(c => c.BaseRelation is "nmod" or "acl" && With(c))));
    }

    /// <summary>Adverbs that make a phrasal verb of the verb before them ('out', 'off', 'over'; not 'back': 'fought back' is still fighting).</summary>
    private static readonly HashSet<string> Particles = new(["out", "off", "up", "down", "away", "over"], StringComparer.Ordinal);

    /// <summary>Doers that attack only with words: publications, pieces and campaigns ('the magazine attacked', 'the ad hits Trump').</summary>
    private static readonly HashSet<string> Publications = new(
        ["magazine", "newspaper", "paper", "journal", "website", "site", "blog", "editorial", "article", "column", "tabloid", "publication", "outlet", "op-ed", "ad", "advert", "advertisement", "commercial", "spot",
         "video", "tweet", "post", "statement", "speech", "letter", "book", "documentary", "campaign", "report", "memo", "broadcast", "show", "programme", "program", "network"],
        StringComparer.Ordinal);

    /// <summary>Channels of speech through which one attacks with words ('in a statement', 'on Twitter', 'during the debate').</summary>
    private static readonly HashSet<string> Channels = new(
        ["statement", "interview", "speech", "tweet", "op-ed", "editorial", "post", "column", "ad", "letter", "conference", "briefing", "debate", "twitter", "facebook", "television", "tv", "radio", "podcast", "blog",
         "video", "remark", "address", "rally", "hearing", "testimony", "show", "broadcast", "article", "book", "memo"],
        StringComparer.Ordinal);

    /// <summary>
    /// What people say, propose or decide, and what they are in public eyes: a violent verb aimed at
    /// one of these ('fired back at Trump's comments', 'attacked the plan', 'attacked her language
    /// skills') is criticism of whoever said it or has it.
    /// </summary>
    private static readonly HashSet<string> Sayings = new(
        ["comment", "remark", "statement", "word", "claim", "tweet", "speech", "rhetoric", "proposal", "plan", "policy", "decision", "ruling", "record", "position", "view", "idea",
         "assertion", "accusation", "allegation", "suggestion", "argument", "stance", "response", "answer", "message", "language", "testimony", "interview", "op-ed", "editorial", "ad", "remarks", "comments",
         "skill", "skills", "character", "credibility", "integrity", "patriotism", "honesty", "competence", "judgment", "judgement", "reputation", "faith", "identity", "intelligence", "temperament", "motive", "motives"],
        StringComparer.Ordinal);

    /// <summary>The prepositions by which a violent verb names what it is aimed at ('fired back at', 'hit out over').</summary>
    private static readonly HashSet<string> AimedAt = new(["at", "on", "over", "against"], StringComparer.Ordinal);

    /// <summary>What follows 'for' without being a reason: 'for instance', 'for years', 'for the first time'.</summary>
    private static readonly HashSet<string> NoReasons = new(
        ["instance", "example", "time", "moment", "while", "now", "second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "century", "ever", "long"],
        StringComparer.Ordinal);

    /// <summary>Elections and games, in which one defeats, beats or crushes a rival without force.</summary>
    private static readonly HashSet<string> Contests = new(
        ["election", "vote", "poll", "ballot", "primary", "runoff", "referendum", "constituency", "district", "seat", "race", "caucus", "nomination", "contest", "matchup", "showdown",
         "match", "game", "final", "semifinal", "semi-final", "tournament", "championship", "cup", "league", "round", "set", "point", "goal"],
        StringComparer.Ordinal);

    /// <summary>
    /// True for a violent verb used of words: with a reason for the act ('blasted him for not
    /// paying', 'attacked Oversight for failing to …': one blames someone for something), with a
    /// publication or a speech as its doer ('Freedom Magazine, which attacked defectors', 'the ad
    /// hits Trump'), said through a channel of speech ('slammed him in a statement', 'attacked
    /// her during the debate', 'blasted the media on Twitter'), or aimed at what someone said or
    /// decided ('fired back at Trump's comments', 'attacked Obama's plan').
    /// </summary>
    private static bool IsVerbal(Word verb, string? actorHead) =>
        (actorHead is not null && Publications.Contains(actorHead))
        || SaidThrough(verb)
        || verb.Children.Any(c =>
            (c.BaseRelation == "obl" && EventSyntax.Preposition(c) == "for" && !NoReasons.Contains(c.Lemma.ToLowerInvariant()))
            || ((c.BaseRelation == "obj" || (c.BaseRelation == "obl" && EventSyntax.Preposition(c) is { } p && AimedAt.Contains(p))) && Sayings.Contains(c.Lemma.ToLowerInvariant()))
            || (c.BaseRelation == "advcl" && EventSyntax.HasMark(c, "for"))
            || (c.BaseRelation == "obj" && c.Children.Any(a => a.BaseRelation == "acl" && EventSyntax.HasMark(a, "for")))); // the parser often hangs 'for cutting …' on the object

    /// <summary>True for a verb with a channel of speech as its oblique ('in a statement', 'at the debate', 'on Twitter'): what it does, it does in words.</summary>
    private static bool SaidThrough(Word verb) => verb.Children.Any(c => c.BaseRelation == "obl" && Channels.Contains(c.Lemma.ToLowerInvariant()));

    /// <summary>True for a verb whose oblique names an election or a game ('in the constituency', 'by 5,000 votes', 'in the final'), or that repeats such a verb it depends on: one wins or loses it, nobody is hurt.</summary>
    private static bool InContest(Word verb) =>
        verb.Children.Any(c => c.BaseRelation == "obl" && IsContest(c))
        || (verb.BaseRelation is "advcl" or "conj" && verb.Head is { } head && head.Lemma.Equals(verb.Lemma, StringComparison.OrdinalIgnoreCase) && InContest(head)); // 'were defeated in this constituency, with Ho defeating Lee'

    /// <summary>True for a noun naming an election or a game, by its lemma or its plural ('caucuses', which the lemmatizer does not know).</summary>
    private static bool IsContest(Word noun)
    {
        var lower = noun.Text.ToLowerInvariant();
        return Contests.Contains(noun.Lemma.ToLowerInvariant()) || (lower.EndsWith('s') && (Contests.Contains(lower[..^1]) || (lower.EndsWith("es", StringComparison.Ordinal) && Contests.Contains(lower[..^2]))));
    }

    /// <summary>Verbs of attack that news also uses of words ('attacked', 'hit', 'slammed', 'lashed').</summary>
    private static readonly HashSet<string> Assailing = new(["attack", "hit", "slam", "blast", "hammer", "strike", "target", "assail", "bash", "lash", "pummel", "savage", "skewer", "batter", "pound"], StringComparer.Ordinal);

    /// <summary>
    /// True for a verb of attack by a named person on a named person with nothing to strike with
    /// ('Reid relentlessly attacked the Koch brothers', 'he attacked Cruz relentlessly in Iowa,
    /// questioning whether …', 'Sanders often attacked Clinton during the primaries'): between
    /// people in public life an attack without a weapon ('with a knife') is one of words.
    /// </summary>
    private static bool AttacksAPersonInWords(Word verb, Participant actor, Participant target, List<MentionData> named, Dictionary<TextSpan, string> referred) =>
        Assailing.Contains(verb.Lemma.ToLowerInvariant())
        && ((IsPerson(actor, named, referred) && IsPerson(target, named, referred)) || (Berating.Contains(verb.Lemma.ToLowerInvariant()) && !IsPlace(target, named)))
        && !verb.Children.Any(c => c.BaseRelation == "obl" && EventSyntax.Preposition(c) == "with");

    /// <summary>
    /// The verbs of <see cref="Assailing"/> that news uses of words far more than of force ('slammed the ruling', 'the White House
    /// blasted congressional Republicans', 'Paul Ryan blasted the FBI'): aimed at a party that is not a place, whoever the actor,
    /// they are criticism. 'Attack', 'hit', 'strike' and 'target' stay force unless both sides are persons.
    /// </summary>
    private static readonly HashSet<string> Berating = new(["slam", "blast", "bash", "lash", "skewer", "savage", "hammer", "assail"], StringComparer.Ordinal);

    /// <summary>True for a participant named as a place (a state, a region, a facility).</summary>
    private static bool IsPlace(Participant p, List<MentionData> named) =>
        p is { Kind: ParticipantKind.Named, Span: { } span } && named.Any(m => m.Span == span && m.Label is "GPE" or "LOC" or "FAC");

    /// <summary>Who stands before a speaker as their own audience: thanking, greeting or praising them is campaigning, not an interaction.</summary>
    private static readonly HashSet<string> Audiences = new(
        ["supporters", "voters", "crowd", "crowds", "audience", "audiences", "fans", "followers", "base", "donors", "volunteers", "attendees", "rally", "rallygoers"],
        StringComparer.Ordinal);

    /// <summary>True for consulting, cooperation or praise whose target is the actor's own audience ('Kasich is thanking supporters', 'greeted voters', 'celebrated with supporters').</summary>
    private static bool AddressesOwnAudience(string code, string? targetHead) =>
        code[..2] is "04" or "05" && targetHead is not null && Audiences.Contains(targetHead);

    /// <summary>Verbs of backing a candidate that a bloc of voters does by voting.</summary>
    private static readonly HashSet<string> Backing = new(["support", "back", "favor", "favour", "prefer", "vote"], StringComparer.Ordinal);

    /// <summary>Nouns of voters and blocs of them ('union members', 'older people', 'activists').</summary>
    private static readonly HashSet<string> Blocs = new(
        ["voters", "members", "people", "supporters", "activists", "delegates", "superdelegates", "residents", "evangelicals", "women", "men", "majority", "americans",
         "workers", "independents", "moderates", "conservatives", "liberals", "progressives", "millennials", "seniors", "students", "demographics", "electorate", "respondents", "caucusgoers"],
        StringComparer.Ordinal);

    /// <summary>
    /// True for a bloc of voters backing a candidate ('those voters backed Mr. Sanders', 'white male union
    /// members favored Mr. Obama', 'older people strongly support Mrs. Clinton'): a vote or a poll's finding,
    /// a contest and not an act; a named person or organisation backing one ('Gov. Mark Dayton is backing
    /// Hillary Clinton') stays.
    /// </summary>
    private static bool IsBlocSupport(Word verb, string code, Participant actor, string? actorHead, List<MentionData> named) =>
        code[..2] is "03" or "05" && Backing.Contains(verb.Lemma.ToLowerInvariant())
        && (actor.Kind != ParticipantKind.Named ? actorHead is not null && Blocs.Contains(actorHead)
            : actor.Span is { } span && named.Any(m => m.Span == span && m.Label == "NORP"));

    /// <summary>
    /// True for a visit (042) to a place that is no party ('visited the National Law Enforcement Officers
    /// Memorial', 'a visit to the U.S.-Mexico border') or to a thing whose owner was taken for the target ('visited the grave of Theodor Herzl',
    /// 'visited Clinton's Brooklyn headquarters').
    /// </summary>
    private static bool IsVisitToAThing(Word verb, string code, Participant target, string? targetHead, List<MentionData> named) =>
        code.StartsWith("042", StringComparison.Ordinal)
        && ((target.Span is { } span && named.Any(m => m.Span == span && m.Label is "FAC" or "LOC"))
            || (targetHead is not null && Sites.Contains(targetHead))
            || (verb.Upos == UPos.VERB && verb.Child("obj") is { } visited && !(target.Span is { } t && t.Contains(visited.Span))));

    /// <summary>Places one visits that are no party, whatever the tagger typed their name ('the Vietnam Veterans Memorial', 'the U.S.-Mexico border').</summary>
    private static readonly HashSet<string> Sites = new(
        ["memorial", "monument", "grave", "tomb", "cemetery", "museum", "headquarters", "border", "site", "plant", "factory", "hospital", "school", "shrine", "stadium", "arena", "park", "square", "airport"],
        StringComparer.Ordinal);

    /// <summary>True for a participant that is a named person, or a pronoun the coreference component resolved to one.</summary>
    private static bool IsPerson(Participant p, List<MentionData> named, Dictionary<TextSpan, string> referred) =>
        p.Span is { } span && (p.Kind == ParticipantKind.Named
            ? named.Any(m => m.Span == span && m.Label == "PER")
            : p.Kind == ParticipantKind.Pronoun && referred.GetValueOrDefault(span) == "PER");

    /// <summary>Verbs that name bodily harm whoever does it ('killed', 'shot', 'stabbed'): a person doing it is doing it.</summary>
    private static readonly HashSet<string> Harming = new(
        ["kill", "shoot", "stab", "murder", "bomb", "wound", "injure", "execute", "behead", "massacre", "assassinate", "rape", "torture", "strangle", "shell", "abduct", "kidnap"],
        StringComparer.Ordinal);

    /// <summary>
    /// True for force by a verb's bare sense that news seldom means literally: seizing (171: 'Clinton
    /// takes Pa.', 'captured 1,944 delegates', 'took over the investigation') and force by a named
    /// person with a verb that does not name bodily harm ('Barbara Boxer attacked Fiorina by
    /// reminding voters', 'Grayson hit the phones', 'Sanders struck a chord'). On judged political
    /// news none of the first and few of the others were right; the brief leaves them to the JSON.
    /// Militants, troops and police attacking, and anyone killing or shooting, stay.
    /// </summary>
    private static bool DoubtfulForce(Word verb, string code, Participant actor, List<MentionData> named, Dictionary<TextSpan, string> referred)
    {
        if (code.StartsWith("171", StringComparison.Ordinal))
        {
            return true;
        }

        if (!IsViolent(code) || Harming.Contains(verb.Lemma.ToLowerInvariant()))
        {
            return false;
        }

        return IsPerson(actor, named, referred);
    }

    /// <summary>Verbs of winning over a rival: a person is defeated or bested in a contest, an army or a group by force.</summary>
    private static readonly HashSet<string> Outdoing = new(["defeat", "best", "trounce", "rout", "beat", "outpoll", "edge", "dominate", "crush", "overwhelm", "overtake", "outpace"], StringComparer.Ordinal);

    /// <summary>
    /// True for a challenge to a contest ('challenged Hillary Clinton to debate him', 'challenged him to a
    /// debate'): a rival's dare, not a disapproval.
    /// </summary>
    private static bool IsChallengeToAContest(Word verb) =>
        verb.Lemma.Equals("challenge", StringComparison.OrdinalIgnoreCase)
        && (verb.Children.Any(c => c.BaseRelation is "obl" or "nmod" && (IsContest(c) || IsDebate(c)))
            || verb.Child("xcomp") is { } dare && (IsDebate(dare) || dare.Children.Any(c => c.BaseRelation is "obl" or "obj" && IsContest(c))));

    /// <summary>True for 'debate' (a rival's dare, not a contest noun: 'attacked her during the debate' is criticism).</summary>
    private static bool IsDebate(Word w) => w.Lemma.Equals("debate", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True for a verb of winning whose target is a named person ('Clinton narrowly defeated him',
    /// 'Gary Hart beat Walter Mondale in 1984', 'going all in to defeat Trump', 'she has dominated
    /// Sanders in the South'): people are
    /// defeated at the polls or in a game; troops, rebels and states by force. 'Beat' also means
    /// to strike, so it counts only when a named person does it to a named person.
    /// </summary>
    private static bool OutdoesAPerson(Word verb, Participant actor, Participant target, List<MentionData> named, Dictionary<TextSpan, string> referred)
    {
        var lemma = verb.Lemma.ToLowerInvariant();
        if (!Outdoing.Contains(lemma) && verb.Child("xcomp") is { } aim)
        {
            lemma = aim.Lemma.ToLowerInvariant(); // 'battled to overtake Obama', 'fought to defeat him'
        }

        if (!Outdoing.Contains(lemma))
        {
            return false;
        }

        return IsPerson(target, named, referred) && (lemma != "beat" || IsPerson(actor, named, referred));
    }

    /// <summary>
    /// True for 'ask' without a request in it — no 'to' or 'that' clause, no 'for', on the verb or
    /// on its object ('asked Trump about the statements', '"But why?" she asked him', 'asked
    /// whether …'): a question, which CAMEO's appeal (02) is not ('asking religious schools to pay
    /// taxes', 'asked companies for donations' are requests). So too 'press' without a request ('was
    /// pressed on why he had said …', 'pressed by the host about …'), which codes as a demand (10)
    /// only when it asks for something ('pressed him to resign', 'pressed for talks').
    /// </summary>
    private static bool IsQuestion(Word verb, string code)
    {
        var asking = verb.Lemma.ToLowerInvariant() switch
        {
            "ask" => code[..2] == "02",
            "press" => code[..2] is "02" or "10",
            _ => false,
        };
        if (!asking)
        {
            return false;
        }

        static bool Requests(Word c) =>
            (c.Upos == UPos.VERB && c.BaseRelation is "xcomp" or "ccomp" or "advcl" or "csubj" or "acl"
                && (EventSyntax.HasMark(c, "to") || EventSyntax.HasMark(c, "that")))
            || (c.BaseRelation is "obl" or "nmod" && EventSyntax.Preposition(c) == "for");
        // The parser hangs 'for …' and 'to …' on the object, or on the last of coordinated objects.
        static bool AsksOf(Word o) => o.Children.Any(d => Requests(d) || (d.BaseRelation == "conj" && d.Children.Any(Requests)));
        return !verb.Children.Any(c => c.BaseRelation == "xcomp" || Requests(c) || (c.BaseRelation is "obj" or "iobj" && AsksOf(c)));
    }

    /// <summary>
    /// True for a verb in the simple present inside a relative clause ('the agency that oversees
    /// the program', 'a program which allows investors to …', 'an adviser who oversees the PAC'):
    /// it describes what someone habitually does or is, not something that happened. Only the
    /// third-person form with a relative pronoun as its subject counts: a past form misread as
    /// present ('the officer who shot') and a main clause misattached as a relative one both fail
    /// that test and keep their event.
    /// </summary>
    private static bool IsHabitual(Word verb) =>
        verb.Relation == "acl:relcl"
        && verb.Xpos is "VBZ"
        && !verb.Children.Any(c => c.BaseRelation is "aux" or "cop")
        && verb.Child("nsubj") is { Xpos: "WDT" or "WP" };

    /// <summary>Verbs of telling that a refusal can govern ('declined to comment', 'refused to speak to reporters').</summary>
    private static readonly HashSet<string> Telling = new(
        ["comment", "speak", "talk", "discuss", "elaborate", "respond", "answer", "say", "confirm", "disclose", "reveal", "name", "identify", "specify", "explain", "detail"],
        StringComparer.Ordinal);

    /// <summary>What one gives when one tells ('refused to give any more details', 'declined to provide an estimate').</summary>
    private static readonly HashSet<string> Particulars = new(
        ["detail", "comment", "information", "specific", "explanation", "answer", "name", "figure", "estimate", "interview", "statement", "reason", "timeline"],
        StringComparer.Ordinal);

    /// <summary>
    /// True for a refusal whose act is telling ('declined to comment', 'refused to speak to
    /// reporters', 'refused to give any more details'): CAMEO's declining comment (011), which
    /// rejects no one, not a rejection (12) of whomever the telling would have reached.
    /// </summary>
    private static bool RefusesToSpeak(Word verb) =>
        verb.Lemma.ToLowerInvariant() is "refuse" or "decline" && verb.Child("xcomp") is { } act
        && (Telling.Contains(act.Lemma.ToLowerInvariant())
            || (act.Lemma.ToLowerInvariant() is "give" or "provide" or "offer" or "release" && act.Child("obj") is { } told && Particulars.Contains(told.Lemma.ToLowerInvariant())));

    /// <summary>
    /// True for an act of protest, coercion or force (14-20) in the simple present without an
    /// auxiliary ('thug Putin kills journalists', 'the regime jails reporters'): said inside a
    /// quotation, it is what someone habitually does. Headlines use that tense for what happened,
    /// so only quoted speech counts; statements ('we urge', 'I accuse') are acts in themselves.
    /// </summary>
    private static bool IsHabitualInSpeech(Word verb, string code) =>
        verb.Xpos is "VBZ" or "VBP" && string.CompareOrdinal(code[..2], "14") >= 0 && string.CompareOrdinal(code[..2], "20") <= 0
        && !verb.Children.Any(c => c.BaseRelation is "aux" or "aux:pass" or "cop");

    /// <summary>
    /// True for a present participle describing a noun with a cooperative act ('the main super PAC
    /// supporting her', 'the PACs backing Kasich', 'a group working with Sanders'): what the noun
    /// stands for, not something that happened. Acts of conflict keep their event ('troops firing
    /// on protesters').
    /// </summary>
    private static bool IsStandingParticiple(Word verb, string code) =>
        verb.Relation == "acl" && verb.Xpos == "VBG" && IsCooperative(code);

    /// <summary>The last word of a participant's text, lower case ('magazine' of 'Freedom Magazine'); null without one.</summary>
    private static string? HeadWord(string text, Participant participant)
    {
        if (participant.Span is not { } span)
        {
            return null;
        }

        var words = text[span.Start..span.End].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? null : words[^1].ToLowerInvariant();
    }

    /// <summary>Verbs whose bare sense is a consultation (04) in news: meeting, visiting, talking, calling.</summary>
    private static readonly HashSet<string> Consulting = new(["meet", "visit", "talk", "discuss", "consult", "negotiate", "hold", "call", "telephone", "phone", "contact"], StringComparer.Ordinal);

    /// <summary>
    /// True for a consultation (04) by the bare sense of a verb that seldom means one in news: joining,
    /// introducing, inviting, facing, gathering, uniting, welcoming, considering ('introduced him as a
    /// fighter', 'joined by other leaders', 'faced a rebellion', 'hosted a watch party'). On the judged
    /// political news of all three pools such readings were right about one time in ten; meeting,
    /// visiting, talking and calling stay, and hosting talks ('hosted the dialogue').
    /// </summary>
    private static bool IsLooseConsultation(string code, string lemma, string? targetHead) =>
        code[..2] == "04" && !Consulting.Contains(lemma) && !(lemma == "host" && targetHead is not null && IsEventNoun(targetHead));

    /// <summary>Verbs whose bare sense is praise or endorsement (05) in news.</summary>
    private static readonly HashSet<string> Endorsing = new(["endorse", "praise", "applaud", "commend", "hail", "laud", "congratulate", "side", "back", "defend"], StringComparer.Ordinal);

    /// <summary>
    /// True for praise or support (05) by the bare sense of a verb that seldom means an act of it in
    /// news: supporting, favoring, preferring, celebrating, thanking, respecting ('older people support
    /// Mrs. Clinton', 'Demographics favor Clinton', 'celebrated with supporters'): a standing view or a
    /// campaign's ritual. On the judged political news of all three pools such readings were right about
    /// one time in five; endorsing, praising, applauding and siding with stay.
    /// </summary>
    private static bool IsLooseSupport(string code, string lemma) => code[..2] == "05" && !Endorsing.Contains(lemma);

    /// <summary>True for CAMEO's intents to cooperate (03), material cooperation (06), aid (07) and yielding (08).</summary>
    private static bool IsDiplomaticRegister(string code) => code[..2] is "03" or "06" or "07" or "08";

    /// <summary>An assault on a website or by hackers is CAMEO's cybernetic attack (176), not a physical one.</summary>
    private static string Cybernetic(string code, string text, Participant actor, Participant target, System.Collections.Immutable.ImmutableArray<TokenData> tokens, string[] lower)
    {
        // 'the attacks to the Church of Scientology website': the name is the owner, the noun after it the thing attacked.
        if (code[..2] is "18" or "19" && target.Span is { } owner && TokenSearch.FirstEndingAfter(tokens, owner.End) is var next && next < lower.Length
            && Cyber.Any(w => lower[next].StartsWith(w, StringComparison.Ordinal)))
        {
            return "176";
        }

        if (code[..2] is not ("18" or "19"))
        {
            return code;
        }

        foreach (var p in (ReadOnlySpan<Participant>)[actor, target])
        {
            if (p.Span is { } span && Cyber.Any(w => text.AsSpan(span.Start, span.Length).Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                return "176";
            }
        }

        return code;
    }

    /// <summary>True when more quotation marks open than close in the sentence before <paramref name="at"/>; two apostrophes ('' …'', as some papers print quotes) count as a straight mark, and `` as an opening one.</summary>
    private static bool InsideQuotation(string text, TextSpan sentence, int at)
    {
        int open = 0, close = 0, straight = 0;
        for (var i = sentence.Start; i < at; i++)
        {
            var pair = i + 1 < at && text[i + 1] == text[i];
            switch (text[i])
            {
                case '“':
                    open++;
                    break;
                case '”':
                    close++;
                    break;
                case '"':
                    straight++;
                    break;
                case '\'' when pair && open > close:
                    close++; // closes a `` quotation
                    i++;
                    break;
                case '\'' when pair:
                    straight++; // else it alternates, as a straight mark does
                    i++;
                    break;
                case '`' when pair:
                    open++;
                    i++;
                    break;
            }
        }

        return open > close || straight % 2 == 1;
    }
}
