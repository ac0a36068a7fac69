using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Analysis;

/// <summary>The roles the texts give people, next to their mentions.</summary>
internal static class EntityRoles
{
    /// <summary>
    /// The role next to a person's mention: role words just before it, with the capitalised
    /// words before them as the affiliation ("Foreign Office spokesperson"), or an apposition after
    /// it (", the deputy Taliban spokesperson,", ", counsellor at Pakistan's UN Mission,").
    /// </summary>
    public static EntityRole? RoleOf(Document d, TextSpan mention)
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
}
