using Dossier.Nlp.Ner;
namespace Dossier.Evaluation.Ner;

/// <summary>A sentence of a labelled corpus.</summary>
/// <param name="Tokens">The words.</param>
/// <param name="Spans">The entity spans.</param>
public sealed record LabelledSentence(string[] Tokens, IReadOnlyList<TokenSpan> Spans);

/// <summary>A document of a labelled corpus: the unit of document-level features.</summary>
/// <param name="Sentences">Its sentences.</param>
public sealed record LabelledDocument(IReadOnlyList<LabelledSentence> Sentences);

/// <summary>
/// Reads CoNLL-2003 style files (one token a line, the word first and the tag last, blank lines
/// between sentences, <c>-DOCSTART-</c> between documents), in IOB1 or IOB2.
/// </summary>
public static class ConllReader
{
    /// <summary>Reads a file into documents.</summary>
    public static List<LabelledDocument> Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    /// <summary>
    /// The documents of a part of a file (see <see cref="DataSplit"/>): a document's key is its
    /// first 50 words; <paramref name="fold"/> rotates the split for cross-validation. A file with a development split of its own (CoNLL-2003's testa) trains on
    /// its dev tenths too: <c>train</c> is then everything but <c>holdout</c>.
    /// </summary>
    public static List<LabelledDocument> Part(IEnumerable<LabelledDocument> documents, string part, int fold = 0, bool ownDev = true)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return [.. documents.Where(d => DataSplit.Keeps(part, DataSplit.PartOf(KeyOf(d), fold), ownDev))];
    }

    /// <summary>The key that decides a document's part: its first 50 words.</summary>
    internal static string KeyOf(LabelledDocument document) =>
        string.Join(' ', document.Sentences.SelectMany(s => s.Tokens).Take(50));

    /// <summary>Reads documents from a reader.</summary>
    public static List<LabelledDocument> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var documents = new List<LabelledDocument>();
        var sentences = new List<LabelledSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                FlushSentence();
                FlushDocument();
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                FlushSentence();
                continue;
            }

            var columns = line.Split(' ', '\t');
            words.Add(columns[0]);
            tags.Add(columns[^1]);
        }

        FlushSentence();
        FlushDocument();
        return documents;

        void FlushSentence()
        {
            if (words.Count > 0)
            {
                sentences.Add(new LabelledSentence([.. words], SpansOf(tags)));
                words.Clear();
                tags.Clear();
            }
        }

        void FlushDocument()
        {
            if (sentences.Count > 0)
            {
                documents.Add(new LabelledDocument([.. sentences]));
                sentences.Clear();
            }
        }
    }

    /// <summary>
    /// Reads the Kaggle GMB csv (<c>Sentence #,Word,POS,Tag</c>, IOB2), mapping its types to ours
    /// (unmapped types become O) and grouping consecutive sentences into documents of
    /// <paramref name="sentencesPerDocument"/>.
    /// </summary>
    internal static List<LabelledDocument> ReadGmb(IEnumerable<List<string>> rows, IReadOnlyDictionary<string, string> typeMap, int sentencesPerDocument = 20)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(typeMap);
        var sentences = new List<LabelledSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        foreach (var row in rows.Skip(1))
        {
            if (row.Count < 4)
            {
                continue;
            }

            if (row[0].Length > 0 && words.Count > 0)
            {
                Flush();
            }

            words.Add(row[1]);
            var tag = row[3];
            tags.Add(tag.Length > 2 && typeMap.TryGetValue(tag[2..], out var mapped) ? $"{tag[0]}-{mapped}" : "O");
        }

        Flush();
        return [.. sentences.Chunk(sentencesPerDocument).Select(c => new LabelledDocument(c))];

        void Flush()
        {
            if (words.Count > 0)
            {
                sentences.Add(new LabelledSentence([.. words], SpansOf(tags)));
                words.Clear();
                tags.Clear();
            }
        }
    }

    /// <summary>The spans of IOB1 or IOB2 tags: a B- tag, or an I- tag of a new type, starts an entity.</summary>
    public static List<TokenSpan> SpansOf(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var spans = new List<TokenSpan>();
        var start = -1;
        string? type = null;
        for (var i = 0; i <= tags.Count; i++)
        {
            var tag = i < tags.Count ? tags[i] : "O";
            var t = tag.Length > 2 && tag[1] == '-' ? tag[2..] : null;
            var begins = t is not null && (tag[0] == 'B' || t != type);
            if (type is not null && (t is null || begins))
            {
                spans.Add(new TokenSpan(start, i, type));
                type = null;
            }

            if (t is not null && (begins || type is null))
            {
                start = i;
                type = t;
            }
        }

        return spans;
    }
}
