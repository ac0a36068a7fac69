using System.Text.Json;
using Dossier.Evaluation.Events;
using Dossier.Nlp;
using Dossier.Nlp.Events;
using Dossier.Nlp.Ner;
using Dossier.Nlp.Syntax;
using Dossier.Text;
using Dossier.Training.Ner;

namespace Dossier.Training.Events;

/// <summary>What the event confidence model is trained on and how: <c>configs/events.json</c>. Paths are relative to the config file's folder.</summary>
internal sealed record EventConfidenceTrainingConfig
{
    /// <summary>The pools of judged events (eval/events/JUDGED.md) trained on, each with where its texts are; each is left out once in cross-validation.</summary>
    public IReadOnlyList<JudgedPool> Judged { get; init; } = [];

    /// <summary>Sentences annotated in full (eval/events/GUIDELINES.md) trained on as pools of their own: each asserted event coded there is right when the annotation has it with its roles.</summary>
    public IReadOnlyList<string> Annotated { get; init; } = [];

    /// <summary>The NER model the coder stands on.</summary>
    public string Ner { get; init; } = "../models/ner";

    /// <summary>The syntax model the coder stands on.</summary>
    public string Parse { get; init; } = "../models/parse";

    /// <summary>The L2 penalty on the weights (not on the bias), as a count of pseudo-examples.</summary>
    public double L2 { get; init; } = 1;

    /// <summary>Full-batch gradient steps.</summary>
    public int Iterations { get; init; } = 3000;

    /// <summary>The step size.</summary>
    public double LearningRate { get; init; } = 0.5;

    /// <summary>
    /// The share right of the events the brief shows that the model aims for on pools it was not trained on: the shown
    /// threshold is the lowest confidence of <see cref="EventConfidenceTrainer.Thresholds"/> at which the events of every
    /// pool, each scored by the model trained without it, reach this share.
    /// </summary>
    public double ShownPrecision { get; init; } = 0.8;

    /// <summary>Where the weights are written (compiled into Dossier.Nlp).</summary>
    public string Output { get; init; } = "../src/Dossier.Nlp/Events/event-confidence.tsv";

    /// <summary>Reads a config file.</summary>
    public static EventConfidenceTrainingConfig Load(string path) =>
        JsonSerializer.Deserialize<EventConfidenceTrainingConfig>(File.ReadAllText(path), NerTrainingConfig.JsonOptions)
        ?? throw new DossierException(DossierErrorCode.NotFound, $"empty training config {path}");
}

/// <summary>A pool of judged events: its .jsonl file and its texts (a folder, or an FNC-1 bodies file; see <see cref="JudgedTexts"/>).</summary>
public sealed record JudgedPool(string File, string Texts);

/// <summary>One judged event as the model sees it: the pool it came from, its features and whether it was right.</summary>
public sealed record ConfidenceExample(int Pool, IReadOnlyList<string> Features, bool Right);

/// <summary>What a model trained without one pool does on that pool: its judged events, how many of them it would show (confidence at or above the chosen shown threshold) and how many of those are right, and its mean log-loss.</summary>
public sealed record HeldOutPool(string Pool, int Judged, int JudgedRight, int Shown, int ShownRight, double LogLoss)
{
    /// <summary>The share right of the events shown.</summary>
    public double Precision => Shown == 0 ? 0 : (double)ShownRight / Shown;
}

/// <summary>The judged events of all pools, each scored by the model trained without its pool, that a threshold would show, and how many of those are right.</summary>
public sealed record ThresholdPoint(double Threshold, int Shown, int ShownRight)
{
    /// <summary>The share right of the events shown.</summary>
    public double Precision => Shown == 0 ? 0 : (double)ShownRight / Shown;
}

/// <summary>What training found: the shown threshold it chose, each pool left out, and the left-out events shown at each threshold tried.</summary>
public sealed record EventConfidenceTraining(double ShownThreshold, IReadOnlyList<HeldOutPool> Pools, IReadOnlyList<ThresholdPoint> Curve);

