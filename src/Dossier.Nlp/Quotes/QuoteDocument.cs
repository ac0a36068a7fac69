using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Nlp.Quotes;

/// <summary>A quotation in token indices: its marks and its content <c>[Start, End)</c> (trailing punctuation left out).</summary>
/// <param name="Open">The opening mark.</param>
/// <param name="Close">The closing mark, or the paragraph's last token when the quotation runs on to the next paragraph.</param>
/// <param name="Start">The first token of the content.</param>
/// <param name="End">One past the last token of the content.</param>
internal readonly record struct QuoteRegion(int Open, int Close, int Start, int End);

/// <summary>A mention in token indices, with its index in the document's mentions layer.</summary>
internal readonly record struct TokenMention(int Start, int End, string Label, TextSpan Span, int Layer);

/// <summary>
/// A document as the quote finder reads it: words, sentences and paragraphs by token, named
/// mentions by token, and the quotations its marks enclose. Built once per document.
/// </summary>
internal sealed class QuoteDocument
{
    private readonly System.Collections.Immutable.ImmutableArray<TokenData> _tokens;
    private readonly int[] _mentionAt;
    private readonly bool[] _timeAt;
    private readonly bool[] _numberAt;
    private readonly int[] _regionAt;
    private readonly int[] _regionOpenedAt;
    private readonly int[] _regionClosedAt;
    private readonly int[] _sentenceOf;
    private readonly int[] _paragraphOfSentence;
    private readonly (int First, int Last)[] _paragraphTokens;
    private int[]? _datelineEnds;

    private readonly Document _document;
    private Dictionary<int, (int Mention, ReferenceKind Kind)>? _referenceEndingAt;

    public QuoteDocument(Document document)
    {
        _document = document;
        var text = document.Text;
        var tokens = document.Get(Layers.Tokens);
        _tokens = tokens;
        var n = tokens.Length;
        Words = new string[n];
        Lower = new string[n];
        for (var i = 0; i < n; i++)
        {
            Words[i] = text.Substring(tokens[i].Span.Start, tokens[i].Span.Length);
            Lower[i] = Words[i].ToLowerInvariant();
        }

        var sentences = document.Get(Layers.Sentences);
        Sentences = [.. sentences.Select(s => (s.FirstToken, s.FirstToken + s.TokenCount))];
        _sentenceOf = new int[n];
        _paragraphOfSentence = new int[sentences.Length];
        var paragraphs = new Dictionary<int, (int First, int Last)>();
        for (var s = 0; s < sentences.Length; s++)
        {
            _paragraphOfSentence[s] = sentences[s].Paragraph;
            for (var k = Sentences[s].Start; k < Sentences[s].End; k++)
            {
                _sentenceOf[k] = s;
            }

            var p = sentences[s].Paragraph;
            paragraphs[p] = paragraphs.TryGetValue(p, out var range) ? (range.First, Sentences[s].End - 1) : (Sentences[s].Start, Sentences[s].End - 1);
        }

        Paragraphs = [.. paragraphs.OrderBy(p => p.Key).Select(p => (p.Value.First, p.Value.Last + 1))];
        _paragraphTokens = new (int, int)[paragraphs.Count == 0 ? 0 : paragraphs.Keys.Max() + 1];
        foreach (var (p, range) in paragraphs)
        {
            _paragraphTokens[p] = range;
        }

        _mentionAt = new int[n];
        _timeAt = new bool[n];
        _numberAt = new bool[n];
        Array.Fill(_mentionAt, -1);
        var mentions = new List<TokenMention>();
        var layer = document.GetOrEmpty(Layers.Mentions);
        for (var index = 0; index < layer.Length; index++)
        {
            var m = layer[index];
            var first = TokenSearch.FirstEndingAfter(tokens, m.Span.Start);
            var last = first;
            while (last < n && tokens[last].Span.Start < m.Span.End)
            {
                last++;
            }

            if (last == first)
            {
                continue;
            }

            if (m.Label is "PERCENT" or "CARDINAL")
            {
                for (var k = first; k < last; k++)
                {
                    _numberAt[k] = true;
                }
            }

            if (m.Label is "DATE" or "TIME")
            {
                for (var k = first; k < last; k++)
                {
                    _timeAt[k] = true;
                }
            }
            else if (MentionLabels.Named.Contains(m.Label))
            {
                for (var k = first; k < last; k++)
                {
                    _mentionAt[k] = mentions.Count;
                }

                mentions.Add(new TokenMention(first, last, m.Label, m.Span, index));
            }
        }

        Mentions = mentions;
        _regionAt = new int[n];
        Array.Fill(_regionAt, -1);
        QuoteRegions = FindRegions();
        _regionOpenedAt = new int[n];
        _regionClosedAt = new int[n];
        Array.Fill(_regionOpenedAt, -1);
        Array.Fill(_regionClosedAt, -1);
        for (var r = 0; r < QuoteRegions.Count; r++)
        {
            for (var k = QuoteRegions[r].Start; k < QuoteRegions[r].End; k++)
            {
                _regionAt[k] = r;
            }

            // The first region a mark opens or closes, as a search in order would find it.
            var (open, close) = (QuoteRegions[r].Open, QuoteRegions[r].Close);
            if (open >= 0 && open < n && _regionOpenedAt[open] < 0)
            {
                _regionOpenedAt[open] = r;
            }

            if (close >= 0 && close < n && _regionClosedAt[close] < 0)
            {
                _regionClosedAt[close] = r;
            }
        }
    }

