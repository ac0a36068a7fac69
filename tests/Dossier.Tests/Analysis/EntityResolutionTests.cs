using System.Text.RegularExpressions;
using Dossier.Analysis;
using Dossier.Annotations;
using Dossier.Knowledge;
using Dossier.Tests.TestKit;
using Dossier.Text;
using Dossier.Training.Entities;
using Dossier.Training.Ner;

namespace Dossier.Tests.Analysis;

/// <summary>Entity resolution on hand-made mentions (no tagger involved), and the knowledge base's linking.</summary>
public class EntityResolutionTests
{
    /// <summary>A document whose mentions are the [bracketed/TYPE] parts of <paramref name="marked"/>, with quotes by the speakers given (the first occurrence of each, or the part after '|' of the first occurrence of the whole).</summary>
    private static Document Doc(string marked, params (string Speaker, string Content)[] quotes)
    {
        var text = Regex.Replace(marked, @"\[([^\]/]+)/[A-Z]+\]", "$1");
        var doc = new Document(text);
        var mentions = new List<MentionData>();
        var offset = 0;
        foreach (Match m in Regex.Matches(marked, @"\[([^\]/]+)/([A-Z]+)\]"))
        {
            var start = m.Index - offset;
            mentions.Add(new MentionData(new TextSpan(start, start + m.Groups[1].Length), m.Groups[2].Value));
            offset += m.Length - m.Groups[1].Length;
        }

        doc.Set(Layers.Mentions, [.. mentions]);
        doc.Set(Layers.Quotes, [.. quotes.Select(q =>
        {
            // 'Later |Baloch': the speaker is what follows the bar, found where the words around it are.
            var bar = Math.Max(0, q.Speaker.IndexOf('|', StringComparison.Ordinal));
            var name = q.Speaker.Replace("|", string.Empty, StringComparison.Ordinal);
            var speaker = TextSpan.FromLength(text.IndexOf(name, StringComparison.Ordinal) + bar, name.Length - bar);
            var content = new TextSpan(text.IndexOf(q.Content, StringComparison.Ordinal), text.IndexOf(q.Content, StringComparison.Ordinal) + q.Content.Length);
            return new QuoteData(content, QuoteKind.Indirect, speaker, null, speaker, SpeakerFound.Named);
        }).OrderBy(q => q.Span)]);
        return doc;
    }

    private static Entity Of(IReadOnlyList<Entity> entities, string written) => Assert.Single(entities, e => e.Mentions.Any(m => m.Text == written));

    private static readonly KnowledgeBase SmallKb = new(
    [
        new KbEntry("geonames:1168579", "country", "Pakistan", "PK", 30.3, 71.5, 212_000_000, null, []),
        new KbEntry("geonames:6252001", "country", "United States", "US", 37.4, -93.4, 327_000_000, null, ["US", "U.S.", "America"]),
        new KbEntry("geonames:1176615", "city", "Islamabad", "PK", 33.72, 73.04, 601_600, "PK", []),
        new KbEntry("geonames:2660646", "city", "Genève", "CH", 46.2, 6.15, 201_741, null, ["Geneva"]),
        new KbEntry("geonames:4893591", "city", "Geneva", "US", 41.9, -88.3, 21_806, null, []),
        new KbEntry("ofac:12206", "org", "Tehrik-E Taliban Pakistan", null, null, null, 0, null, ["TTP", "Pakistani Taliban"]),
        new KbEntry("geonames:1149361", "country", "Afghanistan", "AF", 34.6, 68.0, 37_000_000, null, ["Islamic Emirate of Afghanistan"]),
    ]);

    /// <summary>One given name with surnames a letter apart is one person across reports (Ratcliffe/Ratcliff), two where one report names both.</summary>
    [Fact]
    public void ASurnameALetterApart_IsOnePerson_UnlessOneReportNamesBoth()
    {
        var a = Doc("CIA Director [John Ratcliffe/PER] briefed senators on Tuesday.");
        var b = Doc("[John Ratcliff/PER], the CIA director, declined to comment.");
        var ratcliffe = Of(EntityGrouping.Group([a, b]), "John Ratcliffe");
        Assert.Equal(2, ratcliffe.Mentions.Count);

        var both = Doc("[Ann Johnson/PER] and [Ann Johnston/PER] both ran for the seat.");
        Assert.Equal(2, EntityGrouping.Group([both]).Count(e => e.Type == "PER"));
        Assert.Equal(2, EntityGrouping.Group([Doc("[John Khan/PER] spoke."), Doc("[John Kahn/PER] spoke.")]).Count); // too short to tell
    }

