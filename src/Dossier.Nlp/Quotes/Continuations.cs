using Dossier.Annotations;

namespace Dossier.Nlp.Quotes;

/// <summary>
/// Quotes that go on past their own words: the quotations that follow a quote in its paragraph with
/// no cue, and a paragraph that is one quotation, which continues the previous quote's speaker.
/// </summary>
internal static class Continuations
{
    /// <summary>
    /// A direct or mixed quote goes on in the quotations that follow it in its paragraph with no cue of
    /// their own: “A,” Khan said. “B.” is one statement, A … B.
    /// </summary>
    internal static void MergeFollowingQuotes(QuoteDocument v, List<Attribution> found)
    {
        for (var i = 0; i < found.Count; i++)
        {
            var a = found[i];
            if (a.Kind is not (QuoteKind.Direct or QuoteKind.Mixed))
            {
                continue;
            }

            var paragraph = v.ParagraphOfToken(a.ContentStart);
            var end = a.ContentEnd;
            // Regions are in text order: the candidates start at the first one after the content and end with its paragraph.
            for (var r = FirstRegionFrom(v.QuoteRegions, end); r < v.QuoteRegions.Count; r++)
            {
                var region = v.QuoteRegions[r];
                if (region.Start < end)
                {
                    continue;
                }

                if (v.ParagraphOfToken(region.Open) != paragraph)
                {
                    break;
                }

                var taken = found.Any(x => x != a && x.ContentStart < region.End && region.Start < x.ContentEnd);
                // The next quotation continues this one when it opens in the same sentence or the
                // next one, with no other speaker's words between ("“A,” said X, a lawyer who …. “B.”").
                if (taken || region.Open - end > 40 || v.SentenceOfToken(region.Open) - v.SentenceOfToken(end - 1) > 1)
                {
                    break;
                }

                end = region.End;
            }

            if (end != a.ContentEnd)
            {
                found[i] = a with { ContentEnd = end };
            }
        }
    }

    /// <summary>The index of the first region that starts at or after token <paramref name="token"/> (binary search).</summary>
    private static int FirstRegionFrom(IReadOnlyList<QuoteRegion> regions, int token) => SpanSearch.FirstNotBefore(regions.Count, r => regions[r].Start < token);

    /// <summary>A paragraph that is one quotation with no cue continues the previous quote's speaker ("… ," he said. ¶ “Pakistan is concerned …”).</summary>
    internal static void AddContinuations(QuoteDocument v, List<Attribution> found)
    {
        foreach (var region in v.QuoteRegions)
        {
            if (found.Any(x => x.ContentStart < region.End && region.Start < x.ContentEnd))
            {
                continue;
            }

            var paragraph = v.ParagraphOfToken(region.Start);
            if (!v.RegionFillsParagraph(region))
            {
                continue;
            }

            var previous = found.Where(x => x.ContentEnd <= region.Start && paragraph - v.ParagraphOfToken(x.ContentStart) <= 2)
                .OrderBy(x => x.ContentEnd).LastOrDefault();
            if (previous is not null)
            {
                found.Add(new Attribution(region.Start, region.End, QuoteKind.Direct, null, previous.Speaker, previous.NameMention, SpeakerFound.Continuation, v.SentenceOfToken(region.Start)));
            }
        }
    }
}
