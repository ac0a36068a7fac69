using Dossier.Annotations;
using Dossier.Nlp.Quotes;

namespace Dossier.Nlp.Claims;

/// <summary>
/// Adds the claims layer from the quotes: each quote's content held by its speaker with the cue's
/// stance (negated content turns an assertion into a denial, an intention ruled out — 'no plans
/// to' — into a denial of its content), hedged or not, with its modality; "rejected allegations by
/// X that …" adds X's claim. A quote the tree says holds no claim (a passive cue's subject, an
/// experience such as 'Pakistan has seen an increase') carries none. Thread-safe.
/// </summary>
public sealed class ClaimComponent : IDocumentComponent
{
    private readonly ClaimBuilder _builder;
    private readonly CueLexicon _lexicon;

    /// <summary>Creates the component with a cue lexicon (the shipped one by default).</summary>
    public ClaimComponent(CueLexicon? lexicon = null)
    {
        _lexicon = lexicon ?? CueLexicon.Default;
        _builder = new ClaimBuilder(_lexicon);
    }

    /// <inheritdoc/>
    public string Name => "claims";

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Needs { get; } = [Layers.Tokens, Layers.Sentences, Layers.Mentions, Layers.References, Layers.Quotes];

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Adds { get; } = [Layers.Claims];

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var view = new QuoteDocument(document);
        var claims = new List<ClaimData>();
        foreach (var quote in document.Get(Layers.Quotes))
        {
            cancellationToken.ThrowIfCancellationRequested();
            claims.AddRange(Of(document, view, quote));
        }

        document.Set(Layers.Claims, [.. claims.OrderBy(c => c.Span)]);
    }

    private IEnumerable<ClaimData> Of(Document document, QuoteDocument view, QuoteData quote)
    {
        // 'Pakistan has no plans to hold talks with the TTP': an intention ruled out denies its content.
        if (quote.Cue is { } cue && AttributionSyntax.RulesOut(document, cue))
        {
            return _builder.ToClaims(view, quote).Where(c => c.Stance is "intend" or "pledge").Select(c => c with { Stance = "deny", Confidence = quote.Confidence });
        }

        return AttributionSyntax.Stands(document, quote.Cue, quote.Speaker, claim: true)
            ? _builder.ToClaims(view, quote).Where(c => !AttributionSyntax.IsExperience(document, c) && !(quote.Kind == QuoteKind.Indirect && IsUnstated(view, c)))
                .Select(c => c with { Confidence = quote.Confidence, Modality = AttributionSyntax.Modality(document, c) })
            : [];
    }

    /// <summary>
    /// A statement, report or belief whose reported content is a noun phrase with no verb states
    /// nothing: 'showed a cache of weapons', 'told the rest of the world her secret', 'referred to
    /// an earlier decision', 'when asked about the video'. A position taken on a noun phrase stands
    /// ('denied involvement', 'condemned the attack', 'acknowledged the conflicting accounts'), and so
    /// does a noun that carries a proposition ('noted the presence of training camps in Pakistan').
    /// </summary>
    private bool IsUnstated(QuoteDocument view, ClaimData claim)
    {
        if (claim.Stance is not ("assert" or "report" or "cite" or "announce" or "question" or "believe" or "suggest"))
        {
            return false;
        }

        var (start, end) = view.Tokens(claim.Span);
        if (view.MayHaveVerb(start, end))
        {
            return false;
        }

        for (var k = start; k < end; k++)
        {
            if (view.WordAt(k) is { } w && (w.Head is not { } h || !claim.Span.Contains(h.Span)))
            {
                return !_lexicon.Is("proposition-noun", w.Lemma.ToLowerInvariant()); // the phrase's head
            }
        }

        return true;
    }
}
