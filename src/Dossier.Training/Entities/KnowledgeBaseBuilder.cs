using System.Globalization;
using System.Text.RegularExpressions;
using Dossier.Knowledge;
using Dossier.Text;
using Dossier.Training.Ner;

namespace Dossier.Training.Entities;

/// <summary>
/// Builds the knowledge base from GeoNames (countries with their capitals, cities of 15,000 or
/// more with coordinates, population and Latin-script alternate names, admin-1 regions) and the
/// OFAC SDN list (organisations with every "a.k.a." name), plus the shipped country aliases.
/// Deterministic: the same sources give the same file.
/// </summary>
public static partial class KnowledgeBaseBuilder
{
    private const int MaxAliases = 24;

    /// <summary>Reads the sources (paths relative to <paramref name="baseDirectory"/>) and builds the entries.</summary>
    public static KnowledgeBase Build(GazetteerSources sources, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(sources);
        string Resolve(string path) => DataFile.Resolve(baseDirectory, path);
        var entries = new List<KbEntry>();

        // Cities first: countries take their coordinates from them.
        var cities = new List<(KbEntry Entry, string FeatureCode)>();
        if (sources.GeonamesCities is { } citiesPath)
        {
            foreach (var line in GazetteerBuilder.ReadLinesMaybeZipped(Resolve(citiesPath)))
            {
                var f = line.Split('\t');
                if (f.Length < 15)
                {
                    continue;
                }

                var aliases = f[3].Split(',').Prepend(f[2])
                    .Where(a => a != f[1] && a.Length <= 40 && GazetteerBuilder.IsLatinName(a))
                    .Distinct(StringComparer.Ordinal).Take(MaxAliases).ToList();
                var entry = new KbEntry($"geonames:{f[0]}", "city", f[1], f[8],
                    double.Parse(f[4], CultureInfo.InvariantCulture), double.Parse(f[5], CultureInfo.InvariantCulture),
                    long.TryParse(f[14], CultureInfo.InvariantCulture, out var population) ? population : 0,
                    f[7] == "PPLC" ? f[8] : null, aliases);
                cities.Add((entry, f[7]));
            }
        }

        entries.AddRange(cities.Select(c => c.Entry));
        var countryAliases = DataFile.ReadEmbedded(typeof(GazetteerBuilder).Assembly, "Dossier.Training.Ner.country-aliases.tsv")
            .Where(r => r.Length >= 2).ToLookup(r => r[1], r => r[0], StringComparer.Ordinal);
        if (sources.GeonamesCountries is { } countriesPath)
        {
            foreach (var line in File.ReadLines(Resolve(countriesPath)).Where(l => !l.StartsWith('#')))
            {
                var f = line.Split('\t');
                if (f.Length < 17)
                {
                    continue;
                }

                var code = f[0];
                var own = cities.Where(c => c.Entry.Country == code && c.Entry.Population > 0).Select(c => c.Entry).ToList();
                var weight = own.Sum(c => (double)c.Population);
                double? lat = weight > 0 ? own.Sum(c => c.Latitude!.Value * c.Population) / weight : null;
                double? lon = weight > 0 ? own.Sum(c => c.Longitude!.Value * c.Population) / weight : null;
                entries.Add(new KbEntry($"geonames:{f[16]}", "country", f[4], code,
                    lat is { } la ? Math.Round(la, 4) : null, lon is { } lo ? Math.Round(lo, 4) : null,
                    long.TryParse(f[7], CultureInfo.InvariantCulture, out var population) ? population : 0, null,
                    [.. countryAliases[code].Where(a => a != f[4]).Distinct(StringComparer.Ordinal)]));
            }
        }

        if (sources.GeonamesRegions is { } regionsPath)
        {
            foreach (var line in File.ReadLines(Resolve(regionsPath)))
            {
                var f = line.Split('\t');
                if (f.Length < 4 || !f[0].Contains('.', StringComparison.Ordinal))
                {
                    continue;
                }

                entries.Add(new KbEntry($"geonames:{f[3]}", "region", f[1], f[0][..f[0].IndexOf('.', StringComparison.Ordinal)], null, null, 0, null,
                    f[2] != f[1] ? [f[2]] : []));
            }
        }

        if (sources.OfacSdn is { } sdnPath)
        {
            var organisations = new Dictionary<string, (string Name, List<string> Aliases)>(StringComparer.Ordinal);
            foreach (var f in GazetteerBuilder.Csv(Resolve(sdnPath)))
            {
                if (f.Count < 12 || f[2].Trim() != "-0-")
                {
                    continue;
                }

                var (name, acronym) = SplitAcronym(f[1]);
                var aliases = new List<string>();
                if (acronym is not null)
                {
                    aliases.Add(acronym);
                }

                foreach (Match m in AkaInRemarks().Matches(f[11]))
                {
                    aliases.Add(m.Groups[1].Value);
                }

                organisations[f[0]] = (name, aliases);
            }

            if (sources.OfacAlt is { } altPath)
            {
                foreach (var f in GazetteerBuilder.Csv(Resolve(altPath)))
                {
                    if (f.Count > 3 && organisations.TryGetValue(f[0], out var org))
                    {
                        var (name, acronym) = SplitAcronym(f[3]);
                        org.Aliases.Add(name);
                        if (acronym is not null)
                        {
                            org.Aliases.Add(acronym);
                        }
                    }
                }
            }

            foreach (var (id, (name, aliases)) in organisations)
            {
                var cased = GazetteerBuilder.TitleCase(name);
                entries.Add(new KbEntry($"ofac:{id}", "org", cased, null, null, null, 0, null,
                    [.. aliases.Select(a => a.Length <= 8 && !a.Contains(' ', StringComparison.Ordinal) ? a : GazetteerBuilder.TitleCase(a))
                        .Where(a => a.Length >= 2 && a != cased).Distinct(StringComparer.Ordinal)]));
            }
        }

        // People of PETRARCH2's country actors: names with a dated role ('NAWAZ_SHARIF' [PAKGOV
        // 970217-991012]), their country and latest role. Their organisations are not taken: the
        // dictionaries give them generic aliases ('TANZIM_' +ORGANIZATION_).
        // Its militant and non-state groups ('HEZBOLLAH_' [LBNREB]) enter as organisations, with
        // only their multi-word aliases: single words there are often generic ('+ORGANIZATION_').
        if (sources.GeonamesCountries is { } isoPath && (sources.PetrarchPeople.Count > 0 || sources.PetrarchOrganisations.Count > 0))
        {
            var iso2 = File.ReadLines(Resolve(isoPath)).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).Where(f => f.Length > 1)
                .ToDictionary(f => f[1], f => f[0], StringComparer.Ordinal);
            foreach (var path in sources.PetrarchPeople)
            {
                entries.AddRange(PetrarchActors(Resolve(path), iso2, people: true));
            }

            var known = entries.Where(e => e.Kind == "org").Select(e => KnowledgeBase.Key(e.Name)).ToHashSet(StringComparer.Ordinal);
            foreach (var path in sources.PetrarchOrganisations)
            {
                // An organisation another source already has keeps that entry.
                entries.AddRange(PetrarchActors(Resolve(path), iso2, people: false).Where(e => known.Add(KnowledgeBase.Key(e.Name))));
            }
        }

