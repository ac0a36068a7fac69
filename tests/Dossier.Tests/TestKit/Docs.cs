using Dossier.Annotations;
using Dossier.Extraction.Ingestion;
using Dossier.Nlp;
using Dossier.Text;

namespace Dossier.Tests.TestKit;

/// <summary>Builds documents for component tests in a line or two.</summary>
public static class Docs
{
    public static DocumentPipeline Pipeline { get; } = new PipelineBuilder().UseDefaults().Build();

    /// <summary>A plain text run through the default pipeline.</summary>
    public static Document Process(string text) => Pipeline.Process(text);

    /// <summary>A seed article read and processed as the CLI does (by the default pipeline, or the one given).</summary>
    public static Document Seed(string prefix, DocumentPipeline? pipeline = null)
    {
        var file = Repo.SeedFiles.Single(f => System.IO.Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal));
        return (pipeline ?? Pipeline).Process(new DocumentLoader().Load(file));
    }

    /// <summary>A document with hand-made paragraphs and tokens, no model or lexicon involved.</summary>
    public static Document WithTokens(string text, params (int Start, int End, TokenKind Kind)[] tokens)
    {
        var doc = new Document(text);
        doc.Set(Layers.Paragraphs, [.. ParagraphSegmenter.Segment(text).Select(s => new ParagraphData(s))]);
        doc.Set(Layers.Tokens, [.. tokens.Select(t => new TokenData(new TextSpan(t.Start, t.End), t.Kind))]);
        return doc;
    }

    public static string[] TokenTexts(Document doc) => [.. doc.Tokens.Select(t => t.Text)];

    public static string[] SentenceTexts(Document doc) => [.. doc.Sentences.Select(s => s.Text)];
}
