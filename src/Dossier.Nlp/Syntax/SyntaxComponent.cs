using System.Collections.Immutable;
using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Nlp.Syntax;

/// <summary>
/// Adds the words layer: each sentence's tokens made treebank words, tagged, lemmatized and
/// parsed into a dependency tree. A run-on sentence of more than <see cref="MaxWords"/> words
/// (a list, a table read as text, a hostile storm of clauses) is parsed in pieces of that many,
/// each its own tree, so that no question asked of a tree costs more than a piece's square.
/// Needs tokens and sentences.
/// </summary>
public sealed class SyntaxComponent : IDocumentComponent
{
    /// <summary>The most words parsed as one tree (EWT's longest sentence has 159).</summary>
    public const int MaxWords = 200;

    private readonly SyntaxModel _model;

    /// <summary>Creates the component over a loaded model.</summary>
    public SyntaxComponent(SyntaxModel model)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
    }

    /// <inheritdoc/>
    public string Name => "syntax";

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Needs { get; } = [Layers.Tokens, Layers.Sentences];

    /// <inheritdoc/>
    public IReadOnlyList<LayerKey> Adds { get; } = [Layers.Words];

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var tokens = document.Get(Layers.Tokens);
        var words = ImmutableArray.CreateBuilder<WordData>(tokens.Length);
        var spans = new List<TextSpan>();
        var owners = new List<int>();
        foreach (var sentence in document.Get(Layers.Sentences))
        {
            cancellationToken.ThrowIfCancellationRequested();
            spans.Clear();
            owners.Clear();
            var opening = true;
            for (var t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
            {
                var before = spans.Count;
                _model.Words.Split(text, tokens[t], spans);
                if (spans.Count > MaxWords && before > 0)
                {
                    // The token starts the next piece.
                    var moved = spans.GetRange(before, spans.Count - before);
                    spans.RemoveRange(before, spans.Count - before);
                    Parse(text, words, spans, owners, opening);
                    opening = false;
                    spans.Clear();
                    owners.Clear();
                    spans.AddRange(moved);
                }

                for (var k = owners.Count; k < spans.Count; k++)
                {
                    owners.Add(t);
                }
            }

            Parse(text, words, spans, owners, opening);
        }

        document.Set(Layers.Words, words.ToImmutable());
    }

    /// <summary>
    /// The number of words of a dateline that opens a sentence ("ISLAMABAD:", "WASHINGTON (Reuters)
    /// -", "WASHINGTON ―", "Afghan Voice Agency (AVA) - International Service:"), colon or dash included; 0 when there
    /// is none. A dateline is a run of capitalised words, acronyms and brackets with at least one word
    /// in capitals (two letters or more: an initial such as "M." is none), ended by a colon or dash
    /// outside brackets before a capitalised word; "Khan to reporters:", "President Trump:" and a
    /// congressman's party and state ("Harry M. Reid (D-Nev.)", "Rep. John A. Smith (D-N.Y.)") are not.
    /// </summary>
    internal static int DatelineLength(IReadOnlyList<string> forms)
    {
        var capitals = false;
        var end = 0;
        var depth = 0;
        for (var j = 0; j < Math.Min(forms.Count - 2, 16); j++)
        {
            var w = forms[j];
            if (j > 0 && w is ":" or "-" or "--" or "—" or "–" or "―")
            {
                if (depth == 0 && (char.IsUpper(forms[j + 1][0]) || forms[j + 1][0] is '"' or '“'))
                {
                    end = j + 1; // the last colon or dash of the run ends the dateline
                }
            }
            else if (w.Count(char.IsLetter) >= 2 && w.All(c => char.IsUpper(c) || c == '.'))
            {
                capitals = true;
            }
            else if (w is "(" or ")")
            {
                depth = Math.Max(0, depth + (w == "(" ? 1 : -1));
            }
            else if (!(char.IsUpper(w[0]) || w is "," or "of"))
            {
                break;
            }
        }

        return capitals ? end : 0;
    }

    private void Parse(string text, ImmutableArray<WordData>.Builder words, List<TextSpan> spans, List<int> owners, bool opening)
    {
        if (spans.Count == 0)
        {
            return;
        }

        var forms = new string[spans.Count];
        for (var i = 0; i < forms.Length; i++)
        {
            forms[i] = text.Substring(spans[i].Start, spans[i].Length);
        }

        // A dateline is no part of the sentence's grammar: parsed on its own, it cannot become its subject.
        var dateline = opening ? DatelineLength(forms) : 0;
        if (dateline > 0)
        {
            Add(words, forms[..dateline], spans, owners, 0);
        }

        Add(words, forms[dateline..], spans, owners, dateline);
    }

    /// <summary>Parses <paramref name="forms"/> as one tree and adds its words; they are the words of <paramref name="spans"/> and <paramref name="owners"/> from <paramref name="offset"/> on.</summary>
    private void Add(ImmutableArray<WordData>.Builder words, string[] forms, List<TextSpan> spans, List<int> owners, int offset)
    {
        var parsed = _model.Parse(forms);
        var first = words.Count;
        for (var i = 0; i < forms.Length; i++)
        {
            var head = parsed.Heads[i] < 0 ? -1 : first + parsed.Heads[i];
            words.Add(new WordData(spans[offset + i], owners[offset + i], first, forms.Length, parsed.Upos[i], parsed.Xpos[i], parsed.Lemmas[i], head, parsed.Relations[i]));
        }
    }
}
