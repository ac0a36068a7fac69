using System.Text.RegularExpressions;
using Dossier.Text;

namespace Dossier.Extraction.PlainText;

/// <summary>A metadata rule from <c>metadata.tsv</c>.</summary>
/// <param name="Field">published, byline, outlet or url.</param>
/// <param name="WholeLine">True when the rule matches a whole line, which is then removed.</param>
/// <param name="Pattern">The regex; its group 'value' is the field's value.</param>
/// <param name="HeadOnly">True when the rule looks only at the first <see cref="MetadataRule.HeadLines"/> lines (a date line under the headline, a dateline opening the first paragraph).</param>
public sealed record MetadataRule(string Field, bool WholeLine, Regex Pattern, bool HeadOnly = false)
{
    /// <summary>How many lines from the top a head rule looks at.</summary>
    public const int HeadLines = 6;
}

/// <summary>
/// The heuristics of the plain-text reader, kept as data: boilerplate line patterns,
/// metadata rules and outlet names by domain.
/// </summary>
public sealed class PlainTextRules
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);
    private static readonly string[] Fields = ["published", "byline", "outlet", "url"];

    /// <summary>Creates rules from their parts.</summary>
    public PlainTextRules(IReadOnlyList<Regex> boilerplate, IReadOnlyList<MetadataRule> metadata, IReadOnlyDictionary<string, string> outletsByDomain, IReadOnlyList<Regex>? boxHeadings = null)
    {
        ArgumentNullException.ThrowIfNull(boilerplate);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(outletsByDomain);
        Boilerplate = boilerplate;
        Metadata = metadata;
        OutletsByDomain = outletsByDomain;
        BoxHeadings = boxHeadings ?? [];
    }

    /// <summary>The rules shipped with Dossier (the data files in <c>PlainText/</c>).</summary>
    public static PlainTextRules Default { get; } = Load(
        DataFile.ReadEmbedded(typeof(PlainTextRules).Assembly, "Dossier.Extraction.PlainText.boilerplate.txt"),
        DataFile.ReadEmbedded(typeof(PlainTextRules).Assembly, "Dossier.Extraction.PlainText.metadata.tsv"),
        DataFile.ReadEmbedded(typeof(PlainTextRules).Assembly, "Dossier.Extraction.PlainText.outlets.tsv"));

    /// <summary>Whole-line patterns of boilerplate.</summary>
    public IReadOnlyList<Regex> Boilerplate { get; }

    /// <summary>The boilerplate patterns that head a box of links to other articles ('You may also like'), the rows marked <c>box</c>.</summary>
    public IReadOnlyList<Regex> BoxHeadings { get; }

    /// <summary>Metadata rules in order.</summary>
    internal IReadOnlyList<MetadataRule> Metadata { get; }

    /// <summary>Outlet names by domain.</summary>
    public IReadOnlyDictionary<string, string> OutletsByDomain { get; }

    /// <summary>Builds rules from data-file entries.</summary>
    public static PlainTextRules Load(IEnumerable<string[]> boilerplate, IEnumerable<string[]> metadata, IEnumerable<string[]> outlets)
    {
        ArgumentNullException.ThrowIfNull(boilerplate);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(outlets);

        // Boilerplate patterns have no look-arounds, so the linear-time engine can run them on any input.
        var rows = boilerplate
            .Select(r => (Regex: new Regex($"^(?:{r[0]})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking), Box: r.Length > 1 && r[1] == "box"))
            .ToList();
        var bp = rows.Select(r => r.Regex).ToList();
        var md = new List<MetadataRule>();
        foreach (var row in metadata)
        {
            if (row.Length < 3 || !Fields.Contains(row[0]) || row[1] is not ("line" or "find" or "head-line" or "head-find"))
            {
                throw new FormatException($"Bad metadata rule '{string.Join('\t', row)}': want FIELD<TAB>line|find|head-line|head-find<TAB>REGEX.");
            }

            var regex = new Regex(row[2], RegexOptions.CultureInvariant, MatchTimeout);
            if (regex.GroupNumberFromName("value") < 0)
            {
                throw new FormatException($"Metadata rule '{row[2]}' has no group named 'value'.");
            }

            md.Add(new MetadataRule(row[0], row[1] is "line" or "head-line", regex, row[1].StartsWith("head-", StringComparison.Ordinal)));
        }

        var domains = outlets.Where(r => r.Length >= 2).ToDictionary(r => r[0].ToLowerInvariant(), r => r[1], StringComparer.Ordinal);
        return new PlainTextRules(bp, md, domains, [.. rows.Where(r => r.Box).Select(r => r.Regex)]);
    }

    /// <summary>The outlet a host name belongs to, matching the domain and its subdomains.</summary>
    public string? OutletForHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var h = host.ToLowerInvariant();
        if (h.StartsWith("www.", StringComparison.Ordinal))
        {
            h = h[4..];
        }

        while (true)
        {
            if (OutletsByDomain.TryGetValue(h, out var name))
            {
                return name;
            }

            var dot = h.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0 || h.IndexOf('.', dot + 1) < 0)
            {
                return null;
            }

            h = h[(dot + 1)..];
        }
    }
}
