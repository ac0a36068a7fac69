using Dossier.Analysis;
using Dossier.Annotations;
using Dossier.Nlp.Events;
using Dossier.Text;

namespace Dossier.Tests.Analysis;

/// <summary>What the brief shows of a coded event.</summary>
public class EventFactTests
{
    private static EventFact Event(EntityRef? actor, EntityRef? target, EventMode mode = EventMode.Asserted, double confidence = 0.9) =>
        new("ev:1", "d1", new EventData(new TextSpan(0, 10), "190", "use conventional military force", new TextSpan(0, 3), new TextSpan(8, 10), "2024-03", null, Mode: mode, Confidence: confidence),
            "attack".AsMemory(), "attacked", "Clinton", actor, "him", target, null, null, 0);

    [Fact]
    public void AnActByAPartyOnItself_IsNotShown_ForAPronounDoesNotNameItsOwnClausesSubject()
    {
        var clinton = new EntityRef("e:clinton", "Hillary Clinton");
        var sanders = new EntityRef("e:sanders", "Bernie Sanders");
        Assert.False(Event(clinton, clinton).IsShown);
        Assert.True(Event(clinton, sanders).IsShown);
        Assert.True(Event(clinton, null).IsShown);
    }

    [Fact]
    public void WhatDidNotHappenOrIsUnsure_IsNotShown()
    {
        var a = new EntityRef("e:a", "A");
        var b = new EntityRef("e:b", "B");
        Assert.False(Event(a, b, EventMode.Negated).IsShown);
        Assert.False(Event(a, b, EventMode.Future).IsShown);
        Assert.False(Event(a, b, confidence: EventComponent.ShownConfidence - 0.01).IsShown);
    }
}

/// <summary>How the brief's timeline writes a date the report leaves open.</summary>
public class OpenDateTests
{
    [Theory]
    [InlineData("XXXX-WXX-4", "a Thursday", "date unknown")]
    [InlineData("XXXX-WXX-7", "a Sunday", "date unknown")]
    [InlineData("XXXX-01-20", "20 January", "year unknown")]
    [InlineData("XXXX-03", "March", "year unknown")]
    [InlineData("XXXX-WXX-4TNI", "XXXX-WXX-4TNI", "uncertain")]
    [InlineData("XXXX-13", "XXXX-13", "uncertain")]
    public void AnOpenDate_SaysWhatIsKnownAndWhatIsNot(string value, string shown, string open) =>
        Assert.Equal((shown, open), Dossier.Analysis.Reporting.Brief.FactSections.OpenDate(value));
}
