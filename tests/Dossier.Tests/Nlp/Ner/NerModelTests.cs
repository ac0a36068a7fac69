using System.Text.Json;
using Dossier.Annotations;
using Dossier.Evaluation.Ner;
using Dossier.Nlp;
using Dossier.Nlp.Ner;
using Dossier.Tests.TestKit;
using Dossier.Training.Ner;

namespace Dossier.Tests.Nlp.Ner;

/// <summary>The trained tagger: overfit-save-load, the shipped model's quality floors, and its output on the seeds.</summary>
public class NerModelTests
{
    private static readonly Lazy<NerModel> Shipped = new(() => Models.Ner);

    /// <summary>Issue 21: places and facilities the tagger took for people ('Abbey Gate' with 'he' attached); the name's last word says what it is.</summary>
    [Theory]
    [InlineData("A suicide bomber struck Abbey Gate in Kabul on Thursday.", "Abbey Gate", "FAC")]
    [InlineData("Officials at Torkham Crossing said trade had resumed.", "Torkham Crossing", "FAC")]
    [InlineData("Militants hid in Khorasan Province for weeks, officials said.", "Khorasan Province", "LOC")]
    public void ANameEndingInAPlaceWord_IsNotAPerson(string sentence, string name, string label)
    {
        var doc = Models.Pipeline.Process(sentence);
        var mention = doc.Get(Layers.Mentions).Single(m => doc.GetText(m.Span) == name);
        Assert.Equal(label, mention.Label);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)] // perceptrons side by side over their own document orders, mixed
    public void Trainer_OverfitsATinySet_SavesLoadsAndPredictsTheSame(int runs)
    {
        const string conll = """
            Ahmed NNP O B-PER
            Sharif NNP O I-PER
            visited VBD O O
            Kabul NNP O B-LOC
            . . O O

            The DT O O
            Small NNP O B-ORG
            Arms NNP O I-ORG
            Survey NNP O I-ORG
            said VBD O O
            . . O O

            Afghan JJ O B-MISC
            officials NNS O O
            met VBD O O
            Rubio NNP O B-PER
            . . O O
            """;
        var docs = ConllReader.Read(new StringReader(conll));
        var config = new NerTrainingConfig { Epochs = 10, Seed = 3, Runs = runs, Features = new NerFeatureOptions { Gazetteer = false, Clusters = false, History = true } };
        var (model, _, _) = new NerTrainer().Train(config, [(null, docs)], null, Gazetteer.Empty, WordClusters.Empty);
        var (again, _, _) = new NerTrainer().Train(config, [(null, docs)], null, Gazetteer.Empty, WordClusters.Empty);

        var sentences = docs[0].Sentences.Select(s => (IReadOnlyList<string>)s.Tokens).ToList();
        var predicted = model.Tag(sentences);
        Assert.Equal(docs[0].Sentences.Select(s => s.Spans), predicted);

        using var dir = new TempDir();
        model.Save(dir.Path);
        using var dir2 = new TempDir();
        again.Save(dir2.Path);
        foreach (var file in Directory.GetFiles(dir.Path))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(dir2.Path, Path.GetFileName(file)))); // deterministic, runs in parallel or not
        }

        var loaded = NerModel.Load(dir.Path);
        Assert.Equal(predicted, loaded.Tag(sentences));
        Assert.Equal(model.Tagger.FeatureCount, loaded.Tagger.FeatureCount);
    }

    [Fact]
    public void Load_AMissingModel_SaysHowToTrainOne()
    {
        var ex = Assert.Throws<DossierException>(() => NerModel.Load("/no/such/model"));
        Assert.Equal(DossierErrorCode.NotFound, ex.Code);
        Assert.Contains("dossier train ner", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>The shipped model must not drop below the floors pinned in eval/baseline.json (CoNLL-2003 dev, eng.testa).</summary>
    [Fact]
    public void ShippedModel_MeetsTheFloorsOnConllDev()
    {
        using var baseline = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "eval", "baseline.json")));
        var ner = baseline.RootElement.GetProperty("ner");
        var epsilon = ner.GetProperty("epsilon").GetDouble();
        var data = Path.GetFullPath(Path.Combine(Repo.Root, ner.GetProperty("data").GetString()!));
        var scores = NerEvaluation.Evaluate(Shipped.Value, ConllReader.Read(data)).ToDictionary(s => s.Type);
        foreach (var floor in ner.GetProperty("f1_floors").EnumerateObject())
        {
            var f1 = scores[floor.Name].F1;
            Assert.True(f1 >= floor.Value.GetDouble() - epsilon, $"{floor.Name} F1 {f1:F2} is below its floor {floor.Value.GetDouble():F2}");
        }
    }

    /// <summary>
    /// Tagging scores each distinct word's own features once and keeps them; the scores must be
    /// those of summing every feature's weights token by token, as training defines them.
    /// </summary>
    [Fact]
    public void Emissions_ByWordScores_EqualTheSumOfEveryFeatureWeight()
    {
        var model = Shipped.Value;
        var pipeline = new PipelineBuilder().UseDefaults().Build();
        var l = model.Tagger.Labels.Count;
        var scratch = new List<ulong>();
        var features = new List<ulong>();
        var checkedTokens = 0;
        foreach (var file in Repo.SeedFiles)
        {
            var doc = pipeline.Process(new Dossier.Extraction.Ingestion.DocumentLoader().Load(file));
            var tokens = doc.Get(Layers.Tokens);
            var sentences = doc.Get(Layers.Sentences)
                .Select(s => new NerSentence([.. Enumerable.Range(s.FirstToken, s.TokenCount).Select(t => doc.GetText(tokens[t].Span))], model.Gazetteer, model.Clusters))
                .ToList();
            var context = NerDocumentContext.For(sentences, model.Options);
            foreach (var sentence in sentences)
            {
                var n = sentence.Words.Count;
                var fast = new float[n * l];
                model.Emissions(sentence, context, null, fast, scratch);
                for (var i = 0; i < n; i++)
                {
                    features.Clear();
                    NerFeatures.Extract(sentence, i, context, model.Options, features);
                    var reference = new float[l];
                    model.Tagger.AddEmissions(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features), reference);
                    for (var y = 0; y < l; y++)
                    {
                        Assert.True(Math.Abs(reference[y] - fast[i * l + y]) < 1e-3, $"'{sentence.Words[i]}' label {y}: {fast[i * l + y]} instead of {reference[y]}");
                    }

                    checkedTokens++;
                }
            }
        }

        Assert.True(checkedTokens > 2000);
    }

    [Fact]
    public void ShippedModel_TagsTheSeedsActors()
    {
        var pipeline = new PipelineBuilder().UseDefaults(Shipped.Value).Build();
        var mentions = Repo.SeedFiles
            .Select(f => pipeline.Process(new Dossier.Extraction.Ingestion.DocumentLoader().Load(f)))
            .SelectMany(d => d.Get(Layers.Mentions).Select(m => (Text: d.GetText(m.Span), m.Label)))
            .ToLookup(m => m.Text, m => m.Label);

        Assert.Contains("ORG", mentions["Tehreek-e-Taliban Pakistan"]);
        Assert.Contains("ORG", mentions["Islamic State (Khorasan Province)"]);
        Assert.Contains("PER", mentions["Shafqat Ali Khan"]);
        Assert.All(mentions["Shareefullah"], l => Assert.Equal("PER", l));
        Assert.Equal(3, mentions["Shareefullah"].Count());
        Assert.All(mentions["Torkham"], l => Assert.True(l is "LOC" or "GPE" or "FAC", $"Torkham as {l}"));
        Assert.Equal(3, mentions["Torkham"].Count());
        Assert.Contains("GPE", mentions["Geneva"]);
        Assert.Contains("MONEY", mentions["about $7 billion"]);
    }

    [Fact]
    public void Mentions_SliceToTheirTextAndNeverStartOrEndWithPunctuation()
    {
        var pipeline = new PipelineBuilder().UseDefaults(Shipped.Value).Build();
        foreach (var file in Repo.SeedFiles)
        {
            var doc = pipeline.Process(new Dossier.Extraction.Ingestion.DocumentLoader().Load(file));
            foreach (var m in doc.Get(Layers.Mentions))
            {
                var text = doc.GetText(m.Span);
                Assert.True(char.IsLetterOrDigit(text[0]) || text[0] == '$', $"mention '{text}' starts with punctuation");
                var abbreviation = text.Length > 1 && text[^1] == '.' && char.IsLetter(text[^2]);
                Assert.True(char.IsLetterOrDigit(text[^1]) || text[^1] is ')' or '%' || abbreviation, $"mention '{text}' ends with punctuation");
            }
        }
    }
}
