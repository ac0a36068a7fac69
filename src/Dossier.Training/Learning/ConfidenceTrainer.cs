using System.Text.Json;
using Dossier.Evaluation;
using Dossier.Evaluation.Events;
using Dossier.Nlp.Learning;
using Dossier.Nlp.Ner;
using Dossier.Nlp.Syntax;
using Dossier.Text;
using Dossier.Training.Ner;

namespace Dossier.Training.Learning;

/// <summary>
/// What a confidence model is trained on and how (<c>configs/events.json</c>, <c>configs/claims.json</c>). Paths are
/// relative to the config file's folder.
/// </summary>
public sealed record ConfidenceTrainingConfig
{
    /// <summary>The pools of judged items trained on, each with where its texts are; each is left out once in cross-validation.</summary>
    public IReadOnlyList<JudgedPool> Judged { get; init; } = [];

    /// <summary>Sentences annotated in full (eval/events/GUIDELINES.md) trained on as pools of their own: each asserted event coded there is right when the annotation has it with its roles. Events only.</summary>
    public IReadOnlyList<string> Annotated { get; init; } = [];

    /// <summary>
    /// Tenths of PolNeAR-style splits (<see cref="DataSplit.Tenth"/> of the article's name) trained on as pools of their own:
    /// each claim the model scores is right when a gold attribution's content is its content and the gold source its
    /// holder (<c>AttributedClaimEvaluation.Verdict</c>). Claims only.
    /// </summary>
    public IReadOnlyList<AttributedPool> Attributed { get; init; } = [];

    /// <summary>The NER model the pipeline stands on.</summary>
    public string Ner { get; init; } = "../models/ner";

    /// <summary>The syntax model the pipeline stands on.</summary>
    public string Parse { get; init; } = "../models/parse";

    /// <summary>
    /// How many examples each item of a judged pool counts for in fitting, against one for an item of an annotated or
    /// attributed pool: a reader's judgment says more (a claim's stance, an event's roles as the brief shows them) than
    /// an annotation matched by rule.
    /// </summary>
    public double JudgedWeight { get; init; } = 1;

    /// <summary>The L2 penalty on the weights (not on the bias), as a count of pseudo-examples.</summary>
    public double L2 { get; init; } = 1;

    /// <summary>Full-batch gradient steps.</summary>
    public int Iterations { get; init; } = 3000;

    /// <summary>The step size.</summary>
    public double LearningRate { get; init; } = 0.5;

    /// <summary>
    /// The share right of the items the brief shows that the model aims for on pools it was not trained on: the shown
    /// threshold is the lowest confidence of <see cref="ConfidenceTrainer.Thresholds"/> from <see cref="LowestShown"/> at
    /// which the items of every pool, each scored by the model trained without it, reach this share.
    /// </summary>
    public double ShownPrecision { get; init; } = 0.8;

    /// <summary>The lowest shown threshold tried (0.50: an item shown is more likely right than wrong).</summary>
    public double LowestShown { get; init; } = 0.5;

    /// <summary>Where the weights are written (compiled into Dossier.Nlp).</summary>
    public string Output { get; init; } = string.Empty;

    /// <summary>The pools' names in the order they are numbered: judged, annotated, attributed.</summary>
    public IReadOnlyList<string> PoolNames() =>
        [.. Judged.Select(j => j.File), .. Annotated, .. Attributed.Select(a => $"{a.Data} tenth {a.Tenth}")];

