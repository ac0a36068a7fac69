using Dossier.Annotations;
using static Dossier.Nlp.Quotes.QuoteText;

namespace Dossier.Nlp.Quotes;

/// <summary>
/// Whole paragraphs said by one speaker: a transcript turn ("PENCE: …") and a quotation signed
/// with a dash ("“…” ― Steve Quinlan").
/// </summary>
internal static class TranscriptAndDashSources
{
    /// <summary>
    /// A transcript turn ("PENCE: Gennifer Flowers will not be attending … . Donald Trump was
    /// using the tweet …"): a speaker in capitals and a colon open the paragraph, and all of it is
    /// what they said, the cues inside included.
    /// </summary>
    internal static void ExtendTranscriptTurns(QuoteDocument v, List<Attribution> found)
    {
        for (var i = 0; i < found.Count; i++)
        {
            var x = found[i];
            if (x.Cue?.Cue != ColonConstruction.ColonCue || x.Speaker is not { } sp || !v.Words[sp.Start..sp.End].All(w => w.Any(char.IsLetter) && !w.Any(char.IsLower)))
            {
                continue;
            }

            var (first, end) = v.Paragraphs.First(p => p.First <= sp.Start && sp.Start < p.End);
            if (Enumerable.Range(first, sp.Start - first).Any(k => !v.IsQuoteMark(k)))
            {
                continue;
            }

            // The turn's own closing mark, when the paragraph is set in quotation marks, goes too.
            var stop = end;
            while (stop > x.ContentStart && v.IsPunctuation(stop - 1))
            {
                stop--;
            }

            if (stop > x.ContentEnd)
            {
                found[i] = x = x with { ContentEnd = stop };
                found.RemoveAll(y => y != x && y.ContentStart >= x.ContentStart && y.ContentEnd <= stop);
                i = found.IndexOf(x);
            }
        }
    }

    private static readonly Cue DashCue = new("―", "assert", "speech");

    /// <summary>
    /// A paragraph that is a quotation signed with a dash, as readers' and witnesses' words are
    /// listed ("“Maybe, we can build a wall around Donald Trump.” ― Steve Quinlan"): the whole
    /// quotation is the named person's, and the attributions the rules found inside it are theirs too.
    /// </summary>
    internal static void AddDashSources(QuoteDocument v, List<Attribution> found)
    {
        foreach (var (first, end) in v.Paragraphs)
        {
            // Read back over the name and the closing punctuation to the dash and the mark before it.
            var last = end;
            while (last > first && v.IsPunctuation(last - 1) && !v.IsQuoteMark(last - 1))
            {
                last--;
            }

            var dash = last - 1;
            while (dash > first && !v.IsPunctuation(dash) && last - dash <= MaxSpeakerWords)
            {
                dash--;
            }

            if (dash <= first + 2 || v.Words[dash] is not ("―" or "—" or "–" or "--") || !v.IsQuoteMark(dash - 1) || dash + 1 >= last
                || v.MentionAt(dash + 1) is var name && (name < 0 || v.Mentions[name].Label != "PER" || v.Mentions[name].End != last))
            {
                continue;
            }

            var start = v.IsQuoteMark(first) ? first + 1 : first;
            var stop = TrimEnd(v, start, dash - 1);
            if (stop - start < 2)
            {
                continue;
            }

            found.RemoveAll(x => x.ContentStart >= first && x.ContentEnd <= end);
            found.Add(new Attribution(start, stop, QuoteKind.Direct, new CueMatch(dash, dash + 1, DashCue, CueForm.Phrase), (dash + 1, last), name, SpeakerFound.Named, v.SentenceOfToken(start)));
        }
    }
}
