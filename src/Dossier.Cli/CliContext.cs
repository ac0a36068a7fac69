using Dossier.Analysis;
using Dossier.Extraction.Ingestion;
using Dossier.Nlp;
using Dossier.Text;

namespace Dossier.Cli;

/// <summary>What the commands share: the output writers and the one pipeline, built once.</summary>
internal sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, bool interactive)
    {
        Output = output;
        Error = error;
        Interactive = interactive;
        Pipeline = new PipelineBuilder().UseDefaults(LoadNer(error), LoadAttribution(ModelPaths.Quotes), LoadDefaultSyntax(error)).Build();
        _fetcher = new Lazy<Dossier.Extraction.Web.PageFetcher>(() => new Dossier.Extraction.Web.PageFetcher());
        _kb = new Lazy<Dossier.Knowledge.KnowledgeBase>(() => LoadKb(error));
        _stance = new Lazy<Dossier.Nlp.Stance.StanceModel?>(() => LoadStance(error));
    }

    private readonly Lazy<Dossier.Nlp.Stance.StanceModel?> _stance;

    /// <summary>The shipped stance model, loaded when first needed; null (with a warning) when it is missing.</summary>
    public Dossier.Nlp.Stance.StanceModel? Stance => _stance.Value;

    private static Dossier.Nlp.Stance.StanceModel? LoadStance(TextWriter error)
    {
        if (!File.Exists(Path.Combine(ModelPaths.Stance, "stance.bin")))
        {
            error.WriteLine($"dossier: warning: no stance model in {ModelPaths.Stance}; claim groups carry no coverage (train it with 'dossier train stance --config configs/stance.json')");
            return null;
        }

        return Dossier.Nlp.Stance.StanceModel.Load(ModelPaths.Stance);
    }

    private readonly Lazy<Dossier.Knowledge.KnowledgeBase> _kb;
    private readonly Lazy<Dossier.Extraction.Web.PageFetcher> _fetcher;

    /// <summary>The shipped knowledge base, loaded when first needed; empty (with a warning) when it is missing.</summary>
    public Dossier.Knowledge.KnowledgeBase Kb => _kb.Value;

    private static Dossier.Knowledge.KnowledgeBase LoadKb(TextWriter error)
    {
        if (!File.Exists(ModelPaths.Kb))
        {
            error.WriteLine($"dossier: warning: no knowledge base at {ModelPaths.Kb}; entities are not linked (build it with 'dossier build kb --config configs/kb.json')");
            return Dossier.Knowledge.KnowledgeBase.Empty;
        }

        return Dossier.Knowledge.KnowledgeBase.Load(ModelPaths.Kb);
    }

    /// <summary>The shipped NER model, or null (with a warning) when it is missing.</summary>
    private static Dossier.Nlp.Ner.NerModel? LoadNer(TextWriter error)
    {
        if (!File.Exists(Path.Combine(ModelPaths.Ner, "model.bin")))
        {
            error.WriteLine($"dossier: warning: no NER model at {ModelPaths.Ner}; names are not recognised (train one with 'dossier train ner --config configs/ner.json')");
            return null;
        }

        return Dossier.Nlp.Ner.NerModel.Load(ModelPaths.Ner);
    }

    /// <summary>The shipped tagger and parser, or null (with a warning) when they are missing or unreadable: events are then not coded and attributions not checked.</summary>
    private static Dossier.Nlp.Syntax.SyntaxModel? LoadDefaultSyntax(TextWriter error)
    {
        var model = TryLoadSyntax(ModelPaths.Parse, out var problem);
        if (problem is not null)
        {
            error.WriteLine($"dossier: warning: {problem}; events are not coded and quotes are not checked against the sentence's tree");
        }

        return model;
    }

    /// <summary>The tagger, parser and lemmatizer in <paramref name="directory"/>, or null after saying on stderr why they cannot be had.</summary>
    public Dossier.Nlp.Syntax.SyntaxModel? LoadSyntax(string directory)
    {
        var model = TryLoadSyntax(directory, out var problem);
        if (problem is not null)
        {
            Fail(problem);
        }

        return model;
    }

    /// <summary>
    /// The syntactic models an eval command's <c>--parse</c> option names: its folder, the shipped
    /// <c>models/parse</c> when the option is not given, none for <c>none</c>. False (after saying
    /// why on stderr) when the folder named cannot be read.
    /// </summary>
    public bool TryLoadParseOption(string? option, out Dossier.Nlp.Syntax.SyntaxModel? syntax)
    {
        syntax = null;
        var path = option ?? ModelPaths.Parse;
        return path == "none" || (syntax = LoadSyntax(path)) is not null;
    }

    private static Dossier.Nlp.Syntax.SyntaxModel? TryLoadSyntax(string directory, out string? problem)
    {
        problem = null;
        if (!File.Exists(Path.Combine(directory, Dossier.Nlp.Syntax.SyntaxModel.ParserFile)))
        {
            problem = $"no parser model at {directory} (train one with 'dossier train parse --config configs/parse.json')";
            return null;
        }

        try
        {
            return Dossier.Nlp.Syntax.SyntaxModel.Load(directory);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or FormatException)
        {
            problem = $"the parser model at {directory} cannot be read: {e.Message}";
            return null;
        }
    }

    /// <summary>The attribution tagger in <paramref name="directory"/>, or null when there is none: quotes then come from the rules alone.</summary>
    public static Dossier.Nlp.Quotes.AttributionModel? LoadAttribution(string directory) =>
        File.Exists(Path.Combine(directory, "model.bin")) ? Dossier.Nlp.Quotes.AttributionModel.Load(directory) : null;

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>True when the error stream is a terminal, so a progress bar can be drawn on it.</summary>
    public bool Interactive { get; }

    public DocumentPipeline Pipeline { get; }

    /// <summary>A reader under the per-document <paramref name="limits"/>: fetching URLs and feed links unless <paramref name="offline"/>.</summary>
    public BatchReader ReaderFor(bool offline, DocumentLimits limits)
    {
        var loader = new DocumentLoader();
        var expander = offline ? new InputExpander(loader) : new InputExpander(loader, _fetcher.Value);
        return new BatchReader(loader, Pipeline.WithLimits(limits), expander: expander);
    }

    /// <summary>Names a failed input on stderr (control characters in the name or message shown as escapes).</summary>
    public InputFailure ReportFailure(InputOutcome outcome)
    {
        var error = outcome.Error!;
        Error.WriteLine($"dossier: {Printable.Escape(outcome.Source)}: {Printable.Escape(error.Message)} [{error.Code}]");
        return new InputFailure(outcome.Source, error.Code, error.Message);
    }

    /// <summary>Reports a fatal error on stderr (control characters shown as escapes); returns <paramref name="exitCode"/>.</summary>
    public int Fail(string message, int exitCode = ExitCodes.Failure)
    {
        Error.WriteLine($"dossier: error: {Printable.Escape(message)}");
        return exitCode;
    }

    /// <summary>The exit code for a run that read <paramref name="succeeded"/> inputs and failed on <paramref name="failed"/>.</summary>
    public static int ExitCodeFor(int succeeded, int failed) =>
        failed == 0 ? ExitCodes.Success : succeeded == 0 ? ExitCodes.Failure : ExitCodes.PartialFailure;
}
