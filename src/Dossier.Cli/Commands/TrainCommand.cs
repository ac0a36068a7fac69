using System.CommandLine;
using Dossier.Nlp.Ner;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier train ner --config FILE</c>: trains a model from a config file.</summary>
internal static class TrainCommand
{
    public static Command Create(Lazy<CliContext> context)
    {
        var config = new Option<string>("--config", "-c")
        {
            Description = "The training config (corpora, seed, epochs, features, gazetteer sources, output folder).",
            Required = true,
        };
        var ner = new Command("ner", "Train the named-entity tagger (averaged perceptron) and write model, config and metadata together.") { config };
        ner.SetAction((parse, _) =>
        {
            var ctx = context.Value;
            var path = parse.GetRequiredValue(config);
            if (!File.Exists(path))
            {
                return Task.FromResult(ctx.Fail($"no config file {path}"));
            }

            var started = System.Diagnostics.Stopwatch.StartNew();
            new NerTrainer(message => ctx.Error.WriteLine($"[{started.Elapsed:mm\\:ss}] {message}")).TrainFromConfig(path);
            return Task.FromResult(ExitCodes.Success);
        });
        return new Command("train", "Train a model from data in ../shared/data.") { ner };
    }
}
