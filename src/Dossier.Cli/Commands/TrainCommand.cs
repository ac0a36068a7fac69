using System.CommandLine;
using Dossier.Training.Claims;
using Dossier.Training.Events;
using Dossier.Training.Learning;
using Dossier.Training.Ner;
using Dossier.Training.Quotes;
using Dossier.Training.Stance;
using Dossier.Training.Syntax;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier train ner|quotes|parse|stance|events|claims --config FILE</c>: trains a model from a config file.</summary>
internal static class TrainCommand
{
    public static Command Create(Lazy<CliContext> context)
    {
        var config = new Option<string>("--config", "-c")
        {
            Description = "The training config (corpora, seed, epochs, features, gazetteer sources, output folder).",
            Required = true,
        };
        var heldOut = new Option<string?>("--leave-out-holdout")
        {
            Description = "Train without the held-out tenth of the training data (split by document or article) and write the model to this folder instead of the config's output, to be scored with the eval command's --part holdout.",
        };
        var crossValidate = new Option<int>("--cross-validate")
        {
            Description = "Instead of training the model: train the config N times (1-10), each without one held-out tenth of the CoNLL training data (split by document), and print the scores on the held-out documents, per fold and pooled. Writes no model.",
        };
        crossValidate.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 10)
            {
                r.AddError("--cross-validate takes 1 to 10 folds.");
            }
        });
        var ner = new Command("ner", "Train the named-entity tagger (averaged perceptron) and write model, config and metadata together.") { config, crossValidate, heldOut };
        ner.Validators.Add(r =>
        {
            if (r.GetValue(crossValidate) > 0 && r.GetValue(heldOut) is not null)
            {
                r.AddError("--cross-validate writes no model; leave out --leave-out-holdout.");
            }
        });
        ner.SetAction((parse, _) => Run(parse, log =>
        {
            var trainer = new NerTrainer(log);
            if (parse.GetValue(crossValidate) is not (> 0 and var folds))
            {
                trainer.TrainFromConfig(parse.GetRequiredValue(config), parse.GetValue(heldOut));
                return;
            }

            var (perFold, pooled) = trainer.CrossValidate(parse.GetRequiredValue(config), folds);
            var output = context.Value.Output;
            output.WriteLine(FormattableString.Invariant($"{"fold",-5} {"documents",9} {"dev F1",7} {"epoch",5} {"held-out P",10} {"R",6} {"F1",6}"));
            foreach (var (fold, documents, devF1, epoch, scores) in perFold)
            {
                output.WriteLine(FormattableString.Invariant($"{fold,-5} {documents,9} {devF1,7:F2} {epoch,5} {scores[0].Precision,10:F2} {scores[0].Recall,6:F2} {scores[0].F1,6:F2}"));
            }

            output.WriteLine();
            output.WriteLine("pooled over the held-out documents of every fold:");
            output.WriteLine(Dossier.Evaluation.Ner.NerEvaluation.Format(pooled));
        }));
        var quotes = new Command("quotes", "Train the attribution tagger (content, source, cue over the quote rules' output) and write model, config and metadata together.") { config, heldOut };
        quotes.SetAction((parse, _) => Run(parse, log => new AttributionTrainer(log).TrainFromConfig(parse.GetRequiredValue(config), parse.GetValue(heldOut))));
        var parseModels = new Command("parse", "Train the part-of-speech tagger, dependency parser and lemmatizer on UD English-EWT and write them, config and metadata together.") { config };
        parseModels.SetAction((parse, _) => Run(parse, log => new SyntaxTrainer(log).TrainFromConfig(parse.GetRequiredValue(config))));
        var stance = new Command("stance", "Train the stance model (how an article stands towards a claim) on FNC-1's train split, choosing the epoch on its dev part, and write model, config and metadata together.") { config };
        stance.SetAction((parse, _) => Run(parse, log => new StanceTrainer(log).TrainFromConfig(parse.GetRequiredValue(config))));
        var events = new Command("events", "Train the event coder's confidence model on the judged events of eval/events (logistic regression; each pool left out once and scored), choose the brief's shown threshold on the left-out scores, and write weights and threshold into src/Dossier.Nlp/Events/event-confidence.tsv; rebuild to ship them.") { config };
        events.SetAction((parse, _) => Run(parse, log => PrintConfidence(new EventConfidenceTrainer(log).TrainFromConfig(parse.GetRequiredValue(config)), "events")));
        var claims = new Command("claims", "Train the claims' confidence model on the judged claims of eval/claims (logistic regression; each pool left out once and scored), choose the brief's shown threshold on the left-out scores, and write weights and threshold into src/Dossier.Nlp/Claims/claim-confidence.tsv; rebuild to ship them.") { config };
        claims.SetAction((parse, _) => Run(parse, log => PrintConfidence(new ClaimConfidenceTrainer(log).TrainFromConfig(parse.GetRequiredValue(config)), "claims")));
        return new Command("train", "Train a model from data in ../shared/data.") { ner, quotes, parseModels, stance, events, claims };

        void PrintConfidence(ConfidenceTraining training, string items)
        {
            var output = context.Value.Output;
            output.WriteLine($"every pool's {items} scored by the model trained without it, shown from each threshold:");
            output.WriteLine(FormattableString.Invariant($"{"threshold",9} {"shown",6} {"right",6} {"precision",9}"));
            foreach (var c in training.Curve)
            {
                output.WriteLine(FormattableString.Invariant($"{c.Threshold,9:F2} {c.Shown,6} {c.ShownRight,6} {100 * c.Precision,8:F2}%{(c.Threshold == training.ShownThreshold ? "  <- shown threshold" : "")}"));
            }

            output.WriteLine();
            output.WriteLine(FormattableString.Invariant($"{"left out",-34} {"judged",6} {"right",6} {"shown",6} {"right",6} {"precision",9} {"log-loss",8}"));
            foreach (var p in training.Pools)
            {
                output.WriteLine(FormattableString.Invariant($"{p.Pool,-34} {p.Judged,6} {p.JudgedRight,6} {p.Shown,6} {p.ShownRight,6} {100 * p.Precision,8:F2}% {p.LogLoss,8:F3}"));
            }
        }

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
