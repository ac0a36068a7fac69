using System.Globalization;
using System.Text;
using Dossier.Annotations;

namespace Dossier.Nlp.Syntax;

/// <summary>
/// A sentence's dependency tree as indented text, one word a line, dependents under their head in
/// text order: the word's position, the word, its lemma, tags and relation. The article's text
/// passes through the given escape function so a terminal or page can show it safely.
/// </summary>
public static class DependencyTreeText
{
    /// <summary>The lines of a sentence's tree; empty when the sentence has no words.</summary>
    public static IReadOnlyList<string> Render(Sentence sentence, Func<string, string> escape)
    {
        ArgumentNullException.ThrowIfNull(escape);
        var words = sentence.Words;
        var lines = new List<string>();
        if (words.Count == 0)
        {
            return lines;
        }

        var first = words[0].Index;
        var children = new List<int>[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            children[i] = [];
        }

        var roots = new List<int>();
        for (var i = 0; i < words.Count; i++)
        {
            var head = words[i].Data.Head;
            if (head < 0)
            {
                roots.Add(i);
            }
            else
            {
                children[head - first].Add(i);
            }
        }

        var seen = new bool[words.Count];
        foreach (var root in roots)
        {
            Visit(root, string.Empty, string.Empty);
        }

        return lines;

        void Visit(int i, string lead, string childLead)
        {
            if (seen[i])
            {
                return;
            }

            seen[i] = true;
            var w = words[i];
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{i + 1,3} {lead}{escape(w.Text)}  {escape(w.Lemma)} {w.Upos} {w.Xpos} {w.Relation}"));
            var kids = children[i];
            for (var k = 0; k < kids.Count; k++)
            {
                var last = k == kids.Count - 1;
                Visit(kids[k], childLead + (last ? "└─ " : "├─ "), childLead + (last ? "   " : "│  "));
            }
        }
    }

    /// <summary>The whole tree as one string, lines ending in \n.</summary>
    public static string ToText(Sentence sentence, Func<string, string> escape)
    {
        var b = new StringBuilder();
        foreach (var line in Render(sentence, escape))
        {
            b.Append(line).Append('\n');
        }

        return b.ToString();
    }
}
