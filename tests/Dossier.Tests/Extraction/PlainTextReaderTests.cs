using System.Text.Json;
using Dossier.Extraction.Ingestion;
using Dossier.Extraction.PlainText;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Extraction;

public class PlainTextReaderTests
{
    private static string Norm(string? s) =>
        string.Join(' ', (s ?? string.Empty).Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"')
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    public static TheoryData<string> GoldDocuments => ["000", "001", "002", "003", "004"];

    [Theory]
    [InlineData("Minister resigns\n\nThursday 14 December 2023\n\nThe minister resigned on Monday, aides said.\n", "2023-12-14", "2023-12-11")]
    [InlineData("Minister resigns\n\n5 March 2025 14:30 PKT\n\nThe minister resigned on Monday, aides said.\n", "2025-03-05", "2025-03-03")]
    [InlineData("Minister resigns\n\nKARACHI, March 5, 2025: The minister resigned on Monday, aides said.\n", "2025-03-05", "2025-03-03")]
    [InlineData("Minister resigns\n\nPESHAWAR (Reuters), 5 March 2025 - The minister resigned on Monday, aides said.\n", "2025-03-05", "2025-03-03")]
    [InlineData("Minister resigns\n\nISLAMABAD: Thursday 14 December 2023\n\nThe minister resigned on Monday, aides said.\n", "2023-12-14", "2023-12-11")]
    [InlineData("Minister resigns\n\nKABUL — 2025-03-05\n\nThe minister resigned on Monday, aides said.\n", "2025-03-05", "2025-03-03")]
    [InlineData("Minister resigns\n\nIslamabad, Thursday 14 December 2023\n\nThe minister resigned on Monday, aides said.\n", "2023-12-14", "2023-12-11")]
    [InlineData("Minister resigns\n\nNew Delhi, March 5, 2025: The minister resigned on Monday, aides said.\n", "2025-03-05", "2025-03-03")]
    public void ADateLineOrDatelineAtTheTop_IsTheStatedPublicationDate_AndWeekdaysResolveAgainstIt(string text, string published, string monday)
    {
        var doc = Models.Pipeline.Process(new DocumentLoader().LoadBytes(System.Text.Encoding.UTF8.GetBytes(text), "report.txt"));
        Assert.Equal(DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture), doc.Metadata.Published);
        Assert.False(doc.Metadata.PublishedInferred);
        Assert.Contains(doc.GetOrEmpty(Dossier.Annotations.Layers.Times), t => doc.GetText(t.Span) == "Monday" && t.Value == monday);
    }

    /// <summary>Issue 21: a byline of several authors became an organisation, and a section label a name.</summary>
    [Fact]
    public void ABylineOfSeveralAuthors_AndASectionLabel_AreNotText()
    {
        const string text = "Pakistan rejects claims\n\nBy Sara Khan & Ali Raza & Staff Report\n\nThe Foreign Office rejected the claims on Monday.\n\nWorld News\n\nThe spokesperson said talks would continue.\n";
        var doc = Models.Pipeline.Process(new DocumentLoader().LoadBytes(System.Text.Encoding.UTF8.GetBytes(text), "report.txt"));
        Assert.Equal("Sara Khan & Ali Raza & Staff Report", doc.Metadata.Byline);
        Assert.DoesNotContain("By Sara", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("World News", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(doc.GetOrEmpty(Dossier.Annotations.Layers.Mentions), m => doc.GetText(m.Span).Contains("Report", StringComparison.Ordinal));
    }

    /// <summary>Issue 21: a related-articles box at the end of a pasted page put another story's 'declared on Wednesday' on the timeline.</summary>
    [Fact]
    public void ABoxOfLinksAtTheEnd_IsNotText_AHeadingBetweenParagraphsRemovesOnlyItself()
    {
        const string paragraph = "The minister said on Monday that the talks with the neighbouring government would resume next month in the capital, after a pause of almost a year that both sides blamed on the other.";
        var boxed = Load($"Talks to resume\n\n{paragraph}\n\nYou May Also Like\n\nPresident declared on Wednesday that the war would go on\nFloods hit the coast: 12 dead\n\nLeave a Comment\n");
        Assert.Contains("talks with the neighbouring government", boxed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("declared on Wednesday", boxed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Floods", boxed.Text, StringComparison.Ordinal);

        var inline = Load($"Talks to resume\n\n{paragraph}\n\nAlso Read\n\n{paragraph.Replace("Monday", "Tuesday", StringComparison.Ordinal)}\n\nShort last line.\n");
        Assert.DoesNotContain("Also Read", inline.Text, StringComparison.Ordinal);
        Assert.Contains("said on Tuesday", inline.Text, StringComparison.Ordinal);
        Assert.Contains("Short last line.", inline.Text, StringComparison.Ordinal);

        static Document Load(string text) => new DocumentLoader().LoadBytes(System.Text.Encoding.UTF8.GetBytes(text), "report.txt");
    }

    [Fact]
    public void ADateLineDeepInTheBody_IsNotThePublicationDate()
    {
        var body = string.Concat(Enumerable.Range(1, 8).Select(k => $"Paragraph {k} of the chronology tells what happened then.\n\n"));
        var doc = new DocumentLoader().LoadBytes(System.Text.Encoding.UTF8.GetBytes("A chronology\n\n" + body + "14 December 2023\n\nThe talks began.\n"), "chronology.txt");
        Assert.Null(doc.Metadata.Published);
        Assert.Contains("14 December 2023", doc.Text, StringComparison.Ordinal);
    }

    /// <summary>The gold file's per-document expectations: title, boilerplate lines, publication date.</summary>
    [Theory]
    [MemberData(nameof(GoldDocuments))]
    public void Seeds_MeetTheGoldDocumentFields(string key)
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Shared, "gold", "seeds.gold.json")));
        var g = gold.RootElement.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("doc").GetString() == key);
        var doc = Docs.Seed(key);
        var text = Norm(doc.Text);

