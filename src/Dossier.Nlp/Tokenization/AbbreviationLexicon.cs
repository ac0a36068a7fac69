using System.Collections.Frozen;
using Dossier.Text;

namespace Dossier.Nlp.Tokenization;

/// <summary>What the period of an abbreviation may mean (see <c>abbreviations.txt</c>).</summary>
public enum AbbreviationClass
{
    /// <summary>Not an abbreviation.</summary>
    None,

    /// <summary>Precedes a name or number; never ends a sentence.</summary>
    Title,

    /// <summary>Precedes a day or year; never ends a sentence.</summary>
    Month,

    /// <summary>An abbreviation only before a number.</summary>
    Number,

    /// <summary>May end a sentence when a usual sentence opener follows.</summary>
    Any,
}

/// <summary>Known abbreviations and their classes, read from a data file.</summary>
public sealed class AbbreviationLexicon
{
    private readonly FrozenDictionary<string, AbbreviationClass> _entries;

    /// <summary>Creates a lexicon from entries.</summary>
    public AbbreviationLexicon(IEnumerable<KeyValuePair<string, AbbreviationClass>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = entries.ToFrozenDictionary(StringComparer.Ordinal);
        MaxLength = _entries.Count == 0 ? 0 : _entries.Keys.Max(k => k.Length);
    }

    /// <summary>The lexicon shipped with Dossier (<c>Tokenization/abbreviations.txt</c>).</summary>
    public static AbbreviationLexicon Default { get; } = Load(DataFile.ReadEmbedded(typeof(AbbreviationLexicon).Assembly, "Dossier.Nlp.Tokenization.abbreviations.txt"));

    /// <summary>The length of the longest entry.</summary>
    public int MaxLength { get; }

    /// <summary>Reads a lexicon from data-file entries (<c>ABBR&lt;TAB&gt;class</c>).</summary>
    public static AbbreviationLexicon Load(IEnumerable<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var entries = new Dictionary<string, AbbreviationClass>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Length < 2 || !row[0].EndsWith('.') || !Enum.TryParse<AbbreviationClass>(row[1], ignoreCase: true, out var cls) || cls == AbbreviationClass.None)
            {
                throw new FormatException($"Bad abbreviation entry '{string.Join('\t', row)}': want ABBREVIATION ending in '.', a tab and one of title, month, number, any.");
            }

            entries[row[0]] = cls;
        }

        return new AbbreviationLexicon(entries);
    }

    /// <summary>
    /// The class of a token that ends in a period: from the list, or <see cref="AbbreviationClass.Any"/>
    /// for an initialism of single letters (U.S., e.g.), or <see cref="AbbreviationClass.Title"/>
    /// for a single capital (J.).
    /// </summary>
    internal AbbreviationClass Classify(ReadOnlySpan<char> token)
    {
        if (token.Length < 2 || token[^1] != '.')
        {
            return AbbreviationClass.None;
        }

        if (_entries.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(token, out var cls))
        {
            return cls;
        }

        if (token.Length == 2)
        {
            return char.IsUpper(token[0]) ? AbbreviationClass.Title : AbbreviationClass.None;
        }

        return IsInitialism(token) ? AbbreviationClass.Any : AbbreviationClass.None;
    }

    /// <summary>True for letters each followed by a period, at least two of them (U.S., a.m.).</summary>
    public static bool IsInitialism(ReadOnlySpan<char> token)
    {
        if (token.Length < 4 || token.Length % 2 != 0)
        {
            return false;
        }

        for (var i = 0; i < token.Length; i += 2)
        {
            if (!char.IsLetter(token[i]) || token[i + 1] != '.')
            {
                return false;
            }
        }

        return true;
    }
}
