using Dossier.Annotations;
using static Dossier.Nlp.Quotes.QuoteText;

namespace Dossier.Nlp.Quotes;

/// <summary>
/// A reporting verb: its speaker before it ("Khan said"), after it ("said Khan") or earlier in the
/// sentence, and its content after it, before it or in the quotation beside it; "TV quoted Fitrat as
/// claiming" and "when asked whether …" too. Thread-safe.
/// </summary>
internal sealed class VerbConstruction(CueLexicon lexicon, SpeakerPhrases phrases, SpeakerResolver speakers, CueReading cues)
{
    private readonly CueLexicon _lexicon = lexicon;
    private readonly SpeakerPhrases _phrases = phrases;
    private readonly SpeakerResolver _speakers = speakers;
    private readonly CueReading _cues = cues;

    /// <summary>
    /// A reporting verb: its speaker before it ("Khan said") or after it ("said Khan"), and its content
    /// after it or before it. A cue in a relative clause is spoken by the relative pronoun, as one after
    /// a personal pronoun is: the quote gives 'who' as its speaker and the phrase it hangs on names them
    /// ("Michael Petrilli, who thinks …").
    /// </summary>
    internal Attribution? Find(QuoteDocument v, int s, CueMatch cue, List<Attribution> earlierInSentence, List<Attribution> found, bool closing)
    {
        var attribution = FindWithPhrase(v, s, cue, earlierInSentence, found, closing);
        return attribution is { NameMention: >= 0, Speaker: { } phrase } && _phrases.RelativePronoun(v, v.Sentences[s].Start, cue.Start) is { } who && phrase.End <= who
            ? attribution with { Speaker = (who, who + 1) }
            : attribution;
    }

