using Dossier.Annotations;

namespace Dossier.Nlp.Events;

/// <summary>The parts of <see cref="EventSyntax"/> about speech and naming: whom a statement is made to, and verbs that only name or label.</summary>
internal static partial class EventSyntax
{
    /// <summary>Verbs whose object is whom they address, not what they say ('told the crowd', as against 'said the word').</summary>
    private static readonly HashSet<string> Addressing = new(["tell", "address", "inform", "brief", "assure", "remind", "notify", "warn", "thank", "ask", "urge", "telephone", "call", "email", "write", "answer"], StringComparer.Ordinal);

    /// <summary>
    /// True for a naming verb: a participle that names what it follows ('a group called the Sea Org',
    /// 'also known as Jafar', 'a site dubbed …'), or a verb that gives its object a name or a label
    /// ('called Burma a "good news story"', 'called half of his supporters "deplorables"': a second
    /// object or predicate, or a quotation after the object) — naming, not an act.
    /// </summary>
    /// <remarks>The parser may read such a participle as a finite verb of a clause of its own ('the elite group within Scientology called the Sea Org'); a naming verb right after a noun that is not its subject, with no auxiliary, names that noun.</remarks>
    public static bool IsNaming(Word verb) =>
        verb.Lemma.ToLowerInvariant() is "call" or "name" or "dub" or "title" or "label" or "nickname" or "know" or "term" or "brand"
        && ((verb.BaseRelation == "acl" && verb.Xpos == "VBN")
            || Labels(verb)
            || (verb.Xpos is "VBN" or "VBD" && !verb.Children.Any(c => c.BaseRelation is "aux" or "mark" && !c.Lemma.Equals("that", StringComparison.OrdinalIgnoreCase))
                && Before(verb) is { Upos: UPos.NOUN or UPos.PROPN } noun && verb.Child("nsubj") is var subject && (subject is null || subject.Value.Index != noun.Index)
                && (subject is null || subject.Value.Head?.Index != noun.Index)));

    /// <summary>True when the verb gives its object a label: a second object or an object predicate ('called Burma a success'), or a quotation mark after the object's head within the verb's words ('called his supporters "deplorables"').</summary>
    private static bool Labels(Word verb)
    {
        if (verb.Child("obj") is not { } obj || verb.Child("compound:prt") is not null)
        {
            return false; // 'calling out Trump for his "lies"' is no naming
        }

        if (verb.Children.Count(c => c.BaseRelation is "obj" or "iobj" or "xcomp") >= 2)
        {
            return true;
        }

        foreach (var w in verb.SentenceWords)
        {
            if (w.Index > obj.Index && w.Span.End <= verb.Subtree.End && w.Upos == UPos.PUNCT && w.Text is "\"" or "“" or "'" or "‘")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The one a statement is made to: the indirect object, the object of a verb of addressing
    /// ('told the crowd', 'addressed the symposium') or of one that also reports a clause ('"…," he
    /// told the group'), or a complement of 'to' or 'with' ('speaking to the delegation'); never
    /// what is said ('says Trump absolutely right'), nor where ('said at the gala').
    /// </summary>
    public static Word? Addressee(Word verb)
    {
        if (verb.Child("iobj") is { } iobj)
        {
            return iobj;
        }

        if (verb.Child("obj") is { } obj && (Addressing.Contains(verb.Lemma.ToLowerInvariant()) || verb.Children.Any(c => c.BaseRelation is "ccomp" or "parataxis" or "xcomp")))
        {
            return obj;
        }

        return verb.Children.FirstOrDefault(c => c.BaseRelation == "obl" && Preposition(c) is "to" or "with") is { Document: not null } to ? to : null;
    }
}
