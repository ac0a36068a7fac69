using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Analysis.Reporting;

/// <summary>
/// Writes the analysis JSON (contract v1, <c>ANALYSIS-JSON.md</c>): documents with their clean
/// text and metadata, and the arrays of entities, quotes, claims, figures, times, events and
/// stories. An array whose component is not built yet is present and empty; the
/// <c>pipeline</c> field says which layers were built. Offsets come twice: <c>start</c>/<c>end</c>
/// (and span arrays) in UTF-16 code units, for .NET and JavaScript, and <c>start_cp</c>/<c>end_cp</c>
/// (and <c>*_cp</c> span arrays) in Unicode code points, for Python.
/// </summary>
public static class AnalysisJsonWriter
{
    /// <summary>The contract's version.</summary>
    public const int ContractVersion = 1;

    /// <summary>The version of the fields Dossier adds beside the contract's (2: claim frames, group statements, coverage, repeated quotes, figure history; 3: two clocks per fact — when said or happened, and <c>reported</c> — time discrepancies, frame agents; 4: position changes on claim groups; 5: a claim's <c>confidence</c> is the claims' confidence model's estimate that holder, stance and content are right, no longer the rate of its way of attribution, and <c>content_negated</c> marks a denial whose words carry the negation).</summary>
    public const int SchemaVersion = 5;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="analysis"/> to <paramref name="stream"/> as UTF-8 JSON.</summary>
    public static void Write(Stream stream, CorpusAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(analysis);
        using var w = new Utf8JsonWriter(stream, Options);
        var cp = analysis.Documents.ToDictionary(d => d.Id, d => new CodePointIndex(d.Text), StringComparer.Ordinal);
        var docs = ClaimMentions.ById(analysis.Documents);
        w.WriteStartObject();
        w.WriteNumber("contract", ContractVersion);
        w.WriteNumber("dossier_schema", SchemaVersion);
        w.WriteString("offsets", "start/end: UTF-16 code units; start_cp/end_cp and *_cp spans: Unicode code points");
        WriteArray(w, "pipeline", analysis.Layers, static (w, layer) => w.WriteStringValue(layer.Name));
        WriteArray(w, "documents", analysis.Documents, (w, d) => WriteDocument(w, d, analysis.SourceOf[d.Id], cp[d.Id]));
        w.WriteNumber("independent_sources", analysis.IndependentSources);
        WriteArray(w, "entities", analysis.Entities, (w, e) => WriteEntity(w, e, cp));
        WriteArray(w, "quotes", analysis.Quotes, (w, q) =>
        {
            WriteQuote(w, q, cp[q.Document]);
            WriteClocks(w, analysis.ClockOf(q.Id), docs[q.Document], statement: true);
        });
        WriteArray(w, "claims", analysis.Claims.Select((c, k) => (c, k)).ToList(), (w, p) =>
        {
            WriteClaim(w, p.c, analysis.Propositions[p.k], cp[p.c.Document]);
            WriteClocks(w, analysis.ClockOf(p.c.Id), docs[p.c.Document], statement: true);
        });
        WriteArray(w, "claim_groups", analysis.ClaimGroups, WriteClaimGroup);
        WriteArray(w, "repeated_quotes", analysis.RepeatedQuotes, static (w, s) => WriteStatement(w, s, "quotes", q => q.Id));
        WriteArray(w, "figures", analysis.Figures, (w, f) =>
        {
            WriteFigure(w, f, cp[f.Document]);
            WriteClocks(w, analysis.ClockOf(f.Id), docs[f.Document], statement: false);
        });
        WriteArray(w, "times", analysis.Times, (w, t) => WriteTime(w, t, cp[t.Document]));
        WriteArray(w, "events", analysis.Events, (w, e) =>
        {
            WriteEvent(w, e, cp[e.Document]);
            w.WriteString("when_time", analysis.ClockOf(e.Id).When?.Time);
            WriteReported(w, docs[e.Document]);
            w.WriteEndObject();
        });
        WriteArray(w, "figure_discrepancies", analysis.Discrepancies, static (w, x) =>
        {
            w.WriteStartObject();
            w.WriteString("what", x.What);
            w.WriteString("kind", KindNames.Of(x.Kind));
            WriteArray(w, "figures", x.Figures, static (w, f) => w.WriteStringValue(f.Id));
            w.WriteEndObject();
        });
        WriteArray(w, "time_discrepancies", analysis.TimeDiscrepancies, static (w, x) =>
        {
            w.WriteStartObject();
            w.WriteString("what", x.What);
            w.WriteString("subject", x.Subject);
            WriteArray(w, "items", x.Facts, static (w, f) =>
            {
                w.WriteStartObject();
                w.WriteString("id", f.Id);
                w.WriteString("doc", f.Document);
                w.WriteString("when", f.Time.Value);
                w.WriteString("when_time", f.Time.Time);
                w.WriteString("when_text", f.Time.Text);
                w.WriteEndObject();
            });
            w.WriteEndObject();
        });
        WriteArray(w, "stories", analysis.Stories, static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteString("id", s.Id);
            w.WriteString("title", s.Title);
            WriteArray(w, "docs", s.Documents, static (w, d) => w.WriteStringValue(d));
            w.WriteEndObject();
        });

