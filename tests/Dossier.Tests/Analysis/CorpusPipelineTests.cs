using Dossier.Analysis;
using Dossier.Analysis.Corpus;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Analysis;

public class CorpusPipelineTests
{
    private static readonly CorpusKey<IReadOnlyList<string>> Words = new("words");
    private static readonly CorpusKey<IReadOnlyList<string>> Counts = new("counts");

    private sealed class FakeStage(string name, CorpusKey[] needs, CorpusKey[] adds, Action<CorpusState>? run = null) : ICorpusStage
    {
        public string Name => name;

        public IReadOnlyList<CorpusKey> Needs => needs;

        public IReadOnlyList<CorpusKey> Adds => adds;

        public void Run(CorpusState state, CancellationToken cancellationToken) => run?.Invoke(state);
    }

    [Fact]
    public void Builder_RejectsAStageWhoseNeedComesLater()
    {
        var builder = new CorpusPipelineBuilder()
            .Add(new FakeStage("count", [Words], [Counts]))
            .Add(new FakeStage("split", [], [Words]));
        var ex = Assert.Throws<DossierException>(builder.Build);
        Assert.Equal(DossierErrorCode.InvalidPipeline, ex.Code);
        Assert.Contains("Corpus stage 'count' needs the 'words' result, but 'split' adds it but comes later", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_RejectsANeedNoStageAdds_AndTwoStagesAddingOneResult()
    {
        var missing = Assert.Throws<DossierException>(new CorpusPipelineBuilder().Add(new FakeStage("count", [Words], [Counts])).Build);
        Assert.Contains("no corpus stage adds it", missing.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<DossierException>(new CorpusPipelineBuilder().Add(new FakeStage("a", [], [Words])).Add(new FakeStage("b", [], [Words])).Build);
        Assert.Contains("'a' and 'b' both add the 'words' result", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FailsWhenAStageDoesNotSetWhatItAdds()
    {
        var pipeline = new CorpusPipelineBuilder().Add(new FakeStage("lazy", [], [Words])).Build();
        var ex = Assert.Throws<DossierException>(() => pipeline.Run([new Document("text")], [], []));
        Assert.Contains("'lazy' did not set the 'words' result", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PassesResultsFromStageToStage_AndLeavesUnsetResultsEmpty()
    {
        IReadOnlyList<string>? seen = null;
        var pipeline = new CorpusPipelineBuilder()
            .Add(new FakeStage("split", [], [Words], s => s.Set(Words, [.. s.Documents.SelectMany(d => d.Text.Split(' '))])))
            .Add(new FakeStage("count", [Words], [Counts], s => s.Set(Counts, [.. (seen = s.Get(Words)).Select(w => w.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))])))
            .Build();
        var analysis = pipeline.Run([new Document("two words"), new Document("two words")], [], []);
        Assert.Equal(["two", "words"], seen);
        Assert.Single(analysis.Documents); // the same text read twice is one document
        Assert.Empty(analysis.Entities);
        Assert.Empty(analysis.ClaimGroups);
        Assert.Equal(analysis.Documents[0].Id, analysis.SourceOf[analysis.Documents[0].Id]);
    }

    [Fact]
    public void Default_RunsEveryStageInAnOrderTheBuilderAccepts()
    {
        var names = CorpusPipeline.Default(Models.Kb).Stages.Select(s => s.Name).ToList();
        Assert.Equal(["digests", "entities", "statements", "times", "events", "figures", "syndication", "propositions", "stories", "claim-groups", "figure-discrepancies", "re-reporting", "clocks", "time-discrepancies"], names);
        Assert.Contains("stance", CorpusPipeline.Default(Models.Kb, Models.Stance).Stages.Select(s => s.Name));
    }

    [Fact]
    public void Default_GivesTheSameAnalysisAsTheShorthand()
    {
        var docs = Repo.SeedFiles.Take(2).Select(f => Models.Pipeline.Process(new Dossier.Extraction.Ingestion.DocumentLoader().Load(f))).ToList();
        var a = CorpusPipeline.Default(Models.Kb).Run(docs, [], Models.Pipeline.Adds);
        var b = new CorpusAnalysis(docs, [], Models.Pipeline.Adds, Models.Kb);
        Assert.Equal(a.Entities.Select(e => (e.Id, e.Name)), b.Entities.Select(e => (e.Id, e.Name)));
        Assert.Equal(a.Claims.Select(c => c.Id), b.Claims.Select(c => c.Id));
        Assert.NotEmpty(a.Claims);
    }

    /// <summary>A document's digest holds what it defines itself (an acronym, an alias, an expansion in brackets), from the document alone.</summary>
    [Fact]
    public void Digest_HoldsWhatTheDocumentDefines()
    {
        var doc = Models.Pipeline.Process("The Tehreek-e-Taliban Pakistan (TTP) claimed the attack. Police arrested Mohammad Sharifullah, also known as Jafar, in Peshawar. ISKP (Islamic State Khorasan Province) denied it.");
        var digest = DocumentDigest.Of(doc, Models.Kb);
        string TextOf(int k) => digest.Names[k].Text;
        Assert.Contains(digest.Names, n => n.Text == "Tehreek-e-Taliban Pakistan" && n.AcronymKey is not null);
        Assert.Contains(digest.Aliases, p => TextOf(p.Name) == "Mohammad Sharifullah" && TextOf(p.Alias) == "Jafar");
        Assert.Contains(digest.Names, n => n.Text == "Mohammad Sharifullah" && n.FullName is { Last: var last } && last.Length > 0);
        Assert.Equal(doc.Id, digest.Document);
        Assert.NotNull(digest.Signature);
        Assert.Equal(DocumentDigest.Of(doc, Models.Kb).Stems, digest.Stems); // from the document alone: the same every time
    }
}
