using Dossier.Annotations;
using Dossier.Text;
using static Dossier.Nlp.Quotes.QuoteText;

namespace Dossier.Nlp.Quotes;

/// <summary>
/// Finds who said what: direct quotes ("…," Khan said), indirect ones (Khan said that …), mixed
/// ones (urged them to ensure the weapons "do not fall into the wrong hands"), quotes whose
/// marks a feed stripped ("Our concern is …, he said"), "according to X", "X quoted Y as
/// claiming", and quotes that run on in a paragraph of their own. Each gets its speaker — named
/// at the quote, or through "he", "the spokesperson", "the ministry" to an earlier mention — and
/// becomes a claim with the cue's stance (negated content turns an assertion into a denial), and
/// "rejected allegations by X that …" adds X's claim too. Rules over tokens, sentences and
/// mentions; the cue verbs and word lists are data (<see cref="CueLexicon"/>). Thread-safe.
/// </summary>
public sealed class QuoteComponent : IDocumentComponent
{
    private readonly CueLexicon _lexicon;
    private readonly AttributionModel? _model;
    private readonly SpeakerPhrases _phrases;
    private readonly SpeakerResolver _speakers;
    private readonly CueReading _cues;
    private readonly ColonConstruction _colon;
    private readonly AccordingToConstruction _accordingTo;
    private readonly NominalConstruction _nominal;
    private readonly ImpressionConstruction _impression;
    private readonly VerbConstruction _verb;
    private readonly PollConstruction _poll;

    /// <summary>Creates the component with a cue lexicon (the shipped one by default) and, if given, the trained attribution tagger that adds what the rules miss.</summary>
    public QuoteComponent(CueLexicon? lexicon = null, AttributionModel? model = null)
    {
        _lexicon = lexicon ?? CueLexicon.Default;
        _model = model;
        _phrases = new SpeakerPhrases(_lexicon);
        _speakers = new SpeakerResolver(_lexicon);
        _cues = new CueReading(_lexicon, _phrases);
        _colon = new ColonConstruction(_lexicon, _phrases, _speakers);
        _accordingTo = new AccordingToConstruction(_speakers);
        _nominal = new NominalConstruction(_lexicon, _phrases, _speakers);
        _impression = new ImpressionConstruction(_lexicon);
        _verb = new VerbConstruction(_lexicon, _phrases, _speakers, _cues);
        _poll = new PollConstruction(_lexicon, _speakers);
    }

