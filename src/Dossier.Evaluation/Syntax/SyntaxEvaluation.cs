using System.Globalization;
using Dossier.Annotations;
using Dossier.Nlp.Syntax;
using Dossier.Text;

namespace Dossier.Evaluation.Syntax;

/// <summary>
/// Scores of tagging and parsing against a treebank, as the CoNLL 2018 shared task counts them:
/// over words, punctuation included, relation subtypes ignored. With gold words every count is
/// out of the gold words; from raw text a word counts when its characters match a gold word's,
/// and each figure is an F1 of the system's and the gold words.
/// </summary>
/// <param name="GoldWords">Words in the gold treebank.</param>
/// <param name="SystemWords">Words the system produced.</param>
/// <param name="Aligned">System words whose characters match a gold word's.</param>
/// <param name="Upos">Aligned words with the right universal tag.</param>
/// <param name="Xpos">… with the right Penn tag.</param>
/// <param name="Lemma">… with the right lemma.</param>
/// <param name="Uas">… whose head is the gold head.</param>
/// <param name="Las">… whose head and relation (without subtype) are right.</param>
public sealed record SyntaxScore(int GoldWords, int SystemWords, int Aligned, int Upos, int Xpos, int Lemma, int Uas, int Las)
{
    /// <summary>The F1 of a count against system and gold words, in percent (plain accuracy when the words are the gold words).</summary>
    public double F1(int correct) => GoldWords + SystemWords == 0 ? 0 : 100.0 * 2 * correct / (GoldWords + SystemWords);

    /// <summary>The figures by name.</summary>
    public Dictionary<string, double> ToDictionary() => new(StringComparer.Ordinal)
    {
        ["words"] = Math.Round(F1(Aligned), 2),
        ["upos"] = Math.Round(F1(Upos), 2),
        ["xpos"] = Math.Round(F1(Xpos), 2),
        ["lemma"] = Math.Round(F1(Lemma), 2),
        ["uas"] = Math.Round(F1(Uas), 2),
        ["las"] = Math.Round(F1(Las), 2),
    };

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"words {F1(Aligned):F2}  UPOS {F1(Upos):F2}  XPOS {F1(Xpos):F2}  lemma {F1(Lemma):F2}  UAS {F1(Uas):F2}  LAS {F1(Las):F2}  ({GoldWords:N0} gold words, {SystemWords:N0} system words)");
}

