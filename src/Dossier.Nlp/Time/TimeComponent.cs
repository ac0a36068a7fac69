using Dossier.Annotations;
using Dossier.Nlp.Syntax;
using Dossier.Text;

namespace Dossier.Nlp.Time;

/// <summary>
/// Adds the time layer: every date, time, duration and set, normalised against the document's
/// publication date (<see cref="TimeTagger"/>). When the document states no date, its metadata gets
/// an inferred one — the latest date the text names, a date the report cannot precede — marked
/// as inferred with the evidence; relative expressions are not resolved against it. When the
/// document is parsed (the words layer, which runs before this component in the default
/// pipeline), the tense of each expression's clause comes from the tree (<see cref="ClauseTense"/>).
/// </summary>
internal sealed class TimeComponent : IDocumentComponent
{
    private readonly TimeTagger _tagger;

    /// <summary>Creates the component (the shipped tagger by default).</summary>
    public TimeComponent(TimeTagger? tagger = null) => _tagger = tagger ?? TimeTagger.Default;

    /// <inheritdoc/>
    public string Name => "times";

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Needs { get; } = [Layers.Tokens, Layers.Sentences];

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Adds { get; } = [Layers.Times];

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Get(Layers.Tokens);
        var parsed = !document.GetOrEmpty(Layers.Words).IsEmpty;
        // The tagger reads the sentences one by one, so the document's clock is looked at between them.
        var sentences = document.Get(Layers.Sentences).Select(s =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            IReadOnlyList<TextSpan> spans = [.. Enumerable.Range(s.FirstToken, s.TokenCount).Select(t => tokens[t].Span)];
            Func<int, Tense>? tenseOf = parsed ? k => Token.Create(document, s.FirstToken + k).Word is { } w ? ClauseTense.Of(w) : Tense.Unknown : null;
            return (spans, tenseOf);
        });
        var published = document.Metadata.PublishedInferred ? null : document.Metadata.Published;
        var found = _tagger.Tag(document.Text, sentences, published);
        document.Set(Layers.Times, [.. found.Select(t => new TimeData(t.Span, t.Type, t.Value, t.Mod))]);
        if (published is null && NotBefore(document.Text, found) is { } bound)
        {
            document.Metadata = document.Metadata with { Published = bound.Date, PublishedInferred = true, PublishedEvidence = bound.Evidence };
        }
    }

    /// <summary>
    /// For a report without a stated date: the latest calendar date it names, which the report
    /// cannot precede (a month or year named counts from its first day). Relative expressions are
    /// never resolved against it.
    /// </summary>
    public static (DateOnly Date, string Evidence)? NotBefore(string text, IEnumerable<TimeExpression> times)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(times);
        (DateOnly Date, TimeExpression Time)? latest = null;
        foreach (var t in times)
        {
            if (t.Type != "DATE" || t.Value is not { } v || !char.IsAsciiDigit(v[0]))
            {
                continue;
            }

            var parts = v.Split('-');
            if (parts.Length > 3 || !parts.All(p => p.All(char.IsAsciiDigit)) || parts[0].Length != 4)
            {
                continue;
            }

            // A value arithmetic has taken out of the calendar ("11/2016 years earlier" is year 0) bounds nothing.
            var (year, month, day) = (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 1, parts.Length > 2 ? int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) : 1);
            if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                continue;
            }

            var date = new DateOnly(year, month, day);
            if (latest is null || date > latest.Value.Date)
            {
                latest = (date, t);
            }
        }

        if (latest is not { } l)
        {
            return null;
        }

        var words = text[l.Time.Span.Start..l.Time.Span.End];
        return (l.Date, $"not stated; no earlier than the latest date the text names, '{words}' (characters {l.Time.Span.Start}–{l.Time.Span.End})");
    }
}
