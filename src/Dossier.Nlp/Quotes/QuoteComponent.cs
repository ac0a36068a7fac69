using Dossier.Annotations;
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
    private readonly CueReading _cues;
    private readonly ColonConstruction _colon;
    private readonly AccordingToConstruction _accordingTo;
    private readonly NominalConstruction _nominal;
    private readonly ImpressionConstruction _impression;
    private readonly VerbConstruction _verb;
    private readonly PollConstruction _poll;
    private readonly TaggerCompletion _tagger;

    /// <summary>Creates the component with a cue lexicon (the shipped one by default) and, if given, the trained attribution tagger that adds what the rules miss.</summary>
    public QuoteComponent(CueLexicon? lexicon = null, AttributionModel? model = null)
    {
        _lexicon = lexicon ?? CueLexicon.Default;
        _model = model;
        _phrases = new SpeakerPhrases(_lexicon);
        var speakers = new SpeakerResolver(_lexicon);
        _cues = new CueReading(_lexicon, _phrases);
        _colon = new ColonConstruction(_lexicon, _phrases, speakers);
        _accordingTo = new AccordingToConstruction(speakers);
        _nominal = new NominalConstruction(_lexicon, _phrases, speakers);
        _impression = new ImpressionConstruction(_lexicon);
        _verb = new VerbConstruction(_lexicon, _phrases, speakers, _cues);
        _poll = new PollConstruction(_lexicon, speakers);
        _tagger = new TaggerCompletion(_lexicon, _phrases, speakers, _cues);
    }

    /// <inheritdoc/>
    public string Name => "quotes";

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Needs { get; } = [Layers.Tokens, Layers.Sentences, Layers.Mentions, Layers.References];

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Adds { get; } = [Layers.Quotes];

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Set(Layers.Quotes, [.. Find(document, cancellationToken).OrderBy(q => q.Span)]);
    }

    /// <summary>The quotes of a document, each with the confidence of the way its speaker was found; a quote the tree says is no statement (a passive cue's subject, silence, narration) is left out.</summary>
    public IReadOnlyList<QuoteData> Find(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var view = new QuoteDocument(document);
        var result = FindByRules(view, cancellationToken);
        if (_model is not null)
        {
            _tagger.Add(view, result, _model);
        }

        result.Sort((a, b) => a.ContentStart.CompareTo(b.ContentStart));
        var credits = document.Get(Layers.Sentences).Where(s => NonStatements.IsCredit(document.Text.AsSpan(s.Span.Start, s.Span.Length))).Select(s => s.Span).ToList();
        var found = new List<QuoteData>(result.Count);
        foreach (var a in result)
        {
            // What stands as a claim stands as a quote; only a quote that holds no claim is checked again.
            var quote = ToQuote(view, a);
            var content = document.Text.AsSpan(quote.Span.Start, quote.Span.Length);
            if (credits.Any(c => c.Contains(quote.Span.Start)) || NonStatements.IsRequestForWords(content)
                || NonStatements.IsWhatWasAnswered(document.Text.AsSpan(Math.Max(0, quote.Span.Start - 40), Math.Min(40, quote.Span.Start)), quote.Cue is { } cueSpan ? document.Text.AsSpan(cueSpan.Start, cueSpan.Length) : default, content))
            {
                continue; // '(Reporting by …; Editing by …)': who made the story; 'did not respond to requests for comment': words asked for, none given; 'responded to the criticism': what was answered
            }

            if (!AttributionSyntax.Stands(document, quote.Cue, quote.Speaker, claim: true) && !AttributionSyntax.Stands(document, quote.Cue, quote.Speaker, claim: false))
            {
                // The speaker taken stands outside the cue's own subject: the subject speaks, when it is one that can.
                if (AttributionSyntax.SubjectSpeaker(document, quote.Cue, quote.Speaker) is not { } subject)
                {
                    continue;
                }

                var way = new AttributionWay(subject.Name is null ? SpeakerFound.Unnamed : SpeakerFound.Named, quote.Attribution?.ByTagger ?? false);
                quote = quote with { Speaker = subject.Phrase, SpeakerName = subject.Name, Attribution = way };
            }
            else if ((AttributionSyntax.SubjectAroundName(document, quote.Cue, quote.Speaker, quote.SpeakerName ?? quote.Speaker, _phrases.SpeaksFor)
                ?? (quote.SpeakerName is { } name && quote.Speaker is { } phrase && !phrase.Contains(name)
                    ? AttributionSyntax.SubjectAroundName(document, quote.Cue, quote.Speaker, phrase, _phrases.SpeaksFor) : null)) is { } around)
            {
                // 'Canadian media is reporting', 'according to the Italian press', 'a friend of Wilson said': no name holds their words;
                // nor does the one a role stands for when the role only modifies the subject ('Fans of the actor complain').
                quote = quote with { Speaker = around, SpeakerName = null, Attribution = new AttributionWay(SpeakerFound.Unnamed, quote.Attribution?.ByTagger ?? false) };
            }

            if (quote.SpeakerName is null && AttributionSyntax.Antecedent(document, quote.Speaker) is { } antecedent)
            {
                quote = quote with { Speaker = antecedent };
            }

            found.Add(quote with { Confidence = AttributionConfidence.Of(quote.Attribution) });
        }

        return found;
    }

    /// <summary>The document as the tagger reads it, and the role the rules give each token (<c>B-CON:direct</c>, <c>L-SRC</c>, …; null for none): what <c>Dossier.Training.Quotes.AttributionTrainer</c> learns from.</summary>
    internal (QuoteDocument View, string?[] Rules) RuleView(Document document)
    {
        var view = new QuoteDocument(document);
        return (view, TaggerCompletion.RuleRoles(view, FindByRules(view, CancellationToken.None)));
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

        TranscriptAndDashSources.AddDashSources(v, result);
        TranscriptAndDashSources.ExtendTranscriptTurns(v, result);
        Continuations.MergeFollowingQuotes(v, result);
        Continuations.AddContinuations(v, result);

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
                var own = x.Kind is QuoteKind.Direct or QuoteKind.Unmarked || cue.Form == CueForm.Progressive ? null : _phrases.SubjectBefore(v, a, cue.Start);
                if (own is { } o && o.Start < x.ContentStart && x.Cue is { } inner && inner.Start > o.Start && cue.Start > 0 && v.Lower[cue.Start - 1] == ",")
                {
                    // "Barkley, who said he votes Democratic, said …": the first cue is in an apposition
                    // of the second one's speaker; its words end at the comma that closes it.
                    inSentence[outer] = x with { ContentEnd = TrimEnd(v, x.ContentStart, cue.Start - 1) };
                }
                else if (own is not { } o2 || o2.Start <= x.ContentStart + 1 || !CueReading.OpensClause(v, o2.Start - 1)
                    || (closingCue is { } framing && x.Cue?.Start == framing.Start))
                {
                    continue; // (what a closing cue frames is all its speaker's: 'In one email, Carter discussed …, the Times reported')
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
        a.How,
        CueStance: a.Cue?.Cue.Stance);
}
