using Dossier.Annotations;
using Dossier.Tests.TestKit;
using Dossier.Text;

namespace Dossier.Tests.Core;

public class PipelineTests
{
    private sealed class FakeComponent(string name, LayerKey[] needs, LayerKey[] adds, Action<Document>? action = null) : IDocumentComponent
    {
        public string Name => name;

        public IReadOnlyList<LayerKey> Needs => needs;

        public IReadOnlyList<LayerKey> Adds => adds;

        public int Calls { get; private set; }

        public void Process(Document document, CancellationToken cancellationToken)
        {
            Calls++;
            action?.Invoke(document);
        }
    }

    private static void AddParagraph(Document d) => d.Set(Layers.Paragraphs, [new ParagraphData(new TextSpan(0, d.Text.Length))]);

    [Fact]
    public void Builder_RejectsAComponentWhoseNeedComesLater()
    {
        var builder = new PipelineBuilder()
            .Add(new FakeComponent("sentences", [Layers.Tokens], [Layers.Sentences]))
            .Add(new FakeComponent("tokens", [], [Layers.Tokens]));
        var ex = Assert.Throws<DossierException>(builder.Build);
        Assert.Equal(DossierErrorCode.InvalidPipeline, ex.Code);
        Assert.Contains("'sentences' needs the 'tokens' layer, but 'tokens' adds it but comes later", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_RejectsANeedNobodyAdds()
    {
        var ex = Assert.Throws<DossierException>(new PipelineBuilder().Add(new FakeComponent("quotes", [Layers.Mentions], [Layers.Quotes])).Build);
        Assert.Contains("no component adds it", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_RejectsTwoComponentsAddingOneLayer()
    {
        var builder = new PipelineBuilder()
            .Add(new FakeComponent("a", [], [Layers.Tokens]))
            .Add(new FakeComponent("b", [], [Layers.Tokens]));
        Assert.Equal(DossierErrorCode.InvalidPipeline, Assert.Throws<DossierException>(builder.Build).Code);
    }

    [Fact]
    public void Pipeline_SkipsAComponentWhoseLayersTheDocumentHas()
    {
        var component = new FakeComponent("paragraphs", [], [Layers.Paragraphs], AddParagraph);
        var pipeline = new PipelineBuilder().Add(component).Build();
        var doc = new Document("text");
        AddParagraph(doc);
        pipeline.Process(doc);
        Assert.Equal(0, component.Calls);
        pipeline.Process("more text");
        Assert.Equal(1, component.Calls);
    }

    [Fact]
    public void Pipeline_AComponentThatDoesNotAddWhatItDeclares_Fails()
    {
        var pipeline = new PipelineBuilder().Add(new FakeComponent("lazy", [], [Layers.Tokens])).Build();
        var ex = Assert.Throws<DossierException>(() => pipeline.Process("x"));
        Assert.Equal(DossierErrorCode.ComponentFailed, ex.Code);
        Assert.Contains("did not add the 'tokens' layer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_AComponentThatThrows_IsNamedInTheError()
    {
        var pipeline = new PipelineBuilder().Add(new FakeComponent("broken", [], [Layers.Tokens], _ => throw new FormatException("bad"))).Build();
        var ex = Assert.Throws<DossierException>(() => pipeline.Process("x", new DocumentMetadata { Source = "a.txt" }));
        Assert.Equal("a.txt", ex.DocumentSource);
        Assert.Contains("'broken' failed: bad", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_IsSafeToShareAcrossThreads()
    {
        var texts = Repo.SeedFiles.Select(File.ReadAllText).ToArray();
        var sequential = texts.Select(t => Docs.TokenTexts(Docs.Process(t))).ToArray();
        var parallel = new string[texts.Length * 8][];
        Parallel.For(0, parallel.Length, i => parallel[i] = Docs.TokenTexts(Docs.Process(texts[i % texts.Length])));
        for (var i = 0; i < parallel.Length; i++)
        {
            Assert.Equal(sequential[i % texts.Length], parallel[i]);
        }
    }

    [Fact]
    public void Pipeline_HonoursCancellation()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => Docs.Pipeline.Process("Some text.", cancellationToken: cts.Token));
    }
}
