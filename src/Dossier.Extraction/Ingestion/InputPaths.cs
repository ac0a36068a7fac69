using System.Security;

namespace Dossier.Extraction.Ingestion;

/// <summary>What a path expansion noticed and did not read.</summary>
public enum PathNoteKind
{
    /// <summary>A file found in a folder that is not of a kind Dossier reads.</summary>
    SkippedFile,

    /// <summary>A folder that could not be listed (permissions, I/O); its files were not read.</summary>
    Unlistable,

    /// <summary>A folder nested deeper than the depth limit; it was not read.</summary>
    TooDeep,

    /// <summary>A link not followed: to a folder or file already read (a loop), broken or unresolvable.</summary>
    LinkSkipped,
}

/// <summary>One thing a path expansion noticed.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Path">The file or folder concerned, as found.</param>
/// <param name="Reason">Why it was not read, for the user.</param>
public sealed record PathNote(PathNoteKind Kind, string Path, string Reason);

/// <summary>
/// Turns the paths a user named into the files to read. A file named is always tried, whatever its
/// extension. A folder is walked by this class, one folder at a time in ordinal order (the order of
/// the full paths), lazily: each real file is visited once, a link is followed only to a real path
/// not yet seen (so link loops end), hidden entries are skipped, and only the kinds of files Dossier
/// reads are taken (<see cref="IsReadKind"/>). What it does not read — other files, folders it
/// cannot list, folders past the depth limit, links not followed — is reported as a
/// <see cref="PathNote"/>, never skipped silently.
/// </summary>
public sealed class InputPaths
{
    /// <summary>Folders nested deeper than this below a named folder are not read (and reported).</summary>
    public const int DefaultMaxDepth = 64;

    private static readonly string[] ReadExtensions =
    [
        ".txt", ".text", ".html", ".htm", ".xhtml", ".shtml", ".rss", ".atom", ".xml", ".feed", ".rdf", ".warc",
    ];

    private static readonly EnumerationOptions ListOptions = new()
    {
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
    };

    private readonly Action<PathNote> _report;
    private readonly int _maxDepth;
    private readonly Func<string, IEnumerable<FileSystemInfo>> _list;

    /// <summary>Creates an expander that reports what it does not read to <paramref name="report"/>.</summary>
    public InputPaths(Action<PathNote>? report = null, int maxDepth = DefaultMaxDepth)
        : this(report, maxDepth, folder => new DirectoryInfo(folder).EnumerateFileSystemInfos("*", ListOptions))
    {
    }

    /// <summary>Creates an expander that lists folders with <paramref name="list"/> (tests: folders that cannot be listed).</summary>
    internal InputPaths(Action<PathNote>? report, int maxDepth, Func<string, IEnumerable<FileSystemInfo>> list)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        _report = report ?? (_ => { });
        _maxDepth = maxDepth;
        _list = list;
    }

    /// <summary>
    /// True when a file of this name is one Dossier reads from a folder: text, HTML, feeds and WARC
    /// archives, plain or gzip-compressed (<c>.html.gz</c>, <c>.warc.gz</c>).
    /// </summary>
    public static bool IsReadKind(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var inner = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
        return ReadExtensions.Contains(Path.GetExtension(inner).ToLowerInvariant());
    }

    /// <summary>The files the paths name, in order: files as given, folders walked.</summary>
    public IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return ExpandAll(paths, new Seen());
    }

    private IEnumerable<string> ExpandAll(IEnumerable<string> paths, Seen seen)
    {
        foreach (var path in paths)
        {
            if (!Directory.Exists(path))
            {
                if (File.Exists(path) && RealPaths.Resolve(path) is { } real)
                {
                    seen.Files.Add(real);
                }

                yield return path;
                continue;
            }

            var root = RealPaths.Resolve(path);
            if (root is null || !seen.Folders.Add(root))
            {
                _report(new PathNote(PathNoteKind.LinkSkipped, path, "the folder was already read"));
                continue;
            }

            foreach (var file in Walk(path, root, 0, seen))
            {
                yield return file;
            }
        }
    }

    private IEnumerable<string> Walk(string folder, string realFolder, int depth, Seen seen)
    {
        foreach (var entry in List(folder))
        {
            var path = Path.Combine(folder, entry.Name);
            var real = entry.LinkTarget is null ? Path.Combine(realFolder, entry.Name) : ResolveLink(entry, path);
            if (real is null)
            {
                continue;
            }

            if (entry is DirectoryInfo)
            {
                foreach (var file in Descend(path, real, depth + 1, seen))
                {
                    yield return file;
                }
            }
            else if (!IsReadKind(entry.Name))
            {
                _report(new PathNote(PathNoteKind.SkippedFile, path, "not a kind of file Dossier reads"));
            }
            else if (seen.Files.Add(real))
            {
                yield return path;
            }
            else
            {
                _report(new PathNote(PathNoteKind.LinkSkipped, path, "a link to a file already read; not read again"));
            }
        }
    }

    private IEnumerable<string> Descend(string path, string real, int depth, Seen seen)
    {
        if (depth > _maxDepth)
        {
            _report(new PathNote(PathNoteKind.TooDeep, path, $"the folder is nested more than {_maxDepth} levels deep; it was not read"));
            return [];
        }

        if (!seen.Folders.Add(real))
        {
            _report(new PathNote(PathNoteKind.LinkSkipped, path, "a link to a folder already read (a loop); not followed"));
            return [];
        }

        return Walk(path, real, depth, seen);
    }

    /// <summary>The entries of one folder, hidden ones left out, in the order of their full paths; empty (and reported) when it cannot be listed.</summary>
    private List<FileSystemInfo> List(string folder)
    {
        try
        {
            var entries = _list(folder).Where(e => !e.Name.StartsWith('.')).ToList();
            entries.Sort((a, b) => string.CompareOrdinal(SortKey(a), SortKey(b)));
            return entries;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SecurityException)
        {
            _report(new PathNote(PathNoteKind.Unlistable, folder, $"the folder could not be listed ({ex.Message}); its files were not read"));
            return [];
        }
    }

    /// <summary>A folder sorts as its name and a separator, so a walk yields paths in the ordinal order of the whole paths.</summary>
    private static string SortKey(FileSystemInfo entry) => entry is DirectoryInfo ? entry.Name + Path.DirectorySeparatorChar : entry.Name;

    private string? ResolveLink(FileSystemInfo entry, string path)
    {
        var real = RealPaths.Resolve(entry.FullName);
        if (real is null || !Path.Exists(real))
        {
            _report(new PathNote(PathNoteKind.LinkSkipped, path, "a broken link or a loop of links; not followed"));
            return null;
        }

        return real;
    }

    /// <summary>The real paths of the folders and files met so far in one expansion.</summary>
    private sealed class Seen
    {
        public HashSet<string> Folders { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Files { get; } = new(StringComparer.Ordinal);
    }
}
