using System.CommandLine;
using Dossier.Nlp.Ner;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier eval ner --data FILE [--model DIR]</c>: conlleval-style scores of a model on a labelled file.</summary>
internal static class EvalCommand
{
    public static Command Create(Lazy<CliContext> context)
    {
        var data = new Option<string>("--data", "-d") { Description = "A CoNLL-format file (word first, tag last; IOB1 or IOB2).", Required = true };
        var model = new Option<string?>("--model", "-m") { Description = "The model folder (default: the shipped models/ner)." };
        var errors = new Option<int>("--errors") { Description = "Also print up to this many sentences where the model and the gold file disagree." };
        var ner = new Command("ner", "Precision, recall and F1 of exact entity spans, overall and per type.") { data, model, errors };
        ner.SetAction((parse, _) =>
        {
            var ctx = context.Value;
            var path = parse.GetRequiredValue(data);
            if (!File.Exists(path))
            {
                return Task.FromResult(ctx.Fail($"no data file {path}"));
            }

            var before = GC.GetTotalMemory(forceFullCollection: true);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var loaded = NerModel.Load(parse.GetValue(model) ?? ModelPaths.Ner);
            var loadMs = clock.ElapsedMilliseconds;
            var megabytes = (GC.GetTotalMemory(forceFullCollection: true) - before) / 1024.0 / 1024.0;
            ctx.Error.WriteLine($"model loaded in {loadMs} ms; it holds {megabytes:F0} MB of managed memory ({loaded.Tagger.FeatureCount:N0} features, {loaded.Tagger.WeightCount:N0} weights, {loaded.Gazetteer.Count:N0} gazetteer phrases, {loaded.Clusters.Count:N0} clustered words)");
            var documents = ConllReader.Read(path);
            var scores = NerEvaluation.Evaluate(loaded, documents);
            ctx.Output.WriteLine(NerEvaluation.Format(scores));
            var shown = 0;
            foreach (var doc in documents)
            {
                var predicted = loaded.Tag([.. doc.Sentences.Select(s => (IReadOnlyList<string>)s.Tokens)]);
                for (var i = 0; i < doc.Sentences.Count && shown < parse.GetValue(errors); i++)
                {
                    var gold = doc.Sentences[i].Spans.ToHashSet();
                    if (gold.SetEquals(predicted[i]))
                    {
                        continue;
                    }

                    var words = doc.Sentences[i].Tokens;
                    string Show(TokenSpan s) => $"[{string.Join(' ', words[s.Start..s.End])}]{s.Type}";
                    ctx.Output.WriteLine();
                    ctx.Output.WriteLine(string.Join(' ', words));
                    ctx.Output.WriteLine("  missed: " + string.Join(", ", gold.Except(predicted[i]).Select(Show)));
                    ctx.Output.WriteLine("  wrong:  " + string.Join(", ", predicted[i].Except(gold).Select(Show)));
                    shown++;
                }
            }
            return Task.FromResult(ExitCodes.Success);
        });
        return new Command("eval", "Evaluate a component on a labelled data set.") { ner };
    }
}
