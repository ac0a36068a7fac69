using System.Text.Json;
using Dossier.Evaluation.Syntax;
using Dossier.Nlp.Learning;
using Dossier.Nlp.Ner;
using Dossier.Nlp.Syntax;
using Dossier.Text;
using Dossier.Training.Ner;

namespace Dossier.Training.Syntax;

/// <summary>What to train the syntactic models on and how: <c>configs/parse.json</c>. Paths are relative to the config file's folder.</summary>
internal sealed record SyntaxTrainingConfig
{
    /// <summary>The training treebank (CoNLL-U).</summary>
    public string Train { get; init; } = string.Empty;

    /// <summary>The development treebank, for reporting; never a test split.</summary>
    public string? Dev { get; init; }

    /// <summary>More treebanks trained on together with <see cref="Train"/> (same UD version and relations).</summary>
    public IReadOnlyList<TreebankFiles> ExtraTrain { get; init; } = [];

    /// <summary>A file of word clusters (word TAB path) to use, e.g. the NER model's; see <see cref="LearnClusters"/>.</summary>
    public string? Clusters { get; init; }

    /// <summary>How to learn word clusters from unlabelled text instead of reading <see cref="Clusters"/>.</summary>
    public WordClusterOptions? LearnClusters { get; init; }

    /// <summary>The seed of the shuffling and the exploration.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Tagger epochs.</summary>
    public int TaggerEpochs { get; init; } = 8;

    /// <summary>Parser epochs.</summary>
    public int ParserEpochs { get; init; } = 12;

    /// <summary>The parser trains on tags predicted by taggers trained on the other folds (jackknifing), so it sees the tagger's errors; 0 or 1 trains it on gold tags.</summary>
    public int JackknifeFolds { get; init; } = 5;

    /// <summary>Whether the tagger tags twice, the second time knowing the first pass's tags of the words after each word (needs jackknifing, whose first-pass tags it learns from).</summary>
    public bool SecondPass { get; init; } = true;

    /// <summary>From this epoch on (0-based) the parser follows its own mistakes during training (dynamic oracle exploration).</summary>
    public int ExploreFrom { get; init; } = 1;

    /// <summary>How often it follows a mistake once exploring.</summary>
    public double ExploreProbability { get; init; } = 0.9;

    /// <summary>Words seen this often with one tag in at least this share of cases skip scoring.</summary>
    public int FixedTagMinCount { get; init; } = 20;

    /// <summary>The share (see <see cref="FixedTagMinCount"/>).</summary>
    public double FixedTagMinShare { get; init; } = 0.995;

    /// <summary>Averaged weights smaller than this in magnitude are not saved.</summary>
    public float PruneBelow { get; init; } = 0.01f;

    /// <summary>Parser features updated fewer times than this in training are not saved (most are seen once; dropping them costs no accuracy).</summary>
    public int MinUpdates { get; init; } = 5;

    /// <summary>Where the model is written.</summary>
    public string Output { get; init; } = "../models/parse";

    /// <summary>Reads a config file.</summary>
    public static SyntaxTrainingConfig Load(string path) =>
        JsonSerializer.Deserialize<SyntaxTrainingConfig>(File.ReadAllText(path), NerTrainingConfig.JsonOptions)
        ?? throw new DossierException(DossierErrorCode.NotFound, $"empty training config {path}");
}

/// <summary>
/// Trains the tagger, the parser and the lemmatizer on a treebank. Deterministic: the same config
/// and data give the same bytes.
/// </summary>
public sealed class SyntaxTrainer
{
    private readonly Action<string> _log;

    /// <summary>Creates a trainer that reports progress through <paramref name="log"/>.</summary>
    public SyntaxTrainer(Action<string>? log = null)
    {
        _log = log ?? (_ => { });
    }

