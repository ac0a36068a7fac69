using Dossier.Tests.TestKit;

namespace Dossier.Tests.Cli;

/// <summary>'dossier show': finds a document by any reasonable name of its source, prints nothing a terminal would obey, and only reads the store.</summary>
public class ShowTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    private const string Article = "Minister rejects report\n\nThe minister said on Monday that the report was false.\n\nHe added that the camps do not exist.\n";

    [Fact]
    public void Show_FindsADocumentByFullPath_AndByAUniqueFileName()
    {
        using var dir = new TempDir();
        var folder = Directory.CreateDirectory(dir.File("in")).FullName;
        File.WriteAllText(Path.Combine(folder, "report.txt"), Article);
        var db = dir.File("d.db");
        var asGiven = Path.Combine(folder, "..", "in", "report.txt");
        Assert.Equal(0, Run("ingest", asGiven, "--db", db).Code);

        Assert.Equal(0, Run("show", asGiven, "--db", db).Code);
        var (byPath, pathOut, _) = Run("show", Path.Combine(folder, "report.txt"), "--db", db);
        var (byName, nameOut, _) = Run("show", "report.txt", "--db", db);

        Assert.Equal(0, byPath);
        Assert.Contains("# Minister rejects report", pathOut, StringComparison.Ordinal);
        Assert.Equal(0, byName);
        Assert.Equal(pathOut, nameOut);
        Assert.Equal(["d.db"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Show_AFileNameTwoDocumentsHave_AsksForMore()
    {
        using var dir = new TempDir();
        var db = dir.File("d.db");
        foreach (var (folder, text) in new[] { ("a", Article), ("b", Article.Replace("Monday", "Tuesday", StringComparison.Ordinal)) })
        {
            Directory.CreateDirectory(dir.File(folder));
            File.WriteAllText(Path.Combine(dir.File(folder), "report.txt"), text);
            Assert.Equal(0, Run("ingest", Path.Combine(dir.File(folder), "report.txt"), "--db", db).Code);
        }

        var (code, _, error) = Run("show", "report.txt", "--db", db);

        Assert.Equal(1, code);
        Assert.Contains("'report.txt' names more than one document", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_EscapesControlCharactersInNamesAndText_ButKeepsLines()
    {
        using var dir = new TempDir();
        var name = dir.File("evil\u001b[2J\u202Ename.txt");
        File.WriteAllText(name, "Minister \u001b]0;owned\u0007 rejects report\n\nThe minister said on Monday\u009b that the report was false.\n\nHe added that the camps do not exist.\n");
        var db = dir.File("d.db");
        Assert.Equal(0, Run("ingest", name, "--db", db).Code);

        var (code, output, error) = Run("show", name, "--db", db);

        Assert.True(code == 0, error);
        Assert.Contains(@"source:    " + dir.Path + @"/evil\u001b[2J\u202ename.txt", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0007", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u009b", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", output, StringComparison.Ordinal);
        Assert.Contains("¶2 [", output, StringComparison.Ordinal);
    }

    [Fact]
    public void FailuresOnStderr_ShowControlCharactersAsEscapes()
    {
        using var dir = new TempDir();
        var name = dir.File("gone\u001b[31m\u202E.txt");

        var (code, _, error) = Run("analyze", dir.File("real.txt"), name);

        Assert.Equal(1, code);
        Assert.Contains(@"gone\u001b[31m\u202e.txt", error, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", error, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", error, StringComparison.Ordinal);
    }
}
