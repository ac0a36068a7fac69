using System.Security.Cryptography;
using System.Text.Json;
using Dossier.Evaluation.Quotes;
using Dossier.Nlp;
using Dossier.Nlp.Ner;
using Dossier.Nlp.Quotes;
using Dossier.Text;
using Dossier.Training.Learning;
using Dossier.Training.Ner;

namespace Dossier.Training.Quotes;

/// <summary>What <c>dossier train quotes</c> reads: the corpus, the NER model whose mentions the features use, epochs, and where the model goes. Paths are relative to the config file.</summary>
internal sealed record AttributionTrainingConfig
{
    /// <summary>A PolNeAR-style training split (text/ and attributions/).</summary>
    public string Train { get; init; } = string.Empty;

    /// <summary>The split each epoch is scored on (content F1 at overlap 0.3 after the rules); the best epoch is kept.</summary>
    public string? Dev { get; init; }

    /// <summary>The NER model folder.</summary>
    public string Ner { get; init; } = "../models/ner";

    /// <summary>The shuffling seed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Perceptrons trained side by side, each over its own order of the paragraphs (seeds Seed, Seed + 1, …), and averaged.</summary>
    public int Runs { get; init; } = 1;

    /// <summary>Passes over the training paragraphs.</summary>
    public int Epochs { get; init; } = 8;

    /// <summary>Features seen fewer times in training are left out.</summary>
    public int MinFeatureCount { get; init; } = 2;

    /// <summary>Weights smaller than this are not saved.</summary>
    public float PruneBelow { get; init; } = 0.01f;

    /// <summary>The model folder written.</summary>
    public string Output { get; init; } = "../models/quotes";

    /// <summary>Reads a config (JSON with comments).</summary>
    public static AttributionTrainingConfig Load(string path) =>
        JsonSerializer.Deserialize<AttributionTrainingConfig>(File.ReadAllText(path), NerTrainingConfig.JsonOptions)
        ?? throw new DossierException(DossierErrorCode.UnsupportedFormat, "the config is empty", path);
}

/// <summary>
/// Trains the <see cref="AttributionModel"/>: each article of the corpus goes through the
/// tokenizer, sentence splitter and NER, then the quote rules; every paragraph becomes a
/// sequence whose gold labels are the annotated sources, cues and contents (an attribution nested
/// in another's content is left to the outer one, since a token takes one label), and an averaged
/// structured perceptron learns them. The epoch whose tagger, added to the rules, scores best on
/// the dev split is kept.
/// </summary>
public sealed class AttributionTrainer
{
    private readonly Action<string> _log;

    /// <summary>Creates a trainer that reports progress to <paramref name="log"/>.</summary>
    public AttributionTrainer(Action<string>? log = null) => _log = log ?? (_ => { });

    /// <summary>
    /// Trains from a config file and writes the model, its config and its metadata; with
    /// <paramref name="heldOutOutput"/>, leaves the training split's held-out tenth out (see
    /// <see cref="Evaluation.DataSplit"/>) and writes there instead, so that the held-out articles
    /// can be scored by a model that never saw them.
    /// </summary>
    public AttributionModel TrainFromConfig(string configPath, string? heldOutOutput = null)
    {
        var config = AttributionTrainingConfig.Load(configPath);
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        string Resolve(string p) => DataFile.Resolve(baseDir, p);
        var pipeline = Preprocessing(NerModel.Load(Resolve(config.Ner)));
        var trainPart = heldOutOutput is null ? "all" : "train";
        var train = QuoteEvaluation.Part(QuoteEvaluation.ReadPolnear(Resolve(config.Train), everyAnnotator: true), trainPart);
        var dev = config.Dev is null ? null : QuoteEvaluation.ReadPolnear(Resolve(config.Dev));
        var (model, devScores, epoch) = Train(config, train, dev, pipeline);

        var output = heldOutOutput is null ? Resolve(config.Output) : Path.GetFullPath(heldOutOutput);
        model.Save(output);
        File.WriteAllText(Path.Combine(output, "config.json"), File.ReadAllText(configPath));
        var meta = new Dictionary<string, object?>
        {
            ["name"] = "dossier-attribution",
            ["algorithm"] = "averaged structured perceptron, first-order Viterbi, BILOU over CON/SRC/CUE, stacked on the quote rules",
            ["seed"] = config.Seed,
            ["best_epoch"] = epoch,
            ["features"] = model.Tagger.FeatureCount,
            ["weights"] = model.Tagger.WeightCount,
            ["train_part"] = trainPart,
            ["train_annotations"] = train.Count, // an article annotated twice counts twice
            ["data"] = new[] { config.Train }.Concat(config.Dev is null ? [] : [config.Dev])
                .ToDictionary(p => p, p => Hash(Resolve(p))),
            ["dev_scores"] = devScores is null ? null : new { overlap = 0.3, precision = Math.Round(100 * devScores.Precision, 2), recall = Math.Round(100 * devScores.Recall, 2), f1 = Math.Round(100 * devScores.F1, 2), speaker = Math.Round(100 * devScores.SpeakerAccuracy, 2) },
        };
        File.WriteAllText(Path.Combine(output, "meta.json"), JsonSerializer.Serialize(meta, NerTrainingConfig.JsonOptions));
        _log($"model written to {output}");
        return model;
    }

