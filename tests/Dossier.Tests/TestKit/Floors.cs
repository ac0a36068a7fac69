using System.Text.Json;

namespace Dossier.Tests.TestKit;

/// <summary>The quality floors pinned in eval/baseline.json.</summary>
public static class Floors
{
    /// <summary>A section of eval/baseline.json (its data path, epsilon and floors).</summary>
    public static JsonElement Section(string name)
    {
        using var baseline = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "eval", "baseline.json")));
        return baseline.RootElement.GetProperty(name).Clone();
    }

    /// <summary>The section's data path, resolved from the repository root.</summary>
    public static string DataPath(JsonElement section) => Path.GetFullPath(Path.Combine(Repo.Root, section.GetProperty("data").GetString()!));

    /// <summary>Asserts that every floor of the section (in its <paramref name="floors"/> object) is met by <paramref name="measured"/> within the section's epsilon.</summary>
    public static void AssertMet(JsonElement section, IReadOnlyDictionary<string, double> measured, string floors = "floors")
    {
        var epsilon = section.GetProperty("epsilon").GetDouble();
        foreach (var floor in section.GetProperty(floors).EnumerateObject())
        {
            Assert.True(measured[floor.Name] >= floor.Value.GetDouble() - epsilon, $"{floors}: {floor.Name} {measured[floor.Name]:F2} is below its floor {floor.Value.GetDouble():F2}");
        }
    }
}
