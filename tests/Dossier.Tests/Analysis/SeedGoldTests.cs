using System.Text.Json;
using Dossier.Analysis;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Analysis;

/// <summary>
/// The seeds against the careful reader's gold (../shared/gold/seeds.gold.json), measured as
/// ../shared/tools/score.py measures quotes and claims, with floors pinned in eval/baseline.json.
/// </summary>
public class SeedGoldTests
{
    private static readonly Dictionary<string, string> StanceFamily = new(StringComparer.Ordinal)
    {
        ["deny"] = "deny", ["reject"] = "deny", ["dismiss"] = "deny", ["refute"] = "deny",
    };

    [Fact]
    public void Seeds_EntitiesQuotesClaimsFiguresTimesAndEvents_MeetTheFloors_AndNothingIsWronglyMergedOrSaid()
    {
        var documents = Repo.SeedFiles.Select(f => Models.Pipeline.Process(new Dossier.Extraction.Ingestion.DocumentLoader().Load(f))).ToList();
        var analysis = new CorpusAnalysis(documents, [], Models.Pipeline.Adds, Models.Kb);
        var keyOf = documents.ToDictionary(d => d.Id, d => Path.GetFileName(d.Metadata.Source ?? string.Empty)[..3]);
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Shared, "gold", "seeds.gold.json")));
        var aliases = gold.RootElement.GetProperty("entities").EnumerateArray().ToDictionary(
            e => e.GetProperty("canonical").GetString()!,
            e => e.GetProperty("aliases").EnumerateArray().Select(a => Norm(a.GetString())).Append(Norm(e.GetProperty("canonical").GetString())).ToHashSet(StringComparer.Ordinal));

        bool SpeakerOk(string goldSpeaker, EntityRef? reference, string? text)
        {
            var entity = analysis.Entity(reference?.Id);
            var names = aliases.GetValueOrDefault(goldSpeaker) ?? [Norm(goldSpeaker)];
            var got = entity is null ? new HashSet<string>(StringComparer.Ordinal) : entity.Aliases.Append(entity.Name).Select(Norm).ToHashSet(StringComparer.Ordinal);
            if (text is not null)
            {
                got.Add(Norm(text));
            }

            return got.Overlaps(names);
        }

        var goldQuotes = gold.RootElement.GetProperty("quotes").EnumerateArray().ToList();
        int found = 0, speakers = 0;
        foreach (var g in goldQuotes)
        {
            var hits = analysis.Quotes.Where(q => keyOf[q.Document] == g.GetProperty("doc").GetString() && Norm(q.Text).Contains(Norm(g.GetProperty("contains").GetString()), StringComparison.Ordinal)).ToList();
            found += hits.Count > 0 ? 1 : 0;
            speakers += hits.Any(q => SpeakerOk(g.GetProperty("speaker").GetString()!, q.Speaker, q.SpeakerText)) ? 1 : 0;
        }

        int positions = 0, held = 0;
        foreach (var p in gold.RootElement.GetProperty("claims").EnumerateArray().SelectMany(c => c.GetProperty("positions").EnumerateArray()))
        {
            var stance = p.GetProperty("stance").GetString()!;
            if (stance == "nuance")
            {
                continue;
            }

            positions++;
            held += analysis.Claims.Any(c => keyOf[c.Document] == p.GetProperty("doc").GetString() && Family(c.Data.Stance) == Family(stance)
                && SpeakerOk(p.GetProperty("holder").GetString()!, c.Holder, c.HolderText)) ? 1 : 0;
        }

        // Entities, as score.py measures them: each gold entity's best-matching entity, the share of
        // its aliases present in the texts that this entity carries, and merges of what must stay apart.
        var texts = documents.Select(d => Norm(d.Text)).ToList();
        var names = analysis.Entities.Select(e => (Entity: e, Names: e.Aliases.Append(e.Name).Concat(e.Mentions.Select(m => m.Text)).Select(Norm).ToHashSet(StringComparer.Ordinal))).ToList();
        int entitiesFound = 0;
        var completeness = 0.0;
        foreach (var (canonical, goldNames) in aliases)
        {
            var present = goldNames.Where(a => texts.Any(t => t.Contains(a, StringComparison.Ordinal))).ToHashSet(StringComparer.Ordinal);
            var best = names.Where(n => n.Names.Overlaps(goldNames)).OrderByDescending(n => n.Names.Intersect(goldNames).Count()).FirstOrDefault();
            if (best.Entity is null)
            {
                continue;
            }

            entitiesFound++;
            completeness += (double)best.Names.Intersect(present).Count() / Math.Max(1, present.Count);
        }

        var wrongMerges = 0;
        foreach (var pair in gold.RootElement.GetProperty("must_not_merge").EnumerateArray())
        {
            var (a, b) = (aliases[pair[0].GetString()!], aliases[pair[1].GetString()!]);
            var shared = a.Intersect(b).ToHashSet(StringComparer.Ordinal);
            wrongMerges += names.Count(n => n.Names.Except(shared).Any(a.Contains) && n.Names.Except(shared).Any(b.Contains));
        }

        Assert.Equal(0, wrongMerges);

        // Disputes and groups, as score.py measures them: a claim is a gold position when document,
        // holder, stance family and (where the gold says) text agree. A gold proposition asserted by some
        // and denied by others is found when one group holds both sides; a group marked disputed is
        // real when it does that for some gold proposition; a proposition's claims should sit in one
        // group (share in the largest, unmatched claims counting as apart) and a group hold one proposition.
        bool PositionOk(JsonElement p, Claim c) => keyOf[c.Document] == p.GetProperty("doc").GetString() && Family(c.Data.Stance) == Family(p.GetProperty("stance").GetString()!)
            && SpeakerOk(p.GetProperty("holder").GetString()!, c.Holder, c.HolderText)
            && (!p.TryGetProperty("contains", out var contains) || Norm(c.Text).Contains(Norm(contains.GetString()), StringComparison.Ordinal));
        var goldClaims = gold.RootElement.GetProperty("claims").EnumerateArray()
            .Select(gc => (Id: gc.GetProperty("id").GetString()!, Positions: gc.GetProperty("positions").EnumerateArray().Where(p => p.GetProperty("stance").GetString() != "nuance").ToList())).ToList();
        HashSet<string> Sides(ClaimGroup g, List<JsonElement> positions) =>
            [.. g.Claims.SelectMany(c => positions.Where(p => PositionOk(p, c)).Select(p => Family(p.GetProperty("stance").GetString()!)))];
        var disputed = goldClaims.Where(gc => gc.Positions.Select(p => Family(p.GetProperty("stance").GetString()!)).ToHashSet().SetEquals(["assert", "deny"])).ToList();
        var disputesFound = disputed.Count(gc => analysis.ClaimGroups.Any(g => Sides(g, gc.Positions).SetEquals(["assert", "deny"])));
        var marked = analysis.ClaimGroups.Where(g => g.Status == GroupStatus.Disputed).ToList();
        var disputesReal = marked.Count(g => disputed.Any(gc => Sides(g, gc.Positions).SetEquals(["assert", "deny"])));
        var groupOf = analysis.ClaimGroups.SelectMany(g => g.Claims.Select(c => (c.Id, Group: g.Id))).ToDictionary(p => p.Id, p => p.Group, StringComparer.Ordinal);
        var cohesion = new List<double>();
        var propositionsIn = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var gc in goldClaims)
        {
            var matched = analysis.Claims.Where(c => gc.Positions.Any(p => PositionOk(p, c))).ToList();
            foreach (var c in matched.Where(c => groupOf.ContainsKey(c.Id)))
            {
                (propositionsIn.TryGetValue(groupOf[c.Id], out var set) ? set : propositionsIn[groupOf[c.Id]] = []).Add(gc.Id);
            }

            if (matched.Count >= 2)
            {
                var largest = matched.Where(c => groupOf.ContainsKey(c.Id)).GroupBy(c => groupOf[c.Id]).Select(g => g.Count()).DefaultIfEmpty(0).Max();
                cohesion.Add((double)largest / matched.Count);
            }
        }

        // Figures, times and events, as score.py measures them.
        var goldFigures = gold.RootElement.GetProperty("figures").EnumerateArray().ToList();
        var figuresFound = goldFigures.Count(g =>
        {
            var value = g.GetProperty("value").GetDouble();
            var tolerance = g.TryGetProperty("approx", out var approx) && approx.GetBoolean() ? 0.011 : 1e-9;
            return analysis.Figures.Any(f => keyOf[f.Document] == g.GetProperty("doc").GetString() && f.Data.Value is { } v && Math.Abs(v - value) <= tolerance * Math.Max(1, Math.Abs(value)));
        });
        var goldTimes = gold.RootElement.GetProperty("times").EnumerateArray().ToList();
        var timesFound = goldTimes.Count(g => analysis.Times.Any(t => keyOf[t.Document] == g.GetProperty("doc").GetString()
            && Norm(t.Text).Contains(Norm(g.GetProperty("text").GetString()).Replace("on ", string.Empty, StringComparison.Ordinal).Replace("as of ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal)
            && t.Data.Value == g.GetProperty("value").GetString()));
        var goldEvents = gold.RootElement.GetProperty("events").EnumerateArray().ToList();
        var eventsFound = goldEvents.Count(g => analysis.Events.Any(e => keyOf[e.Document] == g.GetProperty("doc").GetString()
            && (!g.TryGetProperty("when", out var when) || when.ValueKind == JsonValueKind.Null || e.Data.When == when.GetString())
            && (!g.TryGetProperty("actor", out var actor) || SpeakerOk(actor.GetString()!, e.Actor, e.ActorText))));

        // What a careful reader knows is wrong (the accused made a speaker, silence read as a claim,
        // cooperation against a group read as cooperation with it), as score.py counts it: none may appear.
        var violations = new List<string>();
        foreach (var m in gold.RootElement.GetProperty("must_not").EnumerateArray())
        {
            var doc = m.GetProperty("doc").GetString();
            string? Field(string name) => m.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var broken = m.GetProperty("kind").GetString() == "claim"
                ? analysis.Claims.Select(c => (c.Document, c.Holder, c.HolderText, Stance: (string?)c.Data.Stance, c.Text))
                    .Concat(analysis.Quotes.Select(q => (q.Document, Holder: q.Speaker, HolderText: q.SpeakerText, Stance: (string?)null, q.Text)))
                    .Any(c => keyOf[c.Document] == doc && SpeakerOk(Field("holder")!, c.Holder, c.HolderText)
                        && (Field("stance") is not { } stance || Family(c.Stance ?? "assert") == Family(stance))
                        && (Field("contains") is not { } contains || Norm(c.Text).Contains(Norm(contains), StringComparison.Ordinal)))
                : analysis.Events.Any(e => keyOf[e.Document] == doc
                    && (Field("actor") is not { } actor || SpeakerOk(actor, e.Actor, e.ActorText))
                    && (Field("target") is not { } target || SpeakerOk(target, e.Target, e.TargetText))
                    && (!m.TryGetProperty("codes", out var codes) || codes.EnumerateArray().Any(c => e.Data.Code.StartsWith(c.GetString()!, StringComparison.Ordinal))));
            if (broken)
            {
                violations.Add($"{doc}: {Field("why")}");
            }
        }

        Assert.Empty(violations);

        using var baseline = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "eval", "baseline.json")));
        var seeds = baseline.RootElement.GetProperty("seeds");
        var epsilon = seeds.GetProperty("epsilon").GetDouble();
        var measured = new Dictionary<string, double>
        {
            ["quotes_found"] = (double)found / goldQuotes.Count,
            ["quote_speakers"] = (double)speakers / goldQuotes.Count,
            ["claim_positions"] = (double)held / positions,
            ["entities_found"] = (double)entitiesFound / aliases.Count,
            ["alias_merge"] = completeness / aliases.Count,
            ["figures"] = (double)figuresFound / goldFigures.Count,
            ["times"] = (double)timesFound / goldTimes.Count,
            ["events"] = (double)eventsFound / goldEvents.Count,
            ["disputes_found"] = (double)disputesFound / disputed.Count,
            ["disputes_precision"] = marked.Count == 0 ? 1 : (double)disputesReal / marked.Count,
            ["claim_grouping"] = cohesion.Average(),
            ["claim_group_purity"] = (double)propositionsIn.Values.Count(p => p.Count == 1) / propositionsIn.Count,
        };
        foreach (var floor in seeds.GetProperty("floors").EnumerateObject())
        {
            Assert.True(measured[floor.Name] >= floor.Value.GetDouble() - epsilon, $"{floor.Name} {measured[floor.Name]:F3} is below its floor {floor.Value.GetDouble():F3}");
        }
    }

    private static string Family(string stance) => StanceFamily.GetValueOrDefault(stance, "assert");

    private static string Norm(string? s) => s is null ? string.Empty
        : string.Join(' ', s.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"')
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
