using System.Text.RegularExpressions;

namespace Dossier.Nlp.Events;

/// <summary>A verb form of the lexicon: its words ('met', 'met with'), the CAMEO code it carries alone (null when only a pattern codes it), its synset, and whether the code is the verb's own ('ORDER [100]') rather than the synset's.</summary>
internal sealed record VerbEntry(string[] Words, string? Code, int Synset, bool OwnCode = false);

/// <summary>A pattern of a synset: words that follow the verb and the CAMEO code they give ('meet … for talks' → 036).</summary>
internal sealed record VerbPattern(string[] Words, string? Code);

/// <summary>
/// A verb matched in a sentence: its length in words, its CAMEO code, whether more than the
/// synset's bare default chose it (<c>Specific</c>: a pattern or a phrasal verb), whether a
/// pattern with a content word chose it (<c>ByPattern</c>: 'requested donations', 'went for
/// consultations'; not a bare preposition such as 'came (to)'), and whether the verb only says
/// that someone moved (<c>Motion</c>: PETRARCH's GO_SOMEWHERE and ARRIVE synsets, 'went',
/// 'traveled', 'came', 'left'), which is a visit only when it reaches a state.
/// </summary>
/// <remarks><c>PatternWords</c> holds the tokens the pattern's content words matched ('exchanged artillery <b>fire</b>'): a phrase that holds one is part of the predicate, not its target.</remarks>
/// <remarks><c>Creates</c> marks a verb that brings its object into being (PETRARCH's ENACT synset: 'founded', 'established', 'instituted'), which acts upon nobody.</remarks>
/// <remarks><c>Named</c> holds the words of the form and of the pattern that coded it ('take', 'over'), so that a particle of the verb that neither names ('took the troops out') shows the code to be another sense's.</remarks>
internal readonly record struct VerbMatch(int Length, string Code, bool Specific, bool ByPattern, bool Motion, int[] PatternWords, bool Creates = false, string[]? Named = null)
{
    /// <summary>True when the form or the pattern that coded the verb holds <paramref name="word"/> (lower-cased).</summary>
    public bool Names(string word) => Named is { } named && named.Contains(word, StringComparer.Ordinal);
}

/// <summary>
/// PETRARCH2's CAMEO verb dictionary (<c>CAMEO.2.0.txt</c>, MIT, Open Event Data Alliance): verb
/// synsets with their codes, each verb's forms (given in braces or made by the regular rules),
/// phrasal verbs ('meet with') and the object patterns that refine a code. Read once; immutable.
/// </summary>
public sealed partial class VerbLexicon
{
    private readonly Dictionary<string, List<VerbEntry>> _byFirstWord;
    private readonly List<List<VerbPattern>> _patterns;
    private readonly List<string> _synsets;

    /// <summary>The synsets of verbs that say only that someone moved: going, travelling, arriving, leaving.</summary>
    private static readonly HashSet<string> MotionSynsets = new(["GO_SOMEWHERE", "ARRIVE"], StringComparer.Ordinal);

    /// <summary>
    /// The synsets whose default code says nothing of an interaction. Leading, heading, governing,
    /// controlling, managing name a standing relation ('Merkel had led her country', 'when
    /// Democrats controlled Congress', 'Clinton leads Mr. Sanders 49 percent to 41 percent') and
    /// are no material cooperation (060) or intent (its pattern '- * TO' gives 030); preparing
    /// ('prepares to accept the nomination') is no intent to cooperate (030) but the step before
    /// the act it names, which is coded itself; considering ('Netanyahu considers Obama naive',
    /// 'has long considered a deal likely') is no consultation (040); flying somewhere ('flew to
    /// New York', '- * (TO)' gives 036) is a journey, no intent to meet. Only their patterns with a
    /// content word ('led a delegation', 'prepared an incursion', 'considered the proposal', 'flew
    /// relief supplies') and their verbs' own codes ('ORDER [100]') code.
    /// </summary>
    private static readonly HashSet<string> NoDefaultSynsets = new(["OVERSEE_MANAGE", "PREPARE", "CONSIDER", "FLY"], StringComparer.Ordinal);