    public string[] Words { get; }

    public string[] Lower { get; }

    public (int Start, int End)[] Sentences { get; }

    public IReadOnlyList<TokenMention> Mentions { get; }

    public IReadOnlyList<QuoteRegion> QuoteRegions { get; }

    /// <summary>Each paragraph's tokens <c>[First, End)</c>, in order.</summary>
    public (int First, int End)[] Paragraphs { get; }

    public TextSpan Span(int startToken, int endToken) => new(_tokens[startToken].Span.Start, _tokens[endToken - 1].Span.End);

    /// <summary>The tokens <c>[start, end)</c> a span made of whole tokens covers (the inverse of <see cref="Span"/>).</summary>
    public (int Start, int End) Tokens(TextSpan span) => (TokenSearch.FirstEndingAfter(_tokens, span.Start), TokenSearch.FirstEndingAfter(_tokens, span.End - 1) + 1);

    public bool IsPunctuation(int k) => _tokens[k].Kind == TokenKind.Punctuation;

    /// <summary>True when token <paramref name="k"/> is in the dateline of its sentence.</summary>
    public bool InDateline(int k) => k < DatelineEnd(Sentences[SentenceOfToken(k)].Start);

    /// <summary>
    /// The first token after the dateline ("WASHINGTON (AP) —", "ISLAMABAD:") that opens a sentence
    /// at token <paramref name="a"/>, or <paramref name="a"/> when none does
    /// (<see cref="Syntax.SyntaxComponent.DatelineLength"/>); a token inside a sentence opens none.
    /// </summary>
    public int DatelineEnd(int a)
    {
        if (a < 0 || a >= Words.Length)
        {
            return a;
        }

        var sentence = SentenceOfToken(a);
        if (a != Sentences[sentence].Start)
        {
            return a;
        }

        // Read once per sentence: the rules ask for it at every cue and every name they look back over.
        _datelineEnds ??= [.. Sentences.Select(s => s.End - s.Start < 3 ? s.Start
            : s.Start + Syntax.SyntaxComponent.DatelineLength(new ArraySegment<string>(Words, s.Start, Math.Min(s.End - s.Start, 18))))];
        return _datelineEnds[sentence];
    }