        w.WriteStartArray("errors");
        foreach (var f in analysis.Failures)
        {
            w.WriteStartObject();
            w.WriteString("source", f.Source);
            w.WriteString("code", f.Code.ToString());
            w.WriteString("message", f.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteArray<T>(Utf8JsonWriter w, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            write(w, item);
        }

        w.WriteEndArray();
    }

    private static void WriteDocument(Utf8JsonWriter w, Document d, string source, CodePointIndex cp)
    {
        var m = d.Metadata;
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteString("copy_of", source == d.Id ? null : source);
        w.WriteString("source", m.Source);
        w.WriteString("content_hash", d.ContentHash);
        w.WriteString("title", m.Title);
        w.WriteString("outlet", m.Outlet);
        w.WriteString("byline", m.Byline);
        // A date the text does not state is never given as the publication date: an undated
        // report's bound ("no earlier than the latest date it names") has a field of its own.
        w.WriteString("published", m.PublishedInferred ? null : m.Published?.ToString("yyyy-MM-dd"));
        w.WriteString("published_time", m.PublishedInferred ? null : m.PublishedTime?.ToString("HH:mm"));
        w.WriteString("published_not_before", m.PublishedInferred ? m.Published?.ToString("yyyy-MM-dd") : null);
        w.WriteBoolean("published_inferred", m.PublishedInferred);
        w.WriteString("published_evidence", m.PublishedEvidence);
        w.WriteString("url", m.Url);
        w.WriteString("language", m.Language);
        w.WriteString("encoding", m.Encoding);
        WriteArray(w, "warnings", d.Warnings, static (w, warning) => w.WriteStringValue(warning));
        w.WriteString("text", d.Text);
        WriteOptionalSpan(w, "title_span", d.TitleSpan, cp);

        WriteSpans(w, "paragraphs", [.. d.GetOrEmpty(Layers.Paragraphs).Select(p => p.Span)], cp);
        WriteSpans(w, "sentences", [.. d.GetOrEmpty(Layers.Sentences).Select(s => s.Span)], cp);
        w.WriteNumber("token_count", d.GetOrEmpty(Layers.Tokens).Length);
        w.WriteStartArray("mentions");
        foreach (var mention in d.GetOrEmpty(Layers.Mentions))
        {
            w.WriteStartObject();
            WriteOffsets(w, mention.Span, cp);
            w.WriteString("text", d.GetText(mention.Span));
            w.WriteString("label", mention.Label);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteEntity(Utf8JsonWriter w, Entity e, Dictionary<string, CodePointIndex> cp)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        WriteArray(w, "redirects", e.Redirects, static (w, id) => w.WriteStringValue(id));
        w.WriteString("name", e.Name);
        w.WriteString("type", e.Type);
        WriteArray(w, "aliases", e.Aliases, static (w, alias) => w.WriteStringValue(alias));
        if (e.Kb is { } kb)
        {
            w.WriteStartObject("kb");
            w.WriteString("id", kb.Id);
            w.WriteString("name", kb.Name);
            w.WriteString("kind", kb.Kind);
            w.WriteString("country", kb.Country);
            if (kb.Role is { } role)
            {
                w.WriteString("role", role);
            }

            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("kb");
        }

        if (e.Kb is { Latitude: { } lat, Longitude: { } lon } place)
        {
            w.WriteStartObject("geo");
            w.WriteNumber("lat", lat);
            w.WriteNumber("lon", lon);
            w.WriteString("country", place.Country);
            w.WriteNumber("population", place.Population);
            w.WriteBoolean("centroid", place.Kind == "country");
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("geo");
        }
        w.WriteStartArray("roles");
        foreach (var r in e.Roles)
        {
            w.WriteStartObject();
            w.WriteString("role", r.Role);
            w.WriteString("affiliation", r.Affiliation);
            w.WriteString("doc", r.Document);
            WriteOffsets(w, r.Span, cp[r.Document]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("mentions");
        foreach (var m in e.Mentions)
        {
            w.WriteStartObject();
            w.WriteString("doc", m.Document);
            WriteOffsets(w, m.Span, cp[m.Document]);
            w.WriteString("text", m.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteQuote(Utf8JsonWriter w, Quote q, CodePointIndex cp)
    {
        WriteStatementStart(w, q.Id, q.Document, q.Data.Span, q.Paragraph, q.Cited.Span, cp);
        w.WriteString("kind", KindNames.Of(q.Data.Kind));
        w.WriteString("speaker", q.Speaker?.Id);
        w.WriteString("speaker_text", q.SpeakerText);
        w.WriteString("speaker_name", q.Speaker?.Name);
        w.WriteString("attribution", q.Data.Attribution?.ToString());
        w.WriteNumber("confidence", q.Data.Confidence);
        WriteOptionalSpan(w, "speaker_span", q.Data.Speaker, cp);
        WriteOptionalSpan(w, "speaker_name_span", q.Data.SpeakerName, cp);
        w.WriteString("cue", q.CueText);
        WriteOptionalSpan(w, "cue_span", q.Data.Cue, cp);
    }

    private static void WriteClaim(Utf8JsonWriter w, Claim c, Proposition p, CodePointIndex cp)
    {
        WriteStatementStart(w, c.Id, c.Document, c.Data.Span, c.Paragraph, c.Cited.Span, cp);
        w.WriteString("holder", c.Holder?.Id);
        w.WriteString("holder_text", c.HolderText);
        w.WriteString("holder_name", c.Holder?.Name);
        WriteOptionalSpan(w, "holder_span", c.Data.Holder, cp);
        WriteOptionalSpan(w, "holder_name_span", c.Data.HolderName, cp);
        w.WriteString("stance", c.Data.Stance);
        w.WriteBoolean("content_negated", c.Data.NegatedContent);
        w.WriteBoolean("hedged", c.Data.Hedged);
        w.WriteString("modality", c.Data.Modality);
        w.WriteNumber("confidence", c.Data.Confidence);
        w.WriteString("proposition", c.Data.Proposition);
        w.WriteString("frame", p.Frame);
        WriteOptionalSpan(w, "frame_span", p.FrameSpan, cp);
        w.WriteString("frame_place", p.Place);
        w.WriteBoolean("frame_negated", p.Negated);
        WriteArray(w, "frame_agents", p.Agents, static (w, a) => w.WriteStringValue(a.Id));
        WriteArray(w, "proposition_entities", p.Entities, static (w, e) => w.WriteStringValue(e));
        w.WriteString("cue", c.CueText);
        WriteOptionalSpan(w, "cue_span", c.Data.Cue, cp);
    }

    private static void WriteClaimGroup(Utf8JsonWriter w, ClaimGroup g)
    {
        w.WriteStartObject();
        w.WriteString("id", g.Id);
        w.WriteString("proposition", g.Proposition);
        w.WriteString("status", KindNames.Of(g.Status));
        w.WriteString("frame", g.Frame);
        WriteArray(w, "places", g.Places, static (w, p) => w.WriteStringValue(p));
        w.WriteNumber("holders", g.Statements.Select(s => s.HolderKey).Distinct(StringComparer.Ordinal).Count());
        WriteArray(w, "statements", g.Statements, static (w, s) => WriteStatement(w, s, "claims", c => c.Id));
        WriteArray(w, "changes", g.Changes, static (w, c) =>
        {
            w.WriteStartObject();
            w.WriteString("holder", c.Holder);
            w.WriteString("holder_key", c.HolderKey);
            foreach (var (name, claim, reported) in (ReadOnlySpan<(string, Claim, Carrier)>)[("from", c.From, c.FromReported), ("to", c.To, c.ToReported)])
            {
                w.WritePropertyName(name);
                w.WriteStartObject();
                w.WriteString("claim", claim.Id);
                w.WriteString("stance", claim.Data.Stance);
                w.WritePropertyName("reported");
                WriteCarrier(w, reported);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        });
        WriteArray(w, "coverage", g.Coverage, static (w, c) =>
        {
            w.WriteStartObject();
            w.WriteString("doc", c.Document);
            w.WriteString("stance", c.Stance);
            w.WriteNumber("confidence", c.Confidence);
            w.WriteNumber("related", c.Related);
            w.WriteBoolean("holds_claim", c.HoldsClaim);
            w.WriteEndObject();
        });
        WriteArray(w, "positions", g.Claims, static (w, c) =>
        {
            w.WriteStartObject();
            w.WriteString("claim", c.Id);
            w.WriteString("doc", c.Document);
            w.WriteString("holder", c.Holder?.Id);
            w.WriteString("holder_text", c.HolderText);
            w.WriteString("stance", c.Data.Stance);
            w.WriteEndObject();
        });
        w.WriteEndObject();
    }

    /// <summary>A statement: its holder, its items, its carriers earliest first and who reported it first.</summary>
    private static void WriteStatement<T>(Utf8JsonWriter w, Statement<T> s, string items, Func<T, string> id)
    {
        w.WriteStartObject();
        w.WriteString("holder", s.Holder);
        w.WriteString("holder_key", s.HolderKey);
        WriteArray(w, items, s.Items, (w, item) => w.WriteStringValue(id(item)));
        WriteArray(w, "carriers", s.Carriers, static (w, c) => WriteCarrier(w, c));
        if (s.FirstReporter is { } first)
        {
            w.WritePropertyName("first_reported");
            WriteCarrier(w, first);
        }
        else
        {
            w.WriteNull("first_reported");
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// A fact's two clocks, and closes its object: when it was said or happened as its text dates it
    /// (a statement's <c>said_when</c> and <c>content_when</c>, a figure's <c>when</c>, each with the
    /// time expression's id), then <c>reported</c>, when and by whom its document published it.
    /// </summary>
    private static void WriteClocks(Utf8JsonWriter w, FactClock clock, Document d, bool statement)
    {
        if (statement)
        {
            w.WriteString("said_when", clock.When?.Value);
            w.WriteString("said_when_time", clock.When?.Time);
            w.WriteString("content_when", clock.Within?.Value);
            w.WriteString("content_when_time", clock.Within?.Time);
        }
        else
        {
            w.WriteString("when", clock.When?.Value);
            w.WriteString("when_time", clock.When?.Time);
        }

        WriteReported(w, d);
        w.WriteEndObject();
    }

    /// <summary>The second clock: the document's publication date (<c>not_before</c> when only a lower bound is known) and outlet.</summary>
    private static void WriteReported(Utf8JsonWriter w, Document d)
    {
        var m = d.Metadata;
        w.WriteStartObject("reported");
        w.WriteString("doc", d.Id);
        w.WriteString("published", m.PublishedInferred ? null : ReReporting.CarrierOf(d).When);
        w.WriteString("not_before", m.PublishedInferred ? m.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null);
        w.WriteString("outlet", m.Outlet);
        w.WriteEndObject();
    }

    private static void WriteCarrier(Utf8JsonWriter w, Carrier c)
    {
        w.WriteStartObject();
        w.WriteString("doc", c.Document);
        w.WriteString("outlet", c.Outlet);
        w.WriteString("published", c.When);
        w.WriteEndObject();
    }

    private static void WriteFigure(Utf8JsonWriter w, FigureFact f, CodePointIndex cp)
    {
        WriteStatementStart(w, f.Id, f.Document, f.Data.Span, f.Paragraph, f.Cited.Span, cp);
        if (f.Data.Value is { } value)
        {
            w.WriteNumber("value", value);
        }
        else
        {
            w.WriteNull("value");
        }

        if (f.Data.High is { } high)
        {
            w.WriteNumber("value_high", high);
        }

        w.WriteString("unit", f.Data.Unit);
        w.WriteBoolean("approx", f.Data.Approximate);
        w.WriteString("what", f.Data.What);
        WriteOptionalSpan(w, "what_span", f.Data.WhatSpan, cp);
        w.WriteString("entity", f.Entity?.Id);
        w.WriteString("event", f.Event);
    }

    private static void WriteTime(Utf8JsonWriter w, TimeFact t, CodePointIndex cp)
    {
        WriteStatementStart(w, t.Id, t.Document, t.Data.Span, t.Paragraph, t.Cited.Span, cp);
        w.WriteString("type", t.Data.Type);
        w.WriteString("value", t.Data.Value);
        w.WriteString("mod", t.Data.Mod);
        w.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter w, EventFact e, CodePointIndex cp)
    {
        WriteStatementStart(w, e.Id, e.Document, e.Data.Span, e.Paragraph, e.Cited.Span, cp);
        w.WriteString("code", e.Data.Code);
        w.WriteString("label", e.Data.Label);
        w.WriteString("trigger", e.Trigger);
        WriteOptionalSpan(w, "trigger_span", e.Data.Trigger, cp);
        w.WriteString("actor", e.Actor?.Id);
        w.WriteString("actor_text", e.ActorText);
        WriteOptionalSpan(w, "actor_span", e.Data.Actor, cp);
        w.WriteString("target", e.Target?.Id);
        w.WriteString("target_text", e.TargetText);
        WriteOptionalSpan(w, "target_span", e.Data.Target, cp);
        w.WriteString("when", e.Data.When);
        w.WriteString("mode", e.Data.Mode.ToString().ToLowerInvariant());
        w.WriteNumber("confidence", e.Data.Confidence);
        w.WriteString("happening", e.Data.Happening >= 0 ? $"{e.Document}:h{e.Data.Happening + 1}" : null);
        w.WriteString("where", e.Where?.Id);
        w.WriteString("where_text", e.WhereText);
        WriteOptionalSpan(w, "where_span", e.Data.Where, cp);
    }

    /// <summary>Opens a statement's or fact's object with the fields they share: id, document, characters, paragraph (1-based) and text.</summary>
    private static void WriteStatementStart(Utf8JsonWriter w, string id, string document, TextSpan span, int paragraph, ReadOnlySpan<char> text, CodePointIndex cp)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("doc", document);
        WriteOffsets(w, span, cp);
        w.WriteNumber("paragraph", paragraph + 1);
        w.WriteString("text", text);
    }

    /// <summary>An item's <c>start</c> and <c>end</c> in UTF-16 code units, then <c>start_cp</c> and <c>end_cp</c> in code points.</summary>
    private static void WriteOffsets(Utf8JsonWriter w, TextSpan span, CodePointIndex cp)
    {
        w.WriteNumber("start", span.Start);
        w.WriteNumber("end", span.End);
        w.WriteNumber("start_cp", cp.At(span.Start));
        w.WriteNumber("end_cp", cp.At(span.End));
    }

    /// <summary>A span as <c>[start, end]</c> in UTF-16 code units under <paramref name="name"/>, and in code points under <paramref name="name"/><c>_cp</c>; null for both when there is none.</summary>
    private static void WriteOptionalSpan(Utf8JsonWriter w, string name, TextSpan? span, CodePointIndex cp)
    {
        if (span is { } s)
        {
            w.WritePropertyName(name);
            WriteSpan(w, s.Start, s.End);
            w.WritePropertyName(name + "_cp");
            WriteSpan(w, cp.At(s.Start), cp.At(s.End));
        }
        else
        {
            w.WriteNull(name);
            w.WriteNull(name + "_cp");
        }
    }

    /// <summary>Spans as <c>[start, end]</c> arrays in UTF-16 code units under <paramref name="name"/>, and in code points under <paramref name="name"/><c>_cp</c>.</summary>
    private static void WriteSpans(Utf8JsonWriter w, string name, IReadOnlyList<TextSpan> spans, CodePointIndex cp)
    {
        w.WriteStartArray(name);
        foreach (var s in spans)
        {
            WriteSpan(w, s.Start, s.End);
        }

        w.WriteEndArray();
        w.WriteStartArray(name + "_cp");
        foreach (var s in spans)
        {
            WriteSpan(w, cp.At(s.Start), cp.At(s.End));
        }

        w.WriteEndArray();
    }

    private static void WriteSpan(Utf8JsonWriter w, int start, int end)
    {
        w.WriteStartArray();
        w.WriteNumberValue(start);
        w.WriteNumberValue(end);
        w.WriteEndArray();
    }
}