/// <summary>Evaluates a <see cref="SyntaxModel"/> on a CoNLL-U treebank.</summary>
public static class SyntaxEvaluation
{
    /// <summary>Tags and parses the gold words of each sentence and scores the result; writes it as CoNLL-U to <paramref name="predictions"/> when given.</summary>
    public static SyntaxScore EvaluateGoldWords(SyntaxModel model, IReadOnlyList<ConlluSentence> sentences, TextWriter? predictions)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sentences);
        int words = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;
        var output = new List<ConlluSentence>();
        foreach (var s in sentences)
        {
            var parsed = model.Parse([.. s.Words.Select(w => w.Form)]);
            for (var i = 0; i < s.Words.Count; i++)
            {
                var gold = s.Words[i];
                words++;
                upos += parsed.Upos[i].ToString() == gold.Upos ? 1 : 0;
                xpos += parsed.Xpos[i] == gold.Xpos ? 1 : 0;
                lemma += parsed.Lemmas[i] == gold.Lemma ? 1 : 0;
                if (parsed.Heads[i] + 1 == gold.Head)
                {
                    uas++;
                    las += BaseRelation(parsed.Relations[i]) == BaseRelation(gold.Relation) ? 1 : 0;
                }
            }

            if (predictions is not null)
            {
                output.Add(s with
                {
                    Words = [.. s.Words.Select((w, i) => w with { Lemma = parsed.Lemmas[i], Upos = parsed.Upos[i].ToString(), Xpos = parsed.Xpos[i], Feats = "_", Head = parsed.Heads[i] + 1, Relation = parsed.Relations[i] })],
                });
            }
        }

        if (predictions is not null)
        {
            Conllu.Write(predictions, output);
        }

        return new SyntaxScore(words, words, words, upos, xpos, lemma, uas, las);
    }

    /// <summary>
    /// Reads the treebank's text with the given pipeline (tokens, sentences and words of its own),
    /// paragraphs as the treebank marks them, and scores the words whose characters match gold words.
    /// </summary>
    public static SyntaxScore EvaluateRawText(DocumentPipeline pipeline, IReadOnlyList<ConlluSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(sentences);
        var totals = new SyntaxScore(0, 0, 0, 0, 0, 0, 0, 0);
        foreach (var document in Documents(sentences))
        {
            var (text, gold) = Layout(document);
            var doc = pipeline.Process(text);
            totals = Add(totals, Score(doc.Get(Layers.Words), gold));
        }

        return totals;
    }

    private static SyntaxScore Add(SyntaxScore a, SyntaxScore b) =>
        new(a.GoldWords + b.GoldWords, a.SystemWords + b.SystemWords, a.Aligned + b.Aligned, a.Upos + b.Upos, a.Xpos + b.Xpos, a.Lemma + b.Lemma, a.Uas + b.Uas, a.Las + b.Las);

    /// <summary>The sentences grouped by "# newdoc", each group a document.</summary>
    private static IEnumerable<List<ConlluSentence>> Documents(IReadOnlyList<ConlluSentence> sentences)
    {
        var current = new List<ConlluSentence>();
        foreach (var s in sentences)
        {
            if (current.Count > 0 && s.Comments.Any(c => c.StartsWith("# newdoc", StringComparison.Ordinal)))
            {
                yield return current;
                current = [];
            }

            current.Add(s);
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }

    /// <summary>The document's text (sentences joined by a space, paragraphs by a blank line) and each gold word's span, head (as an index into the list, -1 for root) and word.</summary>
    private static (string Text, List<(TextSpan Span, int Head, ConlluWord Word)> Gold) Layout(List<ConlluSentence> sentences)
    {
        var text = new System.Text.StringBuilder();
        var gold = new List<(TextSpan, int, ConlluWord)>();
        foreach (var s in sentences)
        {
            if (text.Length > 0)
            {
                text.Append(s.Comments.Any(c => c.StartsWith("# newpar", StringComparison.Ordinal)) ? "\n\n" : " ");
            }

            var sentenceText = s.Text;
            var start = text.Length;
            text.Append(sentenceText);
            var first = gold.Count;
            var at = 0;
            var w = 0;
            while (w < s.Words.Count)
            {
                var token = s.Tokens.FirstOrDefault(t => t.First == w + 1);
                var form = token?.Form ?? s.Words[w].Form;
                var found = sentenceText.IndexOf(form, at, StringComparison.Ordinal);
                var tokenStart = found < 0 ? at : found;
                at = found < 0 ? at : found + form.Length;
                if (token is null)
                {
                    gold.Add((new TextSpan(start + tokenStart, start + tokenStart + (found < 0 ? 0 : form.Length)), s.Words[w].Head - 1 + (s.Words[w].Head == 0 ? 0 : first), s.Words[w]));
                    w++;
                    continue;
                }

                // A multiword token: its words take consecutive slices when their forms spell the token, else all share its span.
                var pieces = s.Words.Skip(token.First - 1).Take(token.Last - token.First + 1).ToList();
                var spells = string.Concat(pieces.Select(p => p.Form)).Equals(form, StringComparison.OrdinalIgnoreCase);
                var offset = tokenStart;
                foreach (var p in pieces)
                {
                    var span = spells ? new TextSpan(start + offset, start + offset + p.Form.Length) : new TextSpan(start + tokenStart, start + tokenStart + form.Length);
                    offset += p.Form.Length;
                    gold.Add((span, p.Head == 0 ? -1 : p.Head - 1 + first, p));
                }

                w = token.Last;
            }
        }

        return (text.ToString(), gold);
    }

    private static SyntaxScore Score(System.Collections.Immutable.ImmutableArray<WordData> system, List<(TextSpan Span, int Head, ConlluWord Word)> gold)
    {
        var goldBySpan = new Dictionary<TextSpan, int>();
        for (var g = 0; g < gold.Count; g++)
        {
            goldBySpan.TryAdd(gold[g].Span, g);
        }

        var alignment = new int[system.Length];
        for (var k = 0; k < system.Length; k++)
        {
            alignment[k] = goldBySpan.TryGetValue(system[k].Span, out var g) ? g : -1;
        }

        int aligned = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;
        for (var k = 0; k < system.Length; k++)
        {
            var g = alignment[k];
            if (g < 0)
            {
                continue;
            }

            var word = gold[g].Word;
            aligned++;
            upos += system[k].Upos.ToString() == word.Upos ? 1 : 0;
            xpos += system[k].Xpos == word.Xpos ? 1 : 0;
            lemma += system[k].Lemma == word.Lemma ? 1 : 0;
            var head = system[k].Head < 0 ? -1 : alignment[system[k].Head];
            var headRight = system[k].Head < 0 ? gold[g].Head < 0 : head >= 0 && head == gold[g].Head;
            if (headRight)
            {
                uas++;
                las += BaseRelation(system[k].Relation) == BaseRelation(word.Relation) ? 1 : 0;
            }
        }

        return new SyntaxScore(gold.Count, system.Length, aligned, upos, xpos, lemma, uas, las);
    }

    /// <summary>A relation without its subtype ("nsubj" for "nsubj:pass").</summary>
    internal static string BaseRelation(string relation) => relation.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? relation[..colon] : relation;
}
