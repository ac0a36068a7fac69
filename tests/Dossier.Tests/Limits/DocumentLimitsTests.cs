using System.Runtime.InteropServices;
using Dossier.Analysis;
using Dossier.Annotations;
using Dossier.Extraction.Ingestion;
using Dossier.Tests.TestKit;
using Dossier.Text;

namespace Dossier.Tests.Limits;

/// <summary>What one document may cost: a document over a limit fails alone, naming the limit; the rest of its batch is read.</summary>
public class DocumentLimitsTests
{
    /// <summary>The tester's case: one sentence of 'John Smith said Maria Lopez said …' (here 2,000 times; 10,000 ran out of memory at 11.3 GB).</summary>
    private static string Storm(int repetitions) =>
        "Storm\n\n" + string.Concat(Enumerable.Repeat("John Smith said Maria Lopez said ", repetitions)) + "it rained.\n";

    private sealed class Component(string name, LayerKey[] adds, Action<Document, CancellationToken> action) : IDocumentComponent
    {
        public string Name => name;

        public IReadOnlyList<LayerKey> Needs => [];

        public IReadOnlyList<LayerKey> Adds => adds;

        public void Process(Document document, CancellationToken cancellationToken) => action(document, cancellationToken);
    }

    private static DocumentPipeline Mentioning(int count, int length, DocumentLimits limits) => new PipelineBuilder()
        .Add(new Component("mentions", [Layers.Mentions], (d, _) => d.Set(Layers.Mentions, [.. Enumerable.Range(0, count).Select(_ => new MentionData(new TextSpan(0, length), "PER"))])))
        .WithLimits(limits)
        .Build();

