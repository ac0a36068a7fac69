using System.Collections;
using Dossier.Text;

namespace Dossier.Annotations;

/// <summary>A token of a document, as a view over its flat token layer.</summary>
public readonly struct Token : IEquatable<Token>, IAnnotationView<Token>
{
    /// <inheritdoc/>
    public static Token Create(Document document, int index) => new(document, index);

    internal Token(Document document, int index)
    {
        Document = document;
        Index = index;
        Data = document.Get(Layers.Tokens)[index];
    }

    /// <summary>The document the token belongs to.</summary>
    public Document Document { get; }

    /// <summary>The token's position in the token layer.</summary>
    public int Index { get; }

    /// <summary>The stored annotation.</summary>
    public TokenData Data { get; }

    /// <summary>The token's characters.</summary>
    public TextSpan Span => Data.Span;

    /// <summary>The token's kind.</summary>
    public TokenKind Kind => Data.Kind;

    /// <summary>The token's text.</summary>
    public string Text => Document.GetText(Span);

    /// <summary>The token's text without allocating.</summary>
    public ReadOnlySpan<char> AsSpan() => Span.Slice(Document.Text);

    /// <summary>True when white space follows the token in the text.</summary>
    public bool SpaceAfter => Span.End < Document.Text.Length && char.IsWhiteSpace(Document.Text[Span.End]);

    /// <inheritdoc/>
    public bool Equals(Token other) => ReferenceEquals(Document, other.Document) && Index == other.Index;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Token t && Equals(t);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Document, Index);

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <summary>Equality operator.</summary>
    public static bool operator ==(Token left, Token right) => left.Equals(right);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(Token left, Token right) => !left.Equals(right);
}

/// <summary>A sentence of a document, as a view over its flat sentence layer.</summary>
public readonly struct Sentence : IEquatable<Sentence>, IAnnotationView<Sentence>
{
    /// <inheritdoc/>
    public static Sentence Create(Document document, int index) => new(document, index);

    internal Sentence(Document document, int index)
    {
        Document = document;
        Index = index;
        Data = document.Get(Layers.Sentences)[index];
    }

    /// <summary>The document the sentence belongs to.</summary>
    public Document Document { get; }

    /// <summary>The sentence's position in the sentence layer.</summary>
    public int Index { get; }

    /// <summary>The stored annotation.</summary>
    public SentenceData Data { get; }

    /// <summary>The sentence's characters.</summary>
    public TextSpan Span => Data.Span;

    /// <summary>The index of the paragraph that holds the sentence.</summary>
    public int Paragraph => Data.Paragraph;

    /// <summary>The sentence's text.</summary>
    public string Text => Document.GetText(Span);

    /// <summary>The sentence's tokens.</summary>
    public ViewList<Token> Tokens => new(Document, Data.FirstToken, Data.TokenCount);

    /// <inheritdoc/>
    public bool Equals(Sentence other) => ReferenceEquals(Document, other.Document) && Index == other.Index;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Sentence s && Equals(s);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Document, Index);

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <summary>Equality operator.</summary>
    public static bool operator ==(Sentence left, Sentence right) => left.Equals(right);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(Sentence left, Sentence right) => !left.Equals(right);
}

/// <summary>A paragraph of a document, as a view over its flat paragraph layer.</summary>
public readonly struct Paragraph : IEquatable<Paragraph>, IAnnotationView<Paragraph>
{
    /// <inheritdoc/>
    public static Paragraph Create(Document document, int index) => new(document, index);

    internal Paragraph(Document document, int index)
    {
        Document = document;
        Index = index;
        Data = document.Get(Layers.Paragraphs)[index];
    }

    /// <summary>The document the paragraph belongs to.</summary>
    public Document Document { get; }

    /// <summary>The paragraph's position in the paragraph layer.</summary>
    public int Index { get; }

    /// <summary>The stored annotation.</summary>
    public ParagraphData Data { get; }

    /// <summary>The paragraph's characters.</summary>
    public TextSpan Span => Data.Span;

    /// <summary>The paragraph's text.</summary>
    public string Text => Document.GetText(Span);

    /// <summary>The paragraph's sentences (needs the sentence layer).</summary>
    public IEnumerable<Sentence> Sentences
    {
        get
        {
            var index = Index;
            return Document.Sentences.Where(s => s.Paragraph == index);
        }
    }

    /// <inheritdoc/>
    public bool Equals(Paragraph other) => ReferenceEquals(Document, other.Document) && Index == other.Index;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Paragraph p && Equals(p);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Document, Index);

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <summary>Equality operator.</summary>
    public static bool operator ==(Paragraph left, Paragraph right) => left.Equals(right);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(Paragraph left, Paragraph right) => !left.Equals(right);
}

/// <summary>A view type over one layer's items, created by index.</summary>
/// <typeparam name="TView">The view type itself.</typeparam>
public interface IAnnotationView<TView>
    where TView : struct, IAnnotationView<TView>
{
    /// <summary>The view of item <paramref name="index"/> of the layer in <paramref name="document"/>.</summary>
    static abstract TView Create(Document document, int index);
}

/// <summary>A range of a layer's items, as views: a document's tokens, a sentence's tokens, its sentences, its paragraphs.</summary>
/// <typeparam name="TView">The view type.</typeparam>
public readonly struct ViewList<TView> : IReadOnlyList<TView>
    where TView : struct, IAnnotationView<TView>
{
    private readonly Document _document;
    private readonly int _first;

    internal ViewList(Document document, int first, int count)
    {
        _document = document;
        _first = first;
        Count = count;
    }

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    public TView this[int index] =>
        (uint)index < (uint)Count ? TView.Create(_document, _first + index) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <inheritdoc/>
    public IEnumerator<TView> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return TView.Create(_document, _first + i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
