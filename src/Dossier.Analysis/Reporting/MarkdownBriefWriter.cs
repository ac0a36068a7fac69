using System.Text;
using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Analysis.Reporting;

/// <summary>
/// Writes the brief as Markdown: the sources with their metadata and counts, the lead of each
/// with a citation, and the sections of the analysis; a section whose components are not built
/// yet says so instead of showing anything invented.
/// </summary>
public static class MarkdownBriefWriter
{
    private const int MaxSpeakers = 15;
    private const int MaxStatements = 6;
    private const int MaxStatementLength = 220;

    /// <summary>Writes the brief.</summary>
    public static void Write(TextWriter output, CorpusAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(analysis);
        var docs = analysis.Documents;
        output.WriteLine("# Dossier brief");
        output.WriteLine();
        output.WriteLine($"{Plural(docs.Count, "document")} read, {analysis.Failures.Count} failed. Built: {string.Join(", ", analysis.Layers.Select(l => l.Name))}.");
        output.WriteLine();

        output.WriteLine("## Sources");
        output.WriteLine();
        output.WriteLine("| Doc | Title | Outlet | Published | Paragraphs | Sentences | Tokens |");
        output.WriteLine("|---|---|---|---|--:|--:|--:|");
        foreach (var d in docs)
        {
            var m = d.Metadata;
            var published = m.Published is { } p ? (m.PublishedInferred ? $"not before {p:yyyy-MM-dd} (inferred)" : p.ToString("yyyy-MM-dd")) : "—";
            output.WriteLine($"| {d.Id} | {Cell(m.Title)} | {Cell(m.Outlet)} | {published} | {d.Paragraphs.Count} | {d.Sentences.Count} | {d.Tokens.Count} |");
        }

        output.WriteLine();
        foreach (var d in docs)
        {
            var copy = analysis.SourceOf.TryGetValue(d.Id, out var first) && first != d.Id ? $" — a near-copy of `{first}`" : string.Empty;
            output.WriteLine($"- `{d.Id}` {Inline(d.Metadata.Source ?? "(no source)")}{copy}");
        }

        output.WriteLine();
        output.WriteLine($"{Plural(analysis.IndependentSources, "independent source")} among {Plural(docs.Count, "document")} (near-copies of one text count once).");

        output.WriteLine();
        output.WriteLine("## Stories");
        output.WriteLine();
        foreach (var story in analysis.Stories)
        {
            output.WriteLine($"- {story.Id}: **{Inline(story.Title)}** — {Plural(story.Documents.Count, "document")}: {string.Join(", ", story.Documents.Select(d => $"`{d}`"))}");
        }

        // One brief per story: its summary, actors, statements, disputes, figures and timeline.
        var index = new ByDocument(analysis);
        foreach (var story in analysis.Stories)
        {
            var scope = new Scope(analysis, index, story.Documents);
            output.WriteLine();
            output.WriteLine($"## Story {story.Id}: {Inline(story.Title)}");
            WriteSummary(output, scope);
            WriteActors(output, scope);
            WriteWhoSaidWhat(output, scope);
            WriteClaimGroups(output, scope);
            WriteRepeatedQuotes(output, scope);
            WriteFigures(output, scope);
            WriteTimeline(output, scope);
            WriteStorySources(output, scope);
        }

        if (analysis.Failures.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("## Inputs that could not be read");
            output.WriteLine();
            foreach (var f in analysis.Failures)
            {
                output.WriteLine($"- {Inline(f.Source)}: {Inline(f.Message)} ({f.Code})");
            }
        }
    }

    private const int MaxActors = 30;

    private const int MaxSummary = 5;

    /// <summary>The analysis's statements, facts and entity mentions by document, built once for every story's scope.</summary>
    private sealed class ByDocument(CorpusAnalysis analysis)
    {
        public ILookup<string, Claim> Claims { get; } = analysis.Claims.ToLookup(c => c.Document, StringComparer.Ordinal);

        public ILookup<string, FigureFact> Figures { get; } = analysis.Figures.ToLookup(f => f.Document, StringComparer.Ordinal);

