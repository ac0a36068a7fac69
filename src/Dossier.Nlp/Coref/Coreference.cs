using System.Collections.Immutable;
using Dossier.Annotations;
using Dossier.Nlp.Quotes;
using Dossier.Text;

namespace Dossier.Nlp.Coref;

/// <summary>
/// The rules of coreference within one document, over the quote finder's view of it (words,
/// sentences, named mentions and quotations by token):
/// <list type="bullet">
/// <item>a person pronoun ('he', 'his', 'her') refers to the nearest person named before it —
/// not one named inside a quotation the pronoun is outside of; with the tree, a subject pronoun
/// whose antecedent is in an earlier sentence prefers that sentence's subject;</item>
/// <item>a group pronoun ('they', 'it') to the nearest organisation;</item>
/// <item>a person's role noun ('the spokesperson') to the person introduced with that role
/// ('spokesperson Shafqat Ali Khan', 'Fitrat, the deputy spokesperson'), else the organisation
/// named with it ('Foreign Office spokesperson'), else the nearest person (a guess);</item>
/// <item>an organisation's role noun ('the ministry') to the nearest organisation whose name
/// holds it; 'the group' to one whose name holds it, else the nearest organisation; 'the
/// country' to the nearest place.</item>
/// </list>
/// A role noun followed by 'of' or by the name it titles ('spokesperson Khan', 'the
/// spokesperson, Khan,') is no reference. There is no distance limit: a speaker's "he" may
/// name someone introduced paragraphs before; a reader that wants only near antecedents checks
/// the distance (entity resolution does). Thread-safe.
/// </summary>
internal static class Coreference
{
    private static readonly Dictionary<string, HashSet<string>> Words =
        DataFile.ReadEmbedded(typeof(Coreference).Assembly, "Dossier.Nlp.Coref.coref-words.tsv").Where(r => r.Length >= 2)
            .ToDictionary(r => r[0], r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>True when <paramref name="lower"/> is in the word class <paramref name="category"/> of <c>coref-words.tsv</c>.</summary>
    internal static bool Is(string category, string lower) => Words.TryGetValue(category, out var set) && set.Contains(lower);

    /// <summary>The references of a document, in text order; <paramref name="view"/> is the quote finder's view of it when one is at hand.</summary>
    internal static ImmutableArray<ReferenceData> Resolve(Document document, QuoteDocument? view, CancellationToken cancellationToken = default)
    {
        var v = view ?? new QuoteDocument(document);
        var tree = new CorefSyntax(document, v);
        var found = ImmutableArray.CreateBuilder<ReferenceData>();
        for (var k = 0; k < v.Lower.Length; k++)
        {
            if ((k & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (v.MentionAt(k) >= 0)
            {
                continue; // inside a name
            }

            var word = v.Lower[k];
            if (Is("person-pronoun", word))
            {
                Add(found, v, k, k, Previous(v, tree, k, k, "PER", pronoun: true), ReferenceKind.Pronoun);
            }
            else if (Is("group-pronoun", word))
            {
                Add(found, v, k, k, Previous(v, tree, k, k, "ORG", pronoun: true), ReferenceKind.Pronoun);
            }
            else if (IsRoleNoun(word) && IsReference(v, k))
            {
                var start = ArticleBefore(v, k);
                var (m, kind) = RoleAntecedent(v, tree, start, k, word);
                Add(found, v, start, k, m, kind);
            }
        }

        return found.ToImmutable();
    }

    private static bool IsRoleNoun(string word) => Is("person-role", word) || Is("group-role", word) || Is("group-noun", word) || Is("place-noun", word);

    private static void Add(ImmutableArray<ReferenceData>.Builder found, QuoteDocument v, int start, int head, int mention, ReferenceKind kind)
    {
        if (mention >= 0)
        {
            found.Add(new ReferenceData(v.Span(start, head + 1), v.Mentions[mention].Layer, kind));
        }
    }

    /// <summary>The antecedent of a role noun <paramref name="word"/> at token <paramref name="head"/> (its phrase starting at <paramref name="start"/>), and how it was found; -1 when none fits.</summary>
    private static (int Mention, ReferenceKind Kind) RoleAntecedent(QuoteDocument v, CorefSyntax tree, int start, int head, string word)
    {
        if (Is("person-role", word))
        {
            // "the spokesperson": the person introduced with that role ("spokesperson Shafqat Ali
            // Khan", "Hamdullah Fitrat, the deputy Taliban spokesperson", "Khan, the spokesperson,").
            var withRole = PreviousNear(v, tree, start, head, "PER", word, 5);
            if (withRole >= 0)
            {
                return (withRole, ReferenceKind.Role);
            }

            // "Foreign Office spokesperson …" without the name: the office spoke.
            var office = PreviousNear(v, tree, start, head, "ORG", word, 3);
            if (office >= 0)
            {
                return (office, ReferenceKind.Affiliation);
            }

            var person = Previous(v, tree, start, head, "PER", pronoun: false);
            return (person, ReferenceKind.Nearest);
        }

        var holding = PreviousContaining(v, tree, start, "ORG", word);
        if (holding >= 0 && (Is("group-noun", word) || Is("group-role", word)))
        {
            return (holding, ReferenceKind.Role);
        }

        return Is("group-noun", word) ? (Previous(v, tree, start, head, "ORG", pronoun: false), ReferenceKind.Nearest)
            : Is("place-noun", word) ? (Previous(v, tree, start, head, "GPE", pronoun: false), ReferenceKind.Nearest)
            : (-1, ReferenceKind.Nearest);
    }

    /// <summary>False for a role noun that is not a reference: followed by 'of' ('the president of …') or by the name it titles ('spokesperson Khan', 'the spokesperson, Khan,').</summary>
    private static bool IsReference(QuoteDocument v, int k)
    {
        var n = v.Lower.Length;
        return !(k + 1 < n && (Is("not-after", v.Lower[k + 1]) || IsPerson(v, k + 1) || (v.Lower[k + 1] == "," && k + 2 < n && IsPerson(v, k + 2))));
    }

    private static bool IsPerson(QuoteDocument v, int k) => v.MentionAt(k) is var m && m >= 0 && v.Mentions[m].Label == "PER";

    /// <summary>The first token of a role noun's phrase: its article ('the', 'this', 'that') when one comes before it, over at most two lower-case modifiers ('the deputy spokesperson'); else the noun itself.</summary>
    private static int ArticleBefore(QuoteDocument v, int head)
    {
        for (var k = head - 1; k >= 0 && k >= head - 3; k--)
        {
            if (v.Lower[k] is "the" or "this" or "that")
            {
                return k;
            }

            if (v.MentionAt(k) >= 0 || v.IsPunctuation(k) || v.Words[k] != v.Lower[k] || v.SentenceOfToken(k) != v.SentenceOfToken(head)
                || Is("person-pronoun", v.Lower[k]) || Is("group-pronoun", v.Lower[k]) || IsRoleNoun(v.Lower[k]))
            {
                break;
            }
        }

        return head;
    }

    /// <summary>
    /// The nearest mention of <paramref name="label"/> that ends before token <paramref name="before"/>;
    /// mentions inside a quotation the reference is not in are left out. A pronoun
    /// (<paramref name="pronoun"/>) that is the subject of its clause and whose nearest candidate
    /// lies in an earlier sentence takes the subject of that sentence, when one is a candidate
    /// ('Khan met Ahmed on Tuesday. He said …' is Khan).
    /// </summary>
    private static int Previous(QuoteDocument v, CorefSyntax tree, int before, int head, string label, bool pronoun)
    {
        var region = v.InQuote(head) ? v.RegionOf(head) : -1;
        foreach (var m in tree.Before(before, label))
        {
            var mention = v.Mentions[m];
            if (mention.End > before || (v.InQuote(mention.Start) && v.RegionOf(mention.Start) != region))
            {
                continue;
            }

            if (pronoun && v.SentenceOfToken(mention.Start) < v.SentenceOfToken(head) && tree.IsSubjectToken(head) && !tree.IsSubject(mention))
            {
                // A subject pronoun prefers the subject of the sentence that names its antecedent.
                var sentence = v.SentenceOfToken(mention.Start);
                foreach (var other in tree.Before(mention.Start, label))
                {
                    var o = v.Mentions[other];
                    if (v.SentenceOfToken(o.Start) != sentence)
                    {
                        break;
                    }

                    if (tree.IsSubject(o) && !(v.InQuote(o.Start) && v.RegionOf(o.Start) != region))
                    {
                        return other;
                    }
                }
            }

            return m;
        }

        return -1;
    }

    /// <summary>The nearest mention of <paramref name="label"/> before token <paramref name="before"/> with the word <paramref name="role"/> within <paramref name="window"/> tokens of it, in its sentence, and not after the role noun at <paramref name="head"/> ("spokesperson Shafqat Ali Khan", "Fitrat, the deputy spokesperson").</summary>
    private static int PreviousNear(QuoteDocument v, CorefSyntax tree, int before, int head, string label, string role, int window)
    {
        foreach (var m in tree.Before(before, label))
        {
            var mention = v.Mentions[m];
            if (mention.End > before)
            {
                continue;
            }

            for (var k = Math.Max(0, mention.Start - window); k < Math.Min(head + 1, mention.End + window); k++)
            {
                if (v.Lower[k] == role && (k < mention.Start || k >= mention.End) && v.SentenceOfToken(k) == v.SentenceOfToken(mention.Start))
                {
                    return m;
                }
            }
        }

        return -1;
    }

    /// <summary>The nearest mention of <paramref name="label"/> before token <paramref name="before"/> whose text holds <paramref name="word"/> ("the ministry" → "Ministry of Defense"); -1 when none.</summary>
    private static int PreviousContaining(QuoteDocument v, CorefSyntax tree, int before, string label, string word)
    {
        foreach (var m in tree.Before(before, label))
        {
            var mention = v.Mentions[m];
            if (mention.End <= before)
            {
                for (var k = mention.Start; k < mention.End; k++)
                {
                    if (v.Lower[k] == word)
                    {
                        return m;
                    }
                }
            }
        }

        return -1;
    }
}
