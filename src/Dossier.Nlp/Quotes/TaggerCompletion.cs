using Dossier.Annotations;
using static Dossier.Nlp.Quotes.QuoteText;

namespace Dossier.Nlp.Quotes;

/// <summary>
/// What the trained attribution tagger adds to the rules: the role the rules give each token (what
/// the tagger reads), a rule's content cut before a cue the tagger marks inside it, and the contents
/// the tagger finds where the rules found none, each with its cue and speaker. Thread-safe.
/// </summary>
internal sealed class TaggerCompletion(CueLexicon lexicon, SpeakerPhrases phrases, SpeakerResolver speakers, CueReading cues)
{
    private readonly CueLexicon _lexicon = lexicon;
    private readonly SpeakerPhrases _phrases = phrases;
    private readonly SpeakerResolver _speakers = speakers;
    private readonly CueReading _cues = cues;

    /// <summary>The role the rules give each token (<c>B-CON:direct</c>, <c>L-SRC</c>, …; null for none): what the tagger reads beside the words.</summary>
    internal static string?[] RuleRoles(QuoteDocument v, List<Attribution> found)
    {
        var roles = new string?[v.Words.Length];
        foreach (var a in found)
        {
            Mark(a.ContentStart, a.ContentEnd, "CON:" + KindNames.Of(a.Kind));
            if (a.Speaker is { } sp)
            {
                Mark(sp.Start, sp.End, "SRC");
            }

            if (a.Cue is { } c)
            {
                Mark(c.Start, c.End, "CUE");
            }
        }

        return roles;

        void Mark(int start, int end, string role)
        {
            for (var k = start; k < end; k++)
            {
                roles[k] ??= (end - start == 1 ? "U-" : k == start ? "B-" : k == end - 1 ? "L-" : "I-") + role;
            }
        }
    }

    /// <summary>
    /// Lets the trained tagger correct and complete the rules: a rule's content that runs on past a
    /// cue the tagger marks inside it ends before that cue (and its source); and the contents the
    /// tagger finds with a cue where the rules found none are added, each with the tagger's source
    /// nearest that cue (resolved to a mention as the rules resolve theirs). A rule's quote without
    /// a speaker keeps none: the rules leave it so on purpose (a question asked without its asker,
    /// an impression the writer reports). Every lookup goes by token, so a paragraph of any length
    /// costs time in proportion to it.
    /// </summary>
    internal void Add(QuoteDocument v, List<Attribution> found, AttributionModel model)
    {
        var rules = RuleRoles(v, found);
        var tagged = new TaggedSpans(v, [.. v.Paragraphs.SelectMany(p => model.Tag(v, p.First, p.End, rules, _lexicon))]);
        for (var i = 0; i < found.Count; i++)
        {
            found[i] = EndBeforeInnerCue(v, found[i], tagged);
        }

        var covered = new int[v.Words.Length + 1];
        foreach (var x in found)
        {
            covered[x.ContentStart]++;
            covered[x.ContentEnd]--;
        }

        for (var k = 1; k <= v.Words.Length; k++)
        {
            covered[k] += covered[k - 1];
        }

        // covered[k] > 0: token k is in a rule's content; as a prefix count, how many such tokens precede k.
        var before = new int[v.Words.Length + 1];
        for (var k = 0; k < v.Words.Length; k++)
        {
            before[k + 1] = before[k] + (covered[k] > 0 ? 1 : 0);
        }

        bool Free(int start, int end) => before[end] == before[start];
        var added = new List<Attribution>();
        foreach (var (first, end) in v.Paragraphs)
        {
            foreach (var (start, stop) in NewContents(v, tagged, first, end, Free))
            {
                // A content with no cue the tagger marks is no attribution; the rules' knowledge of cue
                // words used otherwise ("claimed responsibility", "the alleged attack") vetoes the tagger.
                if (TaggedAttribution(v, found, tagged, start, stop) is { Cue: { } cue } attribution
                    && (_lexicon.Match(v.Lower, cue.Start) is not { } known || !_cues.IsUsedOtherwise(v, known)))
                {
                    added.Add(attribution);
                }
            }
        }

        found.AddRange(added);
    }

