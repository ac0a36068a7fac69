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

    /// <summary>The syntactic words the token holds (usually one; "cannot" holds two); empty without the words layer.</summary>
    public ViewList<Word> Words
    {
        get
        {
            var words = Document.GetOrEmpty(Layers.Words);
            var index = Index;
            var first = SpanSearch.FirstNotBefore(words.Length, k => words[k].Token < index);
            var last = first;
            while (last < words.Length && words[last].Token == index)
            {
                last++;
            }

            return new ViewList<Word>(Document, first, last - first);
        }
    }

    /// <summary>The token's main word: the one whose head lies outside the token (the first when none does); null without the words layer.</summary>
    public Word? Word
    {
        get
        {
            var words = Words;
            if (words.Count == 0)
            {
                return null;
            }

            foreach (var w in words)
            {
                if (w.Data.Head < words[0].Index || w.Data.Head > words[^1].Index)
                {
                    return w;
                }
            }

            return words[0];
        }
    }

    /// <summary>The universal part of speech of the token's main word (<see cref="UPos.X"/> without the words layer).</summary>
    public UPos Pos => Word?.Upos ?? UPos.X;

    /// <summary>The lemma of the token's main word; the token's text without the words layer.</summary>
    public string Lemma => Word?.Lemma ?? Text;

    /// <summary>The dependency relation of the token's main word; null without the words layer.</summary>
    public string? Relation => Word?.Relation;

    /// <summary>The token holding the head of the token's main word; null for the root or without the words layer.</summary>
    public Token? Head => Word?.Head is { } head ? new Token(Document, head.Data.Token) : null;

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

    /// <summary>The sentence's syntactic words (over several trees when a run-on sentence was parsed in pieces); empty without the words layer.</summary>
    public ViewList<Word> Words
    {
        get
        {
            var words = Document.GetOrEmpty(Layers.Words);
            var firstToken = Data.FirstToken;
            var endToken = firstToken + Data.TokenCount;
            var first = SpanSearch.FirstNotBefore(words.Length, k => words[k].Token < firstToken);
            var end = SpanSearch.FirstNotBefore(words.Length, k => words[k].Token < endToken);
            return new ViewList<Word>(Document, first, end - first);
        }
    }

    /// <summary>The root word of the sentence's dependency tree (of its first piece, for a run-on sentence parsed in pieces); null without the words layer.</summary>
    public Word? Root => Words.FirstOrDefault(w => w.IsRoot) is { Document: not null } root ? root : null;

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

/// <summary>A pronoun or role noun of a document and the mention it refers to, as a view over its flat references layer.</summary>
public readonly struct Reference : IEquatable<Reference>, IAnnotationView<Reference>
{
    /// <inheritdoc/>
    public static Reference Create(Document document, int index) => new(document, index);

    internal Reference(Document document, int index)
    {
        Document = document;
        Index = index;
        Data = document.Get(Layers.References)[index];
    }

    /// <summary>The document the reference belongs to.</summary>
    public Document Document { get; }

    /// <summary>The reference's position in the references layer.</summary>
    public int Index { get; }

    /// <summary>The stored annotation.</summary>
    public ReferenceData Data { get; }

    /// <summary>The reference's characters ('he', 'the spokesperson').</summary>
    public TextSpan Span => Data.Span;

    /// <summary>The reference's text.</summary>
    public string Text => Document.GetText(Span);

    /// <summary>How its antecedent was found.</summary>
    public ReferenceKind Kind => Data.Kind;

    /// <summary>The named mention it refers to.</summary>
    public MentionData Antecedent => Document.Get(Layers.Mentions)[Data.Mention];

    /// <summary>The antecedent's text ('Shafqat Ali Khan').</summary>
    public string AntecedentText => Document.GetText(Antecedent.Span);

    /// <inheritdoc/>
    public bool Equals(Reference other) => ReferenceEquals(Document, other.Document) && Index == other.Index;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Reference r && Equals(r);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Document, Index);

    /// <inheritdoc/>
    public override string ToString() => $"{Text} -> {AntecedentText}";

    /// <summary>Equality operator.</summary>
    public static bool operator ==(Reference left, Reference right) => left.Equals(right);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(Reference left, Reference right) => !left.Equals(right);
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

