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

/// <summary>How a reference was resolved to its antecedent.</summary>
public enum ReferenceKind : byte
{
    /// <summary>A pronoun ('he', 'his', 'they'): the nearest fitting mention named before it.</summary>
    Pronoun,

    /// <summary>A role noun whose antecedent was introduced with that role ('spokesperson Shafqat Ali Khan' … 'the spokesperson') or names it ('the ministry' → 'Ministry of Defense').</summary>
    Role,

    /// <summary>A person's role noun whose antecedent is the organisation named with the role ('Foreign Office spokesperson'): the office spoke.</summary>
    Affiliation,

    /// <summary>A role noun whose antecedent is only the nearest mention of the fitting type ('the country', 'the spokesperson' when no one was introduced with that role): a guess.</summary>
    Nearest,
}

/// <summary>A pronoun or role noun and the mention it refers to (coreference, resolved once per document).</summary>
/// <param name="Span">The reference: the pronoun ('he'), or the role noun with its article ('the spokesperson').</param>
/// <param name="Mention">The index, in the document's mentions layer, of the named mention it refers to (its antecedent, named before it).</param>
/// <param name="Kind">How the antecedent was found.</param>
public readonly record struct ReferenceData(TextSpan Span, int Mention, ReferenceKind Kind) : IAnnotation;

/// <summary>Finding tokens by character offset.</summary>
public static class TokenSearch
{
    /// <summary>The index of the first token that ends after <paramref name="offset"/> (the token holding it, or the next one); the token count when none does.</summary>
    public static int FirstEndingAfter(System.Collections.Immutable.ImmutableArray<TokenData> tokens, int offset)
    {
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].Span.End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}

/// <summary>Finding the items of a layer (in start order, as a document keeps them) by offset, without a scan.</summary>
public static class SpanSearch
{
    /// <summary>
    /// The first index in <c>[0, count)</c> at which <paramref name="before"/> is false, for a
    /// predicate that is true for a prefix of the indices and false after it (binary search);
    /// <paramref name="count"/> when it is true everywhere.
    /// </summary>
    public static int FirstNotBefore(int count, Func<int, bool> before)
    {
        ArgumentNullException.ThrowIfNull(before);
        int lo = 0, hi = count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (before(mid))
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The index of the first item that starts at or after <paramref name="offset"/>; the count when none does.</summary>
    public static int FirstStartingAtOrAfter<T>(IReadOnlyList<T> items, int offset)
        where T : IAnnotation
    {
        ArgumentNullException.ThrowIfNull(items);
        return FirstNotBefore(items.Count, k => items[k].Span.Start < offset);
    }

    /// <summary>The items that lie inside <paramref name="span"/>, in order.</summary>
    public static List<T> Within<T>(IReadOnlyList<T> items, TextSpan span)
        where T : IAnnotation
    {
        var inside = new List<T>();
        for (var k = FirstStartingAtOrAfter(items, span.Start); k < items.Count && items[k].Span.Start < span.End; k++)
        {
            if (span.Contains(items[k].Span))
            {
                inside.Add(items[k]);
            }
        }

        return inside;
    }
}

/// <summary>The mention labels.</summary>
public static class MentionLabels
{
    /// <summary>The labels that name an entity (the rest are numbers and times).</summary>
    public static IReadOnlySet<string> Named { get; } = new HashSet<string>(["PER", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "MISC"], StringComparer.Ordinal);
}

/// <summary>A time expression normalised TIMEX3-style (<c>2024-05-10</c>, <c>XXXX-02-21</c>, <c>P3Y</c>).</summary>
/// <param name="Span">The expression in the text.</param>
/// <param name="Type">DATE, TIME, DURATION or SET.</param>
/// <param name="Value">The TIMEX3 value; null when it depends on a date the document does not give.</param>
/// <param name="Mod">TimeML's modifier (APPROX, MORE_THAN, START, END, MID …), where the text gives one.</param>
public readonly record struct TimeData(TextSpan Span, string Type, string? Value, string? Mod = null) : IAnnotation;

/// <summary>A reported figure: its value, unit, what it counts and whether it is approximate.</summary>
/// <param name="Span">The figure as written ('about 160', '$7 billion').</param>
/// <param name="Value">The number (7e9 for '$7 billion'); null when none could be read.</param>
/// <param name="Unit">Currency (ISO code), '%', or a unit of measure; null for a plain count.</param>
/// <param name="Approximate">True for 'about', 'more than', 'hundreds of' and the like.</param>
/// <param name="What">The words that say what is counted ('civilians', 'worth of military hardware').</param>
/// <param name="WhatSpan">Where those words are.</param>
/// <param name="High">For a range ('between 150 and 200'), its upper end; <paramref name="Value"/> is the lower.</param>
public readonly record struct FigureData(TextSpan Span, double? Value, string? Unit, bool Approximate, string? What, TextSpan? WhatSpan = null, double? High = null) : IAnnotation;

/// <summary>How a quote's speaker was found.</summary>
public enum SpeakerFound : byte
{
    /// <summary>A name in the speaker phrase (or the organisation the phrase ends with).</summary>
    Named,

