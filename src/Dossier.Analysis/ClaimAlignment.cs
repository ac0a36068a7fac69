using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Analysis;

/// <summary>What the sources do with a claim group's proposition.</summary>
public enum GroupStatus
{
    /// <summary>Asserted by some holders and denied or rejected by others, each holder taken where they last stood (<see cref="PositionChange"/>).</summary>
    Disputed,

    /// <summary>Asserted by two or more holders in two or more independent sources whose words state the proposition alike (not only its topic), denied by none.</summary>
    Corroborated,

    /// <summary>Not confirmed: one holder, however many outlets carried it, or holders whose claims share only a topic.</summary>
    Single,
}

/// <summary>Claims that state the same proposition, and what the sources do with it.</summary>
/// <param name="Id">g1, g2, … disputed groups first, then corroborated, then single.</param>
/// <param name="Proposition">The proposition, in the words of the group's canonical statement (<see cref="CanonicalStatement"/>): its most central assertion that reads as a statement on its own.</param>
/// <param name="Status">Disputed, corroborated or single (<see cref="GroupStatus"/>).</param>
/// <param name="Claims">The claims, in document and text order.</param>
public sealed record ClaimGroup(string Id, string Proposition, GroupStatus Status, IReadOnlyList<Claim> Claims)
{
    /// <summary>The frame the group's claims state (<see cref="Dossier.Analysis.Proposition.Frame"/>), or null.</summary>
    public string? Frame { get; init; }

    /// <summary>The places the group's frame is about.</summary>
    public IReadOnlyList<string> Places { get; init; } = [];

    /// <summary>The statements: each holder's nearly identical claims as one, with the outlets that carried it, earliest first.</summary>
    public IReadOnlyList<Statement<Claim>> Statements { get; init; } = [];

    /// <summary>Holders whose position on the proposition changed between reports (denied, then asserted, or the reverse), in the order of the later report: history, not dispute.</summary>
    public IReadOnlyList<PositionChange> Changes { get; init; } = [];

    /// <summary>How each document stands towards the group's proposition, by the stance model (empty when none was loaded).</summary>
    public IReadOnlyList<StanceCoverage> Coverage { get; init; } = [];
}

/// <summary>How a document stands towards a claim group's proposition, by the stance model (FNC-1's classes).</summary>
/// <param name="Document">The document id.</param>
/// <param name="Stance">agree, disagree or discuss (unrelated documents are left out).</param>
/// <param name="Confidence">The model's probability of that stance.</param>
/// <param name="Related">The model's probability that the document is about the proposition at all.</param>
/// <param name="HoldsClaim">True when the document holds a claim of the group (its stance is then also stated by its claims).</param>
public sealed record StanceCoverage(string Document, string Stance, double Confidence, double Related, bool HoldsClaim);

/// <summary>
/// Groups claims that state the same proposition across documents and outlets. Each claim becomes
/// a weighted bag of terms: the entities its mentions resolve to ("Afghan soil" and "Kabul" both
/// mean Afghanistan) and its content words, stemmed and folded into concepts that outlets word
/// differently (weapons/arms/hardware, militants/terrorists, sanctuary/shelter/harbouring; data in
/// <c>claim-words.tsv</c>). A claim joins its best match when the IDF-weighted cosine of their
/// bags reaches <see cref="Threshold"/>, and any two claims join at <see cref="SameThreshold"/>
/// (best matches rather than every pair above a low bar, so that groups do not chain); a denial with next to no content of its own ("Afghan officials deny
/// involvement") joins the claim it answers, the nearest earlier claim of another holder in its
/// paragraph. Pairs are found through an inverted index, never all against all.
/// </summary>
internal static class ClaimAlignment
{
    /// <summary>The cosine at which a claim joins its best match.</summary>
    public const double Threshold = 0.2;

    /// <summary>The cosine at which a claim joins its best match of the same frame: the structure already says they are about the same thing.</summary>
    public const double FrameThreshold = 0.1;

    /// <summary>The cosine at which any two claims join: they state the same thing in nearly the same words.</summary>
    public const double SameThreshold = 0.5;

    /// <summary>The weight of a claim's frame in its bag (an entity weighs 1.5, a word 1).</summary>
    private const double FrameWeight = 2.0;

