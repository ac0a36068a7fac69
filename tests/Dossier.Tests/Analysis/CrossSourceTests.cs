using Dossier.Analysis;
using Dossier.Analysis.Reporting;
using Dossier.Extraction.Ingestion;
using Dossier.Nlp;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Analysis;

public class CrossSourceTests
{
    /// <summary>The opening all the story's reports share, so that one-sentence reports are one story as whole articles would be (claims of different stories never join).</summary>
    private const string Opening = "Pakistan and Afghanistan traded accusations over militant attacks along their border this week, as officials in Islamabad and Kabul met.";

    /// <summary>A report of the border story: its opening, then <paramref name="sentence"/>.</summary>
    private static Document Report(string sentence) => Models.Pipeline.Process(Opening + "\n\n" + sentence);

    private static Document Load(string path, string? text = null)
    {
        var doc = new DocumentLoader().Load(path);
        return Models.Pipeline.Process(text is null ? doc : new Document(text, doc.Metadata));
    }

    /// <summary>Three lightly edited reposts of seed 001 (a word changed and a line added; a paragraph dropped; a credit added and words swapped) are one source with it: 5 independent sources, not 8.</summary>
    [Fact]
    public void SeedsPlusThreeRepostsOfOne_AreFiveIndependentSources()
    {
        var seeds = Repo.SeedFiles.Select(f => Load(f)).ToList();
        var original = File.ReadAllText(Repo.SeedFiles[1]);
        var paragraphs = original.Split("\n\n");
        string[] reposts =
        [
            original.Replace("increasingly", "more and more", StringComparison.Ordinal) + "\nShare this article on social media.\n",
            string.Join("\n\n", paragraphs.Take(3).Concat(paragraphs.Skip(4))),
            "Reposted from a wire service.\n\n" + original.Replace("said", "stated", StringComparison.Ordinal).Replace("weapons", "arms", StringComparison.Ordinal),
        ];
        var docs = seeds.Concat(reposts.Select(r => Load(Repo.SeedFiles[1], r))).ToList();
        Assert.Equal(8, docs.Select(d => d.Id).Distinct().Count());

        var analysis = new CorpusAnalysis(docs, [], Models.Pipeline.Adds, Models.Kb);
        Assert.Equal(5, analysis.IndependentSources);
        Assert.All(docs.Skip(5), d => Assert.Equal(seeds[1].Id, analysis.SourceOf[d.Id]));
    }

    [Fact]
    public void DifferentStoriesOnOneTopic_AreNotCopies()
    {
        var texts = Repo.SeedFiles.Select(File.ReadAllText).ToList();
        var groups = Syndication.Group(texts);
        Assert.Equal(Enumerable.Range(0, texts.Count), groups);
    }

    [Fact]
    public void Signatures_EstimateJaccard()
    {
        var a = string.Join(' ', Enumerable.Range(0, 400).Select(k => $"w{k}"));
        var b = string.Join(' ', Enumerable.Range(0, 400).Select(k => k % 50 == 0 ? "changed" : $"w{k}"));
        var c = string.Join(' ', Enumerable.Range(1000, 400).Select(k => $"w{k}"));
        Assert.True(Syndication.Agreement(Syndication.Signature(a)!, Syndication.Signature(b)!) > 0.6);
        Assert.True(Syndication.Agreement(Syndication.Signature(a)!, Syndication.Signature(c)!) < 0.1);
        Assert.Null(Syndication.Signature("too short to shingle"));
    }

    [Fact]
    public void ARejectedAllegation_IsDisputedWithTheAllegation()
    {
        var doc = Models.Pipeline.Process("Khan rejected allegations by Afghanistan regarding the presence of training camps of ISKP in Pakistan.");
        var analysis = new CorpusAnalysis([doc], [], Models.Pipeline.Adds, Models.Kb);
        var group = Assert.Single(analysis.ClaimGroups);
        Assert.Equal(GroupStatus.Disputed, group.Status);
        Assert.Contains(group.Claims, c => ClaimAlignment.Denies(c.Data.Stance));
        Assert.Contains(group.Claims, c => !ClaimAlignment.Denies(c.Data.Stance));
    }

    [Fact]
    public void ABareDenial_AnswersTheClaimBeforeIt()
    {
        var doc = Models.Pipeline.Process("Pakistan accuses Kabul of sheltering militant groups that launch cross-border attacks. Afghan officials deny involvement.");
        var analysis = new CorpusAnalysis([doc], [], Models.Pipeline.Adds, Models.Kb);
        var group = Assert.Single(analysis.ClaimGroups);
        Assert.Equal(GroupStatus.Disputed, group.Status);
        Assert.Equal(2, group.Claims.Count);
    }