    /// <summary>The synsets of verbs that bring their object into being: founding, establishing, instituting.</summary>
    private static readonly HashSet<string> CreationSynsets = new(["ENACT"], StringComparer.Ordinal);

    /// <summary>Pattern words that keep a pattern of function words for a passive verb: 'by' (written for the passive, 'hosted by') and the particles that stay with their verb ('was burned down').</summary>
    private static readonly HashSet<string> PassiveWords = new(["by", "up", "out", "off", "down", "away", "back"], StringComparer.Ordinal);

    /// <summary>Words of a pattern that say nothing of the act ('come (to)', 'depart (for)'): a pattern of these alone does not make a code specific.</summary>
    private static readonly HashSet<string> FunctionWords = new(["to", "in", "into", "for", "with", "at", "on", "of", "from", "back", "the", "a", "an", "by", "up", "out", "off", "down", "away"], StringComparer.Ordinal);

    private VerbLexicon(Dictionary<string, List<VerbEntry>> byFirstWord, List<List<VerbPattern>> patterns, List<string> synsets)
    {
        _byFirstWord = byFirstWord;
        _patterns = patterns;
        _synsets = synsets;
    }

    /// <summary>The shipped dictionary (PETRARCH2's CAMEO.2.0.txt, embedded), with Dossier's defaults for synsets PETRARCH leaves without a code.</summary>
    public static VerbLexicon Default => LazyDefault.Value;

    /// <summary>
    /// Codes for synsets PETRARCH2 leaves without one ([---]), given when no pattern matches:
    /// REFUSE ('denied visas', 'refused', 'rejected') is CAMEO's 120 (reject, not specified).
    /// Only <see cref="Match"/> uses them; <see cref="RootOf"/> keeps PETRARCH's reading, which
    /// the quote attribution model was trained on.
    /// </summary>
    private static readonly Dictionary<string, string> DossierDefaults = new(StringComparer.Ordinal) { ["REFUSE"] = "120" };

    private Dictionary<int, string> _defaults = [];

    private HashSet<int> _noDefault = [];

    private static readonly Lazy<VerbLexicon> LazyDefault = new(() =>
    {
        using var stream = typeof(VerbLexicon).Assembly.GetManifestResourceStream("Dossier.Nlp.Events.CAMEO.2.0.txt")
            ?? throw new InvalidOperationException("CAMEO.2.0.txt is not embedded");
        using var reader = new StreamReader(stream);
        var lexicon = Read(reader);
        lexicon._defaults = Enumerable.Range(0, lexicon._synsets.Count).Where(k => DossierDefaults.ContainsKey(lexicon._synsets[k])).ToDictionary(k => k, k => DossierDefaults[lexicon._synsets[k]]);
        lexicon._noDefault = [.. Enumerable.Range(0, lexicon._synsets.Count).Where(k => NoDefaultSynsets.Contains(lexicon._synsets[k]))];
        return lexicon;
    });

    /// <summary>The number of verb forms.</summary>
    public int FormCount => _byFirstWord.Values.Sum(l => l.Count);

    /// <summary>The CAMEO root (two digits; "--" when the verb has no code) of a one-word verb form, or null when the word is not a verb of the dictionary.</summary>
    internal string? RootOf(string lower) =>
        _byFirstWord.TryGetValue(lower, out var list) && list.FirstOrDefault(e => e.Words.Length == 1) is { } entry
            ? entry.Code is { Length: >= 2 } code ? code[..2] : "--"
            : null;

