using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Nlp.Events;

/// <summary>Which named mention a participant's word stands for.</summary>
internal static partial class EventSyntax
{
    /// <summary>Nouns of a person by trade, origin or station ('businessman', 'professor', 'resident'): a place before one says where the person is from, not who acts.</summary>
    private static readonly HashSet<string> PersonNouns = new(
        ["man", "woman", "businessman", "businesswoman", "professor", "resident", "student", "teacher", "worker", "voter", "citizen", "native", "immigrant", "retiree",
         "doctor", "nurse", "lawyer", "farmer", "mother", "father", "son", "daughter", "boy", "girl", "teenager", "veteran", "donor", "billionaire", "mogul", "developer",
         "brother", "sister", "wife", "husband", "widow", "widower", "spouse", "parent", "child", "sibling", "uncle", "aunt", "cousin", "nephew", "niece",
         "grandson", "granddaughter", "grandfather", "grandmother"],
        StringComparer.Ordinal);

    /// <summary>Nouns of a person by what they think of or do for another ('a Clinton supporter', 'a Trump critic'): the name before one is that other, not who acts.</summary>
    private static readonly HashSet<string> RelationNouns = new(
        ["supporter", "backer", "fan", "critic", "opponent", "detractor", "admirer", "surrogate", "ally", "rival", "challenger", "loyalist", "booster", "defender", "biographer", "friend"],
        StringComparer.Ordinal);

    /// <summary>
    /// The named mention <paramref name="w"/> stands for: the one holding it (a person at the end of
    /// its name chain before a place or body heading it), else one reached through its compounds,
    /// flat names, appositions, possessor, 'of'/'for' phrase or (for a title) coordinated titles, two
    /// levels deep; places never act. Null when none.
    /// </summary>
    private static TextSpan? NamedFor(Word w, IReadOnlyList<MentionData> named, bool actor, int depth)
    {
        foreach (var m in named)
        {
            if (m.Span.Contains(w.Span) && (!actor || m.Label is not ("LOC" or "FAC")))
            {
                // 'Wisconsin Gov. Scott Walker', 'U.S. House Speaker Paul Ryan' read as one name headed by the place or
                // the body: the person the chain ends in is the party, the place or body only describes the office.
                return m.Label != "PER" && PersonInChain(w, named) is { } person ? person : m.Span;
            }
        }

        if (depth >= 2)
        {
            return null;
        }

        var lemma = w.Lemma.ToLowerInvariant();
        var title = Agents.Contains(lemma);
        // A lowercase word is a common noun whatever the tagger said ('The New York businessman' is sometimes tagged NNP).
        var common = w.Upos == UPos.NOUN || (w.Upos == UPos.PROPN && char.IsLower(w.Text[0]));
        var personNoun = common && (PersonNouns.Contains(lemma) || RelationNouns.Contains(lemma));
        var instrument = common && Instruments.Contains(lemma);
        // The name a noun is in apposition with is the party before any name that modifies the noun:
        // 'Senate Majority Leader Mitch McConnell' and 'ABC's host, George Stephanopoulos' are the person, not the Senate or ABC.
        foreach (var c in w.Children.Where(c => c.Relation is "flat" or "appos").Concat(w.Children.Where(c => c.Relation is not ("flat" or "appos"))))
        {
            // 'the government of Pakistan', 'his support for Trump', 'Deputy Prime Minister and Foreign Minister Ishaq Dar' (titles coordinated before the name);
            // not the place or trade before a person ('the New York businessman', 'the Florida law professor'): where one is from is no party;
            // nor the one a supporter, critic or relative is for, against or of ('Ed Rendell, a Clinton supporter, praised Sanders', 'the brother of
            // Ron Howard'); nor whom an act befell ('condemned the beheading of David Haines': the beheading is not Haines); nor the name
            // of an agreement, law or plan ('praised the Trans-Pacific Partnership trade agreement': the agreement is no party).
            if ((c.Relation is "flat" or "appos" or "nmod:poss" || (c.Relation == "compound" && !personNoun && !instrument)
                    || (c.Relation == "nmod" && Preposition(c) is "of" or "for" && !IsActNoun(w) && !personNoun)
                    || (c.Relation == "conj" && title)) && NamedFor(c, named, actor, depth + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Agreements, laws, plans and policies: a name compounded with one names the instrument ('the Trans-Pacific Partnership trade agreement', 'the DREAM Act bill'), not a party.</summary>
    private static readonly HashSet<string> Instruments = new(
        ["agreement", "deal", "treaty", "pact", "accord", "bill", "law", "act", "plan", "policy", "program", "programme", "proposal", "initiative", "legislation",
         "reform", "budget", "tariff", "regulation", "resolution", "amendment", "measure", "platform", "agenda", "strategy", "doctrine", "partnership", "framework"],
        StringComparer.Ordinal);

    /// <summary>Nouns of acts done to someone, beyond the event nouns, whose 'of' phrase is whom the act befell.</summary>
    private static readonly HashSet<string> ActNouns = new(
        ["murder", "release", "execution", "assassination", "abduction", "detention", "capture", "imprisonment", "torture", "rape", "massacre", "slaughter", "death", "deportation", "expulsion"],
        StringComparer.Ordinal);

    /// <summary>A noun naming an act ('the attack', 'the beheading', 'the murder'), not a body or an office: its 'of' phrase is no party it stands for.</summary>
    private static bool IsActNoun(Word w) =>
        IsEventNoun(w) || (w.Upos == UPos.NOUN && (ActNouns.Contains(w.Lemma.ToLowerInvariant()) || (w.Xpos == "NN" && w.Text.EndsWith("ing", StringComparison.OrdinalIgnoreCase))));

    /// <summary>A person named after <paramref name="head"/> in its name chain (its 'flat', 'appos' or 'list' dependents and theirs: the parser lists 'Senate Minority Leader Harry Reid' so), or null.</summary>
    private static TextSpan? PersonInChain(Word head, IReadOnlyList<MentionData> named)
    {
        foreach (var c in head.Children)
        {
            if (c.Relation is "flat" or "appos" or "list" && c.Span.Start > head.Span.Start
                && (named.FirstOrDefault(m => m.Label == "PER" && m.Span.Contains(c.Span)) is { Label: not null } person ? person.Span : PersonInChain(c, named)) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
