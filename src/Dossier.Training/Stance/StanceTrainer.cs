using System.Text.Json;
using Dossier.Evaluation.Stance;
using Dossier.Nlp.Learning;
using Dossier.Nlp.Stance;
using Dossier.Text;
using Dossier.Training.Ner;

namespace Dossier.Training.Stance;

/// <summary>What the stance model is trained on and how: <c>configs/stance.json</c>. Paths are relative to the config file's folder.</summary>
internal sealed record StanceTrainingConfig
{
    /// <summary>The bodies file (<c>Body ID,articleBody</c>).</summary>
    public string Bodies { get; init; } = string.Empty;

    /// <summary>The labelled pairs (<c>Headline,Body ID,Stance</c>); its <c>train</c> part is trained on, its <c>dev</c> part chooses the epoch (see <see cref="StanceData.Part"/> and <see cref="Evaluation.DataSplit"/>).</summary>
    public string Stances { get; init; } = string.Empty;

    /// <summary>The most frequent words kept as the vocabulary.</summary>
    public int Vocabulary { get; init; } = 5000;

    /// <summary>Hidden units.</summary>
    public int Hidden { get; init; } = 100;

    /// <summary>Whether the overlap and wording features are added to Riedel et al.'s cosine.</summary>
    public bool ExtraFeatures { get; init; } = true;

    /// <summary>The most passes over the training pairs.</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>Pairs per gradient step.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Adam's step size.</summary>
    public float LearningRate { get; init; } = 0.01f;

    /// <summary>The probability that a hidden unit is kept in training (dropout).</summary>
    public float Keep { get; init; } = 0.6f;

    /// <summary>The L2 penalty on the weights.</summary>
    public float L2 { get; init; } = 1e-5f;

    /// <summary>The largest global norm of a step's gradient.</summary>
    public float Clip { get; init; } = 5f;

    /// <summary>
    /// How strongly the loss weighs the rarer classes: each class's pairs weigh (pairs / (classes × the class's pairs))
    /// to this power, scaled so that the mean weight over the training pairs is 1. 0 weighs every pair alike; 1 weighs
    /// every class alike (cost-sensitive training for the rare disagree class).
    /// </summary>
    public float ClassWeightPower { get; init; }

    /// <summary>
    /// With a value in (0, 1), the model scored and kept is the moving average of the weights over the steps (Polyak
    /// averaging, this decay per step, warmed up over the first steps), which smooths the epoch-to-epoch swings of a
    /// network trained on noisy labels; 0 keeps the weights of the last step.
    /// </summary>
    public float Average { get; init; }

    /// <summary>Networks trained side by side (seeds <see cref="Seed"/>, <see cref="Seed"/> + 1, …) whose probabilities are averaged; more networks, less variance from the seed.</summary>
    public int Networks { get; init; } = 1;

    /// <summary>The seed of initialisation, shuffling and dropout.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>After the epoch is chosen on dev, train again from the start on train and dev together for that many epochs.</summary>
    public bool Refit { get; init; } = true;

    /// <summary>Where the model is written.</summary>
    public string Output { get; init; } = "../models/stance";

    /// <summary>Reads a config file.</summary>
    public static StanceTrainingConfig Load(string path) =>
        JsonSerializer.Deserialize<StanceTrainingConfig>(File.ReadAllText(path), NerTrainingConfig.JsonOptions)
        ?? throw new DossierException(DossierErrorCode.NotFound, $"empty training config {path}");
}

/// <summary>
/// Trains the stance model: vocabulary and inverse document frequencies from the training texts
/// (each headline and body once), then the perceptron by Adam on mini-batches with dropout, L2
/// and gradient clipping, the cross-entropy weighted towards the rare classes
/// (<see cref="StanceTrainingConfig.ClassWeightPower"/>), the weights averaged over the steps
/// (<see cref="StanceTrainingConfig.Average"/>), the epoch kept that scores best on dev (the mean
/// of the challenge's score and macro F1). Single-threaded over seeded generators, so the same
/// config and data give the same weights.
/// </summary>
public sealed class StanceTrainer(Action<string> log)
{
    private const float Beta1 = 0.9f;
    private const float Beta2 = 0.999f;
    private const float Epsilon = 1e-8f;