    [Fact]
    public void ClaimsOfOneFrameAndPlace_InDifferentWords_AreOneGroup()
    {
        var a = Report("Pakistani officials said the TTP has a safe haven in Afghanistan.");
        var b = Report("The United Nations said militants enjoy sanctuaries on Afghan soil, according to a report.");
        var analysis = new CorpusAnalysis([a, b], [], Models.Pipeline.Adds, Models.Kb);
        Assert.All(analysis.Propositions, p => Assert.Equal("harbour", p.Frame));
        Assert.Single(analysis.Propositions.Select(p => p.Place).Distinct());
        var group = Assert.Single(analysis.ClaimGroups);
        Assert.Equal(2, group.Claims.Select(c => c.Document).Distinct().Count());
    }

    [Fact]
    public void WithoutTheParser_TheFirstFrameWordOfTheContentIsTheFrame()
    {
        var pipeline = new Dossier.PipelineBuilder().UseDefaults(Models.Ner, Models.Attribution).Build();
        var doc = pipeline.Process("Pakistani officials said the TTP has a safe haven in Afghanistan.");
        var analysis = new CorpusAnalysis([doc], [], pipeline.Adds, Models.Kb);
        var proposition = Assert.Single(analysis.Propositions);
        Assert.Equal("harbour", proposition.Frame);
        Assert.Null(proposition.Place);
    }

    [Fact]
    public void ClaimsThatShareNamesButNotTheirFrameOrPlace_AreApart()
    {
        // Same group named, different things said of it; same thing said, of different countries.
        var a = Models.Pipeline.Process("Pakistan said the TTP has a safe haven in Afghanistan.");
        var b = Models.Pipeline.Process("Pakistan said the TTP is using advanced US weapons in attacks.");
        var c = Models.Pipeline.Process("Afghanistan said the TTP has a safe haven in Pakistan.");
        var analysis = new CorpusAnalysis([a, b, c], [], Models.Pipeline.Adds, Models.Kb);
        Assert.Equal(["arms+militant", "harbour", "harbour"], analysis.Propositions.Select(p => p.Frame!).Order());
        Assert.All(analysis.ClaimGroups, g => Assert.Single(g.Claims.Select(x => x.Document).Distinct()));
    }

    [Fact]
    public void OneFrameAndPlace_SaidOfDifferentGroups_AreApart_OfABranchAndItsParent_AreOne()
    {
        // 'presence', 'camps' and 'soil' are one frame: a group operating from a place. Whose presence decides.
        var a = Report("Pakistani officials said the TTP has a safe haven in Afghanistan.");
        var b = Report("The spokesman said ISIS does not have a physical presence in Afghanistan.");
        var c = Report("Kabul alleged the presence of training camps of ISKP in Pakistan.");
        var d = Report("The ministry said ISIS extremists are using Pakistan's soil against Afghanistan.");
        var analysis = new CorpusAnalysis([a, b, c, d], [], Models.Pipeline.Adds, Models.Kb);
        Assert.All(analysis.Propositions, p => Assert.Equal("harbour", p.Frame));
        Assert.DoesNotContain(analysis.ClaimGroups, g => g.Claims.Any(x => x.Document == a.Id) && g.Claims.Any(x => x.Document == b.Id));
        var pakistan = Assert.Single(analysis.ClaimGroups, g => g.Claims.Any(x => x.Document == c.Id));
        Assert.Contains(pakistan.Claims, x => x.Document == d.Id);
    }

    [Theory]
    [InlineData("The minister said militants are using US weapons left behind in Afghanistan.", 2)] // a clause, nothing pointing outside
    [InlineData("The minister said they were gaining access to them.", 1)] // a clause whose pronouns point outside it
    [InlineData("The minister said it was proven that the TTP enjoys sanctuaries there.", 2)] // an expletive 'it' points nowhere
    [InlineData("The minister noted the presence of training camps in Pakistan.", 0)] // a noun phrase
    public void ACanonicalStatement_IsAWholeClause_ThatReadsOnItsOwn(string text, int readability)
    {
        var doc = Models.Pipeline.Process(text);
        var claim = Assert.Single(doc.Get(Dossier.Annotations.Layers.Claims));
        Assert.Equal(readability, CanonicalStatement.Readability(doc, claim.Span));
    }