        // The shipped list: entries the sources lack, names they lack.
        foreach (var row in DataFile.ReadEmbedded(typeof(KnowledgeBaseBuilder).Assembly, "Dossier.Training.Entities.known-entities.tsv").Where(r => r.Length >= 4))
        {
            var aliases = row[3].Split('|', StringSplitOptions.RemoveEmptyEntries);
            var existing = entries.FindIndex(e => e.Id == row[0]);
            if (existing >= 0)
            {
                entries[existing] = entries[existing] with { Aliases = [.. entries[existing].Aliases.Concat(aliases).Distinct(StringComparer.Ordinal)] };
            }
            else if (row[0].StartsWith(KnowledgeBase.CuratedPrefix, StringComparison.Ordinal))
            {
                entries.Add(new KbEntry(row[0], row[1], row[2], null, null, null, 0, null, aliases));
            }
        }

        return new KnowledgeBase(entries);
    }

    /// <summary>
    /// The actors of a PETRARCH2 dictionary, with their multi-word + aliases and the country and
    /// role of their latest code: people (an entry of two to four words with a dated role) or
    /// organisations (every entry; a parenthesised acronym is dropped from the name).
    /// </summary>
    private static IEnumerable<KbEntry> PetrarchActors(string path, Dictionary<string, string> iso2, bool people)
    {
        string? name = null;
        var aliases = new List<string>();
        var codes = new List<(string Code, bool Dated)>();
        foreach (var raw in File.ReadLines(path).Append(string.Empty))
        {
            var line = raw.Split('#')[0].TrimEnd();
            var entryLine = line.Length > 0 && line[0] is not ('\t' or ' ' or '+' or '[');
            if ((entryLine || raw.Length == 0) && name is not null)
            {
                if ((people ? Person(name, codes) : Organisation(name, codes)) is { } actor)
                {
                    var latest = codes[^1].Code;
                    var country = latest.Length >= 3 && iso2.TryGetValue(latest[..3], out var c) ? c : null;
                    var role = country is not null && latest.Length >= 6 ? latest[3..6] : null;
                    yield return new KbEntry($"petrarch:{name.TrimEnd('_')}", people ? "person" : "org", actor, country, null, null, 0, null,
                        [.. aliases.Where(a => a != actor).Distinct(StringComparer.Ordinal)], role);
                }

                name = null;
                aliases.Clear();
                codes.Clear();
            }

            if (line.Length == 0)
            {
                continue;
            }

            foreach (Match m in PetrarchCode().Matches(line))
            {
                codes.Add((m.Groups[1].Value, m.Groups[2].Value.Any(char.IsAsciiDigit)));
            }

            var head = line.Split('[')[0].Trim();
            if (entryLine)
            {
                name = head;
            }
            else if (line.StartsWith('+') && name is not null && head.TrimStart('+').Trim('_').Contains('_', StringComparison.Ordinal))
            {
                aliases.Add(GazetteerBuilder.TitleCase(head.TrimStart('+').Trim('_').Replace('_', ' ')));
            }
        }

        static string? Organisation(string name, List<(string Code, bool Dated)> codes)
        {
            var bare = name.Split('(')[0].Trim('_').Replace("__", "_", StringComparison.Ordinal);
            return codes.Count > 0 && bare.Length >= 3 ? GazetteerBuilder.TitleCase(bare.Replace('_', ' ')) : null;
        }

        static string? Person(string name, List<(string Code, bool Dated)> codes)
        {
            var words = name.Trim('_').Split('_', StringSplitOptions.RemoveEmptyEntries);
            return words.Length is >= 2 and <= 4 && codes.Count > 0 && codes.Any(c => c.Dated) && words.All(w => w.All(char.IsLetter))
                ? GazetteerBuilder.TitleCase(string.Join(' ', words)) : null;
        }
    }

    [GeneratedRegex(@"\[([A-Z]{3,9})\s*([^\]]*)\]", RegexOptions.CultureInvariant)]
    private static partial Regex PetrarchCode();

    /// <summary>"TEHRIK-E TALIBAN PAKISTAN (TTP)" → the name and the acronym.</summary>
    private static (string Name, string? Acronym) SplitAcronym(string raw)
    {
        var name = raw.Trim().Trim('"').Trim();
        var open = name.LastIndexOf('(');
        if (open > 0 && name.EndsWith(')'))
        {
            var inner = name[(open + 1)..^1].Trim();
            if (inner.Length is >= 2 and <= 10 && !inner.Contains(' ', StringComparison.Ordinal))
            {
                return (name[..open].Trim(), inner);
            }
        }

        return (name, null);
    }

    [GeneratedRegex(@"a\.k\.a\.\s*'([^']{2,80})'", RegexOptions.CultureInvariant)]
    private static partial Regex AkaInRemarks();
}
