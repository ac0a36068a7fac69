using static Dossier.Nlp.Quotes.QuoteText;

namespace Dossier.Nlp.Quotes;

/// <summary>What a poll shows, said by no verb ("Trump has a decisive lead in the polls"). Thread-safe.</summary>
internal sealed class PollConstruction(CueLexicon lexicon, SpeakerResolver speakers)
{
    private readonly CueLexicon _lexicon = lexicon;
    private readonly SpeakerResolver _speakers = speakers;

    private static readonly Cue PollCue = new("in the polls", "report", "report");

    /// <summary>
    /// "Trump has a decisive lead in the polls", "In a CNN national poll, Clinton held a 24-point
    /// lead": what a poll shows, said by no verb. The content is the sentence; the source the poll.
    /// </summary>
    internal Attribution? Find(QuoteDocument v, int s, List<Attribution> found)
    {
        var (a, b) = v.Sentences[s];
        for (var k = a; k < b - 1; k++)
        {
            if (v.Lower[k] != "in" || v.InQuote(k))
            {
                continue;
            }

            var end = k + 1;
            while (end < b && end - k <= 6 && !v.IsPunctuation(end) && !_lexicon.Is("np-stop", v.Lower[end]))
            {
                if (_lexicon.Is("poll", v.Lower[end]))
                {
                    var content = SkipPunctuation(v, a, b);
                    var contentEnd = TrimEnd(v, content, b);
                    if (contentEnd - content < 4)
                    {
                        return null;
                    }

                    var speaker = (k + 1, end + 1);
                    var (name, how) = _speakers.Resolve(v, speaker, found);
                    return new Attribution(content, contentEnd, KindOf(_lexicon, v, content, contentEnd), new CueMatch(k, k + 1, PollCue, CueForm.Phrase), speaker, name, how, s);
                }

                end++;
            }
        }

        return null;
    }
}
