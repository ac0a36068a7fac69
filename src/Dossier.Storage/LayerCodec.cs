using System.Collections.Immutable;
using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Storage;

/// <summary>
/// Compact binary forms of annotation layers and source maps for storage: counts and
/// delta-coded offsets as 7-bit varints. Keeps serialisation out of the domain types.
/// </summary>
internal static class LayerCodec
{
    /// <summary>The format version written; bump it when a layout changes.</summary>
    public const int Format = 1;

    /// <summary>The layers this codec stores.</summary>
    public static IReadOnlyList<LayerKey> StoredLayers { get; } = [Layers.Paragraphs, Layers.Tokens, Layers.Sentences];

    /// <summary>Encodes a stored layer of a document.</summary>
    public static byte[] Encode(Document document, LayerKey layer)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        if (layer == Layers.Paragraphs)
        {
            WriteItems(w, document.Get(Layers.Paragraphs), static (_, _) => { });
        }
        else if (layer == Layers.Tokens)
        {
            WriteItems(w, document.Get(Layers.Tokens), static (w, t) => w.Write7BitEncodedInt((int)t.Kind));
        }
        else if (layer == Layers.Sentences)
        {
            WriteItems(w, document.Get(Layers.Sentences), static (w, s) =>
            {
                w.Write7BitEncodedInt(s.FirstToken);
                w.Write7BitEncodedInt(s.TokenCount);
                w.Write7BitEncodedInt(s.Paragraph);
            });
        }
        else
        {
            throw new ArgumentException($"The '{layer.Name}' layer has no stored form yet.", nameof(layer));
        }

        w.Flush();
        return ms.ToArray();
    }

    /// <summary>Decodes a stored layer onto a document.</summary>
    public static void Decode(Document document, string layerName, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(data);
        using var r = new BinaryReader(new MemoryStream(data));
        switch (layerName)
        {
            case "paragraphs":
                document.Set(Layers.Paragraphs, ReadItems(r, static (_, span) => new ParagraphData(span)));
                break;
            case "tokens":
                document.Set(Layers.Tokens, ReadItems(r, static (r, span) => new TokenData(span, (TokenKind)r.Read7BitEncodedInt())));
                break;
            case "sentences":
                document.Set(Layers.Sentences, ReadItems(r, static (r, span) => new SentenceData(span, r.Read7BitEncodedInt(), r.Read7BitEncodedInt(), r.Read7BitEncodedInt())));
                break;
            default:
                throw new ArgumentException($"Unknown stored layer '{layerName}'.", nameof(layerName));
        }
    }

    /// <summary>Encodes a source map.</summary>
    public static byte[] EncodeMap(OffsetMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        var runs = map.Runs.ToList();
        w.Write7BitEncodedInt(map.TextLength);
        w.Write7BitEncodedInt(map.SourceLength);
        w.Write7BitEncodedInt(runs.Count);
        foreach (var (textStart, sourceStart, length) in runs)
        {
            w.Write7BitEncodedInt(textStart);
            w.Write7BitEncodedInt(sourceStart);
            w.Write7BitEncodedInt(length);
        }

        w.Flush();
        return ms.ToArray();
    }

    /// <summary>Decodes a source map.</summary>
    public static OffsetMap DecodeMap(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var r = new BinaryReader(new MemoryStream(data));
        var textLength = r.Read7BitEncodedInt();
        var sourceLength = r.Read7BitEncodedInt();
        var count = r.Read7BitEncodedInt();
        var builder = new OffsetMap.Builder();
        for (var i = 0; i < count; i++)
        {
            builder.AddRun(r.Read7BitEncodedInt(), r.Read7BitEncodedInt(), r.Read7BitEncodedInt());
        }

        return builder.Build(textLength, sourceLength);
    }

    private static void WriteItems<T>(BinaryWriter w, ImmutableArray<T> items, Action<BinaryWriter, T> extra)
        where T : struct, IAnnotation
    {
        w.Write7BitEncodedInt(items.Length);
        var previous = 0;
        foreach (var item in items)
        {
            w.Write7BitEncodedInt(item.Span.Start - previous);
            w.Write7BitEncodedInt(item.Span.Length);
            previous = item.Span.Start;
            extra(w, item);
        }
    }

    private static ImmutableArray<T> ReadItems<T>(BinaryReader r, Func<BinaryReader, TextSpan, T> read)
        where T : struct, IAnnotation
    {
        var count = r.Read7BitEncodedInt();
        var builder = ImmutableArray.CreateBuilder<T>(count);
        var previous = 0;
        for (var i = 0; i < count; i++)
        {
            var start = previous + r.Read7BitEncodedInt();
            var length = r.Read7BitEncodedInt();
            previous = start;
            builder.Add(read(r, TextSpan.FromLength(start, length)));
        }

        return builder.MoveToImmutable();
    }
}
