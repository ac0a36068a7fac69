namespace Dossier.Nlp.Quotes;

/// <summary>
/// Resolves a speaker phrase to the mention that names the speaker: a name in the phrase, the
/// organisation it speaks for, the person a pronoun or a role ("the spokesperson") stands for.
/// Thread-safe.
/// </summary>
internal sealed class SpeakerResolver(CueLexicon lexicon)
{
    private readonly CueLexicon _lexicon = lexicon;

    /// <summary>The mention that names the speaker of a phrase, and how it was found; -1 when none.</summary>
    internal (int Mention, string How) Resolve(QuoteDocument v, (int Start, int End) phrase, List<Attribution> found)
    {
        var (start, end) = phrase;
        var head = v.Lower[end - 1];
        for (var k = end - 1; k >= start; k--)
        {
            // A person named anywhere in the phrase spoke: "Foreign Office spokesperson Shafqat Ali
            // Khan", "Hamdullah Fitrat, the deputy Taliban spokesperson".
            if (v.MentionAt(k) is var m && m >= 0 && v.Mentions[m].Label == "PER")
            {
                return (m, "named");
            }
        }

        if (v.MentionAt(end - 1) is var last && last >= 0 && v.Mentions[last].Label is "ORG" or "GPE" or "NORP" or "FAC" or "MISC")
        {
            return (last, "named");
        }

        if (!_lexicon.Is("person-role", head))
        {
            for (var k = end - 1; k >= start; k--)
            {
                // "Pakistan's foreign office", "Taliban officials", "Afghan officials": spoken for the
                // organisation or state named as their affiliation.
                if (v.MentionAt(k) is var m && m >= 0 && v.Mentions[m].Label is "ORG" or "GPE" or "NORP")
                {
                    return (m, "affiliation");
                }
            }
        }

        if (_lexicon.Is("person-pronoun", head) && end - start == 1 && head != "i")
        {
            // The nearest person named before, leaving out those named inside reported speech:
            // "He said … the legal aspect of Shareefullah's arrest … but he emphasised …".
            var person = v.PreviousMention(start, "PER", k => found.Any(x => k >= x.ContentStart && k < x.ContentEnd));
            return person >= 0 ? (person, "pronoun") : (-1, "unnamed");
        }

        if (_lexicon.Is("group-pronoun", head) && end - start == 1)
        {
            var group = v.PreviousMention(start, "ORG");
            return group >= 0 ? (group, "pronoun") : (-1, "unnamed");
        }

        if (_lexicon.Is("person-role", head))
        {
            // "the spokesperson": the person introduced with that role ("spokesperson Shafqat Ali Khan",
            // "Hamdullah Fitrat, the deputy Taliban spokesperson").
            var withRole = v.PreviousMentionNear(start, "PER", head, 5);
            if (withRole >= 0)
            {
                return (withRole, "role");
            }

            // "Foreign Office spokesperson …" without the name: the office spoke.
            var office = v.PreviousMentionNear(start, "ORG", head, 3);
            if (office >= 0)
            {
                return (office, "affiliation");
            }

            var person = v.PreviousMention(start, "PER");
            if (person >= 0)
            {
                return (person, "nearest");
            }

            // "Pakistan's Foreign Office has reiterated … . The spokesperson confirmed …": the
            // spokesperson of the organisation that spoke last.
            var speaking = found.LastOrDefault(x => x.NameMention >= 0 && v.Mentions[x.NameMention].Label == "ORG" && x.ContentStart < start);
            return speaking is not null ? (speaking.NameMention, "affiliation") : (-1, "unnamed");
        }

        if (_lexicon.Is("group-role", head))
        {
            var org = v.PreviousMentionContaining(start, "ORG", head);
            return org >= 0 ? (org, "role") : (-1, "unnamed");
        }

        return (-1, "unnamed");
    }
}
