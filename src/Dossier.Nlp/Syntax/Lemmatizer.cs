using System.Globalization;

namespace Dossier.Nlp.Syntax;

/// <summary>
/// Lemmas from a lexicon learned from a treebank (the most frequent lemma of each form and
/// Penn tag) and, for forms it does not hold, suffix rules learned from the same treebank: for a
/// tag and the last letters of a form, the most frequent way of turning the form into its lemma
/// (drop k letters, add a few), the longest known suffix winning. Proper nouns and numbers keep
/// their form. Immutable; thread-safe.
/// </summary>
public sealed class Lemmatizer
{
    private const int MaxSuffix = 5;
    private readonly Dictionary<string, string> _lexicon;
    private readonly Dictionary<string, (int Drop, string Add)> _rules;

    /// <summary>The lemmas of the lexicon with the first two letters of their tags ("blast\tVB"): which suffix rule gives a word that exists.</summary>
    private readonly HashSet<string> _known;

    /// <summary>Creates a lemmatizer from its lexicon ("form\tTAG" → lemma) and rules ("TAG\tsuffix" → (drop, add)).</summary>
    public Lemmatizer(Dictionary<string, string> lexicon, Dictionary<string, (int Drop, string Add)> rules)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(rules);
        _lexicon = lexicon;
        _rules = rules;
        _known = lexicon.Select(p => Key(p.Value.ToLowerInvariant(), Family(p.Key[(p.Key.IndexOf('\t', StringComparison.Ordinal) + 1)..]))).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The number of (form, tag) pairs the lexicon holds.</summary>
    public int LexiconSize => _lexicon.Count;

    /// <summary>The number of suffix rules.</summary>
    public int RuleCount => _rules.Count;

    /// <summary>Learns the lexicon and rules from (form, Penn tag, lemma) triples.</summary>
    public static Lemmatizer Learn(IEnumerable<(string Form, string Xpos, string Lemma)> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var lexiconCounts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var ruleCounts = new Dictionary<string, Dictionary<(int, string), int>>(StringComparer.Ordinal);
        foreach (var (form, xpos, lemma) in words)
        {
            if (lemma == "_" || form.Length == 0)
            {
                continue;
            }

            Count(lexiconCounts, Key(form, xpos), lemma);
            var lower = form.ToLowerInvariant();
            var target = lemma.ToLowerInvariant();
            var common = 0;
            while (common < lower.Length && common < target.Length && lower[common] == target[common])
            {
                common++;
            }

            var rule = (lower.Length - common, target[common..]);
            for (var k = 0; k <= Math.Min(MaxSuffix, lower.Length); k++)
            {
                var key = xpos + "\t" + lower[(lower.Length - k)..];
                if (!ruleCounts.TryGetValue(key, out var byRule))
                {
                    ruleCounts[key] = byRule = [];
                }

                byRule[rule] = byRule.GetValueOrDefault(rule) + 1;
            }
        }

        var lexicon = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, lemmas) in lexiconCounts)
        {
            lexicon[key] = lemmas.OrderByDescending(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal).First().Key;
        }

        var rules = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        foreach (var (key, byRule) in ruleCounts)
        {
            var best = byRule.OrderByDescending(r => r.Value).ThenBy(r => r.Key.Item1).ThenBy(r => r.Key.Item2, StringComparer.Ordinal).First();
            rules[key] = best.Key;
        }

        return new Lemmatizer(lexicon, rules);
    }

    /// <summary>The lemma of a form with its Penn tag.</summary>
    public string Lemmatize(string form, string xpos)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(xpos);
        if (_lexicon.TryGetValue(Key(form, xpos), out var lemma))
        {
            return lemma;
        }

        var lower = form.ToLowerInvariant();
        if (_lexicon.TryGetValue(Key(lower, xpos), out lemma))
        {
            return lemma;
        }

        if (xpos is "NNP" or "NNPS" or "CD" or "ADD" or "NFP" or "FW")
        {
            return form;
        }

        // The longest suffix's rule, unless it makes a word the lexicon does not know with this
        // kind of tag and a shorter suffix's rule makes one it knows ('blasted': '-asted' drops
        // the d as in 'wasted', which gives 'blaste'; '-ed' gives 'blast').
        string? first = null;
        var family = Family(xpos);
        for (var k = Math.Min(MaxSuffix, lower.Length); k >= 0; k--)
        {
            if (_rules.TryGetValue(xpos + "\t" + lower[(lower.Length - k)..], out var rule) && rule.Drop <= lower.Length && lower.Length - rule.Drop + rule.Add.Length > 0)
            {
                var candidate = lower[..(lower.Length - rule.Drop)] + rule.Add;
                if (_known.Contains(Key(candidate, family)))
                {
                    return candidate;
                }

                first ??= candidate;
            }
        }

        return first ?? lower;
    }

    private static string Family(string xpos) => xpos.Length > 2 ? xpos[..2] : xpos;

    /// <summary>Writes the lexicon and rules as lines of text, sorted; <see cref="Read"/> reads them back.</summary>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var (key, lemma) in _lexicon.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"L\t{key}\t{lemma}\n"));
        }

        foreach (var (key, (drop, add)) in _rules.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"R\t{key}\t{drop}\t{add}\n"));
        }
    }

    /// <summary>Reads a lemmatizer written by <see cref="Write"/>.</summary>
    public static Lemmatizer Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lexicon = new Dictionary<string, string>(StringComparer.Ordinal);
        var rules = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var cols = line.Split('\t');
            if (cols[0] == "L" && cols.Length == 4)
            {
                lexicon[cols[1] + "\t" + cols[2]] = cols[3];
            }
            else if (cols[0] == "R" && cols.Length == 5)
            {
                rules[cols[1] + "\t" + cols[2]] = (int.Parse(cols[3], CultureInfo.InvariantCulture), cols[4]);
            }
            else
            {
                throw new FormatException($"Not a lemmatizer line: '{line}'.");
            }
        }

        return new Lemmatizer(lexicon, rules);
    }

    private static string Key(string form, string xpos) => form + "\t" + xpos;

    private static void Count(Dictionary<string, Dictionary<string, int>> counts, string key, string value)
    {
        if (!counts.TryGetValue(key, out var byValue))
        {
            counts[key] = byValue = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        byValue[value] = byValue.GetValueOrDefault(value) + 1;
    }
}
