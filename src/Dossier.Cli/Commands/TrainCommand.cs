using System.CommandLine;
using Dossier.Training.Ner;
using Dossier.Training.Quotes;
using Dossier.Training.Stance;
using Dossier.Training.Syntax;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier train ner|quotes|parse|stance --config FILE</c>: trains a model from a config file.</summary>
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
        ner.SetAction((parse, _) => Run(parse, log => new NerTrainer(log).TrainFromConfig(parse.GetRequiredValue(config))));
        var quotes = new Command("quotes", "Train the attribution tagger (content, source, cue over the quote rules' output) and write model, config and metadata together.") { config };
        quotes.SetAction((parse, _) => Run(parse, log => new AttributionTrainer(log).TrainFromConfig(parse.GetRequiredValue(config))));
        var parseModels = new Command("parse", "Train the part-of-speech tagger, dependency parser and lemmatizer on UD English-EWT and write them, config and metadata together.") { config };
        parseModels.SetAction((parse, _) => Run(parse, log => new SyntaxTrainer(log).TrainFromConfig(parse.GetRequiredValue(config))));
        var stance = new Command("stance", "Train the stance model (how an article stands towards a claim) on FNC-1's train split, choosing the epoch on its dev part, and write model, config and metadata together.") { config };
        stance.SetAction((parse, _) => Run(parse, log => new StanceTrainer(log).TrainFromConfig(parse.GetRequiredValue(config))));
        return new Command("train", "Train a model from data in ../shared/data.") { ner, quotes, parseModels, stance };

        Task<int> Run(ParseResult parse, Action<Action<string>> train)
        {
            var ctx = context.Value;
            var path = parse.GetRequiredValue(config);
            if (!File.Exists(path))
            {
                return Task.FromResult(ctx.Fail($"no config file {path}"));
            }

            var started = System.Diagnostics.Stopwatch.StartNew();
            train(message => ctx.Error.WriteLine($"[{started.Elapsed:mm\\:ss}] {message}"));
            return Task.FromResult(ExitCodes.Success);
        }
    }
}
