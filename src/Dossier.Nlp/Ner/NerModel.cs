using System.Text;
using System.Text.Json;

namespace Dossier.Nlp.Ner;

/// <summary>
/// A trained named-entity model as saved in a directory: <c>model.bin</c> (labels, transitions,
/// sparse weights), <c>gazetteer.tsv</c>, <c>config.json</c> (the training config) and
/// <c>meta.json</c> (data hashes, dev scores, sizes). Loaded by path; no network. Thread-safe.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "DOSSIER-NER/1";

    /// <summary>Creates a model from its parts.</summary>
    public NerModel(PerceptronTagger tagger, Gazetteer gazetteer, WordClusters clusters, NerFeatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        Clusters = clusters;
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(options);
        Tagger = tagger;
        Gazetteer = gazetteer;
        Options = options;
    }

    /// <summary>The sequence tagger.</summary>
    public PerceptronTagger Tagger { get; }

    /// <summary>The gazetteer the features read.</summary>
    public Gazetteer Gazetteer { get; }

    /// <summary>The word clusters the features read.</summary>
    public WordClusters Clusters { get; }

    /// <summary>The feature groups the model was trained with.</summary>
    public NerFeatureOptions Options { get; }

    /// <summary>Tags the sentences of one document (words as tokenized); returns the spans of each sentence.</summary>
    public List<List<TokenSpan>> Tag(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var prepared = sentences.Select(s => new NerSentence(s, Gazetteer, Clusters)).ToList();
        var context = NerDocumentContext.For(prepared, Options);
        var salt = Options.DomainFolded ? 0 : NerFeatureOptions.DomainSalt(Options.TargetDomain);
        var result = new List<List<TokenSpan>>(prepared.Count);
        var history = Options.History ? new PredictionHistory(Tagger.Labels) : null;
        var features = new List<ulong>(4096);
        var offsets = new List<int>(128);
        foreach (var sentence in prepared)
        {
            // One flat buffer of feature hashes for the sentence, token t at [offsets[t], offsets[t + 1]).
            features.Clear();
            offsets.Clear();
            for (var i = 0; i < sentence.Words.Count; i++)
            {
                offsets.Add(features.Count);
                NerFeatures.Extract(sentence, i, context, Options, features, salt);
                history?.Features(sentence, i, features);
            }

            offsets.Add(features.Count);
            var labels = Tagger.Decode(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(offsets));
            history?.Record(sentence, labels);
            result.Add(Tagger.Labels.Decode(labels));
        }

        return result;
    }

    /// <summary>Saves the weights, gazetteer and options to <paramref name="directory"/> (config and meta are written by the trainer).</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        using (var stream = File.Create(Path.Combine(directory, "model.bin")))
        using (var w = new BinaryWriter(stream, Encoding.UTF8))
        {
            w.Write(Magic);
            w.Write(JsonSerializer.Serialize(Options));
            w.Write(Tagger.Labels.Types.Count);
            foreach (var type in Tagger.Labels.Types)
            {
                w.Write(type);
            }

            foreach (var t in Tagger.Transitions)
            {
                w.Write(t);
            }

            var rows = Tagger.Rows().OrderBy(r => r.Hash).ToList();
            w.Write(rows.Count);
            foreach (var (hash, entries) in rows)
            {
                w.Write(hash);
                w.Write((byte)entries.Length);
                foreach (var (label, weight) in entries)
                {
                    w.Write(label);
                    w.Write((Half)weight);
                }
            }
        }

        Gazetteer.Save(Path.Combine(directory, "gazetteer.tsv"));
        Clusters.Save(Path.Combine(directory, "clusters.tsv"));
    }

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    /// <exception cref="DossierException">With <see cref="DossierErrorCode.NotFound"/> or <see cref="DossierErrorCode.ComponentFailed"/> when the model is missing or unreadable.</exception>
    public static NerModel Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var path = Path.Combine(directory, "model.bin");
        if (!File.Exists(path))
        {
            throw new DossierException(DossierErrorCode.NotFound, $"no NER model at {path}; train one with 'dossier train ner --config configs/ner.json'");
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var r = new BinaryReader(stream, Encoding.UTF8);
            if (r.ReadString() != Magic)
            {
                throw new DossierException(DossierErrorCode.ComponentFailed, $"{path} is not a Dossier NER model of this version");
            }

            var options = JsonSerializer.Deserialize<NerFeatureOptions>(r.ReadString()) ?? new NerFeatureOptions();
            var types = new string[r.ReadInt32()];
            for (var i = 0; i < types.Length; i++)
            {
                types[i] = r.ReadString();
            }

            var labels = new EntityLabels(types);
            var transitions = new float[labels.Count * labels.Count];
            for (var i = 0; i < transitions.Length; i++)
            {
                transitions[i] = r.ReadSingle();
            }

            var count = r.ReadInt32();
            var rows = new Dictionary<ulong, (byte, float)[]>(count);
            for (var i = 0; i < count; i++)
            {
                var hash = r.ReadUInt64();
                var entries = new (byte, float)[r.ReadByte()];
                for (var k = 0; k < entries.Length; k++)
                {
                    entries[k] = (r.ReadByte(), (float)r.ReadHalf());
                }

                rows[hash] = entries;
            }

            var gazetteerPath = Path.Combine(directory, "gazetteer.tsv");
            var gazetteer = File.Exists(gazetteerPath) ? Gazetteer.Load(gazetteerPath) : Gazetteer.Empty;
            var clustersPath = Path.Combine(directory, "clusters.tsv");
            var clusters = File.Exists(clustersPath) ? WordClusters.Load(clustersPath) : WordClusters.Empty;
            return new NerModel(new PerceptronTagger(labels, rows, transitions), gazetteer, clusters, options);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or JsonException or ArgumentException)
        {
            throw new DossierException(DossierErrorCode.ComponentFailed, $"the NER model at {path} cannot be read: {ex.Message}", null, ex);
        }
    }
}
