namespace Dossier.Storage;

/// <summary>
/// Finds documents by the path they were read from when the key is not the source exactly as
/// stored (a relative path as given at ingest): by full path, then by file name when only one
/// document has it.
/// </summary>
internal static class SourceMatch
{
    /// <summary>The ids of the documents <paramref name="key"/> names among <paramref name="sources"/> (id, source): those with the same full path, else those with the same file name; distinct, in the order given.</summary>
    public static List<string> Ids(string key, IEnumerable<(string Id, string Source)> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var all = sources.ToList();
        var full = FullPath(key);
        var byPath = all.Where(s => full is not null && FullPath(s.Source) == full).Select(s => s.Id).Distinct().ToList();
        if (byPath.Count > 0)
        {
            return byPath;
        }

        var name = Path.GetFileName(key);
        return name.Length == 0 ? [] : [.. all.Where(s => Path.GetFileName(s.Source) == name).Select(s => s.Id).Distinct()];
    }

    private static string? FullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }
}