    /// <summary>A person pronoun ("he", "she"), resolved to the person it stands for.</summary>
    Pronoun,

    /// <summary>The organisation or state the speaker speaks for ("Pakistan's foreign office", "Taliban officials").</summary>
    Affiliation,

    /// <summary>A role noun ("the spokesperson"), resolved to the person introduced with that role.</summary>
    Role,

    /// <summary>The nearest earlier person: a guess.</summary>
    Nearest,

    /// <summary>The previous quote's speaker, whose words continue.</summary>
    Continuation,

    /// <summary>No one is named ("sources", "officials").</summary>
    Unnamed,

    /// <summary>A group pronoun ("they", "it", "we"), resolved to the organisation named last: right about half the time, where a person pronoun is right five times in six.</summary>
    GroupPronoun,
}

/// <summary>How a quote's speaker was found, and whether the quote was found by the trained attribution tagger rather than the rules; written <c>named</c>, <c>tagger:pronoun</c>, ….</summary>
/// <param name="Found">How the speaker was found.</param>
/// <param name="ByTagger">True for a quote the attribution tagger found.</param>
public readonly record struct AttributionWay(SpeakerFound Found, bool ByTagger = false)
{
    /// <summary>The way found by the rules.</summary>
    public static implicit operator AttributionWay(SpeakerFound found) => new(found);

    /// <summary>The same way, found by the tagger.</summary>
    public AttributionWay WithTagger() => this with { ByTagger = true };

    /// <summary>As written in the JSON and the calibration table: <c>named</c>, <c>tagger:pronoun</c>.</summary>
    public override string ToString() => (ByTagger ? "tagger:" : string.Empty) + KindNames.Of(Found);
}

/// <summary>How a quote gives the words it reports.</summary>
public enum QuoteKind : byte
{
    /// <summary>In quotation marks.</summary>
    Direct,

    /// <summary>Reported: "said that …".</summary>
    Indirect,

    /// <summary>Reported with a quoted fragment.</summary>
    Mixed,

    /// <summary>First-person speech whose quotation marks are missing.</summary>
    Unmarked,
}

/// <summary>A quote: what was said (direct, indirect, mixed or unmarked), by whom and with which cue.</summary>
/// <param name="Span">The content: the words reported, without the quotation marks.</param>
/// <param name="Kind">Direct, indirect, mixed or unmarked (<see cref="QuoteKind"/>).</param>
/// <param name="Speaker">Where the speaker is given at the quote ("Khan", "he", "the spokesperson", "officials"); null when nothing names one.</param>
/// <param name="Cue">The reporting verb or phrase ("said", "according to"); null for a quote that continues the previous speaker's.</param>
/// <param name="SpeakerName">The mention that names the speaker ("Shafqat Ali Khan"), which for "he" or "the spokesperson" lies earlier in the text; null when no name was found.</param>
/// <param name="Attribution">How the speaker was found (<see cref="AttributionWay"/>: named, pronoun, role, … and whether by the trained tagger).</param>
/// <param name="Confidence">How often a speaker found this way is right (0–1), measured on PolNeAR train per way of attribution; the brief shows statements from a threshold chosen on dev.</param>
/// <param name="CueStance">The stance the cue gives its words (<c>assert</c>, <c>deny</c>, <c>intend</c>, …; <c>cues.tsv</c>), which the claim a quote carries takes; null without a cue.</param>
public readonly record struct QuoteData(TextSpan Span, QuoteKind Kind, TextSpan? Speaker, TextSpan? Cue, TextSpan? SpeakerName = null, AttributionWay? Attribution = null, double Confidence = 1, string? CueStance = null) : IAnnotation;

/// <summary>A claim: a statement someone holds, with their stance and the proposition, normalised for comparison.</summary>
/// <param name="Span">The claim's content in the text.</param>
/// <param name="Holder">Where the holder is given at the claim.</param>
/// <param name="Stance">What the holder does with the proposition: assert, deny, reject, dismiss, accuse, urge, warn, acknowledge, agree, condemn, pledge, confirm, appreciate, …</param>
/// <param name="Proposition">The content without the holder's framing, lower case, for aligning claims across documents.</param>
/// <param name="HolderName">The mention that names the holder (see <see cref="QuoteData.SpeakerName"/>).</param>
/// <param name="Cue">The reporting verb or phrase.</param>
/// <param name="Hedged">True when the content is hedged ("may", "reportedly", "possibly").</param>
/// <param name="Confidence">How sure the reader is that holder, stance and content are right (0–1): the claims' confidence model's estimate for a claim whose speaker was found one of the surer ways, else the rate of the attribution that carries it (see <see cref="QuoteData.Confidence"/>); the brief shows claims from a threshold chosen on judged pools.</param>
/// <param name="Modality">How the content is put, when not as a plain statement of fact: <c>intention</c> (intend, plan, pledge), <c>demand</c> (urge, call for), <c>question</c>, <c>condition</c> ('if …'), <c>prediction</c> ('will …', reported 'would …'), <c>possibility</c> ('could', 'may'), <c>obligation</c> ('should', 'must'), <c>hedge</c> ('reportedly', a belief); null for a plain assertion or denial.</param>
/// <param name="NegatedContent">True for a denial read from the negation inside the words of an assertion ('said ISIS does not have a physical presence'): the content still carries the negation, so it is shown as the holder's words of denial, not as what is denied.</param>
public readonly record struct ClaimData(TextSpan Span, TextSpan? Holder, string Stance, string? Proposition, TextSpan? HolderName = null, TextSpan? Cue = null, bool Hedged = false, double Confidence = 1, string? Modality = null, bool NegatedContent = false) : IAnnotation;

/// <summary>An event: actor – action – target, CAMEO-coded, with time and place where found.</summary>
/// <param name="Span">The evidence: the sentence that reports the event.</param>
/// <param name="Code">The CAMEO code (036 meet, 173 arrest, 183 bombing …).</param>
/// <param name="Label">The CAMEO root's name ("consult", "coerce", …).</param>
/// <param name="Actor">The mention of who acted, where the sentence names one.</param>
/// <param name="Target">The mention of whom it was done to.</param>
/// <param name="When">The TIMEX3 value of the time the sentence gives, or null.</param>
/// <param name="Where">The mention of the place, where the sentence gives one.</param>
/// <param name="Trigger">The verb or noun that names the event.</param>
/// <param name="Mode">Whether the sentence reports it as having happened, denies it, plans it or only supposes it.</param>
/// <param name="Confidence">How sure the coder is that code, actor and target are right (0–1); the brief shows events above a threshold chosen on dev data.</param>
/// <param name="Happening">Events of one document with the same number are mentions of one happening ('the 2021 bombing', 'the attack on the airport', 'that atrocity'); -1 when the event stands alone.</param>
public readonly record struct EventData(TextSpan Span, string Code, string Label, TextSpan? Actor, TextSpan? Target, string? When, TextSpan? Where, TextSpan? Trigger = null, EventMode Mode = EventMode.Asserted, double Confidence = 1, int Happening = -1) : IAnnotation;

/// <summary>How a sentence presents an event.</summary>
public enum EventMode : byte
{
    /// <summary>Reported as having happened or happening.</summary>
    Asserted,

