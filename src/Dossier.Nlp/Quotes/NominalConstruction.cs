using Dossier.Annotations;
using static Dossier.Nlp.Quotes.QuoteText;

namespace Dossier.Nlp.Quotes;

/// <summary>A position stated as a noun ("Trump's criticism of the deal"): its content and its holder. Thread-safe.</summary>
internal sealed class NominalConstruction(CueLexicon lexicon, SpeakerPhrases phrases, SpeakerResolver speakers)
{
    private readonly CueLexicon _lexicon = lexicon;
    private readonly SpeakerPhrases _phrases = phrases;
    private readonly SpeakerResolver _speakers = speakers;

    /// <summary>
    /// A position stated as a noun: "Trump's criticism of the deal", "his support for the wall",
    /// "allegations that the vote was rigged". The content runs from after the cue to the end of
    /// its clause (a comma, a semicolon or the sentence's end); the holder is the possessor before
    /// the noun ("Trump's", "his"), else not named.
    /// </summary>
    internal Attribution? Find(QuoteDocument v, int s, CueMatch cue, List<Attribution> found)
    {
        var (a, b) = v.Sentences[s];
        var start = cue.End;
        if (v.QuoteStartingAt(start) is { } quoted)
        {
            return new Attribution(quoted.Start, quoted.End, QuoteKind.Direct, cue, null, -1, SpeakerFound.Unnamed, s);
        }

        var end = start;
        while (end < b && v.Lower[end] is not ("," or ";" or ":" or "—" or "--" or "(") && !(v.IsPunctuation(end) && end + 1 == b))
        {
            end++;
        }

        end = TrimEnd(v, start, end);
        if (end - start < 2)
        {
            return null;
        }

        (int Start, int End)? speaker = null;
        int name = -1;
        AttributionWay how = SpeakerFound.Unnamed;
        var before = cue.Start - 1;

        // The possessor ends before a separate "'s", or with its own "Trump’s" written as one token.
        var owner = before > a && v.Lower[before] is "'s" or "’s" or "'" or "’" ? before
            : before >= a && v.Lower[before].Length > 2 && (v.Lower[before].EndsWith("'s", StringComparison.Ordinal) || v.Lower[before].EndsWith("’s", StringComparison.Ordinal)) ? before + 1
            : -1;
        if (owner > a)
        {
            var m = v.MentionAt(owner - 1);
            speaker = m >= 0 ? (v.Mentions[m].Start, owner) : (owner - 1, owner);
            (name, how) = _speakers.Resolve(v, speaker.Value, found);
        }
        else if (before >= a && v.Lower[before] is "his" or "her" or "their" or "its")
        {
            speaker = (before, before + 1);
            (name, how) = SpeakerResolver.Pronoun(v, before, v.Lower[before] is "his" or "her" ? "PER" : "ORG", found);
        }
        else if ((_phrases.SubjectBefore(v, a, cue.Start) ?? _phrases.SentenceSubject(v, a, cue.Start)) is { } subject)
        {
            // "Republican criticism of …", the noun read as a verb ("Trump calls for a ban"), or
            // the sentence's subject ("He held back criticism of …").
            speaker = subject;
            (name, how) = _speakers.Resolve(v, subject, found);
        }

        return new Attribution(start, end, KindOf(_lexicon, v, start, end), cue, speaker, name, how, s);
    }
}
