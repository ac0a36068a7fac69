using static Dossier.Nlp.Quotes.QuoteText;

namespace Dossier.Nlp.Quotes;

/// <summary>
/// The phrases that name a speaker around a cue: the subject before it ("Khan said", "Hamdullah
/// Fitrat, the deputy Taliban spokesperson, dismissed"), the phrase a relative clause hangs on, the
/// sentence's subject, the phrase after an inverted cue ("said Scott Hawkins of Cheyenne") and the
/// nearest name; and whether words look like a speaker. Thread-safe.
/// </summary>
internal sealed class SpeakerPhrases(CueLexicon lexicon)
{
    private readonly CueLexicon _lexicon = lexicon;

    /// <summary>The speaker phrase ending just before the cue, read back over auxiliaries and adverbs: "Khan", "the Foreign Office spokesperson", "Hamdullah Fitrat, the deputy Taliban spokesperson,".</summary>
    internal (int Start, int End)? SubjectBefore(QuoteDocument v, int sentenceStart, int cueStart)
    {
        sentenceStart = Math.Min(v.DatelineEnd(sentenceStart), cueStart); // "BRUSSELS ― Concerns about …": no speaker
        var end = cueStart;
        while (end > sentenceStart && (_lexicon.Is("skip", v.Lower[end - 1]) || v.Lower[end - 1].EndsWith("ly", StringComparison.Ordinal) || v.IsTimeMention(end - 1)))
        {
            end--;
        }

        // "Rep. Gwen Moore (D-Wis.) said", "the ministry (MoFA) said": a short bracket after the
        // speaker's name belongs to the phrase, which is read before it.
        if (BracketBefore(v, sentenceStart, end) is { } bracket && SubjectBefore(v, sentenceStart, bracket) is { } beforeBracket && beforeBracket.End == bracket)
        {
            return (beforeBracket.Start, end);
        }

        // "Proponents of the new bill, however, say …": a connective set off by commas.
        if (end - 3 > sentenceStart && v.Lower[end - 1] == "," && v.Lower[end - 3] == "," && _lexicon.Is("connective", v.Lower[end - 2]))
        {
            end -= 3;
        }

        if (end > sentenceStart && v.Lower[end - 1] == ",")
        {
            // "Hamdullah Fitrat, the deputy Taliban spokesperson, vehemently dismissed": an apposition.
            // A long one ("Helen Aguirre Ferre, who took over as head of …, said") hangs on a name
            // that opens the sentence.
            // that opens the sentence or its clause ("“…,” Trump, the 2016 GOP frontrunner, said").
            var opener = -1;
            for (var k = end - 2; k >= Math.Max(sentenceStart, end - 46); k--)
            {
                if (v.MentionAt(k) is var c && c >= 0 && v.Mentions[c].Start == k && v.Mentions[c].Label is "PER" or "ORG" && v.Mentions[c].End < end - 1
                    && v.Lower[v.Mentions[c].End] == "," && (k == sentenceStart || v.IsQuoteMark(k - 1) || v.Lower[k - 1] == ","
                        || (k - 1 == sentenceStart && char.IsUpper(v.Words[k - 1][0]))))
                {
                    opener = c;
                }
            }

            if (opener >= 0)
            {
                return (v.Mentions[opener].Start, end - 1);
            }

            var close = end - 1;
            var open = close - 1;
            while (open > sentenceStart && v.Lower[open] != "," && close - open < MaxSpeakerWords * 2)
            {
                open--;
            }

            if (open > sentenceStart && v.Lower[open] == "," && v.MentionAt(open - 1) is var m && m >= 0 && v.Mentions[m].End == open && v.Mentions[m].Label is "PER" or "ORG")
            {
                return (v.Mentions[m].Start, close);
            }

            // "A Fox News poll, conducted jointly with …, shows": a role or a finding before the apposition.
            if (open > sentenceStart && v.Lower[open] == "," && IsRoleWord(v.Lower[open - 1]))
            {
                var head = open - 1;
                while (head > sentenceStart && !v.IsPunctuation(head - 1) && !_lexicon.Is("np-stop", v.Lower[head - 1]) && open - head < MaxSpeakerWords)
                {
                    head--;
                }

                return (head, close);
            }

            // "Another delegate on the Cruz slate, Jim Poolman, said": the name between the commas.
            if (open >= sentenceStart && v.Lower[open] == "," && v.MentionAt(open + 1) is var named && named >= 0 && v.Mentions[named].Start == open + 1 && v.Mentions[named].End == close && v.Mentions[named].Label is "PER" or "ORG")
            {
                return (open + 1, close);
            }

            return null;
        }

        var start = end;
        while (start > sentenceStart && end - start < MaxSpeakerWords && (!v.IsPunctuation(start - 1) || v.IsJoined(start - 1)) && !_lexicon.Is("np-stop", v.Lower[start - 1]) && !v.IsQuoteMark(start - 1))
        {
            start--;
        }

        // A name the scan cut at a word of its own ("The Globe and Mail"): the whole name.
        if (start < end && v.MentionAt(start) is var inName && inName >= 0 && v.Mentions[inName].Start < start && v.Mentions[inName].Start >= sentenceStart)
        {
            start = v.Mentions[inName].Start;
        }

        // "John Smith of the Washington Post said", "Matthew Ingram of The Globe and Mail wrote": the person
        // speaks; the organisation only places them. Not a person inside a longer phrase ("an article about
        // Mueller from the local newspaper said").
        if (start - 2 >= sentenceStart && v.Lower[start - 1] is "of" or "at" or "from" && v.MentionAt(start - 2) is var person && person >= 0
            && v.Mentions[person].Label == "PER" && v.Mentions[person].End == start - 1 && v.Mentions[person].Start >= sentenceStart
            && !(v.Mentions[person].Start > sentenceStart && _lexicon.Is("np-stop", v.Lower[v.Mentions[person].Start - 1])))
        {
            return (v.Mentions[person].Start, end);
        }

        // "A spokesman for the buyer said", "At least half of voters in each state say": the head
        // is before a preposition; the phrase takes in what modifies it.
        var extended = start;
        while (extended - 1 > sentenceStart && v.Lower[extended - 1] is "of" or "for" or "in" or "at" or "from" or "with" or "on"
            && !LooksLikeSpeaker(v, start, end) && end - extended < MaxSpeakerWords)
        {
            var head = extended - 1;
            while (head > sentenceStart && end - head < MaxSpeakerWords && !v.IsPunctuation(head - 1) && !_lexicon.Is("np-stop", v.Lower[head - 1]) && !v.IsQuoteMark(head - 1))
            {
                head--;
            }

            if (head < extended - 1 && LooksLikeSpeaker(v, head, extended - 1))
            {
                while (head < extended - 2 && v.Lower[head] is "the" or "a" or "an")
                {
                    head++;
                }

                return (head, end);
            }

            extended = head;
        }

        // A phrase must end in a noun-like word; a leading article is not part of the name.
        var opensWithArticle = start == sentenceStart && v.Lower[start] is "the" or "a" or "an";

        // After a quotation or a comma, a phrase that opens with a determiner is the cue's speaker, whatever
        // its head: '“…?” the 43-year-old asked', '“…!” one person tweeted', '…, the engineer said'.
        var afterQuotation = start > sentenceStart && start < end && (v.QuoteEndingAt(start - 1) is not null || v.Lower[start - 1] == ",")
            && v.Lower[start] is "the" or "a" or "an" or "one" or "another";
        while (start < end - 1 && v.Lower[start] is "the" or "a" or "an")
        {
            start++;
        }

        // A noun phrase that opens the sentence with an article speaks whatever its head: "The
        // self-described democratic socialist said …".
        if (start >= end)
        {
            return null;
        }

        var last = v.Lower[end - 1];
        var nounLike = !_lexicon.Is("determiner", last) && last.Length > 2 && !last.EndsWith("ly", StringComparison.Ordinal);
        return LooksLikeSpeaker(v, start, end)
            || (opensWithArticle && end - start <= 5 && nounLike && last.All(char.IsLetter))
            || (afterQuotation && end - start <= 4 && nounLike && last.Any(char.IsLetter) && last.All(c => char.IsLetterOrDigit(c) || c == '-'))
            ? (start, end) : null;
    }