    /// <summary>A titled surname the knowledge base gives to another given name ('Mr. Obama' is Barack Obama) is not the document's other full name of that surname.</summary>
    [Fact]
    public void ATitledSurnameTheKnowledgeBaseGivesAnotherGivenName_IsNotTheDocumentsFullName()
    {
        var kb = new KnowledgeBase([new KbEntry("petrarch:BARACK_OBAMA", "person", "Barack Obama", "US", null, null, 0, null, ["Mr. Obama", "President Obama"])]);
        var doc = Doc("The campaign will employ [Mr. Obama/PER] and the first lady, [Michelle Obama/PER], in Florida. [Obama/PER] will speak first.");
        var entities = EntityGrouping.Group([doc], kb);
        Assert.NotEqual(Of(entities, "Mr. Obama").Id, Of(entities, "Michelle Obama").Id);
        Assert.NotEqual(Of(entities, "Obama").Id, Of(entities, "Michelle Obama").Id); // the bare surname names two people here

        // Without such knowledge the surname still joins the one full name of its document.
        var plain = Doc("The campaign will employ [Michelle Obama/PER] in Florida, where [Mrs. Obama/PER] is popular.");
        Assert.Single(EntityGrouping.Group([plain], kb), e => e.Type == "PER");
    }

    [Theory]
    [InlineData("ratclife", "ratclif", true)]
    [InlineData("johnson", "johnston", true)]
    [InlineData("stewart", "steward", true)]
    [InlineData("stewart", "stewart", false)]
    [InlineData("ratclife", "ratcl", false)]
    [InlineData("abcdef", "abxdeg", false)]
    public void OneEditApart_IsOneLetterInsertedDeletedOrReplaced(string a, string b, bool apart) =>
        Assert.Equal(apart, EntityGrouping.OneEditApart(a, b));

    /// <summary>A place abbreviated to initials ('D.I. Khan') is the place whose words they begin, whatever the tagger said; it links where the story names its country.</summary>
    [Fact]
    public void APlaceAbbreviatedToInitials_IsThatPlace()
    {
        var kb = new KnowledgeBase(
        [
            new KbEntry("geonames:1168579", "country", "Pakistan", "PK", 30.3, 71.5, 212_000_000, null, []),
            new KbEntry("geonames:1180281", "city", "Dera Ismail Khan", "PK", 31.8, 70.9, 763_195, null, []),
            new KbEntry("geonames:1180289", "city", "Dera Ghazi Khan", "PK", 30.0, 70.6, 399_064, null, []),
        ]);
        Assert.Equal("geonames:1180281", Assert.Single(kb.AbbreviatedPlaces("D.I. Khan")).Id);
        Assert.Equal("geonames:1180289", Assert.Single(kb.AbbreviatedPlaces("D. G. Khan")).Id);
        Assert.Empty(kb.AbbreviatedPlaces("J.K. Khan"));
        Assert.Empty(kb.AbbreviatedPlaces("Khan"));
        Assert.Empty(kb.AbbreviatedPlaces("Dera Ismail Khan"));

        var doc = Doc("Police detained him in [D.I. Khan/PER], [Pakistan/GPE], on Friday.");
        var place = Of(EntityGrouping.Group([doc], kb), "D.I. Khan");
        Assert.Equal(("GPE", "geonames:1180281"), (place.Type, place.Kb?.Id));
    }