    private readonly Action<string> _log = log ?? throw new ArgumentNullException(nameof(log));

    /// <summary>Trains as the config says and writes model, config and metadata to its output folder.</summary>
    public StanceModel TrainFromConfig(string configPath)
    {
        var config = StanceTrainingConfig.Load(configPath);
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        string Resolve(string p) => DataFile.Resolve(baseDir, p);
        var bodies = StanceData.ReadBodies(Resolve(config.Bodies));
        var pairs = StanceData.ReadPairs(Resolve(config.Stances));
        var train = StanceData.Part(pairs, "train");
        var dev = StanceData.Part(pairs, "dev");
        _log($"{pairs.Count} pairs: train {train.Count}, dev {dev.Count}, the rest held out or across parts (not read)");

        var (model, vocabulary, devScores, epoch) = Train(config, bodies, train, dev, config.Epochs);
        _log($"best dev epoch {epoch}: FNC {devScores!.Score:F2}, F1m {100 * devScores.MacroF1:F2}");
        if (config.Refit)
        {
            _log($"training again on train and dev for {epoch} epochs");
            train = StanceData.Part(pairs, "train", "dev");
            (model, vocabulary, _, _) = Train(config, bodies, train, null, epoch);
        }

        var output = Resolve(config.Output);
        model.Save(output, vocabulary);
        File.WriteAllText(Path.Combine(output, "config.json"), File.ReadAllText(configPath));
        var meta = new Dictionary<string, object?>
        {
            ["name"] = "dossier-stance",
            ["algorithm"] = "one-hidden-layer perceptron (ReLU, dropout, softmax) over claim and text term frequencies, TF-IDF cosine and overlap/wording features (whole text, lead, and the sentences nearest the claim); Adam on a class-weighted cross-entropy, weights averaged over the steps",
            ["seed"] = config.Seed,
            ["networks"] = config.Networks,
            ["class_weight_power"] = config.ClassWeightPower,
            ["average"] = config.Average,
            ["best_epoch"] = epoch,
            ["refit_on_dev"] = config.Refit,
            ["vocabulary"] = vocabulary.Count,
            ["weights"] = model.WeightCount,
            ["train_pairs"] = train.Count,
            ["split"] = "by story (a claim and the bodies related to it), FNV-1a of its smallest Body ID mod 10: 0 holdout, 1-2 dev, else train",
            ["data"] = new[] { config.Bodies, config.Stances }.ToDictionary(p => p, p => ModelFormat.Sha256(Resolve(p))),
            ["dev_scores"] = new { fnc = Math.Round(devScores.Score, 2), f1m = Math.Round(100 * devScores.MacroF1, 2), f1 = StanceModel.Labels.Zip(devScores.F1).ToDictionary(p => p.First, p => Math.Round(100 * p.Second, 2)) },
        };
        File.WriteAllText(Path.Combine(output, "meta.json"), JsonSerializer.Serialize(meta, NerTrainingConfig.JsonOptions));
        _log($"model written to {output}");
        return model;
    }

