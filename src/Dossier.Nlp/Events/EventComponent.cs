using Dossier.Annotations;
using Dossier.Nlp.Learning;
using Dossier.Text;

namespace Dossier.Nlp.Events;

/// <summary>
/// Codes events with CAMEO on the dependency tree: a verb of PETRARCH2's dictionary (or an event
/// noun: 'bombing', 'talks', 'phone call') whose agent — the subject, the 'by' phrase of a passive,
/// the controller of 'agreed to …' — is the actor and whose patient — the object, the passive
/// subject, an 'against'/'on'/'with' complement — is the target. Negated, planned and supposed
/// events are kept with their <see cref="EventMode"/>, never as having happened. Each event has a
/// confidence from its <see cref="ConfidenceModel"/> over <see cref="EventEvidence"/> (what filled its roles, how it was read); the time of
/// its own clause is when (<see cref="EventSyntax.OwnTime"/>), a place after 'in'/'at' where, and
/// mentions of one act of force share a happening.
/// </summary>
public sealed partial class EventComponent : IDocumentComponent
{
    private static readonly Dictionary<string, string> Roots = DataFile.ReadEmbedded(typeof(EventComponent).Assembly, "Dossier.Nlp.Events.cameo-roots.tsv")
        .ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);

    private static readonly ILookup<string, (string Code, string? Before)> Nouns = DataFile.ReadEmbedded(typeof(EventComponent).Assembly, "Dossier.Nlp.Events.event-nouns.tsv")
        .ToLookup(r => r[0], r => (r[1], r.Length > 2 ? r[2] : null), StringComparer.Ordinal);

    /// <summary>The words that make an assault cybernetic (CAMEO 176): a website, a server or a computer attacked, or hackers attacking ('site' and 'network' are left out: a bomb site, a militant network).</summary>
    private static readonly string[] Cyber = ["website", "web site", "server", "homepage", "computer", "hacker", "database", "cyber"];

    /// <summary>The verbs of perception PETRARCH2 codes as statements (its OBSERVE class, 010): a statement only with the content they report ('noted that …').</summary>
    private static readonly HashSet<string> Perceptions = new(["see", "saw", "watch", "view", "witness", "observe", "notice", "note"], StringComparer.Ordinal);

    /// <summary>Verbs of wanting and expecting, which PETRARCH2 codes by their bare sense as intent (030) or demand (100): an event only where a pattern of theirs names one ('want peace talks').</summary>
    private static readonly HashSet<string> Attitudes = new(["want", "need", "expect", "hope", "wish"], StringComparer.Ordinal);

    /// <summary>Verbs of PETRARCH2's APPREHEND class (171) whose everyday senses are not seizing ('took a job', 'took over operations', 'caught the show'): coded by their bare sense only with an actor-like target.</summary>
    private static readonly HashSet<string> Grasping = new(["take", "catch", "grab", "snatch", "get"], StringComparer.Ordinal);

    /// <summary>What follows 'seize' or 'pounce' when it means making use of something ('seized on the report', 'pounced upon the remark').</summary>
    private static readonly HashSet<string> Upon = new(["on", "upon"], StringComparer.Ordinal);

    private static readonly HashSet<string> PlacePrepositions = new(["in", "at", "near", "to", "from"], StringComparer.Ordinal);

    private static readonly Lazy<ConfidenceModel> Shipped = new(() => ConfidenceModel.Embedded("Dossier.Nlp.Events.event-confidence.tsv"));

    private readonly VerbLexicon _verbs;
    private readonly ConfidenceModel _confidence;

    /// <summary>
    /// The confidence from which the brief shows an event (the JSON holds all): an event's confidence is the
    /// confidence model's estimate that a careful reader would sign its code, actor and target,
    /// and the shipped model's <see cref="ConfidenceModel.ShownThreshold"/> is the lowest confidence at which
    /// the events shown were right at the target share (configs/events.json) on judged pools the model was not
    /// trained on (each pool left out once).
    /// </summary>
    public static double ShownConfidence => DefaultConfidence.ShownThreshold;

    /// <summary>The confidence model shipped with the coder (src/Dossier.Nlp/Events/event-confidence.tsv, written by <c>dossier train events</c>).</summary>
    public static ConfidenceModel DefaultConfidence => Shipped.Value;

    /// <summary>Creates the component with a verb dictionary (PETRARCH2's CAMEO.2.0 by default).</summary>
    public EventComponent(VerbLexicon? verbs = null, ConfidenceModel? confidence = null) =>
        (_verbs, _confidence) = (verbs ?? VerbLexicon.Default, confidence ?? DefaultConfidence);

    /// <inheritdoc/>
    public string Name => "events";

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Needs { get; } = [Layers.Tokens, Layers.Sentences, Layers.Words, Layers.Mentions, Layers.Times];

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Adds { get; } = [Layers.Events];

    /// <summary>The CAMEO root's label of a code ('036' → 'consult').</summary>
    public static string LabelOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Length >= 2 && Roots.TryGetValue(code[..2], out var label) ? label : "event";
    }

    /// <summary>True for a lower-cased word of event-nouns.tsv ('talks', 'bombing').</summary>
    internal static bool IsEventNoun(string lower) => Nouns.Contains(lower);

    /// <summary>True for the roots of cooperation (01–08), where an 'against' complement names an adversary, not the partner.</summary>
    private static bool IsCooperative(string code) => string.CompareOrdinal(code[..2], "09") < 0;

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken) =>
        document.Set(Layers.Events, [.. Code(document, cancellationToken).Select(e => e.Event)]);

    /// <summary>The document's events (as <see cref="Process"/> adds them), each with what the confidence model weighed.</summary>
    public IReadOnlyList<(EventData Event, EventEvidence Evidence)> Code(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var tokens = document.Get(Layers.Tokens);
        var lower = new string[tokens.Length];
        for (var t = 0; t < tokens.Length; t++)
        {
            lower[t] = text.Substring(tokens[t].Span.Start, tokens[t].Span.Length).ToLowerInvariant();
        }

        var allMentions = document.Get(Layers.Mentions);
        var mentions = allMentions.Where(m => MentionLabels.Named.Contains(m.Label)).ToList();
        var times = document.Get(Layers.Times);
        var words = document.Get(Layers.Words);
        var referred = new Dictionary<TextSpan, string>(); // each resolved pronoun and the label of the name it refers to
        foreach (var r in document.GetOrEmpty(Layers.References))
        {
            referred.TryAdd(r.Span, allMentions[r.Mention].Label);
        }

        var events = new List<EventData>();
        var found = new List<Found>();
        var nounEvents = new Dictionary<int, int>();
        var coded = new Dictionary<int, string>();

        // Each parse piece (a sentence, or a part of a run-on one) is looked at once for its names and times.
        var pieceFirst = -1;
        var piece = default(TextSpan);
        int a = 0, b = 0;
        List<MentionData> inSentence = [];
        List<TimeData> sentenceTimes = [];
        var question = false;
        var quotedQuestion = false;
        for (var k = 0; k < words.Length; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var word = Word.Create(document, k);
            var token = word.Data.Token;
            if (k > 0 && words[k - 1].Token == token)
            {
                continue; // one trigger per token ('cannot' is 'can' + 'not')
            }

            if (word.Data.First != pieceFirst)
            {
                pieceFirst = word.Data.First;
                var last = words[pieceFirst + word.Data.Count - 1];
                piece = new TextSpan(words[pieceFirst].Span.Start, last.Span.End);
                (a, b) = (words[pieceFirst].Token, last.Token + 1);
                inSentence = SpanSearch.Within(mentions, piece);
                sentenceTimes = SpanSearch.Within(times, piece);
                var end = text.AsSpan(piece.Start, piece.Length).TrimEnd();
                question = end.TrimEnd("\"'”’)").EndsWith("?", StringComparison.Ordinal);

                // '… writing "How can people look at both sides?"': the question is the quotation's, not the events' outside it.
                quotedQuestion = question && end.Length > 0 && end[^1] is '"' or '”' or '\'' or '’';
            }

            if (inSentence.Any(m => m.Span.Contains(tokens[token].Span)))
            {
                continue;
            }

            var nominal = word.Upos == UPos.NOUN;
            var passive = !nominal && EventSyntax.IsPassive(word);
            var match = !nominal && word.Upos == UPos.VERB ? _verbs.Match(lower, token, EventSyntax.PatternEnd(word, tokens, b), passive ? a : -1, passive ? AgentToken(word, tokens) : -1) : null;
            var (length, code, specific, byPattern, motion, patternWords, creates) = nominal ? (Noun(lower, token, a) is { } noun ? (1, noun, true, true, false, (int[])[], false) : (0, null, false, false, false, [], false))
                : match is { } verb ? (verb.Length, verb.Code, verb.Specific, verb.ByPattern, verb.Motion, verb.PatternWords, verb.Creates)
                : (0, null, false, false, false, [], false);
            if (code is null)
            {
                continue;
            }

            if (match is { } matched && HasUnnamedParticle(word, matched))
            {
                continue; // 'took the troops out', 'calls out companies': a phrasal verb the dictionary does not hold
            }

            if (creates && !byPattern)
            {
                continue; // 'the organization founded by L. Ron Hubbard': what is founded did not exist to be acted upon
            }


            if (!nominal && EventSyntax.IsNaming(word))
            {
                continue; // 'a group called the Sea Org', 'also known as Jafar', 'called Burma a "good news story"': a name, not a call
            }

            if (!nominal && !byPattern && Attitudes.Contains(word.Lemma.ToLowerInvariant()))
            {
                continue; // 'they want justice for Terrence', 'expects Holt to insert himself', 'Clinton needs to …': a wish, not an act (the act wished is coded, as planned)
            }

            if (!nominal && code == "010" && Perceptions.Contains(word.Lemma.ToLowerInvariant()) && !ReportsContent(word))
            {
                continue; // 'noted that …', '…, he noted' are statements; 'the nation is watching Virginia', 'saw Burma as …' are not
            }

            if (!nominal && (IsHabitual(word) || IsStandingParticiple(word, code)))
            {
                continue; // 'the agency that oversees the program', 'which allows investors to …': a standing relation, not a happening
            }

            var verbLemma = word.Lemma.ToLowerInvariant();
            if (!nominal && (!byPattern || verbLemma is "seize" or "pounce" || Grasping.Contains(verbLemma)) && code[..2] == "17" && word.Child("obj") is null && word.Children.Any(c => c.BaseRelation == "obl" && EventSyntax.Preposition(c) is { } p && Upon.Contains(p)))
            {
                continue; // 'Politifact seized on Trump's claim', 'is seizing upon a report': made use of, not taken; 'taking on protesters': confronting them
            }

            if (!nominal && !byPattern && Grasping.Contains(verbLemma) && word.Child("obj") is { } taken && EventSyntax.Resolve(taken, inSentence, actor: false).Kind == ParticipantKind.Other)
            {
                continue; // 'has taken frequent shots at Mr. Trump', 'took aim at', 'took steps against': the object is the act and the verb light, no seizure of whom the act is aimed at
            }

            if (!nominal && !byPattern && IsQuestion(word, code))
            {
                continue; // 'asked Trump about his statements', '"But why?" she asked him': a question is no appeal
            }

            if (!nominal && !byPattern && verbLemma == "engage" && word.Child("obj") is null)
            {
                continue; // 'Republicans are engaged in mischief': ENGAGE's default (190) is engaging an enemy; 'engaged in …' codes only by its patterns ('in talks')
            }

            if (!nominal && !byPattern && verbLemma == "campaign")
            {
                continue; // 'campaigned with Trump', 'campaigned on his wife's behalf': electioneering, neither a demand (DEMAND's default) nor force
            }

            if (!nominal && !byPattern && verbLemma == "mean" && word.Child("xcomp") is null)
            {
                continue; // 'it means Trump may not have paid': signifies; only 'meant to …' is an intention
            }

            if (!nominal && code[..2] is "11" && IsLegalCharge(word))
            {
                code = "173"; // 'was charged with taking hard drives', 'charged him with murder': charged with legal action, not accused in words (112, 1121)
            }

            if (nominal && word.BaseRelation == "obj" && word.Head is { } light && coded.TryGetValue(light.Index, out var lightCode) && lightCode[..2] == code[..2])
            {
                continue; // 'held talks', 'carried out an attack': the verb's event is this one
            }

            var trigger = new TextSpan(tokens[token].Span.Start, tokens[token + length - 1].Span.End);
            var (actor, target, inherited, subject) = nominal ? NounRoles(word, code, inSentence) : VerbRoles(word, code, passive, inSentence);
            var definite = nominal && IsDefinite(word);
            (actor, target) = (NotATime(actor, sentenceTimes), NotATime(target, sentenceTimes));
            if (!nominal && verbLemma == "discuss")
            {
                // 'discussed the absence of Latinos': what is discussed is a topic; the partner is the one discussed with.
                var with = word.Children.Where(c => c.BaseRelation == "obl" && EventSyntax.Preposition(c) == "with").Select(c => (Word?)c).FirstOrDefault();
                target = EventSyntax.Resolve(with, inSentence, actor: false);
            }

            if (!nominal && RefusesToSpeak(word))
            {
                (code, target) = ("011", Participant.Nobody); // 'declined to comment', 'refused to speak to reporters': declining comment rejects no one
            }

            var link = -1;
            if (IsViolent(code) && subject is { } doer && nounEvents.TryGetValue(doer.Index, out var named) && IsViolent(events[named].Code))
            {
                // 'the bombing that killed 13': the killing is the bombing, done by the bomber, not by 'Kabul'.
                (link, actor, inherited) = (named, found[named].Actor, true);
            }

            if (motion && !byPattern && code[..2] == "04")
            {
                // // 'traveled to Florida', 'came to the conclusion', 'left the Sea Org', 'left weapons in
                // Afghanistan': moving is no interaction; it is a visit (042) only when a named party
                // goes to a state ('the team arrived in Washington' is a journey, not a visit).
                if (word.Child("obj") is not null || Destination(word, inSentence) is not { } state || !(actor.Kind == ParticipantKind.Named && IsActorLike(actor, inSentence)))
                {
                    continue;
                }

                (code, target) = ("042", new Participant(state, ParticipantKind.Named));
            }

            if (target is { Kind: ParticipantKind.Other, Span: { } phrase } && !passive && patternWords.Any(t => phrase.Contains(tokens[t].Span)))
            {
                // 'exchanged artillery fire': the pattern's word in a thing is the act, not the one acted upon ('arrested protesters' names its target).
                target = Participant.Nobody;
            }

            if (target.Kind == ParticipantKind.Other && (!IsForce(code) || (!byPattern && Grasping.Contains(verbLemma))))
            {
                // A thing acted upon ('controlled territory', 'shows progress', 'made the trip') is
                // no party to an interaction: where a pattern's content word named it ('requested
                // donations') it belongs to the predicate and the event has no target; a verb coded
                // by its bare sense with a thing as object is no event. A thing that is itself an act
                // ('hosted the dialogue', 'joined the talks') stays: the verb serves that act.
                var act = target.Span is { } thing && IsEventNoun(lower[TokenSearch.FirstEndingAfter(tokens, thing.End - 1)]);
                if (!(byPattern || nominal || act))
                {
                    continue;
                }

                // In a passive the act as subject is what was done, not whom it was done to ('a lawsuit was filed by Podliska').
                target = act && !passive ? target : Participant.Nobody;
            }

            if (passive && !specific && actor.Span is null && !BefallsAPerson(code)
                && !(target.Kind == ParticipantKind.Agent || (target.Kind == ParticipantKind.Named && !inSentence.Any(m => m.Span == target.Span && m.Label is "PER" or "FAC"))))
            {
                // 'Lee was defeated', 'he was taken to', 'it is needed': a passive that names no doer
                // is an interaction only where the act is coercion ('he was arrested') or befalls a
                // state, an organisation or a body ('the Philippines was criticized', 'the militia was freed').
                continue;
            }

            // CAMEO codes interactions between actors: a verb coded by its bare sense ('went', 'made')
            // needs an actor-like target and, unless passive, an actor-like actor (as PETRARCH needs
            // both in its dictionaries); a statement needs an actor-like speaker; any other event
            // needs one actor-like participant.
            code = Cybernetic(code, text, actor, target, tokens, lower);
            if (!nominal && !byPattern && IsViolent(code) && (InContest(word) || OutdoesAPerson(word, actor, target, inSentence, referred)))
            {
                continue; // 'was defeated in this constituency', 'defeating Lee by five thousand votes', 'beat Spain in the final', 'Clinton narrowly defeated him': a contest, not force
            }

            if (!nominal && !byPattern && IsViolent(code) && target.Kind is ParticipantKind.Named or ParticipantKind.Pronoun or ParticipantKind.Agent && (IsVerbal(word, HeadWord(text, actor)) || AttacksAPersonInWords(word, actor, target, inSentence, referred)))
            {
                code = "111"; // 'Clinton blasted him for not paying income tax', 'the magazine attacked defectors', 'slammed him in a statement': criticism, not force
            }

            if (nominal && IsViolent(code) && Assailing.Contains(word.Lemma.ToLowerInvariant()) && IsPerson(actor, inSentence, referred) && !IsPlace(target, inSentence))
            {
                code = "111"; // 'his recent attacks on Trump', 'Mr. Trump's attacks on immigrants': a person's attacks in public life are words
            }

            if (!nominal && !byPattern && code[..2] == "17" && !Grasping.Contains(verbLemma) && IsPerson(target, inSentence, referred) && SaidThrough(word))
            {
                code = "111"; // 'prosecuted Sanders at the debate': a legal or coercive verb said of a person in a debate or a statement is criticism
            }

            if (!nominal && IsChallengeToAContest(word))
            {
                continue; // 'challenged Hillary Clinton to debate him': a dare between rivals
            }

            var actorLike = IsActorLike(actor, inSentence);
            var targetLike = IsActorLike(target, inSentence);
            if (code[..2] == "01" ? !actorLike : specific ? !(actorLike || targetLike) && !(definite && IsViolent(code)) : !(targetLike && (actorLike || (passive && actor.Span is null))))
            {
                continue;
            }

            var when = EventSyntax.OwnTime(word, [.. sentenceTimes.Where(t => t.Type is "DATE" or "TIME")]);
            var where = inSentence.Where(m => m.Label is "GPE" or "LOC" or "FAC" && m.Span.Start > tokens[a].Span.Start && m.Span != actor.Span && m.Span != target.Span
                    && PlacePrepositions.Contains(lower[TokenSearch.FirstEndingAfter(tokens, m.Span.Start) - 1]))
                .Select(m => (TextSpan?)m.Span).FirstOrDefault();
            var quoted = InsideQuotation(text, piece, trigger.Start);
            if (quoted && !nominal && IsHabitualInSpeech(word, code))
            {
                continue; // '"thug Putin kills journalists"': what a speaker says someone does, not something that happened
            }

            var mode = EventSyntax.Mode(word, question && (quoted || !quotedQuestion));
            // Readings the rules doubt: intents, material cooperation, aid and yielding by a verb's bare sense ('pledged
            // to', 'gave', 'donated', 'allowed', 'voted to'), consultations and praise by verbs that seldom mean them
            // ('introduced', 'supports'), seizing by a bare verb and a named person's force by a verb that names no harm
            // (DoubtfulForce); and, however coded, a politician's thanks to their own supporters, a bloc of voters
            // backing a candidate and a visit to a thing ('the grave of Theodor Herzl'). The confidence model weighs them.
            var targetHead = HeadWord(text, target);
            var doubtfulBareSense = !nominal && !byPattern
                && (IsDiplomaticRegister(code) || IsLooseConsultation(code, verbLemma, targetHead) || IsLooseSupport(code, verbLemma) || DoubtfulForce(word, code, actor, inSentence, referred));
            var campaignReading = AddressesOwnAudience(code, targetHead) || IsBlocSupport(word, code, actor, HeadWord(text, actor), inSentence) || IsVisitToAThing(word, code, target, targetHead, inSentence);
            var acted = target.Span == actor.Span ? Participant.Nobody : target; // an act upon oneself has no target
            var evidence = new EventEvidence(
                code[..2], word.Xpos, word.BaseRelation, verbLemma, Kind(actor, referred), Kind(acted, referred),
                IsPerson(actor, inSentence, referred), IsPlace(target, inSentence), nominal, passive, inherited, quoted, byPattern, definite, doubtfulBareSense, campaignReading);
            var confidence = Math.Round(_confidence.Probability(evidence.Features()), 2);

            if (nominal)
            {
                nounEvents[word.Index] = events.Count;
            }
            else
            {
                coded[word.Index] = code;
            }

            found.Add(new Found(actor, acted, definite, link, evidence));
            events.Add(new EventData(piece, code, LabelOf(code), actor.Span, acted.Span, when, where, trigger, mode, confidence));
        }

        return [.. Happenings(text, events, found, referred)];
    }

    /// <summary>What the coder found for one event, beyond what <see cref="EventData"/> keeps: how its roles were filled and whether it refers back.</summary>
    private readonly record struct Found(Participant Actor, Participant Target, bool Definite, int Link, EventEvidence Evidence);

    /// <summary>True when a verb reports a clause: a complement ('noted that …'), or a clause it is set beside or follows without an object of its own ('Crops are withering, he noted', however the parser attaches it).</summary>
    private static bool ReportsContent(Word verb) =>
        verb.BaseRelation == "parataxis"
        || verb.Children.Any(c => c.BaseRelation is "ccomp" or "parataxis" || (c.BaseRelation == "advcl" && c.Index < verb.Index && verb.Child("obj") is null));

    /// <summary>The first token of a passive verb's 'by' phrase (<see cref="EventSyntax.Agent"/>) after it; -1 without one.</summary>
    private static int AgentToken(Word verb, System.Collections.Immutable.ImmutableArray<TokenData> tokens) =>
        EventSyntax.Agent(verb) is { } agent && agent.Span.Start > verb.Span.End ? TokenSearch.FirstEndingAfter(tokens, agent.Subtree.Start) : -1;

    /// <summary>True for the roots of coercion and force (17–20), whose targets may be things: computers seized, a website attacked, a border closed.</summary>
    private static bool IsForce(string code) => code[..2] is "17" or "18" or "19" or "20";

    /// <summary>The state a motion verb reaches: a place name (GPE) that is itself the complement of 'to', 'into', 'in' or 'for' ('traveled to China'), not a modifier of a building ('went to the East Los Angeles sheriff's station').</summary>
    private static TextSpan? Destination(Word verb, List<MentionData> named)
    {
        foreach (var c in verb.Children)
        {
            if (c.BaseRelation is "obl" && EventSyntax.Preposition(c) is "to" or "into" or "in" or "for"
                && named.FirstOrDefault(m => m.Label == "GPE" && m.Span.Contains(c.Span)) is { Label: not null } place)
            {
                return place.Span;
            }
        }

        return null;
    }

    /// <summary>True for the roots of force: assault (18), fight (19), mass violence (20).</summary>
    private static bool IsViolent(string code) => code[..2] is "18" or "19" or "20";

    /// <summary>True for a noun with 'the', 'this', 'that' or a possessor: it names a happening the reader already knows of.</summary>
    private static bool IsDefinite(Word noun) => noun.Children.Any(c => c.Relation == "nmod:poss"
        || (c.BaseRelation == "det" && c.Lemma.ToLowerInvariant() is "the" or "this" or "that" or "these" or "those"));

    /// <summary>
    /// Joins the mentions of one act of force within the document: a verb whose subject is an
    /// event noun ('the bombing that killed 13'), and a definite event noun ('the attack', 'the 2021
    /// bombing', 'that atrocity') that agrees in time and actor with the latest such happening
    /// before it. A happening's mentions share its most specific date and its actor, so the attack
    /// is dated when it happened, not when it was reported.
    /// </summary>
    private IEnumerable<(EventData, EventEvidence)> Happenings(string text, List<EventData> events, List<Found> found, Dictionary<TextSpan, string> referred)
    {
        var group = new int[events.Count];
        Array.Fill(group, -1);
        var groups = 0;
        for (var i = 0; i < events.Count; i++)
        {
            if (!IsViolent(events[i].Code))
            {
                continue;
            }

            var j = found[i].Link;
            if (j < 0 && found[i].Definite)
            {
                // The latest agreeing act of force within the 2,000 characters before it that is said to have happened (not "hasn't hurt him", "could attack").
                for (var k = i - 1; k >= 0 && events[k].Span.End > events[i].Span.Start - 2000; k--)
                {
                    if (IsViolent(events[k].Code) && events[k].Mode == EventMode.Asserted && Agree(text, events[k], events[i]))
                    {
                        j = k;
                        break;
                    }
                }
            }

            if (j >= 0)
            {
                group[i] = group[j] >= 0 ? group[j] : (group[j] = groups++);
            }
        }

        var members = Enumerable.Range(0, events.Count).Where(i => group[i] >= 0).GroupBy(i => group[i]).ToDictionary(g => g.Key, g => g.ToList());
        for (var i = 0; i < events.Count; i++)
        {
            var (e, f) = (events[i], found[i]);
            if (group[i] < 0)
            {
                yield return (e, f.Evidence);
                continue;
            }

            var all = members[group[i]];
            var when = all.Select(k => events[k].When).Where(v => v is not null).OrderByDescending(v => v!.Length).FirstOrDefault();
            var best = all.Where(k => found[k].Actor.Span is not null).OrderBy(k => found[k].Actor.Kind).Select(k => found[k]).FirstOrDefault();
            var (actor, evidence) = f.Actor.Span is null && best.Actor.Span is not null
                ? (best.Actor, f.Evidence with { ActorKind = Kind(best.Actor, referred), ActorIsPerson = best.Evidence.ActorIsPerson, Inherited = true })
                : (f.Actor, f.Evidence);
            if (actor.Span is null && f.Target.Span is null)
            {
                continue; // 'the attack' with nobody named anywhere: nothing to show
            }

            yield return (e with
            {
                Actor = actor.Span,
                When = when,
                Happening = group[i],
                Confidence = Math.Round(_confidence.Probability(evidence.Features()), 2),
            }, evidence);
        }
    }

    /// <summary>True when <paramref name="later"/> can name the happening of <paramref name="earlier"/>: their dates do not differ (one may refine the other) and neither names another actor.</summary>
    private static bool Agree(string text, EventData earlier, EventData later)
    {
        var sameDate = earlier.When is null || later.When is null || earlier.When.StartsWith(later.When, StringComparison.Ordinal) || later.When.StartsWith(earlier.When, StringComparison.Ordinal);
        var sameActor = earlier.Actor is not { } a || later.Actor is not { } b
            || text.AsSpan(a.Start, a.Length).Contains(text.AsSpan(b.Start, b.Length), StringComparison.OrdinalIgnoreCase)
            || text.AsSpan(b.Start, b.Length).Contains(text.AsSpan(a.Start, a.Length), StringComparison.OrdinalIgnoreCase);
        return sameDate && sameActor;
    }

    /// <summary>True for a participant that can act in public life: a named person, group or state (not a place), an agent noun ('police') or a personal pronoun.</summary>
    private static bool IsActorLike(Participant p, List<MentionData> named) => p.Kind switch
    {
        ParticipantKind.Named => !named.Any(m => m.Span == p.Span && m.Label is "LOC" or "FAC"),
        ParticipantKind.Agent or ParticipantKind.Pronoun => true,
        _ => false,
    };

    /// <summary>
    /// True for the roots whose passive with no doer still reports an interaction with the one it befalls, a person
    /// included: coercion ('he was arrested'), a rejection ('they were denied visas') and a concession ('he was
    /// released', 'they were granted asylum'); unlike a contest or a motion ('Lee was defeated', 'he was taken to').
    /// </summary>
    private static bool BefallsAPerson(string code) => code[..2] is "17" or "12" or "08";

    /// <summary>The participant, or nobody when its phrase is a time ('on Thursday' read as an object).</summary>
    private static Participant NotATime(Participant p, List<TimeData> times) =>
        p.Span is { } span && times.Any(t => t.Span.Overlaps(span)) ? Participant.Nobody : p;

    /// <summary>A verb's actor and target, whether the actor was taken from a governing verb, and the verb's subject word (also for a passive).</summary>
    private static (Participant Actor, Participant Target, bool Inherited, Word? Subject) VerbRoles(Word verb, string code, bool passive, List<MentionData> named)
    {
        var (subject, inherited) = EventSyntax.Subject(verb);
        var agent = passive ? EventSyntax.Agent(verb) : subject;
        if (!passive && code[..2] == "01")
        {
            // A statement's target is whom it is made to, not a party it speaks of ('says Trump absolutely right') nor where
            // ('said at the gala'); a thing said stays the target, so that the statement is judged as any act upon a thing.
            var addressee = EventSyntax.Resolve(EventSyntax.Addressee(verb), named, actor: false);
            var said = EventSyntax.Resolve(verb.Child("obj"), named, actor: false);
            return (EventSyntax.Resolve(agent, named, actor: true), addressee.Span is null && said.Span is not null && !IsActorLike(said, named) ? said : addressee, inherited, subject);
        }

        var cooperative = IsCooperative(code);
        var patient = EventSyntax.Patient(verb, passive, cooperative, code[..2] is "02" or "05" or "10" or "11" or "12" or "13");
        var target = EventSyntax.Resolve(patient, named, actor: false);
        // 'asked taxes from religious schools', 'demanded an apology from Beijing': one asks something of the one it is asked from.
        string[] source = code[..2] is "02" or "10" ? ["from"] : [];
        if (!passive && !IsActorLike(target, named) && (EventSyntax.Oblique(verb, cooperative, source) ?? (patient is { } thing ? EventSyntax.NestedOblique(thing, cooperative, source) : null)) is { } oblique
            && EventSyntax.Resolve(oblique, named, actor: false) is var at && IsActorLike(at, named))
        {
            target = at; // 'fired 36 shells at KPA posts', 'exchanged fire with the South': the one fired at, not the shells
        }

        return (EventSyntax.Resolve(agent, named, actor: true), target, inherited && !passive, subject);
    }

    private static (Participant Actor, Participant Target, bool Inherited, Word? Subject) NounRoles(Word noun, string code, List<MentionData> named)
    {
        var (agent, inherited) = EventSyntax.NounAgent(noun, named);
        // 'the arrest of X', 'the attack on X', 'talks with X'; 'of' names the patient of coercion and violence only.
        // 'drew criticism for his travel ban', 'came under attack': the subject of a verb of receiving.
        var patient = EventSyntax.Oblique(noun, IsCooperative(code), code[..2] is "17" or "18" or "19" or "20" ? ["of"] : []) ?? EventSyntax.Receiver(noun);
        if (code.Length >= 3 && code[..3] is "173" or "174" or "175" && agent is { Relation: "nmod:poss" } possessor)
        {
            // 'his arrest', 'Sharifullah's detention', 'her deportation': the one arrested; but 'Trump's
            // travel ban', 'the government's closure of the border': the one who imposes it.
            (agent, patient, inherited) = (null, possessor, false);
        }

        return (EventSyntax.Resolve(agent, named, actor: true), EventSyntax.Resolve(patient, named, actor: false), inherited, null);
    }

    /// <summary>How the confidence model sees a participant: its kind, a pronoun that the coreference component did not resolve to a name ('they', 'it', 'I', 'we') as no one.</summary>
    private static string Kind(Participant p, Dictionary<TextSpan, string> referred) =>
        (p.Kind == ParticipantKind.Pronoun && p.Span is { } span && !referred.ContainsKey(span) ? ParticipantKind.None : p.Kind).ToString();

    private static string? Noun(string[] lower, int i, int sentenceStart)
    {
        foreach (var (code, before) in Nouns[lower[i]])
        {
            if (before is null || (i > sentenceStart && lower[i - 1] == before))
            {
                return code;
            }
        }

        return null;
    }
}