    /// <summary>The components the quote finder stands on: paragraphs, tokens, sentences, times and mentions.</summary>
    public static DocumentPipeline Preprocessing(NerModel ner) =>
        new PipelineBuilder().UseParagraphs().UseTokenizer().UseSentences().UseTimes().UseNer(ner).Build();

    /// <summary>Trains on articles processed by <paramref name="pipeline"/> (see <see cref="Preprocessing"/>); returns the model of the best dev epoch (or the last, without dev).</summary>
    internal (AttributionModel Model, QuoteScores? Dev, int Epoch) Train(
        AttributionTrainingConfig config, IReadOnlyList<AttributedArticle> train, IReadOnlyList<AttributedArticle>? dev, DocumentPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(pipeline);
        var labels = new EntityLabels(AttributionModel.Types);
        var l = labels.Count;
        var rules = new QuoteComponent();
        var lexicon = CueLexicon.Default;

        // Every training paragraph: its hashed features and gold labels.
        // An article annotated twice is read and featurised once.
        var texts = train.Select(a => a.Name).Distinct(StringComparer.Ordinal).ToList();
        var views = new (QuoteDocument View, string?[] Roles, List<List<ulong>>[] Features)[texts.Count];
        Parallel.For(0, texts.Count, t =>
        {
            var (view, roles) = rules.RuleView(pipeline.Process(train.First(a => a.Name == texts[t]).Text));
            views[t] = (view, roles, [.. view.Paragraphs.Select(p => AttributionFeatures.Extract(view, p.First, p.End, roles, lexicon))]);
        });

        var viewOf = texts.Select((name, t) => (name, t)).ToDictionary(x => x.name, x => views[x.t], StringComparer.Ordinal);
        var sequences = new (List<List<ulong>> Features, int[] Gold)[train.Count][];
        Parallel.For(0, train.Count, i =>
        {
            var (view, _, features) = viewOf[train[i].Name];
            var gold = GoldSpans(view, train[i].Attributions);
            sequences[i] = [.. view.Paragraphs.Select((p, k) => (
                features[k],
                labels.Encode(p.End - p.First, gold.Where(s => s.Start >= p.First && s.End <= p.End).Select(s => s with { Start = s.Start - p.First, End = s.End - p.First }))))];
        });

        var index = PerceptronTraining.Index(sequences.SelectMany(d => d).SelectMany(s => s.Features), config.MinFeatureCount);

        var trainSet = sequences.SelectMany(d => d)
            .Select(s => (Features: s.Features.Select(t => t.Where(index.ContainsKey).Select(h => index[h]).ToArray()).ToArray(), s.Gold))
            .Where(s => s.Gold.Length > 0).ToArray();
        sequences = [];
        _log($"{trainSet.Length:N0} training paragraphs in {train.Count:N0} articles, {index.Count:N0} features");
        var devDocs = dev?.Select(a => (Article: a, Document: pipeline.Process(a.Text))).ToList();

        // Several perceptrons, each over its own order of the paragraphs, in step; the model of an
        // epoch is the mean of their averaged weights (parameter mixing, McDonald et al. 2010),
        // steadier than any one of them.
        var runs = Enumerable.Range(0, Math.Max(1, config.Runs)).Select(r => new PerceptronRun(index.Count * l, l * l, config.Seed + r, trainSet.Length)).ToArray();
        (AttributionModel Model, QuoteScores? Scores, int Epoch)? best = null;
        for (var epoch = 1; epoch <= config.Epochs; epoch++)
        {
            var mistakes = 0;
            foreach (var run in runs)
            {
                run.Random.Shuffle(run.Order);
                foreach (var k in run.Order)
                {
                    var (features, gold) = trainSet[k];
                    var predicted = PerceptronTraining.Decode(features, run.Weights, run.Transitions, labels);
                    mistakes += PerceptronTraining.Update(features, gold, predicted, l, run.C, run.Weights, run.Accumulated, run.Transitions, run.AccumulatedTransitions) ? 1 : 0;
                    run.C++;
                }
            }

            var model = new AttributionModel(new PerceptronTagger(
                labels, PerceptronTraining.Rows(index, PerceptronTraining.Mean(runs.Select(r => r.AveragedWeights())), l, config.PruneBelow),
                PerceptronTraining.Mean(runs.Select(r => r.AveragedTransitions()))));
            if (devDocs is null)
            {
                best = (model, null, epoch);
                _log($"epoch {epoch}: {mistakes / runs.Length:N0} paragraphs wrong");
                continue;
            }

            var scores = Score(new QuoteComponent(lexicon, model), devDocs);
            _log($"epoch {epoch}: {mistakes / runs.Length:N0} paragraphs wrong; dev P {100 * scores.Precision:F2} R {100 * scores.Recall:F2} F1 {100 * scores.F1:F2} speaker {100 * scores.SpeakerAccuracy:F2}");
            if (best is null || scores.F1 > best.Value.Scores!.F1)
            {
                best = (model, scores, epoch);
            }
        }

        return best ?? throw new ArgumentException("Training needs at least one epoch.", nameof(config));
    }

