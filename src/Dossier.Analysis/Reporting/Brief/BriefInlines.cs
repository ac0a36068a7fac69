using System.Collections;

namespace Dossier.Analysis.Reporting.Brief;

/// <summary>
/// A piece of the brief's running text. Each renderer writes every kind in its own format; none
/// reads another's output, so article text can never turn into formatting, markup or a link.
/// </summary>
internal abstract record BriefInline;

/// <summary>Words Dossier writes itself (the brief's wording, counts, dates, ids, the stance and type vocabularies), written as they are.</summary>
internal sealed record Prose(string Text) : BriefInline;

/// <summary>
/// Text from an article, its metadata or an input (titles, quotes, names, sources, messages):
/// shown as itself in every format, on one line, control characters as escapes; each renderer
/// escapes all of it for its format.
/// </summary>
internal sealed record Literal(string Text) : BriefInline
{
    /// <summary>What the reader sees: the text on one line (runs of white space made one space), control characters written as <c>\uXXXX</c>.</summary>
    public string Shown => ShownText.OneLine(Text);
}

/// <summary>Emphasised text (italic).</summary>
internal sealed record Emphasis(IReadOnlyList<BriefInline> Content) : BriefInline;

/// <summary>Strong text (bold).</summary>
internal sealed record Strong(IReadOnlyList<BriefInline> Content) : BriefInline;

/// <summary>A name from Dossier's own vocabulary shown as code (an option, a JSON field).</summary>
internal sealed record Code(string Text) : BriefInline;

/// <summary>A document id, shown as code; in HTML a link to the document's text.</summary>
internal sealed record DocumentRef(string Document) : BriefInline;

/// <summary>A citation of a document's paragraph (<paramref name="Paragraph"/> counts from 1): <c>[doc ¶n]</c>; in HTML a link to that paragraph.</summary>
internal sealed record Citation(string Document, int Paragraph) : BriefInline;

/// <summary>The text of a line, a cell or a heading: inlines in order, appended by the builder (fluent) and read-only after.</summary>
internal sealed class Run : IReadOnlyList<BriefInline>
{
    private readonly List<BriefInline> _items = [];

    /// <summary>Appends Dossier's own words (nothing when empty).</summary>
    public Run Prose(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0)
        {
            _items.Add(new Prose(text));
        }

        return this;
    }

    /// <summary>Appends article or metadata text, shown literally.</summary>
    public Run Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _items.Add(new Literal(text));
        return this;
    }

    /// <summary>
    /// Appends article text in curly quotes, on one line and cut to <paramref name="max"/>
    /// characters (an ellipsis marks the cut): “text”.
    /// </summary>
    public Run Quote(string text, int max)
    {
        var shown = ShownText.OneLine(text);
        _items.Add(new Prose("“"));
        if (shown.Length > max)
        {
            _items.Add(new Literal(shown[..max].TrimEnd()));
            _items.Add(new Prose("…"));
        }
        else
        {
            _items.Add(new Literal(shown));
        }

        _items.Add(new Prose("”"));
        return this;
    }

    /// <summary>Appends emphasised content.</summary>
    public Run Emphasis(Run content)
    {
        _items.Add(new Emphasis(content));
        return this;
    }

    /// <summary>Appends strong content.</summary>
    public Run Strong(Run content)
    {
        _items.Add(new Strong(content));
        return this;
    }

    /// <summary>Appends a name shown as code.</summary>
    public Run Code(string text)
    {
        _items.Add(new Code(text));
        return this;
    }

    /// <summary>Appends a document id.</summary>
    public Run Document(string document)
    {
        _items.Add(new DocumentRef(document));
        return this;
    }

    /// <summary>Appends a citation of paragraph <paramref name="paragraphIndex"/> (counted from 0, shown from 1).</summary>
    public Run Cite(string document, int paragraphIndex)
    {
        _items.Add(new Citation(document, paragraphIndex + 1));
        return this;
    }

    /// <summary>Appends every inline of <paramref name="other"/>.</summary>
    public Run Append(IEnumerable<BriefInline> other)
    {
        _items.AddRange(other);
        return this;
    }

    /// <summary>Appends each of <paramref name="items"/>, <paramref name="separator"/> (Dossier's words) between them.</summary>
    public Run Join<T>(string separator, IEnumerable<T> items, Action<Run, T> append)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(append);
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                Prose(separator);
            }

            append(this, item);
            first = false;
        }

        return this;
    }

    /// <inheritdoc/>
    public int Count => _items.Count;

    /// <inheritdoc/>
    public BriefInline this[int index] => _items[index];

    /// <inheritdoc/>
    public IEnumerator<BriefInline> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>How article text is shown in every format, before the format's own escaping.</summary>
internal static class ShownText
{
    /// <summary>The text on one line (runs of white space, newlines included, made one space), control characters written as <c>\uXXXX</c>.</summary>
    public static string OneLine(string text) =>
        Dossier.Text.Printable.Escape(string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
}
