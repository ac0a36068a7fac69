using System.CommandLine;
using System.Text.Json;
using Dossier.Training.Entities;
using Dossier.Training.Ner;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier build kb --config FILE</c>: builds the knowledge base from ../shared/data.</summary>
internal static class BuildCommand
{
    private static readonly JsonSerializerOptions ReadOptions = new() { PropertyNameCaseInsensitive = true };
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };

    private sealed record KbConfig(GazetteerSources Sources, string Output);

    public static Command Create(Lazy<CliContext> context)
    {
        var config = new Option<string>("--config", "-c") { Description = "The config: sources (GeoNames, OFAC SDN paths) and output folder.", Required = true };
        var kb = new Command("kb", "Build the knowledge base (countries, cities, regions, sanctioned organisations and their names) into models/kb.") { config };
        kb.SetAction((parse, _) =>
        {
            var ctx = context.Value;
            var path = parse.GetRequiredValue(config);
            if (!File.Exists(path))
            {
                return Task.FromResult(ctx.Fail($"no config file {path}"));
            }

            var parsed = JsonSerializer.Deserialize<KbConfig>(File.ReadAllText(path), ReadOptions)
                ?? throw new DossierException(DossierErrorCode.ReadFailed, $"{path} is not a knowledge-base config");
            var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var built = KnowledgeBaseBuilder.Build(parsed.Sources, baseDirectory);
            var output = Dossier.Text.DataFile.Resolve(baseDirectory, parsed.Output);
            built.Save(Path.Combine(output, "kb.tsv"));
            var counts = built.Entries.GroupBy(e => e.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
            File.WriteAllText(Path.Combine(output, "meta.json"), JsonSerializer.Serialize(new { built = "dossier build kb --config configs/kb.json", counts }, WriteOptions));
            ctx.Error.WriteLine($"{built.Entries.Count:N0} entries ({string.Join(", ", counts.Select(c => $"{c.Value:N0} {c.Key}"))}) written to {output}");
            return Task.FromResult(ExitCodes.Success);
        });
        return new Command("build", "Build a data file the engine ships from data in ../shared/data.") { kb };
    }
}
