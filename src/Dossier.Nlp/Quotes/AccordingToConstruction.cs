using Dossier.Annotations;
using static Dossier.Nlp.Quotes.QuoteText;

namespace Dossier.Nlp.Quotes;

/// <summary>A source phrase: "according to X, C" and "C, according to X". Thread-safe.</summary>
internal sealed class AccordingToConstruction(SpeakerResolver speakers)
{
    private readonly SpeakerResolver _speakers = speakers;

    /// <summary>"according to X, C" and "C, according to X".</summary>
    internal Attribution? Find(QuoteDocument v, int s, CueMatch cue, List<Attribution> found)
    {
        var (a, b) = v.Sentences[s];
        var end = cue.End;
        // The source runs to the clause's end: "according to early results of exit polls conducted
        // for the Associated Press and television networks by Edison Research, …".
        while (end < b && end - cue.End < MaxSpeakerWords * 3 && !v.IsPunctuation(end))
        {
            end++;
        }

        if (end == cue.End)
        {
            return null;
        }

        var speaker = (cue.End, end);
        var (name, how) = _speakers.Resolve(v, speaker, found);
        var leading = LeadingWords(v, a, cue.Start);
        return leading
            ? new Attribution(SkipPunctuation(v, end, b), TrimEnd(v, SkipPunctuation(v, end, b), b), QuoteKind.Indirect, cue, speaker, name, how, s)
            : new Attribution(a, TrimEnd(v, a, cue.Start), QuoteKind.Indirect, cue, speaker, name, how, s);
    }
}
