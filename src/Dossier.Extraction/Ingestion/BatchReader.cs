namespace Dossier.Extraction.Ingestion;

/// <summary>The outcome for one input: a processed document, or the error that stopped it.</summary>
/// <param name="Source">The input path as given or found.</param>
/// <param name="Document">The document, when it was read and processed.</param>
/// <param name="Error">Why it was not, otherwise.</param>
public sealed record InputOutcome(string Source, Document? Document, DossierException? Error)
{
    /// <summary>True when the document was read and processed.</summary>
    public bool Succeeded => Document is not null;
}

/// <summary>
/// Reads and processes many inputs in parallel, in order, one outcome each: a bad input is an
/// outcome with its error, never an exception that stops the batch.
/// </summary>
public sealed class BatchReader
{
    private readonly DocumentLoader _loader;
    private readonly InputExpander _expander;
    private readonly DocumentPipeline _pipeline;
    private readonly int _parallelism;

    /// <summary>Creates a batch reader.</summary>
    /// <param name="loader">Reads one file.</param>
    /// <param name="pipeline">Annotates each document.</param>
    /// <param name="parallelism">Documents processed at once; the number of cores by default.</param>
    /// <param name="expander">Turns inputs into documents (archives, feeds, URLs); without one, only files, and nothing is fetched.</param>
    public BatchReader(DocumentLoader loader, DocumentPipeline pipeline, int? parallelism = null, InputExpander? expander = null)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(pipeline);
        _loader = loader;
        _expander = expander ?? new InputExpander(loader);
        _pipeline = pipeline;
        _parallelism = Math.Max(1, parallelism ?? Environment.ProcessorCount);
    }

    /// <summary>
    /// Reads and processes the inputs (files, URLs; archives and feeds give one outcome per
    /// document they hold); outcomes come in input order as chunks finish.
    /// </summary>
    public IEnumerable<InputOutcome> Run(IEnumerable<string> inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var chunk = new List<InputItem>(_parallelism * 4);
        foreach (var item in inputs.SelectMany(input => _expander.Expand(input, cancellationToken)))
        {
            chunk.Add(item);
            if (chunk.Count == chunk.Capacity)
            {
                foreach (var outcome in RunChunk(chunk, cancellationToken))
                {
                    yield return outcome;
                }

                chunk.Clear();
            }
        }

        foreach (var outcome in RunChunk(chunk, cancellationToken))
        {
            yield return outcome;
        }
    }

    /// <summary>Reads and processes one file.</summary>
    public InputOutcome RunOne(string file, CancellationToken cancellationToken = default) =>
        RunItem(new InputItem(file, () => _loader.Load(file)), cancellationToken);

    private InputOutcome RunItem(InputItem item, CancellationToken cancellationToken)
    {
        var file = item.Source;
        var limits = _pipeline.Limits;
        using var clock = limits.StartClock(cancellationToken);
        try
        {
            var document = item.Load();
            _pipeline.Process(document, clock.Token);
            return new InputOutcome(file, document, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new InputOutcome(file, null, limits.TimeExceeded(file));
        }
        catch (DossierException ex)
        {
            return new InputOutcome(file, null, ex.DocumentSource is null ? new DossierException(ex.Code, ex.Message, file, ex) : ex);
        }
#pragma warning disable CA1031 // A batch never stops on one document: any failure becomes that document's error.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return new InputOutcome(file, null, new DossierException(DossierErrorCode.Unknown, $"unexpected failure: {ex.GetType().Name}: {ex.Message}", file, ex));
        }
    }

    private InputOutcome[] RunChunk(List<InputItem> chunk, CancellationToken cancellationToken)
    {
        var results = new InputOutcome[chunk.Count];
        Parallel.For(
            0,
            chunk.Count,
            new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken },
            i => results[i] = RunItem(chunk[i], cancellationToken));
        return results;
    }
}
