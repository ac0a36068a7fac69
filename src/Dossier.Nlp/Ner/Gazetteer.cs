using System.Text;
using Dossier.Knowledge;
using Dossier.Nlp.Tokenization;

namespace Dossier.Nlp.Ner;

/// <summary>What a gazetteer entry is; an entry may be several things.</summary>
[Flags]
public enum GazetteerCategory : ushort
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>A country or territory (GeoNames countryInfo).</summary>
    Country = 1,

    /// <summary>A populated place (GeoNames cities15000).</summary>
    City = 2,

    /// <summary>A first-level region (GeoNames admin-1).</summary>
    Region = 4,

    /// <summary>An organisation (OFAC SDN entities, PETRARCH2 non-state and international actors).</summary>
    Organisation = 8,

    /// <summary>A person (OFAC SDN individuals, PETRARCH2 country actors).</summary>
    Person = 16,

    /// <summary>A nationality or group adjective (Pakistani, Afghan).</summary>
    Demonym = 32,

    /// <summary>A proper prefix of a longer entry (used while matching).</summary>
    Prefix = 0x8000,
}

/// <summary>A gazetteer match over tokens <c>[Start, End)</c>.</summary>
/// <param name="Start">The first token.</param>
/// <param name="End">One past the last token.</param>
/// <param name="Categories">What the phrase is.</param>
public readonly record struct GazetteerMatch(int Start, int End, GazetteerCategory Categories);

