using System.Globalization;
using Dossier.Annotations;
using Dossier.Nlp.Events;

namespace Dossier.Analysis.Reporting.Brief;

/// <summary>A story's facts: its figures with their discrepancies and updates, and its timeline.</summary>
internal static class FactSections
{
    private const int MaxRows = 40;

    public static BriefSection Figures(StoryScope scope)
    {
        var section = SectionDraft.InStory(scope, 3, "Figures");
        if (!section.Built(scope.Analysis, Layers.Figures, "figure extraction (no NER model was loaded)"))
        {
            return section.Build();
        }

        var figures = scope.Figures.Where(f => f.Data.Value is not null && f.Data.What is not null).ToList();
        if (figures.Count == 0)
        {
            return section.Note("No figures found.").Build();
        }

        section.Table(
            [new("Value", true), new("What"), new("As written"), new("Source")],
            figures.Take(MaxRows).Select(f =>
            {
                var value = new Run().Prose((f.Data.Approximate ? "≈" : string.Empty) + Number(f.Data.Value!.Value) + (f.Data.High is { } high ? "–" + Number(high) : string.Empty));
                if (f.Data.Unit == "%")
                {
                    value.Prose("%");
                }
                else if (f.Data.Unit is { } unit)
                {
                    value.Prose(" ").Literal(unit);
                }

                return (Run[])[value, BriefBuilder.Cell(f.Data.What), BriefBuilder.Cell(f.Text), new Run().Cite(f.Document, f.Paragraph)];
            }));
        if (figures.Count > MaxRows)
        {
            section.Paragraph(new Run().Prose($"… and {figures.Count - MaxRows} more figures in the JSON output."));
        }

        section.Paragraph(new Run().Strong(new Run().Prose("Discrepancies")).Prose(" (the same thing counted differently by different sources at the same time):"));
        var discrepancies = scope.Discrepancies.Where(x => x.Kind != DiscrepancyKind.History).ToList();
        if (discrepancies.Count == 0)
        {
            section.Note("None found.");
        }
        else
        {
            section.List(discrepancies.Select(x => Discrepancy(x, "; ")));
        }

        var history = scope.Discrepancies.Where(x => x.Kind == DiscrepancyKind.History).ToList();
        if (history.Count > 0)
        {
            section.Paragraph(new Run().Strong(new Run().Prose("Updated over time")).Prose(" (later reports give a new figure; in publication order):"));
            section.List(history.Select(x => Discrepancy(x, " → ")));
        }

        return section.Build();
    }

