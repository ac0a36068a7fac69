using Dossier.Annotations;
using Dossier.Nlp.Quotes;

namespace Dossier.Tests.Nlp.Quotes;

public class AttributionConfidenceTests
{
    [Fact]
    public void ShippedRates_RankSpeakersByName_AboveGuesses_AndAnUnknownWayGetsTheLowest()
    {
        Assert.True(AttributionConfidence.Of("continuation") < AttributionConfidence.Of("named"));
        Assert.True(AttributionConfidence.Of("tagger:unnamed") < AttributionConfidence.Of("named"));
        Assert.Equal(AttributionConfidence.Of("continuation"), AttributionConfidence.Of("a way never measured"));
        Assert.Equal(AttributionConfidence.Of("continuation"), AttributionConfidence.Of((string?)null));
        Assert.Equal(AttributionConfidence.Of("tagger:pronoun"), AttributionConfidence.Of(new AttributionWay(SpeakerFound.Pronoun, ByTagger: true)));
        Assert.Equal(AttributionConfidence.Of("named"), AttributionConfidence.Of(SpeakerFound.Named));
    }

    /// <summary>The surer ways are the rules' named speakers, personal pronouns, affiliations and roles, however the table's rates move: a guess or the tagger's speaker is never one of them, written or not.</summary>
    [Fact]
    public void SurerWays_AreANamedList_NotARate()
    {
        Assert.Equal(["named", "pronoun", "affiliation", "role"], AttributionConfidence.SurerWays.Select(w => w.ToString()));
        Assert.True(AttributionConfidence.IsSurer(SpeakerFound.Named));
        Assert.False(AttributionConfidence.IsSurer(new AttributionWay(SpeakerFound.Named, ByTagger: true)));
        Assert.False(AttributionConfidence.IsSurer(SpeakerFound.Nearest));
        Assert.False(AttributionConfidence.IsSurer((AttributionWay?)null));
        Assert.True(AttributionConfidence.IsSurer("role"));
        Assert.False(AttributionConfidence.IsSurer("tagger:role"));
        Assert.False(AttributionConfidence.IsSurer("nearest"));
        Assert.False(AttributionConfidence.IsSurer((string?)null));
    }

    [Fact]
    public void Table_IsWhatTheShippedFileHolds_MostFoundFirst_WithRoundedShares()
    {
        var lines = AttributionConfidence.Table([("role", 3, 2), ("named", 10, 8), ("none", 0, 0)]).Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(["how\tfound\tright\tprecision", "named\t10\t8\t0.80", "role\t3\t2\t0.67", "none\t0\t0\t0.00"], lines);
    }

    /// <summary>A quote carries the rate of the way its speaker was found; its claim, found a surer way, the claims model's estimate for it.</summary>
    [Fact]
    public void Quotes_CarryTheConfidenceOfTheWayTheirSpeakerWasFound_TheirClaimsTheModels()
    {
        var doc = TestKit.Models.Pipeline.Process("Foreign Office spokesperson Shafqat Ali Khan said Pakistan had shared evidence with the United States.");
        var quote = Assert.Single(doc.Get(Dossier.Annotations.Layers.Quotes));
        Assert.Equal(AttributionConfidence.Of(quote.Attribution), quote.Confidence);
        var (claim, evidence) = Assert.Single(new Dossier.Nlp.Claims.ClaimComponent().Read(doc));
        Assert.Equal(Math.Round(Dossier.Nlp.Claims.ClaimComponent.DefaultConfidence.Probability(evidence!.Value.Features()), 2), claim.Confidence);
    }

    /// <summary>On PolNeAR train a group pronoun's speaker ('they', 'it' taken as the organisation named last) is right about half the time, a person pronoun's five times in six: the brief shows the second, not the first.</summary>
    [Fact]
    public void AGroupPronounsSpeaker_IsAWayOfItsOwn_BelowWhatTheBriefShows()
    {
        Assert.True(AttributionConfidence.Of(SpeakerFound.GroupPronoun) < AttributionConfidence.Of(SpeakerFound.Pronoun));
        Assert.False(AttributionConfidence.IsSurer(SpeakerFound.GroupPronoun));
        Assert.True(AttributionConfidence.IsSurer(SpeakerFound.Pronoun));

        var doc = TestKit.Models.Pipeline.Process("The Interior Ministry issued a long statement on Monday. It said the border crossing would reopen within a week.");
        var quote = Assert.Single(doc.Get(Layers.Quotes));
        Assert.Equal(new AttributionWay(SpeakerFound.GroupPronoun), quote.Attribution);
        Assert.Equal("grouppronoun", quote.Attribution.ToString());
    }
}