    /// <summary>A person's surname the tagger typed otherwise is the person where it stands as a name of its own; 'the Baloch' is a people.</summary>
    [Fact]
    public void ASurnameTypedAsAnOrganisation_IsThePersonNamedInFull_NotAPeopleAfterThe()
    {
        var a = Doc("Spokesperson [Mumtaz Zahra Baloch/PER] spoke. Later [Baloch/ORG] said talks were over. Protests by the [Baloch/NORP] went on.",
            ("Later |Baloch", "talks were over"));
        var entities = EntityGrouping.Group([a]);
        var person = Of(entities, "Mumtaz Zahra Baloch");
        Assert.Equal("PER", person.Type);
        Assert.Equal(2, person.Mentions.Count);
        Assert.DoesNotContain(entities, e => e.Type == "PER" && e.Mentions.Any(m => m.Span.Start > a.Text.IndexOf("the Baloch", StringComparison.Ordinal)));

        // Without a person named in full, the tagger's type stands.
        var b = Doc("Later [Baloch/ORG] said talks were over.", ("Baloch", "talks were over"));
        Assert.Equal("ORG", Assert.Single(EntityGrouping.Group([b])).Type);
    }

    /// <summary>A word the tagger took for a place that the knowledge base knows only as a person's surname is that person; one it also knows as a place stays a place.</summary>
    [Fact]
    public void APlaceTheKnowledgeBaseKnowsOnlyAsASurname_IsAPerson()
    {
        var kb = new KnowledgeBase(
        [
            new KbEntry("petrarch:VLADIMIR_PUTIN", "person", "Vladimir Putin", "RU", null, null, 0, null, []),
            new KbEntry("petrarch:MICHAEL_JORDAN", "person", "Michael Jordan", "US", null, null, 0, null, []),
            new KbEntry("geonames:248816", "country", "Jordan", "JO", 31.0, 36.0, 10_000_000, null, []),
        ]);
        var a = Doc("[Putin/LOC] declared on Wednesday that talks would continue. [Jordan/LOC] said it would help.",
            ("Putin", "talks would continue"), ("Jordan", "it would help"));
        var entities = EntityGrouping.Group([a], kb);
        Assert.Equal("PER", Of(entities, "Putin").Type);
        Assert.NotEqual("PER", Of(entities, "Jordan").Type);

        // Without the knowledge base, the tagger's type stands.
        Assert.NotEqual("PER", Of(EntityGrouping.Group([a]), "Putin").Type);
    }

    [Fact]
    public void AcronymDefinedInADocument_JoinsItsExpansionEverywhere()
    {
        var a = Doc("The [Baloch Liberation Army/ORG] ([BLA/ORG]) claimed it.");
        var b = Doc("Officials blamed the [BLA/ORG] for the attack.");
        var entities = EntityGrouping.Group([a, b]);
        var bla = Of(entities, "Baloch Liberation Army");
        Assert.Equal(3, bla.Mentions.Count);
        Assert.Equal("Baloch Liberation Army", bla.Name);
    }

    [Fact]
    public void TransliteratedSpellings_AreOneOrganisation_ButNeverThePlaceInTheirName()
    {
        var a = Doc("[Tehreek-e-Taliban Pakistan/ORG] fighters crossed into [Pakistan/GPE].");
        var b = Doc("[Tehrik-i-Taliban Pakistan/ORG] denied it.");
        var entities = EntityGrouping.Group([a, b]);
        Assert.Equal(2, Of(entities, "Tehreek-e-Taliban Pakistan").Mentions.Count);
        Assert.DoesNotContain(Of(entities, "Pakistan").Mentions, m => m.Text.Contains("Taliban", StringComparison.Ordinal));
    }

    /// <summary>Issue 21: 'Mohammad Sharifullah' and 'Muhammad Sharifullah' were two people; a given name's spellings are one when the rest of the name agrees.</summary>
    [Fact]
    public void SpellingsOfOneGivenName_AreOnePerson_WhenTheSurnameAgrees()
    {
        var a = Doc("Police arrested [Mohammad Sharifullah/PER] in the border town.");
        var b = Doc("[Muhammad Sharifullah/PER] was handed over; [Mohammed Ali/PER] and [Muhammad Ali Khan/PER] were not involved.");
        var entities = EntityGrouping.Group([a, b]);
        Assert.Equal(2, Of(entities, "Mohammad Sharifullah").Mentions.Count);
        Assert.NotSame(Of(entities, "Mohammed Ali"), Of(entities, "Muhammad Ali Khan"));
        Assert.Single(Of(entities, "Mohammed Ali").Mentions);
    }

