namespace Dossier.Knowledge;

/// <summary>
/// The spelling key names are compared by, in the knowledge base and in the NER gazetteer alike,
/// so that transliterations meet ("Tehreek-e-Taliban" and "Tehrik-i-Taliban").
/// </summary>
public static class SpellingKeys
{
    /// <summary>
    /// A key that survives the usual variation in romanised names: lower case, hyphens as spaces,
    /// the linking vowels of Urdu and Persian compounds (-e-, -i-, -ul-) dropped, long vowels
    /// written ee/oo read as i/u, doubled letters single.
    /// </summary>
    public static string Of(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        IReadOnlyList<string> list = words as IReadOnlyList<string> ?? [.. words];
        var buffer = new char[list.Sum(w => w.Length + 1)];
        return new string(buffer, 0, Write(list, 0, list.Count, buffer));
    }

    /// <summary>Writes the <see cref="Of(IEnumerable{string})"/> of words <c>[start, end)</c> into <paramref name="buffer"/>; returns its length, or -1 when it does not fit.</summary>
    public static int Write(IReadOnlyList<string> words, int start, int end, Span<char> buffer)
    {
        var length = 0;
        for (var i = start; i < end; i++)
        {
            var word = words[i].AsSpan();
            foreach (var range in word.Split('-'))
            {
                var part = word[range];
                if (part.IsEmpty || IsLinker(part))
                {
                    continue;
                }

                if (length + part.Length + 1 > buffer.Length)
                {
                    return -1;
                }

                if (length > 0)
                {
                    buffer[length++] = ' ';
                }

                length += NormalizePart(part, buffer[length..]);
            }
        }

        return length;
    }

    /// <summary>True for the linking vowels of Urdu and Persian compounds ("e" in "Tehreek-e-Taliban", "i", "ul", "ud", "ur", "al"), which the key leaves out.</summary>
    public static bool IsLinker(ReadOnlySpan<char> part) =>
        part.Equals("e", StringComparison.OrdinalIgnoreCase) || part.Equals("i", StringComparison.OrdinalIgnoreCase)
        || part.Equals("ul", StringComparison.OrdinalIgnoreCase) || part.Equals("ud", StringComparison.OrdinalIgnoreCase)
        || part.Equals("ur", StringComparison.OrdinalIgnoreCase) || part.Equals("al", StringComparison.OrdinalIgnoreCase);

    /// <summary>One part of <see cref="Of"/>: lower case, ee as i, oo as u, doubled letters single; returns the length written.</summary>
    public static int NormalizePart(ReadOnlySpan<char> part, Span<char> output)
    {
        var n = 0;
        for (var k = 0; k < part.Length; k++)
        {
            var c = char.ToLowerInvariant(part[k]);
            if (k + 1 < part.Length && (c is 'e' or 'o') && char.ToLowerInvariant(part[k + 1]) == c)
            {
                c = c == 'e' ? 'i' : 'u';
                k++;
            }

            if (n == 0 || output[n - 1] != c)
            {
                output[n++] = c;
            }
        }

        return n;
    }
}
