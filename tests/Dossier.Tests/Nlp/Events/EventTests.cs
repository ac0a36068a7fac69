using Dossier.Annotations;
using Dossier.Evaluation.Events;
using Dossier.Nlp;
using Dossier.Nlp.Events;
using Dossier.Nlp.Figures;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Nlp.Events;

public class EventTests
{
    private static VerbLexicon Lexicon(string text) => VerbLexicon.Read(new StringReader(text));

    [Fact]
    public void Lexicon_ReadsForms_PhrasalVerbs_CodesAndObjectPatterns()
    {
        var lexicon = Lexicon("""
            &SYNSET
            +IGNORED
            ---  MEET_PEOPLE   [040]  ---
            +MEET_WITH {+MET_WITH +MEETS_WITH}
            MEET {MEETS MET MEETING}
            CONFRONT  # a comment
            - * (FOR TALKS)                                       [036:036]     # MEET
            ---  CANCEL   [---]  ---
            CLOSE
            - * BORDER                                            [172]         # CLOSE
            """);
        string[] Words(string s) => s.Split(' ');
        (int, string, bool)? Match(string s, int i, int end, int start = -1) => lexicon.Match(Words(s), i, end, start) is { } m ? (m.Length, m.Code, m.Specific) : null;
        Assert.Equal((2, "040", true), Match("met with the envoy", 0, 4)); // a phrasal verb is specific
        Assert.Equal((1, "036", true), Match("met for talks", 0, 3)); // so is a pattern
        Assert.Equal((1, "040", false), Match("confronted him", 0, 2)); // regular -ed form; only the synset's default
        Assert.Null(Match("closed the office", 0, 3)); // synset without a code, no pattern
        Assert.Equal((1, "172", true), Match("closed the border", 0, 3));
        Assert.Equal((1, "172", true), Match("the border was closed", 3, 4, start: 0)); // passive: object before the verb
        Assert.Equal([2], lexicon.Match(Words("closed the border"), 0, 3)!.Value.PatternWords); // the pattern's word, which is the act, not a target
        Assert.True(lexicon.Match(Words("met for talks"), 0, 3)!.Value.ByPattern);
        Assert.False(lexicon.Match(Words("met with the envoy"), 0, 4)!.Value.ByPattern);
    }

    /// <summary>A passive's 'by' phrase is its doer: an object pattern does not match in it ('attacked by insurgents' is no '- * INSURGENTS'), a pattern that names 'by' does.</summary>
    [Fact]
    public void APassivesByPhrase_IsReadOnlyByPatternsThatNameBy()
    {
        var lexicon = Lexicon("""
            ---  BATTLE   [190]  ---
            ATTACK {ATTACKS ATTACKED ATTACKING}
            - * INSURGENTS                                        [062]         # ATTACK
            - * (BY TROOPS)                                       [050]         # ATTACK
            """);
        string[] Words(string s) => s.Split(' ');
        Assert.Equal("062", lexicon.Match(Words("attacked insurgents"), 0, 2)!.Value.Code);
        Assert.Equal("190", lexicon.Match(Words("attacked by insurgents"), 0, 3, agent: 1)!.Value.Code);
        Assert.Equal("050", lexicon.Match(Words("attacked by troops"), 0, 3, agent: 1)!.Value.Code);
    }

    [Fact]
    public void ShippedLexicon_HasPetrarchsVerbs()
    {
        Assert.True(VerbLexicon.Default.FormCount > 7_000, $"{VerbLexicon.Default.FormCount} verb forms");
        Assert.Equal("coerce", EventComponent.LabelOf("173"));
    }

    [Fact]
    public void Events_HaveActorTarget_PassiveSwapped_AndNegationMarked()
    {
        var doc = Models.Pipeline.Process("Pakistani police arrested Mohammad Sharifullah in Islamabad on May 7, 2024. The embassy was attacked by Taliban fighters. India did not attack Pakistan.");
        var events = doc.Get(Layers.Events);
        var arrest = Assert.Single(events, e => e.Code == "173");
        Assert.Equal("Pakistani police", doc.GetText(arrest.Actor!.Value));
        Assert.Equal("Mohammad Sharifullah", doc.GetText(arrest.Target!.Value));
        Assert.Equal("Islamabad", doc.GetText(arrest.Where!.Value));
        Assert.Equal("2024-05-07", arrest.When);
        var attack = Assert.Single(events, e => doc.GetText(e.Trigger!.Value) == "attacked");
        Assert.Equal("Taliban", doc.GetText(attack.Actor!.Value));
        Assert.Equal("embassy", doc.GetText(attack.Target!.Value));
        var denied = Assert.Single(events, e => doc.GetText(e.Trigger!.Value) == "attack");
        Assert.Equal(EventMode.Negated, denied.Mode);
    }

