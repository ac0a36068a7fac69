using Dossier.Annotations;

namespace Dossier.Analysis.Corpus;

/// <summary>
/// Assembles a <see cref="CorpusPipeline"/>: <see cref="Build"/> checks, as the document
/// pipeline's builder does, that every stage finds the results it needs set by a stage before it
/// and that no two stages set the same result.
/// </summary>
public sealed class CorpusPipelineBuilder
{
    private readonly List<ICorpusStage> _stages = [];

    /// <summary>The stages added so far, in order.</summary>
    public IReadOnlyList<ICorpusStage> Stages => _stages;

    /// <summary>Appends a stage.</summary>
    public CorpusPipelineBuilder Add(ICorpusStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        _stages.Add(stage);
        return this;
    }

    /// <summary>Checks the order and freezes the pipeline.</summary>
    /// <exception cref="DossierException">With <see cref="DossierErrorCode.InvalidPipeline"/> when a stage's needs are not met or two stages set one result.</exception>
    public CorpusPipeline Build()
    {
        StageOrder.Check([.. _stages.Select(s => (s.Name, s.Needs, s.Adds))], "Corpus stage", "result", k => k.Name);
        return new CorpusPipeline([.. _stages]);
    }
}

/// <summary>
/// The corpus stage: what is found across documents (entities, statements, claim groups, stories,
/// …), as a sequence of <see cref="ICorpusStage"/>s run in order over the processed documents.
/// Immutable; build one with <see cref="CorpusPipelineBuilder"/> or take <see cref="Default"/>.
/// </summary>
public sealed class CorpusPipeline
{
    internal CorpusPipeline(IReadOnlyList<ICorpusStage> stages) => Stages = stages;

    /// <summary>The stages in the order they run.</summary>
    public IReadOnlyList<ICorpusStage> Stages { get; }

    /// <summary>Every stage Dossier has, in order; the stance stage only with a stance model.</summary>
    /// <param name="kb">The knowledge base entities are linked to (none when null).</param>
    /// <param name="stance">The stance model that reads each document against each claim group (none when null).</param>
    public static CorpusPipeline Default(Dossier.Knowledge.KnowledgeBase? kb = null, Dossier.Nlp.Stance.StanceModel? stance = null)
    {
        var builder = new CorpusPipelineBuilder();
        foreach (var stage in CorpusStages.All(kb ?? Dossier.Knowledge.KnowledgeBase.Empty, stance))
        {
            builder.Add(stage);
        }

        return builder.Build();
    }

    /// <summary>Runs every stage over the documents.</summary>
    /// <param name="documents">The processed documents, in input order; the same text read twice is kept once (the first), the other inputs noted on it as a warning.</param>
    /// <param name="failures">The inputs that failed.</param>
    /// <param name="layers">The layers the document pipeline adds.</param>
    /// <param name="stageDone">Called after each stage with the time it took (for benchmarks and progress), or null.</param>
    /// <param name="cancellationToken">Stops between stages.</param>
    public CorpusAnalysis Run(IReadOnlyList<Document> documents, IReadOnlyList<InputFailure> failures, IEnumerable<LayerKey> layers, Action<ICorpusStage, TimeSpan>? stageDone = null, CancellationToken cancellationToken = default) =>
        new(Execute(documents, failures, layers, cancellationToken, stageDone));

    /// <summary>Runs every stage and returns the state they leave.</summary>
    internal CorpusState Execute(IReadOnlyList<Document> documents, IReadOnlyList<InputFailure> failures, IEnumerable<LayerKey> layers, CancellationToken cancellationToken, Action<ICorpusStage, TimeSpan>? stageDone = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(failures);
        ArgumentNullException.ThrowIfNull(layers);
        var state = new CorpusState(Distinct(documents), failures, [.. layers.Distinct()]);
        foreach (var stage in Stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            stage.Run(state, cancellationToken);
            stageDone?.Invoke(stage, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            foreach (var added in stage.Adds)
            {
                if (!state.Has(added))
                {
                    throw new DossierException(DossierErrorCode.InvalidPipeline, $"Corpus stage '{stage.Name}' did not set the '{added.Name}' result it adds.");
                }
            }
        }

        return state;
    }

    /// <summary>The same text read twice (two files, a file and its copy) is one document: the first kept, the others' sources noted on it.</summary>
    private static List<Document> Distinct(IReadOnlyList<Document> documents)
    {
        var distinct = new List<Document>(documents.Count);
        var seen = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var d in documents)
        {
            if (seen.TryGetValue(d.Id, out var first))
            {
                first.AddWarning($"the same text was also read from {d.Metadata.Source ?? "another input"}");
                continue;
            }

            seen[d.Id] = d;
            distinct.Add(d);
        }

        return distinct;
    }
}
