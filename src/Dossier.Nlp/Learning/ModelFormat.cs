namespace Dossier.Nlp.Learning;

/// <summary>
/// What model files share: the first bytes (kind and format version, so that a file of another
/// kind or written by another version is refused with a message that says so, rather than read
/// as garbage), lists of names, and the hash of each data file a model's meta.json records.
/// </summary>
internal static class ModelFormat
{
    /// <summary>The SHA-256 of a file, lower-case hex.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    /// <summary>Writes a count and the strings.</summary>
    public static void WriteStrings(BinaryWriter writer, IReadOnlyCollection<string> strings)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(strings);
        writer.Write(strings.Count);
        foreach (var s in strings)
        {
            writer.Write(s);
        }
    }

    /// <summary>Reads strings written by <see cref="WriteStrings"/>.</summary>
    public static string[] ReadStrings(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var strings = new string[reader.ReadInt32()];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = reader.ReadString();
        }

        return strings;
    }

    /// <summary>Writes the header.</summary>
    public static void WriteHeader(BinaryWriter writer, string format)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(format);
    }

    /// <summary>Reads the header; throws <see cref="InvalidDataException"/> when it is not <paramref name="format"/>.</summary>
    public static void ReadHeader(BinaryReader reader, string format)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string found;
        try
        {
            found = reader.ReadString();
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException)
        {
            throw new InvalidDataException($"not a {format} model file", e);
        }

        if (found != format)
        {
            throw new InvalidDataException($"not a {format} model file (it says '{(found.Length > 40 ? found[..40] : found)}'); retrain it with 'dossier train' (see CONTRIBUTING.md)");
        }
    }
}
