using System.Collections.Immutable;
using Dossier.Annotations;
using Dossier.Nlp.Quotes;

namespace Dossier.Nlp.Coref;

/// <summary>
/// A document's mentions by label, and what the dependency tree (the words layer, when the
/// document was parsed) tells coreference: which words and mentions are subjects. Without the
/// words layer nothing is a subject and the nearest candidate stands. (A pronoun's co-arguments
/// — 'Khan thanked him' — and reflexives were tried too and changed nothing measured on GUM
/// news or PolNeAR, so they are not checked.)
/// </summary>
internal sealed class CorefSyntax
{
    private readonly ImmutableArray<WordData> _words;
    private readonly int[] _wordOfToken;

    /// <summary>How many earlier mentions of a label a search looks at, so that a long text of pronouns and no fitting name costs linear time.</summary>
    internal const int MaxCandidates = 200;

    private readonly Dictionary<string, List<int>> _byLabel = new(StringComparer.Ordinal);
    private readonly QuoteDocument _view;

    internal CorefSyntax(Document document, QuoteDocument view)
    {
        _view = view;
        for (var m = 0; m < view.Mentions.Count; m++)
        {
            var label = view.Mentions[m].Label;
            if (!_byLabel.TryGetValue(label, out var list))
            {
                _byLabel[label] = list = [];
            }

            list.Add(m);
        }

        _words = document.GetOrEmpty(Layers.Words);
        var tokens = document.GetOrEmpty(Layers.Tokens).Length;
        _wordOfToken = new int[_words.IsEmpty ? 0 : tokens];
        Array.Fill(_wordOfToken, -1);
        for (var w = 0; w < _words.Length; w++)
        {
            // The token's main word: the one whose head lies outside the token (the first when none does).
            var t = _words[w].Token;
            if (_wordOfToken[t] < 0 || (!HeadOutsideToken(_wordOfToken[t]) && HeadOutsideToken(w)))
            {
                _wordOfToken[t] = w;
            }
        }
    }

    /// <summary>The mentions of <paramref name="label"/> that start before token <paramref name="before"/>, nearest first, at most <see cref="MaxCandidates"/>.</summary>
    internal IEnumerable<int> Before(int before, string label)
    {
        if (!_byLabel.TryGetValue(label, out var list))
        {
            yield break;
        }

        var last = SpanSearch.FirstNotBefore(list.Count, i => _view.Mentions[list[i]].Start < before) - 1;
        for (var i = last; i >= 0 && last - i < MaxCandidates; i--)
        {
            yield return list[i];
        }
    }

    /// <summary>True when the mention's head word is the subject of its clause.</summary>
    internal bool IsSubject(TokenMention mention) => HeadWordOf(mention) is var h && h >= 0 && _words[h].Relation.StartsWith("nsubj", StringComparison.Ordinal);

    /// <summary>True when the word of token <paramref name="k"/> is the subject of its clause.</summary>
    internal bool IsSubjectToken(int k) => WordOf(k) is { } w && _words[w].Relation.StartsWith("nsubj", StringComparison.Ordinal);

    private bool HeadOutsideToken(int w) => _words[w].Head < 0 || _words[_words[w].Head].Token != _words[w].Token;

    private int? WordOf(int k) => k < _wordOfToken.Length && _wordOfToken[k] >= 0 ? _wordOfToken[k] : null;

    /// <summary>The word of a mention whose head lies outside it; -1 without a tree.</summary>
    private int HeadWordOf(TokenMention mention)
    {
        for (var k = mention.Start; k < mention.End; k++)
        {
            if (WordOf(k) is { } w && (_words[w].Head < 0 || _words[_words[w].Head].Token < mention.Start || _words[_words[w].Head].Token >= mention.End))
            {
                return w;
            }
        }

        return -1;
    }
}