    [Fact]
    public void AGroupsStatement_KeepsTheOutletsCase()
    {
        var a = Models.Pipeline.Process("Pakistani officials said the TTP has a safe haven in Afghanistan.");
        var b = Models.Pipeline.Process("The United Nations said the TTP enjoys sanctuaries on Afghan soil, according to a report.");
        var group = Assert.Single(new CorpusAnalysis([a, b], [], Models.Pipeline.Adds, Models.Kb).ClaimGroups);
        Assert.Contains(group.Proposition, group.Claims.Select(c => c.Text));
        Assert.Contains("TTP", group.Proposition, StringComparison.Ordinal);
    }

    [Fact]
    public void ClaimsOfTwoStories_NeverJoin()
    {
        var a = Models.Pipeline.Process("Pakistani officials said the TTP has a safe haven in Afghanistan.");
        var b = Models.Pipeline.Process("The United Nations said the TTP enjoys sanctuaries on Afghan soil, according to a report.");
        var analysis = new CorpusAnalysis([a, b], [], Models.Pipeline.Adds, Models.Kb);
        Assert.Single(analysis.ClaimGroups);
        var mentions = ClaimMentions.Of(analysis.Documents, analysis.Claims, analysis.Entities);
        var apart = ClaimAlignment.Align(analysis.Documents, analysis.Claims, mentions, analysis.Propositions, storyOf: doc => doc);
        Assert.Empty(apart);
    }

    /// <summary>A denial that shares a topic but not the proposition, and a refusal to comment, make no dispute; a rejection of the same words does.</summary>
    [Fact]
    public void OnlyADenialOfTheProposition_MakesADispute()
    {
        var claim = Report("Pakistan accused Kabul of sheltering militant groups that launch cross-border attacks.");
        var topic = Report("A Taliban spokesman said the militant groups do not launch attacks during the holy month.");
        var refusal = Models.Pipeline.Process("Pakistan accused Kabul of sheltering militant groups that launch cross-border attacks. The Taliban declined to comment.");
        Assert.DoesNotContain(new CorpusAnalysis([claim, topic], [], Models.Pipeline.Adds, Models.Kb).ClaimGroups, g => g.Status == GroupStatus.Disputed);
        Assert.DoesNotContain(new CorpusAnalysis([refusal], [], Models.Pipeline.Adds, Models.Kb).ClaimGroups, g => g.Status == GroupStatus.Disputed);

        var rejection = Report("The Taliban rejected allegations that Kabul is sheltering militant groups that launch cross-border attacks.");
        Assert.Contains(new CorpusAnalysis([claim, rejection], [], Models.Pipeline.Adds, Models.Kb).ClaimGroups, g => g.Status == GroupStatus.Disputed);
    }

    /// <summary>Two holders who only share a topic do not corroborate each other; two who state the same thing do.</summary>
    [Fact]
    public void HoldersOfOneTopic_DoNotCorroborate()
    {
        var a = Models.Pipeline.Process("The minister said the new tax on fuel will be collected from March.");
        var b = Models.Pipeline.Process("An opposition leader said the fuel tax was a betrayal of voters who trusted the government.");
        Assert.DoesNotContain(new CorpusAnalysis([a, b], [], Models.Pipeline.Adds, Models.Kb).ClaimGroups, g => g.Status == GroupStatus.Corroborated);
    }

    [Fact]
    public void AnAgent_IsRelatedToItself_AndToABranchNamedAfterIt_NotToAnotherGroup()
    {
        Agent Of(string id, string name, params string[] aliases) => Agent.Of(new Entity(id, name, "ORG", aliases, []));
        var isis = Of("isis", "Islamic State", "ISIS");
        var iskp = Of("iskp", "Islamic State Khorasan Province", "ISIS-K");
        var ttp = Of("ttp", "Tehreek-e-Taliban Pakistan", "Pakistani Taliban", "TTP");
        var taliban = Of("taliban", "Taliban");
        var emirate = Of("iea", "Islamic Emirate of Afghanistan");
        Assert.True(isis.IsRelated(iskp));
        Assert.True(iskp.IsRelated(isis));
        Assert.True(ttp.IsRelated(Of("ttp", "TTP")));
        Assert.False(ttp.IsRelated(taliban));
        Assert.False(isis.IsRelated(emirate));
        Assert.False(isis.IsRelated(ttp));
    }