    /// <summary>Issue 21: an alias in quotation marks ('also known as “Jafar”') was not joined; the person keeps the type of the tie.</summary>
    [Fact]
    public void AnAliasInQuotationMarks_IsTheSamePerson()
    {
        var doc = Doc("Police held [Mohammad Sharifullah/PER], also known as “[Jafar/MISC]”, for a week.");
        var person = Of(EntityGrouping.Group([doc]), "Jafar");
        Assert.Contains(person.Mentions, m => m.Text == "Mohammad Sharifullah");
        Assert.Equal("PER", person.Type);
    }

    /// <summary>Issue 21: the Foreign Office spokesperson 'Baloch' was an ethnic group, an organisation and a person at once. A name right after a personal title is a person; a group after 'leader' is not retyped.</summary>
    [Theory]
    [InlineData("Foreign Office spokesperson [Mumtaz Zahra Baloch/ORG] said talks were off. The spokesperson [Baloch/NORP] added that no date was set.", "Baloch", "PER", 2)]
    [InlineData("Secretary-General [Ban Ki-moon/ORG] spoke to reporters.", "Ban Ki-moon", "PER", 1)]
    [InlineData("The party leader [Democrats/NORP] met voters.", "Democrats", "NORP", 1)]
    public void ANameAfterAPersonalTitle_IsAPerson(string text, string name, string type, int mentions)
    {
        var entity = Of(EntityGrouping.Group([Doc(text)]), name);
        Assert.Equal(type, entity.Type);
        Assert.Equal(mentions, entity.Mentions.Count);
    }

    [Fact]
    public void Surname_JoinsTheOneFullNameOfItsDocument_AndTitlesAreNotPartOfTheName()
    {
        var a = Doc("[Shafqat Ali Khan/PER] spoke. [Khan/PER] said more. [Imran Khan/PER] was elsewhere.");
        var b = Doc("[President Donald Trump/PER] spoke; later [Trump/PER] left. [Donald Trump/PER] returned.");
        var entities = EntityGrouping.Group([a, b]);

        // Two people called Khan in one document: the surname alone stays apart.
        Assert.Single(Of(entities, "Khan").Mentions);
        Assert.Equal(3, Of(entities, "Trump").Mentions.Count);
    }

    [Fact]
    public void AlsoKnownAs_JoinsTheAlias()
    {
        var a = Doc("[Mohammad Sharifullah/PER], also known as [Jafar/PER], was arrested.");
        Assert.Equal(2, Of(EntityGrouping.Group([a]), "Jafar").Mentions.Count);
    }

    [Fact]
    public void APlaceNamedOnlyByATranslationOfItsName_IsLinkedOnlyWhereTheStoryNamesItsCountry()
    {
        // Issue 21: GeoNames lists 'White House' among Casablanca's names (Dar al-Bayda); in a US story it is not Casablanca.
        var kb = new KnowledgeBase(
        [
            new KbEntry("geonames:2553604", "city", "Casablanca", "MA", 33.6, -7.6, 3_665_954, null, ["Dar al-Bayda", "White House"]),
            new KbEntry("geonames:2542007", "country", "Morocco", "MA", 32.0, -6.0, 36_000_000, null, []),
            new KbEntry("geonames:2660646", "city", "Genève", "CH", 46.2, 6.15, 201_741, null, ["Geneva"]),
        ]);
        var us = EntityGrouping.Group([Doc("The [White House/GPE] said talks would resume in [Geneva/GPE].")], kb);
        Assert.Null(Of(us, "White House").Kb);
        Assert.Equal("CH", Of(us, "Geneva").Kb!.Country); // a one-word exonym stands

        var morocco = EntityGrouping.Group([Doc("Crowds gathered outside the [White House/GPE] in [Morocco/GPE].")], kb);
        Assert.Equal("geonames:2553604", Of(morocco, "White House").Kb!.Id);
    }

