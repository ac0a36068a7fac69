using Dossier.Analysis;
using Dossier.Extraction.Ingestion;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Analysis;

public class StableIdTests
{
    private static readonly Lazy<List<Document>> Seeds = new(() => [.. Repo.SeedFiles.Select(f => Models.Pipeline.Process(new DocumentLoader().Load(f)))]);

    private static CorpusAnalysis Analyse(IEnumerable<Document> docs) => new([.. docs], [], Models.Pipeline.Adds, Models.Kb);

    private static IEnumerable<(string Id, string Document, string Text)> Items(CorpusAnalysis a) =>
        a.Quotes.Select(q => (q.Id, q.Document, q.Text))
            .Concat(a.Claims.Select(c => (c.Id, c.Document, c.Text)))
            .Concat(a.Times.Select(t => (t.Id, t.Document, t.Text)))
            .Concat(a.Figures.Select(f => (f.Id, f.Document, f.Text)))
            .Concat(a.Events.Select(e => (e.Id, e.Document, e.Text + "|" + e.Data.Code)));

    /// <summary>A quote, claim, time, figure or event keeps its id when documents are added or the input order changes.</summary>
    [Fact]
    public void ItemIds_DoNotDependOnTheOtherDocuments()
    {
        var few = Analyse(Seeds.Value.Take(2));
        var all = Analyse(Enumerable.Reverse(Seeds.Value));
        var later = Items(all).ToDictionary(x => x.Id, StringComparer.Ordinal);
        var earlier = Items(few).ToList();
        Assert.NotEmpty(earlier);
        Assert.All(earlier, x => Assert.Equal(x, later[x.Id]));
        Assert.Equal(Items(all).Count(), later.Count); // unique
        Assert.All(all.Quotes, q => Assert.StartsWith($"q:{q.Document}:{q.Data.Span.Start}", q.Id, StringComparison.Ordinal));
    }

    /// <summary>An entity id from an analysis of fewer documents still finds the entity (by its id or a redirect) when more are added, and names the same thing.</summary>
    [Fact]
    public void EntityIds_ResolveAfterDocumentsAreAdded()
    {
        var few = Analyse(Seeds.Value.Skip(3));
        var all = Analyse(Seeds.Value);
        var resolve = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var e in all.Entities)
        {
            foreach (var id in e.Redirects.Prepend(e.Id))
            {
                Assert.True(resolve.TryAdd(id, e), $"two entities answer to {id}");
            }
        }

        foreach (var e in few.Entities)
        {
            Assert.True(resolve.TryGetValue(e.Id, out var found), $"{e.Id} ({e.Name}) is lost");
            Assert.Contains(e.Mentions[0], found.Mentions);
            Assert.Same(found, all.Entity(e.Id));
        }

        Assert.Contains(all.Entities, e => e.Kb is not null && e.Id == e.Kb.Id);
        Assert.Contains(all.Entities, e => e.Kb is null && e.Id.StartsWith("e:", StringComparison.Ordinal) && e.Redirects.Count > 0);
    }

    /// <summary>Quotes, claims, figures and events name entities by id (with the name for a reader), and every id resolves in the analysis.</summary>
    [Fact]
    public void Records_ReferToEntitiesById()
    {
        var all = Analyse(Seeds.Value);
        var refs = all.Quotes.Select(q => q.Speaker).Concat(all.Claims.Select(c => c.Holder)).Concat(all.Figures.Select(f => f.Entity))
            .Concat(all.Events.SelectMany(e => new[] { e.Actor, e.Target, e.Where })).OfType<EntityRef>().ToList();
        Assert.NotEmpty(refs);
        Assert.All(refs, r => Assert.Equal(r.Name, all.Entity(r.Id)?.Name));
        Assert.Null(all.Entity("e:nowhere:0"));
        Assert.Null(all.Entity(null));
    }
}
