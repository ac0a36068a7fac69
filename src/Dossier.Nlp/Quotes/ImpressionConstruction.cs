using Dossier.Annotations;
using static Dossier.Nlp.Quotes.QuoteText;

namespace Dossier.Nlp.Quotes;

/// <summary>An impression the writer reports without a holder ("The politician seemed to be shrinking …"). Thread-safe.</summary>
internal sealed class ImpressionConstruction(CueLexicon lexicon)
{
    private readonly CueLexicon _lexicon = lexicon;

    /// <summary>
    /// "The politician seemed to be shrinking in political stature": an impression the writer
    /// reports without a holder; what seems runs from the clause's subject to the sentence's end.
    /// </summary>
    internal Attribution? Find(QuoteDocument v, int s, CueMatch cue)
    {
        var (a, b) = v.Sentences[s];
        var start = cue.Start;
        while (start > a && !v.IsPunctuation(start - 1) && !_lexicon.Is("clause-opener", v.Lower[start - 1]))
        {
            start--;
        }

        var end = TrimEnd(v, cue.End, b);
        if (end - cue.End < 2 || start >= cue.Start)
        {
            return null;
        }

        return new Attribution(start, end, KindOf(_lexicon, v, start, end), cue, null, -1, SpeakerFound.Unnamed, s);
    }
}
