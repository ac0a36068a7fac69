using System.Diagnostics;
using Dossier.Extraction.Ingestion;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Extraction;

public class InputPathsTests
{
    private static (List<string> Files, List<PathNote> Notes) Expand(IEnumerable<string> paths, int maxDepth = InputPaths.DefaultMaxDepth)
    {
        var notes = new List<PathNote>();
        var files = new InputPaths(notes.Add, maxDepth).Expand(paths).ToList();
        return (files, notes);
    }

    private static string Write(TempDir dir, string relative)
    {
        var path = dir.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "Some text.");
        return path;
    }

    [Fact]
    public void SymlinkLoops_EachRealFileIsVisitedOnceAndTheLoopsAreReported()
    {
        using var dir = new TempDir();
        var a = Write(dir, "a.txt");
        var b = Write(dir, Path.Combine("sub", "b.html"));
        Directory.CreateSymbolicLink(dir.File(Path.Combine("sub", "up")), "..");
        Directory.CreateSymbolicLink(dir.File("self"), dir.Path);
        File.CreateSymbolicLink(dir.File("again.txt"), a);
        File.CreateSymbolicLink(dir.File("nowhere.txt"), dir.File("missing.txt"));

        var watch = Stopwatch.StartNew();
        var (files, notes) = Expand([dir.Path]);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Equal([a, b], files);
        var skipped = notes.Where(n => n.Kind == PathNoteKind.LinkSkipped).Select(n => Path.GetFileName(n.Path)).Order(StringComparer.Ordinal);
        Assert.Equal(["again.txt", "nowhere.txt", "self", "up"], skipped);
    }

    [Fact]
    public void Folders_ReadOnlyTheKindsDossierReadsAndListTheOthers()
    {
        using var dir = new TempDir();
        string[] read = ["a.txt", "b.text", "c.html", "d.htm", "e.xhtml", "f.shtml", "g.rss", "h.atom", "i.xml", "j.feed", "k.rdf", "l.warc", "m.warc.gz", "n.html.gz", "o.TXT.GZ"];
        string[] other = ["data.json", "table.csv", "Directory.Build.props", "photo.jpg", "README"];
        foreach (var name in read.Concat(other))
        {
            Write(dir, name);
        }

        Write(dir, ".hidden.txt");
        var (files, notes) = Expand([dir.Path, dir.File("data.json")]);

        Assert.Equal([.. read.Select(dir.File).Order(StringComparer.Ordinal), dir.File("data.json")], files);
        Assert.Equal(other.Order(StringComparer.Ordinal), notes.Where(n => n.Kind == PathNoteKind.SkippedFile).Select(n => Path.GetFileName(n.Path)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(notes, n => n.Path.Contains(".hidden", StringComparison.Ordinal));
    }

    [Fact]
    public void Order_IsTheOrdinalOrderOfTheFullPaths()
    {
        using var dir = new TempDir();
        string[] names = ["a0.txt", Path.Combine("a", "b.txt"), "a.txt", "a-b.txt", Path.Combine("a", "c", "d.txt"), Path.Combine("a", "c.txt"), "B.txt"];
        var paths = names.Select(n => Write(dir, n)).ToList();

        var (files, _) = Expand([dir.Path]);

        Assert.Equal(paths.Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void DepthLimit_IsReported()
    {
        using var dir = new TempDir();
        var shallow = Write(dir, Path.Combine("1", "2", "ok.txt"));
        Write(dir, Path.Combine("1", "2", "3", "deep.txt"));

        var (files, notes) = Expand([dir.Path], maxDepth: 2);

        Assert.Equal([shallow], files);
        var note = Assert.Single(notes);
        Assert.Equal((PathNoteKind.TooDeep, dir.File(Path.Combine("1", "2", "3"))), (note.Kind, note.Path));
        Assert.Contains("2 levels", note.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderThatCannotBeListed_IsReportedAndTheOthersRead()
    {
        using var dir = new TempDir();
        var a = Write(dir, Path.Combine("open", "a.txt"));
        Write(dir, Path.Combine("locked", "b.txt"));
        var notes = new List<PathNote>();
        IEnumerable<FileSystemInfo> List(string folder) => Path.GetFileName(folder) == "locked"
            ? throw new UnauthorizedAccessException("Access to the path is denied.")
            : new DirectoryInfo(folder).EnumerateFileSystemInfos();

        var files = new InputPaths(notes.Add, InputPaths.DefaultMaxDepth, List).Expand([dir.Path]).ToList();

        Assert.Equal([a], files);
        var note = Assert.Single(notes);
        Assert.Equal((PathNoteKind.Unlistable, dir.File("locked")), (note.Kind, note.Path));
        Assert.Contains("denied", note.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Expansion_IsLazy()
    {
        using var dir = new TempDir();
        Write(dir, Path.Combine("a", "1.txt"));
        Write(dir, Path.Combine("b", "2.txt"));
        var listed = new List<string>();
        IEnumerable<FileSystemInfo> List(string folder)
        {
            listed.Add(Path.GetFileName(folder));
            return new DirectoryInfo(folder).EnumerateFileSystemInfos();
        }

        var first = new InputPaths(null, InputPaths.DefaultMaxDepth, List).Expand([dir.Path]).First();

        Assert.EndsWith("1.txt", first, StringComparison.Ordinal);
        Assert.DoesNotContain("b", listed);
    }

    [Fact]
    public void Report_SummarisesSkippedFilesAndEscapesControlCharacters()
    {
        var report = new InputPathReport();
        foreach (var name in new[] { "a.json", "b.json", "c.csv", "d\u001b[31m.json" })
        {
            report.Add(new PathNote(PathNoteKind.SkippedFile, Path.Combine("in", name), "not a kind of file Dossier reads"));
        }

        report.Add(new PathNote(PathNoteKind.Unlistable, "in/\u202Eevil", "the folder could not be listed"));

        var lines = report.Lines().ToList();

        Assert.Equal(2, lines.Count);
        Assert.StartsWith("skipped 4 files of kinds Dossier does not read (3 .json, 1 .csv): ", lines[0], StringComparison.Ordinal);
        Assert.Equal("in/\\u202eevil: the folder could not be listed", lines[1]);
        Assert.All(lines, l => Assert.DoesNotContain(l, c => c < ' ' || c is '\u202E'));
    }
}
