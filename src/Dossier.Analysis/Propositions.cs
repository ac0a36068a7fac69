using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Analysis;

/// <summary>
/// What a claim states, as structure: the frame of its main predicate (the class of words that
/// say the same thing across outlets' wording: 'sheltered', 'safe haven', 'sanctuaries' and 'soil'
/// are all <c>harbour</c>), the place that frame is about, and the entities the content names.
/// </summary>
/// <param name="Frame">The frame's class (<c>claim-words.tsv</c>, rows <c>frame</c>), or null when no word of the content has one.</param>
/// <param name="FrameSpan">The word that carries the frame.</param>
/// <param name="Place">The place the frame word is about ('Afghan soil', 'a safe haven in Afghanistan'): <c>country:CODE</c> for a place the knowledge base puts in a country (a capital stands for its state), else the entity id; null when none.</param>
/// <param name="Entities">The entity ids the content names, in text order, each once.</param>
/// <param name="Negated">True when the frame word is negated, on itself or through a light verb ('does not have a presence', 'no sanctuaries').</param>
internal sealed record Proposition(string? Frame, TextSpan? FrameSpan, string? Place, IReadOnlyList<string> Entities, bool Negated)
{
    /// <summary>No structure known.</summary>
    public static Proposition None { get; } = new(null, null, null, [], false);

    /// <summary>
    /// The actors the frame is said of: the organisations and people the knowledge base knows,
    /// in the frame word's own phrase, else in that of the nearest word above it inside the
    /// content ('ISIS does not have a presence', 'camps of ISKP', 'harbouring the TTP'). Places
    /// are the frame's <see cref="Place"/>, never its actors; names the knowledge base does not
    /// know are left out (an unknown name may be a variant of a known one).
    /// </summary>
    public IReadOnlyList<Agent> Agents { get; init; } = [];

    /// <summary>
    /// True when two claims (or two groups of claims, their frames, places and actors gathered) may
    /// state the same proposition: not when both have a frame and the frames differ, nor when both
    /// name the frame's place and the places differ ('ISIS uses Pakistan's soil' is not 'terrorism
    /// emanating from Afghan soil'), nor when both name its actors and no actor of one is an actor
    /// of the other or a branch of it ('ISIS has no presence in Afghanistan' is not 'the TTP has a
    /// safe haven in Afghanistan'; ISKP's camps are the Islamic State's).
    /// </summary>
    public static bool Compatible(string? frameA, IReadOnlySet<string> placesA, IReadOnlyList<Agent> agentsA, string? frameB, IReadOnlySet<string> placesB, IReadOnlyList<Agent> agentsB)
    {
        ArgumentNullException.ThrowIfNull(placesA);
        ArgumentNullException.ThrowIfNull(placesB);
        ArgumentNullException.ThrowIfNull(agentsA);
        ArgumentNullException.ThrowIfNull(agentsB);
        if (frameA is not null && frameB is not null && !string.Equals(frameA, frameB, StringComparison.Ordinal))
        {
            return false;
        }

        return (placesA.Count == 0 || placesB.Count == 0 || placesA.Overlaps(placesB))
            && (agentsA.Count == 0 || agentsB.Count == 0 || agentsA.Any(a => agentsB.Any(a.IsRelated)));
    }
}

/// <summary>
/// An actor of a proposition: an entity the knowledge base knows, with its names (the entity's and
/// the knowledge base's, lower-cased, hyphens as spaces) and the word prefixes of those names, so
/// that a branch named after its parent ('Islamic State Khorasan Province', 'ISIS-K') is related to
/// the parent ('Islamic State', 'ISIS').
/// </summary>
/// <param name="Id">The entity id.</param>
/// <param name="Names">Its names, normalised.</param>
/// <param name="Prefixes">The word prefixes (of at least <see cref="MinPrefix"/> characters) of its names that are not themselves its names.</param>
internal sealed record Agent(string Id, IReadOnlySet<string> Names, IReadOnlySet<string> Prefixes)
{
    /// <summary>The shortest name prefix that can name a parent ('ISIS', not 'Al').</summary>
    public const int MinPrefix = 4;

