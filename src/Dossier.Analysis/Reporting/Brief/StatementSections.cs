using System.Globalization;
using Dossier.Annotations;
using Dossier.Nlp.Claims;

namespace Dossier.Analysis.Reporting.Brief;

/// <summary>A story's statements: who said what, the claims disputed or corroborated, the quotes re-reported.</summary>
internal static class StatementSections
{
    private const int MaxSpeakers = 15;

    private const int MaxStatements = 6;

    private const int MaxGroups = 12;

    private const string ClaimsNeed = "quote and claim extraction (no NER model was loaded)";

    /// <summary>Per speaker, most sources first: each statement with its stance, how the speaker was found when it was not by name, and a citation.</summary>
    public static BriefSection WhoSaidWhat(StoryScope scope)
    {
        var section = SectionDraft.InStory(scope, 3, "Who said what");
        if (!section.Built(scope.Analysis, Layers.Claims, ClaimsNeed))
        {
            return section.Build();
        }

        if (scope.Claims.Count == 0)
        {
            return section.Note("No reported statements found.").Build();
        }

        // Only statements the claims' confidence model puts at or above its shown threshold (chosen on judged pools left out; see ClaimComponent.ShownConfidence).
        var shown = scope.Claims.Where(c => c.Data.Confidence >= ClaimComponent.ShownConfidence).ToList();
        var bySpeaker = shown
            .GroupBy(c => c.HolderLabel, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Select(c => c.Document).Distinct().Count())
            .ThenByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        section.Paragraph(new Run()
            .Prose("Statements by who made them, speakers in the most sources first. The stance is the reporting verb's (a negated assertion is a denial); ")
            .Emphasis(new Run().Prose("he")).Prose(", ").Emphasis(new Run().Prose("the spokesperson"))
            .Prose(" and the like are resolved to the person named before them."));
        foreach (var group in bySpeaker.Take(MaxSpeakers))
        {
            section.Paragraph(new Run().Strong(new Run().Literal(group.Key))
                .Prose($" — {BriefWording.Plural(group.Count(), "statement")} in {BriefWording.Plural(group.Select(c => c.Document).Distinct().Count(), "source")}"));
            var items = group.Take(MaxStatements).Select(c =>
            {
                var hedge = c.Data.Modality is { } modality && modality != c.Data.Stance ? $", {modality}" : c.Data.Hedged ? ", hedged" : string.Empty;
                var item = new Run().Emphasis(new Run().Prose($"{c.Data.Stance}{hedge}"));
                if (c.Holder is not null && c.HolderText is { } t && !string.Equals(t, c.Holder.Name, StringComparison.OrdinalIgnoreCase))
                {
                    item.Prose(" (as “").Literal(t).Prose("”)");
                }

                return item.Prose(": ").Quote(c.Text, BriefWording.MaxStatementLength).Prose(" ").Cite(c.Document, c.Paragraph);
            }).ToList();
            if (group.Count() > MaxStatements)
            {
                items.Add(new Run().Prose($"… and {group.Count() - MaxStatements} more in the JSON output."));
            }

            section.List(items);
        }

        if (bySpeaker.Count > MaxSpeakers)
        {
            section.Paragraph(new Run().Prose($"… and {bySpeaker.Count - MaxSpeakers} more speakers in the JSON output (").Code("--format json").Prose(")."));
        }

        if (scope.Claims.Count > shown.Count)
        {
            section.Paragraph(new Run().Emphasis(new Run()
                .Prose($"{scope.Claims.Count - shown.Count} more statements are only in the JSON output, with a lower ")
                .Code("confidence").Prose($" (below {ClaimComponent.ShownConfidence.ToString("0.00", CultureInfo.InvariantCulture)}): their speaker was found a less sure way, or what was read is less often right.")));
        }

        return section.Build();
    }

