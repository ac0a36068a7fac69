using System.Text.Json;
using Dossier.Evaluation.Ner;
using Dossier.Nlp.Ner;
using Dossier.Text;
using Dossier.Training.Learning;

namespace Dossier.Training.Ner;

/// <summary>A training corpus.</summary>
internal sealed record TrainingCorpus
{
    /// <summary>The file.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>conll (CoNLL-2003 columns) or gmb (the Kaggle GMB csv).</summary>
    public string Format { get; init; } = "conll";

    /// <summary>Its domain, for domain-specific feature copies (see <see cref="NerFeatureOptions.TargetDomain"/>).</summary>
    public string? Domain { get; init; }

    /// <summary>Its entity types mapped to the model's (types not listed become O); none maps nothing.</summary>
    public IReadOnlyDictionary<string, string>? TypeMap { get; init; }
}

/// <summary>
/// What to train on and how: the training config file (<c>configs/ner.json</c>). Paths are
/// relative to the config file's folder.
/// </summary>
internal sealed record NerTrainingConfig
{
    /// <summary>Training corpora.</summary>
    public IReadOnlyList<TrainingCorpus> Train { get; init; } = [];

    /// <summary>The development corpus, used to choose the epoch; never a test split.</summary>
    public string? Dev { get; init; }

    /// <summary>The seed of the shuffling.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The most epochs to run.</summary>
    public int Epochs { get; init; } = 15;

    /// <summary>Perceptrons trained side by side, each over its own order of the documents (seeds Seed, Seed + 1, …), whose averaged weights are averaged again (parameter mixing).</summary>
    public int Runs { get; init; } = 1;

    /// <summary>Features seen fewer times than this in training are dropped.</summary>
    public int MinFeatureCount { get; init; } = 1;

    /// <summary>Averaged weights smaller than this in magnitude are not saved.</summary>
    public float PruneBelow { get; init; } = 0.001f;

    /// <summary>The feature groups.</summary>
    public NerFeatureOptions Features { get; init; } = new();

    /// <summary>The gazetteer's sources.</summary>
    public GazetteerSources Gazetteer { get; init; } = new();

    /// <summary>How word clusters are learned from unlabelled text (none when absent).</summary>
    public WordClusterOptions? Clusters { get; init; }

    /// <summary>Where the model is written.</summary>
    public string Output { get; init; } = "../models/ner";

    /// <summary>The entity types, in label order.</summary>
    public IReadOnlyList<string> Types { get; init; } = ["PER", "ORG", "LOC", "MISC"];

    /// <summary>Reads a config file.</summary>
    public static NerTrainingConfig Load(string path) =>
        JsonSerializer.Deserialize<NerTrainingConfig>(File.ReadAllText(path), JsonOptions)
        ?? throw new DossierException(DossierErrorCode.NotFound, $"empty training config {path}");

    /// <summary>How configs and metadata are written.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };
}

/// <summary>
/// Trains the tagger: an averaged structured perceptron (Collins 2002) over hashed features,
/// shuffled each epoch with the config's seed, the epoch kept that scores best on the
/// development set. Deterministic for a given config and data.
/// </summary>
public sealed class NerTrainer
{
    private readonly Action<string> _log;

    /// <summary>Creates a trainer that reports progress through <paramref name="log"/>.</summary>
    public NerTrainer(Action<string>? log = null)
    {
        _log = log ?? (_ => { });
    }

    /// <summary>
    /// Trains from a config file and writes the model, config and metadata to the config's output
    /// folder; with <paramref name="heldOutOutput"/>, leaves the held-out tenth (fold 0 of
    /// <see cref="Evaluation.DataSplit"/>) of the CoNLL training data out and writes there instead,
    /// for <c>eval ner --part holdout</c>.
    /// </summary>
    public NerModel TrainFromConfig(string configPath, string? heldOutOutput = null)
    {
        var config = NerTrainingConfig.Load(configPath);
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        string Resolve(string p) => DataFile.Resolve(baseDir, p);

        var (gazetteer, corpora, dev) = Read(config, baseDir);
        var heldOutFold = heldOutOutput is null ? (int?)null : 0;
        var clusters = Clusters(config, baseDir, heldOutFold);
        var (model, devScores, epoch) = Train(config, TrainingPart(corpora, heldOutFold), dev, gazetteer, clusters);

        var output = heldOutOutput is null ? Resolve(config.Output) : Path.GetFullPath(heldOutOutput);
        model.Save(output);
        File.WriteAllText(Path.Combine(output, "config.json"), File.ReadAllText(configPath));
        var meta = new Dictionary<string, object?>
        {
            ["name"] = "dossier-ner",
            ["algorithm"] = "averaged structured perceptron, first-order Viterbi, BILOU",
            ["types"] = config.Types,
            ["seed"] = config.Seed,
            ["best_epoch"] = epoch,
            ["features"] = model.Tagger.FeatureCount,
            ["weights"] = model.Tagger.WeightCount,
            ["gazetteer_phrases"] = gazetteer.Count,
            ["cluster_words"] = clusters.Count,
            ["conll_part"] = heldOutOutput is null ? "all" : "train",
            ["data"] = config.Train.Select(c => c.Path).Concat(config.Dev is null ? [] : [config.Dev])
                .ToDictionary(p => p, p => Nlp.Learning.ModelFormat.Sha256(Resolve(p))),
            ["dev_scores"] = devScores?.ToDictionary(s => s.Type, s => new { precision = Math.Round(s.Precision, 2), recall = Math.Round(s.Recall, 2), f1 = Math.Round(s.F1, 2) }),
        };
        File.WriteAllText(Path.Combine(output, "meta.json"), JsonSerializer.Serialize(meta, NerTrainingConfig.JsonOptions));
        _log($"model written to {output}");
        return model;
    }