    /// <summary>A rule's content that follows its cue ends before the first cue the tagger marks inside it, and that cue's source ("… planned to bus in supporters, though she acknowledged it was unlikely"), unless that leaves no clause.</summary>
    private Attribution EndBeforeInnerCue(QuoteDocument v, Attribution x, TaggedSpans tagged)
    {
        if (x.Cue is not { } own || own.Start >= x.ContentStart
            || tagged.First("CUE", x.ContentStart + 2, x.ContentEnd - 1) is not { } inner)
        {
            return x;
        }

        var cut = inner.Start;
        if (tagged.Last("SRC", Math.Max(x.ContentStart + 1, inner.Start - 4), inner.Start) is { } source && source.Start > x.ContentStart)
        {
            cut = source.Start;
        }

        while (cut > x.ContentStart && (v.IsPunctuation(cut - 1) || _lexicon.Is("clause-link", v.Lower[cut - 1])))
        {
            cut--;
        }

        // Not when the cut would leave a noun phrase with no verb: in 'pointed out that the UN report has
        // expressed grave concerns' the report speaks inside the spokesperson's words, which stay whole.
        var trimmed = TrimEnd(v, x.ContentStart, cut);
        return trimmed - x.ContentStart >= 2 && v.MayHaveVerb(x.ContentStart, trimmed) ? x with { ContentEnd = trimmed } : x;
    }

    /// <summary>
    /// The tagger's contents in paragraph <c>[first, end)</c> that no rule found (<paramref name="free"/>):
    /// two pieces of one content around the words that interrupt it joined once ("“A,” he said,
    /// “B.”"), punctuation trimmed, and a short content the tagger ends inside its phrase ("did not
    /// address his series | of early-morning tweets …"), or any whose last word the tree attaches to
    /// a word after it ("that the city's police | department released …"), run on to the end of its clause.
    /// </summary>
    private static List<(int Start, int End)> NewContents(QuoteDocument v, TaggedSpans tagged, int first, int end, Func<int, int, bool> free)
    {
        var contents = new List<(int Start, int End, bool Joined)>();
        foreach (var t in tagged.Within("CON", first, end))
        {
            if (contents.Count > 0 && contents[^1] is { Joined: false } left
                && t.Start - left.End <= 10 && free(left.Start, t.End) && Interrupts(left.End, t.Start))
            {
                // Joined once: "“A,” he said. “B,” he said." stays two statements.
                contents[^1] = (left.Start, t.End, true);
                continue;
            }

            contents.Add((t.Start, t.End, false));
        }

        var result = new List<(int, int)>();
        foreach (var (from, to, _) in contents)
        {
            var start = from;
            while (start < to && v.IsPunctuation(start))
            {
                start++;
            }

            var stop = TrimEnd(v, start, to);
            if ((stop - start < 5 || v.AttachesAtOrAfter(stop - 1, stop)) && stop < end && !v.IsPunctuation(stop))
            {
                var sentenceEnd = v.Sentences[v.SentenceOfToken(stop - 1)].End;
                var k = stop;
                while (k < sentenceEnd && !(v.IsPunctuation(k) && !v.IsQuoteMark(k) && v.Words[k] is not ("'s" or "’s" or "-")))
                {
                    k++;
                }

                stop = TrimEnd(v, start, k);
            }

            if (stop - start >= 2 && HasLetter(v, start, stop) && free(start, stop))
            {
                result.Add((start, stop));
            }
        }

        return result;

        // Only punctuation and the tagger's sources and cues between two pieces, and at least one of those.
        bool Interrupts(int from, int to)
        {
            var any = false;
            for (var g = from; g < to; g++)
            {
                var isSourceOrCue = tagged.At(g) is { Type: "SRC" or "CUE" };
                if (!isSourceOrCue && !v.IsPunctuation(g))
                {
                    return false;
                }

                any |= isSourceOrCue;
            }

            return any;
        }
    }

