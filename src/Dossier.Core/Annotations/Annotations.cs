using Dossier.Text;

namespace Dossier.Annotations;

/// <summary>An item of an annotation layer: something anchored to a span of the document's text.</summary>
public interface IAnnotation
{
    /// <summary>The half-open character range the annotation covers.</summary>
    TextSpan Span { get; }
}

/// <summary>What kind of token a token is.</summary>
public enum TokenKind
{
    /// <summary>Letters (with inner hyphens or apostrophes), abbreviations and clitics.</summary>
    Word,

    /// <summary>A number written with digits (258,300; 7.5; 7th; 15:07).</summary>
    Number,

    /// <summary>Punctuation, including quotation marks and dashes.</summary>
    Punctuation,

    /// <summary>Currency and other symbols ($, %, &amp;).</summary>
    Symbol,

    /// <summary>A web address.</summary>
    Url,

    /// <summary>An e-mail address.</summary>
    Email,
}

/// <summary>A paragraph: a block of text separated from the next by a blank line.</summary>
public readonly record struct ParagraphData(TextSpan Span) : IAnnotation;

/// <summary>A token and its kind.</summary>
public readonly record struct TokenData(TextSpan Span, TokenKind Kind) : IAnnotation;

/// <summary>A sentence: its span, its tokens <c>[FirstToken, FirstToken + TokenCount)</c> and its paragraph.</summary>
public readonly record struct SentenceData(TextSpan Span, int FirstToken, int TokenCount, int Paragraph) : IAnnotation;

/// <summary>A mention of a named or numeric thing (PER, ORG, GPE, LOC, FAC, NORP, EVENT, MISC, DATE, MONEY, …).</summary>
/// <param name="Span">The mention's characters.</param>
/// <param name="Label">Its type, as in the analysis JSON.</param>
/// <param name="Confidence">The tagger's confidence in [0, 1]; 1 for rules.</param>
public readonly record struct MentionData(TextSpan Span, string Label, float Confidence = 1f) : IAnnotation;

/// <summary>A time expression normalised TIMEX3-style (<c>2024-05-10</c>, <c>XXXX-02-21</c>, <c>P3Y</c>).</summary>
public readonly record struct TimeData(TextSpan Span, string Type, string? Value) : IAnnotation;

/// <summary>A reported figure: its value, unit, what it counts and whether it is approximate.</summary>
public readonly record struct FigureData(TextSpan Span, double? Value, string? Unit, bool Approximate, string? What) : IAnnotation;

/// <summary>A quote (direct, indirect, mixed or unmarked) with the spans of its speaker and cue where found.</summary>
public readonly record struct QuoteData(TextSpan Span, string Kind, TextSpan? Speaker, TextSpan? Cue) : IAnnotation;

/// <summary>A claim: a statement with its holder, stance and normalised proposition.</summary>
public readonly record struct ClaimData(TextSpan Span, TextSpan? Holder, string Stance, string? Proposition) : IAnnotation;

/// <summary>An event: actor – action – target, CAMEO-coded, with time and place where found.</summary>
public readonly record struct EventData(TextSpan Span, string Code, string Label, TextSpan? Actor, TextSpan? Target, string? When, TextSpan? Where) : IAnnotation;
