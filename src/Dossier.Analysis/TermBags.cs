namespace Dossier.Analysis;

/// <summary>Bags of weighted terms (entity ids, stems), as claim alignment and story clustering compare them.</summary>
internal static class TermBags
{
    /// <summary>Each bag's terms weighted by inverse document frequency over all the bags: weight × ln(1 + n / df).</summary>
    public static List<Dictionary<string, double>> WeighByIdf(IReadOnlyList<Dictionary<string, double>> bags, out Dictionary<string, int> df)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var bag in bags)
        {
            foreach (var term in bag.Keys)
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
            }
        }

        df = counts;
        return [.. bags.Select(bag => bag.ToDictionary(p => p.Key, p => p.Value * Math.Log(1.0 + ((double)bags.Count / counts[p.Key])), StringComparer.Ordinal))];
    }
}