    [Fact]
    public void TheTargetOfAnActOnARelation_IsThePartyOfThatRelation()
    {
        // 'with Somalia' modifies 'ties', which is the 'of' phrase of the object 'resumption'.
        var doc = Models.Pipeline.Process("Kenya welcomed a resumption of diplomatic ties with Somalia after a long rift.");
        var welcomed = Assert.Single(doc.Get(Layers.Events), e => doc.GetText(e.Trigger!.Value) == "welcomed");
        Assert.Equal("Kenya", doc.GetText(welcomed.Actor!.Value));
        Assert.Equal("Somalia", doc.GetText(welcomed.Target!.Value));
    }

    // 'against the Tehreek-e-Taliban Pakistan', with the article before the hyphen-split name, is
    // misparsed by the parser trained on EWT and GUM ('against' as an adverb): a parse error, not the coder's.
    [Theory]
    [InlineData("Pakistan and China agreed to cooperate against Tehreek-e-Taliban Pakistan.", "Tehreek-e-Taliban Pakistan")]
    [InlineData("Pakistan and China agreed to cooperate against the TTP.", "TTP")]
    public void CooperationAgainstAGroup_HasTheGroupAsTarget_AndAnAgreementIsNotYetAnAct(string text, string group)
    {
        var doc = Models.Pipeline.Process(text);
        var cooperate = Assert.Single(doc.Get(Layers.Events), e => doc.GetText(e.Trigger!.Value) == "cooperate");
        Assert.Equal("Pakistan", doc.GetText(cooperate.Actor!.Value));
        Assert.Equal(group, doc.GetText(cooperate.Target!.Value));
        Assert.Equal(EventMode.Future, cooperate.Mode);
    }

    [Theory]
    [InlineData("North Korea threatened to attack South Korea.", "attack", EventMode.Future)]
    [InlineData("The army will meet rebel leaders next week.", "meet", EventMode.Future)]
    [InlineData("Police could arrest the protesters if they march.", "arrest", EventMode.Hypothetical)]
    [InlineData("Pakistan has no plans to hold talks with the TTP.", "hold", EventMode.Negated)]
    [InlineData("No rebels were killed in the clashes with the army on Monday, officials said.", "killed", EventMode.Negated)]
    [InlineData("Senator Tom Reed said he favored imposing heavy tariffs on China.", "imposing", EventMode.Future)]
    [InlineData("The biggest bombshell was an allegation from his first wife, Ann Lee, that Tom Reed had raped her.", "raped", EventMode.Alleged)]
    [InlineData("Ann Lee has claimed that the Church of Scientology imprisoned her for twelve years.", "imprisoned", EventMode.Alleged)]
    [InlineData("Police said they arrested two men in Peshawar.", "arrested", EventMode.Asserted)]
    public void ModeComesFromTheSentence_NeverAsserted_ForWhatDidNotHappen(string text, string trigger, EventMode mode)
    {
        var doc = Models.Pipeline.Process(text);
        var e = Assert.Single(doc.Get(Layers.Events), e => doc.GetText(e.Trigger!.Value) == trigger);
        Assert.Equal(mode, e.Mode);
        Assert.NotNull(e.Target); // the target of the act, also through 'threatened to …' and 'hold talks with …'
    }

    [Fact]
    public void AnActInADeniedClause_IsNegated_AndAMeetingsTopicIsNotItsPartner()
    {
        var doc = Models.Pipeline.Process("He rejected the impression that the Torkham border crossing was closed by Pakistan on February 21. Syed Atif Raza addressed a UN meeting on small arms.");
        var events = doc.Get(Layers.Events);
        var closed = Assert.Single(events, e => doc.GetText(e.Trigger!.Value) == "closed");
        Assert.Equal(EventMode.Negated, closed.Mode);
        Assert.DoesNotContain(events, e => e.Target is { } t && doc.GetText(t).Contains("small arms", StringComparison.Ordinal));
    }

    [Fact]
    public void ThePassiveIsShared_TheOneFiredAtIsTheTarget_AndAWebsiteAttackIsCyber()
    {
        var doc = Models.Pipeline.Process("He was interrogated by an attorney and then arrested. The army fired 36 shells at South Korea. Hackers attacked the website of the Church of Scientology.");
        var events = doc.Get(Layers.Events);
        var arrest = Assert.Single(events, e => doc.GetText(e.Trigger!.Value) == "arrested");
        Assert.Null(arrest.Actor); // not 'He': he was arrested
        Assert.Equal("He", doc.GetText(arrest.Target!.Value));
        var fired = Assert.Single(events, e => doc.GetText(e.Trigger!.Value) == "fired");
        Assert.Equal("South Korea", doc.GetText(fired.Target!.Value));
        var hack = Assert.Single(events, e => doc.GetText(e.Trigger!.Value) == "attacked");
        Assert.Equal("176", hack.Code);
    }