    /// <summary>Trains from a config file and writes the model, config and metadata to its output folder.</summary>
    public SyntaxModel TrainFromConfig(string configPath)
    {
        var config = SyntaxTrainingConfig.Load(configPath);
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        string Resolve(string p) => DataFile.Resolve(baseDir, p);
        var train = Conllu.ReadFile(Resolve(config.Train));
        _log($"train: {train.Count:N0} sentences, {train.Sum(s => s.Words.Count):N0} words");
        var extraFiles = new List<string>();
        foreach (var extra in config.ExtraTrain)
        {
            var (sentences, files) = extra.Read(baseDir);
            _log($"extra train {extra.Path}: {files.Count:N0} files, {sentences.Count:N0} sentences, {sentences.Sum(s => s.Words.Count):N0} words");
            train.AddRange(sentences);
            extraFiles.AddRange(files);
        }

        var clusters = config.LearnClusters is { } learn ? WordClusterLearner.Learn(learn, baseDir, _log)
            : config.Clusters is null ? WordClusters.Empty : WordClusters.Load(Resolve(config.Clusters));
        _log($"clusters: {clusters.Count:N0} words");
        var dev = config.Dev is null ? null : Conllu.ReadFile(Resolve(config.Dev));
        var model = Train(config, train, dev, clusters);

        var output = Resolve(config.Output);
        model.Save(output);
        model = SyntaxModel.Load(output);
        File.WriteAllText(Path.Combine(output, "config.json"), File.ReadAllText(configPath));
        var meta = new Dictionary<string, object?>
        {
            ["name"] = "dossier-parse",
            ["algorithm"] = "greedy averaged-perceptron tagger (UPOS+XPOS); greedy arc-hybrid parser, averaged perceptron, dynamic oracle; lexicon + suffix-rule lemmatizer",
            ["seed"] = config.Seed,
            ["tags"] = model.Tagger.Tags.Count,
            ["relations"] = model.Parser.Relations.Length,
            ["tagger_features"] = model.Tagger.Model.FeatureCount,
            ["parser_features"] = model.Parser.Model.FeatureCount,
            ["parser_weights"] = model.Parser.Model.WeightCount,
            ["data"] = new[] { config.Train }.Concat(config.Dev is null ? [] : [config.Dev]).ToDictionary(p => p, p => ModelFormat.Sha256(Resolve(p))),
            ["extra_train"] = extraFiles,
        };
        if (config.Dev is not null)
        {
            var score = SyntaxEvaluation.EvaluateGoldWords(model, dev!, null);
            _log($"dev (gold words): {score}");
            meta["dev_gold_words"] = score.ToDictionary();
        }

        File.WriteAllText(Path.Combine(output, "meta.json"), JsonSerializer.Serialize(meta, NerTrainingConfig.JsonOptions));
        _log($"model written to {output}");
        return model;
    }

    /// <summary>Trains the three models on treebank sentences; the epochs of tagger and parser that score best on <paramref name="dev"/> are kept (the last without it).</summary>
    internal SyntaxModel Train(SyntaxTrainingConfig config, IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev, WordClusters clusters)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(train);
        var tags = train.SelectMany(s => s.Words).Select(TagOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var tagIndex = tags.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        var sentences = train.Select(s => new Example(s, [.. s.Words.Select(w => w.Form)], [.. s.Words.Select(w => tagIndex[TagOf(w)])], clusters)).ToList();

        _log($"tagger: {tags.Count} tags, {config.TaggerEpochs} epochs");
        var devExamples = dev?.Select(s => new Example(s, [.. s.Words.Select(w => w.Form)], [.. s.Words.Select(w => tagIndex.GetValueOrDefault(TagOf(w), -1))], clusters)).ToList();
        var tagger = TrainTagger(config, tags, sentences, config.Seed, devExamples, null, null);

        var predicted = new int[sentences.Count][];
        if (config.JackknifeFolds > 1)
        {
            for (var fold = 0; fold < config.JackknifeFolds; fold++)
            {
                var rest = sentences.Where((_, i) => i % config.JackknifeFolds != fold).ToList();
                var foldTagger = TrainTagger(config, tags, rest, config.Seed + fold + 1, null, null, null);
                for (var i = fold; i < sentences.Count; i += config.JackknifeFolds)
                {
                    predicted[i] = foldTagger.TagFirstPass(sentences[i].Forms, clusters);
                }

                _log($"jackknife fold {fold + 1}/{config.JackknifeFolds} tagged");
            }
        }
        else
        {
            for (var i = 0; i < sentences.Count; i++)
            {
                predicted[i] = sentences[i].Tags;
            }
        }

        if (config.SecondPass && config.JackknifeFolds > 1)
        {
            _log("tagger: second pass, on the jackknifed first pass's tags");
            tagger = TrainTagger(config, tags, sentences, config.Seed + 100, devExamples, predicted, tagger);
        }

        var devTags = devExamples?.Select(e => tagger.Tag(e.Forms, clusters)).ToList();
        var parser = TrainParser(config, sentences, predicted, devExamples, devTags);
        var lemmatizer = Lemmatizer.Learn(train.SelectMany(s => s.Words).Select(w => (w.Form, w.Xpos, w.Lemma)));
        _log($"lemmatizer: {lemmatizer.LexiconSize:N0} forms, {lemmatizer.RuleCount:N0} suffix rules");
        var hyphenated = train.SelectMany(s => s.Words).Select(w => w.Form)
            .Where(f => f.IndexOf('-', StringComparison.Ordinal) > 0 && f.Any(char.IsLetter) && !f.Contains("://", StringComparison.Ordinal) && !f.Contains('@', StringComparison.Ordinal))
            .Select(f => f.ToLowerInvariant());
        return new SyntaxModel(tagger, parser, lemmatizer, clusters, new TreebankWords(hyphenated));
    }

