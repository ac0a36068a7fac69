using System.Text;
using System.Text.RegularExpressions;
using Dossier.Annotations;
using Dossier.Nlp.Entities;
using Dossier.Text;

namespace Dossier.Analysis;

/// <summary>Where an entity is mentioned.</summary>
/// <param name="Document">The document id.</param>
/// <param name="Span">The characters of the mention in the document's text.</param>
/// <param name="Text">The mention as written.</param>
public sealed record EntityMention(string Document, TextSpan Span, string Text);

/// <summary>An entity: one actor or place under every name it is given, with every mention of it.</summary>
/// <param name="Id">A stable id within one analysis (e1, e2, … by first appearance).</param>
/// <param name="Name">Its name: the knowledge base's name where the texts write it, else the most frequent of its fullest written forms.</param>
/// <param name="Type">PER, ORG, GPE, LOC, FAC, NORP, EVENT or MISC (the most frequent of its mentions').</param>
/// <param name="Aliases">Every other written form.</param>
/// <param name="Mentions">Every mention, in document and text order.</param>
/// <param name="Kb">The knowledge-base entry it is linked to, or null.</param>
public sealed record Entity(string Id, string Name, string Type, IReadOnlyList<string> Aliases, IReadOnlyList<EntityMention> Mentions, KbEntry? Kb = null)
{
    /// <summary>The roles the texts give a person ("spokesperson" of "Foreign Office"), each with where it is said.</summary>
    public IReadOnlyList<EntityRole> Roles { get; init; } = [];
}

/// <summary>A role the text gives a person, next to a mention: "Foreign Office spokesperson Shafqat Ali Khan", "Hamdullah Fitrat, the deputy Taliban spokesperson".</summary>
/// <param name="Role">The role words ("deputy spokesperson").</param>
/// <param name="Affiliation">Who the role is held for ("Foreign Office", "Taliban"), or null.</param>
/// <param name="Document">The document id.</param>
/// <param name="Span">The characters of the role phrase.</param>
public sealed record EntityRole(string Role, string? Affiliation, string Document, TextSpan Span);

/// <summary>
/// Entity resolution: which named mentions, within and across documents, are one actor or place.
/// Mentions are joined when their names have the same transliteration-folded key and kind
/// ("Tehreek-e-Taliban Pakistan", "Tehrik-i-Taliban Pakistan"), when a document defines an
/// acronym ("Tehreek-e-Taliban Pakistan (TTP)", "ISKP (Islamic State (Khorasan Province)") or an
/// alias ("also known as Jafar"), when a surname or title + surname stands for the one full name
/// of a person in the same document ("Khan", "President Trump"), when they link to one
/// knowledge-base entry ("Pakistani Taliban" and "TTP" are OFAC's a.k.a. names of one
/// organisation; "US", "U.S.", "America"), and when a national capital speaks for its state
/// ("Islamabad urged …": metonymy, the speaker or holder of a quote or claim). Kinds never mix, so
/// "Pakistan" stays apart from "Tehreek-e-Taliban Pakistan" and "UN" from "UNSC".
/// </summary>
public static partial class EntityGrouping
{
    /// <summary>The mention labels that name an entity (the rest are numbers and times).</summary>
    public static IReadOnlySet<string> NamedTypes => MentionLabels.Named;

    private static readonly IReadOnlyList<string[]> EntityWords = DataFile.ReadEmbedded(typeof(EntityGrouping).Assembly, "Dossier.Analysis.Data.entity-words.tsv");

    private static readonly HashSet<string> Titles = new(
        ["President", "Vice", "Prime", "Minister", "Secretary", "State", "Deputy", "Foreign", "General", "Gen.", "Lt.", "Senator", "Sen.", "Governor", "Gov.", "Mayor",
         "King", "Queen", "Prince", "Sheikh", "Chairman", "Chief", "Commander", "Colonel", "Col.", "Captain", "Major", "Judge", "Justice", "Ambassador",
         "Spokesman", "Spokesperson", "Director", "Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Former", "Pope", "Imam", "Mullah", "Maulana", "Lord", "Lady", "Sir", "Rep."],
        StringComparer.Ordinal);