    [Fact]
    public void AComponentThatAddsTooManyFindings_FailsTheDocument_NamingTheLayerAndTheOption()
    {
        var pipeline = Mentioning(11, 1, new DocumentLimits { MaxItems = 10 });
        var ex = Assert.Throws<DossierException>(() => pipeline.Process("Some text.", new DocumentMetadata { Source = "a.txt" }));
        Assert.Equal(DossierErrorCode.LimitExceeded, ex.Code);
        Assert.Equal("a.txt", ex.DocumentSource);
        Assert.Contains("11 mentions, over the limit of 10", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--max-items", ex.Message, StringComparison.Ordinal);
        Mentioning(10, 1, new DocumentLimits { MaxItems = 10 }).Process("Some text.");
    }

    [Fact]
    public void FindingsThatCiteTooMuchText_FailTheDocument()
    {
        var pipeline = Mentioning(5, 10, new DocumentLimits { MaxCitedChars = 49 });
        var ex = Assert.Throws<DossierException>(() => pipeline.Process("0123456789"));
        Assert.Equal(DossierErrorCode.LimitExceeded, ex.Code);
        Assert.Contains("cite 50 characters", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--max-output-mb", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AComponentThatRunsPastTheClock_FailsTheDocument_AndAnOuterCancellationStaysACancellation()
    {
        var spinning = new Component("spin", [Layers.Mentions], (_, token) =>
        {
            while (true)
            {
                token.ThrowIfCancellationRequested();
                Thread.Sleep(5);
            }
        });
        var pipeline = new PipelineBuilder().Add(spinning).WithLimits(new DocumentLimits { MaxTime = TimeSpan.FromMilliseconds(100) }).Build();
        var ex = Assert.Throws<DossierException>(() => pipeline.Process("text", new DocumentMetadata { Source = "slow.txt" }));
        Assert.Equal(DossierErrorCode.LimitExceeded, ex.Code);
        Assert.Contains("longer than the limit of 0.1 s", ex.Message, StringComparison.Ordinal);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => pipeline.Process("text", null, cancelled.Token));
    }

    [Fact]
    public void APatternThatRunsPastItsTimeout_FailsTheDocumentAsALimit()
    {
        var catastrophic = new System.Text.RegularExpressions.Regex("^(a+)+$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(50));
        var pipeline = new PipelineBuilder()
            .Add(new Component("pattern", [Layers.Mentions], (d, _) => catastrophic.IsMatch(d.Text)))
            .Build();
        var ex = Assert.Throws<DossierException>(() => pipeline.Process(new string('a', 40) + "!", new DocumentMetadata { Source = "hostile.txt" }));
        Assert.Equal(DossierErrorCode.LimitExceeded, ex.Code);
        Assert.Equal("hostile.txt", ex.DocumentSource);
        Assert.Contains("a pattern took longer than 0.1 s", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void None_LetsEverythingThrough()
    {
        Mentioning(1000, 10, DocumentLimits.None).Process("0123456789");
        Assert.Equal(Timeout.InfiniteTimeSpan, DocumentLimits.None.MaxTime);
    }

    [Fact]
    public void ADocumentOverALimit_FailsAlone_AndItsNeighboursAreRead()
    {
        using var dir = new TempDir();
        var before = dir.File("a.txt");
        var storm = dir.File("b.txt");
        var after = dir.File("c.txt");
        File.WriteAllText(before, "Before\n\nThe minister said the border would open on Monday.\n");
        File.WriteAllText(storm, Storm(200));
        File.WriteAllText(after, "After\n\nOfficials said the talks would resume in Doha.\n");
        var pipeline = Models.Pipeline.WithLimits(new DocumentLimits { MaxItems = 100 });
        var reader = new BatchReader(new DocumentLoader(), pipeline);

        var outcomes = reader.Run([before, storm, after]).ToList();

        Assert.Equal([before, storm, after], outcomes.Select(o => o.Source));
        Assert.True(outcomes[0].Succeeded);
        Assert.True(outcomes[2].Succeeded);
        var error = outcomes[1].Error!;
        Assert.Equal(DossierErrorCode.LimitExceeded, error.Code);
        Assert.Equal(storm, error.DocumentSource);
        Assert.Contains("over the limit of 100 per document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APageOfMoreElementsThanAnyRealPage_IsRefusedBeforeItIsParsed()
    {
        Assert.Equal(3, Dossier.Extraction.Html.NestingGuard.CountElements("<p>a</p><br/> 1 < 2 <b>x</b>"));
        var page = "<html><body>" + string.Concat(Enumerable.Repeat("<p>a</p>", Dossier.Extraction.Html.HtmlArticleExtractor.MaxElements)) + "</body></html>";
        var ex = Assert.Throws<DossierException>(() => new DocumentLoader().LoadHtml(System.Text.Encoding.UTF8.GetBytes(page), "many.html"));
        Assert.Equal(DossierErrorCode.LimitExceeded, ex.Code);
        Assert.Equal("many.html", ex.DocumentSource);
        Assert.Contains("more than 200,000 elements", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheWordsOfTheParse_AreTheTextsStructure_NotFindingsCountedAgainstTheLimit()
    {
        // A 1 MB text has some 170,000 words: the limit on findings must not stop it (it did once).
        var text = string.Concat(Enumerable.Repeat("The weather was mild and the river ran slowly past the old mill. ", 5));
        var limited = Models.Pipeline.WithLimits(new DocumentLimits { MaxItems = 30 });
        var document = limited.Process(text);
        Assert.True(document.Get(Layers.Words).Length > 30);
        Assert.Contains(Layers.Words, DocumentLimits.Structure);
    }

    [Fact]
    public void TheReferences_AreTheTextsStructure_NotFindingsCountedAgainstTheLimit()
    {
        // At most one per token, like the words: a run of pronouns after one name stays readable.
        var text = "Imran Khan spoke in Lahore. " + string.Concat(Enumerable.Repeat("He said he would go and he went. ", 15));
        var limited = Models.Pipeline.WithLimits(new DocumentLimits { MaxItems = 30 });
        var document = limited.Process(text);
        Assert.True(document.Get(Layers.References).Length > 30);
        Assert.Contains(Layers.References, DocumentLimits.Structure);
    }

    [Fact]
    public void AStormOfReportingVerbs_IsReadUnderTheDefaults_AndItsFindingsCiteTheDocumentsOwnText()
    {
        var document = Models.Pipeline.Process(Storm(2000), new DocumentMetadata { Source = "storm.txt" });
        var analysis = new CorpusAnalysis([document], [], Models.Pipeline.Adds, Models.Kb);

        Assert.NotEmpty(analysis.Events);
        foreach (var cited in analysis.Events.Select(e => e.Cited).Concat(analysis.Quotes.Select(q => q.Cited)).Concat(analysis.Claims.Select(c => c.Cited)))
        {
            Assert.True(MemoryMarshal.TryGetString(cited, out var text, out _, out _) && ReferenceEquals(text, document.Text), "a finding copied the text instead of citing it");
        }

        // An event cites at most a window of its run-on sentence, not the whole 66,000 characters.
        var (_, eventChars) = document.Measure(Layers.Events);
        Assert.True(eventChars < 2000L * document.Text.Length / 10, $"events cite {eventChars:N0} characters of a {document.Text.Length:N0}-character text");
    }
}
