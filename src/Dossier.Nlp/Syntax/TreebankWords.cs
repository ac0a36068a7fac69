using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Nlp.Syntax;

/// <summary>
/// Maps the tokenizer's tokens to the words a Universal Dependencies treebank has, keeping
/// character offsets: hyphenated words are split at their hyphens ("wheel-chair" → wheel | - |
/// chair) unless the treebank keeps the word whole ("non-stop", "e-mail"), and a few fused forms
/// are split as the treebank splits them ("cannot" → can | not, "gonna" → gon | na). Clitics
/// ("do | n't", "Biden | 's") are split by the tokenizer already.
/// </summary>
public sealed class TreebankWords
{
    private static readonly Dictionary<string, int> Fused = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cannot"] = 3,
        ["gonna"] = 3,
        ["wanna"] = 3,
        ["gotta"] = 3,
    };

    private readonly HashSet<string> _keepWhole;

    /// <summary>Creates the mapping from the hyphenated words (lower case) the treebank keeps whole.</summary>
    public TreebankWords(IEnumerable<string> keepWhole)
    {
        ArgumentNullException.ThrowIfNull(keepWhole);
        _keepWhole = new HashSet<string>(keepWhole, StringComparer.Ordinal);
    }

    /// <summary>The hyphenated words kept whole, sorted.</summary>
    public IEnumerable<string> KeptWhole => _keepWhole.Order(StringComparer.Ordinal);

    /// <summary>The treebank words of a token: their spans in the text.</summary>
    public void Split(string text, TokenData token, List<TextSpan> output)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(output);
        var span = token.Span;
        if (token.Kind != TokenKind.Word || span.Length < 2)
        {
            output.Add(span);
            return;
        }

        var word = span.Slice(text);
        if (Fused.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var first))
        {
            output.Add(new TextSpan(span.Start, span.Start + first));
            output.Add(new TextSpan(span.Start + first, span.End));
            return;
        }

        if (word.IndexOf('-') <= 0 || word[^1] == '-' || _keepWhole.Contains(word.ToString().ToLowerInvariant()))
        {
            output.Add(span);
            return;
        }

        var start = span.Start;
        for (var i = span.Start; i < span.End; i++)
        {
            if (text[i] == '-')
            {
                if (i > start)
                {
                    output.Add(new TextSpan(start, i));
                }

                output.Add(new TextSpan(i, i + 1));
                start = i + 1;
            }
        }

        if (start < span.End)
        {
            output.Add(new TextSpan(start, span.End));
        }
    }
}