    /// <summary>Trains for up to <paramref name="epochs"/> epochs; with dev, returns the best epoch's model and scores, else the last epoch's.</summary>
    internal (StanceModel Model, List<string> Vocabulary, StanceScores? Dev, int Epoch) Train(
        StanceTrainingConfig config, IReadOnlyDictionary<string, string> bodies, IReadOnlyList<StancePair> train, IReadOnlyList<StancePair>? dev, int epochs)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(bodies);
        ArgumentNullException.ThrowIfNull(train);
        var (vocabulary, idf) = Vocabulary(config.Vocabulary, bodies, train);
        var inputs = StanceModel.InputCount(vocabulary.Count, config.ExtraFeatures);
        var members = Enumerable.Range(0, Math.Max(1, config.Networks))
            .Select(m => new Member(new StanceNetwork(inputs, config.Hidden, StanceModel.Labels.Length), new Random(config.Seed + m))).ToList();
        var model = new StanceModel(vocabulary, idf, config.ExtraFeatures, [.. members.Select(m => m.Network)]);
        var x = Featurise(model, bodies, train);
        var y = train.Select(p => Array.IndexOf(StanceModel.Labels, p.Stance)).ToArray();
        var devX = dev is null ? null : Featurise(model, bodies, dev);
        var weights = ClassWeights(y, StanceModel.Labels.Length, config.ClassWeightPower);
        _log($"vocabulary {vocabulary.Count}, inputs {inputs}, {x.Length} training pairs, {members.Count} networks, class weights {string.Join('/', weights.Select(w => w.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))}");

        foreach (var m in members)
        {
            m.Start(x.Length, weights, config.Average);
        }

        StanceScores? best = null;
        var bestEpoch = epochs;
        float[][][]? bestWeights = null;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var loss = members.Sum(m => m.Epoch(x, y, config)) / members.Count;
            if (devX is null)
            {
                _log($"epoch {epoch}: loss {loss / x.Length:F4}");
                continue;
            }

