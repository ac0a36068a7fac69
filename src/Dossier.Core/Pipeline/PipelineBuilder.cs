using Dossier.Annotations;

namespace Dossier;

/// <summary>
/// Assembles a <see cref="DocumentPipeline"/>. Features plug in through extension methods
/// (<c>UseTokenizer()</c>, <c>UseSentences()</c>, …); <see cref="Build"/> checks that every
/// component finds the layers it needs and that no two components add the same layer.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<IDocumentComponent> _components = [];
    private DocumentLimits _limits = DocumentLimits.Default;

    /// <summary>The components added so far, in order.</summary>
    public IReadOnlyList<IDocumentComponent> Components => _components;

    /// <summary>Appends a component.</summary>
    public PipelineBuilder Add(IDocumentComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        _components.Add(component);
        return this;
    }

    /// <summary>Sets what one document may cost (<see cref="DocumentLimits.Default"/> unless set).</summary>
    public PipelineBuilder WithLimits(DocumentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits;
        return this;
    }

    /// <summary>True when a component that adds <paramref name="layer"/> has been added.</summary>
    public bool Provides(LayerKey layer) => _components.Any(c => c.Adds.Contains(layer));

    /// <summary>Checks the order and freezes the pipeline.</summary>
    /// <exception cref="DossierException">With <see cref="DossierErrorCode.InvalidPipeline"/> when a component's needs are not met.</exception>
    public DocumentPipeline Build()
    {
        StageOrder.Check([.. _components.Select(c => (c.Name, c.Needs, c.Adds))], "Component", "layer", k => k.Name);
        return new DocumentPipeline([.. _components], _limits);
    }
}