    private Attribution? FindWithPhrase(QuoteDocument v, int s, CueMatch cue, List<Attribution> earlierInSentence, List<Attribution> found, bool closing)
    {
        var (a, b) = v.Sentences[s];

        // "TV quoted Fitrat as claiming": the speaker is the one quoted, the cue the second verb.
        if (cue.Cue.Lemma == "quote")
        {
            for (var k = cue.End; k < Math.Min(b - 1, cue.End + MaxSpeakerWords); k++)
            {
                if (v.Lower[k] == "as" && _lexicon.Match(v.Lower, k + 1) is { } second && k > cue.End)
                {
                    var quoted = (cue.End, k);
                    var (qName, qHow) = _speakers.Resolve(v, quoted, found);
                    var region = QuoteBefore(v, a, _phrases.SubjectBefore(v, a, cue.Start)?.Start ?? cue.Start);
                    return region is { } r
                        ? new Attribution(r.Start, r.End, QuoteKind.Direct, second, quoted, qName, qHow, s)
                        : After(v, s, second, quoted, qName, qHow);
                }
            }
        }

        var subject = _phrases.SubjectBefore(v, a, cue.Start) ?? _phrases.RelativeSubject(v, a, cue.Start);
        if (subject is null && cue.Cue.Lemma is "ask" or "ask for" or "ask about" && cue.End < b
            && (_lexicon.Is("question-opener", v.Lower[cue.End]) || IsPutToTheSpeaker(v, a, cue.Start)))
        {
            // "…," he said when asked whether …: the question is reported, its asker not named; it
            // runs to the comma that ends it ("When asked whether …, 59 percent said …"). So does a
            // question put to the speaker ("…," Khan said when asked for his comments on whether …):
            // the speaker answers it; it is not the speaker's appeal.
            var comma = cue.End;
            while (comma < b && v.Lower[comma] != ",")
            {
                comma++;
            }

            var question = TrimEnd(v, cue.End, comma);
            return question - cue.End >= 2 ? new Attribution(cue.End, question, KindOf(_lexicon, v, cue.End, question), cue, null, -1, SpeakerFound.Unnamed, s) : null;
        }

        (int Start, int End)? speaker = subject;
        var inverted = false;
        if (speaker is null && cue.Form != CueForm.Progressive && cue.Start > a && (v.IsQuoteMark(cue.Start - 1) || v.Lower[cue.Start - 1] == ","))
        {
            // "… ," said Khan. Never after a participle: in "Pakistan reiterated its position, lamenting the
            // refusal of …" what follows 'lamenting' is what was lamented.
            var end = cue.End;
            while (end < b && end - cue.End < MaxSpeakerWords && (!v.IsPunctuation(end) || v.Words[end] == ".") && !_lexicon.Is("np-stop", v.Lower[end]))
            {
                end++;
            }

            // Only a short phrase that ends the sentence or an apposition: "…," said Mr. Smith, a spokesman.
            if (end > cue.End && (TrimEnd(v, end, b) == end || v.Lower[end] == ",") && _phrases.LooksLikeSpeaker(v, cue.End, TrimEnd(v, cue.End, end)))
            {
                speaker = (cue.End, TrimEnd(v, cue.End, end));
                inverted = true;
            }
            else if (SpeakerPhrases.InvertedPhrase(v, cue.End, b) is { } phrase)
            {
                // "…," said Scott Hawkins of Cheyenne. "…," said the 46-year-old.
                speaker = phrase;
                inverted = true;
            }
        }

        int name;
        AttributionWay how;
        if (speaker is { } pronoun && pronoun.End - pronoun.Start == 1 && _lexicon.Is("person-pronoun", v.Lower[pronoun.Start])
            && earlierInSentence.LastOrDefault(x => x.NameMention >= 0 && v.Mentions[x.NameMention].Label == "PER") is { } same)
        {
            // "He said … but he emphasised …": the sentence's speaker again.
            (name, how) = (same.NameMention, SpeakerFound.Pronoun);
        }
        else if (speaker is { } sp)
        {
            (name, how) = _speakers.Resolve(v, sp, found);
        }
        else if (earlierInSentence.Count > 0)
        {
            // "…, adding that …", "deny involvement and insist that …": the sentence's speaker again.
            var last = earlierInSentence[^1];
            (speaker, name, how) = (last.Speaker, last.NameMention, last.How);
        }
        else if (_phrases.SentenceSubject(v, a, cue.Start) is { } subjectPhrase)
        {
            speaker = subjectPhrase;
            (name, how) = _speakers.Resolve(v, subjectPhrase, found);
        }
        else
        {
            return null;
        }

        // The speaker and cue stand together only when the speaker was read beside the cue; one
        // taken from earlier in the sentence ("“…,” Anderson said, adding that …") is elsewhere.
        var clusterStart = subject is not null || inverted ? Math.Min(cue.Start, speaker?.Start ?? cue.Start) : cue.Start;
        var clusterEnd = Math.Max(cue.End, inverted ? speaker!.Value.End : cue.End);

        // What follows the cue: a clause of its own ("… said the recent spate of shootings demands …"),
        // or only whom it was told ("…, Graham told The Huffington Post on Thursday.").
        var rest = TrimEnd(v, clusterEnd, b);
        var toldOnly = IsAddressee(v, cue, clusterEnd, rest);
        var clauseAfter = rest - clusterEnd >= 3 && !inverted && !closing && !IsAdverbial(_lexicon, v, clusterEnd, rest) && !toldOnly;

        // A quotation ending just before the speaker and cue: “…,” Khan said; not a title ('In an
        // interview on CBS's "Face the Nation," Ryan said the …').
        if (QuoteBefore(v, a, clusterStart) is { } before && !(clauseAfter && IsTitle(v, before.Start, before.End)))
        {
            // A quotation that ends the speaker's own words: 'Clinton will play the "woman card,"
            // Fiorina said' reports the whole sentence, not the quoted words alone.
            var words = 0;
            for (var k = a; k < before.Start - 1; k++)
            {
                words += v.IsPunctuation(k) ? 0 : 1;
            }

            // A quotation the cue interrupts: “His legend will live on,” he said, “and his example.”
            var start = words >= 2 ? a : before.Start;
            var end = before.End;
            if (clusterEnd < b && v.Lower[clusterEnd] == "," && v.QuoteStartingAt(SkipPunctuation(v, clusterEnd, b)) is { } resumed)
            {
                end = resumed.End;
            }

            return new Attribution(start, end, start == before.Start && end == before.End ? QuoteKind.Direct : KindOf(_lexicon, v, start, end), cue, speaker, name, how, s);
        }

        // A quotation starting just after the cue: Khan said: “…”
        var next = SkipPunctuation(v, clusterEnd, b);
        if (next < b && v.Lower[next] == "that")
        {
            next++;
        }

        for (var k = next; k < Math.Min(b, next + 8); k++)
        {
            // Khan said: “…”; the ministry said by publishing a statement: “…”
            if (v.QuoteStartingAt(k) is { } after && (k == next || v.Lower[k - 1] is ":" or ","))
            {
                // Khan said “it gets me mad” every time …: the sentence goes on in the speaker's
                // reported words after the quotation closes.
                var onward = after.Close + 1;
                if (k == next && onward < b && !v.IsPunctuation(onward) && after.Close < b && TrimEnd(v, onward, b) - onward >= 2
                    && v.Lower[after.Close - 1] != "," && !_lexicon.Is("adverbial-start", v.Lower[onward])
                    && _lexicon.Match(v.Lower, onward) is null && _phrases.SubjectBefore(v, a, onward) is null)
                {
                    var end = TrimEnd(v, onward, b);
                    return new Attribution(after.Start, end, KindOf(_lexicon, v, after.Start, end), cue, speaker, name, how, s);
                }

                return new Attribution(after.Start, after.End, QuoteKind.Direct, cue, speaker, name, how, s);
            }
        }

        // Khan said (that) … to the end of the sentence; "said in a statement" and "told reporters" have no content after it.
        // Only when nothing earlier in the sentence was said: in "The UN said …, officials told
        // reporters" the officials carry the UN's statement, they do not make another; a position
        // inside the words told ("Trump could embrace a clean energy policy …, Graham told The
        // Huffington Post") is part of what was told.
        var addressee = toldOnly && !earlierInSentence.Any(x => x.Cue is not { Cue.Class: "attitude" or "cognition" });
        if (rest > clusterEnd && !inverted && !closing && !IsAdverbial(_lexicon, v, clusterEnd, rest) && !addressee)
        {
            return After(v, s, cue, speaker, name, how);
        }

        // …, he said. The content runs from the sentence start (or an opening mark before it) to the
        // cue, and to the article of a speaker read without it ("…, the ministry said").
        var cut = WithArticle(v, a, clusterStart);
        var contentEnd = TrimEnd(v, a, cut);
        if (contentEnd - a >= 3 && (inverted || closing || rest == clusterEnd || addressee || IsAdverbial(_lexicon, v, clusterEnd, rest)))
        {
            // Speech whose quotation marks a feed stripped runs back to the paragraph's start when
            // the paragraph ends with the cue and speaks in the first person ("Our concern is … .
            // We have flagged it. …, he said.").
            // Not its dateline: "ISLAMABAD: The United States acknowledges …", "WASHINGTON (AP) — …".
            var start = Math.Min(v.DatelineEnd(a), contentEnd);

            // A cue set off by commas inside the sentence: "Vice President Joe Biden, Rubio said,
            // had been in the Senate for …": the words go on after it.
            var sentenceEnd = TrimEnd(v, clusterEnd, b);
            if (!inverted && clusterEnd + 3 < sentenceEnd && v.Lower[clusterEnd] == "," && cut > a && v.Lower[cut - 1] == ","
                && !v.IsQuoteMark(cut - 2) && !_lexicon.Is("adverbial-start", v.Lower[clusterEnd + 1]) && _lexicon.Match(v.Lower, clusterEnd + 1) is null
                && v.QuoteStartingAt(SkipPunctuation(v, clusterEnd, b)) is null)
            {
                contentEnd = sentenceEnd;
            }

            var kind = KindOf(_lexicon, v, start, contentEnd);
            var paragraphStart = v.ParagraphStart(a);
            if (kind is QuoteKind.Unmarked or QuoteKind.Indirect && paragraphStart < start && v.EndsParagraph(TrimEnd(v, clusterEnd, b))
                && (kind == QuoteKind.Unmarked || KindOf(_lexicon, v, paragraphStart, start) == QuoteKind.Unmarked))
            {
                (start, kind) = (paragraphStart, QuoteKind.Unmarked);
            }

            return new Attribution(start, contentEnd, kind, cue, speaker, name, how, s);
        }

        return null;
    }

