namespace Dossier.Tests.TestKit;

/// <summary>Paths of the repository and of ../shared, found from the test's output folder.</summary>
public static class Repo
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dossier.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Dossier.slnx not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Seeds => Path.Combine(Root, "samples", "seeds");

    public static string Golden => Path.Combine(Root, "tests", "Dossier.Tests", "Golden");

    /// <summary>../shared beside the repository (CI clones it there).</summary>
    public static string Shared
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(path) ? path : throw new InvalidOperationException($"../shared is expected beside the repository, at {path}.");
        }
    }

    public static IReadOnlyList<string> SeedFiles => [.. Directory.GetFiles(Seeds, "*.txt").Order(StringComparer.Ordinal)];
}

/// <summary>A temporary folder deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dossier-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platform: leave it to the OS's temp cleaning.
        }
    }
}
