using Dossier.Annotations;

namespace Dossier;

/// <summary>
/// One step of the per-document pipeline. It reads the layers it <see cref="Needs"/> and sets the
/// layers it <see cref="Adds"/>. It must be stateless between calls and safe to call from many
/// threads at once.
/// </summary>
public interface IDocumentComponent
{
    /// <summary>A short name for messages (e.g. "sentences").</summary>
    string Name { get; }

    /// <summary>The layers that must be set before this component runs.</summary>
    IReadOnlyList<LayerKey> Needs { get; }

    /// <summary>The layers this component sets.</summary>
    IReadOnlyList<LayerKey> Adds { get; }

    /// <summary>Annotates one document.</summary>
    void Process(Document document, CancellationToken cancellationToken);
}
