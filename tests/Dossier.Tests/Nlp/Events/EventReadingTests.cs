using Dossier.Annotations;
using static Dossier.Tests.Nlp.Events.EventRead;

namespace Dossier.Tests.Nlp.Events;

/// <summary>
/// Readings of political news the judged pools showed wrong (eval/events/JUDGED.md): who the party
/// of a titled or apposed name is, acts not done yet, words read as force, questions read as
/// demands, topics read as partners and what a quoted speaker says someone habitually does.
/// Each sentence is the test's own, not a pool's.
/// </summary>
public class EventReadingTests
{
    /// <summary>A name after its title, or in apposition with a noun that another name modifies, is the party: the person, not the Senate or the network.</summary>
    [Theory]
    [InlineData("Senate Minority Leader Harry Reid praised Governor Jay Nixon on Monday.", "praised", "Harry Reid")]
    [InlineData("The governor was criticized by CNN's host, Jake Tapper, for his remarks.", "criticized", "Jake Tapper")]
    public void ThePartyOfATitledOrApposedName_IsThePerson(string text, string trigger, string actor)
    {
        var (doc, events) = Read(text);
        var e = Assert.Single(events, e => doc.GetText(e.Trigger!.Value) == trigger);
        Assert.Equal(actor, TextOf(doc, e.Actor));
    }

    /// <summary>A place before a person noun says where the person is from, even when the tagger takes the lowercase noun for a name: the place does not act.</summary>
    [Fact]
    public void APlaceBeforeAPersonNoun_IsNotTheActor()
    {
        var (doc, events) = Read("The New York businessman has praised Senator Ann Lee, saying she was a stronger leader than Governor Tom Reed.");
        var e = Assert.Single(events, e => doc.GetText(e.Trigger!.Value) == "praised");
        Assert.Equal("New York businessman", TextOf(doc, e.Actor));
    }

    /// <summary>A name compounded with an agreement, a law or a plan names the instrument, which is no party; one compounded with a body still names its party.</summary>
    [Fact]
    public void TheNameOfAnAgreement_IsNoParty()
    {
        var (doc, events) = Read("Senator Ann Lee praised the Trans-Pacific Partnership trade agreement on Monday. Senator Ann Lee praised the Obama administration on Tuesday.");
        Assert.DoesNotContain(events, e => TextOf(doc, e.Target) == "Trans-Pacific Partnership");
        Assert.Contains(events, e => doc.GetText(e.Trigger!.Value) == "praised" && TextOf(doc, e.Target) == "Obama");
    }

    /// <summary>A relative is not the one they are kin to: the brother of a named man does not make that man the actor.</summary>
    [Fact]
    public void TheKinOfANamedPerson_IsNotThatPerson()
    {
        var (doc, events) = Read("The brother of Ron Howard endorsed Senator Ann Lee last week.");
        Assert.DoesNotContain(events, e => TextOf(doc, e.Actor) == "Ron Howard");
    }

    /// <summary>What someone has yet to do has not been done.</summary>
    [Theory]
    [InlineData("Senator Ann Lee has yet to endorse Governor Tom Reed.", "endorse")]
    [InlineData("Governor Tom Reed is yet to meet Senator Ann Lee.", "meet")]
    public void AnActStillToDo_IsNegated(string text, string trigger)
    {
        var (doc, events) = Read(text);
        var e = Assert.Single(events, e => doc.GetText(e.Trigger!.Value) == trigger);
        Assert.Equal(EventMode.Negated, e.Mode);
    }

    /// <summary>A violent verb aimed at what someone said or decided, or a legal verb used of a person in a debate, is criticism.</summary>
    [Theory]
    [InlineData("Senator Ann Lee fired back at Governor Tom Reed's comments on Tuesday.", "fired")]
    [InlineData("Senator Ann Lee attacked Governor Tom Reed's plan on Tuesday.", "attacked")]
    [InlineData("Senator Ann Lee prosecuted Governor Tom Reed at the debate on Tuesday.", "prosecuted")]
    public void AViolentVerbAimedAtWords_IsCriticism(string text, string trigger)
    {
        var (doc, events) = Read(text);
        Assert.DoesNotContain(events, e => doc.GetText(e.Trigger!.Value) == trigger && e.Code[..2] is "17" or "18" or "19" or "20");
        Assert.Contains(events, e => doc.GetText(e.Trigger!.Value) == trigger && e.Code == "111");
    }

