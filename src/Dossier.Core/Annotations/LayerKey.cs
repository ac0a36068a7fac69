namespace Dossier.Annotations;

/// <summary>Names an annotation layer of a <see cref="Document"/>; components declare the layers they need and add by key.</summary>
public abstract class LayerKey
{
    private protected LayerKey(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The layer's name, as used in messages and storage.</summary>
    public string Name { get; }

    /// <summary>The type of the layer's items.</summary>
    public abstract Type ItemType { get; }

    /// <summary>How many items a layer's array (as a document stores it) holds, and the characters their spans cover together.</summary>
    internal abstract (int Count, long Chars) Measure(object items);

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>A layer whose items are <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The annotation type.</typeparam>
public sealed class LayerKey<T> : LayerKey
    where T : struct, IAnnotation
{
    /// <summary>Creates a key; keys are compared by reference, so define each once (see <see cref="Layers"/>).</summary>
    public LayerKey(string name)
        : base(name)
    {
    }

    /// <inheritdoc/>
    public override Type ItemType => typeof(T);

    /// <inheritdoc/>
    internal override (int Count, long Chars) Measure(object items)
    {
        var array = (System.Collections.Immutable.ImmutableArray<T>)items;
        long chars = 0;
        foreach (var item in array)
        {
            chars += item.Span.Length;
        }

        return (array.Length, chars);
    }
}

/// <summary>The layers of the document model.</summary>
public static class Layers
{
    /// <summary>Paragraphs, in text order.</summary>
    public static readonly LayerKey<ParagraphData> Paragraphs = new("paragraphs");

    /// <summary>Tokens, in text order, never overlapping.</summary>
    public static readonly LayerKey<TokenData> Tokens = new("tokens");

    /// <summary>Sentences, in text order, each inside one paragraph.</summary>
    public static readonly LayerKey<SentenceData> Sentences = new("sentences");

    /// <summary>Syntactic words with tags, lemmas and dependency trees, in text order.</summary>
    public static readonly LayerKey<WordData> Words = new("words");

    /// <summary>Named and numeric mentions.</summary>
    public static readonly LayerKey<MentionData> Mentions = new("mentions");

    /// <summary>Pronouns and role nouns with the mention each refers to, in text order.</summary>
    public static readonly LayerKey<ReferenceData> References = new("references");

    /// <summary>Time expressions.</summary>
    public static readonly LayerKey<TimeData> Times = new("times");

    /// <summary>Figures.</summary>
    public static readonly LayerKey<FigureData> Figures = new("figures");

    /// <summary>Quotes.</summary>
    public static readonly LayerKey<QuoteData> Quotes = new("quotes");

    /// <summary>Claims.</summary>
    public static readonly LayerKey<ClaimData> Claims = new("claims");

    /// <summary>Events.</summary>
    public static readonly LayerKey<EventData> Events = new("events");
}
