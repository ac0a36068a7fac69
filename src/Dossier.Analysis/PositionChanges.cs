namespace Dossier.Analysis;

/// <summary>
/// A holder whose position on a group's proposition changed between reports: the same holder
/// denying it in an earlier report and asserting it in a later one, or the reverse. An update,
/// shown as history, not a dispute: nobody disagrees with anybody.
/// </summary>
/// <param name="HolderKey">Who: an entity id, else the holder's words as written (lower-cased).</param>
/// <param name="Holder">Who, for a reader.</param>
/// <param name="From">The claim of the earlier position.</param>
/// <param name="FromReported">Where and when the earlier position was reported.</param>
/// <param name="To">The claim of the later position.</param>
/// <param name="ToReported">Where and when the later position was reported.</param>
public sealed record PositionChange(string HolderKey, string Holder, Claim From, Carrier FromReported, Claim To, Carrier ToReported);

/// <summary>Finds the position changes among a group's claims, by the publication dates of the documents that report them.</summary>
internal static class PositionChanges
{
    /// <summary>
    /// Each holder's claims in the order they were reported (documents whose publication date is
    /// stated; an inferred lower bound orders nothing): every step from a denial to an assertion,
    /// or back, reported on a later day or at a later stated time, is a change. Claims that neither
    /// hold the proposition true nor deny it (urged, asked, intended) take no position here.
    /// </summary>
    public static IReadOnlyList<PositionChange> Of(IReadOnlyList<Claim> claims, IReadOnlyDictionary<string, Document> documents)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(documents);
        var changes = new List<PositionChange>();
        foreach (var byHolder in claims.GroupBy(c => ReReporting.HolderOf(c).Key, StringComparer.Ordinal))
        {
            var dated = byHolder
                .Where(c => Side(c) is not null && documents[c.Document].Metadata is { Published: not null, PublishedInferred: false })
                .Select(c => (Claim: c, Reported: ReReporting.CarrierOf(documents[c.Document])))
                .OrderBy(x => x.Reported.Published).ThenBy(x => x.Reported.PublishedTime ?? TimeOnly.MinValue)
                .ToList();
            for (var k = 1; k < dated.Count; k++)
            {
                var (before, after) = (dated[k - 1], dated[k]);
                if (Side(before.Claim) != Side(after.Claim) && Later(before.Reported, after.Reported))
                {
                    changes.Add(new PositionChange(byHolder.Key, ReReporting.HolderOf(after.Claim).Label, before.Claim, before.Reported, after.Claim, after.Reported));
                }
            }
        }

        return [.. changes.OrderBy(c => c.ToReported.Published).ThenBy(c => c.Holder, StringComparer.Ordinal)];
    }

    /// <summary>'deny' for a denial, 'assert' for a claim that holds the proposition true, null for any other stance.</summary>
    private static string? Side(Claim c) =>
        ClaimAlignment.Denies(c.Data.Stance) ? "deny" : ClaimAlignment.HoldsTrue(c) ? "assert" : null;

    /// <summary>True when <paramref name="b"/> was published on a later day than <paramref name="a"/>, or the same day at a later stated time.</summary>
    private static bool Later(Carrier a, Carrier b) =>
        b.Published > a.Published || (b.Published == a.Published && a.PublishedTime is { } ta && b.PublishedTime is { } tb && tb > ta);
}