    /// <summary>Issue 21: a building that names a government ('the White House said') is the curated organisation, whatever type the tagger gave it.</summary>
    [Fact]
    public void AGovernmentNamedByItsSeat_IsTheCuratedOrganisation()
    {
        var kb = new KnowledgeBase(
        [
            new KbEntry("geonames:2553604", "city", "Casablanca", "MA", 33.6, -7.6, 3_665_954, null, ["White House"]),
            new KbEntry(KnowledgeBase.CuratedPrefix + "us-whitehouse", "org", "White House", null, null, null, 0, null, []),
            new KbEntry("geonames:2643743", "city", "London", "GB", 51.5, -0.1, 8_961_989, "GB", []),
        ]);
        var entities = EntityGrouping.Group([Doc("The [White House/GPE] said the [White House/FAC] staff met envoys in [London/GPE].")], kb);
        var house = Of(entities, "White House");
        Assert.Equal("ORG", house.Type);
        Assert.Equal(KnowledgeBase.CuratedPrefix + "us-whitehouse", house.Kb!.Id);
        Assert.Equal(2, house.Mentions.Count);
        Assert.Equal("GPE", Of(entities, "London").Type); // a place the list does not hold stays a place
    }

    /// <summary>A region of a country the story names comes before a town of the same name elsewhere; without that context the town's size decides.</summary>
    [Fact]
    public void ARegionOfTheStorysCountry_BeatsATownOfTheSameNameElsewhere()
    {
        var kb = new KnowledgeBase(
        [
            new KbEntry("geonames:6254928", "region", "Virginia", "US", null, null, 0, null, []),
            new KbEntry("geonames:943882", "city", "Virginia", "ZA", -28.1, 26.9, 122_502, null, []),
            new KbEntry("geonames:6252001", "country", "United States", "US", 37.4, -93.4, 327_000_000, null, ["U.S."]),
            new KbEntry("geonames:953987", "country", "South Africa", "ZA", -29.0, 24.0, 59_000_000, null, []),
        ]);
        Assert.Equal("US", Of(EntityGrouping.Group([Doc("The suspect was handed to the [U.S./GPE] and flown to [Virginia/GPE].")], kb), "Virginia").Kb!.Country);
        Assert.Equal("ZA", Of(EntityGrouping.Group([Doc("Miners in [Virginia/GPE] struck as [South Africa/GPE] cut power.")], kb), "Virginia").Kb!.Country);
        Assert.Equal("ZA", Of(EntityGrouping.Group([Doc("Storms reached [Virginia/GPE] overnight.")], kb), "Virginia").Kb!.Country);
    }

    [Fact]
    public void KnowledgeBase_JoinsANamesAkaAndLinksPlacesWithCoordinates()
    {
        var a = Doc("The [TTP/ORG] and the [Pakistani Taliban/ORG] met in [Geneva/GPE] with [U.S./GPE] and [America/GPE] envoys.");
        var entities = EntityGrouping.Group([a], SmallKb);
        Assert.Equal(2, Of(entities, "TTP").Mentions.Count);
        Assert.Equal("ofac:12206", Of(entities, "TTP").Kb!.Id);
        Assert.Equal(2, Of(entities, "America").Mentions.Count);

        // Two Genevas: the city of 200,000 beats the town of 22,000 even in a story that names the US.
        Assert.Equal("CH", Of(entities, "Geneva").Kb!.Country);
        Assert.Equal(46.2, Of(entities, "Geneva").Kb!.Latitude);
    }

    [Fact]
    public void Name_IsTheKnowledgeBasesWhereTheTextsWriteIt_ElseTheFullestForm()
    {
        var a = Doc("The [Islamic Emirate of Afghanistan/ORG] said [Afghanistan/GPE] was calm. [Afghanistan/GPE] again.");
        var b = Doc("The [TTP/ORG], or [Tehreek-e-Taliban Pakistan/ORG], and the [TTP/ORG] again.");
        var entities = EntityGrouping.Group([a, b], SmallKb);
        Assert.Equal(("Afghanistan", "GPE"), (Of(entities, "Islamic Emirate of Afghanistan").Name, Of(entities, "Islamic Emirate of Afghanistan").Type));
        Assert.Equal("Tehreek-e-Taliban Pakistan", Of(entities, "TTP").Name);
    }

