using System.Text;

namespace Dossier.Nlp.Ner;


/// <summary>
/// Word clusters learned from unlabelled text, as paths in a tree (like Brown clusters' bit
/// strings): each word's left and right neighbours (PPMI-weighted, randomly projected) are
/// clustered by k-means, and each cluster split again, <c>Depth</c>
/// times. A word's path prefixes are features that generalise from words seen in training to
/// words seen only in the unlabelled text.
/// </summary>
public sealed class WordClusters
{
    private readonly Dictionary<string, string> _paths;

    /// <summary>Creates clusters from word → path.</summary>
    public WordClusters(Dictionary<string, string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        _paths = paths;
    }

    /// <summary>No clusters.</summary>
    public static WordClusters Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>The number of words with a cluster.</summary>
    public int Count => _paths.Count;

    /// <summary>The path of a word, or null.</summary>
    public string? PathOf(string word) => _paths.GetValueOrDefault(word);

    /// <summary>Writes <c>word&lt;TAB&gt;path</c> lines.</summary>
    public void Save(string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        foreach (var (word, p) in _paths.OrderBy(p => p.Value, StringComparer.Ordinal).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(word);
            writer.Write('\t');
            writer.WriteLine(p);
        }
    }

    /// <summary>Reads clusters written by <see cref="Save"/>.</summary>
    public static WordClusters Load(string path)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var tab = line.LastIndexOf('\t');
            if (tab > 0)
            {
                paths[line[..tab]] = line[(tab + 1)..];
            }
        }

        return new WordClusters(paths);
    }
}
