using System.Text;

namespace Dossier.Evaluation;

/// <summary>
/// A stable split of a labelled file's units (stories, documents) into tenths by a key: FNV-1a
/// of its UTF-8 bytes mod 10, the same on every machine and in every run. Tenth 0 is the
/// held-out part (looked at once, after every choice), tenths 1–2 a development part where a
/// data set has no development split of its own, the rest training.
/// </summary>
public static class DataSplit
{
    /// <summary>The parts: train, dev and holdout, and <c>all</c>.</summary>
    public static readonly string[] Parts = ["train", "dev", "holdout", "all"];

    /// <summary>The tenth (0–9) a key falls in.</summary>
    public static int Tenth(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % 10);
    }

    /// <summary>
    /// The part a key belongs to: train, dev or holdout. Fold <paramref name="fold"/> (0–9, for
    /// cross-validation) rotates the tenths: its held-out tenth is the fold's number, its dev
    /// tenths the next two; fold 0 is the split every shipped model leaves out.
    /// </summary>
    public static string PartOf(string key, int fold = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fold, 9);
        return ((Tenth(key) - fold + 10) % 10) switch { 0 => "holdout", 1 or 2 => "dev", _ => "train" };
    }

    /// <summary>
    /// True when a unit of part <paramref name="part"/> is kept by a request for <paramref name="wanted"/>:
    /// <c>all</c> keeps everything, and where the data set has its own development split
    /// (<paramref name="ownDev"/>) the dev tenths are training data too.
    /// </summary>
    public static bool Keeps(string wanted, string part, bool ownDev = false) =>
        wanted == "all" || wanted == part || (ownDev && wanted == "train" && part == "dev");
}
