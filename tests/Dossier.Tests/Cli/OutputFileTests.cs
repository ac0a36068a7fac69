using Dossier.Cli;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Cli;

/// <summary>Where <c>analyze</c> writes: an unwritable <c>--output</c> is refused before any input is read, and a failed write leaves the file as it was.</summary>
public class OutputFileTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Analyze_IntoAMissingFolder_FailsBeforeReadingAnything()
    {
        using var dir = new TempDir();
        var target = Path.Combine(dir.Path, "no-such-folder", "brief.md");

        var (code, output, error) = Run("analyze", Repo.Seeds, "/no/such/input.txt", "-o", target);

        Assert.Equal(4, code);
        Assert.Contains($"dossier: error: cannot write to '{target}': the folder", error, StringComparison.Ordinal);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        Assert.DoesNotContain("input.txt", error, StringComparison.Ordinal); // no input was read
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.False(Directory.Exists(Path.GetDirectoryName(target)));
    }

    [Fact]
    public void Analyze_OntoAFolder_FailsClearly()
    {
        using var dir = new TempDir();

        var (code, _, error) = Run("analyze", Repo.Seeds, "-o", dir.Path);

        Assert.Equal(4, code);
        Assert.Contains("it is a folder", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Analyze_ToAFile_ReplacesItWhenDone_AndLeavesNoTemporaryFile()
    {
        using var dir = new TempDir();
        var target = dir.File("brief.md");
        File.WriteAllText(target, "old");

        var (code, output, _) = Run("analyze", Repo.SeedFiles[0], "-o", target);

        Assert.Equal(0, code);
        Assert.Empty(output);
        Assert.StartsWith("# Dossier brief", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Equal(["brief.md"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void AFailedWrite_LeavesTheExistingFileIntact_AndRemovesTheTemporaryFile()
    {
        using var dir = new TempDir();
        var target = dir.File("brief.md");
        File.WriteAllText(target, "the previous brief");

        var problem = OutputFile.Write(target, w =>
        {
            w.Write("half a brief");
            w.Flush();
            throw new IOException("No space left on device");
        });

        Assert.Equal($"cannot write to '{target}': No space left on device; the file was not changed", problem);
        Assert.Equal("the previous brief", File.ReadAllText(target));
        Assert.Equal(["brief.md"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Analyze_WhenNoInputCanBeRead_PrintsNoBrief_AndWritesNoFile()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("empty.txt"), []);
        var target = dir.File("brief.md");

        var (code, output, error) = Run("analyze", dir.File("empty.txt"));
        var (fileCode, _, _) = Run("analyze", dir.File("empty.txt"), "-o", target);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("empty.txt: the file is empty", error, StringComparison.Ordinal);
        Assert.Contains("dossier: error: no input could be read (each is named above); no brief was written", error, StringComparison.Ordinal);
        Assert.Equal(1, fileCode);
        Assert.False(File.Exists(target));
    }
}
