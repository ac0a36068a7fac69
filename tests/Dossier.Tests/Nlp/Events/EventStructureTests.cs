using Dossier.Annotations;
using static Dossier.Tests.Nlp.Events.EventRead;

namespace Dossier.Tests.Nlp.Events;

/// <summary>
/// Who does and undergoes an act read from the shape of the sentence around it: a relative 'who' the
/// parse hung elsewhere, a gerund's subject, a verb of receiving, a passive that befalls a person, what
/// is asked from whom, and the mode a gerund takes from the verb it completes. Sentences of our own.
/// </summary>
public class EventStructureTests
{
    private static EventData Single(Document doc, IReadOnlyList<EventData> events, string trigger) =>
        Assert.Single(events, e => doc.GetText(e.Trigger!.Value) == trigger);

    /// <summary>'who' stands for the noun phrase before it, however the parse hung the clause (here as a clause of its own): the members of the party, whom the party's name stands for.</summary>
    [Fact]
    public void ARelativeWho_ActsAsItsAntecedent()
    {
        var (doc, events) = Read("Maria Lopez contacted former members of the Green Party, who helped her leave the country.");
        Assert.Equal("Green Party", TextOf(doc, Single(doc, events, "helped").Actor));
    }

    /// <summary>A gerund with no subject of its own is done by its verb's subject ('retaliated by shelling'), or by the object of a verb of blaming or praising ('chided Lee for praising'), unless that object cannot act ('drew praise for helping').</summary>
    [Theory]
    [InlineData("The army retaliated by firing rockets at the rebels.", "firing", "army")]
    [InlineData("The mayor chided Senator Ann Lee for praising the governor.", "praising", "Ann Lee")]
    [InlineData("President Tom Reed drew praise for helping the refugees.", "helping", "Tom Reed")]
    public void AGerund_IsDoneByItsController(string text, string trigger, string actor)
    {
        var (doc, events) = Read(text);
        Assert.Contains(actor, TextOf(doc, Single(doc, events, trigger).Actor));
    }

    /// <summary>A gerund after 'refrained from', 'stopped short of', 'without' or 'instead of' was not done; after 'called for' it is still to come.</summary>
    [Theory]
    [InlineData("Senator Ann Lee refrained from endorsing Governor Tom Reed.", "endorsing", EventMode.Negated)]
    [InlineData("The minister left Cairo without meeting the Egyptian president.", "meeting", EventMode.Negated)]
    [InlineData("Instead of attacking the rebels, the army besieged the town.", "attacking", EventMode.Negated)]
    [InlineData("Senator Ann Lee called for arresting the rebel leaders.", "arresting", EventMode.Future)]
    public void AGerund_TakesTheModeOfWhatGovernsIt(string text, string trigger, EventMode mode)
    {
        var (doc, events) = Read(text);
        Assert.DoesNotContain(events, e => doc.GetText(e.Trigger!.Value) == trigger && e.Mode == EventMode.Asserted);
        Assert.Contains(events, e => doc.GetText(e.Trigger!.Value) == trigger && e.Mode == mode);
    }

    /// <summary>Criticism one draws or faces, and an attack one comes under, befall the subject; the 'from' phrase makes it.</summary>
    [Theory]
    [InlineData("President Tom Reed drew criticism from the unions for the travel ban.", "criticism", "Tom Reed")]
    [InlineData("The governor faced criticism over the budget.", "criticism", "governor")]
    public void AnActTheSubjectReceives_BefallsTheSubject(string text, string trigger, string target)
    {
        var (doc, events) = Read(text);
        Assert.Contains(target, TextOf(doc, Single(doc, events, trigger).Target));
    }

    /// <summary>A passive that names no doer still reports an arrest, a rejection or a release of the person it befalls; a defeat does not.</summary>
    [Fact]
    public void APassiveWithNoDoer_BefallsAPerson_WhenItIsCoercionRejectionOrRelease()
    {
        var (doc, events) = Read("He was released on bail on Thursday. They were denied visas twice. Lee was defeated in the primary.");
        Assert.Equal("08", Single(doc, events, "released").Code[..2]);
        Assert.Equal("They", TextOf(doc, Single(doc, events, "denied").Target));
        Assert.DoesNotContain(events, e => doc.GetText(e.Trigger!.Value) == "defeated");
    }

    /// <summary>What is asked or demanded from someone is asked of them: the 'from' phrase is the target, the thing asked for is not.</summary>
    [Fact]
    public void WhatIsAskedFromSomeone_TargetsThem()
    {
        var (doc, events) = Read("The city council requested payment from the Green Party.");
        var requested = Single(doc, events, "requested");
        Assert.Equal("02", requested.Code[..2]);
        Assert.Equal("Green Party", TextOf(doc, requested.Target));
    }

    /// <summary>A request and a petition are appeals (020), made by whoever the 'by' phrase or the possessor names.</summary>
    [Fact]
    public void ARequest_IsAnAppeal()
    {
        var (doc, events) = Read("The request by the Green Party was rejected by the court.");
        var request = Single(doc, events, "request");
        Assert.Equal("020", request.Code);
        Assert.Contains("Green Party", TextOf(doc, request.Actor));
    }
}
