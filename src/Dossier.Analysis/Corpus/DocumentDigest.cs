using Dossier.Annotations;
using Dossier.Knowledge;
using Dossier.Text;

namespace Dossier.Analysis.Corpus;

/// <summary>
/// A named mention as entity resolution needs it, read from its document alone.
/// </summary>
/// <param name="Data">The mention.</param>
/// <param name="Text">Its words, white space collapsed.</param>
/// <param name="Kind">Its kind for resolution (the label, or what the knowledge base says a MISC/ORG name is).</param>
/// <param name="Candidates">The knowledge-base entries that bear its name.</param>
/// <param name="FullName">For a person named by two or more words: the key of the name without titles, and of its first and last words.</param>
/// <param name="AcronymKey">The key of the acronym the document defines for it ("Tehreek-e-Taliban Pakistan (TTP)"), or null.</param>
internal sealed record NameDigest(MentionData Data, string Text, string Kind, IReadOnlyList<KbEntry> Candidates, (string Key, string First, string Last)? FullName, string? AcronymKey);

/// <summary>
/// What the corpus stage needs from one document, computed from that document alone (and the
/// knowledge base), so that it can be computed once, in parallel, and kept beside the document:
/// the corpus stage then only merges digests. Holds the named mentions with their keys and
/// knowledge-base candidates, the aliases and acronym expansions the document defines, the spans
/// that speak or hold a claim (for capital metonymy), the MinHash signature of its text and its
/// bag of word stems.
/// </summary>
internal sealed class DocumentDigest
{
    /// <summary>The document's id.</summary>
    public required string Document { get; init; }

    /// <summary>The named mentions, in text order.</summary>
    public required IReadOnlyList<NameDigest> Names { get; init; }

    /// <summary>Pairs of names (indices into <see cref="Names"/>) the document says are one ("Sharifullah, also known as Jafar").</summary>
    public required IReadOnlyList<(int Name, int Alias)> Aliases { get; init; }

    /// <summary>Pairs of an acronym and its expansion in brackets after it ("ISKP (Islamic State Khorasan Province)"), same kind.</summary>
    public required IReadOnlyList<(int Acronym, int Expansion)> Expansions { get; init; }

    /// <summary>The spans that name who speaks a quote or holds a claim.</summary>
    public required IReadOnlySet<TextSpan> Speaking { get; init; }

    /// <summary>The MinHash signature of the text's word shingles (<see cref="Syndication.Signature"/>), or null for a text too short.</summary>
    public required ulong[]? Signature { get; init; }

    /// <summary>How often each word stem of five or more letters occurs (what story clustering weighs besides entities).</summary>
    public required IReadOnlyDictionary<string, double> Stems { get; init; }

    /// <summary>The digests of many documents, in their order, computed in parallel.</summary>
    public static IReadOnlyList<DocumentDigest> Of(IReadOnlyList<Document> documents, KnowledgeBase kb, CancellationToken cancellationToken = default)
    {
        var digests = new DocumentDigest[documents.Count];
        Parallel.For(0, documents.Count, new ParallelOptions { CancellationToken = cancellationToken }, k => digests[k] = Of(documents[k], kb));
        return digests;
    }