    /// <summary>Reads a dictionary in PETRARCH's verb format from <paramref name="path"/>.</summary>
    public static VerbLexicon Load(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    /// <summary>Reads a dictionary in PETRARCH's verb format: <c>--- NAME [code] ---</c> synset headers, verb lines <c>VERB {FORMS} [code]</c>, pattern lines <c>- * WORDS [code]</c>.</summary>
    public static VerbLexicon Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var byFirst = new Dictionary<string, List<VerbEntry>>(StringComparer.Ordinal);
        var patterns = new List<List<VerbPattern>>();
        var synsets = new List<string>();
        string? synsetCode = null;
        var started = false;
        while (reader.ReadLine() is { } raw)
        {
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                started = true;
                synsetCode = Code(line);
                patterns.Add([]);
                synsets.Add(line.Trim('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var name, ..] ? name : string.Empty);
                continue;
            }

            if (!started || line.Length == 0 || line[0] is '&' or '<')
            {
                continue;
            }

            if (line[0] == '-')
            {
                AddPattern(line, patterns[^1]);
                continue;
            }

            var own = line.Contains('[', StringComparison.Ordinal);
            var code = own ? Code(line) : synsetCode;
            var braceOpen = line.IndexOf('{', StringComparison.Ordinal);
            var braceClose = line.IndexOf('}', StringComparison.Ordinal);
            var head = Regex.Replace(braceOpen >= 0 ? line[..braceOpen] : line, "\\[.*?\\]", string.Empty, RegexOptions.None, TimeSpan.FromSeconds(1)).Trim();
            if (head.Length == 0)
            {
                continue;
            }

            var forms = new List<string> { Words(head) };
            if (braceOpen >= 0 && braceClose > braceOpen)
            {
                forms.AddRange(line[(braceOpen + 1)..braceClose].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Words));
            }
            else
            {
                forms.AddRange(Inflect(Words(head)));
            }

            foreach (var form in forms.Distinct(StringComparer.Ordinal))
            {
                var words = form.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0 || !char.IsLetter(words[0][0]))
                {
                    continue;
                }

                if (!byFirst.TryGetValue(words[0], out var list))
                {
                    byFirst[words[0]] = list = [];
                }

                list.Add(new VerbEntry(words, code, patterns.Count - 1, own));
            }
        }

