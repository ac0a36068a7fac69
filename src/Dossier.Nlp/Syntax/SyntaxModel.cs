using System.Text;
using Dossier.Annotations;
using Dossier.Nlp.Ner;

namespace Dossier.Nlp.Syntax;

/// <summary>The analysis of one sentence's words: tags, lemmas and tree.</summary>
/// <param name="Upos">Each word's universal part of speech.</param>
/// <param name="Xpos">Each word's Penn Treebank tag.</param>
/// <param name="Lemmas">Each word's lemma.</param>
/// <param name="Heads">Each word's head (0-based), -1 for the root.</param>
/// <param name="Relations">Each word's relation to its head.</param>
public sealed record ParsedSentence(UPos[] Upos, string[] Xpos, string[] Lemmas, int[] Heads, string[] Relations);

/// <summary>
/// The shipped syntactic models in one place (models/parse): the part-of-speech tagger, the
/// dependency parser, the lemmatizer, the word clusters they share and the treebank's
/// hyphenated words. Immutable; thread-safe.
/// </summary>
public sealed class SyntaxModel
{
    /// <summary>The files of a model directory.</summary>
    public const string TaggerFile = "tagger.bin", ParserFile = "parser.bin", LemmaFile = "lemmas.tsv", ClusterFile = "clusters.tsv", HyphenFile = "hyphenated.txt";

    /// <summary>Creates a model from its parts.</summary>
    public SyntaxModel(PosTagger tagger, DependencyParser parser, Lemmatizer lemmatizer, WordClusters clusters, TreebankWords words)
    {
        Tagger = tagger ?? throw new ArgumentNullException(nameof(tagger));
        Parser = parser ?? throw new ArgumentNullException(nameof(parser));
        Lemmatizer = lemmatizer ?? throw new ArgumentNullException(nameof(lemmatizer));
        Clusters = clusters ?? throw new ArgumentNullException(nameof(clusters));
        Words = words ?? throw new ArgumentNullException(nameof(words));
    }

    /// <summary>The tagger.</summary>
    public PosTagger Tagger { get; }

    /// <summary>The parser.</summary>
    public DependencyParser Parser { get; }

    /// <summary>The lemmatizer.</summary>
    internal Lemmatizer Lemmatizer { get; }

    /// <summary>The word clusters.</summary>
    public WordClusters Clusters { get; }

    /// <summary>How tokens become treebank words.</summary>
    internal TreebankWords Words { get; }

    /// <summary>Tags, lemmatizes and parses a sentence of words.</summary>
    public ParsedSentence Parse(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var prepared = Tagger.Prepare(words, Clusters);
        var tags = Tagger.Tag(words, prepared);
        var (heads, relations) = Parser.Parse(prepared, tags);
        var n = words.Count;
        var upos = new UPos[n];
        var xpos = new string[n];
        var lemmas = new string[n];
        var names = new string[n];
        for (var i = 0; i < n; i++)
        {
            upos[i] = Tagger.Upos[tags[i]];
            xpos[i] = Tagger.Xpos[tags[i]];
            lemmas[i] = Lemmatizer.Lemmatize(words[i], xpos[i]);
            names[i] = Parser.Relations[relations[i]];
        }

        return new ParsedSentence(upos, xpos, lemmas, heads, names);
    }

    /// <summary>Loads a model directory written by <see cref="Save"/>.</summary>
    public static SyntaxModel Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        PosTagger tagger;
        using (var r = new BinaryReader(File.OpenRead(Path.Combine(directory, TaggerFile))))
        {
            tagger = PosTagger.Read(r);
        }

        DependencyParser parser;
        using (var r = new BinaryReader(File.OpenRead(Path.Combine(directory, ParserFile))))
        {
            parser = DependencyParser.Read(r);
        }

        Lemmatizer lemmatizer;
        using (var r = new StreamReader(Path.Combine(directory, LemmaFile), Encoding.UTF8))
        {
            lemmatizer = Lemmatizer.Read(r);
        }

        var clusters = WordClusters.Load(Path.Combine(directory, ClusterFile));
        var words = new TreebankWords(File.ReadAllLines(Path.Combine(directory, HyphenFile)).Where(l => l.Length > 0));
        return new SyntaxModel(tagger, parser, lemmatizer, clusters, words);
    }

    /// <summary>Writes the model's files into <paramref name="directory"/>; the same model gives the same bytes.</summary>
    public void Save(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        using (var w = new BinaryWriter(File.Create(Path.Combine(directory, TaggerFile))))
        {
            Tagger.Write(w);
        }

        using (var w = new BinaryWriter(File.Create(Path.Combine(directory, ParserFile))))
        {
            Parser.Write(w);
        }

        using (var w = new StreamWriter(Path.Combine(directory, LemmaFile), false, new UTF8Encoding(false)))
        {
            Lemmatizer.Write(w);
        }

        Clusters.Save(Path.Combine(directory, ClusterFile));
        File.WriteAllText(Path.Combine(directory, HyphenFile), string.Concat(Words.KeptWhole.Select(w => w + "\n")), new UTF8Encoding(false));
    }
}