    /// <summary>
    /// Trains the first pass of a tagger or, given the first pass and its tags of each training
    /// sentence (<paramref name="right"/>), the second.
    /// </summary>
    private PosTagger TrainTagger(SyntaxTrainingConfig config, List<string> tags, IReadOnlyList<Example> sentences, int seed, IReadOnlyList<Example>? dev, int[][]? right, PosTagger? first)
    {
        PosTagger? best = null;
        var bestScore = -1.0;
        var fixedTags = FixedTags(config, sentences);
        var ambiguity = Ambiguity(sentences);
        var prepared = sentences.Select(s => new WordFeatures(s.Forms, s.Clusters, ambiguity)).ToList();
        var perceptron = new AveragedPerceptron(tags.Count);
        var random = new Random(seed);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var features = new List<ulong>(40);
        var scores = new float[tags.Count];
        for (var epoch = 0; epoch < config.TaggerEpochs; epoch++)
        {
            random.Shuffle(order);
            int correct = 0, total = 0;
            foreach (var k in order)
            {
                var s = sentences[k];
                var previous = -1;
                var beforePrevious = -1;
                for (var i = 0; i < s.Forms.Length; i++)
                {
                    var gold = s.Tags[i];
                    int guess;
                    if (fixedTags.TryGetValue(s.Forms[i], out var fixedTag))
                    {
                        guess = fixedTag;
                    }
                    else
                    {
                        features.Clear();
                        PosTagger.Features(prepared[k], i, previous, beforePrevious, right?[k], features);
                        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features);
                        perceptron.Score(span, scores);
                        guess = PosTagger.ArgMax(scores);
                        perceptron.Update(span, gold, guess);
                        perceptron.Tick();
                    }

                    correct += guess == gold ? 1 : 0;
                    total++;
                    beforePrevious = previous;
                    previous = guess;
                }
            }

            if (dev is null)
            {
                continue;
            }

            var candidate = Tagger(perceptron.ToModel(config.PruneBelow));
            var score = TagAccuracy(candidate, dev);
            _log($"  tagger epoch {epoch + 1}: train {100.0 * correct / total:F2}, dev {score:F2}");
            if (score > bestScore)
            {
                (best, bestScore) = (candidate, score);
            }
        }

        return best ?? Tagger(perceptron.ToModel(config.PruneBelow));

