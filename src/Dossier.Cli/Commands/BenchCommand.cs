using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Dossier.Extraction.Decoding;
using Dossier.Extraction.Html;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier bench extract --dataset DIR [--peers NODE_MODULES]</c>: extraction speed on a page
/// collection, single thread and all cores, with memory; and, in the same run, Mozilla
/// Readability (+linkedom, +jsdom) on the same pages through node, so the ratio is side by side.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(Lazy<CliContext> context)
    {
        var dataset = new Option<string>("--dataset", "-d") { Description = "A folder of pages: trafilatura-eval (html/*.html.gz), Readability's test pages (*/source.html.gz) or plain .html files.", Required = true };
        var rounds = new Option<int>("--rounds") { Description = "Timed rounds over every page (the median is reported); a warm-up pass runs first.", DefaultValueFactory = _ => 3 };
        var peers = new Option<string?>("--peers") { Description = "The node_modules folder of ../shared/peers/node after 'npm ci': also time Mozilla Readability on the same pages." };
        var jsdomRounds = new Option<int>("--jsdom-rounds") { Description = "Timed rounds for Readability + jsdom (slow; 0 skips it).", DefaultValueFactory = _ => 1 };
        var script = new Option<string>("--script") { Description = "The node script that times Readability.", DefaultValueFactory = _ => Path.Combine("benchmarks", "peers", "readability-pages.js") };
        var extract = new Command("extract", "Pages per second, MB/s and memory of HTML extraction; with --peers, Mozilla Readability on the same pages in the same run.") { dataset, rounds, peers, jsdomRounds, script };
        extract.SetAction((parse, _) =>
        {
            var ctx = context.Value;
            var pages = LoadPages(parse.GetRequiredValue(dataset));
            if (pages.Count == 0)
            {
                return Task.FromResult(ctx.Fail($"no pages found in {parse.GetRequiredValue(dataset)}"));
            }

            var n = Math.Max(1, parse.GetValue(rounds));
            var megabytes = pages.Sum(p => (long)p.Length) / 1048576.0;
            ctx.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pages.Count} pages, {megabytes:F1} MB of HTML; {Environment.ProcessorCount} cores; median of {n} rounds after a warm-up pass"));
            ctx.Output.WriteLine("| extractor | threads | pages/s | MB/s | median round (s) | memory |");
            ctx.Output.WriteLine("|---|---|---|---|---|---|");

            var extractor = HtmlArticleExtractor.Default;
            void One(byte[] bytes)
            {
                try
                {
                    extractor.Extract(TextDecoder.DecodeMarkup(bytes, "bench").Text);
                }
                catch (DossierException)
                {
                    // A page the extractor refuses costs what it cost; the run goes on.
                }
            }

            foreach (var page in pages)
            {
                One(page);
            }

            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var single = Median(n, () =>
            {
                foreach (var page in pages)
                {
                    One(page);
                }
            });
            var allocatedPerPage = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)n / pages.Count / 1048576.0;
            var multi = Median(n, () => Parallel.ForEach(pages, One));
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
            Row("Dossier", "1", single, $"{allocatedPerPage:F1} MB allocated per page");
            Row("Dossier", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), multi, $"peak working set {peak:F0} MB (the {megabytes:F0} MB of pages held in memory included)");

            if (parse.GetValue(peers) is { } modules)
            {
                var folder = Path.Combine(Path.GetTempPath(), "dossier-bench-" + Guid.NewGuid().ToString("N")[..8]);
                Directory.CreateDirectory(folder);
                try
                {
                    for (var i = 0; i < pages.Count; i++)
                    {
                        string text;
                        try
                        {
                            text = TextDecoder.DecodeMarkup(pages[i], "bench").Text;
                        }
                        catch (DossierException)
                        {
                            continue;
                        }

                        File.WriteAllText(Path.Combine(folder, $"{i:D5}.html"), text, new UTF8Encoding(false));
                    }

                    foreach (var (dom, r) in new[] { ("linkedom", n), ("jsdom", parse.GetValue(jsdomRounds)) })
                    {
                        if (r <= 0)
                        {
                            continue;
                        }

                        var (peer, problem) = RunNode(parse.GetValue(script)!, folder, dom, r, Path.GetFullPath(modules));
                        if (peer is null)
                        {
                            ctx.Error.WriteLine($"dossier: warning: Readability + {dom} could not be run (is node on PATH and --peers the node_modules of ../shared/peers/node?): {problem}");
                            continue;
                        }

                        var seconds = peer.Value.GetProperty("medianSec").GetDouble();
                        ctx.Output.WriteLine(string.Create(
                            CultureInfo.InvariantCulture,
                            $"| Mozilla Readability + {dom} (node {NodeVersion()}) | 1 | {pages.Count / seconds:F1} | {megabytes / seconds:F2} | {seconds:F2} | peak RSS {peer.Value.GetProperty("peakRssMb").GetInt32()} MB |"));
                        ctx.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Dossier single thread is {seconds / single:F1}x Readability + {dom}"));
                    }
                }
                finally
                {
                    Directory.Delete(folder, recursive: true);
                }
            }

            return Task.FromResult(ExitCodes.Success);

            void Row(string name, string threads, double seconds, string memory) =>
                ctx.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {threads} | {pages.Count / seconds:F1} | {megabytes / seconds:F2} | {seconds:F2} | {memory} |"));
        });
        return new Command("bench", "Measure speed side by side with peer tools.") { extract };
    }

    private static List<byte[]> LoadPages(string dataset)
    {
        var files = Directory.Exists(dataset)
            ? Directory.EnumerateFiles(dataset, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase) && !Path.GetFileName(f).StartsWith("expected", StringComparison.Ordinal)
                    || f.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToList()
            : [];
        return [.. files.Select(f =>
        {
            if (!f.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                return File.ReadAllBytes(f);
            }

            using var gz = new GZipStream(File.OpenRead(f), CompressionMode.Decompress);
            using var output = new MemoryStream();
            gz.CopyTo(output);
            return output.ToArray();
        })];
    }

    private static double Median(int rounds, Action run)
    {
        var times = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            var clock = Stopwatch.StartNew();
            run();
            times.Add(clock.Elapsed.TotalSeconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static (JsonElement? Result, string Problem) RunNode(string script, string folder, string dom, int rounds, string modules)
    {
        if (!File.Exists(script))
        {
            return (null, $"no script {script}");
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // jsdom holds more than node's default heap over 990 pages even with each window closed.
        foreach (var arg in new[] { "--max-old-space-size=8192", script, folder, $"--dom={dom}", $"--rounds={rounds}", $"--modules={modules}" })
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return (null, "node did not start");
            }

            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'));
            var error = stderr.GetAwaiter().GetResult();
            return process.ExitCode == 0 && line is not null
                ? (JsonDocument.Parse(line).RootElement.Clone(), string.Empty)
                : (null, $"exit code {process.ExitCode}: {error[Math.Max(0, error.Length - 400)..].Trim()}");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (null, ex.Message);
        }
    }

    private static string NodeVersion()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            var version = process?.StandardOutput.ReadToEnd().Trim();
            process?.WaitForExit();
            return version ?? "?";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }
}