    /// <summary>Reads a config file, with every path resolved against its folder.</summary>
    public static ConfidenceTrainingConfig Load(string path)
    {
        ConfidenceTrainingConfig config;
        try
        {
            config = JsonSerializer.Deserialize<ConfidenceTrainingConfig>(File.ReadAllText(path), NerTrainingConfig.JsonOptions)
                ?? throw new DossierException(DossierErrorCode.NotFound, $"empty training config {path}");
        }
        catch (JsonException ex)
        {
            throw new DossierException(DossierErrorCode.MalformedInput, $"training config {path} is not valid: {ex.Message}");
        }

        var baseDir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string Resolve(string p) => DataFile.Resolve(baseDir, p);
        return config with
        {
            Judged = [.. config.Judged.Select(j => new JudgedPool(Resolve(j.File), Resolve(j.Texts)))],
            Annotated = [.. config.Annotated.Select(Resolve)],
            Attributed = [.. config.Attributed.Select(a => a with { Data = Resolve(a.Data) })],
            Ner = Resolve(config.Ner),
            Parse = Resolve(config.Parse),
            Output = Resolve(config.Output),
            Written = config,
        };
    }

    /// <summary>The config as written, its paths relative to its folder (the comments of the weights file name them so); null for a config not read from a file.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ConfidenceTrainingConfig? Written { get; init; }
}

/// <summary>A tenth of a PolNeAR-style split (<c>text/</c> and <c>attributions/</c>) by <see cref="DataSplit.Tenth"/> of the article's name.</summary>
public sealed record AttributedPool(string Data, int Tenth);

/// <summary>A pool of judged items: its .jsonl file and where its texts are (what <see cref="JudgedTexts.Open"/> reads).</summary>
public sealed record JudgedPool(string File, string Texts);

/// <summary>One judged item as a confidence model sees it: the pool it came from, its features and whether it was right.</summary>
public sealed record ConfidenceExample(int Pool, IReadOnlyList<string> Features, bool Right);

/// <summary>What a model trained without one pool does on that pool: its judged items, how many of them it would show (confidence at or above the chosen shown threshold) and how many of those are right, and its mean log-loss.</summary>
public sealed record HeldOutPool(string Pool, int Judged, int JudgedRight, int Shown, int ShownRight, double LogLoss)
{
    /// <summary>The share right of the items shown.</summary>
    public double Precision => Shown == 0 ? 0 : (double)ShownRight / Shown;
}

/// <summary>The judged items of all pools, each scored by the model trained without its pool, that a threshold would show, and how many of those are right.</summary>
public sealed record ThresholdPoint(double Threshold, int Shown, int ShownRight)
{
    /// <summary>The share right of the items shown.</summary>
    public double Precision => Shown == 0 ? 0 : (double)ShownRight / Shown;
}

/// <summary>What training found: the shown threshold it chose, each pool left out, and the left-out items shown at each threshold tried.</summary>
public sealed record ConfidenceTraining(double ShownThreshold, IReadOnlyList<HeldOutPool> Pools, IReadOnlyList<ThresholdPoint> Curve);

/// <summary>
/// Trains a <see cref="ConfidenceModel"/> on judged items: fits an L2-regularised logistic regression by full-batch
/// gradient descent (deterministic: the same bytes twice), cross-validates by leaving out one pool at a time, and
/// chooses the brief's shown threshold on the left-out scores (<see cref="ChooseThreshold"/>).
/// </summary>
public static class ConfidenceTrainer
{
    /// <summary>The shown thresholds tried from <paramref name="lowest"/>: up to 0.95 in steps of 0.05.</summary>
    public static IReadOnlyList<double> Thresholds(double lowest) =>
        [.. Enumerable.Range(0, 20).Select(k => k / 20.0).Where(t => t >= lowest - 1e-9)];

