using System.Globalization;
using System.Text;

namespace Dossier.Knowledge;

/// <summary>An entry of the knowledge base: a country, city, region, organisation or person, with its names.</summary>
/// <param name="Id">A stable id: <c>geonames:1168579</c>, <c>ofac:12206</c>, <c>petrarch:NAWAZ_SHARIF</c>.</param>
/// <param name="Kind"><c>country</c>, <c>city</c>, <c>region</c>, <c>org</c> or <c>person</c>.</param>
/// <param name="Name">The canonical name.</param>
/// <param name="Country">The ISO 3166 alpha-2 code of the country it is (countries) or lies in, or null.</param>
/// <param name="Latitude">Latitude (cities: GeoNames; countries: the population-weighted centre of their cities), or null.</param>
/// <param name="Longitude">Longitude, or null.</param>
/// <param name="Population">Population, 0 when unknown.</param>
/// <param name="CapitalOf">For a national capital, the ISO code of its country.</param>
/// <param name="Aliases">Other names (spellings, acronyms, "a.k.a." names).</param>
/// <param name="Role">For a person, the CAMEO agent code of their latest role (GOV, MIL, ELI, OPP …), where the source gives one.</param>
public sealed record KbEntry(string Id, string Kind, string Name, string? Country, double? Latitude, double? Longitude, long Population, string? CapitalOf, IReadOnlyList<string> Aliases, string? Role = null)
{
    /// <summary>True for places (countries, cities, regions).</summary>
    public bool IsPlace => Kind is "country" or "city" or "region";
}