        PosTagger Tagger(LinearModel model) =>
            first is null ? new PosTagger(tags, model, fixedTags, ambiguity) : new PosTagger(tags, first.Model, fixedTags, ambiguity, model);
    }

    private static double TagAccuracy(PosTagger tagger, IReadOnlyList<Example> dev)
    {
        int correct = 0, total = 0;
        foreach (var e in dev)
        {
            var predicted = tagger.Tag(e.Forms, e.Clusters);
            for (var i = 0; i < predicted.Length; i++)
            {
                correct += predicted[i] == e.Tags[i] ? 1 : 0;
                total++;
            }
        }

        return 100.0 * correct / Math.Max(1, total);
    }

    /// <summary>Each normalised word seen at least twice, with the hash of the tags it had in at least a twentieth of its uses.</summary>
    private static Dictionary<string, ulong> Ambiguity(IReadOnlyList<Example> sentences)
    {
        var counts = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            for (var i = 0; i < s.Forms.Length; i++)
            {
                var norm = WordFeatures.Normalise(s.Forms[i]);
                if (!counts.TryGetValue(norm, out var byTag))
                {
                    counts[norm] = byTag = [];
                }

                byTag[s.Tags[i]] = byTag.GetValueOrDefault(s.Tags[i]) + 1;
            }
        }

        var classes = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var (norm, byTag) in counts)
        {
            var total = byTag.Values.Sum();
            if (total < 2)
            {
                continue;
            }

            var hash = FeatureHash.Of("<ambiguity>");
            foreach (var tag in byTag.Where(t => t.Value * 20 >= total).Select(t => t.Key).Order())
            {
                hash = FeatureHash.Feature(tag, hash);
            }

            classes[norm] = hash;
        }

        return classes;
    }

    private static Dictionary<string, int> FixedTags(SyntaxTrainingConfig config, IReadOnlyList<Example> sentences)
    {
        var counts = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            for (var i = 0; i < s.Forms.Length; i++)
            {
                if (!counts.TryGetValue(s.Forms[i], out var byTag))
                {
                    counts[s.Forms[i]] = byTag = [];
                }

                byTag[s.Tags[i]] = byTag.GetValueOrDefault(s.Tags[i]) + 1;
            }
        }

        var fixedTags = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (form, byTag) in counts)
        {
            var total = byTag.Values.Sum();
            var (tag, count) = byTag.OrderByDescending(t => t.Value).ThenBy(t => t.Key).First();
            if (total >= config.FixedTagMinCount && count >= config.FixedTagMinShare * total)
            {
                fixedTags[form] = tag;
            }
        }

        return fixedTags;
    }

    private DependencyParser TrainParser(SyntaxTrainingConfig config, List<Example> sentences, int[][] tags, List<Example>? dev, List<int[]>? devTags)
    {
        DependencyParser? bestParser = null;
        var bestScore = -1.0;
        var relations = sentences.SelectMany(s => s.Sentence.Words).Select(w => w.Relation).Append("root").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (relations.Count > 64)
        {
            throw new DossierException(DossierErrorCode.UnsupportedFormat, $"the treebank has {relations.Count} relations; the parser takes at most 64");
        }

        var relationIndex = relations.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i, StringComparer.Ordinal);
        var root = relationIndex["root"];
        var r = relations.Count;
        var actions = DependencyParser.ActionCount(r);
        var gold = sentences.Select(s => Projective(s.Sentence)).ToList();
        var goldLabels = sentences.Select(s => s.Sentence.Words.Select(w => relationIndex[w.Relation]).ToArray()).ToList();
        _log($"parser: {r} relations, {actions} transitions, {gold.Count(g => g.Lifted > 0)} non-projective trees lifted");

        var perceptron = new AveragedPerceptron(actions);
        var random = new Random(config.Seed);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var features = new List<ulong>(128);
        var scores = new float[actions];
        var costs = new int[actions];
        for (var epoch = 0; epoch < config.ParserEpochs; epoch++)
        {
            random.Shuffle(order);
            long steps = 0, mistakes = 0;
            foreach (var k in order)
            {
                var n = sentences[k].Forms.Length;
                var heads = gold[k].Heads;
                var labels = goldLabels[k];
                var state = new ParseState(n, root);
                while (!state.IsTerminal)
                {
                    features.Clear();
                    DependencyParser.Features(state, sentences[k].Words, tags[k], features);
                    var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features);
                    perceptron.Score(span, scores);
                    Costs(state, heads, labels, r, root, costs);
                    int predicted = -1, best = -1;
                    for (var a = 0; a < actions; a++)
                    {
                        if (costs[a] < 0)
                        {
                            continue;
                        }

                        if (predicted < 0 || scores[a] > scores[predicted])
                        {
                            predicted = a;
                        }

                        if (best < 0 || costs[a] < costs[best] || (costs[a] == costs[best] && scores[a] > scores[best]))
                        {
                            best = a;
                        }
                    }

                    var next = predicted;
                    if (costs[predicted] > costs[best])
                    {
                        mistakes++;
                        perceptron.Update(span, best, predicted);
                        if (epoch < config.ExploreFrom || random.NextDouble() >= config.ExploreProbability)
                        {
                            next = best;
                        }
                    }

                    DependencyParser.Apply(state, next, r);
                    perceptron.Tick();
                    steps++;
                }
            }

            var message = $"  parser epoch {epoch + 1}: {100.0 * mistakes / steps:F2}% of {steps:N0} transitions wrong, {perceptron.FeatureCount:N0} features";
            if (dev is not null && epoch >= config.ParserEpochs / 2)
            {
                var candidate = new DependencyParser(relations, perceptron.ToModel(config.PruneBelow, config.MinUpdates));
                var las = AttachmentScore(candidate, dev, devTags!);
                message += $", dev LAS {las:F2} ({candidate.Model.FeatureCount:N0} features kept, {candidate.Model.WeightCount:N0} weights)";

                if (las > bestScore)
                {
                    (bestParser, bestScore) = (candidate, las);
                }
            }

            _log(message);
        }

        return bestParser ?? new DependencyParser(relations, perceptron.ToModel(config.PruneBelow, config.MinUpdates));
    }

    /// <summary>LAS (relation subtypes ignored) on dev sentences with the given tags.</summary>
    private static double AttachmentScore(DependencyParser parser, List<Example> dev, List<int[]> tags)
    {
        int correct = 0, total = 0;
        for (var k = 0; k < dev.Count; k++)
        {
            var (heads, relations) = parser.Parse(dev[k].Forms, tags[k], dev[k].Clusters);
            var words = dev[k].Sentence.Words;
            for (var i = 0; i < words.Count; i++)
            {
                total++;
                if (heads[i] + 1 == words[i].Head && SyntaxEvaluation.BaseRelation(parser.Relations[relations[i]]) == SyntaxEvaluation.BaseRelation(words[i].Relation))
                {
                    correct++;
                }
            }
        }

        return 100.0 * correct / Math.Max(1, total);
    }

    /// <summary>
    /// The cost of each transition in a state (arcs of the gold tree it makes unreachable, Goldberg
    /// and Nivre 2013; a wrong relation on a gold arc costs one), -1 for those not allowed. Gold
    /// heads index words, the root is n.
    /// </summary>
    internal static void Costs(ParseState s, int[] heads, int[] labels, int relations, int root, int[] costs)
    {
        int s0 = s.S(0), s1 = s.S(1), b0 = s.B(0), n = s.N;
        var shift = 0;
        var left = 0;
        var right = 0;
        if (s.CanShift)
        {
            for (var k = 0; k < s.StackCount; k++)
            {
                var x = s.Stack[k];
                shift += heads[x] == b0 ? 1 : 0;
                shift += heads[b0] == x && x != s0 ? 1 : 0;
            }
        }

        if (s0 >= 0)
        {
            var dependentsInBuffer = 0;
            for (var d = s.Buffer; d < n; d++)
            {
                dependentsInBuffer += heads[d] == s0 ? 1 : 0;
            }

            var h = heads[s0];
            left = dependentsInBuffer + (h != b0 && (h == s1 || h > b0) ? 1 : 0);
            right = dependentsInBuffer + (h >= s.Buffer ? 1 : 0);
        }

        for (var a = 0; a < costs.Length; a++)
        {
            if (!DependencyParser.Allowed(s, a, relations, root))
            {
                costs[a] = -1;
            }
            else if (a == 0)
            {
                costs[a] = shift;
            }
            else if (a <= relations)
            {
                costs[a] = left + (heads[s0] == b0 && a - 1 != labels[s0] && b0 != n ? 1 : 0);
            }
            else
            {
                costs[a] = right + (heads[s0] == s1 && a - 1 - relations != labels[s0] ? 1 : 0);
            }
        }
    }

    /// <summary>The gold heads (root = n) made projective by lifting each crossing arc to the head's head until none crosses.</summary>
    internal static (int[] Heads, int Lifted) Projective(ConlluSentence sentence)
    {
        var n = sentence.Words.Count;
        var heads = sentence.Words.Select(w => w.Head == 0 ? n : w.Head - 1).ToArray();
        var lifted = 0;
        while (ShortestCrossing(heads) is var d and >= 0 && lifted < 10 * n)
        {
            heads[d] = heads[heads[d]];
            lifted++;
        }

        return (heads, lifted);
    }

    /// <summary>The dependent of the shortest non-projective arc (a word between head and dependent that the head does not dominate), or -1.</summary>
    internal static int ShortestCrossing(int[] heads)
    {
        var n = heads.Length;
        int best = -1, bestLength = int.MaxValue;
        for (var d = 0; d < n; d++)
        {
            var h = heads[d];
            if (h == n)
            {
                continue;
            }

            int lo = Math.Min(h, d), hi = Math.Max(h, d);
            for (var k = lo + 1; k < hi; k++)
            {
                var a = k;
                var steps = 0;
                while (a != h && a != n && steps++ <= n)
                {
                    a = heads[a];
                }

                if (a != h && hi - lo < bestLength)
                {
                    best = d;
                    bestLength = hi - lo;
                    break;
                }
            }
        }

        return best;
    }

    private static string TagOf(ConlluWord w) => w.Upos + " " + w.Xpos;

    private sealed class Example(ConlluSentence sentence, string[] forms, int[] tags, WordClusters clusters)
    {
        public WordClusters Clusters { get; } = clusters;

        public ConlluSentence Sentence { get; } = sentence;

        public string[] Forms { get; } = forms;

        public int[] Tags { get; } = tags;

        public WordFeatures Words { get; } = new(forms, clusters);
    }
}
