using Dossier.Annotations;
using static Dossier.Nlp.Quotes.QuoteText;

namespace Dossier.Nlp.Quotes;

/// <summary>
/// Reads a cue word where it stands: whether it is used as a cue there ("the alleged attack" is no
/// cue), whether it closes its clause or follows a break, whether its sentence is a title-case
/// headline, and where a new clause can open. Thread-safe.
/// </summary>
internal sealed class CueReading(CueLexicon lexicon, SpeakerPhrases phrases)
{
    private readonly CueLexicon _lexicon = lexicon;
    private readonly SpeakerPhrases _phrases = phrases;

    /// <summary>Leaves out cue words used otherwise: "the alleged attack", "the state", "Islamic State" (a capitalised cue counts only as "According to" opening a sentence).</summary>
    internal bool IsCue(QuoteDocument v, CueMatch cue)
    {
        var word = v.Words[cue.Start];
        if (word.Length == 0 || char.IsUpper(word[0]))
        {
            return false;
        }

        var before = cue.Start > 0 ? v.Lower[cue.Start - 1] : string.Empty;
        var next = cue.End < v.Lower.Length ? v.Lower[cue.End] : string.Empty;
        if (before is "-" or "self" || (before.Length > 1 && before[^1] == '-'))
        {
            // Part of a compound: "self-described", "so-called", "long-promised".
            return false;
        }

        var passive = (next == "by" && Enumerable.Range(cue.Start - 2, 2).Any(k => k >= 0 && _lexicon.Is("be", v.Lower[k])))
            || (cue.Cue.Lemma == "find" && _lexicon.Is("be", before)); // "was found dead", "were found to use"
        if ((cue.Form == CueForm.Past && (passive || next == "as")) || IsUsedOtherwise(v, cue))
        {
            // "is not recognised by any country", "known as Jafar", and the words below.
            return false;
        }

        if (cue.Form == CueForm.Base && (_lexicon.Is("ambiguous-cue", cue.Cue.Lemma) || _lexicon.Is("determiner", before)))
        {
            // A noun more often than a verb: only after a subject pronoun, a modal or "to", or before "that";
            // never where the tree reads a noun with its own determiner or preposition ("A United Nations report on
            // Iraq said", "its forecast of demand for the new product").
            if (v.WordAt(cue.Start) is { Upos: UPos.NOUN } noun && (noun.Child("det") is not null || noun.Child("case") is not null))
            {
                return false;
            }

            return next == "that" || _lexicon.Is("verb-before", before)
                || IsPluralSubject(before) || (word.EndsWith('s') && _phrases.IsRoleWord(before))
                || (word.EndsWith('s') && before == "," && _phrases.SubjectBefore(v, v.Sentences[v.SentenceOfToken(cue.Start)].Start, cue.Start) is not null);
        }

        return true;
    }

    /// <summary>A cue word that is no cue here: a participle as an adjective ("the alleged attack") or a verb whose object is no statement ("claimed (most of the) responsibility").</summary>
    internal bool IsUsedOtherwise(QuoteDocument v, CueMatch cue) =>
        (cue.Form == CueForm.Past && cue.Start > 0 && _lexicon.Is("determiner", v.Lower[cue.Start - 1]))
        || Enumerable.Range(cue.End, 4).Any(k => k < v.Lower.Length && _lexicon.Is("not-cue-object", v.Lower[k]));

    /// <summary>
    /// A word that ends a plural subject, so a base-form cue after it is its verb: "voters support",
    /// "Republicans back", "most oppose", "two-thirds favor", "48 percent say" (not "Obama's plans").
    /// </summary>
    private bool IsPluralSubject(string word) =>
        _lexicon.Is("plural-subject", word)
        || word.EndsWith("thirds", StringComparison.Ordinal) || word.EndsWith("quarters", StringComparison.Ordinal)
        || (word.Length > 3 && word[^1] == 's' && char.IsLetter(word[^2]) && word[^2] is not ('s' or 'u' or 'i' or '\'' or '’') && word.All(char.IsLetter));

    /// <summary>True when at most a short phrase follows a cue before the sentence ends or a comma ("said on Monday, days after …").</summary>
    internal bool ClosesClause(QuoteDocument v, int k, int b)
    {
        // What follows the cue up to a comma or the sentence's end must be nothing, or say how or when.
        var end = TrimEnd(v, k, b);
        var tail = k;
        while (tail < end && v.Lower[tail] != ",")
        {
            tail++;
        }

        return tail == k || IsAdverbial(_lexicon, v, k, tail);
    }

    /// <summary>True when the speaker phrase of a cue (or the cue itself, "…, said Khan") follows a comma or a closing quotation mark.</summary>
    internal bool IsAfterBreak(QuoteDocument v, int a, CueMatch cue)
    {
        var k = WithArticle(v, a, _phrases.SubjectBefore(v, a, cue.Start)?.Start ?? cue.Start);
        return k > a && (v.Lower[k - 1] is "," or "—" or "--" || v.IsQuoteMark(k - 1));
    }

    /// <summary>True for a title-case headline ("Hillary Clinton Slams Donald Trump On Abortion"): most of its words capitalised.</summary>
    internal static bool IsHeadline(QuoteDocument v, int a, int b)
    {
        int words = 0, capitalised = 0;
        for (var k = a; k < b; k++)
        {
            if (v.Words[k].Length > 0 && char.IsLetter(v.Words[k][0]))
            {
                words++;
                capitalised += char.IsUpper(v.Words[k][0]) ? 1 : 0;
            }
        }

        return words >= 4 && capitalised * 10 >= words * 7;
    }

    /// <summary>
    /// Whether a new clause with its own speaker can open after token <paramref name="k"/>: "…, Devine
    /// suggested", "…, and Clinton said", "…; Khan said", "… which Washington has sought"; not a bare
    /// "and" ("Khan said the US left its weapons and Pakistan supported …" is all Khan's).
    /// </summary>
    internal static bool OpensClause(QuoteDocument v, int k) => v.Lower[k] switch
    {
        "," or ";" or "while" or "whereas" or "which" => true,
        "and" or "but" or "yet" => k > 0 && v.Lower[k - 1] == ",",
        _ => false,
    };
}
