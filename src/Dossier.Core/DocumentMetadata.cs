namespace Dossier;

/// <summary>What is known about a document besides its text.</summary>
public sealed record DocumentMetadata
{
    /// <summary>Where the document came from: a path or URL as the user gave it.</summary>
    public string? Source { get; init; }

    /// <summary>The headline, where one was found.</summary>
    public string? Title { get; init; }

    /// <summary>The outlet or site that published it, where the document names it.</summary>
    public string? Outlet { get; init; }

    /// <summary>The author(s) as credited.</summary>
    public string? Byline { get; init; }

    /// <summary>The publication date.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>The publication time of day, where stated.</summary>
    public TimeOnly? PublishedTime { get; init; }

    /// <summary>True when <see cref="Published"/> was inferred from the content rather than stated.</summary>
    public bool PublishedInferred { get; init; }

    /// <summary>What the publication date was read or inferred from.</summary>
    public string? PublishedEvidence { get; init; }

    /// <summary>The canonical URL, where known.</summary>
    public string? Url { get; init; }

    /// <summary>The language (BCP 47), where known.</summary>
    public string? Language { get; init; }

    /// <summary>The character encoding the source bytes were decoded with.</summary>
    public string? Encoding { get; init; }
}