    /// <summary>
    /// Trains from a config file: reads the pools' items with <paramref name="examples"/> (given the config with its paths
    /// resolved and the models the pipeline stands on), trains as <see cref="Train"/>
    /// does and writes the weights to the config's output (or <paramref name="output"/> when given).
    /// </summary>
    /// <param name="configPath">The config file.</param>
    /// <param name="output">Where to write the weights instead of the config's output, or null.</param>
    /// <param name="items">What is judged, plural, as the command names it ('events', 'claims').</param>
    /// <param name="description">The first comment line of the weights file: which model this is.</param>
    /// <param name="examples">Reads the examples of the config's pools (its paths resolved), numbered as <see cref="ConfidenceTrainingConfig.PoolNames"/>.</param>
    /// <param name="log">Progress.</param>
    public static ConfidenceTraining TrainFromConfig(string configPath, string? output, string items, string description,
        Func<ConfidenceTrainingConfig, NerModel, SyntaxModel, IReadOnlyList<ConfidenceExample>> examples, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var config = ConfidenceTrainingConfig.Load(configPath);
        var written = config.Written!;
        var found = examples(config, NerModel.Load(config.Ner), SyntaxModel.Load(config.Parse));
        return Train(found, written.PoolNames(), config, output is null ? config.Output : Path.GetFullPath(output), $"dossier train {items} --config configs/{Path.GetFileName(configPath)}", [
            description,
            .. written.Judged.Select(j => $"Judged: {j.File} (texts: {j.Texts})"),
            .. written.Annotated.Select(j => "Annotated: " + j),
            .. written.Attributed.Select(a => $"Attributed: {a.Data}, tenth {a.Tenth}"),
        ], items, log);
    }

    /// <summary>
    /// Cross-validates on <paramref name="examples"/> (their pools named by <paramref name="pools"/>), chooses the
    /// shown threshold, fits the final model on all and writes it to <paramref name="output"/> after
    /// <paramref name="comments"/> and a line on how it was trained and the threshold chosen.
    /// </summary>
    public static ConfidenceTraining Train(IReadOnlyList<ConfidenceExample> examples, IReadOnlyList<string> pools, ConfidenceTrainingConfig config,
        string output, string command, IReadOnlyList<string> comments, string items, Action<string> log)
    {
        log($"{examples.Count} judged {items} ({examples.Count(e => e.Right)} right) from {pools.Count} pools");
        var leftOut = new List<(int Pool, double Confidence, bool Right)>();
        var losses = new List<double>();
        for (var pool = 0; pool < pools.Count; pool++)
        {
            var model = Fit([.. examples.Where(e => e.Pool != pool)], config, shownThreshold: 0.5); // a left-out model's own threshold is never used
            var test = examples.Where(e => e.Pool == pool).ToList();
            var p = test.Select(e => model.Probability(e.Features)).ToList();
            leftOut.AddRange(test.Select((e, k) => (pool, Math.Round(p[k], 2), e.Right)));
            losses.Add(test.Select((e, k) => -Math.Log(Math.Clamp(e.Right ? p[k] : 1 - p[k], 1e-9, 1))).DefaultIfEmpty().Average());
        }

        var curve = Thresholds(config.LowestShown).Select(t => Shown(leftOut, t)).ToList();
        var threshold = ChooseThreshold(curve, config.ShownPrecision);
        log(FormattableString.Invariant($"shown threshold {threshold:F2}: the lowest at which the left-out {items} shown are {100 * config.ShownPrecision:F0}% right"));
        var heldOut = pools.Select((name, pool) =>
        {
            var test = leftOut.Where(e => e.Pool == pool).ToList();
            var shown = Shown(test, threshold);
            return new HeldOutPool(Path.GetFileName(name), test.Count, test.Count(e => e.Right), shown.Shown, shown.ShownRight, losses[pool]);
        }).ToList();

        var final = Fit(examples, config, threshold);
        var chosen = curve.First(c => c.Threshold == threshold);
        using (var writer = new StreamWriter(output))
        {
            final.Write(writer, [
                comments[0],
                FormattableString.Invariant($"Written by: {command} ({examples.Count} judged {items}, {examples.Count(e => e.Right)} right; L2 {config.L2}, {config.Iterations} steps of {config.LearningRate}{(config.JudgedWeight == 1 ? "" : $", a judged item counting {config.JudgedWeight}")})."),
                FormattableString.Invariant($"Shown from {threshold:F2}: the lowest confidence from {config.LowestShown:F2} at which the {items} of the pools left out were at least {100 * config.ShownPrecision:F0}% right ({chosen.ShownRight} of {chosen.Shown})."),
                .. comments.Skip(1),
            ]);
        }

        log($"weights written to {output}");
        return new ConfidenceTraining(threshold, heldOut, curve);
    }