    [Fact]
    public void TheFrameIsTheWordNearestTheContentsRoot_AWeakFrameGivesWayToOneBelowIt()
    {
        var doc = Models.Pipeline.Process("The spokesperson said the presence of advanced US weapons in the neighbouring country remains a source of concern. He said it was proven that militants enjoy sanctuaries there.");
        var analysis = new CorpusAnalysis([doc], [], Models.Pipeline.Adds, Models.Kb);
        Assert.Equal(["arms", "harbour"], analysis.Propositions.Select(p => p.Frame!).Order());
    }

    [Fact]
    public void TheSameAssertionByTwoHoldersInTwoSources_IsCorroborated_FromOneSourceOrOneHolder_IsNot()
    {
        var a = Models.Pipeline.Process("Pakistan's foreign office said militants are using US weapons left behind in Afghanistan for attacks inside Pakistan.");
        var b = Models.Pipeline.Process("The United Nations said militants are using US weapons left behind in Afghanistan for attacks inside Pakistan, officials told reporters on Monday.");
        var two = new CorpusAnalysis([a, b], [], Models.Pipeline.Adds, Models.Kb);
        var group = Assert.Single(two.ClaimGroups, g => g.Claims.Select(c => c.Document).Distinct().Count() == 2);
        Assert.Equal(GroupStatus.Corroborated, group.Status);
        Assert.Equal(2, group.Statements.Count);

        Assert.Equal(GroupStatus.Single, ClaimAlignment.StatusOf([.. two.Claims], _ => "one source"));
        var c = Models.Pipeline.Process("Islamabad said militants are using US weapons left behind in Afghanistan for attacks inside Pakistan.");
        var oneHolder = new CorpusAnalysis([a, c], [], Models.Pipeline.Adds, Models.Kb);
        Assert.Equal(GroupStatus.Single, Assert.Single(oneHolder.ClaimGroups).Status);
    }

    /// <summary>One holder denying a proposition in one report and stating it in a later one changed position: history, not a dispute; the same two claims on one day are no change.</summary>
    [Fact]
    public void AHolderWhoDeniedThenAsserted_ChangedPosition_NotADispute()
    {
        Document Dated(string outlet, int day, string sentence) =>
            Models.Pipeline.Process(new Document(Opening + "\n\n" + sentence, new DocumentMetadata { Outlet = outlet, Published = new DateOnly(2025, 3, day), Source = outlet + ".txt" }));
        var denial = Dated("Daily A", 4, "Pakistan's Foreign Office denied that militants are using US weapons left behind in Afghanistan.");
        var assertion = Dated("Daily B", 9, "Pakistan's Foreign Office said that militants are using US weapons left behind in Afghanistan.");

        var analysis = new CorpusAnalysis([assertion, denial], [], Models.Pipeline.Adds, Models.Kb);

        var group = Assert.Single(analysis.ClaimGroups, g => g.Claims.Count == 2);
        Assert.NotEqual(GroupStatus.Disputed, group.Status);
        var change = Assert.Single(group.Changes);
        Assert.Equal(("deny", "2025-03-04", "assert", "2025-03-09"), (change.From.Data.Stance, change.FromReported.When, change.To.Data.Stance, change.ToReported.When));
        Assert.Contains("**Changed position:**", BriefEscapingTests.Markdown(analysis), StringComparison.Ordinal);
        using var stream = new MemoryStream();
        AnalysisJsonWriter.Write(stream, analysis);
        using var json = System.Text.Json.JsonDocument.Parse(stream.ToArray());
        var written = json.RootElement.GetProperty("claim_groups").EnumerateArray().Single(g => g.GetProperty("changes").GetArrayLength() == 1).GetProperty("changes")[0];
        Assert.Equal(("deny", "2025-03-09"), (written.GetProperty("from").GetProperty("stance").GetString(), written.GetProperty("to").GetProperty("reported").GetProperty("published").GetString()));

        // Another holder stating it the day the first came round disputes nothing: the first stands where they last stood.
        var another = Dated("Daily C", 9, "Afghanistan's defence ministry said that militants are using US weapons left behind in Afghanistan.");
        var three = new CorpusAnalysis([denial, assertion, another], [], Models.Pipeline.Adds, Models.Kb);
        var joined = Assert.Single(three.ClaimGroups, g => g.Claims.Count == 3);
        Assert.NotEqual(GroupStatus.Disputed, joined.Status);
        Assert.Single(joined.Changes);

        var sameDay = new CorpusAnalysis([Dated("Daily A", 4, "Pakistan's Foreign Office denied that militants are using US weapons left behind in Afghanistan."),
            Dated("Daily B", 4, "Pakistan's Foreign Office said that militants are using US weapons left behind in Afghanistan.")], [], Models.Pipeline.Adds, Models.Kb);
        Assert.All(sameDay.ClaimGroups, g => Assert.Empty(g.Changes));
    }

