using Dossier.Annotations;
using Dossier.Nlp.Events;
using Dossier.Text;

namespace Dossier.Analysis;

/// <summary>A time expression of one document.</summary>
/// <param name="Id">Its stable id: <c>t:</c>document<c>:</c>offset (<see cref="StableIds"/>).</param>
/// <param name="Document">The document id.</param>
/// <param name="Data">The expression as the component found it.</param>
/// <param name="Cited">The expression as written: a slice of the document's text, never a copy.</param>
/// <param name="Paragraph">The index of its paragraph.</param>
public sealed record TimeFact(string Id, string Document, TimeData Data, ReadOnlyMemory<char> Cited, int Paragraph)
{
    /// <summary>The expression as written, as a string.</summary>
    public string Text => Cited.ToString();
}

/// <summary>A figure of one document, with the entity named in what it counts and the event its sentence reports.</summary>
/// <param name="Id">Its stable id: <c>f:</c>document<c>:</c>offset.</param>
/// <param name="Document">The document id.</param>
/// <param name="Data">The figure as the component found it.</param>
/// <param name="Cited">The figure as written: a slice of the document's text, never a copy.</param>
/// <param name="Paragraph">The index of its paragraph.</param>
/// <param name="Entity">The entity a name in the counted words refers to ('13 United States military service members' → United States), or null.</param>
/// <param name="Event">The id of the event of the same sentence whose trigger is nearest, or null.</param>
public sealed record FigureFact(string Id, string Document, FigureData Data, ReadOnlyMemory<char> Cited, int Paragraph, EntityRef? Entity = null, string? Event = null)
{
    /// <summary>The figure as written, as a string.</summary>
    public string Text => Cited.ToString();
}

/// <summary>An event of one document, its actor, target and place linked to entities where mentions name them.</summary>
/// <param name="Id">Its stable id: <c>v:</c>document<c>:</c>offset of its trigger (of its sentence when it has none); a second event of one trigger gets <c>.2</c>.</param>
/// <param name="Document">The document id.</param>
/// <param name="Data">The event as the component found it.</param>
/// <param name="Cited">The evidence, the sentence: a slice of the document's text, never a copy (a sentence of ten thousand verbs has ten thousand events).</param>
/// <param name="Trigger">The verb or noun as written.</param>
/// <param name="ActorText">The actor as written, or null.</param>
/// <param name="Actor">The actor's entity, or null.</param>
/// <param name="TargetText">The target as written, or null.</param>
/// <param name="Target">The target's entity, or null.</param>
/// <param name="WhereText">The place as written, or null.</param>
/// <param name="Where">The place's entity, or null.</param>
/// <param name="Paragraph">The index of its paragraph.</param>
public sealed record EventFact(string Id, string Document, EventData Data, ReadOnlyMemory<char> Cited, string? Trigger, string? ActorText, EntityRef? Actor, string? TargetText, EntityRef? Target, string? WhereText, EntityRef? Where, int Paragraph)
{
    /// <summary>The evidence as a string.</summary>
    public string Text => Cited.ToString();

    /// <summary>
    /// True when the brief may show it: reported as having happened, coded surely enough (see
    /// <see cref="EventComponent.ShownConfidence"/>), and between two parties. An act whose actor
    /// and target are one entity ('Clinton → him' where coreference took 'him' for Clinton) is a
    /// wrong reading: a pronoun other than a reflexive does not name its own clause's subject.
    /// </summary>
    public bool IsShown => Data.Mode == EventMode.Asserted && Data.Confidence >= EventComponent.ShownConfidence
        && !(Actor is { } a && Target is { } t && string.Equals(a.Id, t.Id, StringComparison.Ordinal));
}

/// <summary>Collects the times, figures and events of the documents, with stable ids.</summary>
internal static class Facts
{
    /// <summary>Every time expression, in document and text order.</summary>
    public static IReadOnlyList<TimeFact> Times(IReadOnlyList<Document> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var all = new List<TimeFact>();
        foreach (var d in documents)
        {
            all.AddRange(d.GetOrEmpty(Layers.Times).Select(t => new TimeFact(string.Empty, d.Id, t, Statements.Cite(d, t.Span), Statements.ParagraphOf(d, t.Span))));
        }

        return StableIds.Assign(all, f => StableIds.Of('t', f.Document, f.Data.Span.Start), (f, id) => f with { Id = id });
    }

    /// <summary>Every figure, in document and text order, linked to the entity its counted words name and the nearest event of its sentence.</summary>
    public static IReadOnlyList<FigureFact> Figures(IReadOnlyList<Document> documents, IReadOnlyList<Entity> entities, IReadOnlyList<EventFact> events)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(events);
        var index = new EntityIndex(entities);
        var eventsOf = events.ToLookup(e => e.Document, StringComparer.Ordinal);
        var all = new List<FigureFact>();
        foreach (var d in documents)
        {
            var mentions = d.GetOrEmpty(Layers.Mentions).Where(m => MentionLabels.Named.Contains(m.Label)).ToList();
            var sentences = eventsOf[d.Id].Where(e => e.Data.Trigger is not null).GroupBy(e => e.Data.Span).ToList();
            foreach (var f in d.GetOrEmpty(Layers.Figures))
            {
                var named = f.WhatSpan is { } what ? SpanSearch.Within(mentions, what).FirstOrDefault() : default;
                var entity = named.Label is null ? null : index.Find(d, named.Span)?.Ref;
                var evt = SentenceOf(sentences, f.Span)?.OrderBy(e => Math.Abs(e.Data.Trigger!.Value.Start - f.Span.Start)).FirstOrDefault();
                all.Add(new FigureFact(string.Empty, d.Id, f, Statements.Cite(d, f.Span), Statements.ParagraphOf(d, f.Span), entity, evt?.Id));
            }
        }

        return StableIds.Assign(all, f => StableIds.Of('f', f.Document, f.Data.Span.Start), (f, id) => f with { Id = id });
    }

    /// <summary>Every event, in document and text order, with actors, targets and places linked to entities.</summary>
    public static IReadOnlyList<EventFact> Events(IReadOnlyList<Document> documents, IReadOnlyList<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(entities);
        var index = new EntityIndex(entities);
        var all = new List<EventFact>();
        foreach (var d in documents)
        {
            all.AddRange(d.GetOrEmpty(Layers.Events).Select(e => new EventFact(
                string.Empty, d.Id, e, Statements.Cite(d, e.Span), Statements.Text(d, e.Trigger),
                Statements.Text(d, e.Actor), index.Find(d, e.Actor)?.Ref, Statements.Text(d, e.Target), index.Find(d, e.Target)?.Ref,
                Statements.Text(d, e.Where), index.Find(d, e.Where)?.Ref, Statements.ParagraphOf(d, e.Span))));
        }

        return StableIds.Assign(all, e => StableIds.Of('v', e.Document, (e.Data.Trigger ?? e.Data.Span).Start), (e, id) => e with { Id = id });
    }

    /// <summary>The events of the sentence (events grouped by their span, in text order) that holds <paramref name="span"/>, found by binary search; null when none does.</summary>
    private static IGrouping<TextSpan, EventFact>? SentenceOf(List<IGrouping<TextSpan, EventFact>> sentences, TextSpan span)
    {
        var found = SpanSearch.FirstNotBefore(sentences.Count, k => sentences[k].Key.Start <= span.Start) - 1;
        return found >= 0 && sentences[found].Key.Contains(span) ? sentences[found] : null;
    }
}
