using System.Text;

namespace Dossier.Evaluation;

/// <summary>Sentences joined into one plain-text article, for data that gives sentences, not the article they came from (GUM's annotated sentences, CoNLL-2003's stories).</summary>
internal static class ArticleText
{
    /// <summary>The sentences as one article: a sentence without a closing full stop, question or exclamation mark (a headline, a date line, a table row) ends a paragraph.</summary>
    public static string Join(IEnumerable<string> sentences)
    {
        var text = new StringBuilder();
        foreach (var sentence in sentences)
        {
            if (text.Length > 0)
            {
                text.Append(text[^1] == '\n' ? string.Empty : " ");
            }

            text.Append(sentence);
            if (sentence.TrimEnd('"', '\'', '”', '’', ')').LastOrDefault() is not ('.' or '?' or '!'))
            {
                text.Append("\n\n");
            }
        }

        return text.ToString();
    }
}
