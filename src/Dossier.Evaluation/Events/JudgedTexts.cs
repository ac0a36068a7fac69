using System.Text;
using Dossier.Evaluation.Ner;
using Dossier.Evaluation.Stance;
using Dossier.Extraction.Ingestion;

namespace Dossier.Evaluation.Events;

/// <summary>
/// Where the texts of a pool of judged events come from, by the name a judgment gives: a folder of
/// article files (the name is a file name, read as <c>analyze</c> reads that file), or the Fake
/// News Challenge's bodies file (<c>Body ID,articleBody</c>; the name is a Body ID, the body read
/// as a plain-text article), so that news whose text may not be copied here is judged in place, or
/// a file of annotated sentences (eval/events/GUIDELINES.md, <c>.jsonl</c>; the name is a document,
/// its sentences joined in order into one plain-text article: a sentence that ends without a full
/// stop, a question or exclamation mark — a headline, a date line — ends a paragraph), or a
/// CoNLL-2003 file (one token a line, <c>-DOCSTART-</c> between documents; the name is
/// <c>doc-NNN</c>, the document's place in the file, read as <see cref="ConllText"/> writes it).
/// </summary>
public sealed class JudgedTexts
{
    private readonly string _path;
    private readonly Dictionary<string, string>? _bodies;
    private readonly DocumentLoader _loader = new();

    /// <summary>What a path of judged texts may be, for command-line help.</summary>
    public const string Kinds = "a folder of article files (e.g. ../shared/data/polnear/train/text), an FNC-1 bodies file whose Body IDs the judgments name (../shared/data/fnc-1/train_bodies.csv), a .jsonl file of annotated sentences (eval/events/gum-news.dev.jsonl) or a CoNLL-2003 file whose stories are named doc-001, doc-002, … (../shared/data/conll2003/original-iob1/eng.testa)";

    private JudgedTexts(string path, Dictionary<string, string>? bodies) => (_path, _bodies) = (path, bodies);

    /// <summary>Opens a folder of texts, an FNC-1 bodies file (a path ending in .csv), a file of annotated sentences (.jsonl) or a CoNLL-2003 file.</summary>
    /// <exception cref="DossierException">When the path is neither an existing folder nor an existing .csv or .jsonl file.</exception>
    public static JudgedTexts Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return new JudgedTexts(path, null);
        }

        if (File.Exists(path) && path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return new JudgedTexts(path, StanceData.ReadBodies(path));
        }

        if (File.Exists(path) && path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            IReadOnlyList<AnnotatedSentence> sentences;
            try
            {
                sentences = AnnotatedEventEvaluation.Read(path);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
            {
                throw new DossierException(DossierErrorCode.MalformedInput, $"not a file of annotated sentences (doc, sent, text, events on each line): {ex.Message}", path);
            }

            return new JudgedTexts(path, sentences.GroupBy(s => s.Document, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => ArticleText.Join(g.OrderBy(s => s.Index).Select(s => s.Text.Trim())), StringComparer.Ordinal));
        }

        if (File.Exists(path) && IsConll(path))
        {
            return new JudgedTexts(path, ConllReader.Read(path).Select((d, i) => (Name: ConllText.NameOf(i), Text: ConllText.Text(d)))
                .ToDictionary(d => d.Name, d => d.Text, StringComparer.Ordinal));
        }

        throw new DossierException(DossierErrorCode.NotFound, "judged texts must be a folder of article files, an FNC-1 bodies file (.csv), a file of annotated sentences (.jsonl) or a CoNLL-2003 file", path);
    }

    /// <summary>True for a CoNLL-2003 file: its first lines hold a <c>-DOCSTART-</c> line or a word with three more columns.</summary>
    private static bool IsConll(string path)
    {
        using var reader = new StreamReader(path);
        for (var i = 0; i < 3 && reader.ReadLine() is { } line; i++)
        {
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal) || line.Split(' ').Length == 4)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text named <paramref name="name"/>, loaded (not yet analysed).</summary>
    /// <exception cref="DossierException">When no such text exists or it cannot be read.</exception>
    public Document Load(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_bodies is null)
        {
            return _loader.Load(Path.Combine(_path, name));
        }

        return _bodies.TryGetValue(name, out var body)
            ? _loader.LoadBytes(Encoding.UTF8.GetBytes(body), $"{Path.GetFileName(_path)}#{name}")
            : throw new DossierException(DossierErrorCode.NotFound, $"no text named {name}", _path);
    }
}