    [Fact]
    public void AThreat_IsAnEventOfItsOwn_AgainstTheTargetOfTheThreatenedAct()
    {
        var doc = Models.Pipeline.Process("North Korea threatened to attack South Korea.");
        var threat = Assert.Single(doc.Get(Layers.Events), e => e.Code.StartsWith("13", StringComparison.Ordinal));
        Assert.Equal("North Korea", doc.GetText(threat.Actor!.Value));
        Assert.Equal("South Korea", doc.GetText(threat.Target!.Value));
        Assert.Equal(EventMode.Asserted, threat.Mode);
    }

    [Fact]
    public void MentionsOfOneAttack_AreOneHappening_DatedWhenItHappened_NotWhenReported()
    {
        var doc = Models.Pipeline.Process("The Islamic State claimed the 2021 bombing of Kabul airport. Pakistani officials said on Thursday that the attack on the airport on August 26, 2021, killed 170 people.");
        var events = doc.Get(Layers.Events);
        var bombing = Assert.Single(events, e => doc.GetText(e.Trigger!.Value) == "bombing");
        var attack = Assert.Single(events, e => doc.GetText(e.Trigger!.Value) == "attack");
        Assert.True(bombing.Happening >= 0);
        Assert.Equal(bombing.Happening, attack.Happening);
        Assert.Equal("Islamic State", doc.GetText(attack.Actor!.Value)); // from the first mention
        Assert.Equal("2021-08-26", attack.When);
        Assert.Equal("2021-08-26", bombing.When); // the more specific date of the happening, not the report's Thursday
    }

    /// <summary>An act of force said not to have happened is no happening a later 'the attacks' can name: its actor is not the attackers'.</summary>
    [Fact]
    public void ANegatedActOfForce_LendsNoActorToALaterMention()
    {
        var doc = Models.Pipeline.Process("Governor Tom Reed's change of course has not hurt him with voters. After the attacks in Paris, Tom Reed released a new radio ad.");
        var events = doc.Get(Layers.Events);
        var hurt = Assert.Single(events, e => doc.GetText(e.Trigger!.Value) == "hurt");
        Assert.Equal(EventMode.Negated, hurt.Mode);
        var attacks = Assert.Single(events, e => doc.GetText(e.Trigger!.Value) == "attacks");
        Assert.Null(attacks.Actor);
        Assert.Equal(-1, attacks.Happening);
    }

    [Fact]
    public void AVerbCodedOnlyByItsBareSense_NeedsActorsOnBothSides()
    {
        // 'took' codes 171 by its synset's default; 'action' is no actor.
        var doc = Models.Pipeline.Process("The President later personally took action.");
        Assert.Empty(doc.Get(Layers.Events));
    }

    [Theory]
    [InlineData("He traveled to Florida.")] // moving is no interaction
    [InlineData("Montalvo came to the conclusion that the claims were lies.")]
    [InlineData("The Taliban controlled the territory.")] // a thing is no target
    [InlineData("The organization was founded by L. Ron Hubbard.")] // what is founded is not acted upon
    public void MotionThingsAndFounding_AreNoEvents(string text)
    {
        var doc = Models.Pipeline.Process(text);
        Assert.DoesNotContain(doc.Get(Layers.Events), e => e.Code[..2] is "03" or "04" or "06");
    }

    /// <summary>A name or label given to an object is no call; seeing or watching something is no statement; noting what happened is.</summary>
    [Theory]
    [InlineData("He called Burma a \"good news story\" in an era of decline.", "called", false)]
    [InlineData("Clinton called half of Donald Trump's supporters \"deplorables.\"", "called", false)]
    [InlineData("The nation is watching Virginia.", "watching", false)]
    [InlineData("Both parties saw Burma as a country under pressure.", "saw", false)]
    [InlineData("The minister noted that the talks had failed.", "noted", true)]
    [InlineData("Crops are withering in the Marshall Islands, he noted.", "noted", true)]
    public void NamingAndSeeing_AreNoEvents_ReportingWhatIsSeenIsAStatement(string text, string trigger, bool coded)
    {
        var doc = Models.Pipeline.Process(text);
        Assert.Equal(coded, doc.Get(Layers.Events).Any(e => doc.GetText(e.Trigger!.Value) == trigger));
    }

    /// <summary>Wanting, needing and expecting are no acts (PETRARCH2's bare senses of them are intent and demand); what is wanted is coded on its own, as planned.</summary>
    [Theory]
    [InlineData("Demonstrators said they want justice for Terrence.", "want")]
    [InlineData("Lester Holt needs to challenge Donald Trump on every claim.", "needs")]
    [InlineData("The campaign expects Holt to question Trump.", "expects")]
    public void WantingNeedingExpecting_AreNoEvents(string text, string trigger)
    {
        var doc = Models.Pipeline.Process(text);
        Assert.DoesNotContain(doc.Get(Layers.Events), e => doc.GetText(e.Trigger!.Value) == trigger);
    }

