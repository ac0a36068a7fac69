namespace Dossier.Analysis.Corpus;

/// <summary>Names one result of the corpus stage (entities, claim groups, stories, …); stages declare the results they need and add by key.</summary>
public abstract class CorpusKey
{
    private protected CorpusKey(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The result's name, as used in messages.</summary>
    public string Name { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>A corpus result of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The result's type.</typeparam>
/// <param name="name">The result's name.</param>
/// <remarks>Keys are compared by reference: define each once (see <see cref="CorpusResults"/>).</remarks>
public sealed class CorpusKey<T>(string name) : CorpusKey(name)
    where T : class;
