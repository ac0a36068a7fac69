using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Nlp.Paragraphs;

/// <summary>
/// Adds paragraphs to a document read from plain text (see <see cref="ParagraphSegmenter"/>).
/// Readers that know the structure (the text and HTML readers) set the layer themselves and
/// the pipeline then skips this component. Needs nothing; adds paragraphs.
/// </summary>
internal sealed class ParagraphSplitter : IDocumentComponent
{
    /// <summary>The one instance; the component holds no state.</summary>
    public static ParagraphSplitter Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "paragraphs";

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Needs { get; } = [];

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Adds { get; } = [Layers.Paragraphs];

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var spans = ParagraphSegmenter.Segment(document.Text);
        document.Set(Layers.Paragraphs, [.. spans.Select(s => new ParagraphData(s))]);
    }
}