    /// <summary>
    /// True when all that follows a cue that tells someone ('told', 'assured', 'informed') to the
    /// sentence's end is whom it was told (a name, a pronoun or a role), with no verb of its own:
    /// 'told The Huffington Post on Thursday', not 'to tell the truth'. False without a tree.
    /// </summary>
    private bool IsAddressee(QuoteDocument v, CueMatch cue, int from, int end)
    {
        if (cue.Cue.Lemma is not ("tell" or "assure" or "reassure" or "inform" or "remind" or "brief") || end <= from || end - from > 8
            || (cue.Start > 0 && v.Lower[cue.Start - 1] == "to"))
        {
            return false;
        }

        // Whom: a name, a pronoun or a role ('reporters', 'the committee'); not 'the truth', 'more jokes'.
        var first = from < end - 1 && v.Lower[from] is "the" or "a" or "an" ? from + 1 : from;
        if (!(v.MentionAt(from) >= 0 || v.Lower[from] is "him" or "her" or "them" or "us" or "me" or "reporters" or "journalists"
            || _phrases.IsRoleWord(v.Lower[first])))
        {
            return false;
        }

        return !v.MayHaveVerb(from, end);
    }

    /// <summary>True for a quotation of two to six words in title case ("Face the Nation", "The Art of the Deal"): a name, not someone's words.</summary>
    private static bool IsTitle(QuoteDocument v, int start, int end)
    {
        var words = 0;
        for (var k = start; k < end; k++)
        {
            if (v.IsPunctuation(k))
            {
                continue;
            }

            words++;
            if (!char.IsUpper(v.Words[k][0]) && v.Lower[k] is not ("the" or "of" or "and" or "a" or "an" or "in" or "on" or "for" or "to"))
            {
                return false;
            }
        }

        return words is >= 2 and <= 6;
    }

