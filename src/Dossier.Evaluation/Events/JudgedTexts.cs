using System.Text;
using Dossier.Evaluation.Stance;
using Dossier.Extraction.Ingestion;

namespace Dossier.Evaluation.Events;

/// <summary>
/// Where the texts of a pool of judged events come from, by the name a judgment gives: a folder of
/// article files (the name is a file name, read as <c>analyze</c> reads that file), or the Fake
/// News Challenge's bodies file (<c>Body ID,articleBody</c>; the name is a Body ID, the body read
/// as a plain-text article), so that news whose text may not be copied here is judged in place.
/// </summary>
public sealed class JudgedTexts
{
    private readonly string _path;
    private readonly Dictionary<string, string>? _bodies;
    private readonly DocumentLoader _loader = new();

    private JudgedTexts(string path, Dictionary<string, string>? bodies) => (_path, _bodies) = (path, bodies);

    /// <summary>Opens a folder of texts or an FNC-1 bodies file (a path ending in .csv).</summary>
    /// <exception cref="DossierException">When the path is neither an existing folder nor an existing .csv file.</exception>
    public static JudgedTexts Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return new JudgedTexts(path, null);
        }

        if (File.Exists(path) && path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return new JudgedTexts(path, StanceData.ReadBodies(path));
        }

        throw new DossierException(DossierErrorCode.NotFound, "judged texts must be a folder of article files or an FNC-1 bodies file (.csv)", path);
    }

    /// <summary>The text named <paramref name="name"/>, loaded (not yet analysed).</summary>
    /// <exception cref="DossierException">When no such text exists or it cannot be read.</exception>
    public Document Load(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_bodies is null)
        {
            return _loader.Load(Path.Combine(_path, name));
        }

        return _bodies.TryGetValue(name, out var body)
            ? _loader.LoadBytes(Encoding.UTF8.GetBytes(body), $"{Path.GetFileName(_path)}#{name}")
            : throw new DossierException(DossierErrorCode.NotFound, $"no body with id {name}", _path);
    }
}