    /// <summary>The entities of the documents' mention layers, resolved without a knowledge base.</summary>
    public static IReadOnlyList<Entity> Group(IEnumerable<Document> documents) => Group(documents, KnowledgeBase.Empty);

    /// <summary>The entities of the documents' mention layers, linked to <paramref name="kb"/>.</summary>
    public static IReadOnlyList<Entity> Group(IEnumerable<Document> documents, KnowledgeBase kb)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(kb);
        var docs = documents.ToList();
        var mentions = new List<(Document Doc, MentionData Data, string Text, string Kind)>();
        var candidates = new List<IReadOnlyList<KbEntry>>();
        foreach (var d in docs)
        {
            foreach (var m in d.GetOrEmpty(Layers.Mentions))
            {
                if (MentionLabels.Named.Contains(m.Label))
                {
                    var text = Collapse(d.GetText(m.Span));
                    candidates.Add(kb.Candidates(text));
                    mentions.Add((d, m, text, KindOf(m.Label, candidates[^1])));
                }
            }
        }

        var sets = new UnionFind(mentions.Count);
        var links = new KbEntry?[mentions.Count];
        var byKey = new Dictionary<(string Kind, string Key), int>();
        void Join(int i, string kind, string key)
        {
            if (key.Length == 0)
            {
                return;
            }

            if (byKey.TryGetValue((kind, key), out var first))
            {
                sets.Union(first, i);
            }
            else
            {
                byKey[(kind, key)] = i;
            }
        }

