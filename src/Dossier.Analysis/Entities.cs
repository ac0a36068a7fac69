using System.Text;
using System.Text.RegularExpressions;
using Dossier.Analysis.Corpus;
using Dossier.Annotations;
using Dossier.Knowledge;
using Dossier.Text;

namespace Dossier.Analysis;

/// <summary>Where an entity is mentioned.</summary>
/// <param name="Document">The document id.</param>
/// <param name="Span">The characters of the mention in the document's text.</param>
/// <param name="Text">The mention as written.</param>
public sealed record EntityMention(string Document, TextSpan Span, string Text);

/// <summary>An entity: one actor or place under every name it is given, with every mention of it.</summary>
/// <param name="Id">Its stable id (<see cref="StableIds"/>): the knowledge-base entry's id, else its earliest mention's (<c>e:doc:offset</c>).</param>
/// <param name="Name">Its name: the knowledge base's name where the texts write it, else the most frequent of its fullest written forms.</param>
/// <param name="Type">PER, ORG, GPE, LOC, FAC, NORP, EVENT or MISC (the most frequent of its mentions').</param>
/// <param name="Aliases">Every other written form.</param>
/// <param name="Mentions">Every mention, in document and text order.</param>
/// <param name="Kb">The knowledge-base entry it is linked to, or null.</param>
public sealed record Entity(string Id, string Name, string Type, IReadOnlyList<string> Aliases, IReadOnlyList<EntityMention> Mentions, KbEntry? Kb = null)
{
    /// <summary>The roles the texts give a person ("spokesperson" of "Foreign Office"), each with where it is said.</summary>
    public IReadOnlyList<EntityRole> Roles { get; init; } = [];

    /// <summary>A reference to this entity, for the records that name it.</summary>
    public EntityRef Ref => new(Id, Name);

    /// <summary>The ids this entity could have had in an analysis of fewer of its documents (the first mention in each document, other than its id); an id from an earlier analysis resolves through them after entities merge.</summary>
    public IReadOnlyList<string> Redirects { get; init; } = [];
}

/// <summary>
/// How a quote, claim, figure or event refers to an entity: by its id (stable, see
/// <see cref="StableIds"/>; resolve it with <see cref="CorpusAnalysis.Entity"/>, redirects
/// included), with the name it had when the reference was made, for a reader. Records hold this,
/// never the entity itself, so that they can be stored and read apart from it.
/// </summary>
/// <param name="Id">The entity's id.</param>
/// <param name="Name">The entity's name when the reference was made.</param>
public sealed record EntityRef(string Id, string Name);

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
internal static partial class EntityGrouping
{
    /// <summary>The mention labels that name an entity (the rest are numbers and times).</summary>
    public static IReadOnlySet<string> NamedTypes => MentionLabels.Named;

    /// <summary>The entities of the documents' mention layers, resolved without a knowledge base.</summary>
    public static IReadOnlyList<Entity> Group(IEnumerable<Document> documents) => Group(documents, KnowledgeBase.Empty);