        foreach (var line in g.TryGetProperty("boilerplate_lines", out var lines) ? lines.EnumerateArray() : default)
        {
            if (Norm(line.GetString()).Length >= 3)
            {
                Assert.DoesNotContain(Norm(line.GetString()), text, StringComparison.Ordinal);
            }
        }

        if (g.TryGetProperty("title", out var title))
        {
            Assert.Equal(Norm(title.GetString()), Norm(doc.Metadata.Title));
            Assert.Equal(doc.Metadata.Title, doc.GetText(doc.TitleSpan!.Value));
        }
        else
        {
            Assert.Null(doc.Metadata.Title);
        }

        // A date the text states is read as stated; where it states none, only an inferred one may stand (the time component's lower bound).
        var published = g.GetProperty("published");
        if (published.ValueKind == JsonValueKind.Null)
        {
            Assert.True(doc.Metadata.Published is null || doc.Metadata.PublishedInferred);
        }
        else
        {
            Assert.Equal(published.GetString(), doc.Metadata.Published?.ToString("yyyy-MM-dd"));
            Assert.False(doc.Metadata.PublishedInferred);
        }
    }

    [Fact]
    public void Seeds_OutletsNamedByTheText()
    {
        Assert.Equal("Business Standard", Docs.Seed("000").Metadata.Outlet);
        Assert.Null(Docs.Seed("001").Metadata.Outlet);
        Assert.Equal("Arab News", Docs.Seed("002").Metadata.Outlet);
        Assert.Equal("https://arab.news/jcer6", Docs.Seed("002").Metadata.Url);
        Assert.Null(Docs.Seed("003").Metadata.Outlet);
        Assert.Equal("Afghan Voice Agency (AVA)", Docs.Seed("004").Metadata.Outlet);
        Assert.Equal(new TimeOnly(15, 7), Docs.Seed("004").Metadata.PublishedTime);
    }

    [Fact]
    public void Read_ATitleRepeatedInTheBody_CountsOnce()
    {
        var doc = Docs.Seed("001");
        Assert.Single(doc.Sentences, s => Norm(s.Text) == Norm(doc.Metadata.Title));
        Assert.Equal(0, doc.TitleSpan!.Value.Start);
    }

    [Fact]
    public void Read_ATitlePrintedOnlyAfterTheBody_IsFoundAndLeadsTheText()
    {
        var doc = Docs.Seed("002");
        Assert.StartsWith("Pakistan says US acknowledges issue", doc.Text, StringComparison.Ordinal);
        Assert.Single(doc.Paragraphs, p => p.Text == doc.Metadata.Title);

        // The summary bullets after the body are content, not boilerplate.
        Assert.Contains("Pakistani Taliban", doc.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BylineAndDateLines_BecomeMetadata()
    {
        var read = PlainTextReader.Default.Read(
            "Floods hit the north of the country\nBy Jane Smith and Ali Khan\nPublished: March 3, 2025 09:30\n\nRain fell for days.\nAdvertisement\nRoads closed.");
        Assert.Equal("Floods hit the north of the country", read.Metadata.Title);
        Assert.Equal("Jane Smith and Ali Khan", read.Metadata.Byline);
        Assert.Equal(new DateOnly(2025, 3, 3), read.Metadata.Published);
        Assert.Equal("Floods hit the north of the country\n\nRain fell for days.\n\nRoads closed.", read.Text);
        Assert.Equal(["metadata:byline", "metadata:published", "boilerplate"], read.Removed.Select(r => r.Reason));
    }

    [Fact]
    public void Read_AFirstLineThatIsASentence_IsNoTitle()
    {
        var read = PlainTextReader.Default.Read("Pakistan said on Thursday that the talks went well.\nMore followed.");
        Assert.Null(read.Metadata.Title);
        Assert.Null(read.TitleSpan);
    }

    [Fact]
    public void Read_HardWrappedText_KeepsParagraphsWhole()
    {
        const string source =
            "Storm warning issued for the coast\n\n" +
            "The weather service issued a warning on Monday for the whole\n" +
            "coast, saying that winds would reach gale force by the evening\n" +
            "and that boats should stay in port.\n\n" +
            "Schools will close early.\n";
        var read = PlainTextReader.Default.Read(source);
        Assert.Equal(3, read.Paragraphs.Count);
        Assert.EndsWith("stay in port.", read.Text[read.Paragraphs[1].Start..read.Paragraphs[1].End], StringComparison.Ordinal);
        foreach (var p in read.Paragraphs)
        {
            var s = read.SourceMap.ToSource(p);
            Assert.Equal(read.Text[p.Start..p.End], source[s.Start..s.End]);
        }
    }

    [Fact]
    public void Load_RefusesWhatItCannotRead()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("page.html"), "<html><body><nav><a href=\"/\">Home</a></nav></body></html>");
        File.WriteAllText(dir.File("big.txt"), new string('a', 2000));
        File.WriteAllText(dir.File("boiler.txt"), "Also Read\nLeave a Comment\n");
        var loader = new DocumentLoader(new LoaderOptions { MaxBytes = 1000 });

        Assert.Equal(DossierErrorCode.EmptyInput, Assert.Throws<DossierException>(() => loader.Load(dir.File("page.html"))).Code);
        Assert.Equal(DossierErrorCode.InputTooLarge, Assert.Throws<DossierException>(() => loader.Load(dir.File("big.txt"))).Code);
        Assert.Equal(DossierErrorCode.NotFound, Assert.Throws<DossierException>(() => loader.Load(dir.File("missing.txt"))).Code);
        var empty = Assert.Throws<DossierException>(() => loader.Load(dir.File("boiler.txt")));
        Assert.Equal((DossierErrorCode.EmptyInput, dir.File("boiler.txt")), (empty.Code, empty.DocumentSource));
    }

    [Fact]
    public void BatchReader_ABadInput_IsAnOutcomeAndTheBatchGoesOn()
    {
        using var dir = new TempDir();
        foreach (var seed in Repo.SeedFiles)
        {
            File.Copy(seed, dir.File(Path.GetFileName(seed)));
        }

        File.WriteAllBytes(dir.File("binary.txt"), [0x00, 0x01, 0x02, 0x03, 0xFF, 0x00]);
        File.WriteAllBytes(dir.File("empty.txt"), []);
        File.WriteAllBytes(dir.File("ff.txt"), Enumerable.Repeat((byte)0xFF, 100).ToArray());
        var reader = new BatchReader(new DocumentLoader(), Docs.Pipeline, parallelism: 2);

        var outcomes = reader.Run(new InputPaths().Expand([dir.Path])).ToList();

        Assert.Equal(8, outcomes.Count);
        Assert.Equal(5, outcomes.Count(o => o.Succeeded));
        var failed = outcomes.Where(o => !o.Succeeded).ToDictionary(o => Path.GetFileName(o.Source), o => o.Error!.Code);
        Assert.Equal(DossierErrorCode.BinaryInput, failed["binary.txt"]);
        Assert.Equal(DossierErrorCode.EmptyInput, failed["empty.txt"]);
        Assert.Equal(DossierErrorCode.UndecodableText, failed["ff.txt"]);
        Assert.Equal(outcomes.Select(o => o.Source).Order(StringComparer.Ordinal), outcomes.Select(o => o.Source));
    }
}
