using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Nlp.Ner;

/// <summary>
/// Adds mentions: named entities from the statistical tagger, typed for the product (PER, ORG,
/// GPE, LOC, FAC, NORP, EVENT, MISC), and numeric and temporal expressions from rules (DATE,
/// TIME, MONEY, PERCENT, QUANTITY, CARDINAL, ORDINAL) where no name stands. Needs tokens and
/// sentences; adds mentions. Thread-safe.
/// </summary>
internal sealed class NerComponent : IDocumentComponent
{
    private readonly NerModel _model;
    private readonly IReadOnlyList<(HashSet<string> From, string To, HashSet<string> LastWords)> _typeRules;
    private readonly HashSet<string> _notNames;
    private readonly HashSet<string> _compoundSuffixes;
    private readonly IReadOnlyList<(HashSet<string> From, string To, HashSet<string> NextWords)> _nextWordRules;

    /// <summary>Creates the component around a loaded model.</summary>
    public NerComponent(NerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        var rules = DataFile.ReadEmbedded(typeof(NerComponent).Assembly, "Dossier.Nlp.Ner.entity-types.tsv");
        _typeRules = [.. rules
            .Where(r => r.Length >= 4 && r[0] == "last-word")
            .Select(r => (r[1].Split(',').ToHashSet(StringComparer.Ordinal), r[2], Words(r[3])))];
        _notNames = [.. rules.Where(r => r.Length >= 2 && r[0] == "not-name").SelectMany(r => Words(r[1]))];
        _compoundSuffixes = [.. rules.Where(r => r.Length >= 2 && r[0] == "compound-suffix").SelectMany(r => Words(r[1]))];
        _nextWordRules = [.. rules
            .Where(r => r.Length >= 4 && r[0] == "next-word")
            .Select(r => (r[1].Split(',').ToHashSet(StringComparer.Ordinal), r[2], Words(r[3])))];

        static HashSet<string> Words(string list) => list.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public string Name => "mentions";

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Needs { get; } = [Layers.Tokens, Layers.Sentences];

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Adds { get; } = [Layers.Mentions];

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var tokens = document.Get(Layers.Tokens);
        var sentences = document.Get(Layers.Sentences);
        var words = new List<IReadOnlyList<string>>(sentences.Length);
        foreach (var s in sentences)
        {
            var sentenceWords = new string[s.TokenCount];
            for (var t = 0; t < sentenceWords.Length; t++)
            {
                var span = tokens[s.FirstToken + t].Span;
                sentenceWords[t] = AsTrainingText(text.Substring(span.Start, span.Length));
            }

            words.Add(sentenceWords);
        }

        var tagged = _model.Tag(words);
        var mentions = new List<MentionData>();
        for (var k = 0; k < sentences.Length; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var first = sentences[k].FirstToken;
            var spans = ExtendPeopleLeft(MergeSpelledAlikeOrganisations(MergeParenthesisedNames(tagged[k], words[k]), words[k]), words[k]);
            var taken = new bool[words[k].Count];
            foreach (var raw in spans)
            {
                var span = TrimPunctuation(raw, words[k]);
                if (span.End <= span.Start)
                {
                    continue;
                }

                var start = tokens[first + span.Start].Span.Start;
                var end = tokens[first + span.End - 1].Span.End;
                if (span.End - span.Start == 1 && CompoundStem(words[k][span.Start]) is { } stem)
                {
                    // "Geneva-based", "US-made": the name is the stem, typed by the gazetteer.
                    if (StemType(stem) is { } stemType)
                    {
                        mentions.Add(new MentionData(new TextSpan(start, start + stem.Length), stemType));
                    }
                }
                else
                {
                    mentions.Add(new MentionData(new TextSpan(start, end), NextWordType(span, words[k]) ?? ProductType(span, words[k])));
                }

                for (var i = span.Start; i < span.End; i++)
                {
                    taken[i] = true;
                }
            }

            foreach (var span in NumericMentions.Find(words[k], taken))
            {
                mentions.Add(new MentionData(new TextSpan(tokens[first + span.Start].Span.Start, tokens[first + span.End - 1].Span.End), span.Type));
            }
        }

        document.Set(Layers.Mentions, [.. Surnames(text, tokens, PeopleConsistently(text, mentions)).OrderBy(m => m.Span)]);
    }