    [Fact]
    public void Metonymy_ACapitalThatSpeaksIsItsState_ACapitalThatIsAPlaceStaysOne()
    {
        var a = Doc("[Islamabad/GPE] urged the world to act. Talks were held in [Islamabad/GPE] with [Pakistan/GPE] officials.", ("Islamabad", "the world to act"));
        var entities = EntityGrouping.Group([a], SmallKb);
        var pakistan = Of(entities, "Pakistan");
        Assert.Contains(pakistan.Mentions, m => m.Text == "Islamabad" && m.Span.Start == 0);
        var city = Assert.Single(entities, e => e.Kb?.Id == "geonames:1176615");
        Assert.DoesNotContain(city.Mentions, m => m.Span.Start == 0);
    }

    [Fact]
    public void KnowledgeBase_SavesAndLoadsTheSameEntries()
    {
        using var dir = new TempDir();
        var path = dir.File("kb.tsv");
        SmallKb.Save(path);
        var loaded = KnowledgeBase.Load(path);
        Assert.Equal(SmallKb.Entries.OrderBy(e => e.Id).Select(e => (e.Id, e.Name, e.Latitude, e.CapitalOf, string.Join('|', e.Aliases))),
            loaded.Entries.OrderBy(e => e.Id).Select(e => (e.Id, e.Name, e.Latitude, e.CapitalOf, string.Join('|', e.Aliases))));
        Assert.Single(loaded.Candidates("Tehreek-e-Taliban Pakistan"));
    }

    [Fact]
    public void ShippedKnowledgeBase_KnowsTheSeedsPlaces()
    {
        var kb = KnowledgeBase.Load(Path.Combine(Repo.Root, "models", "kb", "kb.tsv"));
        foreach (var place in (string[])["Kabul", "Jeddah", "Islamabad", "Geneva", "Peshawar"])
        {
            Assert.Contains(kb.Candidates(place), c => c.Kind == "city" && c.Latitude is not null);
        }

        Assert.Contains(kb.Candidates("Pakistani Taliban"), c => c.Id == "ofac:12206");
        Assert.Contains(kb.Candidates("ISKP"), c => c.Id == "ofac:18647");
    }

    [Fact]
    public void Roles_BeforeTheNameAndInAnApposition_AreKeptOnThePerson()
    {
        var d = Models.Pipeline.Process(
            "Foreign Office spokesperson Shafqat Ali Khan said on Thursday that talks would go on. "
            + "Hamdullah Fitrat, the deputy Taliban spokesperson, dismissed the claim. "
            + "Syed Atif Raza, counsellor at Pakistan's UN Mission, told the council that the weapons were used.");
        var entities = EntityGrouping.Group([d], Models.Kb);
        var khan = Assert.Single(Of(entities, "Shafqat Ali Khan").Roles);
        Assert.Equal(("spokesperson", "Foreign Office"), (khan.Role, khan.Affiliation));
        Assert.Equal("Foreign Office spokesperson", d.GetText(khan.Span));
        var fitrat = Assert.Single(Of(entities, "Hamdullah Fitrat").Roles);
        Assert.Equal(("deputy spokesperson", "Taliban"), (fitrat.Role, fitrat.Affiliation));
        Assert.Equal("counsellor", Assert.Single(Of(entities, "Syed Atif Raza").Roles).Role);
    }

    [Fact]
    public void People_CarryTheirTitledForm_AndTheirSurnameWhenNoOtherPersonHasIt()
    {
        var doc = Models.Pipeline.Process("President Donald Trump met General Ahmed Sharif. Former President Joe Biden and Hunter Biden were not there.");
        var entities = EntityGrouping.Group([doc], Models.Kb);
        var trump = Assert.Single(entities, e => e.Name == "Donald Trump");
        Assert.Contains("President Donald Trump", trump.Aliases);
        Assert.Contains("Trump", trump.Aliases);
        Assert.Contains("General Ahmed Sharif", Assert.Single(entities, e => e.Name == "Ahmed Sharif").Aliases);
        Assert.DoesNotContain(entities, e => e.Type == "PER" && e.Aliases.Contains("Biden")); // two Bidens: the surname is nobody's alone
    }