        public ILookup<string, EventFact> Events { get; } = analysis.Events.ToLookup(e => e.Document, StringComparer.Ordinal);

        public ILookup<string, ClaimGroup> ClaimGroups { get; } = analysis.ClaimGroups.SelectMany(g => g.Claims.Select(c => (c.Document, Group: g))).ToLookup(x => x.Document, x => x.Group, StringComparer.Ordinal);

        public ILookup<string, FigureDiscrepancy> Discrepancies { get; } = analysis.Discrepancies.SelectMany(x => x.Figures.Select(f => (f.Document, Discrepancy: x))).ToLookup(x => x.Document, x => x.Discrepancy, StringComparer.Ordinal);

        public Dictionary<FigureDiscrepancy, int> DiscrepancyOrder { get; } = analysis.Discrepancies.Select((x, k) => (x, k)).ToDictionary(p => p.x, p => p.k);

        /// <summary>Each entity's place in the analysis's order (first appearance); ids are names, not ranks.</summary>
        public Dictionary<Entity, int> EntityOrder { get; } = analysis.Entities.Select((x, k) => (x, k)).ToDictionary(p => p.x, p => p.k);

        public ILookup<string, (Entity Entity, EntityMention Mention)> Mentions { get; } = analysis.Entities.SelectMany(e => e.Mentions.Select(m => (e, m))).ToLookup(x => x.m.Document, StringComparer.Ordinal);
    }

    /// <summary>What a story's sections draw on: the analysis, limited to the story's documents (in input order).</summary>
    private sealed class Scope(CorpusAnalysis analysis, ByDocument index, IReadOnlyList<string> documents)
    {
        private readonly HashSet<string> _documents = documents.ToHashSet(StringComparer.Ordinal);

        public CorpusAnalysis Analysis { get; } = analysis;

        public bool Has(string document) => _documents.Contains(document);

        public IEnumerable<Document> Documents => Analysis.Documents.Where(d => Has(d.Id));

        public IReadOnlyList<Claim> Claims { get; } = [.. documents.SelectMany(d => index.Claims[d])];

        public IReadOnlyList<FigureFact> Figures { get; } = [.. documents.SelectMany(d => index.Figures[d])];

        public IReadOnlyList<EventFact> Events { get; } = [.. documents.SelectMany(d => index.Events[d])];

        /// <summary>The groups holding a claim of the story, in the analysis's order (disputed first).</summary>
        public IReadOnlyList<ClaimGroup> ClaimGroups { get; } = [.. documents.SelectMany(d => index.ClaimGroups[d]).Distinct().OrderBy(g => int.Parse(g.Id[1..], System.Globalization.CultureInfo.InvariantCulture))];

        /// <summary>The quotes carried by several documents, one of them the story's.</summary>
        public IReadOnlyList<Statement<Quote>> RepeatedQuotes { get; } = [.. analysis.RepeatedQuotes.Where(s => s.Carriers.Any(c => documents.Contains(c.Document, StringComparer.Ordinal)))];

        public IReadOnlyList<FigureDiscrepancy> Discrepancies { get; } = [.. documents.SelectMany(d => index.Discrepancies[d]).Distinct().OrderBy(x => index.DiscrepancyOrder[x])];

        /// <summary>Each entity the story names, with its mentions in the story's documents, in the analysis's entity order.</summary>
        public IReadOnlyList<(Entity Entity, IReadOnlyList<EntityMention> Mentions)> Entities { get; } =
            [.. documents.SelectMany(d => index.Mentions[d]).GroupBy(x => x.Entity)
                .Select(g => (g.Key, (IReadOnlyList<EntityMention>)[.. g.Select(x => x.Mention)]))
                .OrderBy(x => index.EntityOrder[x.Key])];
    }

