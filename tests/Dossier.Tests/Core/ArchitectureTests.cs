using System.Text.RegularExpressions;
using System.Xml.Linq;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Core;

/// <summary>The project graph: what docs/ARCHITECTURE.md says is what the csproj files declare, and
/// the runtime never reaches training or evaluation code.</summary>
public sealed partial class ArchitectureTests
{
    private static readonly string[] Runtime = ["Dossier.Core", "Dossier.Knowledge", "Dossier.Extraction", "Dossier.Nlp", "Dossier.Analysis", "Dossier.Storage"];
    private static readonly string[] Offline = ["Dossier.Training", "Dossier.Evaluation"];

    private static Dictionary<string, SortedSet<string>> Declared()
    {
        var graph = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var csproj in Directory.GetFiles(Path.Combine(Repo.Root, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            var references = XDocument.Load(csproj).Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')));
            graph[Path.GetFileNameWithoutExtension(csproj)] = new SortedSet<string>(references, StringComparer.Ordinal);
        }

        return graph;
    }

    private static Dictionary<string, SortedSet<string>> Documented()
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, "docs", "ARCHITECTURE.md"));
        var start = text.IndexOf("<!-- project-references -->", StringComparison.Ordinal);
        var end = text.IndexOf("<!-- /project-references -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/ARCHITECTURE.md lost its project-references table");
        var graph = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (Match row in TableRow().Matches(text[start..end]))
        {
            var references = row.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(r => r != "—");
            graph[row.Groups[1].Value] = new SortedSet<string>(references, StringComparer.Ordinal);
        }

        return graph;
    }

    private static SortedSet<string> Reachable(Dictionary<string, SortedSet<string>> graph, string from)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(graph.GetValueOrDefault(from) ?? []);
        while (stack.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var r in graph.GetValueOrDefault(next) ?? [])
                {
                    stack.Push(r);
                }
            }
        }

        return seen;
    }

    [Fact]
    public void TheDocumentedGraph_IsTheCsprojGraph()
    {
        var declared = Declared();
        var documented = Documented();
        Assert.Equal(declared.Keys.Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
        foreach (var (project, references) in declared)
        {
            Assert.True(references.SetEquals(documented[project]),
                $"{project}: csproj references [{string.Join(", ", references)}], docs/ARCHITECTURE.md says [{string.Join(", ", documented[project])}]");
        }
    }

    [Fact]
    public void TheRuntime_NeverReachesTrainingOrEvaluation()
    {
        var declared = Declared();
        foreach (var project in Runtime)
        {
            Assert.True(declared.ContainsKey(project), $"{project} is not under src/");
            var reached = Reachable(declared, project);
            Assert.Empty(reached.Intersect(Offline));
        }
    }

    [Fact]
    public void TheRuntimeAssemblies_DoNotLoadTrainingOrEvaluation()
    {
        Type[] runtime = [typeof(Dossier.Document), typeof(Dossier.Knowledge.KnowledgeBase), typeof(Dossier.Extraction.Ingestion.BatchReader), typeof(Dossier.Nlp.Ner.NerModel),
            typeof(Dossier.Analysis.CorpusAnalysis), typeof(Dossier.Storage.IDocumentStore)];
        Assert.Equal(Runtime, runtime.Select(t => t.Assembly.GetName().Name!));
        foreach (var assembly in runtime.Select(t => t.Assembly))
        {
            var referenced = assembly.GetReferencedAssemblies().Select(a => a.Name!);
            Assert.Empty(referenced.Intersect(Offline));
        }
    }

    /// <summary>Rooms a newcomer can read: no source file over 600 lines (split a class by job before it grows past that).</summary>
    [Fact]
    public void NoSourceFile_IsOver600Lines()
    {
        var over = Directory.GetFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(Repo.Root, f), Lines: File.ReadLines(f).Count()))
            .Where(x => x.Lines > 600)
            .Select(x => $"{x.File}: {x.Lines} lines");
        Assert.Empty(over);
    }

    [GeneratedRegex(@"^\| (Dossier\.\w+) \| ([^|]+) \|$", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