    /// <summary>A statement's target is whom it is made to, never where it was made nor a party it speaks of.</summary>
    [Theory]
    [InlineData("Obama said on Saturday at the Congressional Black Caucus Foundation gala that progress was on the ballot.", "said", null)]
    [InlineData("Flynn says Trump 'absolutely right' on the generals.", "says", null)]
    [InlineData("Trump told Bill O'Reilly that the system was phony.", "told", "Bill O'Reilly")]
    [InlineData("Clinton addressed the Congressional Black Caucus on Friday.", "addressed", "Congressional Black Caucus")]
    public void AStatementsTarget_IsWhomItIsMadeTo(string text, string trigger, string? target)
    {
        var doc = Models.Pipeline.Process(text);
        var statement = Assert.Single(doc.Get(Layers.Events), e => doc.GetText(e.Trigger!.Value) == trigger);
        Assert.Equal(target, statement.Target is { } t ? doc.GetText(t) : null);
    }

    /// <summary>A violent verb used of words — with a reason, a publication as its doer or a channel of speech — is criticism (111); an attack with a place or a person hit stays force.</summary>
    [Theory]
    [InlineData("Senator Jane Moss blasted Governor Tom Reed for cutting school budgets.", "blasted", "111")]
    [InlineData("Harbor Magazine attacked Mayor John Ortiz last month.", "attacked", "111")]
    [InlineData("Senator Tom Reed attacked Governor Ann Lee in a statement on Monday.", "attacked", "111")]
    [InlineData("Mayor John Ortiz attacked Governor Ann Lee during the debate.", "attacked", "111")]
    [InlineData("Rebels attacked Governor Ann Lee's convoy near Goma on Sunday.", "attacked", "190")]
    [InlineData("Early in his campaign, Tom Reed attacked Ann Lee, calling her a failed candidate.", "attacked", "111")]
    public void AViolentVerbUsedOfWords_IsCriticism(string text, string trigger, string code)
    {
        var doc = Models.Pipeline.Process(text);
        var e = Assert.Single(doc.Get(Layers.Events), e => doc.GetText(e.Trigger!.Value) == trigger);
        Assert.Equal(code, e.Code);
    }

    /// <summary>Who owns a ban imposed it ('Governor Tom Reed's travel ban'); who owns an arrest suffered it; a ban called for has not happened.</summary>
    [Fact]
    public void ABansOwnerImposesIt_AnArrestsOwnerSuffersIt_ABanCalledForIsPlanned()
    {
        var doc = Models.Pipeline.Process("Governor Tom Reed's travel ban angered Ann Lee. Ann Lee's arrest angered the opposition. A video cites Tom Reed's call for a temporary ban on Muslims entering the country.");
        var bans = doc.Get(Layers.Events).Where(e => doc.GetText(e.Trigger!.Value) == "ban").ToList();
        Assert.Equal(2, bans.Count);
        Assert.Equal(("172", "Tom Reed"), (bans[0].Code, doc.GetText(bans[0].Actor!.Value)));
        Assert.Equal(EventMode.Future, bans[1].Mode);
        var arrest = Assert.Single(doc.Get(Layers.Events), e => e.Code == "173");
        Assert.Equal("Ann Lee", doc.GetText(arrest.Target!.Value));
    }

    /// <summary>
    /// A person's attacks in public life are words (111); thanking one's own supporters, a bloc of voters
    /// backing a candidate and a visit to a memorial or a grave are campaign readings, and introducing or joining
    /// someone a doubtful sense of consultation (meeting is not), supporting someone of praise (endorsing is not):
    /// the confidence model weighs these marks (they keep such events below what the brief shows on judged news);
    /// a dare to a debate and a battle to overtake a rival are no events.
    /// </summary>
    [Theory]
    [InlineData("Senator Ann Lee's recent attacks on Governor Tom Reed have alarmed his supporters.", "attacks", "111", true)]
    [InlineData("Governor Tom Reed is thanking supporters at a rally in Ohio.", "thanking", null, false)]
    [InlineData("Senator Ann Lee visited the Vietnam Veterans Memorial.", "visited", null, false)]
    [InlineData("Senator Ann Lee visited the grave of Tom Reed.", "visited", null, false)]
    [InlineData("Senator Ann Lee is backing Governor Tom Reed.", "backing", null, true)]
    [InlineData("Senator Ann Lee visited Israel.", "visited", "042", true)]
    [InlineData("Senator Ann Lee challenged Governor Tom Reed to a debate in Boston.", "challenged", null, false)]
    [InlineData("Senator Ann Lee battled to overtake Governor Tom Reed.", "battled", null, false)]
    [InlineData("Governor Tom Reed introduced Senator Ann Lee as a fighter for families.", "introduced", null, false)]
    [InlineData("Governor Tom Reed was joined by Senator Ann Lee at the rally.", "joined", null, false)]
    [InlineData("Governor Tom Reed met with Senator Ann Lee in Boston.", "met with", "040", true)]
    [InlineData("Senator Ann Lee supports Governor Tom Reed.", "supports", null, false)]
    [InlineData("Senator Ann Lee endorsed Governor Tom Reed on Monday.", "endorsed", "051", true)]
    public void CampaignReadings_AreMarkedForTheConfidenceModel(string text, string trigger, string? code, bool unmarked)
    {
        var (e, evidence) = Coded(text, trigger);
        Assert.Equal(unmarked, e.Trigger is not null && !evidence.Campaign && !evidence.Doubtful);
        if (code is not null)
        {
            Assert.Equal(code, e.Code);
        }
    }

