using Dossier.Annotations;
using Dossier.Nlp.Quotes;
using Dossier.Text;

namespace Dossier.Nlp.Claims;

/// <summary>
/// What the claim reader knew of one claim when it scored it, the features of the claims' <see cref="Learning.ConfidenceModel"/>:
/// how the holder was found (the attribution's way: <c>named</c>, <c>pronoun</c>, …), how the words are given (direct,
/// indirect, mixed), the stance and modality, whether it is hedged, the content's length in words, how the name the
/// holder resolves to sits in the speaker's phrase (its head, or a word that only modifies it:
/// 'a friend of Wilson', "Horner's mother", 'Canadian media'), how far back that name was found (for a pronoun or a role
/// noun), and how the content opens (a subject, 'to' and a verb, a preposition).
/// Tried and left out (configs/claims.json, each pool left out in turn): the speaker phrase's length and whether the
/// content holds a finite verb (on the judged FNC-1 pools, mean log-loss 0.480 with both, 0.469 without); a denial
/// whose content still carries a negation (most claims trained on are PolNeAR's, whose annotation says nothing of
/// stance, so it learned the opposite of what it stands for: +0.82); the holder's entity type (no gain on the pools
/// left out, 5,826 of 6,829 shown right without it against 5,835 of 6,842 with it; and it is the most
/// domain-bound of priors: a country as the holder is half wrong in PolNeAR's US politics, the usual speaker in
/// diplomatic news).
/// </summary>
public readonly record struct ClaimEvidence(
    string How,
    string Kind,
    string Stance,
    string? Modality,
    bool Hedged,
    int Words,
    string HolderPlace,
    string Antecedent,
    string Opening)
{
    /// <summary>The model's features of this evidence: names, each worth 1 when present.</summary>
    public IEnumerable<string> Features()
    {
        yield return "bias";
        yield return "how=" + How;
        yield return "kind=" + Kind;
        yield return "stance=" + Stance;
        yield return "modality=" + (Modality ?? "none");
        yield return "length=" + Words switch { <= 3 => "1-3", <= 8 => "4-8", <= 20 => "9-20", <= 40 => "21-40", _ => "41+" };
        yield return "holder-place=" + HolderPlace;
        yield return "antecedent=" + Antecedent;
        yield return "opening=" + Opening;
        if (Hedged)
        {
            yield return "hedged";
        }
    }

    /// <summary>The evidence of a claim carried by <paramref name="quote"/> in a parsed document (<paramref name="view"/> its quote reader's view).</summary>
    internal static ClaimEvidence Of(Document document, QuoteDocument view, QuoteData quote, ClaimData claim)
    {
        ArgumentNullException.ThrowIfNull(document);
        var words = document.WordsIn(claim.Span).Where(w => w.Upos != UPos.PUNCT).ToList();
        return new ClaimEvidence(
            quote.Attribution?.ToString() ?? "none",
            quote.Kind.ToString().ToLowerInvariant(),
            claim.Stance,
            claim.Modality,
            claim.Hedged,
            words.Count,
            PlaceOf(document, claim.Holder, claim.HolderName),
            AntecedentOf(view, claim),
            words.Count == 0 ? "none" : OpeningOf(words[0]));
    }

    /// <summary>
    /// Where the name the holder resolves to sits: <c>head</c> of the speaker's phrase, a word of it that is not its
    /// head (with the relation of the name's head: <c>in:nmod</c>, <c>in:amod</c>, <c>in:compound</c>), <c>away</c>
    /// when resolved from elsewhere (a pronoun, a role noun), <c>none</c> without a name.
    /// </summary>
    private static string PlaceOf(Document document, TextSpan? phrase, TextSpan? name)
    {
        if (name is not { } n)
        {
            return "none";
        }

        if (phrase is not { } p || !p.Contains(n))
        {
            return "away";
        }

        return AttributionSyntax.HeadOf(document, p) is { } head && n.Contains(head.Span) ? "head"
            : AttributionSyntax.HeadOf(document, n) is { } nameHead ? "in:" + nameHead.BaseRelation : "in";
    }

    /// <summary>
    /// Where the name the holder resolves to lies, against the sentence of the holder's words: <c>here</c> (the same
    /// sentence), <c>previous</c> (the sentence before), <c>earlier</c>, <c>none</c> without a name or a holder.
    /// </summary>
    private static string AntecedentOf(QuoteDocument view, ClaimData claim)
    {
        if (claim.HolderName is not { } name || claim.Holder is not { } holder)
        {
            return "none";
        }

        return (view.SentenceOfToken(view.Tokens(holder).Start) - view.SentenceOfToken(view.Tokens(name).Start)) switch { <= 0 => "here", 1 => "previous", _ => "earlier" };
    }

    /// <summary>How the content opens: <c>to+verb</c> for an infinitive, else the first word's universal tag.</summary>
    private static string OpeningOf(Word first) =>
        first.Upos == UPos.PART && first.Lemma.Equals("to", StringComparison.OrdinalIgnoreCase) ? "to+verb" : first.Upos.ToString();
}
