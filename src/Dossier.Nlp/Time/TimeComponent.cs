using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Nlp.Time;

/// <summary>Adds the time layer: every date, time, duration and set, normalised against the document's publication date (<see cref="TimeTagger"/>).</summary>
public sealed class TimeComponent : IDocumentComponent
{
    private readonly TimeTagger _tagger;

    /// <summary>Creates the component (the shipped tagger by default).</summary>
    public TimeComponent(TimeTagger? tagger = null) => _tagger = tagger ?? TimeTagger.Default;

    /// <inheritdoc/>
    public string Name => "times";

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Needs { get; } = [Layers.Tokens, Layers.Sentences];

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Adds { get; } = [Layers.Times];

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Get(Layers.Tokens);
        var sentences = document.Get(Layers.Sentences)
            .Select(s => (IReadOnlyList<TextSpan>)[.. Enumerable.Range(s.FirstToken, s.TokenCount).Select(t => tokens[t].Span)]);
        var published = document.Metadata.PublishedInferred ? null : document.Metadata.Published;
        var found = _tagger.Tag(document.Text, sentences, published);
        document.Set(Layers.Times, [.. found.Select(t => new TimeData(t.Span, t.Type, t.Value, t.Mod))]);
    }
}