    /// <summary>Two claims must share at least this many terms to be compared.</summary>
    private const int MinShared = 2;

    /// <summary>Denials with at most this many terms take their content from the claim they answer.</summary>
    private const int AnswerMaxTerms = 2;

    /// <summary>How far back (characters) a bare denial looks for the claim it answers.</summary>
    private const int AnswerWindow = 400;

    /// <summary>Terms held by more claims than this are left out of candidate generation (they still count in the cosine), which keeps the pairs proposed linear in the corpus.</summary>
    private const int MaxPostings = 100;

    private static readonly HashSet<string> HoldingTrue = new(["assert", "believe", "accuse", "warn", "report", "announce", "acknowledge", "confirm", "agree"], StringComparer.Ordinal);

    private static readonly HashSet<string> DenyFamily = new(["deny", "reject", "dismiss", "refute"], StringComparer.Ordinal);

    private static readonly (Dictionary<string, string> Concepts, HashSet<string> Stop) Words = Load();

    /// <summary>True when the stance denies the proposition (deny, reject, dismiss, refute).</summary>
    public static bool Denies(string stance) => DenyFamily.Contains(stance);

    /// <summary>Groups the claims; <paramref name="sourceOf"/> gives each document's independent source (near-copies share one).</summary>
    public static IReadOnlyList<ClaimGroup> Align(IReadOnlyList<Document> documents, IReadOnlyList<Claim> claims, IReadOnlyList<Entity> entities, Func<string, string>? sourceOf = null)
    {
        var mentions = ClaimMentions.Of(documents, claims, entities);
        return Align(documents, claims, mentions, Propositions.Of(documents, claims, mentions), sourceOf);
    }

    /// <summary>Groups the claims, whose named <paramref name="mentions"/> and <paramref name="propositions"/> (one per claim, in order) are already read.</summary>
    /// <param name="documents">The documents.</param>
    /// <param name="claims">The claims.</param>
    /// <param name="mentions">Each claim's named mentions.</param>
    /// <param name="propositions">Each claim's proposition.</param>
    /// <param name="sourceOf">Each document's independent source (near-copies share one).</param>
    /// <param name="storyOf">Each document's story: claims of different stories never join (a proposition is said within a story; 'returns' in a tax story are not the weapons returned in another).</param>
    internal static IReadOnlyList<ClaimGroup> Align(IReadOnlyList<Document> documents, IReadOnlyList<Claim> claims, IReadOnlyList<ClaimMention[]> mentions, IReadOnlyList<Proposition> propositions, Func<string, string>? sourceOf = null, Func<string, string>? storyOf = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(propositions);
        sourceOf ??= doc => doc;
        storyOf ??= _ => string.Empty;
        var byId = ClaimMentions.ById(documents);
        var bags = claims.Select((c, k) => Terms(byId[c.Document], c, mentions[k], propositions[k])).ToList();

        var vectors = TermBags.WeighByIdf(bags, out var df).Select(Normalise).ToList();
        var sets = new UnionFind(claims.Count);

        // Candidate pairs share a term that is not too common; their dot products are summed per pair.
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var k = 0; k < vectors.Count; k++)
        {
            foreach (var term in vectors[k].Keys)
            {
                if (df[term] <= MaxPostings)
                {
                    (postings.TryGetValue(term, out var list) ? list : postings[term] = []).Add(k);
                }
            }
        }

        var dots = new Dictionary<(int, int), (double Dot, int Shared)>();
        foreach (var (term, list) in postings)
        {
            for (var x = 0; x < list.Count; x++)
            {
                for (var y = x + 1; y < list.Count; y++)
                {
                    var key = (list[x], list[y]);
                    var (dot, shared) = dots.GetValueOrDefault(key);
                    dots[key] = (dot + (vectors[list[x]][term] * vectors[list[y]][term]), shared + 1);
                }
            }
        }

        // One shared name ('Kabul') or one shared word ('sports') is not a shared proposition; two are.
        foreach (var key in dots.Where(p => p.Value.Shared < MinShared).Select(p => p.Key).ToList())
        {
            dots.Remove(key);
        }

