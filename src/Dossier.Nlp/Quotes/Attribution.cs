using Dossier.Annotations;

namespace Dossier.Nlp.Quotes;

/// <summary>An attribution in token indices: content [ContentStart, ContentEnd), cue, speaker phrase and the mention naming the speaker.</summary>
internal sealed record Attribution(int ContentStart, int ContentEnd, QuoteKind Kind, CueMatch? Cue, (int Start, int End)? Speaker, int NameMention, AttributionWay How, int Sentence);