/// <summary>A syntactic word of a document, as a view over its flat words layer: its tags, lemma and place in the dependency tree.</summary>
public readonly struct Word : IEquatable<Word>, IAnnotationView<Word>
{
    /// <inheritdoc/>
    public static Word Create(Document document, int index) => new(document, index);

    internal Word(Document document, int index)
    {
        Document = document;
        Index = index;
        Data = document.Get(Layers.Words)[index];
    }

    /// <summary>The document the word belongs to.</summary>
    public Document Document { get; }

    /// <summary>The word's position in the words layer.</summary>
    public int Index { get; }

    /// <summary>The stored annotation.</summary>
    public WordData Data { get; }

    /// <summary>The word's characters.</summary>
    public TextSpan Span => Data.Span;

    /// <summary>The word's text.</summary>
    public string Text => Document.GetText(Span);

    /// <summary>The universal part of speech.</summary>
    public UPos Upos => Data.Upos;

    /// <summary>The Penn Treebank tag.</summary>
    public string Xpos => Data.Xpos;

    /// <summary>The lemma.</summary>
    public string Lemma => Data.Lemma;

    /// <summary>The relation to the head, subtype included ("nsubj:pass").</summary>
    public string Relation => Data.Relation;

    /// <summary>The relation without its subtype ("nsubj" for "nsubj:pass").</summary>
    public string BaseRelation => Data.Relation.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? Data.Relation[..colon] : Data.Relation;

    /// <summary>True for the root of its sentence.</summary>
    public bool IsRoot => Data.Head < 0;

    /// <summary>The head word; null for the root.</summary>
    public Word? Head => Data.Head < 0 ? null : new Word(Document, Data.Head);

    /// <summary>The token the word comes from.</summary>
    public Token Token => new(Document, Data.Token);

    /// <summary>The words of the word's sentence.</summary>
    public ViewList<Word> SentenceWords => new(Document, Data.First, Data.Count);

    /// <summary>The word's dependents, in text order.</summary>
    public IEnumerable<Word> Children
    {
        get
        {
            var words = Document.Get(Layers.Words);
            for (var k = Data.First; k < Data.First + Data.Count; k++)
            {
                if (words[k].Head == Index)
                {
                    yield return new Word(Document, k);
                }
            }
        }
    }

    /// <summary>The first dependent whose relation is <paramref name="relation"/> or a subtype of it ("nsubj" finds "nsubj:pass"); null when none is.</summary>
    public Word? Child(string relation)
    {
        foreach (var child in Children)
        {
            var r = child.Relation;
            if (r.StartsWith(relation, StringComparison.Ordinal) && (r.Length == relation.Length || r[relation.Length] == ':'))
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>True when a dependent negates the word ("not", "n't", "never", or "no" as determiner of an object).</summary>
    public bool IsNegated => Children.Any(c => c.BaseRelation is "advmod" or "det" && c.Lemma.ToLowerInvariant() is "not" or "never" or "no" or "n't");

    /// <summary>True when <paramref name="ancestor"/> is this word or dominates it.</summary>
    public bool IsWithin(Word ancestor)
    {
        var words = Document.Get(Layers.Words);
        var k = Index;
        for (var steps = 0; k >= 0 && steps <= Data.Count; steps++)
        {
            if (k == ancestor.Index)
            {
                return true;
            }

            k = words[k].Head;
        }

        return false;
    }

    /// <summary>The characters from the first to the last word the word dominates (itself included).</summary>
    public TextSpan Subtree
    {
        get
        {
            int start = Span.Start, end = Span.End;
            foreach (var w in SentenceWords)
            {
                if (w.IsWithin(this))
                {
                    start = Math.Min(start, w.Span.Start);
                    end = Math.Max(end, w.Span.End);
                }
            }

            return new TextSpan(start, end);
        }
    }

    /// <inheritdoc/>
    public bool Equals(Word other) => ReferenceEquals(Document, other.Document) && Index == other.Index;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Word w && Equals(w);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Document, Index);

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <summary>Equality operator.</summary>
    public static bool operator ==(Word left, Word right) => left.Equals(right);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(Word left, Word right) => !left.Equals(right);
}