    /// <summary>Dated events in order, one line per reporting sentence; dates the text leaves open (a weekday of an undated report) come last, marked uncertain.</summary>
    public static BriefSection Timeline(StoryScope scope)
    {
        var section = SectionDraft.InStory(scope, 3, "Timeline");
        if (!section.Built(scope.Analysis, Layers.Events, "time normalisation and event coding (no NER model was loaded)"))
        {
            return section.Build();
        }

        // Events with a date in their sentence (one line per sentence), and statements whose sentence gives a date.
        // Only what the text reports as having happened, coded surely enough (threshold chosen on dev
        // data, see EventFact.IsShown); one line per happening and sentence.
        var shown = scope.Events.Where(e => e.IsShown).ToList();
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
                var text = new Run().Literal(who).Prose(": ").Literal(e.Data.Label).Prose(" (“").Literal(e.Trigger ?? string.Empty).Prose("”)");
                if ((e.Where?.Name ?? e.WhereText) is { } place)
                {
                    text.Prose(", in ").Literal(place);
                }

                return (When: e.Data.When!, Text: text.Prose(" ").Cite(e.Document, e.Paragraph).Append(Reported(scope, e.Document)));
            })
            .Concat(DatedStatements(scope))
            .OrderBy(x => x.When.StartsWith('X') ? 1 : 0)
            .ThenBy(x => x.When, StringComparer.Ordinal)
            .ToList();
        if (lines.Count == 0)
        {
            return section.Note("No dated events or statements found.").Build();
        }

        section.Paragraph(new Run()
            .Prose("Events (CAMEO label; actor → target) and statements, with two clocks: the date their sentence gives (when it happened or was said), and when and by whom it was reported. ")
            .Prose("A date the report leaves open, such as a weekday in an undated article, says what is unknown (its value in the JSON keeps the open parts as X)."));
        var items = lines.Take(MaxRows).Select(x =>
        {
            var when = x.When.StartsWith('X') && OpenDate(x.When) is var (shown, open) ? new Run().Prose(shown + " ").Emphasis(new Run().Prose($"({open})")) : new Run().Prose(x.When);
            return new Run().Strong(when).Prose(" — ").Append(x.Text);
        }).ToList();
        if (lines.Count > MaxRows)
        {
            items.Add(new Run().Prose($"… and {lines.Count - MaxRows} more in the JSON output."));
        }

        section.List(items);
        TimeDiscrepancies(scope, section);
        if (heldBack > 0)
        {
            section.Paragraph(new Run().Emphasis(new Run()
                .Prose($"{heldBack} more coded events are only in the JSON output: denied, planned or supposed ones (").Code("mode")
                .Prose($"), those coded with confidence below {EventComponent.ShownConfidence.ToString("0.00", CultureInfo.InvariantCulture)}, and those whose actor and target are one entity.")));
        }

        return section.Build();
    }

    /// <summary>
    /// A date the report leaves open, in words, and what is open: 'XXXX-WXX-4' is ("a Thursday",
    /// "date unknown"), 'XXXX-01-20' ("20 January", "year unknown"), 'XXXX-03' ("March", "year
    /// unknown"); any other value as written, "uncertain".
    /// </summary>
    internal static (string Shown, string Open) OpenDate(string value)
    {
        string? Month(string mm) => int.TryParse(mm, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12
            ? CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m) : null;
        return value.Split('-') switch
        {
            ["XXXX", "WXX", [var d and >= '1' and <= '7']] => ($"a {(DayOfWeek)((d - '0') % 7)}", "date unknown"),
            ["XXXX", { Length: 2 } mm, { Length: 2 } dd] when Month(mm) is { } month && int.TryParse(dd, NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31
                => ($"{day} {month}", "year unknown"),
            ["XXXX", { Length: 2 } mm] when Month(mm) is { } month => (month, "year unknown"),
            _ => (value, "uncertain"),
        };
    }

    /// <summary>Each claim its sentence dates (<see cref="FactClock.Dated"/>: when it was said, else the date its words are about), with that date.</summary>
    private static IEnumerable<(string When, Run Text)> DatedStatements(StoryScope scope) =>
        scope.Claims.Select(c => (Claim: c, Dated: scope.Analysis.ClockOf(c.Id).Dated)).Where(x => x.Dated is not null)
            .Select(x => (x.Dated!.Value, StatementSections.Position(x.Claim).Append(Reported(scope, x.Claim.Document))));

    /// <summary>The second clock of a timeline line: ' — reported 2024-05-13, Afghan Voice Agency'.</summary>
    private static Run Reported(StoryScope scope, string document)
    {
        var m = scope.Document(document).Metadata;
        var run = new Run().Prose(" — reported ").Prose(BriefBuilder.Published(m, "undated"));
        return m.Outlet is { } outlet ? run.Prose(", ").Literal(outlet) : run;
    }

    /// <summary>Statements and events of the story that sources date differently.</summary>
    private static void TimeDiscrepancies(StoryScope scope, SectionDraft section)
    {
        section.Paragraph(new Run().Strong(new Run().Prose("Dates that disagree")).Prose(" (the same statement or event dated differently by different sources):"));
        var found = scope.Analysis.TimeDiscrepancies.Where(x => x.Facts.Any(f => scope.Has(f.Document))).ToList();
        if (found.Count == 0)
        {
            section.Note("None found.");
            return;
        }

        section.List(found.Select(x => new Run().Literal(x.What).Prose(": ")
            .Join("; ", x.Facts, (r, f) => r.Literal(f.Time.Text ?? f.Time.Value).Prose(f.Time.Text is null ? " " : $" ({f.Time.Value}) ").Cite(f.Document, f.Paragraph))));
    }

    /// <summary>A discrepancy: what was counted, then each figure as written with its citation, <paramref name="separator"/> between them.</summary>
    private static Run Discrepancy(FigureDiscrepancy x, string separator) =>
        new Run().Literal(x.What).Prose(": ").Join(separator, x.Figures, (r, f) => r.Literal(f.Text).Prose(" ").Cite(f.Document, f.Paragraph));

    private static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
