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
        var shown = scope.Claims.Where(IsShown).ToList();
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
                var item = new Run().Emphasis(new Run().Prose($"{c.Data.Stance}{hedge}{Saying(c)}"));
                // ('who' of 'Anna Berg, who said …' tells the reader nothing the name does not.)
                if (c.Holder is not null && c.HolderText is { } t && !string.Equals(t, c.Holder.Name, StringComparison.OrdinalIgnoreCase)
                    && t.ToLowerInvariant() is not ("who" or "which"))
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

        var grouped = scope.ClaimGroups.Where(g => g.Status != GroupStatus.Single || g.Changes.Count > 0).ToList();
        if (grouped.Count == 0)
        {
            return section.Note("No claim is stated by more than one source or contested.").Build();
        }
        section.Paragraph(new Run()
            .Prose("Claims grouped by the proposition they state (the frame of the content's main predicate, the place it is about, content words and the entities named). A group is ")
            .Emphasis(new Run().Prose("disputed")).Prose(" when some holders assert what others deny or reject, ")
            .Emphasis(new Run().Prose("corroborated")).Prose(" when two or more holders in two or more independent sources assert it and nobody denies it. One holder's statement carried by several outlets is one statement, listed once with its carriers, earliest first. A holder who denied it in one report and asserted it in a later one (or the reverse) ")
            .Emphasis(new Run().Prose("changed position")).Prose(": an update, listed in the order reported, not a dispute. Only statements the brief shows are listed; a group that rests on statements below its confidence says so."));
        foreach (var g in grouped.Take(MaxGroups))
        {
            var disputed = g.Status == GroupStatus.Disputed;
            var asserted = g.Claims.Where(c => !ClaimAlignment.Denies(c.Data.Stance)).ToList();
            var denied = g.Claims.Where(c => ClaimAlignment.Denies(c.Data.Stance)).ToList();
            var statements = g.Statements.Where(s => s.Items.Any(IsShown)).ToList();
            var changes = g.Changes.Where(c => IsShown(c.From) && IsShown(c.To)).ToList();

            // The status rests on statements the brief shows: a shown claim on each side of a dispute, shown statements of two holders
            // for a corroboration, a change between two shown claims.
            var sure = disputed ? asserted.Any(IsShown) && denied.Any(IsShown)
                : g.Status == GroupStatus.Corroborated ? statements.Select(s => s.HolderKey).Distinct(StringComparer.Ordinal).Count() >= 2
                : changes.Count > 0;
            var label = disputed ? "Disputed" : g.Status == GroupStatus.Corroborated ? "Corroborated" : "Changed position";
            var heading = new Run().Strong(new Run().Prose(label + ":"));
            if (!sure)
            {
                heading.Prose(" ").Emphasis(new Run().Prose("(rests on statements below the brief's confidence)"));
            }

            section.Paragraph(heading.Prose(" ").Quote(g.Proposition, BriefWording.MaxStatementLength));
            if (disputed)
            {
                var (a, d) = (asserted.Where(IsShown).ToList(), denied.Where(IsShown).ToList());
                var rows = Enumerable.Range(0, Math.Max(a.Count, d.Count)).Select(k => (Run[])[
                    k < a.Count ? Position(a[k]) : new Run(),
                    k < d.Count ? Position(d[k]) : new Run()]).ToList();
                if (a.Count < asserted.Count || d.Count < denied.Count)
                {
                    rows.Add([Below(asserted.Count - a.Count), Below(denied.Count - d.Count)]);
                }

                section.Table([new("Asserted"), new("Denied or rejected")], rows);
            }
            else if (g.Status == GroupStatus.Corroborated)
            {
                var items = statements.Select(s => Carried(Position(s.Items.First(IsShown)), s)).ToList();
                if (g.Statements.Count > statements.Count)
                {
                    items.Add(Below(g.Statements.Count - statements.Count));
                }

                section.List(items);
            }

            if (g.Changes.Count > 0)
            {
                var items = changes.Select(c => new Run().Prose("Changed position: ").Append(Position(c.From)).Prose($" ({c.FromReported.When}) → ").Append(Position(c.To)).Prose($" ({c.ToReported.When})")).ToList();
                if (g.Changes.Count > changes.Count)
                {
                    items.Add(Below(g.Changes.Count - changes.Count));
                }

                section.List(items);
            }
        }

        if (grouped.Count > MaxGroups)
        {
            section.Paragraph(new Run().Prose($"… and {grouped.Count - MaxGroups} more groups in the JSON output (").Code("claim_groups").Prose(")."));
        }

        return section.Build();
    }

    /// <summary>Whether the brief shows a claim (its confidence reaches <see cref="ClaimComponent.ShownConfidence"/>).</summary>
    private static bool IsShown(Claim c) => c.Data.Confidence >= ClaimComponent.ShownConfidence;

    /// <summary>"… and 2 statements below the brief's confidence (JSON)"; nothing for none.</summary>
    private static Run Below(int count) =>
        count == 0 ? new Run() : new Run().Emphasis(new Run().Prose($"… and {BriefWording.Plural(count, "statement")} below the brief's confidence (JSON)"));

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
        new Run().Literal(c.HolderLabel).Prose($" ({c.Data.Stance}{Saying(c)}): ").Quote(c.Text, BriefWording.MaxStatementLength).Prose(" ").Cite(c.Document, c.Paragraph);

    /// <summary>", saying" after the stance of a denial whose words carry the negation ('deny, saying: “ISIS does not have …”'), so the words read as the denial, not as what is denied.</summary>
    private static string Saying(Claim c) => c.Data.NegatedContent ? ", saying" : string.Empty;

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
