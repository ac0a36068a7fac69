using Dossier.Annotations;

namespace Dossier.Nlp.Coref;

/// <summary>
/// Coreference within a document: each pronoun ('he', 'his', 'they') and role noun ('the
/// spokesperson', 'the ministry', 'the country') with the named mention it refers to, in the
/// references layer. The one place that answers "who does this refer to" for quotes (a speaker's
/// "he") and entity resolution (a pronoun becomes a mention of its antecedent's entity). Rules
/// over tokens, sentences and mentions (<see cref="Coreference"/>), with the dependency tree's
/// checks when the words layer is there; the words are data (<c>coref-words.tsv</c>). Thread-safe.
/// </summary>
public sealed class CorefComponent : IDocumentComponent
{
    /// <summary>The shared instance.</summary>
    public static CorefComponent Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "coref";

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Needs { get; } = [Layers.Tokens, Layers.Sentences, Layers.Mentions];

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Adds { get; } = [Layers.References];

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Set(Layers.References, Coreference.Resolve(document, null, cancellationToken));
    }
}
