using Dossier.Annotations;
using Dossier.Tests.TestKit;
using Dossier.Text;

namespace Dossier.Tests.Nlp.Quotes;

/// <summary>Attributions checked against the dependency tree: the holder is who speaks, and silence says nothing.</summary>
public class AttributionSyntaxTests
{
    private static (List<string> Quotes, List<string> Claims) Held(string text, string holder)
    {
        var doc = Models.Pipeline.Process(text);
        bool By(TextSpan? at, TextSpan? name) => (at is { } a && doc.GetText(a).Contains(holder, StringComparison.Ordinal)) || (name is { } n && doc.GetText(n).Contains(holder, StringComparison.Ordinal));
        return ([.. doc.Get(Layers.Quotes).Where(q => By(q.Speaker, q.SpeakerName)).Select(q => doc.GetText(q.Span))],
                [.. doc.Get(Layers.Claims).Where(c => By(c.Holder, c.HolderName)).Select(c => doc.GetText(c.Span))]);
    }

    [Fact]
    public void TheOneCharged_SaysNothing()
    {
        var (quotes, claims) = Held("Mohammad Sharifullah has been charged with conspiring to provide material support to a designated foreign terrorist organisation.", "Sharifullah");
        Assert.Empty(quotes);
        Assert.Empty(claims);
    }

    [Theory]
    [InlineData("Ahmad Wali, also known as Karim, a militant commander, has been charged with plotting attacks on the embassy and faces life in prison.", "Wali")]
    [InlineData("Two men, both former guards at the prison, were accused of helping the inmates escape.", "guards")]
    public void TheOneChargedInAnAppositionOrRelativeClause_SaysNothing(string text, string holder)
    {
        // However the parser hangs a passive clause with its own auxiliary (on the name, or on the
        // noun in apposition as a relative clause), the one it is said of is not its speaker.
        var (quotes, claims) = Held(text, holder);
        Assert.Empty(quotes);
        Assert.Empty(claims);
    }

    [Fact]
    public void Silence_IsNeitherQuoteNorClaim()
    {
        var (quotes, claims) = Held("The government of the Islamic Emirate has so far not said anything about the joint announcement by the United States and Pakistan.", "Islamic Emirate");
        Assert.Empty(quotes);
        Assert.Empty(claims);
    }

    [Fact]
    public void TheOutletsNarration_IsNotAClaimOfThePeopleItNames()
    {
        var (_, claims) = Held("This duplicity underscores the Taliban's unwillingness to take meaningful action against militant groups, even as they continue to claim neutrality.", "Taliban");
        Assert.DoesNotContain(claims, c => c.Contains("unwillingness", StringComparison.Ordinal));
    }

    [Fact]
    public void ASpeakerAfterADateline_StillHoldsTheClaim()
    {
        var (_, claims) = Held("ISLAMABAD: The United States acknowledges the issue of US military equipment left behind in Afghanistan, Pakistan's foreign office said on Monday.", "foreign office");
        Assert.Contains(claims, c => c.Contains("acknowledges the issue", StringComparison.Ordinal));
    }

    /// <summary>A dateline ('WASHINGTON (AP) —', 'BRUSSELS ―') is neither the speaker nor part of what is said.</summary>
    [Fact]
    public void ADateline_IsNeitherSpeakerNorContent()
    {
        var doc = Models.Pipeline.Process("WASHINGTON (AP) — The new rules will cut emissions by half, the agency said on Monday.\n\nBRUSSELS ― Concerns about the deal grew on Tuesday.");
        var quote = Assert.Single(doc.Get(Layers.Quotes), q => doc.GetText(q.Span).Contains("emissions", StringComparison.Ordinal));
        Assert.Equal("The new rules will cut emissions by half", doc.GetText(quote.Span));
        Assert.DoesNotContain(doc.Get(Layers.Quotes), q => q.Speaker is { } s && doc.GetText(s) is "WASHINGTON" or "BRUSSELS");
    }

