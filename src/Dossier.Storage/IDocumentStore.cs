namespace Dossier.Storage;

/// <summary>What adding a document did.</summary>
public enum StoreOutcome
{
    /// <summary>The document was new and is now stored.</summary>
    Added,

    /// <summary>A document with the same content was stored before; only the source was recorded.</summary>
    AlreadyStored,
}

/// <summary>A stored document's summary.</summary>
/// <param name="Id">The document id.</param>
/// <param name="Title">Its title, if any.</param>
/// <param name="Outlet">Its outlet, if any.</param>
/// <param name="Published">Its publication date, if known.</param>
/// <param name="Sources">Every path or URL it was ingested from.</param>
/// <param name="Characters">The length of its text.</param>
public sealed record StoredDocumentInfo(string Id, string? Title, string? Outlet, DateOnly? Published, IReadOnlyList<string> Sources, int Characters);

/// <summary>
/// Keeps documents with their metadata and annotation layers. A document is stored once per
/// content hash; each write is atomic, so a failure never leaves a half-stored document.
/// Implementations: <see cref="Sqlite.SqliteDocumentStore"/>.
/// </summary>
public interface IDocumentStore : IDisposable
{
    /// <summary>Stores a document, or records one more source of one already stored.</summary>
    /// <exception cref="DossierException">With <see cref="DossierErrorCode.StoreFailed"/> when the store cannot be written.</exception>
    StoreOutcome Add(Document document);

    /// <summary>A document by id, unique id prefix or source path; null when there is none.</summary>
    /// <exception cref="DossierException">With <see cref="DossierErrorCode.NotFound"/> when a prefix names several documents.</exception>
    Document? Find(string key);

    /// <summary>Every stored document, in the order they were stored.</summary>
    IReadOnlyList<StoredDocumentInfo> List();

    /// <summary>The number of stored documents.</summary>
    int Count();
}
