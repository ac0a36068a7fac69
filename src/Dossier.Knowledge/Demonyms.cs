using Dossier.Text;

namespace Dossier.Knowledge;

/// <summary>The demonyms shipped with Dossier (<c>demonyms.tsv</c>), read by the runtime (a people's name
/// standing for its country) and by the gazetteer builder alike.</summary>
public static class Demonyms
{
    /// <summary>Demonym → country or group code.</summary>
    public static IReadOnlyDictionary<string, string> CountryCodes { get; } =
        DataFile.ReadEmbedded(typeof(Demonyms).Assembly, "Dossier.Knowledge.demonyms.tsv")
            .ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);
}