    [Fact]
    public void AnIntentionRuledOut_IsADenial_NotAnIntention()
    {
        var doc = Models.Pipeline.Process("Pakistan has no plans to hold talks with the Tehreek-e-Taliban Pakistan, the Foreign Office said on Thursday.");
        var claims = doc.Get(Layers.Claims);
        Assert.DoesNotContain(claims, c => c.Stance == "intend");
        // The Foreign Office holds the sentence, a denial in its own words ('deny, saying').
        var claim = Assert.Single(claims);
        Assert.Equal(("deny", "Foreign Office", true), (claim.Stance, claim.HolderName is { } n ? doc.GetText(n) : null, claim.NegatedContent));
        Assert.Contains("no plans to hold talks", doc.GetText(claim.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void ASpeakersArticle_IsNotPartOfTheContent()
    {
        var doc = Models.Pipeline.Process("Talks with the militants will resume next week, the ministry said on Thursday.");
        var quote = Assert.Single(doc.Get(Layers.Quotes));
        Assert.Equal("Talks with the militants will resume next week", doc.GetText(quote.Span));
    }

    [Theory]
    [InlineData("The minister said the talks would resume next week.", "prediction")]
    [InlineData("The minister said the talks could resume next week.", "possibility")]
    [InlineData("The minister said the talks should resume next week.", "obligation")]
    [InlineData("The minister said the talks will resume if the attacks stop.", "condition")]
    [InlineData("The minister urged the militants to stop the attacks.", "demand")]
    [InlineData("The minister said the talks resumed on Monday.", null)]
    public void AClaimKeepsHowItsContentIsPut(string text, string? modality)
    {
        var doc = Models.Pipeline.Process(text);
        var claim = Assert.Single(doc.Get(Layers.Claims));
        Assert.Equal(modality, claim.Modality);
    }

    [Fact]
    public void WhatHappenedToSomeone_AndAModifier_AreNotTheirStatements()
    {
        var seen = Held("Pakistan has seen an increase in militant attacks since the Taliban regained control in Kabul.", "Pakistan");
        Assert.Empty(seen.Claims);
        var backed = Held("U.S.-led Western troops were stationed in Afghanistan to protect the internationally backed government in Kabul for nearly two decades.", "U.S.");
        Assert.Empty(backed.Claims);
        var believes = Held("Pakistan believes the attacks were planned in Afghanistan.", "Pakistan");
        Assert.Single(believes.Claims);
    }

    [Theory]
    [InlineData("The engineer said it is still not clear whether the bridge collapsed or was pulled down.")]
    [InlineData("Harbour officials said they could not confirm the report but were looking into it.")]
    [InlineData("The spokesman said the agency does not know why the dam failed.")]
    [InlineData("The farmer said she had no idea the river would rise so fast.")]
    [InlineData("The coach said there is no better feeling than winning at home.")]
    [InlineData("The mayor said there is no doubt that the river will flood the town again.")]
    [InlineData("\"I will never forget what I saw on that hillside,\" the rescuer said.")]
    [InlineData("The opposition leader said the world should not be indifferent to the arrests.")]
    public void NotKnowing_IsAnAssertionOfUncertainty_NotADenial(string text)
    {
        // 'deny: it is still not clear …' reads as the opposite of what was said.
        var doc = Models.Pipeline.Process(text);
        Assert.All(doc.Get(Layers.Claims), c => Assert.Equal("assert", c.Stance));
        Assert.NotEmpty(doc.Get(Layers.Claims));
    }

    [Theory]
    [InlineData("The company said it has no plans to close the plant in Leeds.", "deny")]
    [InlineData("The union said its members would not return to work until the wages were paid.", "assert")]
    [InlineData("The rebels will not resume the talks until the shelling stops, their spokesman said.", "assert")]
    public void NoPlans_IsADenial_ButNotUntil_IsACondition(string text, string stance)
    {
        var doc = Models.Pipeline.Process(text);
        Assert.Equal(stance, Assert.Single(doc.Get(Layers.Claims)).Stance);
    }

    [Fact]
    public void ANegatedStatementOfFact_StaysADenial()
    {
        var doc = Models.Pipeline.Process("The minister said the army did not close the border crossing.");
        Assert.Equal("deny", Assert.Single(doc.Get(Layers.Claims)).Stance);
    }

    [Theory]
    [InlineData("Canadian media reported that a soldier had been wounded in the attack.", "Canadian")]
    [InlineData("Hamas supporters announced that the youngest fighter had died.", "Hamas")]
    [InlineData("A Catholic priest in America has claimed that he saw a light.", "America")]
    [InlineData("A friend of Wilson said the officer had been attacked first.", "Wilson")]
    [InlineData("The flood destroyed two bridges on Sunday, according to the Italian press.", "Italian")]
    [InlineData("The sister of the American photographer, Luke Somers, claims he was killed in a failed rescue attempt.", "Luke Somers")]
    [InlineData("An Algerian newspaper said on Saturday that the dam would collapse within days.", "Algerian")]
    [InlineData("The Iraqi opposition group in exile said it had received reports of shelling.", "Iraqi")]
    [InlineData("A British company said it would cut 200 jobs at its plant.", "British")]
    public void ANameThatOnlyModifiesTheSpeaker_DoesNotHoldTheClaim(string text, string name)
    {
        var doc = Models.Pipeline.Process(text);
        var claim = Assert.Single(doc.Get(Layers.Claims));
        Assert.Null(claim.HolderName);
        Assert.True(claim.Holder is { } h && doc.GetText(h).Length > name.Length, "the whole subject holds it");
    }

    [Theory]
    [InlineData("Taliban officials said the border would reopen on Monday.", "Taliban")]
    [InlineData("A United Nations report said the camps held thousands of children.", "United Nations")]
    [InlineData("German prosecutors said the minister had ordered the killing.", "German")]
    [InlineData("The Taliban group said the border would reopen on Monday.", "Taliban")]
    public void ANameTheSpeakerSpeaksFor_HoldsTheClaim(string text, string name)
    {
        var doc = Models.Pipeline.Process(text);
        var claim = Assert.Single(doc.Get(Layers.Claims));
        Assert.Equal(name, claim.HolderName is { } n ? doc.GetText(n) : null);
    }

    [Theory]
    [InlineData("Photographs released by the rebels showed the wreckage of a helicopter.")]
    [InlineData("Soon afterwards, she told the rest of the village her secret.")]
    [InlineData("He was referring to an earlier decision by the council.")]
    public void AStatementWithoutAProposition_IsNoClaim(string text)
    {
        Assert.Empty(Models.Pipeline.Process(text).Get(Layers.Claims));
    }

    [Theory]
    [InlineData("The ministry denied any involvement in the attack.", "deny")]
    [InlineData("The minister noted the presence of training camps in the province.", "assert")]
    public void APositionTakenOnANounPhrase_OrANounThatCarriesAProposition_StandsAsAClaim(string text, string stance)
    {
        var doc = Models.Pipeline.Process(text);
        var claim = Assert.Single(doc.Get(Layers.Claims));
        Assert.Equal(stance, claim.Stance);
    }

    [Theory]
    [InlineData("Netflix's new streaming service is expected to cost $15 per month.")]
    [InlineData("The engineer said the meteorite came from an asteroid that was forecast to pass by the planet on Saturday.", "forecast")]
    [InlineData("Photos posted on Twitter showed the boy in military fatigues holding a rifle.")]
    public void APassiveCueWithoutItsAgent_IsNobodysClaim(string text, string? cue = null)
    {
        // Not the one it is said of, nor a name near it: 'Netflix' did not expect, the engineer did not forecast.
        var doc = Models.Pipeline.Process(text);
        Assert.DoesNotContain(doc.Get(Layers.Claims), c => c.Stance == "believe" || (cue is null ? c.Cue is not null : c.Cue is { } k && doc.GetText(k) == cue));
    }

    [Fact]
    public void APassiveCuesAgent_HoldsTheClaim()
    {
        var doc = Models.Pipeline.Process("It was announced by the Interior Ministry that the border crossing would reopen on Monday.");
        Assert.Contains(doc.Get(Layers.Claims), c => c.Holder is { } h && doc.GetText(c.HolderName ?? h).Contains("Interior Ministry", StringComparison.Ordinal));
    }

    [Fact]
    public void AVerbCueReadAsANounWithItsDeterminer_IsNoCue()
    {
        // 'report' after 'Nations' looks like a plural subject's verb; the tree reads 'A … report' as the subject of 'said'.
        var doc = Models.Pipeline.Process("A United Nations report on Iraq this month said children guard prisoners for the militants.");
        Assert.DoesNotContain(doc.Get(Layers.Quotes), q => doc.GetText(q.Span).StartsWith("on Iraq", StringComparison.Ordinal));
    }

    [Fact]
    public void ARelativeThatAfterTheCue_DoesNotStartTheContent()
    {
        var doc = Models.Pipeline.Process("The astronomer said the rock could be part of an asteroid that was expected to pass close to Earth on Saturday.");
        var quote = Assert.Single(doc.Get(Layers.Quotes));
        Assert.StartsWith("the rock could be part of an asteroid", doc.GetText(quote.Span), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The governor told CNN the bridge would reopen on Monday.", "the bridge would reopen")]
    [InlineData("The mayor said Monday night he would not resign.", "he would not resign")]
    public void WhomTheWordsWereToldToOrWhen_IsNotPartOfThem(string text, string content)
    {
        var doc = Models.Pipeline.Process(text);
        Assert.StartsWith(content, doc.GetText(Assert.Single(doc.Get(Layers.Quotes)).Span), StringComparison.Ordinal);
    }

    [Fact]
    public void OfTwoPersonsInASpeakerPhrase_TheOneItIsAbout_Speaks()
    {
        var doc = Models.Pipeline.Process("Dorian Johnson, a friend of Brown's who was walking with him, said the officer fired twice.");
        var quote = Assert.Single(doc.Get(Layers.Quotes));
        Assert.Equal("Dorian Johnson", doc.GetText(quote.SpeakerName!.Value));
    }

    [Theory]
    [InlineData("His agent tweeted out a photo of the player holding today's paper.")]
    [InlineData("The golfer had questioned the ball with which his rival plays.")]
    [InlineData("Get ready for the tech press to flip out when the company announces the price of the gold model.")]
    [InlineData("If the government says the talks have failed, the troops will move in.")]
    [InlineData("The intruder ran much farther into the building than the guards initially disclosed.")]
    [InlineData("When the gunman charged through the front doors of parliament, he had to return to his car.")]
    [InlineData("The evening ended with a different kind of bang than the groom had expected when the fireworks set the hall ablaze.")]
    public void AnActACondition_OrAComparison_IsNoClaim(string text)
    {
        Assert.Empty(Models.Pipeline.Process(text).Get(Layers.Claims));
    }

    [Theory]
    [InlineData("Cook added that he charges his watch every night, which confirms the battery life reported earlier.", "which")]
    [InlineData("The minister said Britain would not take part in strikes in Syria, after parliament last year voted against it.", "after")]
    [InlineData("Lin told us that he has one more event in the works, in which he plans to surprise Thomas.", "in")]
    public void AContentCutBeforeAnotherClause_DoesNotEndOnAWordThatOpensIt(string text, string dangling)
    {
        var doc = Models.Pipeline.Process(text);
        Assert.NotEmpty(doc.Get(Layers.Claims));
        Assert.DoesNotContain(doc.Get(Layers.Claims), c => doc.GetText(c.Span).TrimEnd(' ', ',').EndsWith(" " + dangling, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Last month, a Geneva-based monitor, Small Arms Survey, said in its report that arms trafficking has continued.", "Small Arms Survey")]
    [InlineData("Kabul last month urged the donors to release the frozen funds.", "Kabul")]
    public void ANameInAppositionOrAfterATime_StillHoldsTheClaim(string text, string holder)
    {
        var doc = Models.Pipeline.Process(text);
        Assert.Contains(doc.Get(Layers.Claims), c => c.HolderName is { } n && doc.GetText(n) == holder);
    }

    [Fact]
    public void AConcernExpressed_IsAClaim()
    {
        var doc = Models.Pipeline.Process("The Foreign Office expressed concern over the unchecked proliferation of weapons in the region.");
        Assert.NotEmpty(doc.Get(Layers.Claims));
    }

    [Fact]
    public void ABareParticipleAfterAQuotation_IsTheSpeakersCue()
    {
        // Sometimes parsed as a participle modifying 'spokesperson'; it is not a passive.
        var doc = Models.Pipeline.Process("Khan met the envoy on Monday. “We have given sufficient proof, and this remains an important part of our talks with the authorities,” the spokesperson asserted.");
        Assert.Contains(doc.Get(Layers.Claims), c => doc.GetText(c.Span).StartsWith("We have given sufficient proof", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Erdmann told reporters Bonn supported European Union efforts to persuade Israel to stop settlement.", "Bonn supported")]
    [InlineData("The minister told the newspaper the army would withdraw from the border by Friday.", "the army would")]
    public void WhomTheWordsWereToldTo_IsNotPartOfThem(string text, string opening)
    {
        var doc = Models.Pipeline.Process(text);
        Assert.StartsWith(opening, doc.GetText(Assert.Single(doc.Get(Layers.Claims)).Span), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The company declined to comment on the report.")]
    [InlineData("The coach has refused all media requests to speak with the players.")]
    [InlineData("When asked for the names of his partners, the producer refused to provide them.")]
    [InlineData("The police spokesman declined further comment on the arrests.")]
    [InlineData("The ministry refused to speculate on what the rebels might do next.")]
    [InlineData("\"I'm not going to speculate about what may happen in that case,\" the spokesman said.")]
    public void ARefusalToSpeak_IsNoClaim(string text)
    {
        // Silence holds no claim: 'Google (reject): “to comment”' says nothing.
        Assert.DoesNotContain(Models.Pipeline.Process(text).Get(Layers.Claims), c => c.Stance is "reject" or "deny");
    }

    [Fact]
    public void ARejectionOfWords_StandsAsAClaim()
    {
        var doc = Models.Pipeline.Process("The ministry rejected the allegations made by the opposition.");
        Assert.Contains(doc.Get(Layers.Claims), c => c.Stance == "reject");
    }

    [Theory]
    [InlineData("“Will Governor Hale ever answer our letters?” the 58-year-old asked.", "Hale", "58-year-old")]
    [InlineData("“Senator Ortiz, please come back to the valley!” one farmer wrote.", "Ortiz", "one farmer")]
    [InlineData("“I hope Mayor Lindqvist reads this,” another resident said.", "Lindqvist", "another resident")]
    public void APhraseBetweenAQuotationAndItsCue_Speaks_NotANameInsideTheQuotation(string text, string inside, string speaker)
    {
        var doc = Models.Pipeline.Process(text);
        var quote = Assert.Single(doc.Get(Layers.Quotes));
        Assert.Equal(speaker, quote.Speaker is { } s ? doc.GetText(s) : null);
        Assert.Null(quote.SpeakerName);
        Assert.DoesNotContain(speaker, doc.GetText(quote.Span), StringComparison.Ordinal);
        Assert.All(doc.Get(Layers.Claims), c => Assert.DoesNotContain(inside, c.HolderName is { } n ? doc.GetText(n) : string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void ARoleThatOnlyModifiesTheSubject_DoesNotStandForTheNearestPerson()
    {
        // 'the fisherman' is Tomas Varga, but his neighbours speak, not he.
        var doc = Models.Pipeline.Process("Tomas Varga went missing on Friday. Neighbours of the fisherman said the boat had left before dawn.");
        var quote = Assert.Single(doc.Get(Layers.Quotes));
        Assert.Equal("Neighbours of the fisherman", quote.Speaker is { } s ? doc.GetText(s) : null);
        Assert.Null(quote.SpeakerName);
    }

    [Theory]
    [InlineData("Residents want a new bridge, the engineer said.", "Residents want a new bridge", "engineer")]
    [InlineData("In one letter, the minister promised new schools, the newspaper reported.", "In one letter, the minister promised new schools", "newspaper")]
    public void ACueThatClosesTheSentence_FramesEverythingBeforeIt(string text, string content, string speaker)
    {
        // The article of 'the engineer' does not hide the comma before it, and a cue inside what the
        // newspaper reported neither takes the sentence nor cuts the newspaper's words short.
        var doc = Models.Pipeline.Process(text);
        var quote = Assert.Single(doc.Get(Layers.Quotes), q => q.Cue is { } c && doc.GetText(c) is "said" or "reported");
        Assert.Equal(content, doc.GetText(quote.Span));
        Assert.Equal(speaker, quote.Speaker is { } s ? doc.GetText(s) : null);
    }

    [Fact]
    public void ACueSetOffByCommasAfterAnAdverbial_DoesNotReportTheAdverbial()
    {
        var doc = Models.Pipeline.Process("Two years ago, the farmer said, the river rose over the fields.");
        Assert.DoesNotContain(doc.Get(Layers.Quotes), q => doc.GetText(q.Span) == "Two years ago");
    }

    [Theory]
    [InlineData("Anna Berg, who said the dam would fail, resigned on Monday.", "who", "Anna Berg", "the dam would fail")]
    [InlineData("Tomas Varga, who says he wants a new bridge, met the mayor on Friday.", "who", "Tomas Varga", "he wants a new bridge")]
    public void ARelativePronoun_Speaks_AndThePhraseItHangsOnNamesTheSpeaker(string text, string speaker, string name, string content)
    {
        // As 'he' does: the pronoun is the speaker given at the cue, the name the holder; the words end with the clause.
        var doc = Models.Pipeline.Process(text);
        var quote = Assert.Single(doc.Get(Layers.Quotes));
        Assert.Equal((speaker, name, content), (quote.Speaker is { } s ? doc.GetText(s) : null, quote.SpeakerName is { } n ? doc.GetText(n) : null, doc.GetText(quote.Span)));
    }

    [Fact]
    public void ARelativePronounOfAnUnnamedPhrase_LeavesThePhraseAsTheSpeaker()
    {
        var doc = Models.Pipeline.Process("The farmers, who said the river had risen overnight, were moved to the school.");
        var quote = Assert.Single(doc.Get(Layers.Quotes));
        Assert.Equal("The farmers", quote.Speaker is { } s ? doc.GetText(s) : null);
    }
}