    /// <summary>The entities of the documents' mention layers, linked to <paramref name="kb"/>.</summary>
    public static IReadOnlyList<Entity> Group(IEnumerable<Document> documents, KnowledgeBase kb)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(kb);
        var docs = documents.ToList();
        return Group(docs, DocumentDigest.Of(docs, kb), kb);
    }

    /// <summary>The entities of the documents, merged from their digests (<see cref="DocumentDigest"/>, in document order).</summary>
    internal static IReadOnlyList<Entity> Group(IReadOnlyList<Document> docs, IReadOnlyList<DocumentDigest> digests, KnowledgeBase kb)
    {
        var mentions = new List<(Document Doc, MentionData Data, string Text, string Kind)>();
        var names = new List<NameDigest>();
        var firstOf = new int[docs.Count + 1];
        for (var d = 0; d < docs.Count; d++)
        {
            firstOf[d] = mentions.Count;
            foreach (var n in digests[d].Names)
            {
                mentions.Add((docs[d], n.Data, n.Text, n.Kind));
                names.Add(n);
            }
        }

        firstOf[docs.Count] = mentions.Count;
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
            if (EntityLinking.Link(names[i].Candidates, mentions[i].Kind, countriesMentioned) is { Kind: "country", Country: { } code })
            {
                countriesMentioned.Add(code);
            }
        }

        var metonymic = new bool[mentions.Count];
        for (var d = 0; d < docs.Count; d++)
        {
            for (var i = firstOf[d]; i < firstOf[d + 1]; i++)
            {
                // Ambiguous places are read in the light of the story's countries (Geneva, Switzerland).
                links[i] = EntityLinking.Link(EntityLinking.Supported(names[i].Candidates, names[i].Text, countriesMentioned), mentions[i].Kind, countriesMentioned);
                if (links[i] is { CapitalOf: { } state } && digests[d].Speaking.Contains(mentions[i].Data.Span) && kb.Country(state) is { } country)
                {
                    links[i] = country;
                    metonymic[i] = true;
                    Join(i, "PLACE", "kb:" + country.Id);
                }
            }
        }

        // Names, folded; people by their name without titles. A lone surname waits for its document.
        // Across the corpus: which full names a surname belongs to.
        var personShort = new bool[mentions.Count];
        var bySurname = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var i = 0; i < mentions.Count; i++)
        {
            var (_, _, text, kind) = mentions[i];
            if (names[i].FullName is { } full)
            {
                if (!bySurname.TryGetValue(full.Last, out var fullNames))
                {
                    fullNames = new HashSet<string>(StringComparer.Ordinal);
                    bySurname[full.Last] = fullNames;
                }

                fullNames.Add(full.Key);
            }

            if (metonymic[i])
            {
                continue;
            }

            if (kind == "PER" && names[i].FullName is null)
            {
                personShort[i] = true;
                continue;
            }

            Join(i, kind, names[i].FullName?.Key ?? KnowledgeBase.Key(kind == "PER" ? EntityNames.WithoutTitles(text) : text));
        }

        JoinSurnameVariants(mentions, names, sets);

        // Within each document: people's short forms, acronyms and aliases.
        for (var d = 0; d < docs.Count; d++)
        {
            var offset = firstOf[d];
            var fullNamesInDoc = digests[d].Names.Select(n => n.FullName).OfType<(string Key, string First, string Last)>().ToList();

            // Each short form's word, and the given names of the people the knowledge base gives it to. A short form the
            // knowledge base gives to people of other given names ('Mr. Obama' is Barack Obama) does not join a full name of
            // the document with another ('Michelle Obama'); its surname then names two people here.
            var shortForms = Enumerable.Range(offset, firstOf[d + 1] - offset).Where(i => personShort[i])
                .Select(i => (Mention: i, Word: KnowledgeBase.Key(EntityNames.WithoutTitles(mentions[i].Text)),
                    Given: names[i].Candidates.Where(c => c.Kind == "person")
                        .Select(c => KnowledgeBase.Key(EntityNames.WithoutTitles(c.Name).Split(' ')[0])).ToHashSet(StringComparer.Ordinal)))
                .ToList();
            var contested = shortForms.Where(x => x.Given.Count > 0 && fullNamesInDoc.Any(f => f.Last == x.Word && !x.Given.Contains(f.First)))
                .Select(x => x.Word).ToHashSet(StringComparer.Ordinal);
            foreach (var (i, word, givenByKb) in shortForms)
            {
                if (givenByKb.Count == 0 && contested.Contains(word))
                {
                    Join(i, "PER", word); // 'Obama' where 'Mr. Obama' and 'Michelle Obama' are two people: the text alone does not say which
                    continue;
                }

                var inDocument = fullNamesInDoc.Where(f => f.Last == word || f.First == word).ToList();
                var full = inDocument.Where(f => givenByKb.Count == 0 || givenByKb.Contains(f.First)).Select(f => f.Key).Distinct(StringComparer.Ordinal).ToList();
                var ambiguous = inDocument.Select(f => f.Key).Distinct(StringComparer.Ordinal).Count() != 1;
                if (full.Count == 0 && bySurname.TryGetValue(word, out var fullNames))
                {
                    // No full name in this document: the one person of the corpus with that surname, if only one.
                    full = [.. fullNames.Where(k => givenByKb.Count == 0 || givenByKb.Contains(k.Split(' ')[0]))];
                    ambiguous = fullNames.Count != 1;
                }

                Join(i, "PER", full.Count == 1 ? full[0] : word);
                if (full.Count == 1 && ambiguous)
                {
                    // Chosen by the knowledge base among several: the bare surname's other mentions ('Obama') stay with it, as before.
                    Join(i, "PER", word);
                }
            }

            for (var i = offset; i < firstOf[d + 1]; i++)
            {
                if (!metonymic[i] && names[i].AcronymKey is { } acronym)
                {
                    Join(i, mentions[i].Kind, acronym);
                }
            }

            foreach (var (a, b) in digests[d].Aliases.Where(p => !metonymic[offset + p.Name] && !metonymic[offset + p.Alias]))
            {
                sets.Union(offset + a, offset + b);
            }

            foreach (var (a, b) in digests[d].Expansions.Where(p => !metonymic[offset + p.Acronym]))
            {
                sets.Union(offset + a, offset + b);
            }
        }

        for (var i = 0; i < mentions.Count; i++)
        {
            if (!metonymic[i] && links[i] is { } entry)
            {
                Join(i, mentions[i].Kind, "kb:" + entry.Id);
            }
        }

        return StableIds.Entities(EntityReferences.WithReferences(EntityBuilding.Build(mentions, sets, links), [.. docs]));
    }

    /// <summary>The shortest surname a one-letter variant is looked for in: shorter names differ by a letter too often ('Khan', 'Kahn').</summary>
    private const int MinVariantSurname = 6;

    /// <summary>
    /// Full names of one given name whose surnames differ by one letter ('John Ratcliffe', 'John
    /// Ratcliff'; the first letter the same, both of six letters or more) are one person when no
    /// document writes both: a report that names both means two people.
    /// </summary>
    private static void JoinSurnameVariants(List<(Document Doc, MentionData Data, string Text, string Kind)> mentions, List<NameDigest> names, UnionFind sets)
    {
        var byGiven = new Dictionary<string, Dictionary<string, (int Mention, string Last, HashSet<string> Documents)>>(StringComparer.Ordinal);
        for (var i = 0; i < mentions.Count; i++)
        {
            if (mentions[i].Kind != "PER" || names[i].FullName is not { } full || full.Last.Length < MinVariantSurname)
            {
                continue;
            }

            var byKey = byGiven.TryGetValue(full.First, out var found) ? found : byGiven[full.First] = new(StringComparer.Ordinal);
            if (!byKey.TryGetValue(full.Key, out var name))
            {
                byKey[full.Key] = name = (i, full.Last, new HashSet<string>(StringComparer.Ordinal));
            }

            name.Documents.Add(mentions[i].Doc.Id);
        }

        foreach (var variants in byGiven.Values.Where(v => v.Count > 1).Select(v => v.Values.ToList()))
        {
            for (var a = 0; a < variants.Count; a++)
            {
                for (var b = a + 1; b < variants.Count; b++)
                {
                    if (variants[a].Last[0] == variants[b].Last[0] && OneEditApart(variants[a].Last, variants[b].Last) && !variants[a].Documents.Overlaps(variants[b].Documents))
                    {
                        sets.Union(variants[a].Mention, variants[b].Mention);
                    }
                }
            }
        }
    }

    /// <summary>True when one letter inserted, deleted or replaced makes <paramref name="a"/> <paramref name="b"/>.</summary>
    internal static bool OneEditApart(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || a == b)
        {
            return false;
        }

        var (i, j) = (0, 0);
        var edited = false;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                (i, j) = (i + 1, j + 1);
                continue;
            }

            if (edited)
            {
                return false;
            }

            edited = true;
            (i, j) = a.Length > b.Length ? (i + 1, j) : a.Length < b.Length ? (i, j + 1) : (i + 1, j + 1);
        }

        return true;
    }

    /// <summary>The key of the acronym a document defines right after a name ("Tehreek-e-Taliban Pakistan (TTP)"), or null.</summary>
    internal static string? AcronymDefined(Document d, TextSpan span, string name)
    {
        var after = d.Text.AsSpan(span.End);
        return AcronymAfter().Match(after.Length > 40 ? after[..40].ToString() : after.ToString()) is { Success: true } acronym
            && EntityNames.IsAcronymOf(acronym.Groups[1].Value, name) ? KnowledgeBase.Key(acronym.Groups[1].Value) : null;
    }

    /// <summary>Where the alias a document gives right after a name starts ("…, also known as Jafar"), or null.</summary>
    internal static int? AliasStart(Document d, TextSpan span)
    {
        var after = d.Text.AsSpan(span.End);
        return AliasAfter().Match(after.Length > 60 ? after[..60].ToString() : after.ToString()) is { Success: true } alias ? span.End + alias.Groups[1].Index : null;
    }

    /// <summary>Where the expansion in brackets after an all-capitals name starts ("ISKP (Islamic State …"), or null.</summary>
    internal static int? ExpansionStart(Document d, TextSpan span, string name)
    {
        var after = d.Text.AsSpan(span.End);
        return EntityNames.IsAllCaps(name) && OpeningBracket().Match(after.Length > 40 ? after[..40].ToString() : after.ToString()) is { Success: true } open ? span.End + open.Length : null;
    }

    /// <summary>The grouping key of a name: lower case, curly quotes straightened, white space collapsed.</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length);
        foreach (var c in EntityNames.Collapse(name))
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


    [GeneratedRegex(@"^\s*\(\s*([A-Z][A-Za-z\-]{1,9})\s*\)", RegexOptions.CultureInvariant)]
    private static partial Regex AcronymAfter();

    [GeneratedRegex(@"^\s*,?\s*\(?(?:also known as|a\.k\.a\.|aka|alias)\s+[""“‘']?()", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AliasAfter();

    [GeneratedRegex(@"^\s*\(\s*", RegexOptions.CultureInvariant)]
    private static partial Regex OpeningBracket();
}
