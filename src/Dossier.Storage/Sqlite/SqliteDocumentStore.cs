using System.Globalization;
using Dossier.Text;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file in WAL mode, schema migrated on open. Each
/// document is written in its own transaction. One instance serves one thread at a time.
/// </summary>
public sealed class SqliteDocumentStore : IDocumentStore
{
    private const char ListSeparator = '\u001F';
    private readonly SqliteConnection _connection;
    private readonly string _path;

    private SqliteDocumentStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        _path = path;
    }

    /// <summary>The schema version this build writes.</summary>
    public static int SchemaVersion => SqliteMigrations.Scripts.Length;

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/>, or an in-memory store for ":memory:".</summary>
    /// <exception cref="DossierException">With <see cref="DossierErrorCode.StoreFailed"/> when the file cannot be opened or migrated.</exception>
    public static SqliteDocumentStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            ForeignKeys = true,
            DefaultTimeout = 30,
        };
        return Connect(builder.ToString(), path, "cannot open the store", connection =>
        {
            if (path != ":memory:")
            {
                Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
            }

            Migrate(connection, path);
        });
    }

    /// <summary>
    /// Opens the existing store at <paramref name="path"/> for reading only: nothing is created,
    /// migrated or written, so a store on read-only media or in a folder without write permission
    /// can be read. Without a write-ahead log beside it (no writer has it open) the file is opened
    /// immutable, so SQLite creates no -wal or -shm file; with one, it is opened read-only to see
    /// what the log holds, and immutable when that fails.
    /// </summary>
    /// <exception cref="DossierException">With <see cref="DossierErrorCode.StoreFailed"/> when the file cannot be read or has another schema version.</exception>
    public static SqliteDocumentStore OpenReadOnly(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new DossierException(DossierErrorCode.NotFound, "no such store", path);
        }

        if (File.Exists(full + "-wal"))
        {
            try
            {
                return OpenReadOnly(full, path, immutable: false);
            }
            catch (DossierException)
            {
                // The log's index (-shm) cannot be made here: read the main file as it is.
            }
        }

        return OpenReadOnly(full, path, immutable: true);
    }

    private static SqliteDocumentStore OpenReadOnly(string full, string path, bool immutable)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = immutable ? SqliteUri.Immutable(full) : full,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        };
        return Connect(builder.ToString(), path, "cannot read the store", connection =>
        {
            var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
            if (version != SqliteMigrations.Scripts.Length)
            {
                throw new DossierException(
                    DossierErrorCode.StoreFailed,
                    $"the store has schema version {version}, this Dossier reads {SqliteMigrations.Scripts.Length}; open it once for writing (dossier ingest) or upgrade Dossier",
                    path);
            }
        });
    }

    /// <summary>Opens a connection, sets its busy timeout and prepares it; the connection is closed on any failure, a SQLite one reported as <paramref name="failure"/>.</summary>
    private static SqliteDocumentStore Connect(string connectionString, string path, string failure, Action<SqliteConnection> prepare)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 5000;");
            prepare(connection);
            return new SqliteDocumentStore(connection, path);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new DossierException(DossierErrorCode.StoreFailed, $"{failure}: {ex.Message}", path, ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The schema version of the open database.</summary>
    public int UserVersion => Convert.ToInt32(Scalar("PRAGMA user_version;"), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public StoreOutcome Add(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var now = DateTimeOffset.UtcNow.ToString("O");
        var source = document.Metadata.Source ?? string.Empty;
        try
        {
            using var tx = _connection.BeginTransaction();
            var existing = Scalar("SELECT id FROM documents WHERE content_hash = $hash;", tx, ("$hash", document.ContentHash)) as string;
            var outcome = existing is null ? StoreOutcome.Added : StoreOutcome.AlreadyStored;
            var id = existing ?? document.Id;
            if (existing is null)
            {
                InsertDocument(document, now, tx);
            }

            if (source.Length > 0)
            {
                Execute(
                    _connection,
                    "INSERT OR IGNORE INTO document_sources (doc_id, source, first_seen) VALUES ($id, $source, $now);",
                    tx,
                    ("$id", id),
                    ("$source", source),
                    ("$now", now));
            }

            tx.Commit();
            return outcome;
        }
        catch (SqliteException ex)
        {
            throw new DossierException(DossierErrorCode.StoreFailed, $"cannot store document {document.Id} in {_path}: {ex.Message}", document.Metadata.Source, ex);
        }
    }

    /// <inheritdoc/>
    public Document? Find(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var ids = new List<string>();
        using (var cmd = Command(
            """
            SELECT id FROM documents WHERE id = $key
            UNION SELECT id FROM documents WHERE substr(id, 1, length($key)) = $key
            UNION SELECT doc_id FROM document_sources WHERE source = $key
            LIMIT 3;
            """,
            null,
            ("$key", key)))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }
        }

        if (ids.Contains(key))
        {
            return Load(key);
        }

        if (ids.Count == 0)
        {
            ids = SourceMatch.Ids(key, Sources());
        }

        return ids.Count switch
        {
            0 => null,
            1 => Load(ids[0]),
            _ => throw new DossierException(DossierErrorCode.NotFound, $"'{key}' names more than one document ({string.Join(", ", ids)}, …); give more of the id or the full path"),
        };
    }

    /// <summary>Every (document id, source) pair recorded.</summary>
    private List<(string Id, string Source)> Sources()
    {
        var sources = new List<(string Id, string Source)>();
        using var cmd = Command("SELECT doc_id, source FROM document_sources ORDER BY first_seen, source;", null);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            sources.Add((reader.GetString(0), reader.GetString(1)));
        }

        return sources;
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredDocumentInfo> List()
    {
        var list = new List<StoredDocumentInfo>();
        using var cmd = Command(
            """
            SELECT d.id, d.title, d.outlet, d.published, length(d.text),
                   (SELECT group_concat(source, char(31)) FROM (SELECT source FROM document_sources s WHERE s.doc_id = d.id ORDER BY first_seen, source))
            FROM documents d ORDER BY d.rowid;
            """,
            null);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var sources = reader.IsDBNull(5) ? [] : reader.GetString(5).Split(ListSeparator);
            list.Add(new StoredDocumentInfo(
                reader.GetString(0),
                NullableString(reader, 1),
                NullableString(reader, 2),
                reader.IsDBNull(3) ? null : DateOnly.ParseExact(reader.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                sources,
                reader.GetInt32(4)));
        }

        return list;
    }

    /// <inheritdoc/>
    public int Count() => Convert.ToInt32(Scalar("SELECT count(*) FROM documents;"), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();

    private static void Migrate(SqliteConnection connection, string path)
    {
        using var tx = connection.BeginTransaction();
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;", tx), CultureInfo.InvariantCulture);
        if (version > SqliteMigrations.Scripts.Length)
        {
            throw new DossierException(
                DossierErrorCode.StoreFailed,
                $"the store has schema version {version}, newer than this Dossier knows ({SqliteMigrations.Scripts.Length}); upgrade Dossier",
                path);
        }

        for (var v = version; v < SqliteMigrations.Scripts.Length; v++)
        {
            Execute(connection, SqliteMigrations.Scripts[v], tx);
            Execute(connection, $"PRAGMA user_version = {v + 1};", tx);
        }

        tx.Commit();
    }

    private void InsertDocument(Document d, string now, SqliteTransaction tx)
    {
        var m = d.Metadata;
        Execute(
            _connection,
            """
            INSERT INTO documents (id, content_hash, text, title, title_start, title_end, outlet, byline, published, published_time,
                                   published_inferred, published_evidence, url, language, encoding, warnings, source_map, stored_at)
            VALUES ($id, $hash, $text, $title, $ts, $te, $outlet, $byline, $published, $ptime, $inferred, $evidence, $url, $lang, $enc, $warnings, $map, $now);
            """,
            tx,
            ("$id", d.Id),
            ("$hash", d.ContentHash),
            ("$text", d.Text),
            ("$title", m.Title),
            ("$ts", d.TitleSpan?.Start),
            ("$te", d.TitleSpan?.End),
            ("$outlet", m.Outlet),
            ("$byline", m.Byline),
            ("$published", m.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("$ptime", m.PublishedTime?.ToString("HH:mm", CultureInfo.InvariantCulture)),
            ("$inferred", m.PublishedInferred ? 1 : 0),
            ("$evidence", m.PublishedEvidence),
            ("$url", m.Url),
            ("$lang", m.Language),
            ("$enc", m.Encoding),
            ("$warnings", d.Warnings.Count == 0 ? null : string.Join(ListSeparator, d.Warnings)),
            ("$map", LayerCodec.EncodeMap(d.SourceMap)),
            ("$now", now));
        foreach (var layer in LayerCodec.StoredLayers)
        {
            if (d.Has(layer))
            {
                Execute(
                    _connection,
                    "INSERT INTO layers (doc_id, name, format, data) VALUES ($id, $name, $format, $data);",
                    tx,
                    ("$id", d.Id),
                    ("$name", layer.Name),
                    ("$format", LayerCodec.Format),
                    ("$data", LayerCodec.Encode(d, layer)));
            }
        }
    }

    private Document Load(string id)
    {
        Document document;
        using (var cmd = Command(
            """
            SELECT text, title, title_start, title_end, outlet, byline, published, published_time, published_inferred,
                   published_evidence, url, language, encoding, warnings, source_map,
                   (SELECT source FROM document_sources s WHERE s.doc_id = d.id ORDER BY first_seen, source LIMIT 1)
            FROM documents d WHERE id = $id;
            """,
            null,
            ("$id", id)))
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read())
            {
                throw new DossierException(DossierErrorCode.NotFound, $"document {id} is not in the store", _path);
            }

            var metadata = new DocumentMetadata
            {
                Source = NullableString(r, 15),
                Title = NullableString(r, 1),
                Outlet = NullableString(r, 4),
                Byline = NullableString(r, 5),
                Published = r.IsDBNull(6) ? null : DateOnly.ParseExact(r.GetString(6), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                PublishedTime = r.IsDBNull(7) ? null : TimeOnly.ParseExact(r.GetString(7), "HH:mm", CultureInfo.InvariantCulture),
                PublishedInferred = r.GetInt32(8) != 0,
                PublishedEvidence = NullableString(r, 9),
                Url = NullableString(r, 10),
                Language = NullableString(r, 11),
                Encoding = NullableString(r, 12),
            };
            TextSpan? title = r.IsDBNull(2) ? null : new TextSpan(r.GetInt32(2), r.GetInt32(3));
            var map = r.IsDBNull(14) ? null : LayerCodec.DecodeMap((byte[])r.GetValue(14));
            document = new Document(r.GetString(0), metadata, map, title);
            if (NullableString(r, 13) is { } warnings)
            {
                foreach (var w in warnings.Split(ListSeparator))
                {
                    document.AddWarning(w);
                }
            }
        }

        using (var cmd = Command("SELECT name, format, data FROM layers WHERE doc_id = $id;", null, ("$id", id)))
        using (var r = cmd.ExecuteReader())
        {
            var layers = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            while (r.Read())
            {
                if (r.GetInt32(1) == LayerCodec.Format)
                {
                    layers[r.GetString(0)] = (byte[])r.GetValue(2);
                }
            }

            // Decode in dependency order so views over one layer find the layers they rely on.
            foreach (var layer in LayerCodec.StoredLayers)
            {
                if (layers.TryGetValue(layer.Name, out var data))
                {
                    LayerCodec.Decode(document, layer.Name, data);
                }
            }
        }

        return document;
    }

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private SqliteCommand Command(string sql, SqliteTransaction? tx, params (string Name, object? Value)[] parameters) =>
        Command(_connection, sql, tx, parameters);

    private static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? tx, params (string Name, object? Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
#pragma warning disable CA2100 // Every statement is a constant of this class; values go through parameters.
        cmd.CommandText = sql;
#pragma warning restore CA2100
        cmd.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd;
    }

    private object? Scalar(string sql, SqliteTransaction? tx = null, params (string Name, object? Value)[] parameters) =>
        Scalar(_connection, sql, tx, parameters);

    private static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(connection, sql, tx, parameters);
        return cmd.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(connection, sql, tx, parameters);
        cmd.ExecuteNonQuery();
    }
}
