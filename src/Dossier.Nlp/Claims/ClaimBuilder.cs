using Dossier.Annotations;
using Dossier.Nlp.Quotes;
using static Dossier.Nlp.Quotes.QuoteText;

namespace Dossier.Nlp.Claims;

/// <summary>
/// The claims a quote carries: its content with the cue's stance (negated content turns an
/// assertion into a denial), hedged or not, as a proposition; and the claim it answers ("rejected
/// allegations by X that …" adds X's). Thread-safe.
/// </summary>
internal sealed class ClaimBuilder(CueLexicon lexicon)
{
    private readonly CueLexicon _lexicon = lexicon;

    /// <summary>The claims of a quote: its own first, then those of the allegations it answers.</summary>
    internal List<ClaimData> ToClaims(QuoteDocument v, QuoteData quote)
    {
        var claims = new List<ClaimData>();
        var stance = quote.CueStance ?? "assert";
        var (start, end) = v.Tokens(quote.Span);
        var holder = quote.Speaker;
        var holderName = quote.SpeakerName;
        var cue = quote.Cue;

        // "rejected allegations by Afghanistan regarding …", "dismissed claims that …": the claim answered.
        if (v.Lower[start] is not ("our" or "my" or "your") && _lexicon.Is("content-noun", v.Lower[Skip(_lexicon, v, start, end, "determiner")]))
        {
            var noun = Skip(_lexicon, v, start, end, "determiner");
            var k = noun + 1;
            var others = new List<int>();
            if (k < end && _lexicon.Is("claim-made", v.Lower[k]))
            {
                k++;
            }

            if (k < end && v.Lower[k] is "by" or "from")
            {
                k++;
                while (k < end && (v.MentionAt(k) >= 0 || v.Lower[k] is "and" or "the" or ","))
                {
                    var m = v.MentionAt(k);
                    if (m >= 0 && !others.Contains(m))
                    {
                        others.Add(m);
                    }

                    k++;
                }
            }

            var connected = others.Count > 0;
            if (k < end && v.Lower[k] is "that" or "regarding" or "about" or "of" or "on")
            {
                k++;
                connected = true;
            }

            if (connected && end - k >= 3)
            {
                var answeredStance = v.Lower[noun].StartsWith("allegation", StringComparison.Ordinal) || v.Lower[noun].StartsWith("accusation", StringComparison.Ordinal) ? "accuse" : "assert";
                foreach (var m in others)
                {
                    claims.Add(new ClaimData(v.Span(k, end), v.Mentions[m].Span, answeredStance, Proposition(v, k, end), v.Mentions[m].Span, null, IsHedged(v, k, end)));
                }

                start = k;
            }
        }

        end = TrimDangling(v, start, end);

        var negated = stance == "assert" && IsNegated(v, start, end);
        if (negated)
        {
            stance = "deny";
        }

        claims.Insert(0, new ClaimData(v.Span(start, end), holder, stance, Proposition(v, start, end), holderName, cue, IsHedged(v, start, end), NegatedContent: negated));
        return claims;
    }

    /// <summary>
    /// True when the main clause of the content is negated ("ISIS does not have a physical presence"), and
    /// the negation does not say that something is not known ("it is still not clear if …", "we just don't
    /// know", "could not confirm", "had no idea"): that is a statement of uncertainty, not a denial; nor
    /// is an emphatic comparative ("there's no better feeling than …") one, a negation that stresses ("there
    /// is no doubt that …", "I will never forget it") or a prohibition ("the world should not be indifferent"):
    /// a demand, whose modality the claim keeps.
    /// </summary>
    private bool IsNegated(QuoteDocument v, int start, int end)
    {
        for (var k = start; k < Math.Min(end, start + 8); k++)
        {
            if (v.Lower[k] is "," or ";" or "that" or "which" or "who" or "but")
            {
                return false;
            }

            if (_lexicon.Is("negation", v.Lower[k]))
            {
                // Not knowing ('had no idea', 'it is not clear') is no denial, nor is praise ('there's no better feeling', 'nothing better').
                return !(v.WordAt(k) is { } not && ((not.Head is { } negated && DeniesNothing(negated)) || IsUntil(v, k, end)
                    || (v.Lower[k] is "no" or "nothing" && (not.Children.Any(IsComparative) || (not.Head is { } noun && (IsComparative(noun) || noun.Children.Any(IsComparative)))))));
            }
        }

        return false;
    }

    /// <summary>True when an 'until' follows the negation at <paramref name="from"/> in the words: 'will not resume the talks until the attacks stop' sets a condition, it denies nothing (the tree often hangs the clause elsewhere).</summary>
    private static bool IsUntil(QuoteDocument v, int from, int end)
    {
        for (var k = from + 1; k < end; k++)
        {
            if (v.Lower[k] == "until")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a negation on <paramref name="negated"/> denies nothing: it says something is not known, stresses, or forbids.</summary>
    private bool DeniesNothing(Word negated)
    {
        var lemma = negated.Lemma.ToLowerInvariant();
        return _lexicon.Is("unknowing", lemma) || _lexicon.Is("emphatic", lemma)
            || negated.Children.Any(a => a.BaseRelation == "aux" && _lexicon.Is("prohibition", a.Lemma.ToLowerInvariant()));
    }

    /// <summary>
    /// The end of a content cut before another clause, without the words that only open that clause:
    /// a relative pronoun and what leads to it ('…, which', '…, the name of which', '…, in which'), a
    /// preposition, conjunction or determiner left dangling, whose head in the tree is among the words
    /// cut off ('… Sunday after', '… in Guerrero and', '… in an earlier video that'; not '… after
    /// it's over'), and commas. Words in quotation marks are left as they are.
    /// </summary>
    private static int TrimDangling(QuoteDocument v, int start, int end)
    {
        while (end - start > 3 && !v.InQuote(end - 1))
        {
            var last = v.Lower[end - 1];
            if (last == "than")
            {
                break; // a comparison with what was said, which the claims component drops whole
            }

            if (last is "which" or "who" or "whom" or "whose")
            {
                // Back to the comma that opens the relative clause, when it is near.
                var comma = end - 2;
                while (comma > start && end - comma <= 5 && v.Lower[comma] != ",")
                {
                    comma--;
                }

                end = comma > start && v.Lower[comma] == "," ? comma : end - 1;
            }
            else if (last == "," || (v.WordAt(end - 1) is { Xpos: "IN" or "TO" or "CC" or "DT" or "WDT" } w && w.Head is { } h && h.Data.Token >= end))
            {
                end--;
            }
            else
            {
                break;
            }
        }

        return end;
    }

    private static bool IsComparative(Word w) => w.Xpos is "JJR" or "RBR";

    private bool IsHedged(QuoteDocument v, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (_lexicon.Is("hedge", v.Lower[k]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The content as a proposition: its words in lower case, quotation marks and edge punctuation left out.</summary>
    private static string Proposition(QuoteDocument v, int start, int end)
    {
        var words = new List<string>(end - start);
        for (var k = start; k < end; k++)
        {
            if (!v.IsQuoteMark(k))
            {
                words.Add(v.Lower[k]);
            }
        }

        while (words.Count > 0 && !words[^1].Any(char.IsLetterOrDigit))
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words).Replace(" ,", ",", StringComparison.Ordinal).Replace(" n't", "n't", StringComparison.Ordinal)
            .Replace(" 's", "'s", StringComparison.Ordinal).Replace(" .", ".", StringComparison.Ordinal);
    }
}