        // The knowledge base first: each mention's entry; a capital that speaks or holds a claim
        // stands for its state (metonymy) and joins the state, not the city.
        var countriesMentioned = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < mentions.Count; i++)
        {
            if (Link(candidates[i], mentions[i].Kind, countriesMentioned) is { Kind: "country", Country: { } code })
            {
                countriesMentioned.Add(code);
            }
        }

        var speaking = docs.SelectMany(d => d.GetOrEmpty(Layers.Quotes).Select(q => (d.Id, Span: q.SpeakerName))
                .Concat(d.GetOrEmpty(Layers.Claims).Select(c => (d.Id, Span: c.HolderName))))
            .Where(x => x.Span is not null).Select(x => (x.Id, x.Span!.Value)).ToHashSet();
        var metonymic = new bool[mentions.Count];
        for (var i = 0; i < mentions.Count; i++)
        {
            // Ambiguous places are read in the light of the story's countries (Geneva, Switzerland).
            links[i] = Link(candidates[i], mentions[i].Kind, countriesMentioned);
            if (links[i] is { CapitalOf: { } state } && speaking.Contains((mentions[i].Doc.Id, mentions[i].Data.Span)) && kb.Country(state) is { } country)
            {
                links[i] = country;
                metonymic[i] = true;
                Join(i, "PLACE", "kb:" + country.Id);
            }
        }

        // Names, folded; people by their name without titles. A lone surname waits for its document.
        // For each person's full name: the keys of its first and last words, and (across the corpus)
        // which full names a surname belongs to.
        var personShort = new bool[mentions.Count];
        var fullName = new (string Key, string First, string Last)?[mentions.Count];
        var bySurname = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var i = 0; i < mentions.Count; i++)
        {
            var (_, _, text, kind) = mentions[i];
            var name = kind == "PER" ? WithoutTitles(text) : text;
            var words = name.Split(' ');
            if (kind == "PER" && words.Length > 1)
            {
                fullName[i] = (PersonKey(words), KnowledgeBase.Key(words[0]), KnowledgeBase.Key(words[^1]));
                if (!bySurname.TryGetValue(fullName[i]!.Value.Last, out var names))
                {
                    names = new HashSet<string>(StringComparer.Ordinal);
                    bySurname[fullName[i]!.Value.Last] = names;
                }

                names.Add(fullName[i]!.Value.Key);
            }

            if (metonymic[i])
            {
                continue;
            }

            if (kind == "PER" && words.Length == 1)
            {
                personShort[i] = true;
                continue;
            }

            Join(i, kind, fullName[i]?.Key ?? KnowledgeBase.Key(name));
        }

        // Within each document: people's short forms, acronyms and aliases.
        foreach (var group in Enumerable.Range(0, mentions.Count).GroupBy(i => mentions[i].Doc.Id))
        {
            var inDoc = group.ToList();
            foreach (var i in inDoc.Where(i => personShort[i]))
            {
                var word = KnowledgeBase.Key(WithoutTitles(mentions[i].Text));
                var full = inDoc.Select(j => fullName[j]).OfType<(string Key, string First, string Last)>()
                    .Where(f => f.Last == word || f.First == word).Select(f => f.Key).Distinct(StringComparer.Ordinal).ToList();
                if (full.Count == 0 && bySurname.TryGetValue(word, out var names))
                {
                    // No full name in this document: the one person of the corpus with that surname, if only one.
                    full = [.. names];
                }

                Join(i, "PER", full.Count == 1 ? full[0] : word);
            }

            var doc = mentions[inDoc[0]].Doc;
            foreach (var i in inDoc.Where(i => !metonymic[i]))
            {
                var after = doc.Text.AsSpan(mentions[i].Data.Span.End);
                if (AcronymAfter().Match(after.Length > 40 ? after[..40].ToString() : after.ToString()) is { Success: true } acronym
                    && IsAcronymOf(acronym.Groups[1].Value, mentions[i].Text))
                {
                    Join(i, mentions[i].Kind, KnowledgeBase.Key(acronym.Groups[1].Value));
                }

                if (AliasAfter().Match(after.Length > 60 ? after[..60].ToString() : after.ToString()) is { Success: true } alias)
                {
                    var aliasStart = mentions[i].Data.Span.End + alias.Groups[1].Index;
                    foreach (var j in inDoc.Where(j => mentions[j].Data.Span.Start == aliasStart && !metonymic[j]))
                    {
                        sets.Union(i, j);
                    }
                }

                // "ISKP (Islamic State (Khorasan Province)": an acronym mention, then its expansion in brackets.
                if (IsAllCaps(mentions[i].Text) && OpeningBracket().Match(after.Length > 40 ? after[..40].ToString() : after.ToString()) is { Success: true } open)
                {
                    var expansionStart = mentions[i].Data.Span.End + open.Length;
                    foreach (var j in inDoc.Where(j => mentions[j].Data.Span.Start == expansionStart && mentions[j].Kind == mentions[i].Kind && IsAcronymOf(mentions[i].Text, mentions[j].Text)))
                    {
                        sets.Union(i, j);
                    }
                }
            }
        }

        for (var i = 0; i < mentions.Count; i++)
        {
            if (!metonymic[i] && links[i] is { } entry)
            {
                Join(i, mentions[i].Kind, "kb:" + entry.Id);
            }
        }

        return WithReferences(Build(mentions, sets, links), docs);
    }

    private const int ReferenceWindow = 400;

    /// <summary>Spellings of one given name in Latin letters (Mohammad, Muhammad, Mohammed …), each mapped to the first of its row in entity-words.tsv.</summary>
    private static readonly Dictionary<string, string> GivenNames = EntityWords.Where(r => r[0] == "given-name")
        .SelectMany(r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries) is var names ? names.Select(n => (Variant: KnowledgeBase.Key(n), Canonical: KnowledgeBase.Key(names[0]))) : [])
        .DistinctBy(p => p.Variant, StringComparer.Ordinal) // the spelling key already folds some (doubled letters)
        .ToDictionary(p => p.Variant, p => p.Canonical, StringComparer.Ordinal);

    /// <summary>A full name's key with its given name spelled one way: 'Mohammad Sharifullah' and 'Muhammad Sharifullah' are one person's name, the surname agreeing.</summary>
    private static string PersonKey(string[] words)
    {
        var key = KnowledgeBase.Key(string.Join(' ', words));
        var first = KnowledgeBase.Key(words[0]);
        return GivenNames.TryGetValue(first, out var canonical) && key.StartsWith(first + " ", StringComparison.Ordinal) ? canonical + key[first.Length..] : key;
    }

    private static readonly HashSet<string> PersonPronouns = EntityWords.Where(r => r[0] == "person-pronoun").SelectMany(r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> BackReferences = EntityWords.Where(r => r[0] == "back-reference").SelectMany(r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(e => e.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    /// <summary>
    /// Coreference of pronouns and role nouns within a document: 'he', 'his', 'she' join the
    /// nearest person named before them; 'the spokesperson' the nearest person; 'the group' the
    /// nearest organisation; 'the ministry' the nearest organisation with 'Ministry' in its name;
    /// 'the country' the nearest country — each within <see cref="ReferenceWindow"/> characters.
    /// Nearest-antecedent rules, no parse: right in news far more often than not, and every such
    /// mention keeps its span, so a reader can check.
    /// </summary>
    private static List<Entity> WithReferences(List<Entity> entities, List<Document> documents)
    {
        var added = entities.ToDictionary(e => e.Id, _ => new List<EntityMention>(), StringComparer.Ordinal);
        var namedIn = entities.SelectMany(e => e.Mentions.Select(m => (Entity: e, m.Document, m.Span))).ToLookup(x => x.Document, StringComparer.Ordinal);
        foreach (var d in documents)
        {
            var tokens = d.GetOrEmpty(Layers.Tokens);
            if (tokens.IsEmpty)
            {
                continue;
            }

            var named = namedIn[d.Id].Select(x => (x.Entity, x.Span)).OrderBy(x => x.Span.Start).ToList();
            var n = 0;
            for (var k = 0; k < tokens.Length; k++)
            {
                var span = tokens[k].Span;
                while (n < named.Count && named[n].Span.End <= span.Start)
                {
                    n++;
                }

                if (n < named.Count && named[n].Span.Start <= span.Start)
                {
                    continue; // inside a name
                }

                var word = d.GetText(span);
                string? wanted = null;
                var reference = span;
                if (PersonPronouns.Contains(word.ToLowerInvariant()))
                {
                    wanted = "PER";
                }
                else if (word is "the" or "The" && k + 1 < tokens.Length && BackReferences.TryGetValue(d.GetText(tokens[k + 1].Span), out var kind)
                    && !(k + 2 < tokens.Length && d.GetText(tokens[k + 2].Span) == "of"))
                {
                    wanted = kind;
                    reference = new TextSpan(span.Start, tokens[k + 1].Span.End);
                    k++;
                }

                if (wanted is null)
                {
                    continue;
                }

                for (var j = n - 1; j >= 0 && reference.Start - named[j].Span.End <= ReferenceWindow; j--)
                {
                    var e = named[j].Entity;
                    var fits = wanted switch
                    {
                        "PER" => e.Type == "PER",
                        "ORG" => e.Type == "ORG",
                        "COUNTRY" => e.Kb is { Kind: "country" },
                        _ => e.Type == "ORG" && e.Name.Contains(wanted[4..], StringComparison.Ordinal),
                    };
                    if (fits)
                    {
                        added[e.Id].Add(new EntityMention(d.Id, reference, d.GetText(reference)));
                        break;
                    }
                }
            }
        }

        var order = documents.Select((d, k) => (d.Id, k)).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().k, StringComparer.Ordinal);
        return [.. entities.Select(e => added[e.Id].Count == 0 ? e
            : e with { Mentions = [.. e.Mentions.Concat(added[e.Id]).OrderBy(m => order.GetValueOrDefault(m.Document)).ThenBy(m => m.Span.Start)] })];
    }

    private static List<Entity> Build(List<(Document Doc, MentionData Data, string Text, string Kind)> mentions, UnionFind sets, KbEntry?[] links)
    {
        var clusters = Enumerable.Range(0, mentions.Count).GroupBy(sets.Find).OrderBy(g => g.Min()).ToList();
        var entities = new List<Entity>(clusters.Count);
        foreach (var cluster in clusters)
        {
            var members = cluster.OrderBy(i => i).ToList();
            var forms = members.GroupBy(i => mentions[i].Text, StringComparer.Ordinal)
                .Select(g => (Form: g.Key, Count: g.Count(), Words: WithoutTitles(g.Key).Split(' ').Length))
                .ToList();
            var kb = members.Select(i => links[i]).OfType<KbEntry>().GroupBy(e => e).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();

            // The knowledge base's name when the texts write it ("Afghanistan", not "Islamic Emirate
            // of Afghanistan"), else the most frequent of the fullest forms ("Shafqat Ali Khan", not "Khan").
            var longest = forms.Max(f => f.Words);
            var name = (kb is null ? null : forms.Where(f => string.Equals(f.Form, kb.Name, StringComparison.OrdinalIgnoreCase)).Select(f => f.Form).FirstOrDefault())
                ?? forms.Where(f => f.Words == longest).OrderByDescending(f => f.Count).ThenBy(f => f.Form, StringComparer.Ordinal).First().Form;
            var aliases = forms.Select(f => f.Form).Where(f => f != name).ToList();
            // The most frequent type; on a tie a definite one over MISC ('Mohammad Sharifullah', also known as 'Jafar').
            var type = members.GroupBy(i => mentions[i].Data.Label, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key == "MISC" ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            type = kb switch
            {
                { IsPlace: true } when type is not ("GPE" or "LOC" or "FAC") => "GPE",
                { Kind: "org" } => "ORG",
                { Kind: "facility" } => "FAC",
                _ => type,
            };

            var roles = type == "PER"
                ? members.Select(i => RoleOf(mentions[i].Doc, mentions[i].Data.Span)).OfType<EntityRole>()
                    .DistinctBy(r => (r.Role.ToLowerInvariant(), r.Affiliation?.ToLowerInvariant())).ToList()
                : [];
            if (type == "PER")
            {
                // A person as the text titles them ('President Donald Trump', 'General Ahmed Sharif').
                aliases.AddRange(members.Select(i => TitledForm(mentions[i].Doc, mentions[i].Data.Span)).OfType<string>());
            }
            else if (type is "GPE" or "LOC" or "FAC")
            {
                // 'Torkham border crossing': the place as the text names its crossing or post.
                aliases.AddRange(members.Select(i => WithPlaceNouns(mentions[i].Doc, mentions[i].Data.Span)).OfType<string>());
            }
            else if (type == "ORG" && WithoutCountry(name) is { } bare)
            {
                // 'U.S. Department of Defense' is the 'Department of Defense' of later mentions.
                aliases.Add(bare);
            }

            entities.Add(new Entity($"e{entities.Count + 1}", name, type, [.. aliases.Distinct(StringComparer.Ordinal).Where(a => a != name).Order(StringComparer.Ordinal)],
                [.. members.Select(i => new EntityMention(mentions[i].Doc.Id, mentions[i].Data.Span, mentions[i].Text))], kb) { Roles = roles });
        }

        return WithSurnames(entities);
    }

    /// <summary>
    /// People get their surname as an alias ('Biden' for Joe Biden: the name later reports and
    /// searches use) when no other person of the corpus has it.
    /// </summary>
    private static List<Entity> WithSurnames(List<Entity> entities)
    {
        static string? Surname(Entity e)
        {
            var words = WithoutTitles(e.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return words.Length >= 2 && words[^1].Length >= 3 && char.IsUpper(words[^1][0]) ? words[^1] : null;
        }

        var people = entities.Where(e => e.Type == "PER").ToList();
        var shared = people.Select(Surname).OfType<string>().GroupBy(x => x, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var k = 0; k < entities.Count; k++)
        {
            var e = entities[k];
            if (e.Type == "PER" && Surname(e) is { } surname && !shared.Contains(surname) && !e.Aliases.Contains(surname, StringComparer.OrdinalIgnoreCase))
            {
                entities[k] = e with { Aliases = [.. e.Aliases.Append(surname).Order(StringComparer.Ordinal)] };
            }
        }

        return entities;
    }

    private static readonly HashSet<string> PlaceModifiers = EntityWords.Where(r => r[0] == "place-modifier").SelectMany(r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> PlaceNouns = EntityWords.Where(r => r[0] == "place-noun").SelectMany(r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The mention with the place noun written right after it ('Torkham' + 'border crossing'); null when none follows.</summary>
    private static string? WithPlaceNouns(Document d, TextSpan span)
    {
        var tokens = d.GetOrEmpty(Layers.Tokens);
        if (tokens.IsEmpty)
        {
            return null;
        }

        var last = TokenSearch.FirstEndingAfter(tokens, span.End - 1);
        var k = last + 1;
        if (k < tokens.Length && PlaceModifiers.Contains(d.GetText(tokens[k].Span)))
        {
            k++;
        }

        return k < tokens.Length && PlaceNouns.Contains(d.GetText(tokens[k].Span))
            ? string.Join(' ', d.Text[span.Start..tokens[k].Span.End].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            : null;
    }

    /// <summary>An organisation's name without the country or owner it starts with ('U.S. Department of Defense' → 'Department of Defense', "Pakistan's Foreign Office" → 'Foreign Office'); null when it starts with none or too little would remain.</summary>
    private static string? WithoutCountry(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3 || !char.IsUpper(words[1][0]))
        {
            return null;
        }

        var first = words[0];
        // Only a country's abbreviation or a possessive: a nationality is often part of the name itself ('Afghan Voice Agency', 'Pakistani Taliban').
        var country = first is "US" or "U.S." or "UK" or "U.K." || ((first.EndsWith("'s", StringComparison.Ordinal) || first.EndsWith("’s", StringComparison.Ordinal)) && char.IsUpper(first[0]));
        return country ? string.Join(' ', words[1..]) : null;
    }

    /// <summary>The mention with the titles written right before it ('General' + 'Ahmed Sharif'), as the text has it; null when none precedes.</summary>
    private static string? TitledForm(Document d, TextSpan span)
    {
        var tokens = d.GetOrEmpty(Layers.Tokens);
        if (tokens.IsEmpty)
        {
            return null;
        }

        var first = TokenSearch.FirstEndingAfter(tokens, span.Start);
        var k = first;
        while (k > 0 && first - k < 3 && Titles.Contains(d.GetText(tokens[k - 1].Span)))
        {
            k--;
        }

        return k == first ? null : string.Join(' ', d.Text[tokens[k].Span.Start..span.End].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// The role next to a person's mention: role words just before it, with the capitalised
    /// words before them as the affiliation ("Foreign Office spokesperson"), or an apposition after
    /// it (", the deputy Taliban spokesperson,", ", counsellor at Pakistan's UN Mission,").
    /// </summary>
    private static EntityRole? RoleOf(Document d, TextSpan mention)
    {
        var tokens = d.GetOrEmpty(Layers.Tokens);
        var first = TokenSearch.FirstEndingAfter(tokens, mention.Start);
        if (first >= tokens.Length || tokens[first].Span.Start != mention.Start)
        {
            return null;
        }

        string Word(int k) => d.GetText(tokens[k].Span);
        bool IsRole(string w) => Dossier.Nlp.Quotes.CueLexicon.Default.Is("person-role", w.ToLowerInvariant());
        bool IsModifier(string w) => w.ToLowerInvariant() is "deputy" or "senior" or "chief" or "former" or "acting" or "foreign" or "prime" or "vice" or "defence" or "defense" or "interior" or "army" or "military" or "government";

        // Before: [affiliation] role-words NAME
        var roleStart = first;
        while (roleStart > 0 && first - roleStart < 4 && (IsRole(Word(roleStart - 1)) || IsModifier(Word(roleStart - 1))))
        {
            roleStart--;
        }

        if (roleStart < first && Enumerable.Range(roleStart, first - roleStart).Any(k => IsRole(Word(k))))
        {
            var affiliationStart = roleStart;
            while (affiliationStart > 0 && roleStart - affiliationStart < 4 && Word(affiliationStart - 1) is { Length: > 0 } w && char.IsUpper(w[0]) && !IsRole(w))
            {
                affiliationStart--;
            }

            var role = string.Join(' ', Enumerable.Range(roleStart, first - roleStart).Select(Word)).ToLowerInvariant();
            var affiliation = affiliationStart < roleStart ? d.GetText(new TextSpan(tokens[affiliationStart].Span.Start, tokens[roleStart - 1].Span.End)) : null;
            return new EntityRole(role, affiliation, d.Id, new TextSpan(tokens[affiliationStart].Span.Start, tokens[first - 1].Span.End));
        }

        // After: NAME, [the] … role … [at|of …],
        var last = first;
        while (last + 1 < tokens.Length && tokens[last + 1].Span.End <= mention.End)
        {
            last++;
        }

        if (last + 2 < tokens.Length && Word(last + 1) == ",")
        {
            var end = last + 2;
            while (end < tokens.Length && end - last < 12 && Word(end) is not ("," or "." or ";" or "said" or "says"))
            {
                end++;
            }

            var phrase = Enumerable.Range(last + 2, end - last - 2).ToList();
            var roleIndex = phrase.FindIndex(k => IsRole(Word(k)));
            if (roleIndex >= 0 && phrase.Count > 0)
            {
                var roleWords = phrase.Where(k => IsRole(Word(k)) || IsModifier(Word(k))).Select(Word);
                var affiliationWords = phrase.Where(k => Word(k) is { Length: > 0 } w && char.IsUpper(w[0]) && !IsRole(w) && !IsModifier(w)).ToList();
                var affiliation = affiliationWords.Count > 0 ? d.GetText(new TextSpan(tokens[affiliationWords[0]].Span.Start, tokens[affiliationWords[^1]].Span.End)) : null;
                return new EntityRole(string.Join(' ', roleWords).ToLowerInvariant(), affiliation, d.Id, new TextSpan(tokens[phrase[0]].Span.Start, tokens[phrase[^1]].Span.End));
            }
        }

        return null;
    }

    /// <summary>The knowledge-base entry a name links to: a country before a city before a region (the most populous, favouring the story's countries), an organisation or facility for those.</summary>
    private static KbEntry? Link(IReadOnlyList<KbEntry> candidates, string kind, HashSet<string> storyCountries)
    {
        if (candidates.Count == 0)
        {
            return null;
        }

        if (kind == "PLACE")
        {
            // A place in one of the story's countries counts as if it were four times as populous:
            // context decides between places of similar size, size between a city and a town
            // ("Geneva" is the Swiss city, 183,000, not the Illinois town of 21,800, in a story that names the US).
            // A national capital comes first: news names capitals ("Islamabad", not Chittagong's old name).
            return candidates.Where(c => c.IsPlace)
                .OrderBy(c => c.Kind switch { "country" => 0, "city" => 1, _ => 2 })
                .ThenBy(c => c.CapitalOf is null ? 1 : 0)
                .ThenByDescending(c => c.Population * (c.Country is { } code && storyCountries.Contains(code) ? 4.0 : 1.0))
                .ThenBy(c => c.Id, StringComparer.Ordinal)
                .FirstOrDefault();
        }

        // A person or an organisation of one of the story's countries first (two men of one name).
        var wanted = kind switch { "ORG" => "org", "FAC" => "facility", "PER" => "person", _ => null };
        return wanted is null ? null : candidates.Where(c => c.Kind == wanted)
            .OrderBy(c => c.Country is { } code && storyCountries.Contains(code) ? 0 : 1).ThenBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>
    /// Kinds that may share an entity: places (GPE, LOC) together, every other label apart,
    /// except that a name the tagger called MISC, ORG or FAC which the knowledge base knows as an
    /// organisation or a facility takes that kind ("ISIS-K" MISC, "HKIA" ORG), and one it knows
    /// only as a country's name is a place.
    /// </summary>
    private static string KindOf(string label, IReadOnlyList<KbEntry> candidates)
    {
        if (label is "GPE" or "LOC")
        {
            return "PLACE";
        }

        if (label is "MISC" or "ORG" && candidates.Count > 0 && candidates.All(c => c.IsPlace) && candidates.Any(c => c.Kind == "country"))
        {
            // "Islamic Emirate of Afghanistan" tagged ORG is the country's name.
            return "PLACE";
        }

        if (label is "MISC" or "ORG" or "FAC" && candidates.Count > 0 && !candidates.Any(c => c.IsPlace))
        {
            var kinds = candidates.Select(c => c.Kind).Where(k => k != "person").Distinct(StringComparer.Ordinal).ToList();
            if (kinds.Count == 1)
            {
                return kinds[0] == "facility" ? "FAC" : "ORG";
            }
        }

        return label;
    }

    /// <summary>True when <paramref name="acronym"/> is made of the initials of <paramref name="name"/>'s words (hyphenated parts and small words may be skipped).</summary>
    private static bool IsAcronymOf(string acronym, string name)
    {
        var letters = acronym.Where(char.IsLetter).Select(char.ToUpperInvariant).ToArray();
        var initials = name.Split([' ', '-', '(', ')'], StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLetter(w[0])).Select(w => char.ToUpperInvariant(w[0])).ToArray();
        if (letters.Length < 2 || initials.Length < 2)
        {
            return false;
        }

        // The acronym's letters in order among the initials, starting with the first.
        var k = 0;
        foreach (var c in initials)
        {
            if (k < letters.Length && c == letters[k])
            {
                k++;
            }
        }

        return k == letters.Length && letters[0] == initials[0];
    }

    private static bool IsAllCaps(string text) => text.Length >= 2 && text.Any(char.IsLetter) && !text.Any(char.IsLower);

    private static string WithoutTitles(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && Titles.Contains(words[0]))
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words);
    }

    /// <summary>The grouping key of a name: lower case, curly quotes straightened, white space collapsed.</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length);
        foreach (var c in Collapse(name))
        {
            sb.Append(c switch
            {
                '\u2018' or '\u2019' => '\'',
                '\u201C' or '\u201D' => '"',
                _ => char.ToLowerInvariant(c),
            });
        }

        return sb.ToString();
    }

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^\s*\(\s*([A-Z][A-Za-z\-]{1,9})\s*\)", RegexOptions.CultureInvariant)]
    private static partial Regex AcronymAfter();

    [GeneratedRegex(@"^\s*,?\s*\(?(?:also known as|a\.k\.a\.|aka|alias)\s+[""“‘']?()", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AliasAfter();

    [GeneratedRegex(@"^\s*\(\s*", RegexOptions.CultureInvariant)]
    private static partial Regex OpeningBracket();
}
