using Dossier.Storage;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Tests.Storage;

public sealed class SqliteStoreTests : DocumentStoreContract
{
    private string DbPath => Dir.File("dossier.db");

    protected override IDocumentStore Open() => SqliteDocumentStore.Open(DbPath);

    [Fact]
    public void Open_MigratesToTheCurrentSchema_AndUsesWal()
    {
        using (var store = SqliteDocumentStore.Open(DbPath))
        {
            Assert.Equal(SqliteDocumentStore.SchemaVersion, store.UserVersion);
        }

        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", cmd.ExecuteScalar());
    }

    [Fact]
    public void Open_AStoreFromANewerDossier_IsRefusedAndLeftAlone()
    {
        using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = 99;";
            cmd.ExecuteNonQuery();
        }

        var ex = Assert.Throws<DossierException>(() => SqliteDocumentStore.Open(DbPath));
        Assert.Equal(DossierErrorCode.StoreFailed, ex.Code);
        Assert.Contains("newer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_AFileThatIsNoDatabase_IsAStoreError()
    {
        File.WriteAllText(DbPath, "this is not an SQLite database, just text that is long enough to have a header");
        Assert.Equal(DossierErrorCode.StoreFailed, Assert.Throws<DossierException>(() => SqliteDocumentStore.Open(DbPath)).Code);
    }

    [Fact]
    public void InMemory_Works()
    {
        using var store = SqliteDocumentStore.Open(":memory:");
        store.Add(new Document("Memory only."));
        Assert.Equal(1, store.Count());
    }
}
