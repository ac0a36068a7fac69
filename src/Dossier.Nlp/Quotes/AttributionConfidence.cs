using System.Globalization;
using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Nlp.Quotes;

/// <summary>
/// How often the speaker of an attribution is right, per way it was found (<c>named</c>,
/// <c>pronoun</c>, <c>tagger:unnamed</c>, …): the share of attributions found that way on PolNeAR
/// train that match a gold attribution and have its speaker, written by
/// <c>dossier eval quotes --data ../shared/data/polnear/train --calibration FILE</c> into the
/// shipped <c>attribution-precision.tsv</c>. The tagger was trained on that split, so its rows are
/// somewhat optimistic.
/// </summary>
public static class AttributionConfidence
{
    /// <summary>
    /// The surer ways of attribution, chosen on PolNeAR dev: the rules' named speakers, personal
    /// pronouns, affiliations and roles are right about the speaker for 82% of what they find on
    /// dev, against 72% for all. Only their claims were ever shown, so only they were judged and only
    /// they are scored by the claims' confidence model (ClaimComponent); the others stay below what
    /// the brief shows. A named list, not a rate: a guess ('nearest') or the tagger's speakers may
    /// measure near these ways' rates on one rewrite of the table while their claims, judged, are
    /// mostly wrong.
    /// </summary>
    public static IReadOnlyList<AttributionWay> SurerWays { get; } = [SpeakerFound.Named, SpeakerFound.Pronoun, SpeakerFound.Affiliation, SpeakerFound.Role];

    /// <summary>Whether a way of attribution is one of the <see cref="SurerWays"/>.</summary>
    public static bool IsSurer(AttributionWay? how) => how is { } way && SurerWays.Contains(way);

    /// <summary>Whether a way of attribution as written (<c>named</c>, <c>tagger:pronoun</c>) is one of the <see cref="SurerWays"/>.</summary>
    public static bool IsSurer(string? how) => SurerWays.Any(way => way.ToString() == how);

    private static readonly Dictionary<string, double> Rates = DataFile.ReadEmbedded(typeof(AttributionConfidence).Assembly, "Dossier.Nlp.Quotes.attribution-precision.tsv")
        .Where(r => r[0] != "how")
        .ToDictionary(r => r[0], r => double.Parse(r[3], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>The measured rate for a way of attribution; for one not measured, the lowest rate of all.</summary>
    public static double Of(AttributionWay? how) => Of(how?.ToString());

    /// <summary>The measured rate for a way of attribution as written (<c>named</c>, <c>tagger:pronoun</c>); for one not measured, the lowest rate of all.</summary>
    public static double Of(string? how) => how is not null && Rates.TryGetValue(how, out var rate) ? rate : Lowest;

    /// <summary>The rate of the least sure way of attribution.</summary>
    public static double Lowest { get; } = Rates.Values.Min();

    /// <summary>The table as written to the shipped file: way, found, right, rate (rounded to 0.01), most found first.</summary>
    public static IEnumerable<string> Table(IEnumerable<(string How, int Found, int Right)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        yield return "# Per way of attribution: found on PolNeAR train, matched with the right speaker, and their share.";
        yield return "# Written by: dossier eval quotes --data ../shared/data/polnear/train --calibration src/Dossier.Nlp/Quotes/attribution-precision.tsv";
        yield return "how\tfound\tright\tprecision";
        foreach (var (how, found, right) in rows.OrderByDescending(r => r.Found).ThenBy(r => r.How, StringComparer.Ordinal))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{how}\t{found}\t{right}\t{(found == 0 ? 0 : Math.Round((double)right / found, 2)):0.00}");
        }
    }
}
