namespace Dossier.Nlp.Learning;

/// <summary>
/// 64-bit hashes for sparse features: a string is hashed once (<see cref="Of"/>), and a feature
/// is a template number mixed with up to three such values, so the taggers and the parser build
/// features from integers without making strings.
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>The FNV-1a hash of a text.</summary>
    public static ulong Of(ReadOnlySpan<char> text)
    {
        var h = Offset;
        foreach (var c in text)
        {
            h = (h ^ c) * Prime;
        }

        return h;
    }

    /// <summary>A feature of a template and one value.</summary>
    public static ulong Feature(int template, ulong a) => Finish(Mix(Start(template), a));

    /// <summary>A feature of a template and two values.</summary>
    public static ulong Feature(int template, ulong a, ulong b) => Finish(Mix(Mix(Start(template), a), b));

    /// <summary>A feature of a template and three values.</summary>
    public static ulong Feature(int template, ulong a, ulong b, ulong c) => Finish(Mix(Mix(Mix(Start(template), a), b), c));

    private static ulong Start(int template) => ((ulong)template + 1) * 0x9E3779B97F4A7C15;

    private static ulong Mix(ulong h, ulong v) => System.Numerics.BitOperations.RotateLeft((h ^ v) * 0xFF51AFD7ED558CCD, 29);

    private static ulong Finish(ulong h)
    {
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53;
        h ^= h >> 33;
        return h;
    }
}
