using System.Collections.Immutable;
using Dossier.Annotations;
using Dossier.Text;

namespace Dossier;

/// <summary>
/// One article: its clean text, its metadata and flat annotation layers anchored to the text by
/// half-open <c>[start, end)</c> offsets. Components add layers; a layer, once set, is immutable.
/// </summary>
/// <remarks>
/// A document is filled by one pipeline run at a time and is not itself thread-safe; the
/// pipeline that fills it is.
/// </remarks>
public sealed class Document
{
    private readonly Dictionary<LayerKey, object> _layers = [];
    private readonly List<string> _warnings = [];

    /// <summary>Creates a document from its clean text.</summary>
    /// <param name="text">The clean text every offset points into.</param>
    /// <param name="metadata">What is known about it.</param>
    /// <param name="sourceMap">Maps text offsets back to the source; identity when omitted.</param>
    /// <param name="titleSpan">Where the title stands in <paramref name="text"/>, if it does.</param>
    public Document(string text, DocumentMetadata? metadata = null, OffsetMap? sourceMap = null, TextSpan? titleSpan = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Metadata = metadata ?? new DocumentMetadata();
        ContentHash = Dossier.Text.ContentHash.Compute(text);
        Id = Dossier.Text.ContentHash.ToId(ContentHash);
        if (sourceMap is not null && sourceMap.TextLength != text.Length)
        {
            throw new ArgumentException("The source map was built for a text of another length.", nameof(sourceMap));
        }

        SourceMap = sourceMap ?? OffsetMap.Identity(text.Length);
        if (titleSpan is { } t)
        {
            CheckInBounds(t, "title");
        }

        TitleSpan = titleSpan;
    }

    /// <summary>The document id: a prefix of <see cref="ContentHash"/>.</summary>
    public string Id { get; }

    /// <summary>The content hash of the text (see <see cref="Dossier.Text.ContentHash"/>).</summary>
    public string ContentHash { get; }

    /// <summary>The clean text.</summary>
    public string Text { get; }

    /// <summary>What is known about the document; components may refine it (e.g. an inferred date).</summary>
    public DocumentMetadata Metadata { get; set; }

    /// <summary>Maps offsets of <see cref="Text"/> back to the source.</summary>
    public OffsetMap SourceMap { get; }

    /// <summary>Where the title stands in the text, when the text starts with it.</summary>
    public TextSpan? TitleSpan { get; }

    /// <summary>Things a user should know about how this document was read.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>The keys of the layers set so far.</summary>
    public IEnumerable<LayerKey> LayerKeys => _layers.Keys;

    /// <summary>The paragraphs, as views.</summary>
    public ViewList<Paragraph> Paragraphs => new(this, 0, GetOrEmpty(Layers.Paragraphs).Length);

    /// <summary>The sentences, as views.</summary>
    public ViewList<Sentence> Sentences => new(this, 0, GetOrEmpty(Layers.Sentences).Length);

    /// <summary>The tokens, as views.</summary>
    public ViewList<Token> Tokens => new(this, 0, GetOrEmpty(Layers.Tokens).Length);

    /// <summary>The syntactic words, as views (empty until a parser has run).</summary>
    public ViewList<Word> Words => new(this, 0, GetOrEmpty(Layers.Words).Length);

    /// <summary>The pronouns and role nouns with the mentions they refer to, as views (empty until coreference has run).</summary>
    public ViewList<Reference> References => new(this, 0, GetOrEmpty(Layers.References).Length);

    /// <summary>The syntactic words that overlap <paramref name="span"/>, in order, found by binary search (none until a parser has run).</summary>
    public IEnumerable<Word> WordsIn(TextSpan span)
    {
        var words = GetOrEmpty(Layers.Words);
        for (var k = SpanSearch.FirstNotBefore(words.Length, i => words[i].Span.End <= span.Start); k < words.Length && words[k].Span.Start < span.End; k++)
        {
            yield return Word.Create(this, k);
        }
    }

    /// <summary>Records something a user should know about how the document was read.</summary>
    public void AddWarning(string warning)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(warning);
        _warnings.Add(warning);
    }

    /// <summary>True when the layer is set.</summary>
    public bool Has(LayerKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _layers.ContainsKey(key);
    }

    /// <summary>The items of a layer; throws when it is not set.</summary>
    public ImmutableArray<T> Get<T>(LayerKey<T> key)
        where T : struct, IAnnotation
    {
        ArgumentNullException.ThrowIfNull(key);
        return _layers.TryGetValue(key, out var items)
            ? (ImmutableArray<T>)items
            : throw new InvalidOperationException($"Document {Id} has no '{key.Name}' layer; add a component that adds it before the one that reads it.");
    }

    /// <summary>The items of a layer, or an empty array when it is not set.</summary>
    public ImmutableArray<T> GetOrEmpty<T>(LayerKey<T> key)
        where T : struct, IAnnotation
    {
        ArgumentNullException.ThrowIfNull(key);
        return _layers.TryGetValue(key, out var items) ? (ImmutableArray<T>)items : [];
    }

    /// <summary>
    /// Sets a layer once. Every item must lie inside the text and items must be in order of
    /// their start offsets.
    /// </summary>
    public void Set<T>(LayerKey<T> key, ImmutableArray<T> items)
        where T : struct, IAnnotation
    {
        ArgumentNullException.ThrowIfNull(key);
        if (items.IsDefault)
        {
            throw new ArgumentException("The layer's items must be an initialised array.", nameof(items));
        }

        if (_layers.ContainsKey(key))
        {
            throw new InvalidOperationException($"Document {Id} already has a '{key.Name}' layer; a layer is set once.");
        }

        var previousStart = 0;
        for (var i = 0; i < items.Length; i++)
        {
            var span = items[i].Span;
            CheckInBounds(span, key.Name);
            if (span.Start < previousStart)
            {
                throw new ArgumentException($"Layer '{key.Name}' item {i} {span} starts before the item before it; items must be in text order.", nameof(items));
            }

            previousStart = span.Start;
        }

        _layers[key] = items;
    }

    /// <summary>How many items a layer holds and the characters their spans cover together; (0, 0) when it is not set.</summary>
    public (int Count, long Chars) Measure(LayerKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _layers.TryGetValue(key, out var items) ? key.Measure(items) : (0, 0);
    }

    /// <summary>The text a span covers.</summary>
    public string GetText(TextSpan span)
    {
        CheckInBounds(span, "span");
        return Text.Substring(span.Start, span.Length);
    }

    private void CheckInBounds(TextSpan span, string what)
    {
        if (span.End > Text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(span), $"{what} {span} lies outside the document's text of {Text.Length} characters.");
        }
    }
}
