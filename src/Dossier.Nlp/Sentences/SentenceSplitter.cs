using System.Collections.Frozen;
using System.Collections.Immutable;
using Dossier.Annotations;
using Dossier.Nlp.Tokenization;
using Dossier.Text;

namespace Dossier.Nlp.Sentences;

/// <summary>
/// Splits each paragraph into sentences at terminal punctuation (. ! ? … and runs of them),
/// taking closing quotes and brackets along, unless what follows cannot open a sentence
/// (a lower-case word, a comma). Abbreviations end a sentence only where their class allows it
/// and a usual sentence opener follows. A sentence never crosses a paragraph.
/// Needs paragraphs and tokens; adds sentences.
/// </summary>
public sealed class SentenceSplitter : IDocumentComponent
{
    private readonly AbbreviationLexicon _abbreviations;
    private readonly FrozenSet<string> _openers;

    /// <summary>Creates a splitter with the given lexicons.</summary>
    public SentenceSplitter(AbbreviationLexicon abbreviations, IEnumerable<string> sentenceOpeners)
    {
        ArgumentNullException.ThrowIfNull(abbreviations);
        ArgumentNullException.ThrowIfNull(sentenceOpeners);
        _abbreviations = abbreviations;
        _openers = sentenceOpeners.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The splitter with the lexicons shipped with Dossier.</summary>
    public static SentenceSplitter Default { get; } = new(
        AbbreviationLexicon.Default,
        DataFile.ReadEmbedded(typeof(SentenceSplitter).Assembly, "Dossier.Nlp.Sentences.sentence-openers.txt").Select(r => r[0]));

    /// <inheritdoc/>
    public string Name => "sentences";

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Needs { get; } = [Layers.Paragraphs, Layers.Tokens];

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Adds { get; } = [Layers.Sentences];

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var tokens = document.Get(Layers.Tokens);
        var paragraphs = document.Get(Layers.Paragraphs);
        var sentences = ImmutableArray.CreateBuilder<SentenceData>();
        var t = 0;
        for (var p = 0; p < paragraphs.Length; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var para = paragraphs[p].Span;
            while (t < tokens.Length && tokens[t].Span.Start < para.Start)
            {
                t++;
            }

            var first = t;
            while (t < tokens.Length && tokens[t].Span.End <= para.End)
            {
                t++;
            }

            Split(text, tokens, first, t, p, sentences);
        }

        document.Set(Layers.Sentences, sentences.ToImmutable());
    }

    private void Split(string text, ImmutableArray<TokenData> tokens, int from, int to, int paragraph, ImmutableArray<SentenceData>.Builder output)
    {
        var start = from;
        for (var i = from; i < to; i++)
        {
            if (!EndsSentence(text, tokens, i, to))
            {
                continue;
            }

            // Closing quotes and brackets written against the end belong to the sentence.
            var last = i;
            while (last + 1 < to && IsCloser(text, tokens, last + 1))
            {
                last++;
            }

            if (last + 1 < to && !CanOpen(text, tokens[last + 1]))
            {
                i = last;
                continue;
            }

            Emit(tokens, start, last, paragraph, output);
            start = last + 1;
            i = last;
        }

        if (start < to)
        {
            Emit(tokens, start, to - 1, paragraph, output);
        }
    }

    private static void Emit(ImmutableArray<TokenData> tokens, int first, int last, int paragraph, ImmutableArray<SentenceData>.Builder output) =>
        output.Add(new SentenceData(new TextSpan(tokens[first].Span.Start, tokens[last].Span.End), first, last - first + 1, paragraph));

    private bool EndsSentence(string text, ImmutableArray<TokenData> tokens, int i, int to)
    {
        var token = tokens[i].Span.Slice(text);
        if (tokens[i].Kind == TokenKind.Punctuation)
        {
            return token[0] is '!' or '?' or '\u2026' || (token[0] == '.' && !IsInnerPeriod(text, tokens, i, to));
        }

        if (tokens[i].Kind != TokenKind.Word || token.Length < 2 || token[^1] != '.')
        {
            return false;
        }

        // An abbreviation's period: a sentence ends only after one that may end it, and only when
        // the paragraph ends or a usual opener follows.
        var cls = _abbreviations.Classify(token);
        if (cls is AbbreviationClass.Title or AbbreviationClass.Month or AbbreviationClass.Number)
        {
            return false;
        }

        return i + 1 >= to || _openers.Contains(tokens[i + 1].Span.Slice(text).ToString());
    }

    /// <summary>A period written between word characters (arab.news) does not end a sentence.</summary>
    private static bool IsInnerPeriod(string text, ImmutableArray<TokenData> tokens, int i, int to) =>
        i > 0 && i + 1 < to
        && tokens[i - 1].Span.End == tokens[i].Span.Start
        && tokens[i + 1].Span.Start == tokens[i].Span.End
        && tokens[i + 1].Kind is TokenKind.Word or TokenKind.Number
        && char.IsLetterOrDigit(text[tokens[i + 1].Span.Start]);

    private static bool IsCloser(string text, ImmutableArray<TokenData> tokens, int i)
    {
        var c = text[tokens[i].Span.Start];
        if (tokens[i].Span.Length != 1)
        {
            return false;
        }

        if (c is '\u201D' or '\u2019' or ')' or ']' or '}' or '\u00BB')
        {
            return true;
        }

        // A straight quote closes when it is written against the end mark.
        return c is '"' or '\'' && tokens[i - 1].Span.End == tokens[i].Span.Start;
    }

    private static bool CanOpen(string text, TokenData token)
    {
        var c = text[token.Span.Start];
        return !char.IsLower(c) && c is not (',' or ';' or ':' or ')' or ']' or '}' or '%');
    }
}
