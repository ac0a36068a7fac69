using Dossier.Annotations;
using Dossier.Nlp.Coref;
using Dossier.Nlp.Events;
using Dossier.Nlp.Figures;
using Dossier.Nlp.Ner;
using Dossier.Nlp.Paragraphs;
using Dossier.Nlp.Quotes;
using Dossier.Nlp.Sentences;
using Dossier.Nlp.Time;
using Dossier.Nlp.Tokenization;

namespace Dossier.Nlp;

/// <summary>Plugs the language components into a <see cref="PipelineBuilder"/>.</summary>
public static class NlpPipelineExtensions
{
    /// <summary>Adds paragraph splitting for plain text (skipped when a reader already set paragraphs).</summary>
    public static PipelineBuilder UseParagraphs(this PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(ParagraphSplitter.Instance);
    }

    /// <summary>Adds the tokenizer.</summary>
    public static PipelineBuilder UseTokenizer(this PipelineBuilder builder, Tokenizer? tokenizer = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new TokenizerComponent(tokenizer ?? Tokenizer.Default));
    }

    /// <summary>Adds sentence splitting (needs paragraphs and tokens).</summary>
    public static PipelineBuilder UseSentences(this PipelineBuilder builder, SentenceSplitter? splitter = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(splitter ?? SentenceSplitter.Default);
    }

    /// <summary>Adds the words layer: tags, lemmas and dependency trees (needs tokens and sentences).</summary>
    public static PipelineBuilder UseSyntax(this PipelineBuilder builder, Dossier.Nlp.Syntax.SyntaxModel model)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new Dossier.Nlp.Syntax.SyntaxComponent(model));
    }

    /// <summary>Adds named-entity and numeric mentions from a trained model (needs tokens and sentences).</summary>
    public static PipelineBuilder UseNer(this PipelineBuilder builder, NerModel model)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new NerComponent(model));
    }

    /// <summary>Adds the references layer: each pronoun and role noun with the mention it refers to (needs tokens, sentences and mentions; reads the words layer when there is one).</summary>
    public static PipelineBuilder UseCoref(this PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(CorefComponent.Instance);
    }

    /// <summary>Adds quotes and the claims they carry (two components, <see cref="QuoteComponent"/> then <see cref="Dossier.Nlp.Claims.ClaimComponent"/>; needs tokens, sentences, mentions and references; adds coreference first when the pipeline has none): the rules, and the trained attribution tagger when a model is given.</summary>
    public static PipelineBuilder UseQuotes(this PipelineBuilder builder, CueLexicon? lexicon = null, AttributionModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Provides(Layers.References))
        {
            builder.UseCoref();
        }

        return builder.Add(new QuoteComponent(lexicon, model)).Add(new Dossier.Nlp.Claims.ClaimComponent(lexicon));
    }

    /// <summary>Adds dates, times, durations and sets normalised against the publication date (needs tokens and sentences).</summary>
    public static PipelineBuilder UseTimes(this PipelineBuilder builder, TimeTagger? tagger = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new TimeComponent(tagger));
    }

    /// <summary>Adds figures: values, units and what they count, from the numeric mentions (needs mentions).</summary>
    public static PipelineBuilder UseFigures(this PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new FigureComponent());
    }

    /// <summary>Adds CAMEO-coded events (needs words, mentions and times).</summary>
    public static PipelineBuilder UseEvents(this PipelineBuilder builder, VerbLexicon? verbs = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new EventComponent(verbs));
    }

    /// <summary>Adds every component built so far, in a working order; the words layer when a syntax model is given; mentions, references, quotes and claims only when an NER model is given, the attribution tagger when its model is, events when both an NER and a syntax model are.</summary>
    public static PipelineBuilder UseDefaults(this PipelineBuilder builder, NerModel? ner = null, AttributionModel? attribution = null, Dossier.Nlp.Syntax.SyntaxModel? syntax = null)
    {
        builder.UseParagraphs().UseTokenizer().UseSentences();
        if (syntax is not null)
        {
            builder.UseSyntax(syntax);
        }

        builder.UseTimes();
        if (ner is null)
        {
            return builder;
        }

        builder.UseNer(ner).UseCoref().UseQuotes(model: attribution).UseFigures();
        return syntax is null ? builder : builder.UseEvents();
    }
}