    /// <summary>
    /// 'Blasted', 'slammed', 'lashed out at' aimed at a party that is not a place are criticism whoever the actor is (an office, a
    /// body); 'attacked' between an army and an organisation stays force.
    /// </summary>
    [Theory]
    [InlineData("The Treasury Department blasted congressional Republicans on Tuesday.", "blasted", "111")]
    [InlineData("The Treasury Department slammed the Federal Reserve for its decision.", "slammed", "111")]
    [InlineData("The Nigerian army attacked Boko Haram in Borno on Tuesday.", "attacked", "19")]
    public void AFigurativeAssaultOnAParty_IsCriticism(string text, string trigger, string code)
    {
        var (doc, events) = Read(text);
        var e = Assert.Single(events, e => doc.GetText(e.Trigger!.Value) == trigger);
        Assert.StartsWith(code, e.Code, StringComparison.Ordinal);
    }

    /// <summary>
    /// Being pressed on a question and being engaged in something are no force; a lawsuit filed is
    /// not its own target; what is discussed is a topic, the partner is whom it is discussed with;
    /// one at a debate or a rally is not whom the act is aimed at.
    /// </summary>
    [Theory]
    [InlineData("The governor was pressed on why he had vetoed the bill.", "pressed")]
    [InlineData("Democrats are engaged in mischief, Senator Ann Lee said.", "engaged")]
    public void QuestionsAndIdioms_AreNoForce(string text, string trigger)
    {
        var (doc, events) = Read(text);
        Assert.DoesNotContain(events, e => doc.GetText(e.Trigger!.Value) == trigger && e.Code[..2] is "10" or "18" or "19" or "20");
    }

    [Fact]
    public void AnActAsThePassivesSubject_IsNotItsTarget_NorATopicOrAnOccasion()
    {
        var (doc, events) = Read("A complaint was filed by Jane Doe in federal court last week. "
            + "Senator Ann Lee discussed the absence of Latinos from the cabinet. "
            + "Senator Ann Lee discussed trade with Governor Tom Reed.");
        Assert.DoesNotContain(events, e => doc.GetText(e.Trigger!.Value) == "filed" && TextOf(doc, e.Target) is "complaint" or "A complaint");
        Assert.DoesNotContain(events, e => TextOf(doc, e.Target) == "Latinos");
        var partner = events.Where(e => doc.GetText(e.Trigger!.Value) == "discussed" && e.Target is not null).ToList();
        Assert.All(partner, e => Assert.Equal("Governor Tom Reed", TextOf(doc, e.Target)));
    }

    [Fact]
    public void OneAtAGathering_IsNotTheTarget()
    {
        var (doc, events) = Read("Senator Ann Lee fired back at the summit in Paris. Senator Ann Lee lashed out at the Democratic debate in Boston.");
        Assert.DoesNotContain(events, e => e.Target is not null);
    }

    /// <summary>A refusal to tell declines comment (011) and rejects no one; a refusal to act on another's request stays a rejection.</summary>
    [Theory]
    [InlineData("Senator Ann Lee refused to speak to reporters on Monday.", "refused", "011", null)]
    [InlineData("The spokesman refused to give any more details about the papers.", "refused", "011", null)]
    [InlineData("The Senate refused to consider Governor Tom Reed's nominee.", "refused", "120", "Tom Reed")]
    public void ARefusalToTell_DeclinesComment(string text, string trigger, string code, string? target)
    {
        var (doc, events) = Read(text);
        var e = Assert.Single(events, e => doc.GetText(e.Trigger!.Value) == trigger);
        Assert.Equal((code, target), (e.Code, TextOf(doc, e.Target)));
    }

    /// <summary>A quoted speaker's simple present of force is what someone habitually does, in quotation marks of either kind; outside a quotation, or with an auxiliary, the act is read.</summary>
    [Theory]
    [InlineData("\"The regime kills protesters and jails reporters,\" the activist said.", "kills", false)]
    [InlineData("``The regime kills protesters and jails reporters,'' the activist said.", "kills", false)]
    [InlineData("''The regime kills protesters,'' the activist said.", "kills", false)]
    [InlineData("Police arrested Ann Lee in Boston on Monday.", "arrested", true)]
    public void AQuotedHabitualAct_IsNoEvent(string text, string trigger, bool coded)
    {
        var (doc, events) = Read(text);
        Assert.Equal(coded, events.Any(e => doc.GetText(e.Trigger!.Value) == trigger && e.Code != "010"));
    }
}
