using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Analysis;

/// <summary>
/// Which of a group's claims states its proposition for a reader, and how. The group's
/// assertions are ranked by their centrality (cosine to the group's centroid) plus how well they
/// read on their own (<see cref="Readability"/>, <see cref="TierBonus"/> a step): a whole clause
/// with its subject and no pronoun that points outside it ('militants are using US weapons')
/// over a whole clause with one ('they were gaining access to them'), over the rest (a noun
/// phrase 'the presence of weapons', a predicate without its subject 'is being sheltered by …',
/// an infinitive 'to be returned by Kabul'); each word beyond <see cref="LongWords"/> costs a
/// little. It is shown in the words and case the outlet wrote, white space folded.
/// </summary>
internal static class CanonicalStatement
{
    /// <summary>What each step of readability adds to the centrality.</summary>
    public const double TierBonus = 0.1;

    /// <summary>Words beyond this many cost <see cref="LengthCost"/> each of the centrality.</summary>
    public const int LongWords = 20;

    /// <summary>What each word beyond <see cref="LongWords"/> costs.</summary>
    public const double LengthCost = 0.01;

    private static readonly HashSet<string> Pronouns = new(
        ["it", "its", "they", "them", "their", "this", "these", "those", "he", "him", "his", "she", "her", "we", "us", "our", "i", "me", "my", "you", "your"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The claim's words as the group's statement.</summary>
    public static string Of(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return string.Join(' ', claim.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>How well the content at <paramref name="content"/> reads on its own: 2 a whole clause without an outside pronoun, 1 a clause with one, 0 otherwise (and without a tree).</summary>
    public static int Readability(Document d, TextSpan content)
    {
        ArgumentNullException.ThrowIfNull(d);
        var words = d.WordsIn(content).Where(w => content.Contains(w.Span)).ToList();
        if (words.Count == 0)
        {
            return 0;
        }

        if (!IsClause(words, content))
        {
            return 0;
        }

        // An expletive ('It is proven that …') points nowhere; a relative 'which' points outside only when it opens the words.
        var outside = words.Exists(w => w.Upos is UPos.PRON or UPos.DET && w.BaseRelation != "expl" && Pronouns.Contains(w.Text))
            || string.Equals(words[0].Text, "which", StringComparison.OrdinalIgnoreCase);
        return outside ? 1 : 2;
    }

    /// <summary>True when the content is a whole clause: a root of it (its head outside it) that is a verb, or has a copula, with its own subject inside it ('he would never vote for Clinton', not 'involvement' or 'was not her view').</summary>
    public static bool IsClause(Document d, TextSpan content)
    {
        ArgumentNullException.ThrowIfNull(d);
        return IsClause([.. d.WordsIn(content).Where(w => content.Contains(w.Span))], content);
    }

    private static bool IsClause(List<Word> words, TextSpan content) =>
        words.Exists(r => (r.Head is not { } h || !content.Contains(h.Span))
            && (r.Upos is UPos.VERB or UPos.AUX || r.Children.Any(c => c.BaseRelation == "cop"))
            && r.Children.Any(c => content.Contains(c.Span) && c.BaseRelation is "nsubj" or "csubj" or "expl"));

    /// <summary>What readability and length add to a candidate's centrality.</summary>
    public static double Score(Document d, Claim claim)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(claim);
        var count = claim.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return (TierBonus * Readability(d, claim.Data.Span)) - (LengthCost * Math.Max(0, count - LongWords));
    }
}