    /// <summary>Content scores at overlap 0.3 of a quote finder on processed articles.</summary>
    internal static QuoteScores Score(QuoteComponent finder, IEnumerable<(AttributedArticle Article, Document Document)> articles)
    {
        ArgumentNullException.ThrowIfNull(finder);
        return QuoteEvaluation.Score(articles.Select(x => (x.Article.Text, x.Article.Attributions,
            (IReadOnlyList<PredictedAttribution>)[.. finder.Find(x.Document).Select(q => new PredictedAttribution(q.Span, q.Speaker, q.SpeakerName, q.Cue, q.Attribution?.ToString()))])), 0.3);
    }

    /// <summary>The gold spans of an article in document token indices, none across a paragraph break, none overlapping; an attribution inside another's content is left out.</summary>
    internal static List<TokenSpan> GoldSpans(QuoteDocument v, IReadOnlyList<GoldAttribution> gold)
    {
        var taken = new bool[v.Words.Length];
        var spans = new List<TokenSpan>();
        foreach (var g in gold.OrderByDescending(g => g.Content.Sum(s => s.Length)))
        {
            var content = Tokens(g.Content).ToList();
            if (content.Count == 0 || content.Any(k => taken[k]))
            {
                continue;
            }

            foreach (var (type, pieces) in new[] { ("CON", g.Content), ("SRC", g.Source), ("CUE", g.Cue) })
            {
                foreach (var piece in pieces)
                {
                    var start = -1;
                    foreach (var k in Tokens([piece]).Append(-1))
                    {
                        if (start >= 0 && (k < 0 || taken[k] || k != spans[^1].End || v.ParagraphOfToken(k) != v.ParagraphOfToken(start)))
                        {
                            start = -1;
                        }

                        if (k < 0 || taken[k])
                        {
                            continue;
                        }

                        if (start < 0)
                        {
                            start = k;
                            spans.Add(new TokenSpan(k, k + 1, type));
                        }
                        else
                        {
                            spans[^1] = spans[^1] with { End = k + 1 };
                        }

                        taken[k] = true;
                    }
                }
            }
        }

        return spans;

        IEnumerable<int> Tokens(IReadOnlyList<TextSpan> pieces)
        {
            for (var k = 0; k < v.Words.Length; k++)
            {
                var t = v.Span(k, k + 1);
                if (pieces.Any(p => t.Start < p.End && p.Start < t.End))
                {
                    yield return k;
                }
            }
        }
    }

    private static string Hash(string path)
    {
        using var sha = SHA256.Create();
        foreach (var file in Directory.GetFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
        }

        sha.TransformFinalBlock([], 0, 0);
        return Convert.ToHexStringLower(sha.Hash!);
    }
}
