using Dossier.Annotations;

namespace Dossier.Nlp.Tokenization;

/// <summary>The pipeline component around a <see cref="Tokenizer"/>. Needs nothing; adds tokens.</summary>
internal sealed class TokenizerComponent : IDocumentComponent
{
    private readonly Tokenizer _tokenizer;

    /// <summary>Wraps a tokenizer.</summary>
    public TokenizerComponent(Tokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        _tokenizer = tokenizer;
    }

    /// <inheritdoc/>
    public string Name => "tokens";

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Needs { get; } = [];

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Adds { get; } = [Layers.Tokens];

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Set(Layers.Tokens, [.. _tokenizer.Tokenize(document.Text)]);
    }
}