    [Fact]
    public void Places_CarryTheirCrossingForm_Organisations_TheirNameWithoutTheCountry()
    {
        var doc = Models.Pipeline.Process("The Torkham border crossing was closed. A U.S. Department of Defense report said so.");
        var entities = EntityGrouping.Group([doc], Models.Kb);
        Assert.Contains(entities, e => e.Name == "Torkham" && e.Aliases.Contains("Torkham border crossing"));
        Assert.Contains(entities, e => e.Aliases.Contains("Department of Defense"));
    }

    [Fact]
    public void PetrarchActors_EnterTheKnowledgeBase_WithCountryAndLatestRole_AndPeopleLinkByFullName()
    {
        using var dir = new TempDir();
        System.IO.File.WriteAllText(dir.File("countryInfo.tsv"), "#ISO\tISO3\n" + "PK\tPAK\t586\tPK\tPakistan\tIslamabad\t0\t0\tAS\t.pk\tPKR\tRupee\t92\t\t\tur-PK\t1168579\n"
            + "LB\tLBN\t422\tLE\tLebanon\tBeirut\t0\t0\tAS\t.lb\tLBP\tPound\t961\t\t\tar-LB\t272103\n");
        System.IO.File.WriteAllText(dir.File("groups.txt"), "HEZBOLLAH_ [LBNREB] #  kkl\n+HIZB_ALLAH_\n+HIZBALLAH_\n\nTANZIM_ [MEAREB] #  kkl\n+ORGANIZATION_\n\n");
        System.IO.File.WriteAllText(dir.File("actors.txt"), """
            # a comment
            NAWAZ_SHARIF  # CountryInfo.txt
            +PRIME_MINISTER_SHARIF
            +SHARIF
            	[PAKELI 670101-901106]
            	[PAKGOV >20130605]

            MINISTRY_OF_DEFENSE [PAKGOV]

            """);
        var kb = KnowledgeBaseBuilder.Build(new GazetteerSources { GeonamesCountries = "countryInfo.tsv", PetrarchPeople = ["actors.txt"], PetrarchOrganisations = ["groups.txt"] }, dir.Path);
        var hezbollah = Assert.Single(kb.Entries, e => e.Name == "Hezbollah");
        Assert.Equal(("org", "LB", "REB"), (hezbollah.Kind, hezbollah.Country, hezbollah.Role));
        Assert.Equal(["Hizb Allah"], hezbollah.Aliases);
        Assert.Empty(Assert.Single(kb.Entries, e => e.Name == "Tanzim").Aliases); // '+ORGANIZATION_' is not a name of it
        var sharif = Assert.Single(kb.Entries, e => e.Kind == "person");
        Assert.Equal(("petrarch:NAWAZ_SHARIF", "Nawaz Sharif", "PK", "GOV"), (sharif.Id, sharif.Name, sharif.Country, sharif.Role));
        Assert.Equal(["Prime Minister Sharif"], sharif.Aliases); // one-word aliases are left out
        Assert.DoesNotContain(kb.Entries, e => e.Name.Contains("Ministry", StringComparison.Ordinal)); // no dated role: not a person

        var doc = Doc("[Nawaz Sharif/PER] spoke; [Prime Minister Sharif/PER] left.");
        var entity = Assert.Single(EntityGrouping.Group([doc], kb));
        Assert.Equal("petrarch:NAWAZ_SHARIF", entity.Kb!.Id);
    }

    [Fact]
    public void PronounsAndRoleNouns_JoinTheNearestFittingEntityBeforeThem()
    {
        var doc = Models.Pipeline.Process("Shafqat Ali Khan spoke in Islamabad. He said the TTP was to blame and the group had bases abroad. The Ministry of Defense rejected it; the ministry said Pakistan must answer.");
        var entities = EntityGrouping.Group([doc], Models.Kb);
        Assert.Contains(entities.Single(e => e.Type == "PER").Mentions, m => m.Text == "He");
        Assert.Contains(entities.Single(e => e.Aliases.Contains("TTP") || e.Name == "TTP").Mentions, m => m.Text == "the group");
        Assert.Contains(entities.Single(e => e.Name.Contains("Ministry of Defense", StringComparison.Ordinal)).Mentions, m => m.Text == "the ministry");
    }
}
