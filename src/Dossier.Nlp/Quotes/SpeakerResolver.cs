using Dossier.Annotations;

namespace Dossier.Nlp.Quotes;

/// <summary>
/// Resolves a speaker phrase to the mention that names the speaker: a name in the phrase, the
/// organisation it speaks for, the person a pronoun or a role ("the spokesperson") stands for —
/// the last two read from the document's references layer (<see cref="Coref.CorefComponent"/>),
/// with what only the quote finder knows kept here: who was named inside reported speech, and
/// which organisation spoke last. Thread-safe.
/// </summary>
internal sealed class SpeakerResolver(CueLexicon lexicon)
{
    private readonly CueLexicon _lexicon = lexicon;

    /// <summary>The mention that names the speaker of a phrase, and how it was found; -1 when none.</summary>
    internal (int Mention, AttributionWay How) Resolve(QuoteDocument v, (int Start, int End) phrase, List<Attribution> found)
    {
        var (start, end) = phrase;
        var head = v.Lower[end - 1];

        // Of two persons named, the one the phrase is about: 'Dorian Johnson, a friend of Brown's who …'.
        if (v.HeadOf(start, end) is { } h && v.MentionAt(h.Data.Token) is var named && named >= 0 && v.Mentions[named].Label == "PER")
        {
            return (named, SpeakerFound.Named);
        }

        for (var k = end - 1; k >= start; k--)
        {
            // A person named anywhere in the phrase spoke: "Foreign Office spokesperson Shafqat Ali
            // Khan", "Hamdullah Fitrat, the deputy Taliban spokesperson".
            if (v.MentionAt(k) is var m && m >= 0 && v.Mentions[m].Label == "PER")
            {
                return (m, SpeakerFound.Named);
            }
        }

        if (v.MentionAt(end - 1) is var last && last >= 0 && v.Mentions[last].Label is "ORG" or "GPE" or "NORP" or "FAC" or "MISC")
        {
            return (last, SpeakerFound.Named);
        }

        if (!_lexicon.Is("person-role", head))
        {
            for (var k = end - 1; k >= start; k--)
            {
                // "Pakistan's foreign office", "Taliban officials", "Afghan officials": spoken for the
                // organisation or state named as their affiliation.
                if (v.MentionAt(k) is var m && m >= 0 && v.Mentions[m].Label is "ORG" or "GPE" or "NORP")
                {
                    return (m, SpeakerFound.Affiliation);
                }
            }
        }

        // Pronouns and role nouns: the document's references layer (Coref/) says what they refer to.
        var reference = v.ReferenceEndingAt(end - 1);
        if (_lexicon.Is("person-pronoun", head) && end - start == 1 && head != "i")
        {
            return Pronoun(v, start, "PER", found);
        }

        if (_lexicon.Is("group-pronoun", head) && end - start == 1)
        {
            return reference is { } g ? (g.Mention, SpeakerFound.GroupPronoun) : (-1, SpeakerFound.Unnamed);
        }

        if (_lexicon.Is("person-role", head))
        {
            // "the spokesperson": the person introduced with that role (role), else the office named
            // with it (affiliation), else the nearest person (nearest), as the layer found them.
            if (reference is { } role)
            {
                return (role.Mention, role.Kind switch
                {
                    ReferenceKind.Role => SpeakerFound.Role,
                    ReferenceKind.Affiliation => SpeakerFound.Affiliation,
                    _ => SpeakerFound.Nearest,
                });
            }

            // "Pakistan's Foreign Office has reiterated … . The spokesperson confirmed …": the
            // spokesperson of the organisation that spoke last (what was said is the quote finder's).
            var speaking = found.LastOrDefault(x => x.NameMention >= 0 && v.Mentions[x.NameMention].Label == "ORG" && x.ContentStart < start);
            return speaking is not null ? (speaking.NameMention, SpeakerFound.Affiliation) : (-1, SpeakerFound.Unnamed);
        }

        if (_lexicon.Is("group-role", head))
        {
            // "the ministry": only an organisation whose name holds the word, not the layer's nearest-organisation guess.
            return reference is { Kind: ReferenceKind.Role } org ? (org.Mention, SpeakerFound.Role) : (-1, SpeakerFound.Unnamed);
        }

        return (-1, SpeakerFound.Unnamed);
    }

    /// <summary>
    /// The antecedent of the pronoun at token <paramref name="k"/> ("he", "his", "their"), from the
    /// references layer — except that reported speech is the quote finder's to know, not the
    /// layer's (it runs before quotes are found): a <paramref name="label"/> named inside a quote
    /// found so far is not who "he" is ("He said … the legal aspect of Shareefullah's arrest … but
    /// he emphasised …"); the nearest one named outside it is.
    /// </summary>
    internal static (int Mention, AttributionWay How) Pronoun(QuoteDocument v, int k, string label, List<Attribution> found)
    {
        if (v.ReferenceEndingAt(k) is { } r && v.Mentions[r.Mention].Label == label && !InFound(v.Mentions[r.Mention].Start, found))
        {
            return (r.Mention, SpeakerFound.Pronoun);
        }

        var outside = v.PreviousMention(k, label, t => InFound(t, found));
        return outside >= 0 ? (outside, SpeakerFound.Pronoun) : (-1, SpeakerFound.Unnamed);
    }

    private static bool InFound(int token, List<Attribution> found) => found.Any(x => token >= x.ContentStart && token < x.ContentEnd);
}