        return new VerbLexicon(byFirst, patterns, synsets);
    }

    private static string Words(string entry) => entry.TrimStart('+').Replace('_', ' ').ToLowerInvariant().Trim();

    /// <summary>The code in brackets: the first of a pair ('036:036'), null for '---'.</summary>
    private static string? Code(string line)
    {
        var m = CodePattern().Match(line);
        if (!m.Success)
        {
            return null;
        }

        var code = m.Groups[1].Value.Split(':')[0].Trim();
        return code.Length >= 2 && code.All(char.IsAsciiDigit) ? code : null;
    }

    private static void AddPattern(string line, List<VerbPattern> into)
    {
        var bracket = line.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            return;
        }

        var body = line[1..bracket];
        var star = body.IndexOf('*', StringComparison.Ordinal);
        if (star < 0 || body[..star].Trim().Length > 0)
        {
            return; // patterns on the subject side need a parse
        }

        var words = body[(star + 1)..].Replace("{", " ", StringComparison.Ordinal).Replace("}", " ", StringComparison.Ordinal)
            .Replace("(", " ", StringComparison.Ordinal).Replace(")", " ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Any(w => w[0] is '&' or '$' or '+' or '%' or '^' or '='))
        {
            return; // synsets, actor and agent slots need the dictionaries they name
        }

        into.Add(new VerbPattern([.. words.Select(w => w.Replace('_', ' ').ToLowerInvariant())], Code(line[bracket..])));
    }

    /// <summary>Regular forms of a verb (or of a phrasal verb's first word): -s, -ed, -ing.</summary>
    private static IEnumerable<string> Inflect(string verb)
    {
        var space = verb.IndexOf(' ', StringComparison.Ordinal);
        var (v, rest) = space > 0 ? (verb[..space], verb[space..]) : (verb, string.Empty);
        if (v.Length < 2)
        {
            yield break;
        }

        var last = v[^1];
        var consonantY = last == 'y' && !"aeiou".Contains(v[^2], StringComparison.Ordinal);
        yield return (v.EndsWith('s') || v.EndsWith('x') || v.EndsWith('z') || v.EndsWith("sh", StringComparison.Ordinal) || v.EndsWith("ch", StringComparison.Ordinal) || last == 'o' ? v + "es" : consonantY ? v[..^1] + "ies" : v + "s") + rest;
        yield return (last == 'e' ? v + "d" : consonantY ? v[..^1] + "ied" : v + "ed") + rest;
        yield return (last == 'e' && v.Length > 2 && v[^2] != 'e' ? v[..^1] + "ing" : v + "ing") + rest;
    }

    /// <summary>
    /// The longest verb form starting at <paramref name="i"/> in the lower-cased words, with the code
    /// it gets from the words after it; null when none codes. <c>Specific</c> is false when only the
    /// verb's synset default applies (no pattern and a one-word verb: 'went', 'made'), which
    /// PETRARCH codes only between two known actors.
    /// </summary>
    /// <remarks>In a passive sentence ('the border crossing was closed') the object stands before the verb, so the patterns are also looked for there, back to <paramref name="start"/>; its 'by' phrase, from <paramref name="agent"/>, is read only by patterns that name 'by'; patterns of prepositions alone, save 'by', do not apply to a passive.</remarks>
    internal VerbMatch? Match(IReadOnlyList<string> lower, int i, int end, int start = -1, int agent = -1)
    {
        if (!_byFirstWord.TryGetValue(lower[i], out var entries))
        {
            return null;
        }

        VerbEntry? best = null;
        foreach (var e in entries)
        {
            if (i + e.Words.Length <= end && (best is null || e.Words.Length > best.Words.Length) && Enumerable.Range(1, e.Words.Length - 1).All(k => lower[i + k] == e.Words[k]))
            {
                best = e;
            }
        }

        if (best is null)
        {
            return null;
        }

        var after = i + best.Words.Length;
        VerbPattern? pattern = null;
        // A passive's 'by' phrase is its doer, not an object: only a pattern that names 'by'
        // ('backed by troops') reads it ('attacked by insurgents' is no '- * INSURGENTS').
        int Reach(VerbPattern p) => Math.Min(agent >= 0 && !p.Words.Any(w => w.Trim() == "by") ? Math.Min(end, agent) : end, after + 10);
        foreach (var p in _patterns[best.Synset])
        {
            if ((pattern is null || p.Words.Length > pattern.Words.Length)
                && (InOrder(lower, after, Reach(p), p.Words) || (start >= 0 && InOrder(lower, Math.Max(start, i - 10), i, p.Words))))
            {
                pattern = p;
            }
        }

        var content = pattern is not null && pattern.Words.Any(w => !FunctionWords.Contains(w.Trim()));
        if (start >= 0 && !content && pattern is not null && !pattern.Words.Any(w => PassiveWords.Contains(w.Trim())))
        {
            // A pattern of prepositions alone is an intransitive use ('pressed on' with the offensive,
            // 'came to'): a passive verb has a patient, so its 'on' ('was pressed on why …') is another
            // word's. A particle stays with its verb ('was burned down'), and a pattern that names 'by' is
            // written for the passive ('hosted by').
            pattern = null;
        }

        var code = !best.OwnCode && !content && _noDefault.Contains(best.Synset) ? null
            : pattern is not null ? pattern.Code
            : best.Code ?? _defaults.GetValueOrDefault(best.Synset);
        int[] at = [];
        if (content)
        {
            var found = new List<int>();
            if (!InOrder(lower, after, Reach(pattern!), pattern!.Words, found))
            {
                found.Clear();
                InOrder(lower, Math.Max(start, i - 10), i, pattern.Words, found);
            }

            at = [.. found.Where(t => !FunctionWords.Contains(lower[t]))];
        }

        return code is null ? null : new VerbMatch(best.Words.Length, code, pattern is not null || best.Words.Length > 1, content, MotionSynsets.Contains(_synsets[best.Synset]), at, CreationSynsets.Contains(_synsets[best.Synset]),
            [.. best.Words, .. pattern?.Words.Select(w => w.Trim()) ?? []]);
    }

    private static bool InOrder(IReadOnlyList<string> lower, int from, int to, string[] words, List<int>? found = null)
    {
        var k = 0;
        for (var t = from; t < to && k < words.Length; t++)
        {
            // Pattern words are stems ('violat' matches 'violated'); short ones must match whole.
            var w = words[k].TrimEnd();
            if (lower[t] == w || (w.Length >= 4 && !words[k].EndsWith(' ') && lower[t].StartsWith(w, StringComparison.Ordinal)))
            {
                found?.Add(t);
                k++;
            }
        }

        return k == words.Length;
    }

    [GeneratedRegex("\\[([^\\]]*)\\]", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
