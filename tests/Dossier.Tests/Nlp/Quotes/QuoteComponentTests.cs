using CsCheck;
using Dossier.Annotations;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Nlp.Quotes;

/// <summary>Each construction of reported speech the quote finder handles, on real sentences of the seeds and on sentences written the way news writes them.</summary>
public class QuoteComponentTests
{
    private sealed record Found(string Text, string Kind, string? Speaker, string? Name, string? How, string? Cue);

    private static List<Found> Quotes(Document d) =>
        [.. d.Get(Layers.Quotes).Select(q => new Found(d.GetText(q.Span), KindNames.Of(q.Kind), Text(d, q.Speaker), Text(d, q.SpeakerName), q.Attribution?.ToString(), Text(d, q.Cue)))];

    private static string? Text(Document d, Dossier.Text.TextSpan? span) => span is { } s ? d.GetText(s) : null;

    private static Found Single(Document d, string contains) => Assert.Single(Quotes(d), q => q.Text.Contains(contains, StringComparison.Ordinal));

    private static Document Run(string text) => Models.Pipeline.Process(text);

    /// <summary>When the speaker the rules take is not the cue's subject, the subject speaks: 'It' before a semicolon does not say what Clinton's team says.</summary>
    [Fact]
    public void TheCuesOwnSubject_SpeaksWhenTheRulesTookAnotherSpeaker()
    {
        var q = Single(Run("It is an extremely unlikely scenario; Governor Ann Lee’s team says she will continue her campaign later this week."), "she will continue");
        Assert.Equal(("Governor Ann Lee’s team", "Ann Lee", "says"), (q.Speaker, q.Name, q.Cue));
    }

    /// <summary>A credit line says who reported, wrote or edited the story: no one is quoted in it, while the story's quotes stand.</summary>
    [Fact]
    public void ACreditLine_HoldsNoQuote()
    {
        var d = Run("Governor Ann Lee said the plant would close in May.\n\nTom Reed and Mary Hall contributed reporting.\n\n(Reporting by Valerie Volcovici; Additional reporting by Lawrence Hurley; Editing by Will Dunham.)\n\n--additional reporting by Linh Tat.");
        var q = Assert.Single(Quotes(d));
        Assert.Equal(("the plant would close in May", "Governor Ann Lee"), (q.Text, q.Speaker));
    }

    /// <summary>Words asked for and not given are no one's statement: 'did not respond to requests for comment' made the one named urge "for comment". A refusal to comment is a refusal, and stays.</summary>
    [Fact]
    public void ARequestForComment_IsNoStatement()
    {
        var d = Run("An attorney for Tom Reed did not immediately respond to requests for comment. Senator Ann Lee refused to comment.");
        var q = Assert.Single(Quotes(d));
        Assert.Equal(("to comment", "Senator Ann Lee", "refused"), (q.Text, q.Speaker, q.Cue));
    }

    /// <summary>A source the tagger finds speaking inside what was said does not cut it down to a noun phrase: the spokesperson's words are the whole clause, not 'the United Nations Counter-Terrorism Report'.</summary>
    [Fact]
    public void ASourceInsideTheContent_LeavesTheContentWhole()
    {
        var q = Single(Models.Seed("003"), "grave concerns");
        Assert.Equal(("pointed out", "the United Nations Counter-Terrorism Report has expressed grave concerns about the global risks emanating from Afghan soil"), (q.Cue, q.Text));
    }

    /// <summary>What a reply was to is not what was said: 'responded to the criticism' quotes nothing, and in 'Replying to a question, the minister said …' the question is no content.</summary>
    [Fact]
    public void WhatWasAnswered_IsNoContent()
    {
        var d = Run("Governor Ann Lee responded to the criticism on Monday. Responding to several questions, Tom Reed said the ministry was the forum for the legal aspect.");
        var q = Assert.Single(Quotes(d));
        Assert.Equal(("the ministry was the forum for the legal aspect", "Tom Reed", "said"), (q.Text, q.Speaker, q.Cue));
    }

