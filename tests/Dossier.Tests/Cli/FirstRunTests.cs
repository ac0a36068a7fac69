using System.Text.RegularExpressions;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Cli;

/// <summary>The README's two commands on a fresh machine: the test command is the script that finds or installs what the tests need, and CI runs exactly it.</summary>
public partial class FirstRunTests
{
    [GeneratedRegex(@"## The two commands\n(?<section>.*?)\n## ", RegexOptions.Singleline)]
    private static partial Regex TwoCommands();

    private static string[] Commands(string section) =>
        [.. section.Split('\n').Where(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l.Trim())];

    [Fact]
    public void Readme_TestCommand_IsTheScriptThatCiRuns()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        var commands = Commands(TwoCommands().Match(readme).Groups["section"].Value);
        Assert.Equal(["dotnet run --project src/Dossier.Cli -- analyze samples/seeds", "scripts/test"], commands);

        var ci = File.ReadAllLines(Path.Combine(Repo.Root, ".ci", "run")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.Equal("exec scripts/test", ci[^1]);
    }

    [Fact]
    public void TestScript_InstallsChromiumWhenMissing_AndRunsEveryTest()
    {
        var script = Path.Combine(Repo.Root, "scripts", "test");
        Assert.True(OperatingSystem.IsWindows() || (File.GetUnixFileMode(script) & UnixFileMode.UserExecute) != 0, "scripts/test is not executable");
        var text = File.ReadAllText(script);
        Assert.Contains("[ ! -x /usr/bin/chromium ]", text, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y -qq chromium", text, StringComparison.Ordinal);
        Assert.Contains("exec dotnet test Dossier.slnx", text, StringComparison.Ordinal);
    }
}