    /// <summary>The event of <paramref name="trigger"/> in <paramref name="text"/> with what the confidence model weighs (default when none).</summary>
    private static (EventData Event, EventEvidence Evidence) Coded(string text, string trigger)
    {
        var doc = Models.Pipeline.Process(text);
        return new EventComponent().Code(doc).SingleOrDefault(x => doc.GetText(x.Event.Trigger!.Value) == trigger && x.Event.Code != "010");
    }

    /// <summary>Charged with a crime is a charge with legal action (173); charged without one is an accusation.</summary>
    [Theory]
    [InlineData("Daniel Montalvo was charged with taking hard drives from the church.", "173")]
    [InlineData("The state attorney charged Tom Reed with second-degree murder.", "173")]
    [InlineData("Senator Ann Lee charged Governor Tom Reed over the budget cuts.", "112")]
    public void ChargedWithACrime_IsALegalCharge(string text, string code)
    {
        var doc = Models.Pipeline.Process(text);
        var e = Assert.Single(doc.Get(Layers.Events), e => doc.GetText(e.Trigger!.Value) == "charged");
        Assert.Equal(code, e.Code);
    }

    /// <summary>Defeating a rival in an election or a game, or defeating a person, is no act of force; defeating troops is, and police beating a man.</summary>
    [Theory]
    [InlineData("Senator Ann Lee was defeated in the runoff, with Tom Reed defeating her by 4,000 votes.", "defeated", false)]
    [InlineData("Senator Ann Lee was defeated in the runoff, with Tom Reed defeating her by 4,000 votes.", "defeating", false)]
    [InlineData("The army defeated Taliban fighters in Helmand.", "defeated", true)]
    [InlineData("A week earlier Governor Ann Lee narrowly defeated him in the Iowa caucuses.", "defeated", false)]
    [InlineData("Senator Tom Reed hopes to defeat Governor Ann Lee next year.", "defeat", false)]
    [InlineData("Nobody had done it since Tom Reed beat Ann Lee in 1984.", "beat", false)]
    [InlineData("Governor Ann Lee has dominated Senator Tom Reed in the South.", "dominated", false)]
    [InlineData("Police officers beat the protester Tom Reed with batons.", "beat", true)]
    public void ADefeatInAContest_IsNoForce(string text, string trigger, bool force)
    {
        var doc = Models.Pipeline.Process(text);
        Assert.Equal(force, doc.Get(Layers.Events).Any(e => doc.GetText(e.Trigger!.Value) == trigger && e.Code[..2] is "18" or "19" or "20"));
    }

    /// <summary>A noun followed by a past participle with an object is a subject and its verb, not a reduced relative ('rebels [who were] defeated'); 'troops' is an acting party though its lemma is itself.</summary>
    [Fact]
    public void ASubjectAndPastTenseVerb_ReadAsANounAndParticiple_AreRepaired()
    {
        var doc = Models.Pipeline.Process("M23 rebels defeated Congolese troops near Goma on Sunday.");
        var defeat = Assert.Single(doc.Get(Layers.Events), e => doc.GetText(e.Trigger!.Value) == "defeated");
        Assert.Equal("190", defeat.Code);
        Assert.Contains("M23", doc.GetText(defeat.Actor!.Value), StringComparison.Ordinal);
        Assert.Contains("troops", doc.GetText(defeat.Target!.Value), StringComparison.Ordinal);
    }

    /// <summary>Making use of something ('seized on a report'), taking a job and what someone habitually does ('a man who beats his dog') are no acts of force on that occasion; an infinitive describing a noun ('a plan to strike') did not happen.</summary>
    [Theory]
    [InlineData("Opposition leaders seized on the report to demand a new election.", "seized")]
    [InlineData("Critics pounced upon the remark within minutes.", "pounced")]
    public void MakingUseOfSomething_IsNoSeizure(string text, string trigger)
    {
        var doc = Models.Pipeline.Process(text);
        Assert.DoesNotContain(doc.Get(Layers.Events), e => doc.GetText(e.Trigger!.Value) == trigger && e.Code[..2] is "17" or "18" or "19" or "20");
    }