/// <summary>
/// The bundled knowledge base (<c>models/kb/kb.tsv</c>, built by <c>dossier build kb</c> from
/// GeoNames and OFAC SDN in ../shared/data): entries looked up by any of their names, folded
/// by <see cref="Key"/> so that transliterations meet ("Tehreek-e-Taliban" and "Tehrik-i-Taliban").
/// Immutable; thread-safe.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<string, List<KbEntry>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KbEntry> _countries = new(StringComparer.Ordinal);

    /// <summary>Cities and regions of names of three words or more, by the key of their names' last word (for <see cref="AbbreviatedPlaces"/>), built on first use.</summary>
    private readonly Lazy<Dictionary<string, List<KbEntry>>> _placesByLastWord;

    private static Dictionary<string, List<KbEntry>> IndexPlacesByLastWord(IReadOnlyList<KbEntry> entries)
    {
        var index = new Dictionary<string, List<KbEntry>>(StringComparer.Ordinal);
        foreach (var e in entries.Where(e => e.Kind is "city" or "region"))
        {
            foreach (var last in e.Aliases.Prepend(e.Name).Select(n => n.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                .Where(w => w.Length >= 3).Select(w => Key(w[^1])).Distinct(StringComparer.Ordinal))
            {
                (index.TryGetValue(last, out var list) ? list : index[last] = []).Add(e);
            }
        }

        return index;
    }

    /// <summary>The keys of the last words of the people's names ('putin' of Vladimir Putin), built on first use.</summary>
    private readonly Lazy<HashSet<string>> _surnames;

    /// <summary>True when <paramref name="name"/> is the last word of the name of a person the knowledge base holds ('Putin', 'Erdogan').</summary>
    public bool IsSurname(string name) => _surnames.Value.Contains(Key(name));

    /// <summary>Indexes the entries.</summary>
    public KnowledgeBase(IEnumerable<KbEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = [.. entries];
        _placesByLastWord = new(() => IndexPlacesByLastWord(Entries));
        _surnames = new(() => [.. Entries.Where(e => e.Kind == "person").Select(e => e.Name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 2).Select(w => Key(w[^1]))]);
        foreach (var e in Entries)
        {
            foreach (var name in e.Aliases.Prepend(e.Name))
            {
                var key = Key(name);
                if (key.Length == 0)
                {
                    continue;
                }

                if (!_byKey.TryGetValue(key, out var list))
                {
                    list = [];
                    _byKey[key] = list;
                }

                if (!list.Contains(e))
                {
                    list.Add(e);
                }
            }

            if (e.Kind == "country" && e.Country is { } code)
            {
                _countries[code] = e;
            }
        }
    }

    /// <summary>The id prefix of the entries of Dossier's own curated list (known-entities.tsv), beside geonames:, ofac: and the actor dictionaries'.</summary>
    public const string CuratedPrefix = "dossier:";

    /// <summary>No entries.</summary>
    public static KnowledgeBase Empty { get; } = new([]);

    /// <summary>Every entry.</summary>
    public IReadOnlyList<KbEntry> Entries { get; }

    /// <summary>The lookup key of a name: <see cref="SpellingKeys.Of"/> of its words, a leading "the" and a trailing "'s" left out.</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = name.Replace('’', '\'').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            words.RemoveAt(0);
        }

        if (words.Count > 0 && words[^1].EndsWith("'s", StringComparison.OrdinalIgnoreCase))
        {
            words[^1] = words[^1][..^2];
        }

        return SpellingKeys.Of(words);
    }

    /// <summary>The entries one of whose names has the key of <paramref name="name"/>.</summary>
    public IReadOnlyList<KbEntry> Candidates(string name) => _byKey.TryGetValue(Key(name), out var list) ? list : [];

    /// <summary>
    /// The cities and regions a name abbreviated to initials may stand for: 'D.I. Khan' is Dera
    /// Ismail Khan, 'D.G. Khan' Dera Ghazi Khan (the initials, each with its full stop, of the
    /// words before the name's last written words). Empty for a name that is not so abbreviated.
    /// </summary>
    public IReadOnlyList<KbEntry> AbbreviatedPlaces(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var initials = new List<char>();
        var k = 0;
        for (; k < words.Length; k++)
        {
            var w = words[k];
            var shape = true;
            for (var j = 0; j < w.Length; j += 2)
            {
                shape &= j + 1 < w.Length && char.IsUpper(w[j]) && w[j + 1] == '.';
            }

            if (!shape)
            {
                break;
            }

            initials.AddRange(w.Where(char.IsUpper));
        }

        if (initials.Count < 2 || k == 0 || k >= words.Length)
        {
            return [];
        }

        var rest = Key(string.Join(' ', words[k..]));
        var found = new List<KbEntry>();
        foreach (var e in _placesByLastWord.Value.GetValueOrDefault(Key(words[^1])) ?? [])
        {
            foreach (var full in e.Aliases.Prepend(e.Name))
            {
                var parts = full.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                var tail = parts.Length - (words.Length - k);
                if (tail == initials.Count && Key(string.Join(' ', parts[tail..])) == rest
                    && parts[..tail].Select(p => char.ToUpperInvariant(p[0])).SequenceEqual(initials))
                {
                    found.Add(e);
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>The country with an ISO code, or null.</summary>
    public KbEntry? Country(string code) => _countries.GetValueOrDefault(code);

    /// <summary>Writes the entries as TSV: id, kind, name, country, latitude, longitude, population, capital-of, aliases (|-separated), role.</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var w = new StreamWriter(path, append: false, new UTF8Encoding(false));
        w.WriteLine("# id\tkind\tname\tcountry\tlatitude\tlongitude\tpopulation\tcapital_of\taliases\trole");
        foreach (var e in Entries.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            w.WriteLine(string.Join('\t',
                e.Id, e.Kind, e.Name, e.Country ?? string.Empty,
                e.Latitude?.ToString("0.#####", CultureInfo.InvariantCulture) ?? string.Empty,
                e.Longitude?.ToString("0.#####", CultureInfo.InvariantCulture) ?? string.Empty,
                e.Population.ToString(CultureInfo.InvariantCulture), e.CapitalOf ?? string.Empty,
                string.Join('|', e.Aliases), e.Role ?? string.Empty));
        }
    }

    /// <summary>Reads a file written by <see cref="Save"/>.</summary>
    /// <exception cref="DossierException">With <see cref="DossierErrorCode.NotFound"/> when the file is missing.</exception>
    public static KnowledgeBase Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DossierException(DossierErrorCode.NotFound, $"no knowledge base at {path}; build one with 'dossier build kb --config configs/kb.json'");
        }

        var entries = new List<KbEntry>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length < 9)
            {
                continue;
            }

            entries.Add(new KbEntry(f[0], f[1], f[2], Null(f[3]), Number(f[4]), Number(f[5]),
                long.Parse(f[6], CultureInfo.InvariantCulture), Null(f[7]),
                f[8].Length == 0 ? [] : f[8].Split('|'), f.Length > 9 ? Null(f[9]) : null));
        }

        return new KnowledgeBase(entries);

        static string? Null(string s) => s.Length == 0 ? null : s;
        static double? Number(string s) => s.Length == 0 ? null : double.Parse(s, CultureInfo.InvariantCulture);
    }
}
