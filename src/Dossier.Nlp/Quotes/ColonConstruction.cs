using static Dossier.Nlp.Quotes.QuoteText;

namespace Dossier.Nlp.Quotes;

/// <summary>
/// A speaker and a colon opening a sentence: a headline or transcript line ("Kerry: …", "Graham:
/// Trump's rhetoric …"), or a headline's speaker named with a role, an audience or a place
/// ("Clinton to Planned Parenthood: …"). Thread-safe.
/// </summary>
internal sealed class ColonConstruction(CueLexicon lexicon, SpeakerPhrases phrases, SpeakerResolver speakers)
{
    private readonly CueLexicon _lexicon = lexicon;
    private readonly SpeakerPhrases _phrases = phrases;
    private readonly SpeakerResolver _speakers = speakers;

    /// <summary>The cue a colon after a speaker stands for.</summary>
    internal static readonly Cue ColonCue = new(":", "assert", "speech");

    /// <summary>A headline or transcript line "Kerry: …", "Graham: Trump's rhetoric …": a name opens the sentence and a colon follows it.</summary>
    internal Attribution? Find(QuoteDocument v, int s, List<Attribution> found)
    {
        var (a, b) = v.Sentences[s];
        var start = a;
        while (start < b && v.IsQuoteMark(start))
        {
            start++;
        }

        if (start >= b)
        {
            return null;
        }

        // A name the tagger found, or up to three capitalised words that are not a label like "Update:".
        var colon = start;
        if (v.MentionAt(start) is var m && m >= 0 && v.Mentions[m].Start == start)
        {
            colon = v.Mentions[m].Label is "PER" or "ORG" ? v.Mentions[m].End : -1; // not a dateline ("ISLAMABAD: …")
        }
        else
        {
            while (colon < Math.Min(b, start + 3) && v.Words[colon].Length > 0 && char.IsUpper(v.Words[colon][0]) && !_lexicon.Is("not-speaker", v.Lower[colon]))
            {
                colon++;
            }
        }

        if (colon <= start || colon >= b || v.Words[colon] != ":")
        {
            colon = HeadlineSpeakerEnd(v, start, b);
            if (colon < 0)
            {
                return null;
            }
        }

        var content = SkipPunctuation(v, colon + 1, b);
        var end = TrimEnd(v, content, b);
        if (v.QuoteStartingAt(content) is { } region)
        {
            (content, end) = (region.Start, region.End);
        }

        if (end - content < 3)
        {
            return null;
        }

        var speaker = (start, colon);
        var (name, how) = _speakers.Resolve(v, speaker, found);
        return new Attribution(content, end, KindOf(_lexicon, v, content, end), new CueMatch(colon, colon + 1, ColonCue, CueForm.Phrase), speaker, name, how, s);
    }

    /// <summary>
    /// The colon after a headline's speaker who is named with a role, an audience or a place:
    /// "Clinton to Planned Parenthood:", "Former AG Mukasey at RNC:", "Republican pollster Daron
    /// Shaw:"; -1 when the words before the colon are not such a phrase or name no person,
    /// organisation or role (a dateline, "The Latest:"), or when a word outside a name is a verb
    /// other than a cue (a subhead: "Veto Power Impedes Peace Efforts:"; "The New York Times reports:" speaks).
    /// </summary>
    private int HeadlineSpeakerEnd(QuoteDocument v, int start, int b)
    {
        var named = false;
        for (var k = start; k < Math.Min(b, start + 8); k++)
        {
            var word = v.Words[k];
            if (word == ":")
            {
                return named && k > start + 1 ? k : -1;
            }

            // A label that says something is a headline or subhead of its own ("Limited Tools to Fight Terrorism:"), not a speaker.
            if (_lexicon.Is("not-speaker", v.Lower[k]) || (v.IsVerb(k) is true && v.MentionAt(k) < 0 && _lexicon.Match(v.Lower, k) is null))
            {
                return -1;
            }

            var role = _phrases.IsRoleWord(v.Lower[k]);
            if (!((word.Length > 0 && char.IsUpper(word[0])) || role || v.Lower[k] is "to" or "at" or "of" or "on" or "in" or "and" or "for"))
            {
                return -1;
            }

            named |= role || (v.MentionAt(k) is var m && m >= 0 && v.Mentions[m].Label is "PER" or "ORG");
        }

        return -1;
    }
}
