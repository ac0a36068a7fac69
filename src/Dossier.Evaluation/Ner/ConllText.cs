using System.Text;

namespace Dossier.Evaluation.Ner;

/// <summary>
/// A CoNLL-2003 document as the article it was cut from, so that components that read running
/// text (quotes, claims) can be judged on Reuters wires. Tokens are joined by the spacing of
/// written English: no space before closing punctuation and clitics, none after an opening
/// bracket; a straight double quote opens and closes in turn (across sentences where a quotation
/// runs on); a lone single quote is a possessive after a word ending in s and otherwise a
/// quotation mark. The first sentence (the headline, without the full stop the treebank gives it)
/// and every sentence that does not end a statement (a date line, a table row) are paragraphs of
/// their own, the rest of the story one paragraph.
/// </summary>
public static class ConllText
{
    private static readonly HashSet<string> NoSpaceBefore = new(StringComparer.OrdinalIgnoreCase)
    {
        ",", ".", ":", ";", "?", "!", "%", ")", "]", "}", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "...",
    };

    private static readonly HashSet<string> NoSpaceAfter = new(StringComparer.Ordinal) { "(", "[", "{", "$" };

    /// <summary>The names of a file's documents: <c>doc-001</c>, <c>doc-002</c>, … in file order.</summary>
    public static string NameOf(int index) => $"doc-{index + 1:D3}";

    /// <summary>The document's text.</summary>
    public static string Text(LabelledDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sentences = new List<string>();
        var open = false;
        var carried = string.Empty;
        foreach (var tokens in document.Sentences.Select(s => s.Tokens))
        {
            (var sentence, open, var glueNext) = Join(tokens, open && tokens.Length > 0 && tokens[0] != "\"");
            sentence = carried + sentence;
            carried = string.Empty;
            if (glueNext && tokens.Length > 0)
            {
                // The treebank often gives the next sentence's opening quote to the one before: it goes back.
                carried = tokens[^1];
                sentence = sentence[..^carried.Length].TrimEnd();
            }

            sentences.Add(sentence);
        }

        return sentences.Count == 0 ? string.Empty : (sentences[0].TrimEnd('.', ' ') + "\n\n" + ArticleText.Join(sentences.Skip(1))).TrimEnd();
    }

    /// <summary>Tokens joined by the spacing of written English.</summary>
    public static string Sentence(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return Join(tokens, false).Text;
    }

    /// <summary>
    /// Tokens joined, a double quote opening or closing in turn from <paramref name="quoteOpen"/>: a
    /// quotation the treebank split over sentences is still open when the next sentence does not
    /// begin with a quote of its own (a quotation running over paragraphs opens each one).
    /// <c>GlueNext</c> is true when the last token opens something (a quote, a bracket) and so
    /// belongs with what follows.
    /// </summary>
    private static (string Text, bool QuoteOpen, bool GlueNext) Join(IReadOnlyList<string> tokens, bool quoteOpen)
    {
        var b = new StringBuilder();
        var doubleOpen = quoteOpen;
        var singleOpen = false;
        var glueNext = true;
        string? previous = null;
        foreach (var token in tokens)
        {
            var glue = glueNext;
            glueNext = false;
            if (token == "\"")
            {
                (glue, glueNext, doubleOpen) = (glue || doubleOpen, !doubleOpen, !doubleOpen);
            }
            else if (token == "'" && (singleOpen || previous is null || !previous.EndsWith('s') && !previous.EndsWith('S')))
            {
                (glue, glueNext, singleOpen) = (glue || singleOpen, !singleOpen, !singleOpen);
            }
            else if (token == "'")
            {
                glue = true;
            }
            else
            {
                glue |= NoSpaceBefore.Contains(token);
                glueNext = NoSpaceAfter.Contains(token);
            }

            if (!glue)
            {
                b.Append(' ');
            }

            b.Append(token);
            previous = token;
        }

        return (b.ToString(), doubleOpen, glueNext);
    }
}