    /// <summary>Disputed propositions with what each side said, side by side; then corroborated ones with their independent sources.</summary>
    public static BriefSection ClaimGroups(StoryScope scope)
    {
        var section = SectionDraft.InStory(scope, 3, "Disputed and corroborated claims");
        if (!section.Built(scope.Analysis, Layers.Claims, ClaimsNeed))
        {
            return section.Build();
        }

        var shown = scope.ClaimGroups.Where(g => g.Status != GroupStatus.Single || g.Changes.Count > 0).ToList();
        if (shown.Count == 0)
        {
            return section.Note("No claim is stated by more than one source or contested.").Build();
        }

        section.Paragraph(new Run()
            .Prose("Claims grouped by the proposition they state (the frame of the content's main predicate, the place it is about, content words and the entities named). A group is ")
            .Emphasis(new Run().Prose("disputed")).Prose(" when some holders assert what others deny or reject, ")
            .Emphasis(new Run().Prose("corroborated")).Prose(" when two or more holders in two or more independent sources assert it and nobody denies it. One holder's statement carried by several outlets is one statement, listed once with its carriers, earliest first. A holder who denied it in one report and asserted it in a later one (or the reverse) ")
            .Emphasis(new Run().Prose("changed position")).Prose(": an update, listed in the order reported, not a dispute."));
        foreach (var g in shown.Take(MaxGroups))
        {
            var disputed = g.Status == GroupStatus.Disputed;
            var label = disputed ? "Disputed:" : g.Status == GroupStatus.Corroborated ? "Corroborated:" : "Changed position:";
            section.Paragraph(new Run().Strong(new Run().Prose(label)).Prose(" ").Quote(g.Proposition, BriefWording.MaxStatementLength));
            if (disputed)
            {
                var asserted = g.Claims.Where(c => !ClaimAlignment.Denies(c.Data.Stance)).ToList();
                var denied = g.Claims.Where(c => ClaimAlignment.Denies(c.Data.Stance)).ToList();
                section.Table(
                    [new("Asserted"), new("Denied or rejected")],
                    Enumerable.Range(0, Math.Max(asserted.Count, denied.Count)).Select(k => (Run[])[
                        k < asserted.Count ? Position(asserted[k]) : new Run(),
                        k < denied.Count ? Position(denied[k]) : new Run()]));
            }
            else if (g.Status == GroupStatus.Corroborated)
            {
                section.List(g.Statements.Select(s => Carried(Position(s.Items[0]), s)));
            }

            if (g.Changes.Count > 0)
            {
                section.List(g.Changes.Select(c => new Run().Prose("Changed position: ").Append(Position(c.From)).Prose($" ({c.FromReported.When}) → ").Append(Position(c.To)).Prose($" ({c.ToReported.When})")));
            }
        }

        if (shown.Count > MaxGroups)
        {
            section.Paragraph(new Run().Prose($"… and {shown.Count - MaxGroups} more groups in the JSON output (").Code("claim_groups").Prose(")."));
        }

        return section.Build();
    }

    /// <summary>Quotes carried by several documents: who said it, who reported it first and who repeated it; null when there are none.</summary>
    public static BriefSection? RepeatedQuotes(StoryScope scope)
    {
        var repeated = scope.RepeatedQuotes;
        if (repeated.Count == 0)
        {
            return null;
        }

        var section = SectionDraft.InStory(scope, 2, "Re-reported statements")
            .Paragraph(new Run().Prose("The same words of the same speaker in several documents: one statement, not confirmation of it."))
            .List(repeated.Take(MaxGroups).Select(s =>
            {
                var q = s.Items[0];
                return Carried(new Run().Literal(s.Holder).Prose(": ").Quote(q.Text, BriefWording.MaxStatementLength).Prose(" ").Cite(q.Document, q.Paragraph), s);
            }));
        if (repeated.Count > MaxGroups)
        {
            section.Paragraph(new Run().Prose($"… and {repeated.Count - MaxGroups} more in the JSON output (").Code("repeated_quotes").Prose(")."));
        }

        return section.Build();
    }

    /// <summary>A claim as a position: its holder, stance, words and citation.</summary>
    internal static Run Position(Claim c) =>
        new Run().Literal(c.HolderLabel).Prose($" ({c.Data.Stance}): ").Quote(c.Text, BriefWording.MaxStatementLength).Prose(" ").Cite(c.Document, c.Paragraph);

    /// <summary>Adds ", carried by 3 documents, first by [d1] (2025-03-05) — [d2], [d3]" for a statement more than one document carried.</summary>
    private static Run Carried<T>(Run line, Statement<T> statement)
    {
        if (statement.Carriers.Count < 2)
        {
            return line;
        }

        line.Prose($", carried by {statement.Carriers.Count} documents");
        if (statement.FirstReporter is { } first)
        {
            line.Prose($", first by [{first.Document}] ({first.When})");
        }

        return line.Prose(" — " + string.Join(", ", statement.Carriers.Skip(statement.FirstReporter is null ? 0 : 1).Select(c => $"[{c.Document}]")));
    }
}
