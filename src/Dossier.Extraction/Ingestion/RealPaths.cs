namespace Dossier.Extraction.Ingestion;

/// <summary>
/// The real path of a file or folder: absolute, with every link along it resolved, so two names of
/// one place compare equal. Resolution is bounded: a loop of links has no real path.
/// </summary>
internal static class RealPaths
{
    /// <summary>Links followed at most while resolving one path (as the kernel's ELOOP limit).</summary>
    private const int MaxLinks = 40;

    /// <summary>The real path, or null when a link loops or cannot be read. A path that does not exist resolves as far as it exists.</summary>
    public static string? Resolve(string path)
    {
        var links = 0;
        try
        {
            return Resolve(Path.GetFullPath(path), ref links);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static string? Resolve(string fullPath, ref int links)
    {
        var root = Path.GetPathRoot(fullPath) ?? string.Empty;
        var current = root;
        foreach (var part in fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    return null;
                }

                // current holds no links, so a relative target's '..' can be resolved by text.
                var resolved = Resolve(Path.GetFullPath(target, current), ref links);
                if (resolved is null)
                {
                    return null;
                }

                next = resolved;
            }

            current = next;
        }

        return current;
    }
}