        // Near-identical claims join first (strongest first), then sets join by average linkage; never
        // two sets whose frames or places differ (cannot-link).
        var frames = propositions.Select(p => p.Frame).ToArray();
        var places = propositions.Select(p => p.Place is { } place ? new HashSet<string>([place], StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal)).ToArray();
        var agents = propositions.Select(p => p.Agents.ToList()).ToArray();
        var stories = claims.Select(c => storyOf(c.Document)).ToArray();
        var merger = new ConstrainedSets(sets, frames, places, agents, stories);
        foreach (var ((a, b), _) in dots.Where(p => p.Value.Dot >= SameThreshold).OrderByDescending(p => p.Value.Dot).ThenBy(p => p.Key))
        {
            merger.TryJoin(a, b);
        }

        JoinByAverage(dots, merger, claims.Count);

        // A bare denial answers the claim before it.
        var answered = new HashSet<int>();
        for (var k = 0; k < claims.Count; k++)
        {
            var c = claims[k];
            // Bare: few words of its own and no clause with its own subject ('deny involvement', 'was not her view'); 'he would
            // never vote for Clinton' is short but states its own proposition.
            if (!Denies(c.Data.Stance) || bags[k].Count > AnswerMaxTerms || CanonicalStatement.IsClause(byId[c.Document], c.Data.Span))
            {
                continue;
            }

            for (var j = k - 1; j >= 0 && claims[j].Document == c.Document && c.Data.Span.Start - claims[j].Data.Span.End <= AnswerWindow; j--)
            {
                if (claims[j].Paragraph >= c.Paragraph - 1 && !string.Equals(claims[j].HolderLabel, c.HolderLabel, StringComparison.OrdinalIgnoreCase))
                {
                    sets.Union(j, k);
                    answered.Add(k);
                    break;
                }
            }
        }

        // A denial stays in a group only where it denies the group's proposition: it answers a claim, states the
        // same frame as an assertion of the group in words close to it, or nearly the same words. Joined by topic
        // or frame alone ('Nobody wants to bus their kids' among claims about schools; 'people who attack my wife'
        // among attacks on a former Miss Universe) it would make a dispute of a disagreement nobody stated. A
        // refusal to act ('declined to comment', 'rejected to step into the fray') denies nothing.
        var kept = Enumerable.Range(0, claims.Count).GroupBy(k => sets.Find(k)).Select(g => g.ToList()).SelectMany(g =>
        {
            if (!g.Exists(k => !Denies(claims[k].Data.Stance)))
            {
                return (IEnumerable<List<int>>)[g];
            }

            // Each denial judged once: it stays, or stands alone.
            var apart = g.Where(k => Denies(claims[k].Data.Stance) && !DeniesTheGroup(k, g)).ToHashSet();
            return [[.. g.Where(k => !apart.Contains(k))], .. apart.Order().Select(k => new List<int> { k })];
        });

        // A denial by its cue ('rejected the presence of camps', 'dismissed') denies what the group says in nearly the same
        // words, or in the same frame in words close to it. Negated words under a plain cue deny the group only by
        // negating its frame ('ISIS does not have a presence', 'He has no weapon': Proposition.Negated): 'he would not
        // answer questions' beside 'he will refuse to answer' agrees with it, 'I am not in the habit of supporting
        // people who attack …' says something else than the attacks it shares a frame with, and matching negated words
        // against affirmed ones ('would not pay' against 'will pay') was tried and set apart more poll figures and
        // quips than disputes. The side it denies must be stated, not asked or supposed ('if there were evidence …').
        bool DeniesTheGroup(int k, List<int> group)
        {
            if (IsRefusal(claims[k]))
            {
                return false;
            }

            if (answered.Contains(k))
            {
                return true;
            }

            var byCue = CueDenies(byId[claims[k].Document], claims[k]);
            return group.Exists(m => !Denies(claims[m].Data.Stance) && claims[m].Data.Modality is not ("condition" or "question")
                && Cosine(vectors[k], vectors[m]) is var cosine
                && ((byCue && cosine >= SameThreshold) || (cosine >= Threshold && SameFrame(k, m) && (byCue || propositions[k].Negated))));
        }

        bool SameFrame(int k, int m) => propositions[k].Frame is { } frame && propositions[m].Frame == frame;