    /// <summary>The same entity, or one named by a prefix of the other's name (a branch and its parent).</summary>
    public bool IsRelated(Agent other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Id, other.Id, StringComparison.Ordinal) || Names.Overlaps(other.Prefixes) || other.Names.Overlaps(Prefixes);
    }

    /// <summary>The agent for <paramref name="e"/>.</summary>
    public static Agent Of(Entity e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in e.Aliases.Prepend(e.Name).Concat(e.Kb is { } kb ? kb.Aliases.Prepend(kb.Name) : []))
        {
            var words = name.ToLowerInvariant().Split([' ', '-', '(', ')', ',', '.', '\''], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 0)
            {
                names.Add(string.Join(' ', words));
            }
        }

        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            for (var end = name.IndexOf(' ', StringComparison.Ordinal); end > 0; end = name.IndexOf(' ', end + 1))
            {
                if (end >= MinPrefix && !names.Contains(name[..end]))
                {
                    prefixes.Add(name[..end]);
                }
            }
        }

        return new Agent(e.Id, names, prefixes);
    }
}

/// <summary>Reads a claim's <see cref="Proposition"/> from the dependency tree over its content.</summary>
internal static class Propositions
{
    private static readonly (Dictionary<string, string> Words, HashSet<string> Weak, HashSet<string> Located, HashSet<string> Actors, Dictionary<string, (string Name, HashSet<string> Words)> Refine) Lexicon = Load();

    private static Dictionary<string, string> Frames => Lexicon.Words;

    /// <summary>Each claim's proposition, in order.</summary>
    public static IReadOnlyList<Proposition> Of(IReadOnlyList<Document> documents, IReadOnlyList<Claim> claims, IReadOnlyList<Entity> entities) =>
        Of(documents, claims, ClaimMentions.Of(documents, claims, entities));

