using Dossier.Text;

namespace Dossier.Nlp.Stance;

/// <summary>
/// A text as the stance model reads it: its words (lower-case runs of letters and digits, two
/// characters or more, "n't" read as "not"), their term frequencies over the model's vocabulary
/// (L2-normalised), the same weighted by inverse document frequency (L2-normalised), where its
/// sentences start, and whether it asks a question.
/// </summary>
public sealed class StanceText
{
    private static readonly HashSet<string> Stop = new(
        DataFile.ReadEmbedded(typeof(StanceText).Assembly, "Dossier.Nlp.Stance.stance-stop-words.txt").SelectMany(r => r[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)),
        StringComparer.Ordinal);

    internal StanceText(IReadOnlyList<string> words, IReadOnlyList<int> sentences, bool question, SparseVector tf, SparseVector tfIdf)
    {
        Words = words;
        Sentences = sentences;
        Question = question;
        Tf = tf;
        TfIdf = tfIdf;
    }

    /// <summary>The text's words, in order, stop words left out.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The index in <see cref="Words"/> of each sentence's first word, in order (0 first, when there are words).</summary>
    public IReadOnlyList<int> Sentences { get; }

    /// <summary>Whether the text has a question mark (a claim put as a question is reported, not asserted).</summary>
    public bool Question { get; }

    /// <summary>Term frequencies over the vocabulary, L2-normalised.</summary>
    internal SparseVector Tf { get; }

    /// <summary>Term frequency times inverse document frequency over the vocabulary, L2-normalised.</summary>
    internal SparseVector TfIdf { get; }

    /// <summary>True for a word the vocabulary leaves out ('the', 'of').</summary>
    public static bool IsStopWord(string word) => Stop.Contains(word);

    /// <summary>The content words of <paramref name="text"/> in order: lower case, two characters or more, stop words left out, "n't" as "not".</summary>
    public static List<string> Tokenize(string text) => Tokenize(text, null);

    /// <summary>
    /// The content words of <paramref name="text"/> (see <see cref="Tokenize(string)"/>); with <paramref name="sentences"/>,
    /// also the index of each sentence's first word: a sentence ends at '!', '?', a line break, or a full stop not followed by a letter or digit.
    /// </summary>
    internal static List<string> Tokenize(string text, List<int>? sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var boundary = true;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                boundary |= text[i] is '!' or '?' or '\n' || (text[i] == '.' && (i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1])));
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            var word = text[start..i].ToLowerInvariant();
            var negated = word.Length > 2 && word[^1] == 'n' && i + 1 < text.Length && text[i] is '\'' or '\u2019' && text[i + 1] is 't' or 'T'
                && (i + 2 == text.Length || !char.IsLetterOrDigit(text[i + 2]));
            if (negated)
            {
                word = word[..^1];
                i += 2;
            }

            if (boundary && sentences is not null && ((word.Length >= 2 && !Stop.Contains(word)) || negated))
            {
                sentences.Add(words.Count);
                boundary = false;
            }

            if (word.Length >= 2 && !Stop.Contains(word))
            {
                words.Add(word);
            }

            if (negated)
            {
                words.Add("not");
            }
        }

        return words;
    }
}

/// <summary>A sparse vector: sorted indices and their values.</summary>
internal readonly record struct SparseVector(int[] Indices, float[] Values)
{
    public static SparseVector Empty { get; } = new([], []);

    /// <summary>The dot product of two sparse vectors (both sorted by index).</summary>
    public float Dot(SparseVector other)
    {
        float sum = 0;
        int a = 0, b = 0;
        while (a < Indices.Length && b < other.Indices.Length)
        {
            var c = Indices[a].CompareTo(other.Indices[b]);
            if (c == 0)
            {
                sum += Values[a++] * other.Values[b++];
            }
            else if (c < 0)
            {
                a++;
            }
            else
            {
                b++;
            }
        }

        return sum;
    }

    /// <summary>The vector of counts per index, scaled by <paramref name="weight"/> and L2-normalised.</summary>
    public static SparseVector Normalised(Dictionary<int, float> counts, Func<int, float>? weight = null)
    {
        var indices = counts.Keys.Order().ToArray();
        var values = indices.Select(k => counts[k] * (weight?.Invoke(k) ?? 1f)).ToArray();
        var norm = MathF.Sqrt(values.Sum(v => v * v));
        if (norm > 0)
        {
            for (var k = 0; k < values.Length; k++)
            {
                values[k] /= norm;
            }
        }

        return new SparseVector(indices, values);
    }
}
