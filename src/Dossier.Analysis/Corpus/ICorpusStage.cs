namespace Dossier.Analysis.Corpus;

/// <summary>
/// One step of the corpus stage, the cross-document counterpart of a document component: it
/// reads the results it <see cref="Needs"/> from a <see cref="CorpusState"/> and sets the results
/// it <see cref="Adds"/>. Stateless between runs.
/// </summary>
public interface ICorpusStage
{
    /// <summary>A short name for messages (e.g. "entities").</summary>
    string Name { get; }

    /// <summary>The results that must be set before this stage runs.</summary>
    IReadOnlyList<CorpusKey> Needs { get; }

    /// <summary>The results this stage sets.</summary>
    IReadOnlyList<CorpusKey> Adds { get; }

    /// <summary>Runs the stage over the state's documents.</summary>
    void Run(CorpusState state, CancellationToken cancellationToken);
}

/// <summary>A stage given by its name, its needs and adds, and what it does.</summary>
/// <param name="name">The stage's name.</param>
/// <param name="needs">The results it reads.</param>
/// <param name="adds">The results it sets.</param>
/// <param name="run">What it does (the token stops long work inside the stage).</param>
internal sealed class CorpusStage(string name, CorpusKey[] needs, CorpusKey[] adds, Action<CorpusState, CancellationToken> run) : ICorpusStage
{
    public string Name { get; } = name;

    public IReadOnlyList<CorpusKey> Needs { get; } = needs;

    public IReadOnlyList<CorpusKey> Adds { get; } = adds;

    public void Run(CorpusState state, CancellationToken cancellationToken) => run(state, cancellationToken);
}
