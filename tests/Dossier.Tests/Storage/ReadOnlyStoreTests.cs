using Dossier.Storage.Sqlite;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Storage;

/// <summary>
/// A store opened read-only (as 'dossier show' does) creates no file beside it and refuses writes,
/// so it can be read from read-only media. The tests run as root, whom file permissions do not
/// stop, so read-only media are not simulated with chmod: the tests check what makes them work,
/// that nothing is created or written.
/// </summary>
public sealed class ReadOnlyStoreTests : IDisposable
{
    private readonly TempDir _dir = new();

    private string DbPath => _dir.File("dossier.db");

    public void Dispose() => _dir.Dispose();

    private string[] Files() => [.. Directory.GetFiles(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public void OpenReadOnly_ReadsAClosedStore_WithoutCreatingWalOrShm_AndRefusesWrites()
    {
        var doc = Docs.Seed("000");
        using (var writer = SqliteDocumentStore.Open(DbPath))
        {
            writer.Add(doc);
        }

        Assert.Equal(["dossier.db"], Files());

        using (var store = SqliteDocumentStore.OpenReadOnly(DbPath))
        {
            Assert.Equal(doc.Text, store.Find(doc.Id)!.Text);
            Assert.Equal(1, store.Count());
            Assert.Equal(["dossier.db"], Files());
            var ex = Assert.Throws<DossierException>(() => store.Add(Docs.Seed("001")));
            Assert.Equal(DossierErrorCode.StoreFailed, ex.Code);
        }

        Assert.Equal(["dossier.db"], Files());
        using var reopened = SqliteDocumentStore.Open(DbPath);
        Assert.Equal(1, reopened.Count());
    }

    [Fact]
    public void OpenReadOnly_WhileAWriterHasTheStoreOpen_SeesWhatItsLogHolds()
    {
        using var writer = SqliteDocumentStore.Open(DbPath);
        var doc = Docs.Seed("004");
        writer.Add(doc);
        Assert.Contains("dossier.db-wal", Files());

        using var store = SqliteDocumentStore.OpenReadOnly(DbPath);

        Assert.Equal(doc.Id, store.Find(doc.Id[..6])!.Id);
    }

    [Fact]
    public void OpenReadOnly_AMissingStore_IsNotCreated()
    {
        var ex = Assert.Throws<DossierException>(() => SqliteDocumentStore.OpenReadOnly(DbPath));
        Assert.Equal(DossierErrorCode.NotFound, ex.Code);
        Assert.Empty(Files());
    }

    [Fact]
    public void OpenReadOnly_APathThatNeedsEscapingInAUri_IsRead()
    {
        var folder = Directory.CreateDirectory(_dir.File("a dir #1 ?x% é")).FullName;
        var path = Path.Combine(folder, "d.db");
        using (var writer = SqliteDocumentStore.Open(path))
        {
            writer.Add(Docs.Seed("002"));
        }

        using var store = SqliteDocumentStore.OpenReadOnly(path);
        Assert.Equal(1, store.Count());
    }
}
