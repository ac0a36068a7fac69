using Dossier.Nlp.Ner;
using Dossier.Nlp.Paragraphs;
using Dossier.Nlp.Quotes;
using Dossier.Nlp.Sentences;
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

    /// <summary>Adds named-entity and numeric mentions from a trained model (needs tokens and sentences).</summary>
    public static PipelineBuilder UseNer(this PipelineBuilder builder, NerModel model)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new NerComponent(model));
    }

    /// <summary>Adds quotes and claims (needs tokens, sentences and mentions).</summary>
    public static PipelineBuilder UseQuotes(this PipelineBuilder builder, CueLexicon? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new QuoteComponent(lexicon));
    }

    /// <summary>Adds every component built so far, in a working order; mentions, quotes and claims only when a model is given.</summary>
    public static PipelineBuilder UseDefaults(this PipelineBuilder builder, NerModel? ner = null)
    {
        builder.UseParagraphs().UseTokenizer().UseSentences();
        return ner is null ? builder : builder.UseNer(ner).UseQuotes();
    }
}