    /// <summary>The story's documents: outlet, date and, for a near-copy, the text it copies.</summary>
    private static void WriteStorySources(TextWriter output, Scope scope)
    {
        output.WriteLine();
        output.WriteLine("### Sources");
        output.WriteLine();
        foreach (var d in scope.Documents)
        {
            var m = d.Metadata;
            var date = m.Published is { } p ? (m.PublishedInferred ? $"not before {p:yyyy-MM-dd}" : p.ToString("yyyy-MM-dd")) : "undated";
            var copy = scope.Analysis.SourceOf.TryGetValue(d.Id, out var first) && first != d.Id ? $", a near-copy of `{first}`" : string.Empty;
            output.WriteLine($"- `{d.Id}` {Inline(m.Title ?? "(no headline)")} — {Inline(m.Outlet ?? "outlet not named")}, {date}{copy}");
        }
    }

    /// <summary>The story in a few sentences: the lead of each of its documents, dated ones first, with its citation.</summary>
    private static void WriteSummary(TextWriter output, Scope scope)
    {
        output.WriteLine();
        output.WriteLine("### Summary");
        output.WriteLine();
        var leads = scope.Documents
            .OrderBy(d => d.Metadata.Published is null || d.Metadata.PublishedInferred ? 1 : 0).ThenBy(d => d.Metadata.Published)
            .Select(d => (Doc: d, Lead: Lead(d))).Where(x => x.Lead is not null).Take(MaxSummary).ToList();
        foreach (var (d, lead) in leads)
        {
            var heading = d.Metadata.Title is { } title ? $"**{Inline(title)}** — " : string.Empty;
            output.WriteLine($"- {heading}{Inline(lead!.Value.Text)} [{d.Id} ¶{lead.Value.Paragraph + 1}]");
        }
    }

    private static void WriteActors(TextWriter output, Scope scope)
    {
        if (!Section(output, scope, "Key actors", Layers.Mentions, "named-entity recognition (no model was loaded)"))
        {
            return;
        }

        var byId = scope.Analysis.Documents.ToDictionary(d => d.Id);
        var present = scope.Entities;
        var ranked = present
            .OrderByDescending(x => x.Mentions.Select(m => m.Document).Distinct().Count())
            .ThenByDescending(x => x.Mentions.Count)
            .ThenBy(x => x.Entity.Name, StringComparer.Ordinal)
            .Take(MaxActors)
            .ToList();
        output.WriteLine("Named in the most sources first. One actor under all its names: spellings, acronyms, short forms, a.k.a. names from the knowledge base, and capitals that speak for their state.");
        output.WriteLine();
        output.WriteLine("| Actor | Type | Role | Sources | Mentions | Also written | First mention |");
        output.WriteLine("|---|---|---|--:|--:|---|---|");
        foreach (var (e, mentions) in ranked)
        {
            var first = mentions[0];
            var paragraph = byId[first.Document].Paragraphs.FirstOrDefault(p => p.Span.Contains(first.Span));
            var aliases = e.Aliases.Count == 0 ? "—" : string.Join(", ", e.Aliases.Take(3).Select(Inline));
            var role = e.Roles.FirstOrDefault(r => scope.Has(r.Document)) is { } r
                ? $"{Inline(r.Role)}{(r.Affiliation is null ? string.Empty : ", " + Inline(r.Affiliation))} [{r.Document} ¶{byId[r.Document].Paragraphs.FirstOrDefault(p => p.Span.Contains(r.Span)).Index + 1}]"
                : "—";
            output.WriteLine($"| {Cell(e.Name)} | {e.Type} | {role} | {mentions.Select(m => m.Document).Distinct().Count()} | {mentions.Count} | {aliases} | [{first.Document} ¶{paragraph.Index + 1}] |");
        }

        var rest = present.Count - ranked.Count;
        if (rest > 0)
        {
            output.WriteLine();
            output.WriteLine($"… and {rest} more in the JSON output (`--format json`).");
        }
    }