    public bool IsQuoteMark(int k) => Words[k] is "“" or "”" or "\"" or "«" or "»" or "„" or "``" or "''";

    public bool InQuote(int k) => _regionAt[k] >= 0;

    /// <summary>The index of the quotation (in <see cref="QuoteRegions"/>) whose content holds token <paramref name="k"/>; -1 when none does.</summary>
    public int RegionOf(int k) => _regionAt[k];

    /// <summary>True for punctuation inside a word, with no space either side ("Taliban-run").</summary>
    public bool IsJoined(int k) => k > 0 && k + 1 < Words.Length && _tokens[k - 1].Span.End == _tokens[k].Span.Start && _tokens[k].Span.End == _tokens[k + 1].Span.Start;

    /// <summary>True when token <paramref name="end"/> - 1 is the last word of its paragraph (only punctuation after it).</summary>
    public bool EndsParagraph(int end)
    {
        var (_, last) = _paragraphTokens[ParagraphOfToken(end - 1)];
        for (var k = end; k <= last; k++)
        {
            if (!IsPunctuation(k) || IsQuoteMark(k))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The tokens <c>[First, End)</c> of the paragraph of token <paramref name="k"/>.</summary>
    public (int First, int End) ParagraphRange(int k) => (_paragraphTokens[ParagraphOfToken(k)].First, _paragraphTokens[ParagraphOfToken(k)].Last + 1);

    /// <summary>The first token of the paragraph of token <paramref name="k"/>.</summary>
    public int ParagraphStart(int k) => _paragraphTokens[ParagraphOfToken(k)].First;

    public int MentionAt(int k) => _mentionAt[k];

    /// <summary>
    /// The reference (pronoun or role noun) whose last token is <paramref name="k"/>, from the
    /// document's references layer (resolved here by the same rules when the pipeline ran no
    /// coreference): the antecedent as an index into <see cref="Mentions"/>, and how it was found;
    /// null when the token ends no reference.
    /// </summary>
    public (int Mention, ReferenceKind Kind)? ReferenceEndingAt(int k)
    {
        if (_referenceEndingAt is null)
        {
            var references = _document.Has(Layers.References) ? _document.Get(Layers.References) : Coref.Coreference.Resolve(_document, this);
            var byLayer = new Dictionary<int, int>();
            for (var m = 0; m < Mentions.Count; m++)
            {
                byLayer[Mentions[m].Layer] = m;
            }

            var ending = new Dictionary<int, (int, ReferenceKind)>();
            foreach (var r in references)
            {
                if (byLayer.TryGetValue(r.Mention, out var m))
                {
                    ending[TokenSearch.FirstEndingAfter(_tokens, r.Span.End - 1)] = (m, r.Kind);
                }
            }

            _referenceEndingAt = ending;
        }

        return _referenceEndingAt.TryGetValue(k, out var found) ? found : null;
    }

    public bool IsTimeMention(int k) => _timeAt[k];

    /// <summary>True for a token of a number or percentage ("47 percent said …").</summary>
    public bool IsNumberMention(int k) => _numberAt[k];

    public int SentenceOfToken(int k) => _sentenceOf[k];

    /// <summary>The syntactic word of token <paramref name="k"/>; null without a tree.</summary>
    public Word? WordAt(int k) => Token.Create(_document, k).Word;

    /// <summary>The head in the tree of the tokens <c>[start, end)</c> (see <see cref="AttributionSyntax.HeadOf"/>); null without a tree.</summary>
    public Word? HeadOf(int start, int end) => AttributionSyntax.HeadOf(_document, Span(start, end));

    /// <summary>Whether the tree makes token <paramref name="k"/> a verb or auxiliary; null without a tree.</summary>
    public bool? IsVerb(int k) => Token.Create(_document, k).Word is { } w ? w.Upos is UPos.VERB or UPos.AUX : null;

    /// <summary>True when a token in <c>[start, end)</c> may be a verb: the tree makes one a verb or auxiliary, or there is no tree to say it is not.</summary>
    public bool MayHaveVerb(int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (IsVerb(k) is not false)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the tree attaches token <paramref name="k"/> to a word at or after token <paramref name="end"/> of its sentence ('that the city's police | department released …'); false without a tree.</summary>
    public bool AttachesAtOrAfter(int k, int end) =>
        Token.Create(_document, k).Word is { Head: { } head } && head.Data.Token >= end && _sentenceOf[head.Data.Token] == _sentenceOf[k];

    public int ParagraphOfToken(int k) => _paragraphOfSentence[_sentenceOf[k]];

    public QuoteRegion? QuoteStartingAt(int openMark) =>
        openMark >= 0 && openMark < _regionOpenedAt.Length && _regionOpenedAt[openMark] is var r && r >= 0 ? QuoteRegions[r] : null;

    public QuoteRegion? QuoteEndingAt(int closeMark) =>
        closeMark >= 0 && closeMark < _regionClosedAt.Length && _regionClosedAt[closeMark] is var r && r >= 0 && IsQuoteMark(closeMark) ? QuoteRegions[r] : null;

    /// <summary>True when a quotation is its paragraph: opens at its first token and closes at (or runs past) its end.</summary>
    public bool RegionFillsParagraph(QuoteRegion region)
    {
        var (first, last) = _paragraphTokens[ParagraphOfToken(region.Open)];
        var end = last;
        while (end > first && IsPunctuation(end) && !IsQuoteMark(end))
        {
            end--;
        }

        return region.Open == first && region.Close >= end;
    }

    /// <summary>The nearest mention of <paramref name="label"/> that ends before token <paramref name="before"/>, outside quotations and not at a token <paramref name="skip"/> rules out; -1 when none.</summary>
    public int PreviousMention(int before, string label, Func<int, bool>? skip = null)
    {
        for (var m = LastMentionStartingBefore(before); m >= 0; m--)
        {
            var mention = Mentions[m];
            if (mention.End <= before && mention.Label == label && !InQuote(mention.Start) && skip?.Invoke(mention.Start) != true)
            {
                return m;
            }
        }

        return -1;
    }

    /// <summary>The index of the last mention that starts before token <paramref name="before"/> (mentions are in token order; binary search), -1 when none: the mentions that end before it are among it and those before it.</summary>
    public int LastMentionStartingBefore(int before) => SpanSearch.FirstNotBefore(Mentions.Count, m => Mentions[m].Start < before) - 1;

    /// <summary>
    /// Pairs quotation marks paragraph by paragraph: a curly or guillemet mark opens or closes by
    /// its shape, a straight one alternates; a quotation still open at the end of its paragraph
    /// ends there (news style opens each paragraph of a long quotation again).
    /// </summary>
    private List<QuoteRegion> FindRegions()
    {
        var regions = new List<QuoteRegion>();
        foreach (var (first, last) in _paragraphTokens)
        {
            if (last < first || Words.Length == 0)
            {
                continue;
            }

            var open = -1;
            for (var k = first; k <= last; k++)
            {
                var w = Words[k];
                var opening = w is "“" or "«" or "„" or "``" || (w is "\"" or "''" && open < 0);
                var closing = w is "”" or "»" || (w is "\"" or "''" && open >= 0);
                if (closing && open >= 0)
                {
                    Add(open, k, k);
                    open = -1;
                }
                else if (opening)
                {
                    open = k;
                }
            }

            if (open >= 0)
            {
                Add(open, last, last + 1);
            }
        }

        return regions;

        void Add(int open, int close, int contentEnd)
        {
            var end = contentEnd;
            while (end > open + 1 && IsPunctuation(end - 1) && !IsQuoteMark(end - 1))
            {
                end--;
            }

            if (end > open + 1)
            {
                regions.Add(new QuoteRegion(open, close, open + 1, end));
            }
        }
    }
}