    /// <summary>Said not to have happened: negated ('did not attack'), denied or refused.</summary>
    Negated,

    /// <summary>Planned, intended, announced, demanded or threatened: not (yet) happened.</summary>
    Future,

    /// <summary>Conditional, possible or asked about.</summary>
    Hypothetical,

    /// <summary>What someone accuses another of or alleges ('accused him of attacking', 'an allegation that he had raped her'): the accusation is the event; what it alleges is not shown as having happened.</summary>
    Alleged,
}

/// <summary>The universal part-of-speech tags of Universal Dependencies v2.</summary>
public enum UPos : byte
{
    /// <summary>Other (UD's X: affixes such as "anti", foreign words, typos); also what a token has when the document was not parsed.</summary>
    X,

    /// <summary>Adjective.</summary>
    ADJ,

    /// <summary>Adposition.</summary>
    ADP,

    /// <summary>Adverb.</summary>
    ADV,

    /// <summary>Auxiliary.</summary>
    AUX,

    /// <summary>Coordinating conjunction.</summary>
    CCONJ,

    /// <summary>Determiner.</summary>
    DET,

    /// <summary>Interjection.</summary>
    INTJ,

    /// <summary>Noun.</summary>
    NOUN,

    /// <summary>Numeral.</summary>
    NUM,

    /// <summary>Particle.</summary>
    PART,

    /// <summary>Pronoun.</summary>
    PRON,

    /// <summary>Proper noun.</summary>
    PROPN,

    /// <summary>Punctuation.</summary>
    PUNCT,

    /// <summary>Subordinating conjunction.</summary>
    SCONJ,

    /// <summary>Symbol.</summary>
    SYM,

    /// <summary>Verb.</summary>
    VERB,
}

/// <summary>
/// A syntactic word: a token, or part of one where the treebank splits it ("can|not", "anti|-|war"),
/// with its tags, lemma and place in its sentence's dependency tree (Universal Dependencies v2).
/// </summary>
/// <param name="Span">The word's characters (inside its token).</param>
/// <param name="Token">The index of the token it comes from.</param>
/// <param name="First">The index of the first word of its sentence (word indices are positions in the words layer).</param>
/// <param name="Count">How many words its sentence has.</param>
/// <param name="Upos">The universal part of speech.</param>
/// <param name="Xpos">The Penn Treebank tag (NN, VBD, …).</param>
/// <param name="Lemma">The dictionary form.</param>
/// <param name="Head">The index of its head word; -1 for the root of the sentence.</param>
/// <param name="Relation">The dependency relation to its head, subtype included (nsubj, obj, nsubj:pass, root …).</param>
public readonly record struct WordData(TextSpan Span, int Token, int First, int Count, UPos Upos, string Xpos, string Lemma, int Head, string Relation) : IAnnotation;

/// <summary>The names a kind is written with in data files, model labels and the JSON contract.</summary>
public static class KindNames
{
    /// <summary>An enum value's name in lower case ('direct', 'disputed').</summary>
    public static string Of<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