    /// <summary>Per speaker, most sources first: each statement with its stance, how the speaker was found when it was not by name, and a citation.</summary>
    private static void WriteWhoSaidWhat(TextWriter output, Scope scope)
    {
        if (!Section(output, scope, "Who said what", Layers.Claims, "quote and claim extraction (no NER model was loaded)"))
        {
            return;
        }

        if (scope.Claims.Count == 0)
        {
            output.WriteLine("_No reported statements found._");
            return;
        }

        // Only statements whose speaker is found the surer ways (threshold chosen on PolNeAR dev, see AttributionConfidence.Shown).
        var shown = scope.Claims.Where(c => c.Data.Confidence >= Dossier.Nlp.Quotes.AttributionConfidence.Shown).ToList();
        var bySpeaker = shown
            .GroupBy(c => c.HolderLabel, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Select(c => c.Document).Distinct().Count())
            .ThenByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        output.WriteLine("Statements by who made them, speakers in the most sources first. The stance is the reporting verb's (a negated assertion is a denial); _he_, _the spokesperson_ and the like are resolved to the person named before them.");
        foreach (var group in bySpeaker.Take(MaxSpeakers))
        {
            output.WriteLine();
            output.WriteLine($"**{Inline(group.Key)}** — {Plural(group.Count(), "statement")} in {Plural(group.Select(c => c.Document).Distinct().Count(), "source")}");
            output.WriteLine();
            foreach (var c in group.Take(MaxStatements))
            {
                var via = c.Holder is not null && c.HolderText is { } t && !string.Equals(t, c.Holder.Name, StringComparison.OrdinalIgnoreCase) ? $" (as “{Inline(t)}”)" : string.Empty;
                var hedge = c.Data.Modality is { } modality && modality != c.Data.Stance ? $", {modality}" : c.Data.Hedged ? ", hedged" : string.Empty;
                output.WriteLine($"- _{c.Data.Stance}{hedge}_{via}: {Quote(c.Text)} [{c.Document} ¶{c.Paragraph + 1}]");
            }

            if (group.Count() > MaxStatements)
            {
                output.WriteLine($"- … and {group.Count() - MaxStatements} more in the JSON output.");
            }
        }

        if (bySpeaker.Count > MaxSpeakers)
        {
            output.WriteLine();
            output.WriteLine($"… and {bySpeaker.Count - MaxSpeakers} more speakers in the JSON output (`--format json`).");
        }

        if (scope.Claims.Count > shown.Count)
        {
            output.WriteLine();
            output.WriteLine($"_{scope.Claims.Count - shown.Count} more statements are only in the JSON output: their speaker was found a less sure way (`attribution`, `confidence` below {Dossier.Nlp.Quotes.AttributionConfidence.Shown:0.00})._");
        }
    }

    private const int MaxRows = 40;

    private const int MaxGroups = 12;

    /// <summary>Disputed propositions with what each side said, side by side; then corroborated ones with their independent sources.</summary>
    private static void WriteClaimGroups(TextWriter output, Scope scope)
    {
        if (!Section(output, scope, "Disputed and corroborated claims", Layers.Claims, "quote and claim extraction (no NER model was loaded)"))
        {
            return;
        }

        var shown = scope.ClaimGroups.Where(g => g.Status != "single").ToList();
        if (shown.Count == 0)
        {
            output.WriteLine("_No claim is stated by more than one source or contested._");
            return;
        }

        output.WriteLine("Claims grouped by the proposition they state (the frame of the content's main predicate, the place it is about, content words and the entities named). A group is _disputed_ when some holders assert what others deny or reject, _corroborated_ when two or more holders in two or more independent sources assert it and nobody denies it. One holder's statement carried by several outlets is one statement, listed once with its carriers, earliest first.");
        foreach (var g in shown.Take(MaxGroups))
        {
            output.WriteLine();
            output.WriteLine($"**{(g.Status == "disputed" ? "Disputed" : "Corroborated")}:** {Quote(g.Proposition)}");
            output.WriteLine();
            if (g.Status == "disputed")
            {
                output.WriteLine("| Asserted | Denied or rejected |");
                output.WriteLine("|---|---|");
                var asserted = g.Claims.Where(c => !ClaimAlignment.Denies(c.Data.Stance)).ToList();
                var denied = g.Claims.Where(c => ClaimAlignment.Denies(c.Data.Stance)).ToList();
                for (var k = 0; k < Math.Max(asserted.Count, denied.Count); k++)
                {
                    output.WriteLine($"| {(k < asserted.Count ? Position(asserted[k]) : string.Empty)} | {(k < denied.Count ? Position(denied[k]) : string.Empty)} |");
                }
            }
            else
            {
                foreach (var statement in g.Statements)
                {
                    output.WriteLine($"- {Position(statement.Items[0])}{Carried(statement)}");
                }
            }
        }

        if (shown.Count > MaxGroups)
        {
            output.WriteLine();
            output.WriteLine($"… and {shown.Count - MaxGroups} more groups in the JSON output (`claim_groups`).");
        }

        static string Position(Claim c) => $"{Inline(c.HolderLabel)} ({c.Data.Stance}): {Quote(c.Text)} [{c.Document} ¶{c.Paragraph + 1}]";
    }