    /// <summary>Each claim's proposition, in order, its mentions already resolved (<see cref="ClaimMentions"/>).</summary>
    public static IReadOnlyList<Proposition> Of(IReadOnlyList<Document> documents, IReadOnlyList<Claim> claims, IReadOnlyList<ClaimMention[]> mentions)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(mentions);
        var byId = ClaimMentions.ById(documents);
        return [.. claims.Select((c, k) => Of(byId[c.Document], c.Data.Span, [.. mentions[k].Where(m => m.Entity is not null).Select(m => (m.Span, m.Entity!))]))];
    }

    /// <summary>
    /// The proposition of the content <paramref name="content"/> in <paramref name="d"/>: the frame
    /// word is the one nearest the content's root (breadth first over the tree, so 'It is proven
    /// that the TTP enjoys sanctuaries' is about sanctuaries, not proof); without a tree, the first
    /// frame word. The place is the place entity in the frame word's subtree, else in the subtree
    /// of the nearest ancestor inside the content that has one.
    /// </summary>
    public static Proposition Of(Document d, TextSpan content, IReadOnlyList<(TextSpan Span, Entity Entity)> entities)
    {
        var inside = entities.Where(e => content.Contains(e.Span)).ToList();
        var named = inside.Select(e => e.Entity.Id).Distinct(StringComparer.Ordinal).ToList();
        var words = d.WordsIn(content).Where(w => content.Contains(w.Span)).ToList();
        if (words.Count == 0)
        {
            foreach (var t in SpanSearch.Within(d.GetOrEmpty(Layers.Tokens), content))
            {
                if (Frames.TryGetValue(d.GetText(t.Span).ToLowerInvariant(), out var f))
                {
                    return new Proposition(f, t.Span, null, named, false);
                }
            }

            return Proposition.None with { Entities = named };
        }

        // The content's root is the word governing most of it; a piece the parser hung outside the
        // content ('…, officials told reporters' taking 'for attacks inside Pakistan') is read after it.
        var tops = words.Where(w => w.Head is not { } h || !content.Contains(h.Span))
            .OrderByDescending(w => words.Count(x => x.IsWithin(w))).ThenBy(w => w.Span.Start).ToList();
        if ((Nearest(tops.Take(1), content) ?? Nearest(tops.Skip(1), content)) is not { } found)
        {
            return Proposition.None with { Entities = named };
        }

        // A frame on a weak word ('the presence of U.S. weapons') gives way to one on a strong word below it.
        var (word, frame) = found;
        if (IsWeak(word) && Nearest(word.Children, content) is { } below && !IsWeak(below.Word))
        {
            (word, frame) = below;
        }

        // A frame refined by the kind of its arguments: weapons held by militants are not the weapons a
        // state left behind. An organisation on a sanctions list (OFAC SDN, in the knowledge base) counts as one.
        if (Lexicon.Refine.TryGetValue(frame, out var refine)
            && (words.Any(w => refine.Words.Contains(w.Lemma.ToLowerInvariant()) || refine.Words.Contains(w.Text.ToLowerInvariant()))
                || (refine.Name == "militant" && inside.Any(e => e.Entity.Kb is { Kind: "org" } kb && kb.Id.StartsWith("ofac:", StringComparison.Ordinal)))))
        {
            frame += "+" + refine.Name;
        }

        var place = Lexicon.Located.Contains(frame.Split('+')[0]) ? PlaceOf(word, content, inside) : null;
        return new Proposition(frame, word.Span, place, named, IsNegated(word, content))
        {
            Agents = Lexicon.Actors.Contains(frame.Split('+')[0]) ? AgentsOf(word, content, inside) : [],
        };
    }

    /// <summary>
    /// The known non-place entities in the frame word's phrase, else in that of the nearest word
    /// above it that has any, climbing no higher than the predicate of the frame word's clause and
    /// leaving out the clauses joined to it ('… remains a concern, and it was communicated to the
    /// Taliban' does not say the concern is the Taliban's).
    /// </summary>
    private static IReadOnlyList<Agent> AgentsOf(Word frame, TextSpan content, List<(TextSpan Span, Entity Entity)> entities)
    {
        var actors = entities.Where(e => e.Entity.Kb is { IsPlace: false } && e.Entity.Type is not ("GPE" or "LOC" or "NORP")).ToList();
        for (Word? w = frame; actors.Count > 0 && w is { } at && content.Contains(at.Span); w = at.Head)
        {
            var subtree = at.Subtree;
            var joined = at.Children.Where(c => c.BaseRelation is "conj" or "parataxis" or "advcl" or "ccomp").Select(c => c.Subtree).ToList();
            var found = actors.Where(a => subtree.Contains(a.Span) && !joined.Exists(j => j.Contains(a.Span)))
                .Select(a => a.Entity).DistinctBy(e => e.Id, StringComparer.Ordinal).ToList();
            if (found.Count > 0)
            {
                return [.. found.Select(Agent.Of)];
            }

            if (at.Upos is UPos.VERB or UPos.AUX)
            {
                break;
            }
        }

        return [];
    }

    /// <summary>
    /// True when the frame word is negated: on itself ('no sanctuaries'), or through a light verb
    /// that only carries it ('does not have a presence', 'there is not a haven'); a verb of its own
    /// ('funding should not be eliminated', 'weapons do not fall into the wrong hands') negates
    /// something else than the frame.
    /// </summary>
    private static bool IsNegated(Word word, TextSpan content) =>
        word.IsNegated || (word.Head is { } head && content.Contains(head.Span) && head.IsNegated
            && head.Lemma.ToLowerInvariant() is "have" or "be" or "exist" or "enjoy" or "remain");

    private static bool IsWeak(Word w) => Lexicon.Weak.Contains(w.Lemma.ToLowerInvariant()) || Lexicon.Weak.Contains(w.Text.ToLowerInvariant());

    /// <summary>The frame word nearest <paramref name="start"/> (breadth first, in text order at each depth) within the content.</summary>
    private static (Word Word, string Frame)? Nearest(IEnumerable<Word> start, TextSpan content)
    {
        var queue = new Queue<Word>(start.Where(w => content.Contains(w.Span)));
        while (queue.TryDequeue(out var w))
        {
            if (w.Upos is not (UPos.PROPN or UPos.PUNCT) && FrameOf(w) is { } frame)
            {
                return (w, frame);
            }

            foreach (var c in w.Children)
            {
                if (content.Contains(c.Span))
                {
                    queue.Enqueue(c);
                }
            }
        }

        return null;
    }

    /// <summary>The word's frame: a phrasal verb's as a whole first ('give back' is <c>give-back</c>), then the lemma's, then the word form's.</summary>
    private static string? FrameOf(Word w)
    {
        var lemma = w.Lemma.ToLowerInvariant();
        foreach (var particle in w.Children)
        {
            if (particle.BaseRelation == "compound" && particle.Upos is UPos.ADP or UPos.ADV or UPos.PART
                && Frames.TryGetValue(lemma + "-" + particle.Text.ToLowerInvariant(), out var phrasal))
            {
                return phrasal;
            }
        }

        return Frames.TryGetValue(lemma, out var f) || Frames.TryGetValue(w.Text.ToLowerInvariant(), out f) ? f : null;
    }

    private static string? PlaceOf(Word frame, TextSpan content, List<(TextSpan Span, Entity Entity)> entities)
    {
        var places = entities.Where(e => e.Entity.Type is "GPE" or "LOC").ToList();
        for (Word? w = frame; w is { } at && content.Contains(at.Span); w = at.Head)
        {
            var subtree = at.Subtree;
            if (places.FirstOrDefault(p => subtree.Contains(p.Span)) is { Entity: not null } found)
            {
                // A city stands for its country ('Kabul' sheltering militants is Afghanistan doing so).
                return Key(found.Entity);
            }
        }

        // Nothing hung on the frame word: the content's first place ('the presence of camps … in Pakistan' parsed apart).
        return places.Count > 0 ? Key(places[0].Entity) : null;
    }

    private static string Key(Entity place) => place.Kb is { IsPlace: true, Country: { } country } ? "country:" + country : place.Id;

    private static (Dictionary<string, string>, HashSet<string>, HashSet<string>, HashSet<string>, Dictionary<string, (string, HashSet<string>)>) Load()
    {
        var rows = DataFile.ReadEmbedded(typeof(Propositions).Assembly, "Dossier.Analysis.Data.claim-words.tsv").ToList();
        var frames = new Dictionary<string, string>(StringComparer.Ordinal);
        var weak = new HashSet<string>(StringComparer.Ordinal);
        var located = new HashSet<string>(StringComparer.Ordinal);
        var actors = new HashSet<string>(StringComparer.Ordinal);
        var refine = new Dictionary<string, (string, HashSet<string>)>(StringComparer.Ordinal);
        var concepts = rows.Where(r => r[0] == "concept").Select(r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(w => w[0], w => w.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var words = row[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (row[0])
            {
                case "frame":
                    foreach (var w in words.Skip(1))
                    {
                        frames[w] = words[0];
                    }

                    break;
                case "weak":
                    weak.UnionWith(words);
                    break;
                case "located":
                    located.UnionWith(words);
                    break;
                case "actors":
                    actors.UnionWith(words);
                    break;
                case "refine":
                    refine[words[0]] = (words[1], concepts[words[1]]);
                    break;
            }
        }

        return (frames, weak, located, actors, refine);
    }
}

/// <summary>A named mention inside a claim's content, with the entity it resolves to (null when none).</summary>
internal readonly record struct ClaimMention(TextSpan Span, Entity? Entity);

/// <summary>The named mentions inside each claim's content, resolved to entities once for both propositions and alignment.</summary>
internal static class ClaimMentions
{
    /// <summary>The documents by id (the first of a repeated id).</summary>
    public static Dictionary<string, Document> ById(IReadOnlyList<Document> documents) =>
        documents.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>Each claim's named mentions, in claim order, each with its entity.</summary>
    public static ClaimMention[][] Of(IReadOnlyList<Document> documents, IReadOnlyList<Claim> claims, IReadOnlyList<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(entities);
        var byId = ById(documents);
        var index = new EntityIndex(entities);
        var named = byId.ToDictionary(p => p.Key, p => p.Value.GetOrEmpty(Layers.Mentions).Where(m => MentionLabels.Named.Contains(m.Label)).ToList(), StringComparer.Ordinal);
        return [.. claims.Select(c => SpanSearch.Within(named[c.Document], c.Data.Span).Select(m => new ClaimMention(m.Span, index.Find(byId[c.Document], m.Span))).ToArray())];
    }
}
