using Dossier.Text;

namespace Dossier.Nlp.Quotes;

/// <summary>What a reporting cue says about its content.</summary>
/// <param name="Lemma">The cue's base form ("say", "point out", "according to").</param>
/// <param name="Stance">What the holder does to the content (assert, deny, reject, urge, …).</param>
/// <param name="Class"><c>speech</c>, <c>cognition</c>, <c>report</c> or <c>source</c> (a phrase naming the source: "according to").</param>
public sealed record Cue(string Lemma, string Stance, string Class);

/// <summary>A cue found in a sentence: its words <c>[Start, End)</c> (token indices) and the form it has there.</summary>
public readonly record struct CueMatch(int Start, int End, Cue Cue, CueForm Form);

/// <summary>The form a cue verb has where it is found.</summary>
public enum CueForm
{
    /// <summary>The base form ("say") or third person ("says"): a noun for some verbs ("a report").</summary>
    Base,

    /// <summary>The past or past participle ("said", "denied").</summary>
    Past,

    /// <summary>The -ing form ("saying", "adding").</summary>
    Progressive,

    /// <summary>A fixed phrase ("according to").</summary>
    Phrase,
}

/// <summary>
/// The reporting verbs and phrases of <c>cues.tsv</c>, every inflected form of each, and the
/// word lists of <c>quote-words.tsv</c>. Immutable; thread-safe.
/// </summary>
public sealed class CueLexicon
{
    private readonly Dictionary<string, List<(string[] Words, Cue Cue, CueForm Form)>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _words;

    /// <summary>Builds the lexicon from the rows of the two data files.</summary>
    public CueLexicon(IEnumerable<string[]> cues, IEnumerable<string[]> words)
    {
        ArgumentNullException.ThrowIfNull(cues);
        ArgumentNullException.ThrowIfNull(words);
        _words = words.Where(r => r.Length >= 2)
            .ToDictionary(r => r[0], r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var row in cues)
        {
            if (row.Length < 3)
            {
                continue;
            }

            var cue = new Cue(row[0], row[1], row[2]);
            var parts = row[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var rest = parts[1..];
            if (cue.Class is "source" or "noun")
            {
                Add(parts[0], rest, cue, CueForm.Phrase);
                continue;
            }

            var irregular = row.Length > 3 && row[3].Length > 0 ? row[3].Split(',') : null;
            foreach (var (form, kind) in Inflect(parts[0], irregular))
            {
                Add(form, rest, cue, kind);
            }
        }

        foreach (var list in _byFirstWord.Values)
        {
            // Longest phrases first, so that "point out" wins over a plain "point".
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }
    }

    /// <summary>The lexicon shipped with Dossier.</summary>
    public static CueLexicon Default { get; } = new(
        DataFile.ReadEmbedded(typeof(CueLexicon).Assembly, "Dossier.Nlp.Quotes.cues.tsv"),
        DataFile.ReadEmbedded(typeof(CueLexicon).Assembly, "Dossier.Nlp.Quotes.quote-words.tsv"));

    /// <summary>True when <paramref name="lower"/> is in the word list <paramref name="category"/> of <c>quote-words.tsv</c>.</summary>
    public bool Is(string category, string lower) => _words.TryGetValue(category, out var set) && set.Contains(lower);

    /// <summary>The cue that starts at word <paramref name="i"/> of <paramref name="lower"/> (lower-cased words), if any.</summary>
    public CueMatch? Match(IReadOnlyList<string> lower, int i)
    {
        ArgumentNullException.ThrowIfNull(lower);
        if (!_byFirstWord.TryGetValue(lower[i], out var candidates))
        {
            return null;
        }

        foreach (var (rest, cue, form) in candidates)
        {
            if (i + rest.Length >= lower.Count && rest.Length > 0)
            {
                continue;
            }

            var all = true;
            for (var k = 0; k < rest.Length && all; k++)
            {
                all = lower[i + 1 + k] == rest[k];
            }

            if (all)
            {
                return new CueMatch(i, i + 1 + rest.Length, cue, form);
            }
        }

        return null;
    }

    private void Add(string first, string[] rest, Cue cue, CueForm form)
    {
        if (!_byFirstWord.TryGetValue(first, out var list))
        {
            list = [];
            _byFirstWord[first] = list;
        }

        if (!list.Any(e => e.Cue == cue && e.Words.SequenceEqual(rest) && e.Form == form))
        {
            list.Add((rest, cue, form));
        }
    }

    /// <summary>The base, -s, past, participle and -ing forms of a verb: the irregular ones as given (past, participle, -s, -ing), the rest by the regular rules.</summary>
    private static IEnumerable<(string Form, CueForm Kind)> Inflect(string verb, string[]? irregular)
    {
        yield return (verb, CueForm.Base);
        if (irregular is { Length: 4 })
        {
            yield return (irregular[0], CueForm.Past);
            yield return (irregular[1], CueForm.Past);
            yield return (irregular[2], CueForm.Base);
            yield return (irregular[3], CueForm.Progressive);
            yield break;
        }

        var stem = verb.EndsWith('e') ? verb[..^1] : verb;
        yield return (verb.EndsWith('s') || verb.EndsWith("sh", StringComparison.Ordinal) || verb.EndsWith("ch", StringComparison.Ordinal) ? verb + "es" : verb + "s", CueForm.Base);
        yield return (verb.EndsWith('e') ? verb + "d" : verb + "ed", CueForm.Past);
        yield return (stem + "ing", CueForm.Progressive);
    }
}