    /// <summary>A wire quote reprinted by three outlets is one statement with three carriers, the earliest first; nobody corroborates anybody.</summary>
    [Fact]
    public void AWireQuoteReprintedByThreeOutlets_IsOneStatement_FirstReportedByTheEarliest()
    {
        const string wire = "\"We will not negotiate with terrorists who attack our people,\" the Prime Minister said on Tuesday.";
        Document Outlet(string name, int day, string extra) =>
            Models.Pipeline.Process(new Document($"{extra} {wire}", new DocumentMetadata { Outlet = name, Published = new DateOnly(2025, 3, day), Source = name + ".txt" }));
        var docs = new[] { Outlet("Daily B", 5, "In Islamabad,"), Outlet("Wire A", 4, "ISLAMABAD:"), Outlet("Weekly C", 7, "Reporting from the capital:") };

        var analysis = new CorpusAnalysis(docs, [], Models.Pipeline.Adds, Models.Kb);

        var statement = Assert.Single(analysis.RepeatedQuotes);
        Assert.Equal(["Wire A", "Daily B", "Weekly C"], statement.Carriers.Select(c => c.Outlet));
        Assert.Equal(docs[1].Id, statement.FirstReporter!.Document);
        Assert.Equal("2025-03-04", statement.FirstReporter.When);
        Assert.DoesNotContain(analysis.ClaimGroups, g => g.Status == GroupStatus.Corroborated);
    }

    /// <summary>Two outlets on the same day are not ordered: there is no first reporter to name.</summary>
    [Fact]
    public void CarriersOfOneDay_HaveNoFirstReporter()
    {
        var carriers = new[] { new Carrier("a", "A", new DateOnly(2025, 3, 4), null), new Carrier("b", "B", new DateOnly(2025, 3, 4), null) };
        Assert.Null(new Statement<string>("k", "K", ["x", "y"], carriers).FirstReporter);
        var timed = new[] { new Carrier("a", "A", new DateOnly(2025, 3, 4), new TimeOnly(9, 0)), new Carrier("b", "B", new DateOnly(2025, 3, 4), new TimeOnly(11, 30)) };
        Assert.Equal("a", new Statement<string>("k", "K", ["x", "y"], timed).FirstReporter!.Document);
    }

    /// <summary>With the stance model, each document of the story is read against each group: the article that reports the claim counts as coverage even without holding it.</summary>
    [Fact]
    public void WithTheStanceModel_GroupsSayHowEachDocumentStands()
    {
        var seeds = Repo.SeedFiles.Select(f => Load(f)).ToList();
        var analysis = new CorpusAnalysis(seeds, [], Models.Pipeline.Adds, Models.Kb, Models.Stance);
        Assert.Contains(analysis.ClaimGroups, g => g.Coverage.Count > 0);
        Assert.All(analysis.ClaimGroups.SelectMany(g => g.Coverage), c =>
        {
            Assert.Contains(c.Stance, (string[])["agree", "disagree", "discuss"]);
            Assert.InRange(c.Confidence, 0, 1);
            Assert.Contains(c.Document, seeds.Select(d => d.Id));
        });
        Assert.All(analysis.ClaimGroups, g => Assert.All(g.Coverage, x => Assert.Equal(g.Claims.Any(c => c.Document == x.Document), x.HoldsClaim)));
    }

    [Fact]
    public void OneBombingCountedDifferently_IsADiscrepancy_TheSeedsAloneHaveNone()
    {
        var seeds = Repo.SeedFiles.Select(f => Load(f)).ToList();
        Assert.Empty(new CorpusAnalysis(seeds, [], Models.Pipeline.Adds, Models.Kb).Discrepancies);

        var other = Models.Pipeline.Process("The 2021 Kabul airport bombing killed 13 US service members and about 170 civilians, officials said on Monday.");
        var analysis = new CorpusAnalysis([.. seeds, other], [], Models.Pipeline.Adds, Models.Kb);
        var x = Assert.Single(analysis.Discrepancies);
        Assert.Equal([160.0, 170.0], x.Figures.Select(f => f.Data.Value!.Value).Order());
    }