        // Two assertions confirm each other when both hold the proposition true (asserted, believed, reported, warned
        // of — not urged, intended, condemned or cited) and state it, not only its topic: in nearly the same words, or in
        // the same frame in words close to each other; neither asked nor supposed.
        bool Confirms(int k, int m) =>
            HoldsTrue(claims[k]) && HoldsTrue(claims[m])
            && Cosine(vectors[k], vectors[m]) is var cosine && (cosine >= SameThreshold || (cosine >= Threshold && SameFrame(k, m)));

        var groups = kept.Where(g => g.Count > 1).Select(g =>
        {
            var members = g.OrderBy(k => k).ToList();
            var changes = PositionChanges.Of([.. members.Select(k => claims[k])], byId);

            // A holder who changed position stands where they last stood: the positions they left say nothing against anybody.
            var left = changes.Select(c => c.From.Id).ToHashSet(StringComparer.Ordinal);
            var standing = members.Where(k => !left.Contains(claims[k].Id)).ToList();
            var status = StatusOf(standing.Select(k => claims[k]).ToList(), sourceOf, (a, b) => Confirms(standing[a], standing[b]));
            // The most central assertion: the one nearest the group's centroid (linear in the group's size).
            var centroid = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var m in members)
            {
                foreach (var (term, weight) in vectors[m])
                {
                    centroid[term] = centroid.GetValueOrDefault(term) + weight;
                }
            }

            var central = members.Where(k => !Denies(claims[k].Data.Stance)).DefaultIfEmpty(members[0])
                .OrderByDescending(k => Cosine(vectors[k], centroid) + CanonicalStatement.Score(byId[claims[k].Document], claims[k])).ThenBy(k => k).First();
            var groupClaims = (IReadOnlyList<Claim>)[.. members.Select(k => claims[k])];
            return (Status: status, Proposition: CanonicalStatement.Of(claims[central]), Claims: groupClaims,
                Frame: members.Select(k => propositions[k].Frame).FirstOrDefault(f => f is not null),
                Places: (IReadOnlyList<string>)[.. members.Select(k => propositions[k].Place).OfType<string>().Distinct(StringComparer.Ordinal)],
                Statements: ReReporting.Statements(groupClaims, c => c.Document, ReReporting.HolderOf, c => c.Text, byId),
                Changes: changes);
        });

        return [.. groups.OrderBy(g => g.Status).ThenByDescending(g => g.Claims.Count)
            .Select((g, n) => new ClaimGroup($"g{n + 1}", g.Proposition, g.Status, g.Claims) { Frame = g.Frame, Places = g.Places, Statements = g.Statements, Changes = g.Changes })];
    }

    /// <summary>
    /// Average-linkage clustering over the candidate pairs: the two sets with the highest mean
    /// cosine over all their member pairs (pairs never proposed count 0) join while that mean
    /// reaches <see cref="FrameThreshold"/> for sets of one frame, <see cref="Threshold"/> otherwise,
    /// and the sets may join. A priority queue with stale entries skipped keeps it near-linear in
    /// the pairs.
    /// </summary>
    private static void JoinByAverage(Dictionary<(int, int), (double Dot, int Shared)> dots, ConstrainedSets merger, int count)
    {
        var size = new int[count];
        var sums = new Dictionary<(int, int), double>();
        var neighbours = new Dictionary<int, HashSet<int>>();
        for (var k = 0; k < count; k++)
        {
            size[merger.Find(k)]++;
        }

        foreach (var ((a, b), (dot, _)) in dots)
        {
            var (ra, rb) = (merger.Find(a), merger.Find(b));
            if (ra != rb)
            {
                Add(ra, rb, dot);
            }
        }

        var queue = new PriorityQueue<(int A, int B, double Mean), (double, int, int)>();
        foreach (var (a, b) in sums.Keys)
        {
            Push(a, b);
        }

        while (queue.TryDequeue(out var top, out _))
        {
            var (a, b) = (top.A, top.B);
            if (merger.Find(a) != a || merger.Find(b) != b || !sums.TryGetValue((a, b), out var sum) || sum / (size[a] * size[b]) != top.Mean)
            {
                continue;
            }

            var threshold = merger.Frame(a) is { } f && f == merger.Frame(b) ? FrameThreshold : Threshold;
            if (top.Mean < threshold || !merger.TryJoin(a, b))
            {
                continue;
            }

            var (root, other) = merger.Find(a) == a ? (a, b) : (b, a);
            size[root] += size[other];
            sums.Remove((Math.Min(a, b), Math.Max(a, b)));
            neighbours[root].Remove(other);
            foreach (var n in neighbours[other])
            {
                if (n == root)
                {
                    continue;
                }

                var moved = sums[(Math.Min(n, other), Math.Max(n, other))];
                sums.Remove((Math.Min(n, other), Math.Max(n, other)));
                neighbours[n].Remove(other);
                Add(root, n, moved);
            }

            neighbours.Remove(other);
            foreach (var n in neighbours[root])
            {
                Push(root, n);
            }
        }

        void Add(int x, int y, double dot)
        {
            var key = (Math.Min(x, y), Math.Max(x, y));
            sums[key] = sums.GetValueOrDefault(key) + dot;
            (neighbours.TryGetValue(x, out var nx) ? nx : neighbours[x] = []).Add(y);
            (neighbours.TryGetValue(y, out var ny) ? ny : neighbours[y] = []).Add(x);
        }

        void Push(int x, int y)
        {
            var key = (Math.Min(x, y), Math.Max(x, y));
            var mean = sums[key] / (size[key.Item1] * size[key.Item2]);
            queue.Enqueue((key.Item1, key.Item2, mean), (-mean, key.Item1, key.Item2));
        }
    }

    /// <summary>True when the holder states the claim's words as fact, plainly (not asked, supposed, demanded, intended or only mentioned).</summary>
    internal static bool HoldsTrue(Claim c) =>
        HoldingTrue.Contains(c.Data.Stance) && c.Data.Modality is not ("condition" or "question" or "demand" or "intention");

    /// <summary>True when the claim's cue is itself a verb of denial ('denied', 'rejected', 'dismissed'), not a plain statement of negated words.</summary>
    private static bool CueDenies(Document d, Claim c) =>
        c.Data.Cue is { } cue && d.WordsIn(cue).Any(w => DenyFamily.Contains(w.Lemma.ToLowerInvariant()) || DenyFamily.Contains(w.Text.ToLowerInvariant()));

    /// <summary>A claim whose content is an infinitive ('to comment', 'to step into the fray'): with a denial's cue, a refusal to act, not a denial of what anybody said.</summary>
    private static bool IsRefusal(Claim c) => c.Text.StartsWith("to ", StringComparison.OrdinalIgnoreCase) || c.Text.StartsWith("not to ", StringComparison.OrdinalIgnoreCase);

    /// <summary>Disputed, corroborated or single (see <see cref="GroupStatus"/>).</summary>
    /// <param name="claims">The group's claims.</param>
    /// <param name="sourceOf">Each document's independent source.</param>
    /// <param name="confirms">Whether the claims at two indexes state the same proposition (not only its topic); null when any two do.</param>
    public static GroupStatus StatusOf(IReadOnlyList<Claim> claims, Func<string, string> sourceOf, Func<int, int, bool>? confirms = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(sourceOf);
        var asserted = claims.Where(c => !Denies(c.Data.Stance)).ToList();
        var denied = claims.Where(c => Denies(c.Data.Stance)).ToList();

        // Some holder asserts and another denies: both sides there, and more than one holder among them.
        var holders = asserted.Concat(denied).Select(c => c.HolderLabel).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        if (asserted.Count > 0 && denied.Count > 0 && holders > 1)
        {
            return GroupStatus.Disputed;
        }

        // Corroborated: two holders, in two independent sources, whose assertions confirm each other. One holder
        // carried by many outlets is one statement re-reported, not confirmation; two holders on one topic are not
        // either.
        if (denied.Count > 0)
        {
            return GroupStatus.Single;
        }

        var holderKeys = claims.Select(c => ReReporting.HolderOf(c).Key).ToArray();
        var sources = claims.Select(c => sourceOf(c.Document)).ToArray();
        for (var a = 0; a < claims.Count; a++)
        {
            for (var b = a + 1; b < claims.Count; b++)
            {
                if (holderKeys[a] != holderKeys[b] && sources[a] != sources[b] && (confirms is null || confirms(a, b)))
                {
                    return GroupStatus.Corroborated;
                }
            }
        }

        return GroupStatus.Single;
    }

    private static Dictionary<string, double> Terms(Document d, Claim c, ClaimMention[] mentions, Proposition proposition)
    {
        // The frame weighs most: claims that say the same thing of the same things share it.
        var bag = new Dictionary<string, double>(StringComparer.Ordinal);
        if (proposition.Frame is { } frame)
        {
            bag["F:" + frame] = FrameWeight;
        }

        foreach (var m in mentions)
        {
            var key = m.Entity is { } e ? "E:" + e.Id : "N:" + d.GetText(m.Span).ToLowerInvariant();
            bag[key] = 1.5;
        }

        var tokens = d.Get(Layers.Tokens);
        for (var k = TokenSearch.FirstEndingAfter(tokens, c.Data.Span.Start); k < tokens.Length && tokens[k].Span.Start < c.Data.Span.End; k++)
        {
            var t = tokens[k];
            if (!c.Data.Span.Contains(t.Span) || mentions.Any(m => m.Span.Contains(t.Span)))
            {
                continue;
            }

            var w = d.GetText(t.Span).ToLowerInvariant();
            if (w.Length < 3 || !char.IsLetter(w[0]) || Words.Stop.Contains(w))
            {
                continue;
            }

            bag.TryAdd(Words.Concepts.TryGetValue(w, out var concept) ? "C:" + concept : Stem(w), 1.0);
        }

        return bag;
    }

    private static Dictionary<string, double> Normalise(Dictionary<string, double> v)
    {
        var norm = Math.Sqrt(v.Values.Sum(x => x * x));
        foreach (var key in v.Keys.ToList())
        {
            v[key] = norm == 0 ? 0 : v[key] / norm;
        }

        return v;
    }

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b) =>
        a.Count <= b.Count ? a.Sum(p => b.TryGetValue(p.Key, out var x) ? p.Value * x : 0) : Cosine(b, a);

    /// <summary>A light suffix-stripping stem: 'concerns' → 'concern', 'agreed' → 'agre', 'provided' → 'provid'.</summary>
    internal static string Stem(string w)
    {
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            return w[..^3] + "y";
        }

        foreach (var suffix in (string[])["ing", "ed", "es", "s"])
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= 4 && !w.EndsWith("ss", StringComparison.Ordinal))
            {
                return w[..^suffix.Length];
            }
        }

        return w;
    }


    private static (Dictionary<string, string>, HashSet<string>) Load()
    {
        var concepts = new Dictionary<string, string>(StringComparer.Ordinal);
        var stop = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in DataFile.ReadEmbedded(typeof(ClaimAlignment).Assembly, "Dossier.Analysis.Data.claim-words.tsv"))
        {
            var words = row[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (row[0] == "concept")
            {
                foreach (var w in words)
                {
                    concepts[w] = words[0];
                }
            }
            else if (row[0] == "stop")
            {
                stop.UnionWith(words);
            }
        }

        return (concepts, stop);
    }
}

