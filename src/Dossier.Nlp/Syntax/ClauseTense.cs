using Dossier.Annotations;

namespace Dossier.Nlp.Syntax;

/// <summary>The time a clause's verb places its event in, as the verb group says it.</summary>
public enum Tense : byte
{
    /// <summary>Not said by the verb group (present, modal, infinitive, no verb), or not parsed.</summary>
    Unknown,

    /// <summary>Past: a past-tense verb or auxiliary ('met', 'was arrested', 'had left', 'did not say'), or a bare participle ('arrested on Monday').</summary>
    Past,

    /// <summary>Future: 'will', 'shall' or ''ll' in the verb group ('will meet', 'is expected to' is not).</summary>
    Future,
}

/// <summary>
/// Reads tense from the dependency tree: the verb that governs a word (climbing from a noun or
/// adverb to its clause's verb; for a nominal predicate, its copula), and what its auxiliaries
/// and its own Penn tag say. Used where the time of a clause matters and a word window guesses
/// wrong ("met on Wednesday and will meet again": Wednesday is past).
/// </summary>
internal static class ClauseTense
{
    private const int MaxClimb = 8;

    /// <summary>The tense of the clause that holds <paramref name="word"/>.</summary>
    public static Tense Of(Word word)
    {
        var w = word;
        for (var steps = 0; steps < MaxClimb; steps++)
        {
            if (w.Upos is UPos.VERB || (w.Upos is UPos.AUX && w.Head is null) || w.Child("cop") is not null)
            {
                return OfVerb(w);
            }

            if (w.Head is not { } head)
            {
                return Tense.Unknown;
            }

            w = head;
        }

        return Tense.Unknown;
    }

    /// <summary>The tense of a verb (or nominal predicate) by its auxiliaries, copula and tag.</summary>
    public static Tense OfVerb(Word verb)
    {
        var past = verb.Xpos is "VBD";
        var auxiliaries = 0;
        foreach (var c in verb.Children)
        {
            if (c.BaseRelation is not ("aux" or "cop"))
            {
                continue;
            }

            auxiliaries++;
            var lemma = c.Lemma.ToLowerInvariant();
            if (lemma is "will" or "shall" || c.Text.Equals("'ll", StringComparison.OrdinalIgnoreCase))
            {
                return Tense.Future;
            }

            if (c.Xpos is "MD")
            {
                return Tense.Unknown; // 'would', 'could', 'may': not a tense
            }

            past |= c.Xpos is "VBD";
        }

        // 'the suspect arrested on Monday': a bare participle modifying a noun reports the past.
        past |= auxiliaries == 0 && verb.Xpos is "VBN" && verb.BaseRelation is "acl";
        return past ? Tense.Past : Tense.Unknown;
    }
}
