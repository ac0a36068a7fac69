using Dossier.Annotations;
using Dossier.Nlp.Learning;
using Dossier.Nlp.Quotes;

namespace Dossier.Nlp.Claims;

/// <summary>
/// Adds the claims layer from the quotes: each quote's content held by its speaker with the cue's
/// stance (negated content turns an assertion into a denial, an intention ruled out — 'no plans
/// to' — into a denial of its content), hedged or not, with its modality; "rejected allegations by
/// X that …" adds X's claim. A quote the tree says holds no claim (a passive cue's subject, an
/// experience such as 'Pakistan has seen an increase') carries none. A claim whose speaker was found one of the surer
/// ways (<see cref="AttributionConfidence.SurerWays"/>) has its confidence from the claims' <see cref="ConfidenceModel"/> over
/// <see cref="ClaimEvidence"/>; one found a less sure way keeps the way's rate of right speakers, capped below anything
/// the brief shows, since readers judged no such claim (a right speaker is not yet a right claim: of the judged claims
/// of the nearest earlier person, the guess whose speaker rate is closest to the surer ways', two in fourteen were right). A claim read from the headline ranks with the least sure way: a headline restates in
/// telegraphic words what the story's own sentences say ('Yeltsin endorses Lebed Chechnya peace plan - agency'), and
/// readers judged each one wrong (9 of 9 on the Reuters pools of eval/claims). Thread-safe.
/// </summary>
public sealed class ClaimComponent : IDocumentComponent
{
    private static readonly Lazy<ConfidenceModel> Shipped = new(() => ConfidenceModel.Embedded("Dossier.Nlp.Claims.claim-confidence.tsv"));

    private readonly ClaimBuilder _builder;
    private readonly CueLexicon _lexicon;
    private readonly ConfidenceModel _confidence;

    /// <summary>Creates the component with a cue lexicon and a confidence model (the shipped ones by default).</summary>
    public ClaimComponent(CueLexicon? lexicon = null, ConfidenceModel? confidence = null)
    {
        _lexicon = lexicon ?? CueLexicon.Default;
        _builder = new ClaimBuilder(_lexicon);
        _confidence = confidence ?? DefaultConfidence;
    }

    /// <summary>
    /// The confidence from which the brief shows a claim (the JSON holds all): the shipped model's
    /// <see cref="ConfidenceModel.ShownThreshold"/>, the lowest confidence from the configuration's <c>lowestShown</c>
    /// (0.70 in configs/claims.json) at which the claims shown were right at the target share (configs/claims.json) on the judged and annotated pools,
    /// each scored by the model trained without it.
    /// </summary>
    public static double ShownConfidence => DefaultConfidence.ShownThreshold;

    /// <summary>The highest confidence of a claim the model does not score: one step of the confidences' rounding below what the brief shows.</summary>
    private double NotShown => Math.Round(_confidence.ShownThreshold - 0.01, 2);