    /// <summary>Where a bracket of at most four words that closes just before <paramref name="end"/> opens, after a word; null when there is none.</summary>
    private static int? BracketBefore(QuoteDocument v, int sentenceStart, int end)
    {
        if (end - 3 <= sentenceStart || v.Words[end - 1] != ")")
        {
            return null;
        }

        for (var open = end - 3; open >= Math.Max(sentenceStart + 1, end - 6); open--)
        {
            if (v.Words[open] == "(")
            {
                return v.IsPunctuation(open - 1) ? null : open;
            }

            if (v.IsPunctuation(open) && v.Words[open] != "-")
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The speaker of a cue in a relative clause is the phrase the clause hangs on: "voters who said
    /// they would …", "Mr. Smith, who has argued that …".
    /// </summary>
    internal (int Start, int End)? RelativeSubject(QuoteDocument v, int sentenceStart, int cueStart) =>
        RelativePronoun(v, sentenceStart, cueStart) is { } who ? SubjectBefore(v, sentenceStart, who) : null;

    /// <summary>The relative pronoun ('who', 'which') just before a cue, read back over auxiliaries and adverbs; null when there is none.</summary>
    internal int? RelativePronoun(QuoteDocument v, int sentenceStart, int cueStart)
    {
        var k = cueStart;
        while (k > sentenceStart && _lexicon.Is("skip", v.Lower[k - 1]))
        {
            k--;
        }

        return k - 1 <= sentenceStart || v.Lower[k - 1] is not ("who" or "which") ? null : k - 1;
    }

    /// <summary>The first phrase of the sentence after its dateline, when it is a pronoun or a mention ("He also rejected …"; "WASHINGTON (AP) —" is no speaker).</summary>
    internal (int Start, int End)? SentenceSubject(QuoteDocument v, int a, int limit)
    {
        a = Math.Min(v.DatelineEnd(a), limit);
        for (var k = a; k < Math.Min(limit, a + 4); k++)
        {
            if (v.InQuote(k))
            {
                return null; // a sentence that opens with a quotation: who is named in it is not who said it
            }

            if (_lexicon.Is("person-pronoun", v.Lower[k]) || _lexicon.Is("group-pronoun", v.Lower[k]))
            {
                return (k, k + 1);
            }

            var m = v.MentionAt(k);
            if (m >= 0 && v.Mentions[m].Label is "PER" or "ORG" or "GPE" or "NORP")
            {
                // Not a dateline ("ISLAMABAD: …", "KABUL —").
                var after = v.Mentions[m].End;
                return after < limit && v.Words[after] is ":" or "—" or "--" ? null : (v.Mentions[m].Start, v.Mentions[m].End);
            }
        }

        return null;
    }

    /// <summary>
    /// The speaker after an inverted cue when it is a longer phrase that ends the sentence or its
    /// clause: a name or a described person ("Scott Hawkins of Cheyenne", "the 46-year-old").
    /// </summary>
    internal static (int Start, int End)? InvertedPhrase(QuoteDocument v, int start, int b)
    {
        // (An age opens a described person too: "…," said 20-year-old Ali Ahmed from …)
        if (start >= b || !(char.IsUpper(v.Words[start][0]) || v.Lower[start] is "the" or "a" or "an" or "one" or "another" || IsAge(v.Lower[start])) || v.Lower[start] is "that")
        {
            return null;
        }

        var end = start;
        while (end < b && end - start < MaxSpeakerWords && (!v.IsPunctuation(end) || v.Words[end] == "(") && v.Lower[end] is not ("that" or "which" or "who"))
        {
            if (v.Words[end] == "(")
            {
                // "said Rep. Jim Clyburn (D-S.C.)": a party and state in parentheses.
                var close = end + 1;
                while (close < b && close - end < 8 && v.Words[close] != ")")
                {
                    close++;
                }

                if (close >= b || v.Words[close] != ")")
                {
                    break;
                }

                end = close;
            }

            end++;
        }

        var stop = TrimEnd(v, end, b) == end || (end < b && v.Lower[end] == ",");
        return end > start && stop ? (start, end) : null;
    }

    /// <summary>The nearest name (person, organisation, place, group) before token <paramref name="before"/> and from <paramref name="from"/> on, at a token <paramref name="allowed"/>.</summary>
    internal static (int Start, int End)? NameBefore(QuoteDocument v, int before, int from, Func<int, bool> allowed)
    {
        for (var k = before - 1; k >= from; k--)
        {
            if (allowed(k) && v.MentionAt(k) is var m && m >= 0 && v.Mentions[m].Label is "PER" or "ORG" or "GPE" or "NORP")
            {
                return (v.Mentions[m].Start, v.Mentions[m].End);
            }
        }

        return null;
    }

    internal bool LooksLikeSpeaker(QuoteDocument v, int start, int end)
    {
        var last = v.Lower[end - 1];
        if (v.MentionAt(end - 1) is var m && m >= 0)
        {
            return v.Mentions[m].Label is "PER" or "ORG" or "GPE" or "NORP" or "FAC" or "MISC";
        }

        return _lexicon.Is("person-pronoun", last) || _lexicon.Is("group-pronoun", last) || IsRoleWord(last)
            || char.IsUpper(v.Words[end - 1][0]) || v.IsNumberMention(end - 1);
    }

    /// <summary>A word naming a speaker by role or as a group ("spokesperson", "ministry", "officials", "leaders").</summary>
    internal bool IsRoleWord(string lower)
    {
        var singular = Singular(lower);
        return _lexicon.Is("person-role", lower) || _lexicon.Is("group-role", lower) || _lexicon.Is("unnamed", lower) || _lexicon.Is("finding", lower)
            || _lexicon.Is("person-role", singular) || _lexicon.Is("group-role", singular);
    }

    /// <summary>
    /// Whether a phrase headed by the noun <paramref name="lower"/> speaks for the organisation or state
    /// named as its modifier ("Taliban officials", "Pakistan's foreign office", "a United Nations report"),
    /// unlike its supporters, critics, media, residents or a page that bears its name. A state or nation
    /// (<paramref name="state"/>) speaks through its organs only, not through a newspaper, a party or a
    /// company of its country ("an Algerian newspaper said" is not Algeria).
    /// </summary>
    internal bool SpeaksFor(string lower, bool state)
    {
        var singular = Singular(lower);
        if (state && (_lexicon.Is("own-voice", lower) || _lexicon.Is("own-voice", singular)))
        {
            return false;
        }

        return _lexicon.Is("affiliation", lower) || _lexicon.Is("affiliation", singular) || _lexicon.Is("group-role", lower) || _lexicon.Is("group-role", singular)
            || _lexicon.Is("finding", lower);
    }

    private static bool IsAge(string lower) => lower.Length > 0 && char.IsDigit(lower[0]) && lower.EndsWith("-year-old", StringComparison.Ordinal);

    private static string Singular(string lower) => lower.EndsWith("ies", StringComparison.Ordinal) ? lower[..^3] + "y" : lower.EndsWith('s') ? lower[..^1] : lower;
}
