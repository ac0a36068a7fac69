using System.Text.Json;
using Dossier.Evaluation.Syntax;
using Dossier.Storage.Sqlite;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Cli;

/// <summary>End-to-end tests of the dossier command, run in-process with captured output.</summary>
public class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Analyze_Json_FollowsTheContract()
    {
        var (code, output, error) = Run("analyze", Repo.Seeds, "--format", "json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var docs = root.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(5, docs.Count);
        foreach (var name in new[] { "entities", "quotes", "claims", "claim_groups", "figures", "times", "events", "stories", "figure_discrepancies" })
        {
            Assert.Equal(JsonValueKind.Array, root.GetProperty(name).ValueKind);
        }

        foreach (var d in docs)
        {
            var text = d.GetProperty("text").GetString()!;
            Assert.Matches(@"\d{3}_[0-9a-f]+\.txt$", d.GetProperty("source").GetString());
            foreach (var s in d.GetProperty("sentences").EnumerateArray())
            {
                Assert.InRange(s[1].GetInt32(), s[0].GetInt32(), text.Length);
            }
        }

        var d004 = docs.Single(d => d.GetProperty("source").GetString()!.Contains("004_", StringComparison.Ordinal));
        Assert.Equal("2024-05-14", d004.GetProperty("published").GetString());
        Assert.Equal(JsonValueKind.Null, d004.GetProperty("published_not_before").ValueKind);
        Assert.Equal("America and Pakistan agree on increasing anti-terrorist cooperation", d004.GetProperty("title").GetString());

        // The dialogue the United States hosted is dated when it was held (May 10), not when the statement naming it was made (May 13).
        var hosted = root.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("trigger").GetString() == "hosted");
        Assert.Equal(("043", "2024-05-10"), (hosted.GetProperty("code").GetString(), hosted.GetProperty("when").GetString()));

        // Seed 000 states no date: its bound (the latest date it names) is not its publication date.
        var d000 = docs.Single(d => d.GetProperty("source").GetString()!.Contains("000_", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, d000.GetProperty("published").ValueKind);
        Assert.True(d000.GetProperty("published_inferred").GetBoolean());
        Assert.Equal("2021-08-26", d000.GetProperty("published_not_before").GetString());
    }

    [Fact]
    public void Analyze_Markdown_ShowsSourcesWhoSaidWhatDisputesFiguresAndTimeline()
    {
        var (code, output, _) = Run("analyze", Repo.Seeds);
        Assert.Equal(0, code);
        Assert.Contains("5 documents read, 0 failed.", output, StringComparison.Ordinal);
        Assert.Contains("| America and Pakistan agree on increasing anti-terrorist cooperation | Afghan Voice Agency (AVA) | 2024-05-14 |", output, StringComparison.Ordinal);
        Assert.Contains("## Who said what", output, StringComparison.Ordinal);
        Assert.Matches(@"\*\*Shafqat Ali Khan\*\* — \d+ statements in 2 sources", output);
        Assert.Matches("- _deny, saying_ .*“ISIS does not have a physical presence in Afghanistan, and some other countries exaggerate the capabilities of ISIS” \\[[0-9a-f]{12} ¶\\d+\\]", output); // a denial in words that carry the negation
        Assert.Contains("5 independent sources among 5 documents", output, StringComparison.Ordinal);
        Assert.Matches(@"\*\*Disputed:\*\* (_\(rests on statements below the brief's confidence\)_ )?“the presence of training camps of ISKP in Pakistan”", output);
        Assert.Matches(@"\*\*Disputed:\*\* “militant groups like the Pakistani Taliban were gaining access to them”", output); // a shown claim on each side
        Assert.Matches(@"_… and \d+ statements? below the brief's confidence \(JSON\)_", output);
        Assert.Matches(@"\| 56,155 \| light, medium and heavy machine guns \| 56,155 \| \[[0-9a-f]{12} ¶\d+\] \|", output);
        Assert.Matches(@"_\d+ more statements are only in the JSON output, with a lower `confidence` \(below 0\.\d\d\): their speaker was found a less sure way, or what was read is less often right\._", output);
        Assert.Matches(@"_\d+ more coded events are only in the JSON output: denied, planned or supposed ones \(`mode`\), those coded with confidence below 0\.\d\d, and those whose actor and target are one entity\._", output);
        Assert.Matches(@"\[[0-9a-f]{12} ¶\d+\]", output);
    }

    [Fact]
    public void Ingest_Twice_StoresEachDocumentOnce()
    {
        using var dir = new TempDir();
        var db = dir.File("d.db");
        Assert.Equal(0, Run("ingest", Repo.Seeds, "--db", db).Code);
        var (code, output, _) = Run("ingest", Repo.Seeds, "--db", db);
        Assert.Equal(0, code);
        Assert.Contains("0 added, 5 already stored, 0 failed. 5 documents", output, StringComparison.Ordinal);
        using var store = SqliteDocumentStore.Open(db);
        Assert.Equal(5, store.Count());
    }

    [Fact]
    public void Ingest_AFolderWithBadFiles_NamesEachAndStoresTheRest()
    {
        using var dir = new TempDir();
        var input = Directory.CreateDirectory(dir.File("in")).FullName;
        foreach (var seed in Repo.SeedFiles)
        {
            File.Copy(seed, Path.Combine(input, Path.GetFileName(seed)));
        }

        File.WriteAllBytes(Path.Combine(input, "image.txt"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]);
        File.WriteAllBytes(Path.Combine(input, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(input, "ff.txt"), Enumerable.Repeat((byte)0xFF, 512).ToArray());
        File.WriteAllBytes(Path.Combine(input, "photo\u001b[2J.png"), [0x89, 0x50, 0x4E, 0x47]);
        Directory.CreateSymbolicLink(Path.Combine(input, "loop"), input);
        var db = dir.File("d.db");

        var (code, output, error) = Run("ingest", input, "--db", db);

        Assert.Equal(3, code);
        Assert.Contains($"dossier: warning: skipped 1 file of kinds Dossier does not read (1 .png): {input}/photo\\u001b[2J.png", error, StringComparison.Ordinal);
        Assert.Contains($"dossier: warning: {input}/loop: a link to a folder already read (a loop); not followed", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', error);
        Assert.Contains("image.txt: the file is a PNG image, not text [BinaryInput]", error, StringComparison.Ordinal);
        Assert.Contains("empty.txt: the file is empty (0 bytes) [EmptyInput]", error, StringComparison.Ordinal);
        Assert.Contains("ff.txt: the file is not text", error, StringComparison.Ordinal);
        Assert.Contains("8 inputs: 5 added, 0 already stored, 3 failed.", output, StringComparison.Ordinal);
        using var store = SqliteDocumentStore.Open(db);
        Assert.Equal(5, store.Count());
    }

    [Fact]
    public void Analyze_OnlyBadInputs_FailsWithCode1()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("empty.txt"), []);
        var (code, _, error) = Run("analyze", dir.Path);
        Assert.Equal(1, code);
        Assert.Contains("empty.txt", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_AStatementInARelativeClause_IsTheNamedPersons_WithoutTheirWho()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("berg.txt"), "Anna Berg, who said the dam would fail, resigned on Monday.\n");
        var (code, output, _) = Run("analyze", dir.Path);
        Assert.Equal(0, code);
        Assert.Contains("**Anna Berg** — 1 statement in 1 source", output, StringComparison.Ordinal);
        Assert.Contains(": “the dam would fail” [", output, StringComparison.Ordinal); // not '…, resigned on Monday'
        Assert.DoesNotContain("(as “who”)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_AMissingPath_IsNamed()
    {
        var (code, _, error) = Run("analyze", Repo.Seeds, "/no/such/file.txt");
        Assert.Equal(3, code);
        Assert.Contains("/no/such/file.txt: no such file [NotFound]", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_PrintsADocumentWithNumberedSentences()
    {
        using var dir = new TempDir();
        var db = dir.File("d.db");
        Run("ingest", Repo.Seeds, "--db", db);
        var id = new Document(Docs.Seed("004").Text).Id;

        var (code, output, _) = Run("show", id[..6], "--db", db);

        Assert.Equal(0, code);
        Assert.Contains("# America and Pakistan agree on increasing anti-terrorist cooperation", output, StringComparison.Ordinal);
        Assert.Contains("published: 2024-05-14 15:07", output, StringComparison.Ordinal);
        Assert.Contains("¶1 [1: America and Pakistan agree on increasing anti-terrorist cooperation]", output, StringComparison.Ordinal);
        Assert.Contains("[14: Pakistan must answer in this regard.\"]", output, StringComparison.Ordinal);

        var tokens = Run("show", id, "--db", db, "--layer", "tokens").Out;
        Assert.Contains("[Tehreek-e-Taliban] [Pakistan]", tokens, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_Deps_PrintsEachSentenceAsATree()
    {
        using var dir = new TempDir();
        var db = dir.File("d.db");
        Run("ingest", Repo.Seeds, "--db", db);
        var id = new Document(Docs.Seed("004").Text).Id;

        var (code, output, _) = Run("show", id, "--db", db, "--layer", "deps");

        Assert.Equal(0, code);
        Assert.Contains("[1] America and Pakistan agree on increasing anti-terrorist cooperation", output, StringComparison.Ordinal);
        Assert.Matches(@"\n +\d+ agree  agree VERB VBP root\n", output);
        Assert.Matches(@"\n +\d+ ├─ America  America PROPN NNP nsubj\n", output);
    }

    [Fact]
    public void EvalParse_WritesPredictionsWithTheInputsWords()
    {
        using var dir = new TempDir();
        var sample = dir.File("sample.conllu");
        var predictions = dir.File("predicted.conllu");
        var gold = Conllu.ReadFile(Path.Combine(Repo.Shared, "data", "ud-english-ewt", "en_ewt-ud-dev.conllu")).Take(50).ToList();
        using (var writer = new StreamWriter(sample))
        {
            Conllu.Write(writer, gold);
        }

        var (code, output, _) = Run("eval", "parse", "--data", sample, "--predictions", predictions);

        Assert.Equal(0, code);
        Assert.Matches(@"gold words: words 100\.00  UPOS \d+\.\d\d  XPOS \d+\.\d\d  lemma \d+\.\d\d  UAS \d+\.\d\d  LAS \d+\.\d\d", output);
        Assert.Contains("raw text:", output, StringComparison.Ordinal);
        var predicted = Conllu.ReadFile(predictions);
        Assert.Equal(gold.Select(s => s.Words.Select(w => w.Form)), predicted.Select(s => s.Words.Select(w => w.Form)));
        Assert.All(predicted, s => Assert.Single(s.Words, w => w.Head == 0));
    }

    [Fact]
    public void EvalParse_AFolderOfDocuments_ScoresTheOnesItsSplitListNames()
    {
        var (code, output, error) = Run("eval", "parse", "--data", Path.Combine(Repo.Shared, "data", "gum", "dep"),
            "--include", "^GUM_news_", "--listed-in", Path.Combine(Repo.Shared, "data", "gum", "splits.md"), "--section", "dev");
        Assert.Equal(0, code);
        Assert.Contains("2 file(s)", error, StringComparison.Ordinal); // GUM's two news documents in dev
        Assert.Matches(@"gold words: words 100\.00  UPOS \d+\.\d\d", output);

        var (none, _, why) = Run("eval", "parse", "--data", Path.Combine(Repo.Shared, "data", "gum", "dep"), "--include", "^nothing_");
        Assert.Equal(1, none);
        Assert.Contains("no sentences in", why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("train", "ner", "--config", "configs/ner.json", "--cross-validate", "11")]
    [InlineData("train", "ner", "--config", "configs/ner.json", "--cross-validate", "2", "--leave-out-holdout", "/tmp/x")]
    [InlineData("eval", "ner", "--data", "x.conll", "--part", "dev")]
    [InlineData("eval", "quotes", "--data", "x", "--part", "test")]
    public void SplitOptions_OutsideTheirValues_AreRefusedBeforeAnyWork(params string[] args)
    {
        // The real config, so that only the refused option can stop the command (else it would train).
        var (code, _, error) = Run([.. args.Select(a => a == "configs/ner.json" ? Path.Combine(Repo.Root, "configs", "ner.json") : a)]);
        Assert.NotEqual(0, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.DoesNotContain("building the gazetteer", error, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalParse_AModelItCannotReadFailsClearly()
    {
        using var dir = new TempDir();
        var model = Path.Combine(dir.Path, "parse");
        Directory.CreateDirectory(model);
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Root, "models", "parse")))
        {
            File.Copy(file, Path.Combine(model, Path.GetFileName(file)));
        }

        File.WriteAllBytes(Path.Combine(model, Dossier.Nlp.Syntax.SyntaxModel.ParserFile), [1, 2, 3, 4]);

        var (code, _, error) = Run("eval", "parse", "--data", Path.Combine(Repo.Shared, "data", "ud-english-ewt", "en_ewt-ud-dev.conllu"), "--model", model);

        Assert.Equal(1, code);
        Assert.Contains("cannot be read: not a dossier-parser 1 model file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_UnknownDocument_FailsClearly()
    {
        using var dir = new TempDir();
        var db = dir.File("d.db");
        Run("ingest", Repo.Seeds, "--db", db);
        var (code, _, error) = Run("show", "ffffffffffff", "--db", db);
        Assert.Equal(1, code);
        Assert.Contains("no document 'ffffffffffff'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("analyze", "--help")]
    [InlineData("ingest", "--help")]
    [InlineData("show", "--help")]
    public void Help_IsThereEverywhere(params string[] args)
    {
        var (code, output, _) = Run(args);
        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownFormat_IsAUsageError()
    {
        var (code, _, error) = Run("analyze", Repo.Seeds, "--format", "xml");
        Assert.NotEqual(0, code);
        Assert.NotEmpty(error);
    }
}