    /// <summary>A toll rising over three days of reports is history; two outlets disagreeing on one day is a discrepancy.</summary>
    [Fact]
    public void ARisingTollAcrossThreeReports_IsHistory_ADisagreementOnOneDay_IsADiscrepancy()
    {
        Document Report(string outlet, int day, int toll, string extra) => Models.Pipeline.Process(new Document(
            $"{extra}\n\nThe death toll from the suicide bombing at the Quetta railway station rose to {toll} people on Monday, police officials said.",
            new DocumentMetadata { Outlet = outlet, Published = new DateOnly(2025, 3, day), Source = outlet + day + ".txt" }));
        const string a = "Rescue workers searched the wreckage through the night while hospitals in the provincial capital appealed for blood donors and extra staff.";
        const string b = "The provincial government announced three days of mourning, and the railway suspended all services to the north until further notice.";
        const string c = "Security was tightened at bus terminals and markets across the province as investigators examined footage from nearby cameras.";
        var rising = new CorpusAnalysis([Report("Wire A", 6, 31, c), Report("Daily B", 4, 24, a), Report("Weekly C", 5, 29, b)], [], Models.Pipeline.Adds, Models.Kb);
        var history = Assert.Single(rising.Discrepancies);
        Assert.Equal(DiscrepancyKind.History, history.Kind);
        Assert.Equal([24.0, 29.0, 31.0], history.Figures.Select(f => f.Data.Value!.Value));

        var sameDay = new CorpusAnalysis([Report("Wire A", 4, 31, c), Report("Daily B", 4, 24, a)], [], Models.Pipeline.Adds, Models.Kb);
        Assert.Equal(DiscrepancyKind.Discrepancy, Assert.Single(sameDay.Discrepancies).Kind);
    }

    [Fact]
    public void TheSameTextReadTwice_IsOneDocument_WithTheOtherSourceNoted()
    {
        var a = Load(Repo.SeedFiles[0]);
        var b = Models.Pipeline.Process(new Document(a.Text, a.Metadata with { Source = "elsewhere/copy.txt" }));
        var analysis = new CorpusAnalysis([a, b], [], Models.Pipeline.Adds, Models.Kb);
        var doc = Assert.Single(analysis.Documents);
        Assert.Contains(doc.Warnings, w => w.Contains("elsewhere/copy.txt", StringComparison.Ordinal));
        Assert.Equal(1, analysis.IndependentSources);
    }

    /// <summary>A claim group in the brief lists only the statements the brief shows; one whose status rests on a statement below its confidence says so, and the JSON keeps them all.</summary>
    [Fact]
    public void ADisputeThatRestsOnAStatementBelowTheBriefsConfidence_IsMarked_AndTheStatementIsOnlyCounted()
    {
        Document Dated(string outlet, string sentence) =>
            Models.Pipeline.Process(new Document(Opening + "\n\n" + sentence, new DocumentMetadata { Outlet = outlet, Published = new DateOnly(2025, 3, 4), Source = outlet + ".txt" }));
        var assertion = Dated("Daily A", "Pakistan's Foreign Office said that militants are using US weapons left behind in Afghanistan.");
        var denial = Dated("Daily B", "Officials denied that militants are using US weapons left behind in Afghanistan.");
        var analysis = new CorpusAnalysis([assertion, denial], [], Models.Pipeline.Adds, Models.Kb);

        var group = Assert.Single(analysis.ClaimGroups, g => g.Status == GroupStatus.Disputed);
        static bool Shown(Claim c) => c.Data.Confidence >= Dossier.Nlp.Claims.ClaimComponent.ShownConfidence;
        Assert.False(Shown(Assert.Single(group.Claims, c => c.Data.Stance == "deny"))); // 'officials': unnamed, a less sure way of attribution
        var brief = BriefEscapingTests.Markdown(analysis);
        Assert.Contains("**Disputed:** _(rests on statements below the brief's confidence)_", brief, StringComparison.Ordinal);
        Assert.Contains("_… and 1 statement below the brief's confidence (JSON)_", brief, StringComparison.Ordinal);
        Assert.DoesNotContain("(deny): “militants are using", brief, StringComparison.Ordinal);
        Assert.Equal(group.Claims.Any(c => c.Data.Stance == "assert" && Shown(c)), brief.Contains("(assert): “militants are using", StringComparison.Ordinal));
    }
}
