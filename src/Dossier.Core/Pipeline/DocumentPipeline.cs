using System.Collections.Immutable;
using Dossier.Annotations;

namespace Dossier;

/// <summary>
/// An immutable, thread-safe sequence of components, built by <see cref="PipelineBuilder"/>.
/// Build one and share it: <c>pipeline.Process(text)</c>.
/// </summary>
public sealed class DocumentPipeline
{
    internal DocumentPipeline(ImmutableArray<IDocumentComponent> components, DocumentLimits limits)
    {
        Components = components;
        Limits = limits;
    }

    /// <summary>What one document may cost; checked while it is processed.</summary>
    public DocumentLimits Limits { get; }

    /// <summary>The same components under other limits.</summary>
    public DocumentPipeline WithLimits(DocumentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new DocumentPipeline(Components, limits);
    }

    /// <summary>The components in the order they run.</summary>
    public ImmutableArray<IDocumentComponent> Components { get; }

    /// <summary>Every layer the pipeline adds.</summary>
    public IEnumerable<LayerKey> Adds => Components.SelectMany(c => c.Adds);

    /// <summary>Annotates a plain text.</summary>
    public Document Process(string text, DocumentMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Process(new Document(text, metadata), cancellationToken);
    }

    /// <summary>
    /// Runs every component on the document. A component whose layers the document already
    /// has (from its reader or an earlier run) is skipped.
    /// </summary>
    /// <exception cref="DossierException">With <see cref="DossierErrorCode.ComponentFailed"/> when a component fails or breaks its contract; with <see cref="DossierErrorCode.LimitExceeded"/> when the document goes over one of <see cref="Limits"/>.</exception>
    public Document Process(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var clock = Limits.StartClock(cancellationToken);
        long cited = 0;
        try
        {
            foreach (var component in Components)
            {
                clock.Token.ThrowIfCancellationRequested();
                if (component.Adds.Count > 0 && component.Adds.All(document.Has))
                {
                    continue;
                }

                Run(component, document, clock.Token);
                cited = Limits.Check(document, component.Adds, cited);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Limits.TimeExceeded(document.Metadata.Source);
        }

        return document;
    }

    private static void Run(IDocumentComponent component, Document document, CancellationToken cancellationToken)
    {
        try
        {
            component.Process(document, cancellationToken);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException ex)
        {
            // A pattern cannot look at the clock; the process-wide match timeout stops it instead.
            throw new DossierException(
                DossierErrorCode.LimitExceeded,
                $"Component '{component.Name}' gave up: a pattern took longer than {ex.MatchTimeout.TotalSeconds:0.#} s on this text",
                document.Metadata.Source,
                ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DossierException)
        {
            throw new DossierException(
                DossierErrorCode.ComponentFailed,
                $"Component '{component.Name}' failed: {ex.Message}",
                document.Metadata.Source,
                ex);
        }

        var missing = component.Adds.FirstOrDefault(a => !document.Has(a));
        if (missing is not null)
        {
            throw new DossierException(
                DossierErrorCode.ComponentFailed,
                $"Component '{component.Name}' did not add the '{missing.Name}' layer it declares.",
                document.Metadata.Source);
        }
    }
}