    /// <summary>The content after a cue (skipping "that", a colon or a comma) to the end of the sentence.</summary>
    private Attribution After(QuoteDocument v, int s, CueMatch cue, (int Start, int End)? speaker, int name, AttributionWay how)
    {
        var (_, b) = v.Sentences[s];
        var start = SkipPunctuation(v, cue.End, b);
        var objectThenClause = cue.Cue.Stance is "accuse" or "urge";
        for (var k = start; k < Math.Min(b, start + 12) && !v.IsQuoteMark(k) && !(objectThenClause && v.Lower[k] is "of" or "to") && (k == start || _lexicon.Match(v.Lower, k) is not { } other || !_cues.IsCue(v, other)); k++)
        {
            // "told reporters that …", "said in response to a question at a weekly briefing that …";
            // not past "accused Kabul of …", "urged them to …" or another cue ("…, warning that …"),
            // nor a relative pronoun that is its clause's subject ("said the meteorite came from an asteroid
            // that was forecast to …").
            if (v.Lower[k] == "that" && v.WordAt(k)?.BaseRelation != "nsubj")
            {
                start = k + 1;
                break;
            }
        }

        while (start < b && (v.IsTimeMention(start) || (v.Lower[start] is "on" or "last" or "this" && start + 1 < b && v.IsTimeMention(start + 1))))
        {
            // "said Thursday it had …", "said on Monday that …"
            start++;
        }

        start = AfterAddressee(v, cue, start, b);

        var end = TrimEnd(v, start, b);
        for (var k = start + 1; k < end - 1; k++)
        {
            // "called Trump a blowhard and said …", "rejected allegations … by saying …", "…, adding that …"
            var after = k + 1;
            while (after < end && (_lexicon.Is("skip", v.Lower[after]) || v.Lower[after].EndsWith("ly", StringComparison.Ordinal)))
            {
                after++;
            }

            if (v.Lower[k] is "and" or "but" or "by" or "while" or "," && !v.InQuote(k) && after < end && _lexicon.Match(v.Lower, after) is { } next && next.Cue.Class is "speech" or "cognition" && _cues.IsCue(v, next)
                && (v.Lower[k] is "and" or "but" || next.Form == CueForm.Progressive))
            {
                end = TrimEnd(v, start, k);
                break;
            }
        }

        end = EndOfRelativeClause(v, s, cue, start, end);
        if (v.QuoteStartingAt(start) is { } region && region.Close >= end - 1)
        {
            return new Attribution(region.Start, region.End, QuoteKind.Direct, cue, speaker, name, how, s);
        }

        return new Attribution(start, end, KindOf(_lexicon, v, start, end), cue, speaker, name, how, s);
    }