/// <summary>
/// Phrases (lower-cased, tokenized as Dossier tokenizes text, joined by single spaces) with
/// their categories. Matching looks up token sequences of up to <see cref="MaxTokens"/>
/// tokens without allocating. Immutable after construction; thread-safe.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>The longest phrase, in tokens.</summary>
    public const int MaxTokens = 8;

    private readonly Dictionary<string, GazetteerCategory> _entries;
    private readonly Dictionary<string, GazetteerCategory>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Dictionary<string, string> _organisationsBySpelling = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _spellingLookup;
    private readonly HashSet<string> _organisationFirstWords = new(StringComparer.Ordinal);
    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _firstWordLookup;

    /// <summary>Creates a gazetteer from normalised phrases (see <see cref="Normalize"/>).</summary>
    public Gazetteer(IEnumerable<KeyValuePair<string, GazetteerCategory>> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        _entries = new Dictionary<string, GazetteerCategory>(StringComparer.Ordinal);
        foreach (var (phrase, categories) in phrases)
        {
            if (phrase.Length == 0 || categories == GazetteerCategory.None)
            {
                continue;
            }

            _entries[phrase] = _entries.GetValueOrDefault(phrase) | categories;
            var space = phrase.LastIndexOf(' ');
            while (space > 0)
            {
                var prefix = phrase[..space];
                _entries[prefix] = _entries.GetValueOrDefault(prefix) | GazetteerCategory.Prefix;
                space = prefix.LastIndexOf(' ');
            }
        }

        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (phrase, categories) in _entries)
        {
            if ((categories & GazetteerCategory.Organisation) != 0 && phrase.Contains(' ', StringComparison.Ordinal))
            {
                var key = SpellingKeys.Of(phrase.Split(' '));
                _organisationsBySpelling.TryAdd(key, phrase);
                _organisationFirstWords.Add(key.Split(' ')[0]);
            }
        }

        _firstWordLookup = _organisationFirstWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _spellingLookup = _organisationsBySpelling.GetAlternateLookup<ReadOnlySpan<char>>();
        var endings = LearnPersonNameEndings(_entries);
        PersonNameEndings = endings;
        _endingLookup = endings.GetAlternateLookup<ReadOnlySpan<char>>();

        Count = _entries.Count(e => (e.Value & ~GazetteerCategory.Prefix) != 0);
    }

    /// <summary>The length of the word endings in <see cref="PersonNameEndings"/>.</summary>
    public const int EndingLength = 4;

    /// <summary>
    /// Word endings typical of people's names and rare in places and organisations (-ullah,
    /// -ovic, -enko), learned from the gazetteer's names, so that a name the gazetteer lacks
    /// ("Shareefullah") still looks like a person's.
    /// </summary>
    public IReadOnlySet<string> PersonNameEndings { get; }

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _endingLookup;

    /// <summary>True when a capitalised word longer than the ending ends like a person's name (<see cref="PersonNameEndings"/>); <paramref name="lower"/> is its lower case.</summary>
    public bool HasPersonNameEnding(string word, string lower)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(lower);
        return word.Length > EndingLength + 1 && char.IsUpper(word[0]) && lower.Length == word.Length && _endingLookup.Contains(lower.AsSpan(lower.Length - EndingLength));
    }

    /// <summary>An empty gazetteer.</summary>
    public static Gazetteer Empty { get; } = new([]);

    /// <summary>The number of phrases.</summary>
    public int Count { get; }

    /// <summary>The phrases and their categories (without prefix entries).</summary>
    internal IEnumerable<KeyValuePair<string, GazetteerCategory>> Phrases =>
        _entries.Where(e => (e.Value & ~GazetteerCategory.Prefix) != 0)
            .Select(e => new KeyValuePair<string, GazetteerCategory>(e.Key, e.Value & ~GazetteerCategory.Prefix));

    /// <summary>A name as a phrase key: tokenized as Dossier tokenizes text, lower-cased, joined by spaces.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var tokens = Tokenizer.Default.Tokenize(name);
        return string.Join(' ', tokens.Select(t => name.Substring(t.Span.Start, t.Span.Length).ToLowerInvariant()));
    }

    /// <summary>The categories of a phrase given as normalised text, or None.</summary>
    internal GazetteerCategory Lookup(ReadOnlySpan<char> phrase) =>
        _lookup.TryGetValue(phrase, out var c) ? c & ~GazetteerCategory.Prefix : GazetteerCategory.None;

    /// <summary>
    /// True when the words, compared by <see cref="SpellingKeys.Of"/>, name a multi-word organisation
    /// of the gazetteer: "Tehreek-e-Taliban Pakistan" finds "Tehrik-e Taliban Pakistan".
    /// </summary>
    public bool IsOrganisationSpelledAlike(IReadOnlyList<string> words, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(words);
        Span<char> buffer = stackalloc char[256];
        var length = SpellingKeys.Write(words, start, end, buffer);
        return length >= 0 && _spellingLookup.ContainsKey(buffer[..length]);
    }

    /// <summary>True when a word, by <see cref="SpellingKeys.Of"/>, can open a multi-word organisation's name (a cheap test before the full one).</summary>
    public bool MayOpenOrganisation(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        Span<char> buffer = stackalloc char[64];
        foreach (var range in word.AsSpan().Split('-'))
        {
            var part = word.AsSpan()[range];
            if (part.IsEmpty || SpellingKeys.IsLinker(part))
            {
                continue;
            }

            return part.Length <= buffer.Length && _firstWordLookup.Contains(buffer[..SpellingKeys.NormalizePart(part, buffer)]);
        }

        return false;
    }

    private static HashSet<string> LearnPersonNameEndings(Dictionary<string, GazetteerCategory> entries)
    {
        var people = new Dictionary<string, int>(StringComparer.Ordinal);
        var others = new Dictionary<string, int>(StringComparer.Ordinal);
        const GazetteerCategory NotPeople = GazetteerCategory.Country | GazetteerCategory.City | GazetteerCategory.Region | GazetteerCategory.Organisation | GazetteerCategory.Demonym;
        foreach (var (phrase, categories) in entries)
        {
            var counts = (categories & GazetteerCategory.Person) != 0 ? people : (categories & NotPeople) != 0 ? others : null;
            if (counts is null)
            {
                continue;
            }

            foreach (var word in phrase.Split(' '))
            {
                if (word.Length > EndingLength + 1 && word.All(char.IsLetter))
                {
                    var ending = word[^EndingLength..];
                    counts[ending] = counts.GetValueOrDefault(ending) + 1;
                }
            }
        }

        return [.. people.Where(p => p.Value >= 15 && p.Value >= 4 * others.GetValueOrDefault(p.Key)).Select(p => p.Key)];
    }

    /// <summary>Every match in a sentence whose words are given lower-cased; matches start at capitalised or numeric words only.</summary>
    internal void Match(IReadOnlyList<string> words, IReadOnlyList<string> lowerWords, List<GazetteerMatch> output)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(lowerWords);
        ArgumentNullException.ThrowIfNull(output);
        Span<char> buffer = stackalloc char[256];
        for (var i = 0; i < words.Count; i++)
        {
            var first = words[i];
            if (first.Length == 0 || !(char.IsUpper(first[0]) || char.IsDigit(first[0])))
            {
                continue;
            }

            var length = 0;
            for (var n = 1; n <= MaxTokens && i + n <= words.Count; n++)
            {
                var word = lowerWords[i + n - 1];
                var needed = length + (n > 1 ? 1 : 0) + word.Length;
                if (needed > buffer.Length)
                {
                    break;
                }

                if (n > 1)
                {
                    buffer[length++] = ' ';
                }

                word.AsSpan().CopyTo(buffer[length..]);
                length += word.Length;
                if (!_lookup.TryGetValue(buffer[..length], out var categories))
                {
                    break;
                }

                var real = categories & ~GazetteerCategory.Prefix;
                if (real != GazetteerCategory.None)
                {
                    output.Add(new GazetteerMatch(i, i + n, real));
                }

                if ((categories & GazetteerCategory.Prefix) == 0)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Writes the gazetteer as <c>phrase&lt;TAB&gt;categories</c> lines, sorted.</summary>
    public void Save(string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.WriteLine("# phrase (lower-cased, tokenized)\tcategories");
        foreach (var (phrase, categories) in Phrases.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(phrase);
            writer.Write('\t');
            writer.WriteLine(((int)categories).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Reads a gazetteer written by <see cref="Save"/>.</summary>
    public static Gazetteer Load(string path)
    {
        var phrases = new List<KeyValuePair<string, GazetteerCategory>>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.LastIndexOf('\t');
            if (tab > 0)
            {
                phrases.Add(new(line[..tab], (GazetteerCategory)int.Parse(line.AsSpan(tab + 1), System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return new Gazetteer(phrases);
    }
}
