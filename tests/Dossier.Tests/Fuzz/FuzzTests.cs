using System.Diagnostics;
using CsCheck;
using Dossier.Analysis;
using Dossier.Analysis.Reporting;
using Dossier.Extraction.Ingestion;
using Dossier.Tests.TestKit;
using Xunit.Abstractions;

namespace Dossier.Tests.Fuzz;

/// <summary>
/// The fuzzing harness: hostile documents (see <see cref="HostileInputs"/>) read as the CLI reads
/// them, each of which must be read or fail with a clear error naming it, under the per-document
/// limits, and whose analysis and briefs must be written. CI runs a short pass; the long run is
/// <c>DOSSIER_FUZZ_ITERATIONS=5000 DOSSIER_FUZZ_SCALE=4 dotnet test tests/Dossier.Tests --filter FullyQualifiedName~Fuzz</c>
/// (see tests/Dossier.Tests/Fuzz/RESULTS.md); a failure prints the seed that replays it
/// (<c>DOSSIER_FUZZ_SEED</c>). Every failure it finds becomes a file in <c>corpus/</c> with its expected outcome.
/// </summary>
[Collection(Timed.Name)]
public class FuzzTests(ITestOutputHelper output)
{
    /// <summary>Errors that mean the engine broke, not the input: an exception nobody turned into a reason.</summary>
    private static readonly DossierErrorCode[] Crashes = [DossierErrorCode.Unknown, DossierErrorCode.ComponentFailed];

    private static readonly DocumentLimits Limits = new() { MaxTime = TimeSpan.FromSeconds(30) };

    private static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("DOSSIER_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : 60;

    private static string? Seed => Environment.GetEnvironmentVariable("DOSSIER_FUZZ_SEED");

    [Fact]
    public void HostileInputs_AreReadOrFailWithAClearError_AndTheirAnalysisIsWritten()
    {
        var reader = new BatchReader(new DocumentLoader(), Models.Pipeline.WithLimits(Limits), parallelism: 1);
        var (read, failed, slowest, largest) = (0, 0, 0.0, 0L);
        var codes = new Dictionary<DossierErrorCode, int>();
        HostileInputs.Any.Sample(
            input =>
            {
                using var dir = new TempDir();
                var path = dir.File("input" + input.Extension);
                File.WriteAllBytes(path, input.Bytes);
                var clock = Stopwatch.StartNew();
                var outcomes = reader.Run([path]).ToList();
                var seconds = clock.Elapsed.TotalSeconds;
                Assert.NotEmpty(outcomes);
                foreach (var outcome in outcomes)
                {
                    Check(input, outcome);
                }

                var documents = outcomes.Where(o => o.Succeeded).Select(o => o.Document!).ToList();
                WriteEverything(documents, outcomes.Where(o => !o.Succeeded).Select(o => new InputFailure(o.Source, o.Error!.Code, o.Error.Message)).ToList());
                lock (codes)
                {
                    read += documents.Count;
                    failed += outcomes.Count - documents.Count;
                    foreach (var o in outcomes.Where(o => !o.Succeeded))
                    {
                        codes[o.Error!.Code] = codes.GetValueOrDefault(o.Error.Code) + 1;
                    }

                    slowest = Math.Max(slowest, seconds);
                    largest = Math.Max(largest, input.Bytes.Length);
                }
            },
            iter: Iterations,
            threads: 1,
            seed: Seed,
            print: input => input.ToString());
        output.WriteLine($"{Iterations} inputs (scale {HostileInputs.Scale}): {read} documents read, {failed} failed ({string.Join(", ", codes.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"))}); largest {largest:N0} bytes; slowest {slowest:F1} s");
    }

    /// <summary>Every file in corpus/ (inputs that once broke something, and the issue's pathological cases) is read or fails as expected.tsv says.</summary>
    [Fact]
    public void Corpus_EveryCase_EndsAsRecorded()
    {
        var folder = Path.Combine(Repo.Root, "tests", "Dossier.Tests", "Fuzz", "corpus");
        var expected = File.ReadAllLines(Path.Combine(folder, "expected.tsv"))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('\t'))
            .ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);
        var files = Directory.GetFiles(folder).Where(f => Path.GetFileName(f) is not ("expected.tsv" or "README.md")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), files.Select(Path.GetFileName));
        var reader = new BatchReader(new DocumentLoader(), Models.Pipeline.WithLimits(Limits), parallelism: 1);
        foreach (var file in files)
        {
            var input = new HostileInput(Path.GetFileName(file), Path.GetExtension(file), File.ReadAllBytes(file));
            var outcomes = reader.Run([file]).ToList();
            foreach (var outcome in outcomes)
            {
                Check(input, outcome);
            }

            var first = outcomes[0];
            var got = first.Succeeded ? "read" : first.Error!.Code.ToString();
            Assert.True(expected[input.Name] == got, $"{input.Name}: expected {expected[input.Name]}, got {got}{(first.Error is { } e ? ": " + e.Message : string.Empty)}");
            WriteEverything([.. outcomes.Where(o => o.Succeeded).Select(o => o.Document!)], []);
        }
    }

    private static void Check(HostileInput input, InputOutcome outcome)
    {
        if (outcome.Error is { } error)
        {
            Assert.False(Crashes.Contains(error.Code), $"{input}: the engine broke: [{error.Code}] {error.Message}\n{error.InnerException}");
            Assert.False(string.IsNullOrWhiteSpace(error.Message), $"{input}: an error without a reason");
            Assert.False(string.IsNullOrEmpty(error.DocumentSource), $"{input}: an error that names no document");
            return;
        }

        var document = outcome.Document!;
        Assert.NotEmpty(document.Text);
        foreach (var key in document.LayerKeys.Where(k => !DocumentLimits.Structure.Contains(k)))
        {
            Assert.True(document.Measure(key).Count <= Limits.MaxItems, $"{input}: layer {key} is over the limit");
        }
    }

    /// <summary>The analysis and the three outputs of what was read: none may throw.</summary>
    private static void WriteEverything(List<Document> documents, List<InputFailure> failures)
    {
        var analysis = new CorpusAnalysis(documents, failures, Models.Pipeline.Adds, Models.Kb);
        using (var json = new MemoryStream())
        {
            AnalysisJsonWriter.Write(json, analysis);
            Assert.True(json.Length > 0);
        }

        MarkdownBriefWriter.Write(TextWriter.Null, analysis);
        HtmlBriefWriter.Write(TextWriter.Null, analysis);
    }
}

/// <summary>
/// Tests that hold documents to a wall-time limit run alone, not beside the rest of the suite: on a
/// machine of two cores, other test classes running in parallel take the time the limit is about
/// (the 240 KB no-full-stop.txt takes 22 s of its 30 in a Debug build alone).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Timed
{
    /// <summary>The collection's name.</summary>
    public const string Name = "timed";
}
