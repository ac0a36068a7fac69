using Dossier.Nlp;
using Dossier.Nlp.Ner;

namespace Dossier.Tests.TestKit;

/// <summary>The shipped models, loaded once for all tests.</summary>
public static class Models
{
    private static readonly Lazy<NerModel> NerModel = new(() => Dossier.Nlp.Ner.NerModel.Load(Path.Combine(Repo.Root, "models", "ner")));
    private static readonly Lazy<Dossier.Nlp.Quotes.AttributionModel> AttributionModel = new(() => Dossier.Nlp.Quotes.AttributionModel.Load(Path.Combine(Repo.Root, "models", "quotes")));
    private static readonly Lazy<Dossier.Nlp.Syntax.SyntaxModel> SyntaxModel = new(() => Dossier.Nlp.Syntax.SyntaxModel.Load(Path.Combine(Repo.Root, "models", "parse")));
    private static readonly Lazy<Dossier.Nlp.Stance.StanceModel> StanceModel = new(() => Dossier.Nlp.Stance.StanceModel.Load(Path.Combine(Repo.Root, "models", "stance")));
    private static readonly Lazy<DocumentPipeline> Full = new(() => new PipelineBuilder().UseDefaults(NerModel.Value, AttributionModel.Value, SyntaxModel.Value).Build());

    private static readonly Lazy<Dossier.Knowledge.KnowledgeBase> KbFile = new(() => Dossier.Knowledge.KnowledgeBase.Load(Path.Combine(Repo.Root, "models", "kb", "kb.tsv")));

    /// <summary>models/kb.</summary>
    public static Dossier.Knowledge.KnowledgeBase Kb => KbFile.Value;

    /// <summary>models/ner.</summary>
    public static NerModel Ner => NerModel.Value;

    /// <summary>models/parse.</summary>
    public static Dossier.Nlp.Syntax.SyntaxModel Syntax => SyntaxModel.Value;

    /// <summary>models/stance.</summary>
    public static Dossier.Nlp.Stance.StanceModel Stance => StanceModel.Value;

    /// <summary>models/quotes.</summary>
    public static Dossier.Nlp.Quotes.AttributionModel Attribution => AttributionModel.Value;

    /// <summary>Every component, with the shipped models.</summary>
    public static DocumentPipeline Pipeline => Full.Value;

    /// <summary>A seed file read and run through every component.</summary>
    public static Document Seed(string prefix) => Docs.Seed(prefix, Pipeline);
}