    /// <summary>
    /// Cross-validation of a config: for each of the first <paramref name="folds"/> folds of
    /// <see cref="Evaluation.DataSplit"/>, trains as the config says without that fold's held-out
    /// tenth of every CoNLL-format training corpus (and of the clusters' CoNLL text), the epoch
    /// chosen on the config's dev as usual, and tags the held-out documents. Returns the scores
    /// per fold and pooled over the folds (entities counted once each); writes nothing.
    /// </summary>
    public (IReadOnlyList<(int Fold, int Documents, double DevF1, int Epoch, IReadOnlyList<NerScore> Scores)> Folds, IReadOnlyList<NerScore> Pooled) CrossValidate(string configPath, int folds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(folds, 10);
        var config = NerTrainingConfig.Load(configPath);
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        var results = new List<(int, int, double, int, IReadOnlyList<NerScore>)>();
        var pooled = new Dictionary<string, (int Correct, int Predicted, int Gold)>(StringComparer.Ordinal);
        var (gazetteer, corpora, dev) = Read(config, baseDir); // read once; only the split and the clusters change by fold
        for (var fold = 0; fold < folds; fold++)
        {
            var clusters = Clusters(config, baseDir, fold);
            var train = TrainingPart(corpora, fold);
            var heldOut = corpora.Where(c => c.Corpus.Format == "conll").SelectMany(c => ConllReader.Part(c.Documents, "holdout", fold)).ToList();
            var (model, devScores, epoch) = Train(config, train, dev, gazetteer, clusters);
            var scores = NerEvaluation.Evaluate(model, heldOut);
            _log($"fold {fold}: {heldOut.Count:N0} held-out documents, F1 {scores[0].F1:F2} (dev {devScores?[0].F1 ?? double.NaN:F2}, epoch {epoch})");
            results.Add((fold, heldOut.Count, devScores?[0].F1 ?? double.NaN, epoch, scores));
            foreach (var s in scores)
            {
                var p = pooled.GetValueOrDefault(s.Type);
                pooled[s.Type] = (p.Correct + s.Correct, p.Predicted + s.Predicted, p.Gold + s.Gold);
            }
        }

        return (results, [.. pooled.Select(p => new NerScore(p.Key, p.Value.Correct, p.Value.Predicted, p.Value.Gold))]);
    }

    /// <summary>The gazetteer, the training corpora as read (every document) and the dev set of a config.</summary>
    private (Gazetteer Gazetteer, List<(TrainingCorpus Corpus, IReadOnlyList<LabelledDocument> Documents)> Corpora, List<LabelledDocument>? Dev) Read(
        NerTrainingConfig config, string baseDir)
    {
        string Resolve(string p) => DataFile.Resolve(baseDir, p);
        _log("building the gazetteer");
        var gazetteer = GazetteerBuilder.Build(config.Gazetteer, baseDir);
        _log($"gazetteer: {gazetteer.Count:N0} phrases");
        var corpora = config.Train.Select(c => (c, (IReadOnlyList<LabelledDocument>)(c.Format switch
        {
            "conll" => ConllReader.Read(Resolve(c.Path)),
            "gmb" => ConllReader.ReadGmb(GazetteerBuilder.Csv(Resolve(c.Path)), c.TypeMap ?? new Dictionary<string, string>()),
            _ => throw new DossierException(DossierErrorCode.UnsupportedFormat, $"unknown training corpus format '{c.Format}' (conll, gmb)", c.Path),
        }))).ToList();
        var dev = config.Dev is null ? null : ConllReader.Read(Resolve(config.Dev));
        return (gazetteer, corpora, dev);
    }

