using System.IO.Compression;
using System.Text;
using Dossier.Knowledge;
using Dossier.Nlp.Ner;
using Dossier.Text;

namespace Dossier.Training.Ner;

/// <summary>Where the gazetteer's sources are (paths; any may be left out).</summary>
public sealed record GazetteerSources
{
    /// <summary>GeoNames cities15000 (.zip or .txt).</summary>
    public string? GeonamesCities { get; init; }

    /// <summary>GeoNames countryInfo.</summary>
    public string? GeonamesCountries { get; init; }

    /// <summary>GeoNames admin-1 regions.</summary>
    public string? GeonamesRegions { get; init; }

    /// <summary>OFAC SDN list (sdn.csv).</summary>
    public string? OfacSdn { get; init; }

    /// <summary>OFAC aliases (alt.csv).</summary>
    public string? OfacAlt { get; init; }

    /// <summary>PETRARCH2 actor dictionaries of organisations.</summary>
    public IReadOnlyList<string> PetrarchOrganisations { get; init; } = [];

    /// <summary>PETRARCH2 actor dictionaries of people (country actors).</summary>
    public IReadOnlyList<string> PetrarchPeople { get; init; } = [];
}

/// <summary>Builds a <see cref="Gazetteer"/> from GeoNames, OFAC SDN, PETRARCH2 and the shipped demonyms.</summary>
internal static class GazetteerBuilder
{
    /// <summary>Reads every source given and builds the gazetteer.</summary>
    public static Gazetteer Build(GazetteerSources sources, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var phrases = new Dictionary<string, GazetteerCategory>(StringComparer.Ordinal);
        void Add(string name, GazetteerCategory category)
        {
            name = name.Trim();
            if (name.Length < 2 || name.Length > 80)
            {
                return;
            }

            var key = Gazetteer.Normalize(name);
            if (key.Length > 0 && key.Count(c => c == ' ') < Gazetteer.MaxTokens)
            {
                phrases[key] = phrases.GetValueOrDefault(key) | category;
            }
        }

        string Resolve(string path) => DataFile.Resolve(baseDirectory, path);

        foreach (var demonym in Demonyms.CountryCodes.Keys)
        {
            Add(demonym, GazetteerCategory.Demonym);
        }

        foreach (var row in DataFile.ReadEmbedded(typeof(GazetteerBuilder).Assembly, "Dossier.Training.Ner.country-aliases.tsv"))
        {
            Add(row[0], GazetteerCategory.Country);
        }

        if (sources.GeonamesCountries is { } countries)
        {
            foreach (var line in File.ReadLines(Resolve(countries)).Where(l => !l.StartsWith('#')))
            {
                var f = line.Split('\t');
                if (f.Length > 5)
                {
                    Add(f[4], GazetteerCategory.Country);
                    Add(f[5], GazetteerCategory.City);
                }
            }
        }

        if (sources.GeonamesRegions is { } regions)
        {
            foreach (var line in File.ReadLines(Resolve(regions)))
            {
                var f = line.Split('\t');
                if (f.Length > 2)
                {
                    Add(f[1], GazetteerCategory.Region);
                    Add(f[2], GazetteerCategory.Region);
                }
            }
        }

        if (sources.GeonamesCities is { } cities)
        {
            foreach (var line in ReadLinesMaybeZipped(Resolve(cities)))
            {
                var f = line.Split('\t');
                if (f.Length < 4)
                {
                    continue;
                }

                Add(f[1], GazetteerCategory.City);
                Add(f[2], GazetteerCategory.City);
                foreach (var alternate in f[3].Split(','))
                {
                    if (IsLatinName(alternate))
                    {
                        Add(alternate, GazetteerCategory.City);
                    }
                }
            }
        }

        if (sources.OfacSdn is { } sdn)
        {
            var kinds = new Dictionary<string, GazetteerCategory>(StringComparer.Ordinal);
            foreach (var f in Csv(Resolve(sdn)))
            {
                if (f.Count < 3)
                {
                    continue;
                }

                var kind = f[2].Trim() switch
                {
                    "individual" => GazetteerCategory.Person,
                    "-0-" => GazetteerCategory.Organisation,
                    _ => GazetteerCategory.None,
                };
                if (kind == GazetteerCategory.None)
                {
                    continue;
                }

                kinds[f[0]] = kind;
                AddOfacName(f[1], kind, Add);
            }

            if (sources.OfacAlt is { } alt)
            {
                foreach (var f in Csv(Resolve(alt)))
                {
                    if (f.Count > 3 && kinds.TryGetValue(f[0], out var kind))
                    {
                        AddOfacName(f[3], kind, Add);
                    }
                }
            }
        }

        foreach (var path in sources.PetrarchOrganisations)
        {
            foreach (var name in PetrarchNames(Resolve(path)))
            {
                Add(name, GazetteerCategory.Organisation);
            }
        }

        foreach (var path in sources.PetrarchPeople)
        {
            foreach (var name in PetrarchNames(Resolve(path)))
            {
                Add(name, GazetteerCategory.Person);
            }
        }

        return new Gazetteer(phrases);
    }