/// <summary>Disjoint sets of claims that keep, per set, the story, frame, places and actors its claims state, and join two sets only of one story and when those fit (<see cref="Proposition.Compatible"/>).</summary>
internal sealed class ConstrainedSets(UnionFind sets, string?[] frames, HashSet<string>[] places, List<Agent>[] agents, string[] stories)
{
    /// <summary>The root of the set holding claim <paramref name="k"/>.</summary>
    public int Find(int k) => sets.Find(k);

    /// <summary>The frame of the set rooted at <paramref name="root"/>, or null.</summary>
    public string? Frame(int root) => frames[root];

    /// <summary>Joins the sets of <paramref name="a"/> and <paramref name="b"/> when their frames and places fit; true when they are one set after.</summary>
    public bool TryJoin(int a, int b)
    {
        var (ra, rb) = (sets.Find(a), sets.Find(b));
        if (ra == rb)
        {
            return true;
        }

        if (!string.Equals(stories[ra], stories[rb], StringComparison.Ordinal) || !Proposition.Compatible(frames[ra], places[ra], agents[ra], frames[rb], places[rb], agents[rb]))
        {
            return false;
        }

        sets.Union(ra, rb);
        var (root, other) = sets.Find(ra) == ra ? (ra, rb) : (rb, ra);
        frames[root] ??= frames[other];
        places[root].UnionWith(places[other]);
        agents[root].AddRange(agents[other].Where(a => !agents[root].Exists(b => b.Id == a.Id)));
        return true;
    }
}