            var scores = StanceEvaluation.Score([.. dev!.Select(p => p.Stance!)], Predict([.. members.Select(m => m.Scored)], devX));
            _log($"epoch {epoch}: loss {loss / x.Length:F4}, dev FNC {scores.Score:F2}, F1m {100 * scores.MacroF1:F2}, F1 {string.Join('/', scores.F1.Select(f => (100 * f).ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))}");
            if (best is null || Selection(scores) > Selection(best))
            {
                (best, bestEpoch) = (scores, epoch);
                bestWeights = [.. members.Select(m => m.Scored.Parameters().Select(p => p.ToArray()).ToArray())];
            }
        }

        for (var k = 0; k < members.Count; k++)
        {
            var source = bestWeights?[k] ?? [.. members[k].Scored.Parameters()];
            foreach (var (target, from) in members[k].Network.Parameters().Zip(source))
            {
                from.CopyTo(target, 0);
            }
        }

        return (model, vocabulary, best, bestEpoch);
    }

    /// <summary>Each class's weight in the loss: (pairs / (classes × the class's pairs))^power, scaled to a mean of 1 over the pairs.</summary>
    internal static float[] ClassWeights(int[] y, int classes, float power)
    {
        var counts = new int[classes];
        foreach (var c in y)
        {
            counts[c]++;
        }

        var weights = counts.Select(n => n == 0 ? 0 : Math.Pow((double)y.Length / (classes * n), power)).ToArray();
        var mean = y.Sum(c => weights[c]) / Math.Max(1, y.Length);
        return [.. weights.Select(w => (float)(w / mean))];
    }

    /// <summary>What the epoch is chosen by: the mean of the challenge's score and macro F1 (both in %).</summary>
    private static double Selection(StanceScores s) => (s.Score + (100 * s.MacroF1)) / 2;

    /// <summary>Each pair's label as the model of these networks predicts it.</summary>
    private static string[] Predict(StanceNetwork[] networks, SparseVector[] x)
    {
        var labels = new string[x.Length];
        var p = new float[StanceModel.Labels.Length];
        for (var k = 0; k < x.Length; k++)
        {
            StanceModel.Probabilities(networks, x[k], p);
            labels[k] = StanceModel.Labels[StanceNetwork.ArgMax(p)];
        }

        return labels;
    }

    /// <summary>Each pair's input, each headline and body read once.</summary>
    internal static SparseVector[] Featurise(StanceModel model, IReadOnlyDictionary<string, string> bodies, IReadOnlyList<StancePair> pairs) =>
        [.. model.ReadPairs(bodies, pairs).Select(p => model.Features(p.Claim, p.Text))];

    /// <summary>The most frequent words of the training texts (each headline and body once; ties by word) and their smoothed inverse document frequencies.</summary>
    private static (List<string> Words, float[] Idf) Vocabulary(int size, IReadOnlyDictionary<string, string> bodies, IReadOnlyList<StancePair> train)
    {
        var texts = train.Select(p => p.Headline).Distinct(StringComparer.Ordinal)
            .Concat(train.Select(p => p.BodyId).Distinct(StringComparer.Ordinal).Select(id => bodies[id]))
            .Select(StanceText.Tokenize).ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var words in texts)
        {
            foreach (var w in words)
            {
                counts[w] = counts.GetValueOrDefault(w) + 1;
            }

            foreach (var w in words.Distinct(StringComparer.Ordinal))
            {
                df[w] = df.GetValueOrDefault(w) + 1;
            }
        }

        var vocabulary = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(size).Select(p => p.Key).ToList();
        var idf = vocabulary.Select(w => (float)(Math.Log((1.0 + texts.Count) / (1.0 + df[w])) + 1)).ToArray();
        return (vocabulary, idf);
    }

    /// <summary>One network of the ensemble: its own generator (initialisation, shuffling, dropout), optimiser and moving average.</summary>
    private sealed class Member(StanceNetwork network, Random random)
    {
        private Adam? _adam;
        private StanceNetwork? _averaged;
        private float _decay;
        private int[] _order = [];
        private int _steps;

        public StanceNetwork Network { get; } = network;

        /// <summary>The network scored and kept: the moving average of the weights when there is one.</summary>
        public StanceNetwork Scored => _averaged ?? Network;

        public void Start(int pairs, float[] classWeights, float average)
        {
            Network.Initialise(random);
            _adam = new Adam(Network, classWeights);
            _order = [.. Enumerable.Range(0, pairs)];
            _decay = average;
            if (average > 0)
            {
                _averaged = new StanceNetwork(Network.Inputs, Network.Hidden, Network.Classes);
                foreach (var (target, source) in _averaged.Parameters().Zip(Network.Parameters()))
                {
                    source.CopyTo(target, 0);
                }
            }
        }

        /// <summary>One pass over the pairs in a fresh order; returns the summed loss.</summary>
        public double Epoch(SparseVector[] x, int[] y, StanceTrainingConfig config)
        {
            random.Shuffle(_order);
            double loss = 0;
            for (var start = 0; start < _order.Length; start += config.BatchSize)
            {
                loss += _adam!.Step(_order.AsSpan(start, Math.Min(config.BatchSize, _order.Length - start)), x, y, config, random);
                if (_averaged is not null)
                {
                    _steps++;
                    var decay = Math.Min(_decay, (1f + _steps) / (10f + _steps));
                    foreach (var (mean, w) in _averaged.Parameters().Zip(Network.Parameters()))
                    {
                        for (var j = 0; j < w.Length; j++)
                        {
                            mean[j] = (decay * mean[j]) + ((1 - decay) * w[j]);
                        }
                    }
                }
            }

            return loss;
        }
    }

    /// <summary>Adam over the network's parameters, with the gradient of a mini-batch under dropout.</summary>
    private sealed class Adam
    {
        private readonly StanceNetwork _n;
        private readonly float[][] _m;
        private readonly float[][] _v;
        private readonly float[][] _g;
        private readonly float[] _hidden;
        private readonly float[] _delta;
        private readonly float[] _p;
        private readonly bool[] _kept;
        private readonly float[] _weights;
        private int _t;

        public Adam(StanceNetwork network, float[] classWeights)
        {
            _n = network;
            _weights = classWeights;
            var parameters = network.Parameters().ToList();
            _m = [.. parameters.Select(p => new float[p.Length])];
            _v = [.. parameters.Select(p => new float[p.Length])];
            _g = [.. parameters.Select(p => new float[p.Length])];
            _hidden = new float[network.Hidden];
            _delta = new float[network.Hidden];
            _p = new float[network.Classes];
            _kept = new bool[network.Hidden];
        }

        /// <summary>One step on the pairs <paramref name="batch"/>; returns their summed (class-weighted) cross-entropy.</summary>
        public double Step(ReadOnlySpan<int> batch, SparseVector[] x, int[] y, StanceTrainingConfig config, Random random)
        {
            foreach (var g in _g)
            {
                Array.Clear(g);
            }

            var (g1, gb1, g2, gb2) = (_g[0], _g[1], _g[2], _g[3]);
            int hiddenCount = _n.Hidden, classes = _n.Classes;
            var scale = 1 / config.Keep;
            double loss = 0;
            foreach (var k in batch)
            {
                var input = x[k];
                _n.B1.CopyTo(_hidden, 0);
                for (var i = 0; i < input.Indices.Length; i++)
                {
                    StanceNetwork.AddScaled(_hidden, _n.W1.AsSpan(input.Indices[i] * hiddenCount, hiddenCount), input.Values[i]);
                }

                for (var h = 0; h < hiddenCount; h++)
                {
                    _kept[h] = random.NextSingle() < config.Keep;
                    _hidden[h] = _kept[h] ? MathF.Max(0, _hidden[h]) * scale : 0;
                }

                _n.Output(_hidden, _p);
                var weight = _weights[y[k]];
                loss -= weight * Math.Log(Math.Max(_p[y[k]], 1e-12f));

                // Output error (weighted by the class), then back through W2 to the kept, active hidden units.
                _p[y[k]] -= 1;
                for (var c = 0; c < classes; c++)
                {
                    _p[c] *= weight;
                }

                Array.Clear(_delta);
                for (var h = 0; h < hiddenCount; h++)
                {
                    if (_hidden[h] == 0)
                    {
                        continue;
                    }

                    StanceNetwork.AddScaled(g2.AsSpan(h * classes, classes), _p, _hidden[h]);
                    var w2 = _n.W2.AsSpan(h * classes, classes);
                    float d = 0;
                    for (var c = 0; c < classes; c++)
                    {
                        d += w2[c] * _p[c];
                    }

                    _delta[h] = d * scale;
                }

                StanceNetwork.AddScaled(gb2, _p, 1);
                StanceNetwork.AddScaled(gb1, _delta, 1);
                for (var i = 0; i < input.Indices.Length; i++)
                {
                    StanceNetwork.AddScaled(g1.AsSpan(input.Indices[i] * hiddenCount, hiddenCount), _delta, input.Values[i]);
                }
            }

            // Mean over the batch, L2 on the weights (not the biases), clipped to a global norm.
            var parameters = _n.Parameters().ToList();
            double norm = 0;
            for (var a = 0; a < parameters.Count; a++)
            {
                var (w, g) = (parameters[a], _g[a]);
                var l2 = a is 0 or 2 ? config.L2 : 0;
                for (var j = 0; j < g.Length; j++)
                {
                    g[j] = (g[j] / batch.Length) + (l2 * w[j]);
                    norm += g[j] * g[j];
                }
            }

            var clip = norm > config.Clip * config.Clip ? (float)(config.Clip / Math.Sqrt(norm)) : 1f;
            _t++;
            var rate = config.LearningRate * MathF.Sqrt(1 - MathF.Pow(Beta2, _t)) / (1 - MathF.Pow(Beta1, _t));
            for (var a = 0; a < parameters.Count; a++)
            {
                var (w, g, m, v) = (parameters[a], _g[a], _m[a], _v[a]);
                for (var j = 0; j < w.Length; j++)
                {
                    var gj = g[j] * clip;
                    m[j] = (Beta1 * m[j]) + ((1 - Beta1) * gj);
                    v[j] = (Beta2 * v[j]) + ((1 - Beta2) * gj * gj);
                    w[j] -= rate * m[j] / (MathF.Sqrt(v[j]) + Epsilon);
                }
            }

            return loss;
        }
    }
}