    /// <summary>No speaker follows a participle: in 'X reiterated its position, lamenting the refusal of …' the refusal is what X lamented, not who spoke.</summary>
    [Fact]
    public void AParticipleCue_HasNoSpeakerAfterIt()
    {
        var d = Run("Senator Ann Lee reiterated her opposition to the merger, lamenting the refusal of the Harwick board to meet the unions.");
        Assert.DoesNotContain(Quotes(d), q => q.Speaker is { } sp && sp.Contains("refusal", StringComparison.Ordinal));
        var lament = Assert.Single(Quotes(d), q => q.Cue == "lamenting");
        Assert.Equal(("the refusal of the Harwick board to meet the unions", "Senator Ann Lee"), (lament.Text, lament.Speaker));
    }

    [Fact]
    public void Direct_QuoteThenSpeakerAndCue()
    {
        var q = Single(Models.Seed("001"), "The proofs are regularly provided");
        Assert.Equal(("direct", "said"), (q.Kind, q.Cue));
        Assert.Equal("Khan", q.Name);
        Assert.False(q.Text.EndsWith(',') || q.Text.StartsWith('“'), "the content leaves out the marks and the comma");
    }

    [Fact]
    public void Direct_ContinuesInTheNextQuotationOfTheParagraph()
    {
        var d = Run("“We will not accept this,” Khan said. “The border stays open.”\n\nThe talks ended on Friday.");
        var q = Assert.Single(Quotes(d));
        Assert.StartsWith("We will not accept this", q.Text, StringComparison.Ordinal);
        Assert.EndsWith("The border stays open", q.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Direct_ContinuesAfterALongSpeakerPhrase_ButNotPastAnotherSentence()
    {
        var d = Run("“The crossing must reopen,” said Ahmed Khan, a trader who has moved goods through Torkham for twenty years and lost most of his stock this month. “We cannot wait another week.”\n\n"
            + "“The talks went well,” the minister said. The opposition leader disagreed with him at a rally in Peshawar. “Nothing has changed.”");
        var quotes = Quotes(d);
        Assert.Contains(quotes, q => q.Text.StartsWith("The crossing must reopen", StringComparison.Ordinal) && q.Text.EndsWith("another week", StringComparison.Ordinal));
        Assert.Contains(quotes, q => q.Text == "The talks went well");
    }

    [Fact]
    public void Direct_ATitleBeforeTheNameStillFollowsTheQuotation()
    {
        var d = Run("“Order on the floor matters,” Senate Speaker Ahmed Khan, the session chair, told the delegates before the vote.");
        var q = Assert.Single(Quotes(d));
        Assert.Equal(("direct", "Order on the floor matters", "told"), (q.Kind, q.Text, q.Cue));
    }

    /// <summary>A party-and-state bracket after the name ('Rep. Ann Lee (D-Wis.)') is part of the speaker, not the end of a sentence nor a reason to take the quotation's first word as the speaker.</summary>
    [Fact]
    public void Direct_ABracketAfterTheSpeakersName_BelongsToTheSpeaker()
    {
        var d = Run("“It’s a dog whistle to every voter in the state,” Rep. Ann Lee (D-Wis.) said Friday.\n\n\"They may not want to answer,\" Tom Hale (R) said.");
        var lee = Single(d, "dog whistle");
        Assert.Equal(("It’s a dog whistle to every voter in the state", "Rep. Ann Lee (D-Wis.)", "said"), (lee.Text, lee.Speaker, lee.Cue));
        var hale = Single(d, "may not want");
        Assert.Equal(("They may not want to answer", "Tom Hale (R)"), (hale.Text, hale.Speaker));
    }

    /// <summary>'…, X told The Post on Thursday': what follows the cue is whom it was told; the words are before it. 'to tell the truth' tells no one.</summary>
    [Fact]
    public void Indirect_WhatWasToldComesBeforeTheCueWhenOnlyTheAddresseeFollows()
    {
        var q = Single(Run("The governor could sign a clean energy bill next year, Sen. Ann Lee told The Huffington Post on Thursday."), "clean energy");
        Assert.Equal(("The governor could sign a clean energy bill next year", "Sen. Ann Lee", "told"), (q.Text, q.Speaker, q.Cue));

        // A position inside the words told ('could embrace') is part of them, not another statement that keeps them from the teller.
        var told = Assert.Single(Quotes(Run("Governor Tom Reed could embrace a carbon tax, but only if it pays for itself, Sen. Ann Lee told The Huffington Post on Thursday.")), x => x.Cue == "told");
        Assert.Equal(("Governor Tom Reed could embrace a carbon tax, but only if it pays for itself", "Sen. Ann Lee"), (told.Text, told.Speaker));
    }

    /// <summary>A quoted title before the speaker ('on CBS's "Face the Nation,"') is no one's words: the clause after the cue is.</summary>
    [Fact]
    public void Indirect_AQuotedTitleBeforeTheSpeakerIsNotTheContent()
    {
        var q = Assert.Single(Quotes(Run("In an interview on CBS's \"Face the Nation,\" Senator Ann Lee said the recent spate of shootings demands more listening.")), x => x.Cue == "said");
        Assert.Equal(("the recent spate of shootings demands more listening", "Senator Ann Lee"), (q.Text, q.Speaker));
    }

    [Fact]
    public void Direct_DoubledApostrophesAreQuotationMarks()
    {
        var d = Run("''We expect the shares to recover within a year,'' Mr. Ackman said.");
        var q = Assert.Single(Quotes(d));
        Assert.Equal(("direct", "We expect the shares to recover within a year"), (q.Kind, q.Text));
        Assert.Equal("Mr. Ackman", q.Speaker);
    }

    [Fact]
    public void Direct_AfterACueAndAnAdverbialWithAColon()
    {
        var q = Single(Models.Seed("004"), "We have cases where Daesh Khawarij");
        Assert.Equal(("direct", "said"), (q.Kind, q.Cue));
        Assert.Equal("Ministry of Defense", q.Name);
        Assert.Equal("role", q.How);
    }

    [Fact]
    public void Direct_QuotedAsClaiming_TheOneQuotedSpeaks()
    {
        var q = Single(Models.Seed("001"), "All weapons and military equipment are safely stored");
        Assert.Equal(("Fitrat", "claiming"), (q.Name, q.Cue));
    }

    [Fact]
    public void Indirect_ThatClauseAfterAnAdverbial()
    {
        var q = Single(Models.Seed("000"), "the US left its weapons in Afghanistan");
        Assert.Equal(("indirect", "said", "Shafqat Ali Khan"), (q.Kind, q.Cue, q.Name));
        Assert.StartsWith("the US left", q.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Indirect_SpeakerInAnApposition()
    {
        var q = Single(Models.Seed("001"), "the military hardware in question has been acquired");
        Assert.Equal(("Hamdullah Fitrat", "dismissed"), (q.Name, q.Cue));
    }

    [Fact]
    public void Mixed_ReportedSpeechWithAQuotedFragment()
    {
        var q = Single(Models.Seed("001"), "do not fall into the wrong hands");
        Assert.Equal("mixed", q.Kind);
    }

    [Fact]
    public void Unmarked_FirstPersonSpeechWhoseMarksTheFeedStripped_RunsToTheParagraphStart()
    {
        var q = Single(Models.Seed("000"), "Our concern is that those weapons have been found");
        Assert.Equal(("unmarked", "he", "said"), (q.Kind, q.Speaker, q.Cue));
        Assert.Equal("pronoun", q.How);
        Assert.Contains("it would be helpful for the overall regional security environment", q.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AccordingTo_TheSpokespersonOfTheOfficeThatSpokeLast()
    {
        var q = Single(Models.Seed("003"), "There is no foreign involvement in these operations");
        Assert.Equal("according to", q.Cue);
        Assert.Equal(("Foreign Office", "affiliation"), (q.Name, q.How));
    }

    [Fact]
    public void Continuation_AParagraphThatIsOneQuotation_KeepsThePreviousSpeaker()
    {
        var q = Single(Models.Seed("002"), "Pakistan is concerned at the acquisition and use of modern");
        Assert.Equal(("continuation", "Syed Atif Raza"), (q.How, q.Name));
        Assert.Null(q.Cue);
    }

    [Fact]
    public void Role_TheSpokespersonIsThePersonIntroducedWithThatRole()
    {
        var q = Single(Models.Seed("000"), "the intelligence cooperation with the US has been ongoing");
        Assert.Equal(("spokesperson", "Shafqat Ali Khan", "role"), (q.Speaker, q.Name, q.How));
    }

    [Theory]
    [InlineData("Kerry: “By law, the president sets the number of refugees every year.”", "Kerry", "By law")]
    [InlineData("Khan to Reporters in Islamabad: Pakistan Will Not Accept the Weapons Claim", "Khan to Reporters in Islamabad", "Pakistan Will Not Accept")]
    [InlineData("Former Foreign Minister Qureshi at UN: Terror Groups Use Leftover Arms", "Former Foreign Minister Qureshi at UN", "Terror Groups Use")]
    public void Colon_ANameThenAColonAttributesWhatFollows(string line, string speaker, string content)
    {
        var q = Assert.Single(Quotes(Run(line)));
        Assert.Equal((":", speaker), (q.Cue, q.Speaker));
        Assert.StartsWith(content, q.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ISLAMABAD: The United States acknowledges the issue of military equipment left behind.")]
    [InlineData("The Latest: Senate Passes the Defence Bill After a Long Night")]
    [InlineData("Limited Tools to Fight Terrorism: The United Nations was set up at a time when conflicts erupted among nations.")]
    public void Colon_ADatelineOrALabelIsNotASpeaker(string line) => Assert.DoesNotContain(Quotes(Run(line)), q => q.Cue == ":");

    [Theory]
    [InlineData("The alleged attack took place near the border crossing on Monday night.")]
    [InlineData("Mohammad Sharifullah, also known as Jafar, was arrested in Pakistan last week.")]
    [InlineData("The group claimed responsibility for the bombing of the checkpoint.")]
    [InlineData("The country is not recognized by any other state in the region.")]
    public void NotSpeech_CueWordsUsedOtherwiseGiveNoQuote(string sentence)
    {
        Assert.Empty(Quotes(Run(sentence)));
    }

    [Fact]
    public void Claims_NegatedAssertionIsADenial()
    {
        var d = Models.Seed("004");
        var claim = Assert.Single(d.Get(Layers.Claims), c => d.GetText(c.Span).StartsWith("ISIS does not have a physical presence", StringComparison.Ordinal));
        Assert.Equal("deny", claim.Stance);
        Assert.Equal("Zabihullah Mujahid", d.GetText(claim.HolderName!.Value));
        Assert.StartsWith("isis does not have a physical presence in afghanistan", claim.Proposition, StringComparison.Ordinal);
        Assert.True(claim.NegatedContent); // the words carry the negation: the brief shows 'deny, saying: …'
    }

    /// <summary>A denial by its cue ('denied that …') is shown with what is denied; only a denial read from the negation inside the words is marked as such.</summary>
    [Fact]
    public void Claims_ADenyingCue_IsNoNegatedContent()
    {
        var d = Run("The spokesman denied that the army had crossed the border.");
        var claim = Assert.Single(d.Get(Layers.Claims));
        Assert.Equal("deny", claim.Stance);
        Assert.False(claim.NegatedContent);
    }

    [Fact]
    public void Claims_RejectedAllegationsByX_AddXsAccusation()
    {
        var d = Models.Seed("000");
        var claims = d.Get(Layers.Claims).Where(c => d.GetText(c.Span).Contains("training camps of ISKP in Pakistan", StringComparison.Ordinal)).ToList();
        Assert.Contains(claims, c => c.Stance == "reject" && d.GetText(c.HolderName!.Value).EndsWith("Khan", StringComparison.Ordinal));
        Assert.DoesNotContain(claims, c => d.GetText(c.Span).Contains("by saying", StringComparison.Ordinal));
        Assert.Contains(claims, c => c.Stance == "accuse" && d.GetText(c.HolderName!.Value) == "Afghanistan");
    }

    [Fact]
    public void Claims_CoordinatedCuesSplitTheirContents()
    {
        var d = Run("De Blasio called Trump a “blowhard,” and said his remarks were propaganda for terrorist groups.");
        var quotes = Quotes(d);
        Assert.Contains(quotes, q => q.Cue == "called" && !q.Text.Contains("propaganda", StringComparison.Ordinal));
        Assert.Contains(quotes, q => q.Cue == "said" && q.Text.StartsWith("his remarks were propaganda", StringComparison.Ordinal) && q.Name == "De Blasio");
    }

    /// <summary>
    /// A passage of an article in PolNeAR's training split (US political news, 2015-2016), from
    /// <paramref name="first"/> to the end of <paramref name="last"/>, read from ../shared at run
    /// time: PolNeAR's texts are not ours to copy into the repository.
    /// </summary>
    /// <summary>A passage of a PolNeAR article, from <paramref name="first"/> to <paramref name="last"/>, read at run time (the corpus has no licence: its text stays out of the repository).</summary>
    internal static string Polnear(string article, string first, string last, string split = "train")
    {
        var text = File.ReadAllText(Path.Combine(Repo.Shared, "data", "polnear", split, "text", article + ".txt"));
        var start = text.IndexOf(first, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{first}' is not in {article}");
        var end = text.IndexOf(last, start, StringComparison.Ordinal);
        Assert.True(end >= 0, $"'{last}' does not follow '{first}' in {article}");
        return text[start..(end + last.Length)];
    }

    [Fact]
    public void Indirect_ASecondSpeakerAfterAndOpensItsOwnClause()
    {
        var d = Run(Polnear("nyt_2015-12-29_u-s-commandos-take-on-larger-rol", "Senator Marco Rubio", "the Islamic State."));
        var quotes = Quotes(d);
        Assert.Contains(quotes, q => q.Cue == "said" && q.Text.StartsWith("she would consider", StringComparison.Ordinal) && q.Name == "Hillary Clinton");
        Assert.Contains(quotes, q => q.Cue == "talked about" && q.Text.StartsWith("embedding", StringComparison.Ordinal) && !q.Text.Contains("Clinton", StringComparison.Ordinal));
    }

    [Fact]
    public void Indirect_TheNameBetweenTheCommasOfAnApposition()
    {
        var d = Run(Polnear("politico_2016-04-03_cruz-tops-trump-in-north-dakota-", "Another delegate", "Cruz.”"));
        var q = Single(d, "he was only");
        Assert.Equal("Jim Poolman", q.Name);
    }

    [Fact]
    public void Indirect_ACueInsideACompoundIsNotACue()
    {
        var d = Run(Polnear("huff-post_2016-03-16_hillary-clinton-wins-missouri-de", "The self-described", "were high."));
        var q = Assert.Single(Quotes(d));
        Assert.Equal("said", q.Cue);
        Assert.StartsWith("he would win", q.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Indirect_AQuestionAskedWithoutItsAsker()
    {
        var d = Run(Polnear("breitbart_2016-04-23_clinton-wades-in-urges-britain-t", "When asked whether", "it was not"));
        var q = Single(d, "whether");
        Assert.Equal(("asked", "unnamed"), (q.Cue, q.How));
    }

    [Theory]
    [InlineData("nyt_2015-12-01_puerto-rican-bank-left-debt-inst", "A spokesman for the buyer", "community.", "there was a commitment", "said", "spokesman")]
    [InlineData("politico_2015-11-30_congress-set-to-dump-no-child-le", "Proponents of the new bill", "“umpire.", "it would keep enough federal safeguards", "say", "Proponents")]
    [InlineData("breitbart_2015-12-11_charles-barkley-takes-on-donald-", "Barkley, who said", "John Kasich.", "one candidate he likes", "said", "Barkley")]
    [InlineData("nyt_2016-05-27_clinton-faces-tight-primary-with", "The new poll takes", "Democratic primary.", "they would vote", "said", "voters")]
    [InlineData("breitbart_2016-02-18_poll-bernie-sanders-burns-hillar", "Fox News poll", "44 percent.", "Sanders with 47 percent", "shows", "poll")]
    public void Indirect_TheSpeakerPhrase(string article, string first, string last, string content, string cue, string speaker)
    {
        // Before a modifier ("A spokesman for the buyer said"), a connective ("Proponents of the new
        // bill, however, say"), an apposition holding a cue of its own ("Barkley, who said he
        // typically votes democratic, said …"), a relative clause ("voters who said they would …")
        // and a long apposition after a finding ("A Fox News poll, conducted jointly with …, shows").
        var q = Single(Run(Polnear(article, first, last)), content);
        Assert.Equal(cue, q.Cue);
        Assert.Contains(speaker, q.Speaker, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_WhatThePollsShowWithoutAVerb()
    {
        var d = Run("The senator holds a decisive lead in the latest Quinnipiac poll of likely voters.");
        var q = Assert.Single(Quotes(d));
        Assert.Equal(("in", "the latest Quinnipiac poll"), (q.Cue, q.Speaker));
        Assert.StartsWith("The senator holds a decisive lead", q.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Indirect_AddingThatAfterADirectQuote()
    {
        var d = Run("“He stands for working families,” Maria Anderson said, adding that the senator is the most trustworthy of the candidates.");
        var quotes = Quotes(d);
        Assert.Contains(quotes, q => q.Cue == "said" && q.Text == "He stands for working families");
        Assert.Contains(quotes, q => q.Cue == "adding" && q.Text.StartsWith("the senator is the most trustworthy", StringComparison.Ordinal) && q.Name == "Maria Anderson");
    }

    [Theory]
    [InlineData("“His legacy will live on,” Ahmed Khan said, “and so will his work at the border.”", "His legacy will live on", "his work at the border")]
    [InlineData("The border crossing, Ahmed Khan said, had been closed for three days before the talks.", "The border crossing", "before the talks")]
    public void Direct_AndIndirect_WordsTheCueInterrupts(string sentence, string starts, string ends)
    {
        var q = Assert.Single(Quotes(Run(sentence)));
        Assert.StartsWith(starts, q.Text, StringComparison.Ordinal);
        Assert.EndsWith(ends, q.Text, StringComparison.Ordinal);
        Assert.Equal(("said", "Ahmed Khan"), (q.Cue, q.Name));
    }

    [Fact]
    public void Indirect_TheQuestionAfterASpeakersAnswer()
    {
        var d = Run("“We will see,” the minister said when asked whether the crossing would reopen this week.");
        var quotes = Quotes(d);
        Assert.Contains(quotes, q => q.Cue == "said" && q.Text == "We will see");
        Assert.Contains(quotes, q => q.Cue == "asked" && q.Speaker is null && q.Text == "whether the crossing would reopen this week");
    }

    /// <summary>A person placed by an organisation ('X of the Post', 'Y of The Globe and Mail') speaks, not the organisation; a person inside a longer phrase ('an article about Z from the newspaper') does not.</summary>
    [Theory]
    [InlineData("John Smith of the Washington Post reported that the talks had failed.", "John Smith")]
    [InlineData("Matthew Ingram of The Globe and Mail wrote that the conflict was escalating quickly.", "Matthew Ingram")]
    [InlineData("A 2007 article about Maria Mueller from the local newspaper said she was a student.", null)]
    public void Verb_APersonOfAnOrganisation_Speaks(string text, string? name)
    {
        var q = Assert.Single(Quotes(Run(text)));
        Assert.Equal(name, q.Name);
    }

    /// <summary>A question put to the speaker ('when asked for his comments on whether …') is answered by them, not asked: no appeal of theirs.</summary>
    [Theory]
    [InlineData("“The border stays open,” Ahmed Khan said when asked for his comments on whether the crossing would close.")]
    [InlineData("“We never saw the report,” Maria Lopez said when asked about the leaked memo.")]
    public void Indirect_AQuestionPutToTheSpeaker_IsNotTheirs(string text)
    {
        var d = Run(text);
        var quotes = Quotes(d);
        Assert.Contains(quotes, q => q.Cue == "said" && q.Speaker is not null);
        Assert.DoesNotContain(quotes, q => q.Cue?.StartsWith("asked", StringComparison.Ordinal) == true && q.Speaker is not null);
        Assert.DoesNotContain(d.Get(Layers.Claims), c => c.Holder is not null && d.GetText(c.Span).Contains("the crossing would close", StringComparison.Ordinal));
    }

    [Fact]
    public void Nominal_APositionStatedAsANounWithItsHolder()
    {
        var d = Run(Polnear("west-journal_2016-07-14_donald-trump-stuns-lgbt-communit", "Thiel’s support for", "convention."));
        var q = Single(d, "Trump was first noted");
        Assert.Equal("support for", q.Cue);
        Assert.Equal("Thiel", q.Speaker);
        var claim = Assert.Single(d.Get(Layers.Claims), c => d.GetText(c.Span).StartsWith("Trump was first noted", StringComparison.Ordinal));
        Assert.Equal("support", claim.Stance);
    }

    [Theory]
    [InlineData("breitbart_2016-06-26_clinton-swipes-at-trump-over-bre", "America needs leaders", "Clinton said.", "America needs leaders", "more turbulence", "Clinton", "direct mixed")]
    [InlineData("breitbart_2016-02-20_the-latest-hillary-clinton-tells", "Bernie Sanders says", "caucuses.", "the wind is at our backs”", "Nevada caucuses", "Bernie Sanders", "mixed")]
    public void Mixed_TheReportedWordsAroundAQuotation(string article, string first, string last, string starts, string ends, string name, string kinds)
    {
        // A quotation that ends the sentence carries the whole sentence ('America needs leaders
        // “who understand …,” Clinton said'); reported words go on after a quotation closes
        // ('says “the wind is at our backs” despite his loss …'). Mostly quoted words count as direct.
        var q = Assert.Single(Quotes(Run(Polnear(article, first, last))));
        Assert.StartsWith(starts, q.Text, StringComparison.Ordinal);
        Assert.EndsWith(ends, q.Text, StringComparison.Ordinal);
        Assert.Equal(name, q.Name);
        Assert.Contains(q.Kind, kinds.Split(' '));
    }

    [Fact]
    public void Impression_WhatSeemsHasNoHolder()
    {
        var d = Run(Polnear("breitbart_2016-03-02_christie-s-shell-shocked-look-st", "In the past few days", "political stature"));
        var q = Assert.Single(Quotes(d));
        Assert.StartsWith("the politician with the outsized personality seemed", q.Text, StringComparison.Ordinal);
        Assert.Equal(("seemed", null, "unnamed"), (q.Cue, q.Speaker, q.How));
    }

    [Fact]
    public void EveryQuoteAndClaim_HasSpansInsideItsDocument_InTextOrder()
    {
        foreach (var file in Repo.SeedFiles)
        {
            var d = Models.Pipeline.Process(new Dossier.Extraction.Ingestion.DocumentLoader().Load(file));
            foreach (var q in d.Get(Layers.Quotes))
            {
                Assert.All(new[] { q.Speaker, q.Cue, q.SpeakerName }.OfType<Dossier.Text.TextSpan>(), s => Assert.True(s.End <= d.Text.Length));
                Assert.False(string.IsNullOrWhiteSpace(d.GetText(q.Span)));
            }

            Assert.True(d.Get(Layers.Claims).Select(c => c.Span.Start).SequenceEqual(d.Get(Layers.Claims).Select(c => c.Span.Start).Order()));
        }
    }

    /// <summary>Random sentences made of the pieces reported speech is made of, in any order.</summary>
    private static readonly Gen<string> SpeechLikeText =
        Gen.OneOf(
                Gen.Const("“"), Gen.Const("”"), Gen.Const("\""), Gen.Const("''"), Gen.Const(","), Gen.Const("."), Gen.Const(":"), Gen.Const("\n\n"),
                Gen.Const("said"), Gen.Const("says"), Gen.Const("according to"), Gen.Const("quoted"), Gen.Const("as claiming"), Gen.Const("that"),
                Gen.Const("he"), Gen.Const("the spokesperson"), Gen.Const("the ministry"), Gen.Const("Khan"), Gen.Const("Pakistan"), Gen.Const("Afghan officials"),
                Gen.Const("rejected allegations by"), Gen.Const("and"), Gen.Const("denied"), Gen.Const("not"), Gen.Const("the border is open"), Gen.Const("we"))
            .Array[0, 40]
            .Select(parts => string.Join(' ', parts));

    [Fact]
    public void Property_AnyArrangementOfSpeechPieces_GivesValidSpans()
    {
        SpeechLikeText.Sample(text =>
        {
            var d = Models.Pipeline.Process(text);
            foreach (var q in d.Get(Layers.Quotes))
            {
                Assert.False(q.Span.IsEmpty);
                Assert.All(new[] { (Dossier.Text.TextSpan?)q.Span, q.Speaker, q.Cue, q.SpeakerName }.OfType<Dossier.Text.TextSpan>(), s => Assert.True(s.End <= d.Text.Length));
                Assert.True(Enum.IsDefined(q.Kind));
            }

            Assert.All(d.Get(Layers.Claims), c => Assert.False(string.IsNullOrEmpty(c.Stance)));
        }, iter: 2000);
    }
}
