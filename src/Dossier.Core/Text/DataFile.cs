using System.Reflection;

namespace Dossier.Text;

/// <summary>
/// Reads the line-oriented data files that hold heuristics (lexicons, patterns): one entry a
/// line, <c>#</c> starts a comment line, blank lines are skipped, fields are separated by tabs.
/// </summary>
public static class DataFile
{
    /// <summary>The entries of a data file embedded in <paramref name="assembly"/> under <paramref name="resourceName"/>.</summary>
    public static IReadOnlyList<string[]> ReadEmbedded(Assembly assembly, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Data file '{resourceName}' is not embedded in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    /// <summary>A path as a config file gives it: absolute as it is, relative to <paramref name="baseDirectory"/> otherwise.</summary>
    public static string Resolve(string baseDirectory, string path)
    {
        ArgumentNullException.ThrowIfNull(baseDirectory);
        ArgumentNullException.ThrowIfNull(path);
        return Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(baseDirectory, path));
    }

    /// <summary>The entries of a data file on disk.</summary>
    public static IReadOnlyList<string[]> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader);
    }

    /// <summary>Parses entries from a reader.</summary>
    public static IReadOnlyList<string[]> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            entries.Add(line.Split('\t', StringSplitOptions.TrimEntries));
        }

        return entries;
    }
}
