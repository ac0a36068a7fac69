using System.Text;
using Dossier.Tests.TestKit;

namespace Dossier.Tests.Nlp;

/// <summary>
/// Golden tests on the five seed articles: every sentence with its offsets, and every token, as
/// read from the text file by the CLI's reader. Exact comparison; the actual output is written
/// beside the golden file on a difference.
/// </summary>
public class SeedGoldenTests
{
    public static TheoryData<string> Seeds => ["000", "001", "002", "003", "004"];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Sentences_MatchGolden(string seed)
    {
        var doc = Docs.Seed(seed);
        var sb = new StringBuilder();
        foreach (var s in doc.Sentences)
        {
            sb.Append($"¶{s.Paragraph + 1} [{s.Span.Start},{s.Span.End}) {s.Text.ReplaceLineEndings(" ")}\n");
        }

        GoldenFile.AssertMatches(Path.Combine(Repo.Golden, "seeds", seed + ".sentences.txt"), sb.ToString());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Tokens_MatchGolden(string seed)
    {
        var doc = Docs.Seed(seed);
        var sb = new StringBuilder();
        foreach (var s in doc.Sentences)
        {
            sb.Append(string.Join(' ', s.Tokens.Select(t => t.Text))).Append('\n');
        }

        GoldenFile.AssertMatches(Path.Combine(Repo.Golden, "seeds", seed + ".tokens.txt"), sb.ToString());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Offsets_EveryAnnotationSlicesToItsText(string seed)
    {
        var doc = Docs.Seed(seed);
        var previous = 0;
        foreach (var t in doc.Tokens)
        {
            Assert.True(t.Span.Start >= previous);
            Assert.Equal(t.Text, doc.Text[t.Span.Start..t.Span.End]);
            previous = t.Span.End;
        }

        // Every paragraph maps back to the same characters in the source file.
        var source = File.ReadAllText(doc.Metadata.Source!);
        foreach (var p in doc.Paragraphs)
        {
            var mapped = doc.SourceMap.ToSource(p.Span);
            Assert.Equal(p.Text, source[mapped.Start..mapped.End]);
        }
    }
}
