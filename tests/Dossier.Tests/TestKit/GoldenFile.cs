namespace Dossier.Tests.TestKit;

/// <summary>
/// Golden files people can read: compares exactly; on a difference writes the actual output
/// beside the expected file as NAME.actual.txt (ignored by git) and fails with the first
/// differing line. Set DOSSIER_UPDATE_GOLDEN=1 to rewrite the expected files.
/// </summary>
public static class GoldenFile
{
    public static void AssertMatches(string expectedPath, string actual)
    {
        var actualPath = Path.ChangeExtension(expectedPath, null) + ".actual.txt";
        if (Environment.GetEnvironmentVariable("DOSSIER_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedPath, actual);
            return;
        }

        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            if (File.Exists(actualPath))
            {
                File.Delete(actualPath);
            }

            return;
        }

        File.WriteAllText(actualPath, actual);
        if (expected is null)
        {
            Assert.Fail($"No golden file {expectedPath}; the actual output is in {actualPath}.");
        }

        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var line = 0;
        while (line < Math.Min(e.Length, a.Length) && e[line] == a[line])
        {
            line++;
        }

        Assert.Fail(
            $"{Path.GetFileName(expectedPath)} differs at line {line + 1} (exact comparison).\n" +
            $"expected: {(line < e.Length ? e[line] : "<end>")}\n" +
            $"actual:   {(line < a.Length ? a[line] : "<end>")}\n" +
            $"The actual output is in {actualPath}.");
    }
}
