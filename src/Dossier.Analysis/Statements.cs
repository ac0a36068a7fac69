using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Analysis;

/// <summary>A quote of one document, with its speaker linked to an entity where a mention names them.</summary>
/// <param name="Id">Its stable id: <c>q:</c>document<c>:</c>offset (<see cref="StableIds"/>).</param>
/// <param name="Document">The document id.</param>
/// <param name="Data">The quote as the component found it (spans into the document's text).</param>
/// <param name="Cited">The quoted or reported words: the document's own characters (a slice of its text, never a copy).</param>
/// <param name="SpeakerText">The speaker as written at the quote ("he", "the spokesperson"), or null.</param>
/// <param name="Speaker">The entity that spoke (by id), or null when no mention names them.</param>
/// <param name="CueText">The cue as written ("said", "according to"), or null.</param>
/// <param name="Paragraph">The index of the paragraph the quote starts in.</param>
public sealed record Quote(string Id, string Document, QuoteData Data, ReadOnlyMemory<char> Cited, string? SpeakerText, EntityRef? Speaker, string? CueText, int Paragraph)
{
    /// <summary>The quoted or reported words, as a string.</summary>
    public string Text => Cited.ToString();

    /// <summary>Who spoke, for a reader: the entity's name, else the words at the quote, else "unattributed".</summary>
    public string SpeakerLabel => Speaker?.Name ?? SpeakerText ?? "unattributed";
}

/// <summary>A claim of one document, with its holder linked to an entity where a mention names them.</summary>
/// <param name="Id">Its stable id: <c>c:</c>document<c>:</c>offset.</param>
/// <param name="Document">The document id.</param>
/// <param name="Data">The claim as the component found it.</param>
/// <param name="Cited">The claim's content as written: the document's own characters (a slice of its text, never a copy).</param>
/// <param name="HolderText">The holder as written at the claim, or null.</param>
/// <param name="Holder">The entity that holds the claim (by id), or null.</param>
/// <param name="CueText">The cue as written, or null.</param>
/// <param name="Paragraph">The index of the paragraph the claim starts in.</param>
public sealed record Claim(string Id, string Document, ClaimData Data, ReadOnlyMemory<char> Cited, string? HolderText, EntityRef? Holder, string? CueText, int Paragraph)
{
    /// <summary>The claim's content as written, as a string.</summary>
    public string Text => Cited.ToString();

    /// <summary>Who holds the claim, for a reader.</summary>
    public string HolderLabel => Holder?.Name ?? HolderText ?? "unattributed";
}

/// <summary>Collects the quotes and claims of the documents and links their speakers and holders to entities.</summary>
internal static class Statements
{
    /// <summary>The quotes and claims of <paramref name="documents"/>, in document and text order, with stable ids.</summary>
    public static (IReadOnlyList<Quote> Quotes, IReadOnlyList<Claim> Claims) Collect(IReadOnlyList<Document> documents, IReadOnlyList<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(entities);
        var index = new EntityIndex(entities);
        var quotes = new List<Quote>();
        var claims = new List<Claim>();
        foreach (var d in documents)
        {
            foreach (var q in d.GetOrEmpty(Layers.Quotes))
            {
                quotes.Add(new Quote(string.Empty, d.Id, q, Cite(d, q.Span), Text(d, q.Speaker), index.Find(d, q.SpeakerName)?.Ref, Text(d, q.Cue), ParagraphOf(d, q.Span)));
            }

            foreach (var c in d.GetOrEmpty(Layers.Claims))
            {
                claims.Add(new Claim(string.Empty, d.Id, c, Cite(d, c.Span), Text(d, c.Holder), index.Find(d, c.HolderName)?.Ref, Text(d, c.Cue), ParagraphOf(d, c.Span)));
            }
        }

        return (StableIds.Assign(quotes, q => StableIds.Of('q', q.Document, q.Data.Span.Start), (q, id) => q with { Id = id }),
            StableIds.Assign(claims, c => StableIds.Of('c', c.Document, c.Data.Span.Start), (c, id) => c with { Id = id }));
    }

    internal static string? Text(Document d, TextSpan? span) => span is { } s ? string.Join(' ', d.GetText(s).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : null;

    /// <summary>The characters a span covers, as a slice of the document's text (no copy).</summary>
    internal static ReadOnlyMemory<char> Cite(Document d, TextSpan span) => d.Text.AsMemory(span.Start, span.Length);

    /// <summary>The index of the paragraph holding the span's start (binary search; 0 when none does).</summary>
    internal static int ParagraphOf(Document d, TextSpan span)
    {
        var paragraphs = d.GetOrEmpty(Layers.Paragraphs);
        var found = SpanSearch.FirstNotBefore(paragraphs.Length, k => paragraphs[k].Span.Start <= span.Start) - 1;
        return found >= 0 && paragraphs[found].Span.Contains(span.Start) ? found : 0;
    }
}

/// <summary>Which entity a mention belongs to; a nationality speaking for its state ("Afghan officials deny …") resolves to the country's entity when the corpus names it.</summary>
internal sealed class EntityIndex
{
    private readonly Dictionary<(string, TextSpan), Entity> _byMention = [];
    private readonly Dictionary<string, Entity> _countries;

    public EntityIndex(IReadOnlyList<Entity> entities)
    {
        foreach (var e in entities)
        {
            foreach (var m in e.Mentions)
            {
                _byMention[(m.Document, m.Span)] = e;
            }
        }

        _countries = entities.Where(e => e.Kb is { Kind: "country", Country: not null }).GroupBy(e => e.Kb!.Country!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>The entity of the mention at <paramref name="span"/> in <paramref name="d"/>, or null.</summary>
    public Entity? Find(Document d, TextSpan? span)
    {
        if (span is not { } s || !_byMention.TryGetValue((d.Id, s), out var e))
        {
            return null;
        }

        return e.Type == "NORP" && Dossier.Knowledge.Demonyms.CountryCodes.TryGetValue(d.GetText(s), out var code) && _countries.TryGetValue(code, out var country) ? country : e;
    }
}
