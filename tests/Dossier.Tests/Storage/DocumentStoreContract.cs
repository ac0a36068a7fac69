using Dossier.Annotations;
using Dossier.Storage;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Storage;

/// <summary>
/// The behaviour every store must have, written once; each backend runs it by deriving from
/// this class and opening its store (see <see cref="SqliteStoreTests"/>).
/// </summary>
public abstract class DocumentStoreContract : IDisposable
{
    protected TempDir Dir { get; } = new();

    /// <summary>Opens the store under test; opening twice must reach the same data.</summary>
    protected abstract IDocumentStore Open();

    public void Dispose()
    {
        Dir.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Add_TheSameDocumentTwice_StoresItOnce()
    {
        using var store = Open();
        var doc = Docs.Seed("001");
        Assert.Equal(StoreOutcome.Added, store.Add(doc));
        Assert.Equal(StoreOutcome.AlreadyStored, store.Add(Docs.Seed("001")));
        Assert.Equal(1, store.Count());
    }

    [Fact]
    public void Add_TheSameTextFromAnotherSource_RecordsBothSources()
    {
        using var store = Open();
        store.Add(Docs.Pipeline.Process("Same words here.", new DocumentMetadata { Source = "a.txt" }));
        store.Add(Docs.Pipeline.Process("Same  words here.\n", new DocumentMetadata { Source = "b.txt" }));
        var info = Assert.Single(store.List());
        Assert.Equal(["a.txt", "b.txt"], info.Sources);
    }

    [Fact]
    public void Find_RoundTripsTextMetadataLayersAndSourceMap()
    {
        var original = Docs.Seed("004");
        using (var store = Open())
        {
            store.Add(original);
        }

        using var reopened = Open();
        var loaded = reopened.Find(original.Id)!;
        Assert.Equal(original.Text, loaded.Text);
        Assert.Equal(original.Metadata, loaded.Metadata);
        Assert.Equal(original.TitleSpan, loaded.TitleSpan);
        Assert.Equal(original.Get(Layers.Paragraphs).ToArray(), loaded.Get(Layers.Paragraphs).ToArray());
        Assert.Equal(original.Get(Layers.Tokens).ToArray(), loaded.Get(Layers.Tokens).ToArray());
        Assert.Equal(original.Get(Layers.Sentences).ToArray(), loaded.Get(Layers.Sentences).ToArray());
        Assert.Equal(original.SourceMap.Runs, loaded.SourceMap.Runs);
    }

    [Fact]
    public void Find_ByPrefixOrSource_AndNullWhenAbsent()
    {
        using var store = Open();
        var doc = Docs.Seed("000");
        store.Add(doc);
        Assert.Equal(doc.Id, store.Find(doc.Id[..5])!.Id);
        Assert.Equal(doc.Id, store.Find(doc.Metadata.Source!)!.Id);
        Assert.Null(store.Find("zzzz"));
    }

    [Fact]
    public void List_KeepsTheOrderOfStoring()
    {
        using var store = Open();
        var seeds = new[] { "003", "000", "004" }.Select(p => Docs.Seed(p)).ToList();
        seeds.ForEach(d => store.Add(d));
        Assert.Equal(seeds.Select(d => d.Id), store.List().Select(i => i.Id));
        Assert.Equal(new DateOnly(2024, 5, 14), store.List()[2].Published);
    }
}
