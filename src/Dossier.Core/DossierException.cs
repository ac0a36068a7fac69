namespace Dossier;

/// <summary>Stable codes for run-time failures a user can act on.</summary>
public enum DossierErrorCode
{
    /// <summary>A failure without a more specific code.</summary>
    Unknown = 0,

    /// <summary>The input holds no text.</summary>
    EmptyInput,

    /// <summary>The input is binary data, not text.</summary>
    BinaryInput,

    /// <summary>The bytes could not be decoded as text in any supported encoding.</summary>
    UndecodableText,

    /// <summary>The input is larger than the configured limit.</summary>
    InputTooLarge,

    /// <summary>The input's format is not one Dossier reads.</summary>
    UnsupportedFormat,

    /// <summary>A path, document or record does not exist.</summary>
    NotFound,

    /// <summary>The input could not be read (permissions, I/O).</summary>
    ReadFailed,

    /// <summary>A pipeline was assembled in an order that cannot work.</summary>
    InvalidPipeline,

    /// <summary>A component broke its contract or failed on a document.</summary>
    ComponentFailed,

    /// <summary>The store could not be opened, migrated or written.</summary>
    StoreFailed,

    /// <summary>The input is in a known format but broken (a feed that is not well-formed XML, a truncated archive).</summary>
    MalformedInput,

    /// <summary>A URL could not be fetched (unreachable, timed out, an HTTP error, too many redirects).</summary>
    FetchFailed,

    /// <summary>A document went over a per-document limit (time, findings, cited text); see <see cref="DocumentLimits"/>.</summary>
    LimitExceeded,
}

/// <summary>
/// A run-time failure with a stable <see cref="Code"/> and a message a user can act on; names the
/// document it concerns where there is one.
/// </summary>
public sealed class DossierException : Exception
{
    /// <summary>Creates an exception without a code.</summary>
    public DossierException()
    {
    }

    /// <summary>Creates an exception without a code.</summary>
    public DossierException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception without a code.</summary>
    public DossierException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with a code, naming the document it concerns.</summary>
    public DossierException(DossierErrorCode code, string message, string? documentSource = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        DocumentSource = documentSource;
    }

    /// <summary>The stable error code.</summary>
    public DossierErrorCode Code { get; }

    /// <summary>The path or URL of the document concerned, where there is one.</summary>
    public string? DocumentSource { get; }
}