    /// <summary>The confidence model shipped with the component (src/Dossier.Nlp/Claims/claim-confidence.tsv, written by <c>dossier train claims</c>).</summary>
    public static ConfidenceModel DefaultConfidence => Shipped.Value;

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
        document.Set(Layers.Claims, [.. Read(document, cancellationToken).Select(c => c.Claim).OrderBy(c => c.Span)]);
    }

    /// <summary>
    /// The claims the quotes of a parsed document carry, each with its confidence and, when the model scored it (its
    /// speaker found one of the surer ways), the evidence it weighed; in the order of the quotes.
    /// </summary>
    public IReadOnlyList<(ClaimData Claim, ClaimEvidence? Evidence)> Read(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var view = new QuoteDocument(document);
        var claims = new List<(ClaimData, ClaimEvidence?)>();
        foreach (var quote in document.Get(Layers.Quotes))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var claim in Of(document, view, quote))
            {
                if (document.TitleSpan is { } title && title.Contains(claim.Span))
                {
                    claims.Add((claim with { Confidence = Math.Min(quote.Confidence, AttributionConfidence.Lowest) }, null));
                    continue;
                }

                if (!AttributionConfidence.IsSurer(quote.Attribution))
                {
                    claims.Add((claim with { Confidence = Math.Min(quote.Confidence, NotShown) }, null));
                    continue;
                }

                var evidence = ClaimEvidence.Of(document, view, quote, claim);
                claims.Add((claim with { Confidence = Math.Round(_confidence.Probability(evidence.Features()), 2) }, evidence));
            }
        }

        return claims;
    }

    private IEnumerable<ClaimData> Of(Document document, QuoteDocument view, QuoteData quote)
    {
        // 'Pakistan has no plans to hold talks with the TTP': an intention ruled out denies its content.
        if (quote.Cue is { } cue && AttributionSyntax.RulesOut(document, cue))
        {
            return _builder.ToClaims(view, quote).Where(c => c.Stance is "intend" or "pledge").Select(c => c with { Stance = "deny" });
        }

        return AttributionSyntax.Stands(document, quote.Cue, quote.Speaker, claim: true)
            ? _builder.ToClaims(view, quote).Where(c => States(document, view, quote, c)).Select(c => c with { Modality = AttributionSyntax.Modality(document, c) })
            : [];
    }

    /// <summary>
    /// Whether a claim states something: not what befell its holder, not words that only refuse to speak, and for
    /// reported words not a noun phrase that states nothing, a comparison with what was said, or a refusal.
    /// </summary>
    private bool States(Document document, QuoteDocument view, QuoteData quote, ClaimData c)
    {
        var words = document.Text.AsSpan(c.Span.Start, c.Span.Length);
        return !AttributionSyntax.IsExperience(document, c) && !NonStatements.IsOwnRefusal(words)
            && !(quote.Kind == QuoteKind.Indirect && (IsUnstated(document, view, c) || IsComparedWith(view, c) || NonStatements.IsRefusalToSpeak(c.Stance, words)));
    }

    /// <summary>
    /// A statement, report or belief whose reported content is a noun phrase with no verb states
    /// nothing: 'showed a cache of weapons', 'told the rest of the world her secret', 'referred to
    /// an earlier decision', 'when asked about the video'. A position taken on a noun phrase stands
    /// ('denied involvement', 'condemned the attack', 'acknowledged the conflicting accounts'), and so
    /// does a noun that carries a proposition ('noted the presence of training camps in Pakistan').
    /// </summary>
    private bool IsUnstated(Document document, QuoteDocument view, ClaimData claim)
    {
        if (claim.Stance is not ("assert" or "report" or "cite" or "announce" or "question" or "believe" or "suggest"))
        {
            return false;
        }

        var (start, end) = view.Tokens(claim.Span);
        if (view.MayHaveVerb(start, end))
        {
            return ObjectOpens(document, view, claim, start);
        }

        if (Enumerable.Range(start, end - start).Any(k => view.WordAt(k) is { BaseRelation: "xcomp" } w && w.Head is { } h && claim.Cue is { } cue && cue.Contains(h.Span)))
        {
            return false; // a judgment of a thing: 'called the statements of the spokesman irresponsible'
        }

        return AttributionSyntax.HeadOf(document, claim.Span) is not { } head || !_lexicon.Is("proposition-noun", head.Lemma.ToLowerInvariant());
    }

    /// <summary>
    /// A content that ends with 'than' compares something with what the speaker said: 'ran … much
    /// farther than the Secret Service initially disclosed' is not what the Service disclosed.
    /// </summary>
    private static bool IsComparedWith(QuoteDocument view, ClaimData claim)
    {
        var (start, end) = view.Tokens(claim.Span);
        while (end > start && view.IsPunctuation(end - 1))
        {
            end--;
        }

        return end > start && view.Lower[end - 1] == "than";
    }

    /// <summary>
    /// Whether the content opens with the object of a cue that also names an act on a thing
    /// (quote-words.tsv 'act-cue') and the cue governs no clause: 'tweeted out a photo of Nelson
    /// holding today's paper', 'has found another way to make news', 'questioned the Nike ball with
    /// which Woods plays' report an act or a doubt about a thing, not words. ('said Syrian government
    /// planes dropped …' is sometimes parsed with an object too, so 'say' is no such cue.)
    /// </summary>
    private bool ObjectOpens(Document document, QuoteDocument view, ClaimData claim, int start)
    {
        if (claim.Cue is not { } cue || AttributionSyntax.CueVerb(document, cue) is not { } verb
            || !_lexicon.Is("act-cue", verb.Lemma.ToLowerInvariant())
            || verb.Children.Any(c => c.BaseRelation is "ccomp" or "xcomp" or "parataxis") || verb.Child("obj") is not { Upos: UPos.NOUN } obj
            || _lexicon.Is("proposition-noun", obj.Lemma.ToLowerInvariant()))
        {
            return false;
        }

        var k = start;
        while (k < view.Words.Length && (view.IsPunctuation(k) || view.WordAt(k) is { Relation: "compound:prt" }))
        {
            k++; // 'tweeted out a photo'
        }

        if (k >= view.Words.Length || view.WordAt(k) is not { } first || !obj.Subtree.Contains(first.Span))
        {
            return false;
        }

        // A finite verb past the object is a clause the parser hung wrongly ('said Syrian government planes dropped …').
        var (_, end) = view.Tokens(claim.Span);
        return !Enumerable.Range(k, end - k).Any(t => view.WordAt(t) is { Xpos: "VBD" or "VBZ" or "VBP" or "MD" } w && !obj.Subtree.Contains(w.Span));
    }
}