    /// <summary>
    /// A content the tagger found, with its cue (the tagger's nearest in its sentences, or one that
    /// interrupts it outside quotation marks) and its speaker: the tagger's source nearest that cue
    /// in its sentence, else (unless the cue is passive or "Asked …") the cue's subject as the rules
    /// read one, the sentence's subject, the nearest name before the cue, or the tagger's source
    /// nearest the content in the paragraph (a guess, but a statement has a holder far more often
    /// than not). Null when the tagger marks no cue for it.
    /// </summary>
    private Attribution? TaggedAttribution(QuoteDocument v, List<Attribution> found, TaggedSpans tagged, int start, int stop)
    {
        var (firstSentence, lastSentence) = (v.SentenceOfToken(start), v.SentenceOfToken(stop - 1));
        var nearest = tagged.Nearest("CUE", start, stop, v.Sentences[firstSentence].Start, v.Sentences[lastSentence].End)
            ?? tagged.Within("CUE", start, stop).Where(x => !v.InQuote(x.Start)).Select(x => (Ner.TokenSpan?)x).FirstOrDefault();
        if (nearest is not { } cue)
        {
            return null;
        }

        var (sentenceStart, sentenceEnd) = v.Sentences[v.SentenceOfToken(cue.Start)];
        // A dateline ("BRUSSELS ― …") is no source, however the tagger marks it.
        (int Start, int End)? phrase = tagged.Nearest("SRC", cue.Start, cue.End, sentenceStart, sentenceEnd) is { } sp && !v.InDateline(sp.Start) ? (sp.Start, sp.End) : null;

        // A passive cue ("is expected to", "was charged with", "is not known as", "was widely viewed as") or
        // "Asked …" opening the sentence has no holder in it; the guesses below are for cues that have one.
        var holderless = IsPassive(_lexicon, v, sentenceStart, cue) || (cue.Start == sentenceStart && v.Lower[cue.Start] == "asked");
        if (phrase is null && !holderless)
        {
            var from = cue.Start < start ? sentenceStart : Math.Max(stop, sentenceStart);
            phrase = _phrases.SubjectBefore(v, from, cue.Start) is { } subject && subject.End > subject.Start ? subject : _phrases.SentenceSubject(v, from, cue.Start);
            phrase ??= SpeakerPhrases.NameBefore(v, cue.Start, from, k => (k < start || k >= stop) && !v.InDateline(k));

            // Nothing in the cue's sentence: the tagger's source nearest the content in its paragraph.
            var (paragraphStart, paragraphEnd) = v.ParagraphRange(start);
            phrase ??= tagged.Nearest("SRC", start, stop, paragraphStart, paragraphEnd) is { } near && !v.InDateline(near.Start) ? (near.Start, near.End) : null;
        }

        var (mention, how) = phrase is { } p ? _speakers.Resolve(v, p, found) : (-1, SpeakerFound.Unnamed);
        var cueMatch = _lexicon.Match(v.Lower, cue.Start) is { } m && m.End <= cue.End ? m with { End = cue.End }
            : new CueMatch(cue.Start, cue.End, new Cue(string.Join(' ', v.Lower[cue.Start..cue.End]), "assert", "speech"), CueForm.Base);
        return new Attribution(start, stop, KindOf(_lexicon, v, start, stop), cueMatch, phrase, mention, how.WithTagger(), firstSentence);
    }

    /// <summary>
    /// True for a passive cue: a form of 'be' (in the cue or just before it), perhaps adverbs and auxiliaries
    /// (the 'skip' words, or a word in -ly: 'is not known as', 'was widely viewed as', 'has been seen as'), then a
    /// participle in the cue.
    /// </summary>
    internal static bool IsPassive(CueLexicon lexicon, QuoteDocument v, int sentenceStart, Ner.TokenSpan cue)
    {
        for (var k = Math.Max(sentenceStart, cue.Start - 1); k < cue.End - 1; k++)
        {
            if (!lexicon.Is("be", v.Lower[k]))
            {
                continue;
            }

            var j = k + 1;
            while (j < cue.End - 1 && (lexicon.Is("skip", v.Lower[j]) || (v.Lower[j].EndsWith("ly", StringComparison.Ordinal) && v.Lower[j].Length > 4)))
            {
                j++;
            }

            if (j >= cue.Start && j < cue.End && (v.Lower[j].EndsWith("ed", StringComparison.Ordinal) || v.Lower[j].EndsWith("en", StringComparison.Ordinal) || v.Lower[j].EndsWith("wn", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
