using System.Globalization;
using System.Text;

namespace Dossier.Evaluation.Syntax;

/// <summary>A word of a CoNLL-U sentence (columns 1-8 and 10; multiword-token lines and empty nodes are kept apart).</summary>
/// <param name="Form">The word form.</param>
/// <param name="Lemma">The lemma.</param>
/// <param name="Upos">The universal part of speech.</param>
/// <param name="Xpos">The language-specific tag (Penn Treebank for English).</param>
/// <param name="Feats">The morphological features, or "_".</param>
/// <param name="Head">The head's 1-based id, 0 for the root.</param>
/// <param name="Relation">The dependency relation, subtype included.</param>
/// <param name="Misc">The last column, or "_".</param>
public sealed record ConlluWord(string Form, string Lemma, string Upos, string Xpos, string Feats, int Head, string Relation, string Misc)
{
    /// <summary>True when MISC says no space follows the word.</summary>
    public bool NoSpaceAfter => Misc.Split('|').Contains("SpaceAfter=No", StringComparer.Ordinal);
}

/// <summary>A multiword token ("don't" over words 19-20): its surface form over a range of word ids.</summary>
/// <param name="First">The first word's 1-based id.</param>
/// <param name="Last">The last word's 1-based id.</param>
/// <param name="Form">The surface form.</param>
/// <param name="Misc">The token's MISC column.</param>
public sealed record ConlluToken(int First, int Last, string Form, string Misc);

/// <summary>A CoNLL-U sentence: its comment lines, words, multiword tokens and the lines of empty nodes, kept verbatim.</summary>
/// <param name="Comments">The comment lines, "#" included.</param>
/// <param name="Words">The words (ids 1..n).</param>
/// <param name="Tokens">The multiword tokens.</param>
/// <param name="EmptyNodes">The lines of empty nodes (ids like 8.1), verbatim, with the id of the word they follow.</param>
public sealed record ConlluSentence(IReadOnlyList<string> Comments, IReadOnlyList<ConlluWord> Words, IReadOnlyList<ConlluToken> Tokens, IReadOnlyList<(int After, string Line)> EmptyNodes)
{
    /// <summary>The sentence's text: the "# text =" comment, else its words joined as MISC says.</summary>
    public string Text
    {
        get
        {
            foreach (var c in Comments)
            {
                if (c.StartsWith("# text = ", StringComparison.Ordinal))
                {
                    return c["# text = ".Length..];
                }
            }

            var b = new StringBuilder();
            for (var i = 0; i < Words.Count; i++)
            {
                b.Append(Words[i].Form);
                if (i + 1 < Words.Count && !Words[i].NoSpaceAfter)
                {
                    b.Append(' ');
                }
            }

            return b.ToString();
        }
    }
}

/// <summary>Reads and writes CoNLL-U (Universal Dependencies' format): a sentence a block, a word a line of ten tab-separated columns.</summary>
public static class Conllu
{
    /// <summary>Reads every sentence of a file.</summary>
    public static List<ConlluSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return [.. Read(reader, path)];
    }

    /// <summary>Reads sentences; <paramref name="name"/> names the source in errors.</summary>
    internal static IEnumerable<ConlluSentence> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var comments = new List<string>();
        var words = new List<ConlluWord>();
        var tokens = new List<ConlluToken>();
        var empty = new List<(int, string)>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                if (words.Count > 0)
                {
                    yield return new ConlluSentence([.. comments], [.. words], [.. tokens], [.. empty]);
                }

                comments.Clear();
                words.Clear();
                tokens.Clear();
                empty.Clear();
                continue;
            }

            if (line[0] == '#')
            {
                comments.Add(line);
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length != 10)
            {
                throw new FormatException($"{name}:{lineNumber}: a CoNLL-U word line has 10 tab-separated columns, this one has {cols.Length}.");
            }

            var id = cols[0];
            var dash = id.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                tokens.Add(new ConlluToken(ParseId(id[..dash], name, lineNumber), ParseId(id[(dash + 1)..], name, lineNumber), cols[1], cols[9]));
                continue;
            }

            if (id.Contains('.', StringComparison.Ordinal))
            {
                empty.Add((words.Count, line));
                continue;
            }

            if (ParseId(id, name, lineNumber) != words.Count + 1)
            {
                throw new FormatException($"{name}:{lineNumber}: word id {id} does not follow word {words.Count}.");
            }

            var head = cols[6] == "_" ? -1 : ParseId(cols[6], name, lineNumber);
            words.Add(new ConlluWord(cols[1], cols[2], cols[3], cols[4], cols[5], head, cols[7], cols[9]));
        }

        if (words.Count > 0)
        {
            yield return new ConlluSentence([.. comments], [.. words], [.. tokens], [.. empty]);
        }
    }

    /// <summary>Writes sentences as CoNLL-U; reading the output gives back the same sentences.</summary>
    internal static void Write(TextWriter writer, IEnumerable<ConlluSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(sentences);
        foreach (var s in sentences)
        {
            foreach (var c in s.Comments)
            {
                writer.Write(c);
                writer.Write('\n');
            }

            var emptyAt = 0;
            for (var i = 0; i <= s.Words.Count; i++)
            {
                while (emptyAt < s.EmptyNodes.Count && s.EmptyNodes[emptyAt].After == i)
                {
                    writer.Write(s.EmptyNodes[emptyAt++].Line);
                    writer.Write('\n');
                }

                if (i == s.Words.Count)
                {
                    break;
                }

                foreach (var t in s.Tokens)
                {
                    if (t.First == i + 1)
                    {
                        writer.Write(string.Create(CultureInfo.InvariantCulture, $"{t.First}-{t.Last}\t{t.Form}\t_\t_\t_\t_\t_\t_\t_\t{t.Misc}\n"));
                    }
                }

                var w = s.Words[i];
                var head = w.Head < 0 ? "_" : w.Head.ToString(CultureInfo.InvariantCulture);
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{i + 1}\t{w.Form}\t{w.Lemma}\t{w.Upos}\t{w.Xpos}\t{w.Feats}\t{head}\t{w.Relation}\t_\t{w.Misc}\n"));
            }

            writer.Write('\n');
        }
    }

    private static int ParseId(string text, string name, int line) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new FormatException($"{name}:{line}: '{text}' is not a word id.");
}