    /// <summary>The config's word clusters; with <paramref name="heldOutFold"/>, learned without that fold's held-out tenth of the CoNLL text.</summary>
    private WordClusters Clusters(NerTrainingConfig config, string baseDir, int? heldOutFold)
    {
        var clusters = config.Clusters is null ? WordClusters.Empty : WordClusterLearner.Learn(config.Clusters, baseDir, _log, heldOutFold);
        _log($"clusters: {clusters.Count:N0} words");
        return clusters;
    }

    /// <summary>The documents trained on, by domain: every CoNLL-format corpus without <paramref name="heldOutFold"/>'s held-out tenth when given.</summary>
    private static List<(string? Domain, IReadOnlyList<LabelledDocument> Documents)> TrainingPart(
        List<(TrainingCorpus Corpus, IReadOnlyList<LabelledDocument> Documents)> corpora, int? heldOutFold) =>
        [.. corpora.Select(c => (c.Corpus.Domain, heldOutFold is { } fold && c.Corpus.Format == "conll" ? ConllReader.Part(c.Documents, "train", fold) : c.Documents))];

    /// <summary>Trains on documents; returns the model of the best dev epoch (or the last, without dev).</summary>
    internal (NerModel Model, IReadOnlyList<NerScore>? DevScores, int Epoch) Train(
        NerTrainingConfig config, IReadOnlyList<(string? Domain, IReadOnlyList<LabelledDocument> Documents)> train, IReadOnlyList<LabelledDocument>? dev, Gazetteer gazetteer, WordClusters clusters)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(clusters);
        var labels = new EntityLabels(config.Types);
        var l = labels.Count;
        var options = config.Features;

        // Static features of every training token, hashed, then indexed; history features are
        // added while decoding, so they are indexed up front.
        var generals = new HashSet<ulong>(PredictionHistory.AllFeatures(labels));
        var trainDocs = train.SelectMany(c => Featurize(c.Documents, gazetteer, clusters, options, options.TargetDomain is null ? 0 : NerFeatureOptions.DomainSalt(c.Domain), generals)).ToList();
        var index = PerceptronTraining.Index(trainDocs.SelectMany(d => d).SelectMany(s => s.Features), config.MinFeatureCount);

        foreach (var hash in PredictionHistory.AllFeatures(labels))
        {
            index.TryAdd(hash, index.Count);
        }

        _log($"{trainDocs.Sum(d => d.Count):N0} training sentences in {trainDocs.Count:N0} documents, {index.Count:N0} features");
        var trainSet = trainDocs.Select(d => d.Select(s => new Prepared(s.Sentence, Index(s.Features, index), labels.Encode(s.Features.Count, s.Spans), s.Spans)).ToArray()).ToArray();
        var devSet = dev is null ? null : Featurize(dev, gazetteer, clusters, options, NerFeatureOptions.DomainSalt(options.TargetDomain), null)
            .Select(d => d.Select(s => new Prepared(s.Sentence, Index(s.Features, index), [], s.Spans)).ToArray()).ToArray();

        var runs = Enumerable.Range(0, Math.Max(1, config.Runs)).Select(r => new PerceptronRun(index.Count * l, l * l, config.Seed + r, trainSet.Length)).ToArray();
        float[]? bestWeights = null;
        float[]? bestTransitions = null;
        IReadOnlyList<NerScore>? bestScores = null;
        var bestEpoch = 0;
        var bestF1 = double.NegativeInfinity;

        for (var epoch = 1; epoch <= config.Epochs; epoch++)
        {
            Parallel.ForEach(runs, run =>
            {
                run.Random.Shuffle(run.Order);
                run.Mistakes = 0;
                foreach (var d in run.Order)
                {
                    var history = options.History ? new PredictionHistory(labels) : null;
                    foreach (var sentence in trainSet[d])
                    {
                        var features = WithHistory(sentence, history, index);
                        var predicted = PerceptronTraining.Decode(features, run.Weights, run.Transitions, labels);
                        history?.Record(sentence.Sentence, predicted);
                        run.Mistakes += PerceptronTraining.Update(features, sentence.Gold, predicted, l, run.C, run.Weights, run.Accumulated, run.Transitions, run.AccumulatedTransitions) ? 1 : 0;
                        run.C++;
                    }
                }
            });

            var mistakes = runs.Sum(r => r.Mistakes) / runs.Length;
            var averaged = PerceptronTraining.Mean(runs.Select(r => r.AveragedWeights()));
            var averagedTransitions = PerceptronTraining.Mean(runs.Select(r => r.AveragedTransitions()));
            if (devSet is null)
            {
                (bestWeights, bestTransitions, bestEpoch) = (averaged, averagedTransitions, epoch);
                _log($"epoch {epoch}: {mistakes:N0} sentences wrong");
                continue;
            }

            var pairs = new List<(IReadOnlyList<TokenSpan>, IReadOnlyList<TokenSpan>)>();
            foreach (var doc in devSet)
            {
                var history = options.History ? new PredictionHistory(labels) : null;
                foreach (var sentence in doc)
                {
                    var predicted = PerceptronTraining.Decode(WithHistory(sentence, history, index), averaged, averagedTransitions, labels);
                    history?.Record(sentence.Sentence, predicted);
                    pairs.Add((sentence.Spans, labels.Decode(predicted)));
                }
            }

            var scores = NerEvaluation.Score(pairs);
            var f1 = scores[0].F1;
            _log($"epoch {epoch}: {mistakes:N0} sentences wrong; dev F1 {f1:F2}");
            if (f1 > bestF1)
            {
                (bestF1, bestWeights, bestTransitions, bestScores, bestEpoch) = (f1, averaged, averagedTransitions, scores, epoch);
            }
        }