    /// <inheritdoc/>
    public string Name => "quotes";

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Needs { get; } = [Layers.Tokens, Layers.Sentences, Layers.Mentions];

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Adds { get; } = [Layers.Quotes, Layers.Claims];

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var found = Find(document, cancellationToken);
        document.Set(Layers.Quotes, [.. found.Select(a => a.Quote).OrderBy(q => q.Span)]);
        document.Set(Layers.Claims, [.. found.SelectMany(a => a.Claims).OrderBy(c => c.Span)]);
    }

    /// <summary>The attributions of a document: each quote and the claims it carries.</summary>
    public IReadOnlyList<(QuoteData Quote, IReadOnlyList<ClaimData> Claims)> Find(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var view = new QuoteDocument(document);
        var result = FindByRules(view, cancellationToken);
        if (_model is not null)
        {
            AddTagged(view, result, _model);
        }

        result.Sort((a, b) => a.ContentStart.CompareTo(b.ContentStart));
        var found = new List<(QuoteData, IReadOnlyList<ClaimData>)>(result.Count);
        foreach (var a in result)
        {
            // What stands as a claim stands as a quote; only a quote that holds no claim is checked again.
            var quote = ToQuote(view, a);
            var claimStands = AttributionSyntax.Stands(document, quote.Cue, quote.Speaker, claim: true);
            if (!claimStands && !AttributionSyntax.Stands(document, quote.Cue, quote.Speaker, claim: false))
            {
                continue;
            }

            var confidence = AttributionConfidence.Of(quote.Attribution);

            // 'Pakistan has no plans to hold talks with the TTP': an intention ruled out denies its content.
            var ruledOut = quote.Cue is { } cue && AttributionSyntax.RulesOut(document, cue);
            IReadOnlyList<ClaimData> claims = ruledOut
                ? [.. ToClaims(view, a).Where(c => c.Stance is "intend" or "pledge").Select(c => c with { Stance = "deny", Confidence = confidence })]
                : claimStands
                    ? [.. ToClaims(view, a).Where(c => !AttributionSyntax.IsExperience(document, c)).Select(c => c with { Confidence = confidence, Modality = AttributionSyntax.Modality(document, c) })]
                    : [];
            found.Add((quote with { Confidence = confidence }, claims));
        }

        return found;
    }

    /// <summary>The document as the tagger reads it, and the role the rules give each token (<c>B-CON:direct</c>, <c>L-SRC</c>, …; null for none): what <see cref="AttributionTrainer"/> learns from.</summary>
    internal (QuoteDocument View, string?[] Rules) RuleView(Document document)
    {
        var view = new QuoteDocument(document);
        return (view, RuleRoles(view, FindByRules(view, CancellationToken.None)));
    }

    private List<Attribution> FindByRules(QuoteDocument v, CancellationToken cancellationToken)
    {
        var result = new List<Attribution>();
        var contents = new HashSet<(int Start, int End)>();
        for (var s = 0; s < v.Sentences.Length; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            FindInSentence(v, s, result, contents);
        }

        AddDashSources(v, result);
        ExtendTranscriptTurns(v, result);
        MergeFollowingQuotes(v, result);
        AddContinuations(v, result);

        // Odd arrangements (a cue between two marks, nothing quoted) can leave a range empty: no content, no quote; no words, no speaker phrase.
        result.RemoveAll(a => a.ContentEnd <= a.ContentStart);
        for (var k = 0; k < result.Count; k++)
        {
            if (result[k].Speaker is { } sp && sp.End <= sp.Start)
            {
                result[k] = result[k] with { Speaker = null };
            }

            if (result[k].Cue is { } cue && cue.End <= cue.Start)
            {
                result[k] = result[k] with { Cue = null };
            }
        }

        return result;
    }

    /// <summary>Adds the attributions of sentence <paramref name="s"/> to <paramref name="found"/>; <paramref name="contents"/> holds the content ranges found so far, so a content found twice is kept once without a scan of all that was found.</summary>
    private void FindInSentence(QuoteDocument v, int s, List<Attribution> found, HashSet<(int Start, int End)> contents)
    {
        var (a, b) = v.Sentences[s];
        var cues = new List<CueMatch>();
        var headline = CueReading.IsHeadline(v, a, b);
        for (var i = a; i < b; i++)
        {
            if (!v.InQuote(i) && _lexicon.Match(v.Lower, i) is { } cue && cue.End <= b
                && (_cues.IsCue(v, cue) || (i == a && cue.Cue.Class == "source") || (headline && i > a && cue.Cue.Class == "speech" && !_lexicon.Is("ambiguous-cue", cue.Cue.Lemma))))
            {
                cues.Add(cue);
                i = cue.End - 1;
            }
        }

        // A cue that closes the sentence ("…, he said.") frames everything before it: it goes first,
        // and the cues inside its content are the speaker's words, not attributions of their own.
        var closing = cues.FindLastIndex(c => c.Cue.Class is not ("source" or "noun") && _cues.IsAfterBreak(v, a, c) && _cues.ClosesClause(v, c.End, b));
        if (closing >= 0)
        {
            cues.Insert(0, cues[closing]);
            cues.RemoveAt(closing + 1);
        }

        var closingCue = closing >= 0 ? cues[0] : (CueMatch?)null;
        var inSentence = new List<Attribution>();
        if (_colon.Find(v, s, found) is { } colon)
        {
            inSentence.Add(colon);
        }

        foreach (var cue in cues)
        {
            // A cue inside reported words is reported too; it is an attribution of its own only when
            // it has its own speaker ("… admitted that while …, he argued …") and the words are not a quotation.
            if (inSentence.Any(x => x.Cue?.Start == cue.Start))
            {
                continue;
            }

            var outer = inSentence.FindIndex(x => cue.Start >= x.ContentStart && cue.Start < x.ContentEnd);
            if (outer >= 0)
            {
                // Inside reported words a cue is reported too, unless a new clause opens with its own
                // speaker after a comma ("While Sanders has pledged …, Devine suggested that …"): then
                // the outer words end at that comma.
                var x = inSentence[outer];
                var own = x.Kind is "direct" or "unmarked" || cue.Form == CueForm.Progressive ? null : _phrases.SubjectBefore(v, a, cue.Start);
                if (own is { } o && o.Start < x.ContentStart && x.Cue is { } inner && inner.Start > o.Start && cue.Start > 0 && v.Lower[cue.Start - 1] == ",")
                {
                    // "Barkley, who said he votes Democratic, said …": the first cue is in an apposition
                    // of the second one's speaker; its words end at the comma that closes it.
                    inSentence[outer] = x with { ContentEnd = TrimEnd(v, x.ContentStart, cue.Start - 1) };
                }
                else if (own is not { } o2 || o2.Start <= x.ContentStart + 1 || !CueReading.OpensClause(v, o2.Start - 1))
                {
                    continue;
                }
                else
                {
                    inSentence[outer] = x with { ContentEnd = TrimEnd(v, x.ContentStart, o2.Start - 1) };
                }
            }

            var attribution = cue.Cue.Class switch
            {
                "source" => _accordingTo.Find(v, s, cue, found),
                "noun" => _nominal.Find(v, s, cue, found),
                "impression" => _impression.Find(v, s, cue),
                _ => _verb.Find(v, s, cue, inSentence, found, cue == closingCue),
            };
            var minimum = cue.Cue.Class == "speech" && cue.Cue.Stance is not ("assert" or "announce" or "suggest" or "cite") ? 1 : 2;
            if (attribution is not null && attribution.ContentEnd - attribution.ContentStart >= minimum && HasLetter(v, attribution.ContentStart, attribution.ContentEnd)
                && !contents.Contains((attribution.ContentStart, attribution.ContentEnd))
                && !inSentence.Any(x => x.ContentStart == attribution.ContentStart && x.ContentEnd == attribution.ContentEnd))
            {
                inSentence.Add(attribution);
            }
        }

        if (inSentence.Count == 0 && _poll.Find(v, s, found) is { } poll)
        {
            inSentence.Add(poll);
        }

        found.AddRange(inSentence);
        contents.UnionWith(inSentence.Select(x => (x.ContentStart, x.ContentEnd)));
    }

    private static QuoteData ToQuote(QuoteDocument v, Attribution a) => new(
        v.Span(a.ContentStart, a.ContentEnd),
        a.Kind,
        a.Speaker is { } sp ? v.Span(sp.Start, sp.End) : null,
        a.Cue is { } c ? v.Span(c.Start, c.End) : null,
        a.NameMention >= 0 ? v.Mentions[a.NameMention].Span : null,
        a.How);

    /// <summary>The role the rules give each token (<c>B-CON:direct</c>, <c>L-SRC</c>, …; null for none): what the tagger reads beside the words.</summary>
    private static string?[] RuleRoles(QuoteDocument v, List<Attribution> found)
    {
        var roles = new string?[v.Words.Length];
        foreach (var a in found)
        {
            Mark(a.ContentStart, a.ContentEnd, "CON:" + a.Kind);
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
    private void AddTagged(QuoteDocument v, List<Attribution> found, AttributionModel model)
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

    /// <summary>A rule's content that follows its cue ends before the first cue the tagger marks inside it, and that cue's source ("… planned to bus in supporters, though she acknowledged it was unlikely").</summary>
    private static Attribution EndBeforeInnerCue(QuoteDocument v, Attribution x, TaggedSpans tagged)
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

        while (cut > x.ContentStart && (v.IsPunctuation(cut - 1) || v.Lower[cut - 1] is "and" or "but" or "though" or "although" or "while" or "as" or "when" or "because"))
        {
            cut--;
        }

        var trimmed = TrimEnd(v, x.ContentStart, cut);
        return trimmed - x.ContentStart >= 2 ? x with { ContentEnd = trimmed } : x;
    }

    /// <summary>
    /// The tagger's contents in paragraph <c>[first, end)</c> that no rule found (<paramref name="free"/>):
    /// two pieces of one content around the words that interrupt it joined once ("“A,” he said,
    /// “B.”"), punctuation trimmed, and a short content the tagger ends inside its phrase ("did not
    /// address his series | of early-morning tweets …") run on to the end of its clause.
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
            if (stop - start < 5 && stop < end && !v.IsPunctuation(stop))
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
        (int Start, int End)? phrase = tagged.Nearest("SRC", cue.Start, cue.End, sentenceStart, sentenceEnd) is { } sp ? (sp.Start, sp.End) : null;

        // A passive cue ("is expected to", "was charged with") or "Asked …" opening the sentence has no
        // holder in it; the guesses below are for cues that have one.
        var holderless = (cue.Start > 0 && _lexicon.Is("be", v.Lower[cue.Start - 1]) && (v.Lower[cue.Start].EndsWith("ed", StringComparison.Ordinal) || v.Lower[cue.Start].EndsWith("en", StringComparison.Ordinal)))
            || (cue.Start == sentenceStart && v.Lower[cue.Start] == "asked");
        if (phrase is null && !holderless)
        {
            var from = cue.Start < start ? sentenceStart : Math.Max(stop, sentenceStart);
            phrase = _phrases.SubjectBefore(v, from, cue.Start) is { } subject && subject.End > subject.Start ? subject : _phrases.SentenceSubject(v, from, cue.Start);
            phrase ??= SpeakerPhrases.NameBefore(v, cue.Start, from, k => k < start || k >= stop);

            // Nothing in the cue's sentence: the tagger's source nearest the content in its paragraph.
            var (paragraphStart, paragraphEnd) = v.ParagraphRange(start);
            phrase ??= tagged.Nearest("SRC", start, stop, paragraphStart, paragraphEnd) is { } near ? (near.Start, near.End) : null;
        }

        var (mention, how) = phrase is { } p ? _speakers.Resolve(v, p, found) : (-1, "unnamed");
        var cueMatch = _lexicon.Match(v.Lower, cue.Start) is { } m && m.End <= cue.End ? m with { End = cue.End }
            : new CueMatch(cue.Start, cue.End, new Cue(string.Join(' ', v.Lower[cue.Start..cue.End]), "assert", "speech"), CueForm.Base);
        return new Attribution(start, stop, KindOf(_lexicon, v, start, stop), cueMatch, phrase, mention, "tagger:" + how, firstSentence);
    }

    /// <summary>
    /// A transcript turn ("PENCE: Gennifer Flowers will not be attending … . Donald Trump was
    /// using the tweet …"): a speaker in capitals and a colon open the paragraph, and all of it is
    /// what they said, the cues inside included.
    /// </summary>
    private static void ExtendTranscriptTurns(QuoteDocument v, List<Attribution> found)
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
    private static void AddDashSources(QuoteDocument v, List<Attribution> found)
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
            found.Add(new Attribution(start, stop, "direct", new CueMatch(dash, dash + 1, DashCue, CueForm.Phrase), (dash + 1, last), name, "named", v.SentenceOfToken(start)));
        }
    }

    /// <summary>
    /// A direct or mixed quote goes on in the quotations that follow it in its paragraph with no cue of
    /// their own: “A,” Khan said. “B.” is one statement, A … B.
    /// </summary>
    private static void MergeFollowingQuotes(QuoteDocument v, List<Attribution> found)
    {
        for (var i = 0; i < found.Count; i++)
        {
            var a = found[i];
            if (a.Kind is not ("direct" or "mixed"))
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
    private static void AddContinuations(QuoteDocument v, List<Attribution> found)
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
                found.Add(new Attribution(region.Start, region.End, "direct", null, previous.Speaker, previous.NameMention, "continuation", v.SentenceOfToken(region.Start)));
            }
        }
    }

    /// <summary>The claims of an attribution: its own first, then those of the allegations it answers.</summary>
    private List<ClaimData> ToClaims(QuoteDocument v, Attribution a)
    {
        var claims = new List<ClaimData>();
        var stance = a.Cue?.Cue.Stance ?? "assert";
        var start = a.ContentStart;
        var end = a.ContentEnd;
        var holder = a.Speaker is { } sp ? v.Span(sp.Start, sp.End) : (TextSpan?)null;
        var holderName = a.NameMention >= 0 ? v.Mentions[a.NameMention].Span : (TextSpan?)null;
        var cue = a.Cue is { } c ? v.Span(c.Start, c.End) : (TextSpan?)null;

        // "rejected allegations by Afghanistan regarding …", "dismissed claims that …": the claim answered.
        if (v.Lower[start] is not ("our" or "my" or "your") && _lexicon.Is("content-noun", v.Lower[Skip(_lexicon, v, start, end, "determiner")]))
        {
            var noun = Skip(_lexicon, v, start, end, "determiner");
            var k = noun + 1;
            var others = new List<int>();
            if (k < end && v.Lower[k] is "raised" or "made" or "levelled" or "leveled" or "voiced")
            {
                k++;
            }

            if (k < end && v.Lower[k] is "by" or "from")
            {
                k++;
                while (k < end && (v.MentionAt(k) >= 0 || v.Lower[k] is "and" or "the" or ","))
                {
                    var m = v.MentionAt(k);
                    if (m >= 0 && !others.Contains(m))
                    {
                        others.Add(m);
                    }

                    k++;
                }
            }

            var connected = others.Count > 0;
            if (k < end && v.Lower[k] is "that" or "regarding" or "about" or "of" or "on")
            {
                k++;
                connected = true;
            }

            if (connected && end - k >= 3)
            {
                var answeredStance = v.Lower[noun].StartsWith("allegation", StringComparison.Ordinal) || v.Lower[noun].StartsWith("accusation", StringComparison.Ordinal) ? "accuse" : "assert";
                foreach (var m in others)
                {
                    claims.Add(new ClaimData(v.Span(k, end), v.Mentions[m].Span, answeredStance, Proposition(v, k, end), v.Mentions[m].Span, null, IsHedged(v, k, end)));
                }

                start = k;
            }
        }

        if (stance == "assert" && IsNegated(v, start, end))
        {
            stance = "deny";
        }

        claims.Insert(0, new ClaimData(v.Span(start, end), holder, stance, Proposition(v, start, end), holderName, cue, IsHedged(v, start, end)));
        return claims;
    }

    /// <summary>True when the main clause of the content is negated ("ISIS does not have a physical presence").</summary>
    private bool IsNegated(QuoteDocument v, int start, int end)
    {
        for (var k = start; k < Math.Min(end, start + 8); k++)
        {
            if (v.Lower[k] is "," or ";" or "that" or "which" or "who" or "but")
            {
                return false;
            }

            if (_lexicon.Is("negation", v.Lower[k]))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsHedged(QuoteDocument v, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (_lexicon.Is("hedge", v.Lower[k]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The content as a proposition: its words in lower case, quotation marks and edge punctuation left out.</summary>
    private static string Proposition(QuoteDocument v, int start, int end)
    {
        var words = new List<string>(end - start);
        for (var k = start; k < end; k++)
        {
            if (!v.IsQuoteMark(k))
            {
                words.Add(v.Lower[k]);
            }
        }

        while (words.Count > 0 && !words[^1].Any(char.IsLetterOrDigit))
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words).Replace(" ,", ",", StringComparison.Ordinal).Replace(" n't", "n't", StringComparison.Ordinal)
            .Replace(" 's", "'s", StringComparison.Ordinal).Replace(" .", ".", StringComparison.Ordinal);
    }
}