    /// <summary>OFAC names: "SURNAME, Given" for people, "NAME (ACRONYM)" for organisations.</summary>
    private static void AddOfacName(string raw, GazetteerCategory kind, Action<string, GazetteerCategory> add)
    {
        var name = raw.Trim().Trim('"');
        if (name == "-0-" || name.Length == 0)
        {
            return;
        }

        var open = name.IndexOf('(', StringComparison.Ordinal);
        if (open > 0 && name.EndsWith(')'))
        {
            var inner = name[(open + 1)..^1].Trim();
            if (inner.Length is >= 2 and <= 10 && !inner.Contains(' ', StringComparison.Ordinal))
            {
                add(inner, kind);
            }

            name = name[..open].Trim();
        }

        if (kind == GazetteerCategory.Person && name.IndexOf(',', StringComparison.Ordinal) is > 0 and var comma)
        {
            name = $"{name[(comma + 1)..].Trim()} {name[..comma].Trim()}";
        }

        add(TitleCase(name), kind);
    }

    /// <summary>The names of a PETRARCH2 actor dictionary: entries and their + aliases, underscores as spaces.</summary>
    private static IEnumerable<string> PetrarchNames(string path)
    {
        foreach (var raw in File.ReadLines(path))
        {
            if (raw.Length == 0 || raw[0] is '#' or '\t' or ' ' or '[')
            {
                continue;
            }

            var line = raw.TrimStart('+');
            var end = line.IndexOfAny(['\t', '[', '#', '{']);
            var name = (end >= 0 ? line[..end] : line).Replace('_', ' ').Trim();
            var open = name.IndexOf('(', StringComparison.Ordinal);
            if (open > 0)
            {
                var close = name.IndexOf(')', open);
                if (close > open + 2)
                {
                    yield return name[(open + 1)..close];
                }

                name = name[..open].Trim();
            }

            if (name.Length >= 2)
            {
                yield return TitleCase(name);
            }
        }
    }

    /// <summary>Upper-case names as they are written in text (matching is case-insensitive; this keeps tokenization right).</summary>
    internal static string TitleCase(string name)
    {
        var sb = new StringBuilder(name.Length);
        var startOfWord = true;
        foreach (var c in name)
        {
            sb.Append(startOfWord ? c : char.ToLowerInvariant(c));
            startOfWord = !char.IsLetter(c) && c != '\'';
        }

        return sb.ToString();
    }

    internal static bool IsLatinName(string s)
    {
        if (s.Length < 3 || !char.IsUpper(s[0]) || s.All(c => char.IsUpper(c) || !char.IsLetter(c)))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!(c is ' ' or '-' or '\'' or '.' || (char.IsLetter(c) && c < '\u0250')))
            {
                return false;
            }
        }

        return true;
    }

    internal static IEnumerable<string> ReadLinesMaybeZipped(string path)
    {
        if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var line in File.ReadLines(path))
            {
                yield return line;
            }

            yield break;
        }

        using var zip = ZipFile.OpenRead(path);
        foreach (var entry in zip.Entries.Where(e => e.Length > 0))
        {
            using var reader = new StreamReader(entry.Open());
            while (reader.ReadLine() is { } line)
            {
                yield return line;
            }
        }
    }

    /// <summary>Rows of a comma-separated file with double-quoted fields (RFC 4180: a quoted field may hold commas, doubled quotes and line breaks).</summary>
    internal static IEnumerable<List<string>> Csv(string path) => CsvRows(ReadLinesMaybeZipped(path));

    /// <summary>The rows of CSV text given as lines; a quoted field that runs past the end of a line goes on in the next one, its line break kept.</summary>
    internal static IEnumerable<List<string>> CsvRows(IEnumerable<string> lines)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        foreach (var line in lines)
        {
            if (quoted)
            {
                sb.Append('\n');
            }

            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        sb.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        sb.Append(c);
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(sb.ToString());
                    sb.Clear();
                }
                else
                {
                    sb.Append(c);
                }
            }

            if (!quoted)
            {
                fields.Add(sb.ToString());
                sb.Clear();
                yield return fields;
                fields = [];
            }
        }

        if (quoted)
        {
            fields.Add(sb.ToString());
            yield return fields;
        }
    }
}