    /// <summary>
    /// A phrasal verb the dictionary does not hold is another verb than its first word ('took the
    /// soldiers out' is no seizure, 'calls out' no consultation); 'took on' a rival confronts and
    /// 'took shots at' criticises, neither seizes; a verb whose particle the dictionary names keeps its code.
    /// </summary>
    [Theory]
    [InlineData("The town fell when Governor Ann Lee took the soldiers out.", "took", false)]
    [InlineData("Mayor John Ortiz often calls out Senator Tom Reed by name.", "calls", false)]
    [InlineData("Senator Tom Reed took on Governor Ann Lee at the rally.", "took", false)]
    [InlineData("Senator Tom Reed has taken frequent shots at Governor Ann Lee.", "taken", false)]
    [InlineData("Rebels took over the town of Harwick on Sunday.", "took over", true)]
    public void APhrasalVerbTheDictionaryDoesNotHold_IsNotCodedAsItsFirstWord(string text, string trigger, bool coded)
    {
        var doc = Models.Pipeline.Process(text);
        Assert.Equal(coded, doc.Get(Layers.Events).Any(e => doc.GetText(e.Trigger!.Value) == trigger && e.Code != "010"));
    }

    /// <summary>A question is no appeal, a request is; leading or controlling something is a standing relation, not cooperation, and preparing to act no intent to cooperate, while a verb of those synsets with a code of its own ('ordered') still codes.</summary>
    [Theory]
    [InlineData("Reporter Ann Lee asked Senator Tom Reed about the budget.", "asked", null)]
    [InlineData("\"But why?\" reporter Ann Lee asked him.", "asked", null)]
    [InlineData("Governor Ann Lee asked Senator Tom Reed to resign.", "asked", "02")]
    [InlineData("Governor Ann Lee asked Senator Tom Reed and his party for support.", "asked", "02")]
    [InlineData("Senator Tom Reed criticized the man who is leading the Labour Party.", "leading", null)]
    [InlineData("When the Democrats controlled Congress, the bill failed.", "controlled", null)]
    [InlineData("President Ann Lee ordered the army to leave Harwick.", "ordered", "10")]
    [InlineData("Governor Ann Lee leads Senator Tom Reed 49 percent to 41 percent.", "leads", null)]
    [InlineData("As Senator Tom Reed prepared to speak to his supporters, protesters gathered outside.", "prepared", null)]
    [InlineData("Governor Ann Lee considers Senator Tom Reed naive about trade.", "considers", null)]
    [InlineData("Senator Tom Reed flew to Harwick on Monday.", "flew", null)]
    [InlineData("The super PAC supporting Governor Ann Lee raised five million dollars.", "supporting", null)]
    [InlineData("Senator Tom Reed campaigned with Governor Ann Lee on Monday.", "campaigned", null)]
    public void AQuestionOrAStandingRelation_IsNoInteraction(string text, string trigger, string? root)
    {
        var doc = Models.Pipeline.Process(text);
        var coded = doc.Get(Layers.Events).Where(e => doc.GetText(e.Trigger!.Value) == trigger && e.Code != "010").Select(e => e.Code[..2]).ToList();
        Assert.Equal(root is null ? [] : [root], coded);
    }

    /// <summary>A place or body before a title and a name ('Wisconsin Gov. Scott Walker') describes the office: the person is the party, however the parser heads the chain.</summary>
    [Theory]
    [InlineData("Inside the hall, Trump on Tuesday dismissed Wisconsin Gov. Scott Walker as an ineffective leader.", "dismissed", "Scott Walker")]
    [InlineData("Senator Tom Reed on Tuesday criticized Ohio Gov. Ann Lee as an ineffective leader.", "criticized", "Ann Lee")]
    public void APersonAtTheEndOfANameChain_IsTheTarget(string text, string trigger, string target)
    {
        var doc = Models.Pipeline.Process(text);
        var e = Assert.Single(doc.Get(Layers.Events), e => doc.GetText(e.Trigger!.Value) == trigger);
        Assert.Equal(target, doc.GetText(e.Target!.Value));
    }

    /// <summary>Intents, material cooperation, aid and yielding by a verb's bare sense, seizing, and a person's force by a verb that names no harm are marked as a doubtful sense for the confidence model; criticism and militants' attacks are not.</summary>
    [Theory]
    [InlineData("Governor Ann Lee promised Senator Tom Reed that he could run the agency.", "promised", false)]
    [InlineData("Governor Ann Lee pledged to end the program of Senator Tom Reed.", "pledged", false)]
    [InlineData("Senator Tom Reed criticized Governor Ann Lee on Monday.", "criticized", true)]
    [InlineData("Governor Ann Lee had captured 1,944 delegates by Tuesday.", "captured", false)]
    [InlineData("Senator Tom Reed struck a chord with his speech in Harwick.", "struck", false)]
    [InlineData("Taliban fighters attacked Afghan soldiers near Kunduz on Sunday.", "attacked", true)]
    public void ACooperativeCodeByABareVerb_IsADoubtfulSense(string text, string trigger, bool unmarked)
    {
        var (e, evidence) = Coded(text, trigger);
        Assert.NotNull(e.Trigger);
        Assert.Equal(unmarked, !evidence.Doubtful && !evidence.Campaign);
    }