/// <summary>
/// Trains <see cref="EventConfidenceModel"/>: codes the judged texts as <c>analyze</c> does, keeps each asserted
/// event (not a plain statement) that a judgment covers (<see cref="JudgedEventEvaluation.Verdict"/>) with its
/// evidence and verdict, fits an L2-regularised logistic regression by full-batch gradient descent (deterministic:
/// the same bytes twice), cross-validates by leaving out one pool at a time, and chooses the brief's shown threshold
/// on the left-out scores (<see cref="ChooseThreshold"/>).
/// </summary>
public sealed class EventConfidenceTrainer
{
    /// <summary>The shown thresholds tried: from 0.50 (an event shown is more likely right than wrong) to 0.95 in steps of 0.05.</summary>
    public static readonly IReadOnlyList<double> Thresholds = [.. Enumerable.Range(10, 10).Select(k => k / 20.0)];

    private readonly Action<string> _log;

    /// <summary>Creates a trainer that reports progress to <paramref name="log"/>.</summary>
    public EventConfidenceTrainer(Action<string>? log = null) => _log = log ?? (_ => { });

    /// <summary>Trains from a config file, writes the weights (to <paramref name="output"/> instead of the config's when given) and returns the cross-validation of every pool and the threshold chosen on it.</summary>
    public EventConfidenceTraining TrainFromConfig(string configPath, string? output = null)
    {
        var config = EventConfidenceTrainingConfig.Load(configPath);
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        string Resolve(string p) => DataFile.Resolve(baseDir, p);
        var pools = config.Judged.Select(j => j.File).Concat(config.Annotated).ToList();
        var examples = Examples([.. config.Judged.Select(j => new JudgedPool(Resolve(j.File), Resolve(j.Texts)))], [.. config.Annotated.Select(Resolve)], NerModel.Load(Resolve(config.Ner)), SyntaxModel.Load(Resolve(config.Parse)));
        _log($"{examples.Count} judged events ({examples.Count(e => e.Right)} right) from {pools.Count} pools");
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

        var curve = Thresholds.Select(t => Shown(leftOut, t)).ToList();
        var threshold = ChooseThreshold(curve, config.ShownPrecision);
        _log(FormattableString.Invariant($"shown threshold {threshold:F2}: the lowest at which the left-out events shown are {100 * config.ShownPrecision:F0}% right"));
        var heldOut = pools.Select((name, pool) =>
        {
            var test = leftOut.Where(e => e.Pool == pool).ToList();
            var shown = Shown(test, threshold);
            return new HeldOutPool(Path.GetFileName(name), test.Count, test.Count(e => e.Right), shown.Shown, shown.ShownRight, losses[pool]);
        }).ToList();

        var final = Fit(examples, config, threshold);
        var chosen = curve.First(c => c.Threshold == threshold);
        output = output is null ? Resolve(config.Output) : Path.GetFullPath(output);
        using (var writer = new StreamWriter(output))
        {
            final.Write(writer, [
                "The event coder's confidence model: logistic regression over EventEvidence.Features (src/Dossier.Nlp/Events/EventConfidenceModel.cs).",
                FormattableString.Invariant($"Written by: dossier train events --config configs/events.json ({examples.Count} judged events, {examples.Count(e => e.Right)} right; L2 {config.L2}, {config.Iterations} steps of {config.LearningRate})."),
                FormattableString.Invariant($"Shown from {threshold:F2}: the lowest confidence at which the events of the pools left out were at least {100 * config.ShownPrecision:F0}% right ({chosen.ShownRight} of {chosen.Shown})."),
                .. config.Judged.Select(j => $"Judged: {j.File} (texts: {j.Texts})"),
                .. config.Annotated.Select(j => "Annotated: " + j),
            ]);
        }

        _log($"weights written to {output}");
        return new EventConfidenceTraining(threshold, heldOut, curve);
    }