        // With domain copies, the target domain's copy of each feature is folded into the general
        // feature and the other domains' copies are dropped: tagging scores stay the same.
        var targetSalt = NerFeatureOptions.DomainSalt(options.TargetDomain);
        var rows = new Dictionary<ulong, (byte, float)[]>();
        foreach (var (hash, f) in index)
        {
            if (targetSalt != 0 && !generals.Contains(hash))
            {
                continue;
            }

            var copy = targetSalt != 0 && index.TryGetValue(hash ^ targetSalt, out var c2) ? c2 : -1;
            var entries = new List<(byte, float)>();
            for (var y = 0; y < l; y++)
            {
                var w = bestWeights![f * l + y] + (copy >= 0 ? bestWeights[copy * l + y] : 0);
                if (Math.Abs(w) >= config.PruneBelow)
                {
                    entries.Add(((byte)y, w));
                }
            }

            if (entries.Count > 0)
            {
                rows[hash] = [.. entries];
            }
        }

        var model = new NerModel(new PerceptronTagger(labels, rows, bestTransitions!), gazetteer, clusters, options with { DomainFolded = targetSalt != 0 });
        return (model, bestScores, bestEpoch);
    }

    private static int[][] WithHistory(Prepared sentence, PredictionHistory? history, Dictionary<ulong, int> index)
    {
        if (history is null)
        {
            return sentence.Features;
        }

        var result = new int[sentence.Features.Length][];
        var extra = new List<ulong>(4);
        for (var t = 0; t < result.Length; t++)
        {
            extra.Clear();
            history.Features(sentence.Sentence, t, extra);
            result[t] = extra.Count == 0 ? sentence.Features[t] : [.. sentence.Features[t], .. extra.Select(h => index[h])];
        }

        return result;
    }

    private static List<List<(NerSentence Sentence, List<List<ulong>> Features, IReadOnlyList<TokenSpan> Spans)>> Featurize(
        IReadOnlyList<LabelledDocument> documents, Gazetteer gazetteer, WordClusters clusters, NerFeatureOptions options, ulong domainSalt, HashSet<ulong>? generals)
    {
        var result = new List<List<(NerSentence, List<List<ulong>>, IReadOnlyList<TokenSpan>)>>();
        foreach (var doc in documents)
        {
            var prepared = doc.Sentences.Select(s => new NerSentence(s.Tokens, gazetteer, clusters)).ToList();
            var context = NerDocumentContext.For(prepared, options);
            var sentences = new List<(NerSentence, List<List<ulong>>, IReadOnlyList<TokenSpan>)>();
            for (var k = 0; k < prepared.Count; k++)
            {
                var tokens = new List<List<ulong>>(prepared[k].Words.Count);
                for (var i = 0; i < prepared[k].Words.Count; i++)
                {
                    var f = new List<ulong>(128);
                    NerFeatures.Extract(prepared[k], i, context, options, f, 0);
                    generals?.UnionWith(f);
                    if (domainSalt != 0)
                    {
                        f.AddRange(f.Select(h => h ^ domainSalt).ToList());
                    }

                    tokens.Add(f);
                }

                sentences.Add((prepared[k], tokens, doc.Sentences[k].Spans));
            }

            result.Add(sentences);
        }

        return result;
    }

    private static int[][] Index(List<List<ulong>> tokens, Dictionary<ulong, int> index) =>
        [.. tokens.Select(t => t.Where(index.ContainsKey).Select(h => index[h]).ToArray())];

    private sealed record Prepared(NerSentence Sentence, int[][] Features, int[] Gold, IReadOnlyList<TokenSpan> Spans);
}