    /// <summary>
    /// Each text of each judged pool, read from the pool's texts and analysed by <paramref name="pipeline"/>, with its
    /// judgments (<paramref name="read"/> reads a pool's file, <paramref name="textOf"/> names the text a judgment is of):
    /// pools in order, texts in ordinal order of their names.
    /// </summary>
    public static IEnumerable<(int Pool, IGrouping<string, TJudgment> Judgments, Document Document)> JudgedDocuments<TJudgment>(
        IReadOnlyList<JudgedPool> pools, Func<string, IReadOnlyList<TJudgment>> read, Func<TJudgment, string> textOf, DocumentPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pools);
        ArgumentNullException.ThrowIfNull(pipeline);
        for (var pool = 0; pool < pools.Count; pool++)
        {
            var texts = JudgedTexts.Open(pools[pool].Texts);
            foreach (var group in PooledJudgments.ByText(read(pools[pool].File), textOf))
            {
                yield return (pool, group, pipeline.Process(texts.Load(group.Key)));
            }
        }
    }

    /// <summary>The lowest threshold at which the items shown are at least <paramref name="precision"/> right; when none is, the one at which the most are (the lowest of equals).</summary>
    public static double ChooseThreshold(IReadOnlyList<ThresholdPoint> curve, double precision)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentOutOfRangeException.ThrowIfZero(curve.Count);
        var ordered = curve.OrderBy(c => c.Threshold).ToList();
        return (ordered.FirstOrDefault(c => c.Shown > 0 && c.Precision >= precision)
                ?? ordered.OrderByDescending(c => c.Precision).First()).Threshold;
    }

    private static ThresholdPoint Shown(IReadOnlyList<(int Pool, double Confidence, bool Right)> items, double threshold)
    {
        var shown = items.Where(e => e.Confidence >= threshold).ToList();
        return new ThresholdPoint(threshold, shown.Count, shown.Count(e => e.Right));
    }

    /// <summary>Fits the weights on <paramref name="examples"/>, an example of a judged pool counting <see cref="ConfidenceTrainingConfig.JudgedWeight"/> times.</summary>
    private static ConfidenceModel Fit(IReadOnlyList<ConfidenceExample> examples, ConfidenceTrainingConfig config, double shownThreshold)
    {
        var names = examples.SelectMany(e => e.Features).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = names.Select((n, k) => (n, k)).ToDictionary(x => x.n, x => x.k, StringComparer.Ordinal);
        var rows = examples.Select(e => e.Features.Select(f => index[f]).ToArray()).ToList();
        var counts = examples.Select(e => e.Pool < config.Judged.Count ? config.JudgedWeight : 1).ToArray();
        var total = counts.Sum();
        var w = new double[names.Count];
        var gradient = new double[names.Count];
        for (var step = 0; step < config.Iterations; step++)
        {
            Array.Clear(gradient);
            for (var i = 0; i < rows.Count; i++)
            {
                var z = 0.0;
                foreach (var f in rows[i])
                {
                    z += w[f];
                }

                var error = counts[i] * (ConfidenceModel.Sigmoid(z) - (examples[i].Right ? 1 : 0));
                foreach (var f in rows[i])
                {
                    gradient[f] += error;
                }
            }

            for (var f = 0; f < w.Length; f++)
            {
                var penalty = names[f] == "bias" ? 0 : config.L2 * w[f];
                w[f] -= config.LearningRate * (gradient[f] + penalty) / total;
            }
        }

        return new ConfidenceModel(names.Select((n, k) => (n, Math.Round(w[k], 6))).ToDictionary(x => x.n, x => x.Item2, StringComparer.Ordinal), shownThreshold);
    }
}