    /// <summary>
    /// A person's surname standing alone later or earlier in the document ("Raza said" after
    /// "Syed Atif Raza") is a mention of a person even where the tagger missed it.
    /// </summary>
    private List<MentionData> Surnames(string text, System.Collections.Immutable.ImmutableArray<TokenData> tokens, List<MentionData> mentions)
    {
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in mentions.Where(m => m.Label == "PER"))
        {
            var words = text[m.Span.Start..m.Span.End].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 1 && words[^1].Length >= 3 && char.IsUpper(words[^1][0]) && words[^1].Skip(1).All(char.IsLower) && !_notNames.Contains(words[^1]))
            {
                surnames.Add(words[^1]);
            }
        }

        if (surnames.Count == 0)
        {
            return mentions;
        }

        var lookup = surnames.GetAlternateLookup<ReadOnlySpan<char>>();
        var added = new List<MentionData>();
        foreach (var t in tokens)
        {
            if (t.Kind == TokenKind.Word && char.IsUpper(text[t.Span.Start]) && lookup.Contains(text.AsSpan(t.Span.Start, t.Span.Length))
                && !mentions.Any(m => m.Span.Overlaps(t.Span)))
            {
                added.Add(new MentionData(t.Span, "PER"));
            }
        }

        return added.Count == 0 ? mentions : [.. mentions, .. added];
    }

    /// <summary>
    /// One name, one reading per document: a name tagged a person somewhere in the document and
    /// a place or miscellaneous name elsewhere ("the arrest of Shareefullah"), which the gazetteer
    /// does not know as a place, is a person everywhere.
    /// </summary>
    private List<MentionData> PeopleConsistently(string text, List<MentionData> mentions)
    {
        const GazetteerCategory Place = GazetteerCategory.Country | GazetteerCategory.City | GazetteerCategory.Region;
        var people = mentions.Where(m => m.Label == "PER").Select(m => text[m.Span.Start..m.Span.End]).ToHashSet(StringComparer.Ordinal);
        if (people.Count == 0)
        {
            return mentions;
        }

        var lookup = people.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Label is "LOC" or "MISC" && lookup.Contains(text.AsSpan(m.Span.Start, m.Span.Length))
                && (_model.Gazetteer.Lookup(Gazetteer.Normalize(text[m.Span.Start..m.Span.End])) & Place) == 0)
            {
                mentions[i] = m with { Label = "PER" };
            }
        }

        return mentions;
    }

    /// <summary>The type a following word gives a mention ("Torkham" before "border"), or null.</summary>
    private string? NextWordType(TokenSpan span, IReadOnlyList<string> words)
    {
        if (span.End >= words.Count)
        {
            return null;
        }

        var next = words[span.End].ToLowerInvariant();
        foreach (var (from, to, nextWords) in _nextWordRules)
        {
            if (from.Contains(span.Type) && nextWords.Contains(next))
            {
                const GazetteerCategory Place = GazetteerCategory.Country | GazetteerCategory.City | GazetteerCategory.Region;
                return (LookupLowerCased(words, span.Start, span.End) & Place) != 0 ? "GPE" : to;
            }
        }

        return null;
    }

    /// <summary>
    /// A name followed by a parenthesised title-case name that completes it, "Islamic State
    /// (Khorasan Province)", is one organisation; a parenthesised acronym, "(TTP)", stays an alias.
    /// </summary>
    private static List<TokenSpan> MergeParenthesisedNames(List<TokenSpan> spans, IReadOnlyList<string> words)
    {
        var result = new List<TokenSpan>(spans.Count);
        for (var i = 0; i < spans.Count; i++)
        {
            var a = spans[i];
            if (a.Type == "ORG" && i + 1 < spans.Count)
            {
                var b = spans[i + 1];
                var inner = b.End - b.Start;
                if (b.Start == a.End + 1 && words[a.End] == "(" && b.End < words.Count && words[b.End] == ")" && inner >= 2
                    && Enumerable.Range(b.Start, inner).All(t => words[t].Length > 0 && char.IsUpper(words[t][0]) && words[t].Any(char.IsLower)))
                {
                    result.Add(new TokenSpan(a.Start, b.End + 1, "ORG"));
                    i++;
                    continue;
                }
            }

            result.Add(a);
        }

        return result;
    }

    /// <summary>
    /// Words that spell a multi-word organisation of the gazetteer, allowing for
    /// transliteration ("Tehreek-e-Taliban Pakistan" for "Tehrik-e Taliban Pakistan"), are one
    /// organisation, replacing the tagger's spans inside them (never one that crosses them).
    /// </summary>
    private List<TokenSpan> MergeSpelledAlikeOrganisations(List<TokenSpan> spans, IReadOnlyList<string> words)
    {
        const int MaxWords = 6;
        var result = new List<TokenSpan>(spans);
        for (var start = 0; start < words.Count; start++)
        {
            if (words[start].Length == 0 || !char.IsUpper(words[start][0]) || !_model.Gazetteer.MayOpenOrganisation(words[start]))
            {
                continue;
            }

            for (var end = Math.Min(words.Count, start + MaxWords); end > start + 1; end--)
            {
                if (!char.IsUpper(words[end - 1][0]) && !char.IsDigit(words[end - 1][0]))
                {
                    continue;
                }

                if (!_model.Gazetteer.IsOrganisationSpelledAlike(words, start, end) || Crosses(result, start, end))
                {
                    continue;
                }

                result.RemoveAll(s => s.Start >= start && s.End <= end);
                result.Add(new TokenSpan(start, end, "ORG"));
                start = end - 1;
                break;
            }
        }

        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    /// <summary>True when a span overlaps <c>[start, end)</c> without lying inside it.</summary>
    private static bool Crosses(List<TokenSpan> spans, int start, int end)
    {
        foreach (var s in spans)
        {
            if (s.Start < end && s.End > start && (s.Start < start || s.End > end))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A person's name whose first word the tagger left out ("spokesperson [Ali Khan]" for
    /// "Shafqat Ali Khan") takes back a capitalised word before it that follows a lower-case word
    /// and that the gazetteer does not know as a place, organisation or nationality.
    /// </summary>
    private List<TokenSpan> ExtendPeopleLeft(List<TokenSpan> spans, IReadOnlyList<string> words)
    {
        for (var i = 0; i < spans.Count; i++)
        {
            var s = spans[i];
            var before = s.Start - 1;
            if (s.Type != "PER" || before < 1 || (i > 0 && spans[i - 1].End > before))
            {
                continue;
            }

            var word = words[before];
            var previous = words[before - 1];
            if (word.Length > 1 && char.IsUpper(word[0]) && word.Skip(1).All(char.IsLower) && previous.Length > 0 && char.IsLower(previous[0]) && !_notNames.Contains(word)
                && _model.Gazetteer.Lookup(word.ToLowerInvariant()) == GazetteerCategory.None)
            {
                spans[i] = s with { Start = before };
            }
        }

        return spans;
    }

    private string ProductType(TokenSpan span, IReadOnlyList<string> words)
    {
        var last = words[span.End - 1];
        foreach (var (from, to, lastWords) in _typeRules)
        {
            if (from.Contains(span.Type) && lastWords.Contains(last))
            {
                return to;
            }
        }

        var categories = LookupLowerCased(words, span.Start, span.End);
        const GazetteerCategory Place = GazetteerCategory.Country | GazetteerCategory.City | GazetteerCategory.Region;
        return span.Type switch
        {
            "LOC" when (categories & Place) != 0 => "GPE",
            "MISC" when (categories & GazetteerCategory.Demonym) != 0 => "NORP",
            "MISC" when (categories & GazetteerCategory.Organisation) != 0 || StartsWithOrganisation(span, words) => "ORG",
            _ => span.Type,
        };
    }

    /// <summary>True when the mention's first words are an organisation's name ("Tehreek-e-Taliban" of "Tehreek-e-Taliban Pakistan").</summary>
    private bool StartsWithOrganisation(TokenSpan span, IReadOnlyList<string> words)
    {
        for (var end = span.End - 1; end > span.Start; end--)
        {
            if ((LookupLowerCased(words, span.Start, end) & GazetteerCategory.Organisation) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The gazetteer's categories of words <c>[start, end)</c>, lower-cased and joined by spaces, without allocating.</summary>
    private GazetteerCategory LookupLowerCased(IReadOnlyList<string> words, int start, int end)
    {
        Span<char> buffer = stackalloc char[256];
        var length = 0;
        for (var i = start; i < end; i++)
        {
            var word = words[i];
            if (length + word.Length + 1 > buffer.Length)
            {
                return GazetteerCategory.None;
            }

            if (i > start)
            {
                buffer[length++] = ' ';
            }

            length += word.AsSpan().ToLowerInvariant(buffer[length..]);
        }

        return _model.Gazetteer.Lookup(buffer[..length]);
    }

    /// <summary>The product type of the stem of a compound such as "Geneva-based", from the gazetteer; null when unknown.</summary>
    private string? StemType(string stem)
    {
        var categories = _model.Gazetteer.Lookup(Gazetteer.Normalize(stem));
        return (categories & GazetteerCategory.Demonym) != 0 ? "NORP"
            : (categories & (GazetteerCategory.Country | GazetteerCategory.City | GazetteerCategory.Region)) != 0 ? "GPE"
            : (categories & GazetteerCategory.Organisation) != 0 ? "ORG"
            : null;
    }

    /// <summary>The capitalised stem of a word like "Geneva-based" or "Taliban-run", or null.</summary>
    private string? CompoundStem(string word)
    {
        var dash = word.LastIndexOf('-');
        if (dash <= 0 || !char.IsUpper(word[0]) || !_compoundSuffixes.Contains(word[(dash + 1)..]))
        {
            return null;
        }

        return word[..dash];
    }

    /// <summary>Names never start or end with punctuation; a tagger span that does is trimmed.</summary>
    private static TokenSpan TrimPunctuation(TokenSpan span, IReadOnlyList<string> words)
    {
        var (start, end) = (span.Start, span.End);
        while (start < end && !words[start].Any(char.IsLetterOrDigit))
        {
            start++;
        }

        while (end > start && !words[end - 1].Any(char.IsLetterOrDigit) && words[end - 1] != ")")
        {
            end--;
        }

        return span with { Start = start, End = end };
    }

    /// <summary>Typographic quotes and dashes as the training text writes them.</summary>
    private static string AsTrainingText(string word) => word switch
    {
        "“" or "”" or "„" or "«" or "»" => "\"",
        "‘" or "’" => "'",
        "–" or "—" => "--",
        _ => word.Replace('’', '\'').Replace('‘', '\''),
    };
}