    /// <summary>The digest of one document.</summary>
    public static DocumentDigest Of(Document d, KnowledgeBase kb)
    {
        var names = new List<NameDigest>();
        var speaking = d.GetOrEmpty(Layers.Quotes).Select(q => q.SpeakerName).Concat(d.GetOrEmpty(Layers.Claims).Select(c => c.HolderName)).OfType<TextSpan>().ToHashSet();
        var named = new List<(MentionData Data, string Text, string Key, IReadOnlyList<KbEntry> Candidates)>();
        foreach (var m in d.GetOrEmpty(Layers.Mentions))
        {
            if (!MentionLabels.Named.Contains(m.Label))
            {
                continue;
            }

            var text = EntityNames.Collapse(d.GetText(m.Span));
            var key = KnowledgeBase.Key(text);
            var candidates = kb.Candidates(text);
            if (candidates.Count == 0 && kb.AbbreviatedPlaces(text) is { Count: > 0 } places)
            {
                // 'D.I. Khan' is Dera Ismail Khan, a place whatever the tagger said (it links where the story names its country).
                named.Add((m with { Label = "GPE" }, text, key, places));
                continue;
            }

            // A name right after a person's role ('Foreign Office spokesperson Mumtaz Zahra Baloch', 'the spokesperson
            // Baloch') is a person whatever the tagger said, unless the knowledge base knows it as an organisation or a place.
            var person = m.Label is "ORG" or "MISC" or "NORP" && !KnownOtherwise(candidates) && AfterPersonalTitle(d, m.Span);
            named.Add((person ? m with { Label = "PER" } : m, text, key, candidates));
        }

        // The surname of a person the document names in full (anywhere: a headline's 'Warhol' is the body's Andy Warhol),
        // typed otherwise by the tagger, is that person ('Mumtaz Zahra Baloch … Baloch said'), unless the knowledge base
        // knows it as an organisation or a place: wherever the document writes it with that type ('the Warhol Polaroids' as
        // well as 'Warhol said'), once it stands somewhere as a name of its own (not 'the Baloch', not 'Baloch separatists').
        var surnames = named.Where(n => n.Data.Label == "PER").Select(n => EntityNames.WithoutTitles(n.Text).Split(' '))
            .Where(w => w.Length > 1).Select(w => KnowledgeBase.Key(w[^1])).ToHashSet(StringComparer.Ordinal);
        // So is a word the tagger took for a place that the knowledge base knows only as the surname of a person it holds
        // ('Putin declared …', 'Merkel had led …' tagged LOC in short lines); words that also name peoples, languages or
        // organisations ('Christian', 'French', 'Ford') are tagged otherwise and stay as they are.
        var surnamesTyped = named.Where(n => n.Data.Label is not ("PER" or "GPE") && (surnames.Contains(n.Key) || IsKnownSurnameAsPlace(n.Data.Label, n.Text, n.Candidates, kb))
                && !KnownOtherwise(n.Candidates) && StandsAlone(d, n.Data.Span, speaking))
            .Select(n => (n.Data.Label, n.Key)).ToHashSet();
        foreach (var (m, text, key, candidates) in named)
        {
            var data = surnamesTyped.Contains((m.Label, key)) ? m with { Label = "PER" } : m;
            var kind = EntityLinking.KindOf(data.Label, candidates, key);
            var name = kind == "PER" ? EntityNames.WithoutTitles(text) : text;
            var words = name.Split(' ');
            (string, string, string)? fullName = kind == "PER" && words.Length > 1 ? (EntityNames.PersonKey(words), KnowledgeBase.Key(words[0]), KnowledgeBase.Key(words[^1])) : null;
            names.Add(new NameDigest(data, text, kind, candidates, fullName, EntityGrouping.AcronymDefined(d, m.Span, text)));
        }

        var aliases = new List<(int, int)>();
        var expansions = new List<(int, int)>();
        var byStart = new Dictionary<int, List<int>>();
        for (var j = 0; j < names.Count; j++)
        {
            (byStart.TryGetValue(names[j].Data.Span.Start, out var list) ? list : byStart[names[j].Data.Span.Start] = []).Add(j);
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (EntityGrouping.AliasStart(d, names[i].Data.Span) is { } aliasStart && byStart.TryGetValue(aliasStart, out var alias))
            {
                aliases.AddRange(alias.Select(j => (i, j)));
            }

            if (EntityGrouping.ExpansionStart(d, names[i].Data.Span, names[i].Text) is { } expansionStart && byStart.TryGetValue(expansionStart, out var expansion))
            {
                expansions.AddRange(expansion.Where(j => names[j].Kind == names[i].Kind && EntityNames.IsAcronymOf(names[i].Text, names[j].Text)).Select(j => (i, j)));
            }
        }

        return new DocumentDigest
        {
            Document = d.Id,
            Names = names,
            Aliases = aliases,
            Expansions = expansions,
            Speaking = speaking,
            Signature = Syndication.Signature(d.Text),
            Stems = StemsOf(d),
        };
    }

    private static Dictionary<string, double> StemsOf(Document d)
    {
        var stems = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var t in d.Tokens)
        {
            var w = d.GetText(t.Span).ToLowerInvariant();
            if (w.Length >= 5 && char.IsLetter(w[0]))
            {
                var stem = ClaimAlignment.Stem(w);
                stems[stem] = stems.GetValueOrDefault(stem) + 1;
            }
        }

        return stems;
    }

    /// <summary>True for one word of four letters or more tagged LOC that the knowledge base knows by no entry of that name but as a person's surname ('Putin').</summary>
    private static bool IsKnownSurnameAsPlace(string label, string text, IReadOnlyList<KbEntry> candidates, KnowledgeBase kb) =>
        label == "LOC" && text.Length >= 4 && text.All(char.IsLetter) && candidates.Count == 0 && kb.IsSurname(text);

    /// <summary>True when the knowledge base knows the name as an organisation or a place.</summary>
    private static bool KnownOtherwise(IReadOnlyList<KbEntry> candidates) => candidates.Any(c => c.IsPlace || c.Kind is "org" or "country");

    /// <summary>
    /// True when a one-word name stands as a name of its own, as a surname does: not after 'the'
    /// ('the Baloch' are a people) and, in a parsed document, not modifying a noun ('Baloch
    /// separatists'); in a document without a parse, only where it speaks or holds a claim.
    /// </summary>
    private static bool StandsAlone(Document d, TextSpan mention, HashSet<TextSpan> speaking)
    {
        var before = d.Text.AsSpan(0, mention.Start).TrimEnd();
        var previous = before[(before.LastIndexOfAny(' ', '\n', '\u00a0') + 1)..];
        if (previous.Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!d.Has(Layers.Words))
        {
            return speaking.Contains(mention);
        }

        return d.WordsIn(mention).LastOrDefault() is { } word && word.BaseRelation is not ("compound" or "amod" or "flat");
    }

    /// <summary>True when the word right before the mention (white space between) is a personal title.</summary>
    private static bool AfterPersonalTitle(Document d, TextSpan mention)
    {
        var end = mention.Start;
        while (end > 0 && d.Text[end - 1] is ' ' or '\u00a0')
        {
            end--;
        }

        var start = end;
        while (start > 0 && (char.IsLetter(d.Text[start - 1]) || d.Text[start - 1] == '-'))
        {
            start--;
        }

        return end < mention.Start && start < end && EntityNames.PersonalTitles.Contains(d.Text[start..end]);
    }
}
