using System.CommandLine;
using System.Globalization;
using Dossier.Annotations;
using Dossier.Evaluation.Coref;
using Dossier.Evaluation.Events;
using Dossier.Evaluation.Extraction;
using Dossier.Evaluation.Ner;
using Dossier.Evaluation.Quotes;
using Dossier.Evaluation.Stance;
using Dossier.Evaluation.Syntax;
using Dossier.Evaluation.Time;
using Dossier.Nlp;
using Dossier.Nlp.Ner;
using Dossier.Nlp.Claims;
using Dossier.Nlp.Quotes;
using Dossier.Nlp.Stance;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier eval ner|quotes</c>: scores of a component on a labelled data set.</summary>
internal static partial class EvalCommand
{
    public static Command Create(Lazy<CliContext> context)
    {
        var data = new Option<string>("--data", "-d") { Description = "A CoNLL-format file (word first, tag last; IOB1 or IOB2).", Required = true };
        var model = new Option<string?>("--model", "-m") { Description = "The model folder (default: the shipped models/ner)." };
        var errors = new Option<int>("--errors") { Description = "Also print up to this many sentences where the model and the gold file disagree." };
        var nerPart = new Option<string>("--part") { Description = "Score only the documents of this part of the file (split by document as 'train ner' splits it): train, holdout or all.", DefaultValueFactory = _ => "all" };
        nerPart.AcceptOnlyFromAmong("train", "holdout", "all");
        var ner = new Command("ner", "Precision, recall and F1 of exact entity spans, overall and per type.") { data, model, errors, nerPart };
        ner.SetAction((parse, _) =>
        {
            var ctx = context.Value;
            var path = parse.GetRequiredValue(data);
            if (!File.Exists(path))
            {
                return Task.FromResult(ctx.Fail($"no data file {path}"));
            }

            var (loaded, loadMs, megabytes) = LoadMeasured(() => NerModel.Load(parse.GetValue(model) ?? ModelPaths.Ner));
            ctx.Error.WriteLine($"model loaded in {loadMs} ms; it holds {megabytes:F0} MB of managed memory ({loaded.Tagger.FeatureCount:N0} features, {loaded.Tagger.WeightCount:N0} weights, {loaded.Gazetteer.Count:N0} gazetteer phrases, {loaded.Clusters.Count:N0} clustered words)");
            var documents = ConllReader.Part(ConllReader.Read(path), parse.GetValue(nerPart)!);
            ctx.Error.WriteLine($"{documents.Count:N0} documents ({parse.GetValue(nerPart)})");
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
        return new Command("eval", "Evaluate a component on a labelled data set.") { ner, Parse(context), Quotes(context), Stance(context), Coref(context), Time(context), Events(context), Claims(context), Extract(context) };
    }

    /// <summary>A model loaded, with the milliseconds it took and the managed memory it holds.</summary>
    private static (T Model, long Milliseconds, double Megabytes) LoadMeasured<T>(Func<T> load)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var model = load();
        var milliseconds = clock.ElapsedMilliseconds;
        return (model, milliseconds, (GC.GetTotalMemory(forceFullCollection: true) - before) / 1024.0 / 1024.0);
    }

    /// <summary><c>dossier eval parse --data FILE [--predictions OUT]</c>: tagger, lemmatizer and parser on a CoNLL-U treebank, from gold words and from raw text.</summary>
    private static Command Parse(Lazy<CliContext> context)
    {
        var data = new Option<string>("--data", "-d") { Description = "A CoNLL-U file, e.g. ../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu, or a folder of them (e.g. ../shared/data/gum/dep with --listed-in and --section).", Required = true };
        var model = new Option<string?>("--model", "-m") { Description = "The model folder (default: the shipped models/parse)." };
        var predictions = new Option<string?>("--predictions") { Description = "Write the prediction on the gold words as CoNLL-U here, to score it with another tool." };
        var include = new Option<string?>("--include") { Description = "With a folder: only files whose name matches this regular expression." };
        var listedIn = new Option<string?>("--listed-in") { Description = "With a folder: only documents listed under --section in this Markdown file (e.g. ../shared/data/gum/splits.md)." };
        var section = new Option<string>("--section") { Description = "The heading of --listed-in whose documents are scored.", DefaultValueFactory = _ => "dev" };
        var command = new Command("parse", "UPOS, XPOS and lemma accuracy, UAS and LAS (punctuation counted, relation subtypes ignored) with the gold words given, then the same as F1 from raw text.") { data, model, predictions, include, listedIn, section };
        command.SetAction((parse, _) =>
        {
            var ctx = context.Value;
            var path = parse.GetRequiredValue(data);
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                return Task.FromResult(ctx.Fail($"no data file or folder {path}"));
            }

            var (sentences, files) = new TreebankFiles { Path = path, Include = parse.GetValue(include), ListedIn = parse.GetValue(listedIn), Section = parse.GetValue(section)! }.Read(Directory.GetCurrentDirectory());
            if (sentences.Count == 0)
            {
                return Task.FromResult(ctx.Fail($"no sentences in {path}" + (Directory.Exists(path) ? $" ({files.Count} files kept)" : string.Empty)));
            }

            var (loaded, loadMs, megabytes) = LoadMeasured(() => ctx.LoadSyntax(parse.GetValue(model) ?? ModelPaths.Parse));
            if (loaded is null)
            {
                return Task.FromResult(ExitCodes.Failure);
            }

            ctx.Error.WriteLine($"model loaded in {loadMs} ms; it holds {megabytes:F0} MB of managed memory ({loaded.Tagger.Model.FeatureCount:N0} tagger and {loaded.Parser.Model.FeatureCount:N0} parser features)");
            ctx.Error.WriteLine($"{files.Count:N0} file(s), {sentences.Count:N0} sentences");
            using var writer = parse.GetValue(predictions) is { } output ? new StreamWriter(output, false, new System.Text.UTF8Encoding(false)) : null;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var gold = SyntaxEvaluation.EvaluateGoldWords(loaded, sentences, writer);
            var seconds = clock.Elapsed.TotalSeconds;
            ctx.Output.WriteLine($"gold words: {gold}");
            ctx.Error.WriteLine($"tagged and parsed {gold.GoldWords:N0} words in {seconds:F1} s ({gold.GoldWords / Math.Max(seconds, 1e-6):N0} words/s, one thread)");
            var pipeline = new PipelineBuilder().UseParagraphs().UseTokenizer().UseSentences().UseSyntax(loaded).Build();
            var raw = SyntaxEvaluation.EvaluateRawText(pipeline, sentences);
            ctx.Output.WriteLine($"raw text:   {raw}");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary><c>dossier eval extract --dataset DIR</c>: the HTML extractor on trafilatura-eval or Mozilla Readability's test pages.</summary>
    private static Command Extract(Lazy<CliContext> context)
    {
        var dataset = new Option<string>("--dataset", "-d") { Description = "../shared/data/trafilatura-eval (evaldata.json + html/) or ../shared/data/mozilla-readability-testpages.", Required = true };
        var errors = new Option<int>("--errors") { Description = "Also print up to this many pages with the text segments missed and the boilerplate let through." };
        var threads = new Option<int?>("--threads") { Description = "Pages extracted at once (default: all cores)." };
        var command = new Command("extract", "Precision, recall and F1 of main-text extraction in trafilatura's way, title/date/author accuracy; or closeness to Readability's expected text.") { dataset, errors, threads };
        command.SetAction((parse, _) =>
        {
            var ctx = context.Value;
            var directory = parse.GetRequiredValue(dataset);
            if (File.Exists(Path.Combine(directory, "evaldata.json")))
            {
                var scores = ExtractionEvaluation.Trafilatura(directory, parallelism: parse.GetValue(threads));
                ctx.Output.WriteLine(ExtractionEvaluation.Format(scores));
                foreach (var (file, missed, through) in scores.Misses.Take(parse.GetValue(errors)))
                {
                    ctx.Output.WriteLine($"{file}: missed [{string.Join(" | ", missed)}] let through [{string.Join(" | ", through)}]");
                }

                return Task.FromResult(ExitCodes.Success);
            }

            if (Directory.Exists(directory))
            {
                ctx.Output.WriteLine(ExtractionEvaluation.Format(ExtractionEvaluation.Readability(directory)));
                return Task.FromResult(ExitCodes.Success);
            }

            return Task.FromResult(ctx.Fail($"no data set at {directory}"));
        });
        return command;
    }

    /// <summary><c>dossier eval coref --data DIR [--genre G]</c>: entity resolution against GUM's coreference chains and Wikipedia links.</summary>
    private static Command Coref(Lazy<CliContext> context)
    {
        var data = new Option<string>("--data", "-d") { Description = "GUM's dep/ folder of CoNLL-U files, e.g. ../shared/data/gum/dep.", Required = true };
        var genres = new Option<string[]>("--genre", "-g") { Description = "Genres to read (file names GUM_<genre>_*), e.g. news interview; all when left out.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("coref", "MUC, B3, CEAF-e and their average against GUM's chains; entity-linking accuracy where the knowledge base knows the Wikipedia entity.") { data, genres };
        command.SetAction((parse, _) =>
        {
            var ctx = context.Value;
            var wanted = parse.GetValue(genres) ?? [];
            var files = Directory.GetFiles(parse.GetRequiredValue(data), "*.conllu").Order(StringComparer.Ordinal)
                .Where(f => wanted.Length == 0 || wanted.Any(g => Path.GetFileName(f).StartsWith($"GUM_{g}_", StringComparison.Ordinal))).ToList();
            var result = CorefRun.Evaluate(files.Select(CorefEvaluation.ReadGumConllu), ctx.Pipeline, ctx.Kb);
            ctx.Error.WriteLine($"{files.Count} documents, {result.GoldMentions:N0} gold mentions in {result.GoldChains:N0} chains of two or more; {result.Predicted:N0} named mentions found, {result.Aligned:N0} of them on a gold mention");
            ctx.Output.WriteLine("All gold mentions (names, nominals, pronouns), singletons left out:");
            ctx.Output.WriteLine(CorefEvaluation.Format(result.EndToEnd));
            ctx.Output.WriteLine();
            ctx.Output.WriteLine("Only the mentions both sides have (how well what is found is grouped):");
            ctx.Output.WriteLine(CorefEvaluation.Format(result.Shared));
            ctx.Output.WriteLine();
            ctx.Output.WriteLine($"Entity linking: {result.LinkCovered:N0} gold mentions name a Wikipedia entity the knowledge base knows; {result.LinkCorrect:N0} of them ({100.0 * result.LinkCorrect / Math.Max(1, result.LinkCovered):F2}%) are found and linked to it; of the {result.LinkMade:N0} links made on those mentions, {100.0 * result.LinkCorrect / Math.Max(1, result.LinkMade):F2}% are to it.");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary><c>dossier eval events --data FILE [--verbs FILE]</c>: CAMEO codes against PETRARCH2's unit-test records (.xml), or events, roles and modes against sentences annotated by eval/events/GUIDELINES.md (.jsonl).</summary>
    private static Command Events(Lazy<CliContext> context)
    {
        var data = new Option<string?>("--data", "-d") { Description = "PETRARCH2's PETR.UnitTest.records.xml, or a .jsonl file annotated by eval/events/GUIDELINES.md (e.g. eval/events/gum-news.dev.jsonl)." };
        var judgedFile = new Option<string?>("--judged") { Description = "Instead of --data: a .jsonl file of shown events a reader judged (eval/events/JUDGED.md), scored on the texts in --texts as 'analyze' reads them." };
        var texts = new Option<string?>("--texts") { Description = "With --judged: where the judged texts are: " + JudgedTexts.Kinds + "." };
        var verbs = new Option<string?>("--verbs") { Description = "A verb dictionary in PETRARCH's format (default: the shipped CAMEO.2.0); the records were written for PETR.Validate.verbs.txt." };
        var errors = new Option<int>("--errors") { Description = "Also print up to this many sentences whose codes differ (with --judged: shown events no one judged)." };
        var template = new Option<string?>("--template") { Description = "With --judged: instead of scoring, write a judgment line (\"right\": null, to fill in) for every event no judgment covers to this .jsonl file, and print each with its sentence. The --judged file may not exist yet (a new pool)." };
        var names = new Option<string?>("--names") { Description = "With --template: a file of more text names (file names, or Body IDs of an FNC-1 bodies file), one per line: the texts of a new pool." };
        var threshold = new Option<double?>("--threshold") { Description = "With --template: list events from this confidence (default: what the brief shows, 0.5; 0: every asserted event)." };
        var command = new Command("events", "PETRARCH2 records: share of expected CAMEO codings found and root precision. Annotated JSON lines: precision and recall of trigger and root, with actor and target, with mode, and of what the brief shows. Judged events: precision of what the brief shows.") { data, judgedFile, texts, verbs, errors, template, names, threshold };
        command.SetAction((parse, cancel) =>
        {
            var ctx = context.Value;
            if (parse.GetValue(judgedFile) is { } judgedPath)
            {
                if (OpenJudgedTexts(ctx, parse.GetValue(texts)) is not { } source)
                {
                    return Task.FromResult(ExitCodes.Failure);
                }

                Document Analyse(string name) => ctx.Pipeline.Process(source.Load(name), cancel);
                if (parse.GetValue(template) is { } templatePath)
                {
                    var known = File.Exists(judgedPath) ? JudgedEventEvaluation.Read(judgedPath) : [];
                    var open = JudgedEventEvaluation.Unjudged(known, PoolNames(parse.GetValue(names)), Analyse, parse.GetValue(threshold) ?? Dossier.Nlp.Events.EventComponent.ShownConfidence);
                    WriteTemplate(ctx, templatePath, "events", open.Select(e => (JudgedEventEvaluation.TemplateLine(e, ""),
                        FormattableString.Invariant($"{e.Text}:{e.Start} {e.Code} {e.Actor ?? "-"} | {e.Trigger} | {e.Target ?? "-"} ({e.Confidence:F2})"), e.Sentence)));
                    return Task.FromResult(ExitCodes.Success);
                }

                var scores = JudgedEventEvaluation.Run(JudgedEventEvaluation.Read(judgedPath), Analyse, Dossier.Nlp.Events.EventComponent.ShownConfidence);
                ctx.Output.Write(JudgedEventEvaluation.Format(scores, parse.GetValue(errors)));
                return Task.FromResult(ExitCodes.Success);
            }

            if (parse.GetValue(data) is not { } path)
            {
                return Task.FromResult(ctx.Fail("give --data (PETRARCH2 records or an annotated .jsonl file) or --judged with --texts"));
            }

            var lexicon = parse.GetValue(verbs) is { } v ? Dossier.Nlp.Events.VerbLexicon.Load(v) : Dossier.Nlp.Events.VerbLexicon.Default;
            if (ctx.LoadSyntax(ModelPaths.Parse) is not { } syntax)
            {
                return Task.FromResult(ExitCodes.Failure); // events are coded on the tree
            }

            var pipeline = new PipelineBuilder().UseParagraphs().UseTokenizer().UseSentences().UseSyntax(syntax).UseTimes().UseNer(Dossier.Nlp.Ner.NerModel.Load(ModelPaths.Ner)).UseCoref().UseEvents(lexicon).Build();
            if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                var annotated = AnnotatedEventEvaluation.Run(AnnotatedEventEvaluation.Read(path), pipeline);
                var threshold = Dossier.Nlp.Events.EventComponent.ShownConfidence;
                ctx.Output.Write(AnnotatedEventEvaluation.Format(AnnotatedEventEvaluation.Score(annotated, threshold), threshold, annotated, parse.GetValue(errors)));
                return Task.FromResult(ExitCodes.Success);
            }

            var records = EventEvaluation.ReadRecords(path);
            var results = EventEvaluation.Run(records, pipeline);
            ctx.Output.WriteLine(EventEvaluation.Format(EventEvaluation.Score(results)));
            foreach (var (gold, predicted) in results.Where(r => !r.Gold.Codes.Order().SequenceEqual(r.Predicted.Order())).Take(parse.GetValue(errors)))
            {
                ctx.Output.WriteLine($"{gold.Id}: gold [{string.Join(' ', gold.Codes)}] got [{string.Join(' ', predicted)}] {gold.Text}");
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary><c>dossier eval time --data DIR</c>: time expressions against TimeML files (TempEval-3), normalised against each file's creation date.</summary>
    private static Command Time(Lazy<CliContext> context)
    {
        var data = new Option<string>("--data", "-d") { Description = "A folder of TimeML .tml files (searched recursively), e.g. ../shared/data/tempeval3/TBAQ-cleaned; or, with --specs, the Recognizers-Text DateTime-English folder.", Required = true };
        var errors = new Option<int>("--errors") { Description = "Also print up to this many missed, false and wrongly valued expressions (failed cases with --specs)." };
        var specs = new Option<bool>("--specs") { Description = "Run Microsoft Recognizers-Text's date/time specs (the parser files) as a regression suite: the share of in-scope cases passed, per file." };
        var parser = new Option<string?>("--parse") { Description = "The parser's folder (default: the shipped models/parse): as in 'analyze', the tense of each expression's clause comes from the tree; 'none' for no parse." };
        var command = new Command("time", "Strict and relaxed span F1, value F1 and type F1 of TIMEX3s, TempEval-3's measures.") { data, errors, specs, parser };
        command.SetAction((parse, _) =>
        {
            var ctx = context.Value;
            var directory = parse.GetRequiredValue(data);
            if (!Directory.Exists(directory))
            {
                return Task.FromResult(ctx.Fail($"no data folder {directory}"));
            }

            if (parse.GetValue(specs))
            {
                var specPipeline = new PipelineBuilder().UseDefaults().Build();
                var shown = 0;
                foreach (var (file, passed, total, failures) in TimeEvaluation.RunSpecs(directory, specPipeline))
                {
                    ctx.Output.WriteLine($"{file,-22} {passed,4}/{total,-4} {100.0 * passed / Math.Max(1, total),6:F2}%");
                    foreach (var (input, expected, found) in failures.Take(Math.Max(0, parse.GetValue(errors) - shown)))
                    {
                        ctx.Output.WriteLine($"  {input}  want {expected}  got {found}");
                        shown++;
                    }
                }

                return Task.FromResult(ExitCodes.Success);
            }

            var files = Directory.GetFiles(directory, "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            if (!ctx.TryLoadParseOption(parse.GetValue(parser), out var syntax))
            {
                return Task.FromResult(ExitCodes.Failure);
            }

            ctx.Error.WriteLine(syntax is null ? "time: no parse (tense from a window of words)" : $"time: tense from the trees of {parse.GetValue(parser) ?? ModelPaths.Parse}");
            var pipeline = new PipelineBuilder().UseDefaults(syntax: syntax).Build();
            var results = TimeEvaluation.Run(files.Select(TimeEvaluation.ReadTimeMl), pipeline);
            ctx.Error.WriteLine($"{files.Count} documents");
            ctx.Output.WriteLine(TimeEvaluation.Format(TimeEvaluation.Score(results.Select(r => (r.Document.Timexes, r.Predicted)))));
            var budget = parse.GetValue(errors);
            foreach (var (d, predicted) in results)
            {
                string Show(Dossier.Text.TextSpan s) => d.Text[s.Start..s.End].ReplaceLineEndings(" ");
                var pairs = TimeEvaluation.Pairs(d.Timexes, predicted);
                var lines = d.Timexes.Where(g => pairs.All(p => p.Gold != g)).Select(g => $"missed: {Show(g.Span)} {g.Type} {g.Value}")
                    .Concat(predicted.Where(p => pairs.All(x => x.Predicted != p) && !d.Timexes.Any(g => g.Span.Overlaps(p.Span))).Select(p => $"false:  {Show(p.Span)} {p.Type} {p.Value}"))
                    .Concat(pairs.Where(p => p.Gold.Value != p.Predicted.Value).Select(p => $"value:  {Show(p.Gold.Span)} | {Show(p.Predicted.Span)} gold {p.Gold.Value} got {p.Predicted.Value}"));
                foreach (var line in lines.Take(Math.Max(0, budget)))
                {
                    ctx.Output.WriteLine($"{d.Name} (DCT {d.Dct:yyyy-MM-dd}) {line}");
                    budget--;
                }
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary><c>dossier eval stance --bodies FILE --stances FILE</c>: the Fake News Challenge's score, per-class and macro F1.</summary>
    private static Command Stance(Lazy<CliContext> context)
    {
        var bodies = new Option<string>("--bodies") { Description = "The bodies file (Body ID,articleBody), e.g. ../shared/data/fnc-1/train_bodies.csv.", Required = true };
        var stances = new Option<string>("--stances") { Description = "The pairs (Headline,Body ID,Stance); without a Stance column only --predictions is written.", Required = true };
        var part = new Option<string>("--part") { Description = "Score only the pairs of this part of a file split by Body ID the way training splits train: train, dev, holdout or all.", DefaultValueFactory = _ => "all" };
        part.AcceptOnlyFromAmong(Dossier.Evaluation.DataSplit.Parts);
        var model = new Option<string?>("--model", "-m") { Description = "The stance model folder (default: the shipped models/stance)." };
        var predictions = new Option<string?>("--predictions") { Description = "Also write the predictions: one row per pair scored, in the input's order, with the columns Headline,Body ID,Stance." };
        var command = new Command("stance", "The Fake News Challenge's score, F1 per class and their mean (F1m), and the confusion matrix of the stance model on FNC-1-format files.") { bodies, stances, part, model, predictions };
        command.SetAction((parse, _) =>
        {
            var ctx = context.Value;
            foreach (var file in (string[])[parse.GetRequiredValue(bodies), parse.GetRequiredValue(stances)])
            {
                if (!File.Exists(file))
                {
                    return Task.FromResult(ctx.Fail($"no data file {file}"));
                }
            }

            var stanceModel = StanceModel.Load(parse.GetValue(model) ?? ModelPaths.Stance);
            var texts = StanceData.ReadBodies(parse.GetRequiredValue(bodies));
            var pairs = StanceData.Part(StanceData.ReadPairs(parse.GetRequiredValue(stances)), parse.GetValue(part)!);
            var predicted = stanceModel.PredictLabels(texts, pairs);
            if (parse.GetValue(predictions) is { } output)
            {
                StanceData.WritePredictions(output, pairs, predicted);
                ctx.Error.WriteLine($"wrote {pairs.Count} predictions to {output}");
            }

            if (pairs.All(p => p.Stance is not null) && pairs.Count > 0)
            {
                ctx.Output.WriteLine(StanceEvaluation.Format(StanceEvaluation.Score([.. pairs.Select(p => p.Stance!)], predicted)));
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary><c>dossier eval quotes --data DIR</c>: quote extraction against a PolNeAR split, the Gender Gap Tracker's way.</summary>
    private static Command Quotes(Lazy<CliContext> context)
    {
        var data = new Option<string>("--data", "-d") { Description = "A PolNeAR split folder (with text/ and attributions/), e.g. ../shared/data/polnear/dev.", Required = true };
        var model = new Option<string?>("--model", "-m") { Description = "The NER model folder (default: the shipped models/ner)." };
        var errors = new Option<int>("--errors") { Description = "Also print up to this many missed and false attributions (at overlap 0.3)." };
        var tagger = new Option<string?>("--tagger") { Description = "The attribution tagger's folder (default: the shipped models/quotes); 'none' for the rules alone." };
        var parser = new Option<string?>("--parse") { Description = "The parser's folder (default: the shipped models/parse), against whose trees attributions are checked as in 'analyze'; 'none' for no parse." };
        var calibration = new Option<string?>("--calibration") { Description = "Also write, per way of attribution, how many were found and how many had the right speaker, as the table the quote finder's confidences come from (src/Dossier.Nlp/Quotes/attribution-precision.tsv, written from PolNeAR train)." };
        var part = new Option<string>("--part") { Description = "Score only the articles of this part of the split (by article name, as 'train quotes' splits train): train, holdout or all.", DefaultValueFactory = _ => "all" };
        part.AcceptOnlyFromAmong("train", "holdout", "all");
        var command = new Command("quotes", "Content precision, recall and F1 at span overlap 0.3 and 0.8, speaker and cue accuracy, and the precision of what the brief shows.") { data, model, errors, tagger, parser, calibration, part };
        command.SetAction((parse, _) =>
        {
            var ctx = context.Value;
            var directory = parse.GetRequiredValue(data);
            var articles = QuoteEvaluation.Part(QuoteEvaluation.ReadPolnear(directory), parse.GetValue(part)!);
            ctx.Error.WriteLine($"{articles.Count:N0} articles ({parse.GetValue(part)})");
            var taggerPath = parse.GetValue(tagger) ?? ModelPaths.Quotes;
            var attribution = taggerPath == "none" ? null : CliContext.LoadAttribution(taggerPath);
            ctx.Error.WriteLine(attribution is null ? "quotes: the rules alone" : $"quotes: the rules and the attribution tagger in {taggerPath}");
            if (!ctx.TryLoadParseOption(parse.GetValue(parser), out var syntax))
            {
                return Task.FromResult(ExitCodes.Failure);
            }

            var pipeline = new PipelineBuilder().UseDefaults(NerModel.Load(parse.GetValue(model) ?? ModelPaths.Ner), attribution, syntax).Build();
            var results = articles.Select(a =>
            {
                var doc = pipeline.Process(a.Text);
                IReadOnlyList<PredictedAttribution> predicted = [.. doc.Get(Layers.Quotes).Select(q => new PredictedAttribution(q.Span, q.Speaker, q.SpeakerName, q.Cue, q.Attribution?.ToString()))];
                return (a.Text, a.Attributions, predicted);
            }).ToList();
            ctx.Error.WriteLine($"{articles.Count} articles (one annotator each), {results.Sum(r => r.Attributions.Count)} gold attributions with content");
            ctx.Output.WriteLine(QuoteEvaluation.Format([QuoteEvaluation.Score(results, 0.3), QuoteEvaluation.Score(results, 0.8)]));
            var matches = results.Select(r => QuoteEvaluation.Match(r.Attributions, r.predicted, 0.3)).ToList();

            // Per way of finding the speaker: how many were predicted, matched, and had the right speaker.
            var byHow = QuoteEvaluation.ByHow(results);
            var (shownCount, shownPrecision) = QuoteEvaluation.Shown(byHow);
            ctx.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"found the surer ways ({string.Join(", ", AttributionConfidence.SurerWays)}; of their claims, the brief shows those the claims model puts at {ClaimComponent.ShownConfidence:0.00} or more, see 'eval claims --data'): {shownCount} of {byHow.Sum(r => r.Found)} found, {100 * shownPrecision:F2}% with content and speaker right (all found: {100.0 * byHow.Sum(r => r.Right) / Math.Max(1, byHow.Sum(r => r.Found)):F2}%)"));
            if (parse.GetValue(errors) > 0)
            {
                foreach (var r in byHow)
                {
                    ctx.Output.WriteLine($"how {r.How}: {r.Found} found, {r.Matched} matched, {r.Right} with the right speaker");
                }
            }

            if (parse.GetValue(calibration) is { } table)
            {
                File.WriteAllLines(table, AttributionConfidence.Table(byHow.Select(r => (r.How, r.Found, r.Right))));
                ctx.Error.WriteLine($"wrote {table}");
            }

            var shown = 0;
            foreach (var ((text, gold, predicted), pairs) in results.Zip(matches))
            {
                foreach (var g in gold.Where(g => pairs.All(p => p.Gold != g)).Take(Math.Max(0, parse.GetValue(errors) - shown)))
                {
                    // Whether the cue was found with other content tells a boundary miss from a cue never seen.
                    var sameCue = predicted.FirstOrDefault(p => p.Cue is { } c && g.Cue.Any(gc => gc.Start < c.End && c.Start < gc.End));
                    var overlapping = predicted.FirstOrDefault(p => QuoteEvaluation.Coverage(g.Content, p.Content) > 0);
                    var found = sameCue is not null ? $" (cue found, content: {Show(text, [sameCue.Content])})"
                        : overlapping is not null ? $" (overlapped by {(pairs.Any(x => x.Predicted == overlapping) ? "another's match" : "a false one")}: {Show(text, [overlapping.Content])})" : string.Empty;
                    ctx.Output.WriteLine($"missed: [{Show(text, g.Source)}] [{Show(text, g.Cue)}] {Show(text, g.Content)}{found}");
                    shown++;
                }

                foreach (var (g, p) in pairs.Where(x => !QuoteEvaluation.SpeakerAgrees(x.Gold, x.Predicted)).Take(Math.Max(0, parse.GetValue(errors) - shown)))
                {
                    ctx.Output.WriteLine($"speaker: gold [{Show(text, g.Source)}] got [{Show(text, p.Speaker is { } s ? [s] : [])}] ({p.How}) [{Show(text, p.Cue is { } c ? [c] : [])}] {Show(text, [p.Content])}");
                    shown++;
                }

                foreach (var p in predicted.Where(p => pairs.All(x => x.Predicted != p)).Take(Math.Max(0, parse.GetValue(errors) - shown)))
                {
                    ctx.Output.WriteLine($"false:  [{Show(text, p.Speaker is { } s ? [s] : [])}] ({p.How}) [{Show(text, p.Cue is { } c ? [c] : [])}] {Show(text, [p.Content])}");
                    shown++;
                }
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;

        static string Show(string text, IReadOnlyList<Dossier.Text.TextSpan> spans) =>
            string.Join(" … ", spans.Select(s => text[s.Start..s.End].ReplaceLineEndings(" ")));
    }
}