    /// <summary>
    /// The words of a cue in a relative clause set off by a comma end with it: at a comma that a verb
    /// follows straight away, once they hold a verb of their own ('Anna Berg, who said the dam would
    /// fail, resigned on Monday': the tree often hangs 'resigned' inside the clause, so it is not asked);
    /// else <paramref name="end"/>. Not at a participle ('…, saying …') nor before the words have a verb
    /// ('said the dam, built in 1950, would fail').
    /// </summary>
    private int EndOfRelativeClause(QuoteDocument v, int s, CueMatch cue, int start, int end)
    {
        if (_phrases.RelativePronoun(v, v.Sentences[s].Start, cue.Start) is not { } who || v.Lower[who - 1] != ",")
        {
            return end;
        }

        var verbBefore = false; // a verb in [start, k)
        for (var k = start; k < end - 1; k++)
        {
            if (verbBefore && v.Lower[k] == "," && !v.InQuote(k) && v.WordAt(k + 1) is { Upos: UPos.VERB or UPos.AUX } next && next.Xpos != "VBG")
            {
                return TrimEnd(v, start, k);
            }

            verbBefore |= v.IsVerb(k) == true;
        }

        return end;
    }

    /// <summary>
    /// Where the words told begin when the tree shows, between the cue and the clause it governs, whom
    /// they were told to or when ('told CNN she is still in shock', 'told the show: …', 'said Monday
    /// night he …'): after that phrase; else <paramref name="start"/>.
    /// </summary>
    private int AfterAddressee(QuoteDocument v, CueMatch cue, int start, int b)
    {
        if (start >= b || v.WordAt(cue.Start) is not { Upos: UPos.VERB } verb)
        {
            return start;
        }

        foreach (var c in verb.Children)
        {
            var addressee = c.Relation is "obj" or "iobj" && _lexicon.Is("addressee-cue", verb.Lemma.ToLowerInvariant());
            if ((c.Relation is "obl:tmod" or "obl:npmod" || addressee)
                && v.Tokens(c.Subtree) is var (first, after) && first == start && after < b
                && verb.Children.Any(x => x.BaseRelation is "ccomp" or "parataxis" && x.Span.Start >= c.Subtree.End))
            {
                return SkipPunctuation(v, after, b);
            }

            // 'told reporters Bonn supported the efforts' is often read as a relative clause on the addressee ('reporters
            // [whom] Bonn supported'); after a verb of telling, a clause with a subject of its own and no relative word
            // and a finite verb that follows the addressee is what was told.
            if (addressee && v.Tokens(c.Subtree).Start == start
                && c.Children.Where(x => x.Relation == "acl:relcl" && x.Span.Start > c.Span.Start
                    && (x.Xpos is "VBD" or "VBZ" or "VBP" || x.Children.Any(a => a.BaseRelation is "aux" or "cop" && a.Xpos is "MD" or "VBD" or "VBZ" or "VBP"))).Take(1).ToList() is [var told]
                && told.Children.Any(x => x.BaseRelation == "nsubj" && x.Span.Start > c.Span.End)
                && !told.Subtree.Overlaps(c.Span) && !told.Children.Any(x => x.Span.Start < told.Span.Start && x.Lemma.ToLowerInvariant() is "who" or "whom" or "which" or "that" or "whose")
                && v.Tokens(told.Subtree) is var (clause, _) && clause == v.Tokens(c.Span).End && clause < b)
            {
                return clause;
            }
        }

        return start;
    }

    /// <summary>True for 'asked' after 'when', 'after', 'if', 'once' or 'before' with no subject of its own: a question put to the sentence's speaker ('… when asked for his comments').</summary>
    private static bool IsPutToTheSpeaker(QuoteDocument v, int sentenceStart, int cueStart) =>
        cueStart > sentenceStart && v.Lower[cueStart] == "asked" && v.Lower[cueStart - 1] is "when" or "after" or "if" or "once" or "before";
}
