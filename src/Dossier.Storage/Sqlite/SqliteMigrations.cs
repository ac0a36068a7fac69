namespace Dossier.Storage.Sqlite;

/// <summary>
/// The schema of the SQLite store, as numbered migrations. The database's
/// <c>PRAGMA user_version</c> is the last migration applied; opening a store applies the rest
/// in one transaction. Never edit a shipped migration: add the next one.
/// </summary>
internal static class SqliteMigrations
{
    public static readonly string[] Scripts =
    [
        // 1: documents, their sources and their annotation layers.
        """
        CREATE TABLE documents (
            id                 TEXT PRIMARY KEY,
            content_hash       TEXT NOT NULL UNIQUE,
            text               TEXT NOT NULL,
            title              TEXT,
            title_start        INTEGER,
            title_end          INTEGER,
            outlet             TEXT,
            byline             TEXT,
            published          TEXT,
            published_time     TEXT,
            published_inferred INTEGER NOT NULL DEFAULT 0,
            published_evidence TEXT,
            url                TEXT,
            language           TEXT,
            encoding           TEXT,
            warnings           TEXT,
            source_map         BLOB,
            stored_at          TEXT NOT NULL
        );
        CREATE TABLE document_sources (
            doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            source     TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            PRIMARY KEY (doc_id, source)
        );
        CREATE INDEX ix_document_sources_source ON document_sources(source);
        CREATE TABLE layers (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            name   TEXT NOT NULL,
            format INTEGER NOT NULL,
            data   BLOB NOT NULL,
            PRIMARY KEY (doc_id, name)
        );
        """,
    ];
}
