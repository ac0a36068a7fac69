using Dossier.Annotations;

namespace Dossier.Analysis.Corpus;

/// <summary>
/// What the corpus stages work on: the documents (each once), the inputs that failed, the layers
/// the document pipeline adds, and the results the stages have set so far. A result is set once.
/// </summary>
public sealed class CorpusState
{
    private readonly Dictionary<CorpusKey, object> _results = new(ReferenceEqualityComparer.Instance);

    internal CorpusState(IReadOnlyList<Document> documents, IReadOnlyList<InputFailure> failures, IReadOnlyList<LayerKey> layers)
    {
        Documents = documents;
        Failures = failures;
        Layers = layers;
        DocumentsById = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    /// <summary>The documents, in input order, each text once.</summary>
    public IReadOnlyList<Document> Documents { get; }

    /// <summary>The documents by id.</summary>
    public IReadOnlyDictionary<string, Document> DocumentsById { get; }

    /// <summary>The inputs that failed.</summary>
    public IReadOnlyList<InputFailure> Failures { get; }

    /// <summary>The layers the document pipeline adds.</summary>
    public IReadOnlyList<LayerKey> Layers { get; }

    /// <summary>True when a stage has set <paramref name="key"/>.</summary>
    public bool Has(CorpusKey key) => _results.ContainsKey(key);

    /// <summary>The result of <paramref name="key"/>.</summary>
    /// <exception cref="InvalidOperationException">When no stage has set it (a stage that does not declare what it needs).</exception>
    public T Get<T>(CorpusKey<T> key)
        where T : class =>
        _results.TryGetValue(key, out var value) ? (T)value : throw new InvalidOperationException($"The corpus result '{key.Name}' is not set; the stage that reads it must declare it among its needs.");

    /// <summary>The result of <paramref name="key"/>, or <paramref name="fallback"/> when no stage set it.</summary>
    public T GetOr<T>(CorpusKey<T> key, T fallback)
        where T : class =>
        _results.TryGetValue(key, out var value) ? (T)value : fallback;

    /// <summary>Sets the result of <paramref name="key"/>, once.</summary>
    public void Set<T>(CorpusKey<T> key, T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (!_results.TryAdd(key, value))
        {
            throw new InvalidOperationException($"The corpus result '{key.Name}' is set twice.");
        }
    }
}