    /// <summary>The lowest threshold at which the events shown are at least <paramref name="precision"/> right; when none is, the one at which the most are (the lowest of equals).</summary>
    public static double ChooseThreshold(IReadOnlyList<ThresholdPoint> curve, double precision)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentOutOfRangeException.ThrowIfZero(curve.Count);
        var ordered = curve.OrderBy(c => c.Threshold).ToList();
        return (ordered.FirstOrDefault(c => c.Shown > 0 && c.Precision >= precision)
                ?? ordered.OrderByDescending(c => c.Precision).First()).Threshold;
    }

    private static ThresholdPoint Shown(IReadOnlyList<(int Pool, double Confidence, bool Right)> events, double threshold)
    {
        var shown = events.Where(e => e.Confidence >= threshold).ToList();
        return new ThresholdPoint(threshold, shown.Count, shown.Count(e => e.Right));
    }

    /// <summary>
    /// The judged events of the pools (judged texts first, then annotated sentences, each file a pool in that order),
    /// each with the evidence the coder weighs now.
    /// </summary>
    public static IReadOnlyList<ConfidenceExample> Examples(IReadOnlyList<JudgedPool> judged, IReadOnlyList<string> annotated, NerModel ner, SyntaxModel syntax)
    {
        ArgumentNullException.ThrowIfNull(judged);
        ArgumentNullException.ThrowIfNull(annotated);
        var pipeline = new PipelineBuilder().UseDefaults(ner, syntax: syntax).Build();
        var coder = new EventComponent();
        var examples = new List<ConfidenceExample>();
        for (var pool = 0; pool < judged.Count; pool++)
        {
            var texts = JudgedTexts.Open(judged[pool].Texts);
            foreach (var group in JudgedEventEvaluation.Read(judged[pool].File).GroupBy(j => j.Text, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var document = pipeline.Process(texts.Load(group.Key));
                foreach (var (e, evidence) in coder.Code(document))
                {
                    if (JudgedEventEvaluation.IsJudged(e, 0) && JudgedEventEvaluation.Verdict(group, document, e) is { } verdict)
                    {
                        examples.Add(new ConfidenceExample(pool, [.. evidence.Features()], verdict.Right));
                    }
                }
            }
        }

        for (var k = 0; k < annotated.Count; k++)
        {
            var documents = new List<Document>();
            var results = AnnotatedEventEvaluation.Run(AnnotatedEventEvaluation.Read(annotated[k]), pipeline, documents);
            var evidence = documents.Select(d => coder.Code(d)).ToList();
            foreach (var (e, right) in AnnotatedEventEvaluation.Judge(results))
            {
                examples.Add(new ConfidenceExample(judged.Count + k, [.. evidence[e.Document][e.Index].Evidence.Features()], right));
            }
        }

        return examples;
    }

    /// <summary>Fits the weights on <paramref name="examples"/>.</summary>
    private static EventConfidenceModel Fit(IReadOnlyList<ConfidenceExample> examples, EventConfidenceTrainingConfig config, double shownThreshold)
    {
        var names = examples.SelectMany(e => e.Features).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = names.Select((n, k) => (n, k)).ToDictionary(x => x.n, x => x.k, StringComparer.Ordinal);
        var rows = examples.Select(e => e.Features.Select(f => index[f]).ToArray()).ToList();
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

                var error = EventConfidenceModel.Sigmoid(z) - (examples[i].Right ? 1 : 0);
                foreach (var f in rows[i])
                {
                    gradient[f] += error;
                }
            }

            for (var f = 0; f < w.Length; f++)
            {
                var penalty = names[f] == "bias" ? 0 : config.L2 * w[f];
                w[f] -= config.LearningRate * (gradient[f] + penalty) / rows.Count;
            }
        }

        return new EventConfidenceModel(names.Select((n, k) => (n, Math.Round(w[k], 6))).ToDictionary(x => x.n, x => x.Item2, StringComparer.Ordinal), shownThreshold);
    }
}
