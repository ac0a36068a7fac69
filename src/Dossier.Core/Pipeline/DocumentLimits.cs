using Dossier.Annotations;

namespace Dossier;

/// <summary>
/// What one document may cost: wall time, findings per layer and the text its findings cite. A
/// document over a limit fails alone with a <see cref="DossierException"/>
/// (<see cref="DossierErrorCode.LimitExceeded"/>) naming the limit; the rest of its batch goes on.
/// The defaults let real articles through (a long one has a few hundred findings a layer; texts
/// of up to about 5 MB of news pass) and stop the pathological ones — a page of hundreds of
/// thousands of paragraphs, megabytes of names — before they cost gigabytes or minutes. The
/// messages name the CLI option that sets each limit.
/// </summary>
public sealed record DocumentLimits
{
    /// <summary>The defaults: 60 s, 100,000 findings a layer, 64 Mi characters cited.</summary>
    public static DocumentLimits Default { get; } = new();

    /// <summary>No limit at all (evaluation runs over trusted data sets).</summary>
    public static DocumentLimits None { get; } = new() { MaxTime = Timeout.InfiniteTimeSpan, MaxItems = int.MaxValue, MaxCitedChars = long.MaxValue };

    /// <summary>Wall time for reading and annotating one document; <see cref="Timeout.InfiniteTimeSpan"/> for none.</summary>
    public TimeSpan MaxTime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Items one layer of findings may hold (mentions, times, quotes, claims, figures, events); the text's own structure (paragraphs, tokens, sentences) grows with the text and is bounded by the input size.</summary>
    public int MaxItems { get; init; } = 100_000;

    /// <summary>
    /// Characters the findings of one document cite, summed over every item of every layer of
    /// findings: what the analysis JSON writes as their <c>text</c>. It bounds the output, which
    /// otherwise grows with items × their length (an event cites its sentence).
    /// </summary>
    public long MaxCitedChars { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// The layers that are the text's structure, not findings: not counted against <see cref="MaxItems"/> or <see cref="MaxCitedChars"/>.
    /// References are among them: at most one per token, like the words, and shown only as mentions
    /// of the entities they name (a storm of pronouns after a name is as long as its tokens, no longer).
    /// </summary>
    public static IReadOnlySet<LayerKey> Structure { get; } = new HashSet<LayerKey> { Layers.Paragraphs, Layers.Tokens, Layers.Sentences, Layers.Words, Layers.References };

    /// <summary>A token source that is cancelled when <see cref="MaxTime"/> has passed or <paramref name="outer"/> is cancelled.</summary>
    public CancellationTokenSource StartClock(CancellationToken outer)
    {
        var clock = CancellationTokenSource.CreateLinkedTokenSource(outer);
        if (MaxTime != Timeout.InfiniteTimeSpan)
        {
            clock.CancelAfter(MaxTime);
        }

        return clock;
    }

    /// <summary>The error for a document that ran past <see cref="MaxTime"/>.</summary>
    public DossierException TimeExceeded(string? source) =>
        new(DossierErrorCode.LimitExceeded, $"reading and annotating it took longer than the limit of {MaxTime.TotalSeconds:0.#} s per document (--max-seconds)", source);

    /// <summary>
    /// Checks the layers a component has just <paramref name="added"/> to <paramref name="document"/>:
    /// each layer of findings against <see cref="MaxItems"/>, and the characters they cite, added to
    /// <paramref name="citedBefore"/> (what the layers checked before cite), against
    /// <see cref="MaxCitedChars"/>. Returns the new total, for the next component's check.
    /// </summary>
    /// <exception cref="DossierException">With <see cref="DossierErrorCode.LimitExceeded"/>, naming the layer and the limit.</exception>
    public long Check(Document document, IEnumerable<LayerKey> added, long citedBefore)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(added);
        var cited = citedBefore;
        foreach (var key in added)
        {
            if (Structure.Contains(key))
            {
                continue;
            }

            var (count, chars) = document.Measure(key);
            if (count > MaxItems)
            {
                throw new DossierException(DossierErrorCode.LimitExceeded, $"it has {count:N0} {key.Name}, over the limit of {MaxItems:N0} per document (--max-items)", document.Metadata.Source);
            }

            cited += chars;
        }

        if (cited > MaxCitedChars)
        {
            throw new DossierException(DossierErrorCode.LimitExceeded, $"its findings cite {cited:N0} characters of text (an item cites its span; events their sentence), over the limit of {MaxCitedChars:N0} per document (--max-output-mb)", document.Metadata.Source);
        }

        return cited;
    }
}