    /// <summary>A place before a person noun says where the person is from: 'A Manhattan man is suing the Met' is the man's act, not Manhattan's.</summary>
    [Fact]
    public void APlaceBeforeAPersonNoun_IsNotTheActor()
    {
        var doc = Models.Pipeline.Process("A Manhattan man is suing Governor Ann Lee, claiming she lied to voters.");
        var e = Assert.Single(doc.Get(Layers.Events), e => doc.GetText(e.Trigger!.Value) == "suing");
        Assert.Equal("Manhattan man", doc.GetText(e.Actor!.Value));
    }

    /// <summary>The name before a supporter or a critic is whom they support or criticise, and the person an appositive describes is who acts: 'Mary Holt, a Reed supporter, praised Governor Ann Lee' is Holt's praise, not Reed's.</summary>
    [Theory]
    [InlineData("Mary Holt, a Reed supporter, praised Governor Ann Lee on Monday.", "praised", "Mary Holt")]
    [InlineData("On Monday a Reed critic accused Governor Ann Lee of lying.", "accused", "Reed critic")]
    [InlineData("UK Prime Minister David Cameron condemned Islamic State on Sunday.", "condemned", "David Cameron")]
    [InlineData("Mukasey, the Republican attorney general under former President George W. Bush, criticized Clinton on Monday.", "criticized", "Mukasey")]
    public void ASupportersNameAndAnAppositive_AreReadForWhoActs(string text, string trigger, string actor)
    {
        var doc = Models.Pipeline.Process(text);
        var e = Assert.Single(doc.Get(Layers.Events), e => doc.GetText(e.Trigger!.Value) == trigger);
        Assert.Equal(actor, doc.GetText(e.Actor!.Value));
    }

    /// <summary>Whom a condemned or demanded act befell is not whom the words are aimed at: 'condemned the beheading of David Haines' does not condemn Haines.</summary>
    [Theory]
    [InlineData("Governor Ann Lee condemned the beheading of Tom Reed on Sunday.", "Tom Reed")]
    [InlineData("Governor Ann Lee condemned the murder of the journalist Tom Reed.", "Tom Reed")]
    public void TheOneAnActBefell_IsNotTheTargetOfWordsAboutIt(string text, string victim)
    {
        var doc = Models.Pipeline.Process(text);
        Assert.DoesNotContain(doc.Get(Layers.Events), e => e.Code.StartsWith("11", StringComparison.Ordinal) && e.Target is { } t && doc.GetText(t) == victim);
    }

    /// <summary>A pronoun the coreference component resolves counts as the party it names; one it does not ('they' with no one named before) is no one to the confidence model.</summary>
    [Fact]
    public void AnUnresolvedPronoun_IsNoPartyTheBriefVouchesFor()
    {
        var (resolved, byName) = Coded("Governor Ann Lee spoke on Monday. She criticized Senator Tom Reed.", "criticized");
        var (unresolved, byNoOne) = Coded("On Monday they criticized Senator Tom Reed.", "criticized");
        Assert.Equal(("111", "Pronoun", "111", "None"), (resolved.Code, byName.ActorKind, unresolved.Code, byNoOne.ActorKind));
    }

    [Fact]
    public void AnInfinitiveDescribingANoun_IsNotShownAsHappened()
    {
        var doc = Models.Pipeline.Process("Police uncovered a plot to bomb the parliament in Oslo.");
        Assert.DoesNotContain(doc.Get(Layers.Events), e => doc.GetText(e.Trigger!.Value) == "bomb" && e.Mode == EventMode.Asserted);
    }

    [Fact]
    public void APatternsWordInTheObject_IsTheAct_NotTheTarget()
    {
        var doc = Models.Pipeline.Process("North and South Korea exchanged artillery fire yesterday.");
        var fire = Assert.Single(doc.Get(Layers.Events), e => doc.GetText(e.Trigger!.Value) == "exchanged");
        Assert.Null(fire.Target);
    }

    [Theory]
    [InlineData("$ 7 billion", 7e9, "USD", false)]
    [InlineData("about 160", 160, null, true)]
    [InlineData("258,300", 258300, null, false)]
    [InlineData("thirteen", 13, null, false)]
    [InlineData("hundreds of thousands", 100000, null, true)]
    [InlineData("15 %", 15, "%", false)]
    [InlineData("60-82mm", 60, "mm", false)]
    public void Figures_ParseValueUnitAndApproximation(string words, double value, string? unit, bool approximate)
    {
        var parsed = FigureComponent.Parse(words.Split(' '), "CARDINAL");
        Assert.Equal((value, unit, approximate), parsed);
    }