    /// <summary>", carried by 3 documents, first by [d1] (2025-03-05)" for a statement more than one document carried.</summary>
    private static string Carried<T>(Statement<T> statement) =>
        statement.Carriers.Count < 2 ? string.Empty
            : $", carried by {statement.Carriers.Count} documents" + (statement.FirstReporter is { } first ? $", first by [{first.Document}] ({first.When})" : string.Empty)
                + " — " + string.Join(", ", statement.Carriers.Skip(statement.FirstReporter is null ? 0 : 1).Select(c => $"[{c.Document}]"));

    /// <summary>Quotes carried by several documents: who said it, who reported it first and who repeated it.</summary>
    private static void WriteRepeatedQuotes(TextWriter output, Scope scope)
    {
        var repeated = scope.RepeatedQuotes;
        if (repeated.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("## Re-reported statements");
        output.WriteLine();
        output.WriteLine("The same words of the same speaker in several documents: one statement, not confirmation of it.");
        output.WriteLine();
        foreach (var s in repeated.Take(MaxGroups))
        {
            var q = s.Items[0];
            output.WriteLine($"- {Inline(s.Holder)}: {Quote(q.Text)} [{q.Document} ¶{q.Paragraph + 1}]{Carried(s)}");
        }

        if (repeated.Count > MaxGroups)
        {
            output.WriteLine();
            output.WriteLine($"… and {repeated.Count - MaxGroups} more in the JSON output (`repeated_quotes`).");
        }
    }

    private static void WriteFigures(TextWriter output, Scope scope)
    {
        if (!Section(output, scope, "Figures", Layers.Figures, "figure extraction (no NER model was loaded)"))
        {
            return;
        }

        var figures = scope.Figures.Where(f => f.Data.Value is not null && f.Data.What is not null).ToList();
        if (figures.Count == 0)
        {
            output.WriteLine("_No figures found._");
            return;
        }

        output.WriteLine("| Value | What | As written | Source |");
        output.WriteLine("|--:|---|---|---|");
        foreach (var f in figures.Take(MaxRows))
        {
            var value = f.Data.Value!.Value.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture)
                + (f.Data.High is { } high ? "–" + high.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
            var unit = f.Data.Unit is { } u ? (u == "%" ? "%" : " " + Inline(u)) : string.Empty;
            output.WriteLine($"| {(f.Data.Approximate ? "≈" : string.Empty)}{value}{unit} | {Cell(f.Data.What)} | {Cell(f.Text)} | [{f.Document} ¶{f.Paragraph + 1}] |");
        }

        if (figures.Count > MaxRows)
        {
            output.WriteLine();
            output.WriteLine($"… and {figures.Count - MaxRows} more figures in the JSON output.");
        }

        output.WriteLine();
        output.WriteLine("**Discrepancies** (the same thing counted differently by different sources at the same time):");
        output.WriteLine();
        var discrepancies = scope.Discrepancies.Where(x => x.Kind != "history").ToList();
        if (discrepancies.Count == 0)
        {
            output.WriteLine("_None found._");
        }

        foreach (var x in discrepancies)
        {
            output.WriteLine($"- {Inline(x.What)}: " + string.Join("; ", x.Figures.Select(f => $"{Inline(f.Text)} [{f.Document} ¶{f.Paragraph + 1}]")));
        }

        var history = scope.Discrepancies.Where(x => x.Kind == "history").ToList();
        if (history.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("**Updated over time** (later reports give a new figure; in publication order):");
            output.WriteLine();
            foreach (var x in history)
            {
                output.WriteLine($"- {Inline(x.What)}: " + string.Join(" → ", x.Figures.Select(f => $"{Inline(f.Text)} [{f.Document} ¶{f.Paragraph + 1}]")));
            }
        }
    }

    /// <summary>Dated events in order, one line per reporting sentence; dates the text leaves open (a weekday of an undated report) come last, marked uncertain.</summary>
    private static void WriteTimeline(TextWriter output, Scope scope)
    {
        if (!Section(output, scope, "Timeline", Layers.Events, "time normalisation and event coding (no NER model was loaded)"))
        {
            return;
        }

        // Events with a date in their sentence (one line per sentence), and statements whose sentence gives a date.
        // Only what the text reports as having happened, coded surely enough (threshold chosen on dev
        // data, see Dossier.Nlp.Events.EventComponent.ShownConfidence); one line per happening and sentence.
        var shown = scope.Events.Where(e => e.Data.Mode == EventMode.Asserted && e.Data.Confidence >= Dossier.Nlp.Events.EventComponent.ShownConfidence).ToList();
        var heldBack = scope.Events.Count - shown.Count;
        var lines = shown
            .Where(e => e.Data.When is { } w && !e.Data.Code.StartsWith("01", StringComparison.Ordinal) && w.Length >= 4)
            .GroupBy(e => (e.Document, e.Data.Happening, Sentence: e.Data.Happening >= 0 ? default : e.Data.Span))
            .Select(g => g.First())
            .Select(e =>
            {
                // A target that is a thing ('part' of 'take part', 'the dialogue') stays in the JSON; the brief names actors.
                var target = e.Target?.Name is { } t ? " → " + t : string.Empty;
                var who = (e.Actor?.Name ?? e.ActorText ?? "?") + target;
                var where = (e.Where?.Name ?? e.WhereText) is { } place ? $", in {Inline(place)}" : string.Empty;
                return (When: e.Data.When!, Text: $"{Inline(who)}: {Inline(e.Data.Label)} (“{Inline(e.Trigger ?? string.Empty)}”){where} [{e.Document} ¶{e.Paragraph + 1}]");
            })
            .Concat(DatedStatements(scope))
            .OrderBy(x => x.When.StartsWith('X') ? 1 : 0)
            .ThenBy(x => x.When, StringComparer.Ordinal)
            .ToList();
        if (lines.Count == 0)
        {
            output.WriteLine("_No dated events or statements found._");
            return;
        }

        output.WriteLine("Events (CAMEO label; actor → target) and statements, with the date their sentence gives. _Uncertain_ marks a date the report leaves open, such as a weekday in an undated article.");
        output.WriteLine();
        foreach (var (when, text) in lines.Take(MaxRows))
        {
            output.WriteLine($"- **{(when.StartsWith('X') ? $"{when} _(uncertain)_" : when)}** — {text}");
        }

        if (lines.Count > MaxRows)
        {
            output.WriteLine($"- … and {lines.Count - MaxRows} more in the JSON output.");
        }

        if (heldBack > 0)
        {
            output.WriteLine();
            output.WriteLine($"_{heldBack} more coded events are only in the JSON output: denied, planned or supposed ones (`mode`), and those coded with confidence below {Dossier.Nlp.Events.EventComponent.ShownConfidence:0.00}._");
        }
    }

    /// <summary>Each claim whose sentence holds a calendar date (day, month or year; a weekday of an undated report too), with that date.</summary>
    private static IEnumerable<(string When, string Text)> DatedStatements(Scope scope)
    {
        foreach (var group in scope.Claims.GroupBy(c => c.Document))
        {
            var d = scope.Analysis.Documents.First(x => x.Id == group.Key);
            var times = d.GetOrEmpty(Layers.Times).Where(t => t.Type is "DATE" or "TIME" && t.Value is { Length: >= 4 } v && (char.IsAsciiDigit(v[0]) || v[0] == 'X')).ToList();
            foreach (var c in group)
            {
                var sentence = d.Sentences.FirstOrDefault(x => x.Span.Contains(c.Data.Span.Start));
                if (sentence.Document is null || times.FirstOrDefault(t => sentence.Span.Contains(t.Span)) is not { Value: { } when })
                {
                    continue;
                }

                yield return (when, $"{Inline(c.HolderLabel)} ({c.Data.Stance}): {Quote(c.Text)} [{c.Document} ¶{c.Paragraph + 1}]");
            }
        }
    }

    /// <summary>Writes a section's heading; when its layer was not built, says what it needs and returns false.</summary>
    private static bool Section(TextWriter output, Scope scope, string title, LayerKey layer, string needs)
    {
        var analysis = scope.Analysis;
        output.WriteLine();
        output.WriteLine($"### {title}");
        output.WriteLine();
        if (analysis.Layers.Contains(layer))
        {
            return true;
        }

        output.WriteLine($"_Not built yet: needs {needs}._");
        return false;
    }

    /// <summary>Article text in curly quotes, shortened to <see cref="MaxStatementLength"/> characters before it is escaped (so no escape is cut in half).</summary>
    private static string Quote(string text)
    {
        var s = Plain(text);
        return "“" + (s.Length > MaxStatementLength ? Escape(s[..MaxStatementLength].TrimEnd()) + "…" : Escape(s)) + "”";
    }

    /// <summary>The first sentence of the body (after the title), the article's lead.</summary>
    private static Sentence? Lead(Document d)
    {
        foreach (var s in d.Sentences)
        {
            if (d.TitleSpan is { } t && t.Contains(s.Span))
            {
                continue;
            }

            return s;
        }

        return null;
    }

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// <summary>Article text for a table cell: <see cref="Inline"/> (which escapes '|' and joins lines), or a dash when there is none.</summary>
    private static string Cell(string? s) => string.IsNullOrEmpty(s) ? "—" : Inline(s);

    /// <summary>
    /// Article text (or any text not written by this class) as Markdown that shows it literally:
    /// on one line, control characters shown as escapes, Markdown punctuation backslash-escaped.
    /// Every piece of such text goes through here, <see cref="Quote"/> or <see cref="Cell"/>.
    /// </summary>
    private static string Inline(string s) => Escape(Plain(s));

    /// <summary>The text on one line (runs of white space, newlines included, made one space), control characters written as <c>\uXXXX</c>.</summary>
    private static string Plain(string s) => Printable.Escape(string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>
    /// Backslash-escapes what Markdown (CommonMark, GFM, GitHub's math) would read as formatting,
    /// HTML, a link, a table bar or an entity, and a list marker opening the text ('-', '+', '1.').
    /// Other punctuation ('(', '!', '-', '.') is left readable: it means nothing once '[' and '&lt;'
    /// are escaped and the text does not open a line.
    /// </summary>
    private static string Escape(string s)
    {
        var marker = ListMarkerAt(s);
        var sb = new StringBuilder(s.Length + 16);
        for (var k = 0; k < s.Length; k++)
        {
            if (k == marker || MarkdownPunctuation.Contains(s[k], StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(s[k]);
        }

        return sb.ToString();
    }

    private const string MarkdownPunctuation = "\\`*_{}[]<>#|~&$";

    /// <summary>Where a list marker opens <paramref name="s"/> ('-' or '+', or the '.' or ')' after up to nine digits), or -1.</summary>
    private static int ListMarkerAt(string s)
    {
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            return 0;
        }

        var digits = 0;
        while (digits < s.Length && digits < 10 && char.IsAsciiDigit(s[digits]))
        {
            digits++;
        }

        return digits is > 0 and < 10 && digits < s.Length && s[digits] is '.' or ')' ? digits : -1;
    }
}