    [Fact]
    public void Figures_SayWhatTheyCount()
    {
        var doc = Models.Pipeline.Process("The survey counted 258,300 rifles, 56,155 light, medium and heavy machine guns and 9,115 shotguns.");
        var what = doc.Get(Layers.Figures).ToDictionary(f => f.Value!.Value, f => f.What);
        Assert.Equal("rifles", what[258300]);
        Assert.Equal("light, medium and heavy machine guns", what[56155]);
        Assert.Equal("shotguns", what[9115]);
    }

    [Fact]
    public void Figures_ReadRanges()
    {
        var doc = Models.Pipeline.Process("Officials said between 150 and 200 people were killed. The blast injured 30 to 40 soldiers.");
        var figures = doc.Get(Layers.Figures);
        Assert.Contains(figures, f => f.Value == 150 && f.High == 200 && f.What == "people");
        Assert.Contains(figures, f => f.Value == 30 && f.High == 40 && f.What == "soldiers");
        Assert.DoesNotContain(figures, f => f.Value == 200 && f.High is null);
    }

    /// <summary>Event coding must not drop below the floors pinned in eval/baseline.json on PETRARCH2's validation records.</summary>
    [Fact]
    public void PetrarchRecords_MeetTheFloors()
    {
        var events = Floors.Section("events");
        var records = EventEvaluation.ReadRecords(Floors.DataPath(events));
        var verbs = VerbLexicon.Load(Path.Combine(Repo.Shared, "data", "petrarch2", "dictionaries", "PETR.Validate.verbs.txt"));
        var pipeline = new PipelineBuilder().UseParagraphs().UseTokenizer().UseSentences().UseSyntax(Models.Syntax).UseTimes().UseNer(Models.Ner).UseCoref().UseEvents(verbs).Build();
        var s = EventEvaluation.Score(EventEvaluation.Run(records, pipeline));
        var measured = new Dictionary<string, double>
        {
            ["full_code"] = 100 * s.FullAccuracy,
            ["root_code"] = 100 * s.RootAccuracy,
            ["root_precision"] = 100 * s.RootPrecision,
        };
        Floors.AssertMet(events, measured);
    }

    /// <summary>Shown events a reader judged (eval/events/JUDGED.md): the share right of the judged ones the brief still shows, and how many right ones it shows (so precision is not bought by showing nothing), on the PolNeAR dev, second dev, test, confirmation and five unseen pools and on the FNC-1 training and unseen pools.</summary>
    [Theory]
    [InlineData("polnear_judged_events", "data", "floors")]
    [InlineData("polnear_judged_events", "test", "test_floors")]
    [InlineData("polnear_judged_events", "confirm", "confirm_floors")]
    [InlineData("polnear_judged_events", "unseen", "unseen_floors")]
    [InlineData("polnear_judged_events", "unseen2", "unseen2_floors")]
    [InlineData("polnear_judged_events", "dev2", "dev2_floors")]
    [InlineData("polnear_judged_events", "unseen3", "unseen3_floors")]
    [InlineData("polnear_judged_events", "unseen4", "unseen4_floors")]
    [InlineData("polnear_judged_events", "unseen5", "unseen5_floors")]
    [InlineData("fnc_judged_events", "data", "floors")]
    [InlineData("fnc_judged_events", "unseen", "unseen_floors")]
    public void JudgedEvents_MeetTheFloors(string name, string data, string floors)
    {
        var section = Floors.Section(name);
        var judged = JudgedEventEvaluation.Read(Path.Combine(Repo.Root, section.GetProperty(data).GetString()!));
        var texts = JudgedTexts.Open(Path.Combine(Repo.Root, section.GetProperty("texts").GetString()!));
        var s = JudgedEventEvaluation.Run(judged, text => Models.Pipeline.Process(texts.Load(text)), EventComponent.ShownConfidence);
        Floors.AssertMet(section, new Dictionary<string, double> { ["shown_precision"] = 100 * s.Precision, ["shown_right"] = s.JudgedRight }, floors);
    }

    /// <summary>Precision and recall with roles on the annotated GUM news sentences must not drop below the floors pinned in eval/baseline.json, on dev and on the kept-aside test documents.</summary>
    [Theory]
    [InlineData("data", "floors")]
    [InlineData("test", "test_floors")]
    public void GumNewsAnnotations_MeetTheFloors(string data, string floors)
    {
        var section = Floors.Section("gum_events");
        var sentences = AnnotatedEventEvaluation.Read(Path.Combine(Repo.Root, section.GetProperty(data).GetString()!));
        var s = AnnotatedEventEvaluation.Score(AnnotatedEventEvaluation.Run(sentences, Models.Pipeline), EventComponent.ShownConfidence);
        var measured = new Dictionary<string, double>
        {
            ["roles_precision"] = 100 * s.Roles.Precision,
            ["roles_recall"] = 100 * s.Roles.Recall,
            ["shown_precision"] = 100 * s.Shown.Precision,
        };
        Floors.AssertMet(section, measured, floors);
    }
}
