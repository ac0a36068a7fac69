using System.Text;

namespace Dossier.Extraction.Decoding;

/// <summary>Decoded text and the encoding it was read with.</summary>
/// <param name="Text">The decoded characters.</param>
/// <param name="Encoding">The encoding's web name (utf-8, utf-16le, windows-1252).</param>
/// <param name="Repaired">True when UTF-8 that had been mis-decoded as Windows-1252 (mojibake) was repaired.</param>
/// <param name="Damage">For UTF-8 text with a few bytes that are not valid UTF-8: what they were and what was done with them.</param>
public sealed record DecodedText(string Text, string Encoding, bool Repaired, Utf8Damage? Damage = null);

/// <summary>
/// Turns the bytes of a text file into text: a byte-order mark wins (UTF-8, UTF-16, UTF-32);
/// then strict UTF-8; then UTF-8 with a few bad bytes (see <see cref="LenientUtf8"/>; the
/// <see cref="DecodedText.Damage"/> says what was bad); then Windows-1252 where the bytes look like
/// Western text. Binary data
/// (NUL bytes, known file signatures) and bytes that look like no text are refused with a
/// <see cref="DossierException"/> naming the reason. Never throws anything else on any input.
/// </summary>
public static class TextDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding Windows1252 = CreateWindows1252();

    private static readonly (byte[] Signature, string Format)[] BinarySignatures =
    [
        ("%PDF"u8.ToArray(), "a PDF document"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ("GIF8"u8.ToArray(), "a GIF image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or an Office document)"),
        ([0x1F, 0x8B], "gzip-compressed data"),
        ([0x7F, 0x45, 0x4C, 0x46], "an executable (ELF)"),
        ("MZ"u8.ToArray(), "an executable (Windows)"),
        ([0xD0, 0xCF, 0x11, 0xE0], "an old Office document"),
        ("SQLite format 3"u8.ToArray(), "an SQLite database"),
        ("RIFF"u8.ToArray(), "a RIFF media file"),
        ("OggS"u8.ToArray(), "an Ogg media file"),
        ("ID3"u8.ToArray(), "an MP3 audio file"),
    ];

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="source"/> names the document in errors.</summary>
    /// <exception cref="DossierException">When the bytes are empty, binary or not text in a supported encoding.</exception>
    internal static DecodedText Decode(ReadOnlySpan<byte> bytes, string source)
    {
        if (bytes.IsEmpty)
        {
            throw new DossierException(DossierErrorCode.EmptyInput, "the file is empty (0 bytes)", source);
        }

        var decoded = DecodeWithBom(bytes) ?? DecodeWithoutBom(bytes, source);
        if (!decoded.Text.Any(char.IsLetterOrDigit))
        {
            throw new DossierException(DossierErrorCode.EmptyInput, "the file holds no text (only white space or punctuation)", source);
        }

        return decoded;
    }

    /// <summary>
    /// Decodes a web page or feed: a byte-order mark wins; then valid UTF-8 (a page that is valid
    /// UTF-8 is UTF-8 whatever it declares); then the charset declared by the server
    /// (<paramref name="declaredCharset"/>) or in the first 4 KB of markup (<c>&lt;meta charset&gt;</c>,
    /// <c>http-equiv</c>, <c>&lt;?xml encoding?&gt;</c>), with WHATWG's aliases (ISO-8859-1 reads as
    /// Windows-1252); then the sniffing of <see cref="Decode"/>.
    /// </summary>
    /// <exception cref="DossierException">When the bytes are empty, binary or not text in a supported encoding.</exception>
    public static DecodedText DecodeMarkup(ReadOnlySpan<byte> bytes, string source, string? declaredCharset = null)
    {
        if (bytes.IsEmpty)
        {
            throw new DossierException(DossierErrorCode.EmptyInput, "the file is empty (0 bytes)", source);
        }

        if (DecodeWithBom(bytes) is { } withBom)
        {
            return withBom;
        }

        foreach (var (signature, format) in BinarySignatures)
        {
            if (bytes.StartsWith(signature))
            {
                throw new DossierException(DossierErrorCode.BinaryInput, $"the file is {format}, not a web page", source);
            }
        }

        // A stray NUL byte in a page (a CMS bug) is dropped, as browsers do; many NULs mean binary data.
        if (!LooksLikeUtf16(bytes, out _) && bytes.IndexOf((byte)0) >= 0 && bytes.Count((byte)0) * 100 < bytes.Length)
        {
            var cleaned = new byte[bytes.Length - bytes.Count((byte)0)];
            var at = 0;
            foreach (var b in bytes)
            {
                if (b != 0)
                {
                    cleaned[at++] = b;
                }
            }

            return DecodeMarkup(cleaned, source, declaredCharset);
        }

        var declared = EncodingFor(declaredCharset) ?? EncodingFor(DeclaredInMarkup(bytes));
        if (declared is not null && declared.CodePage != 65001 && !LooksLikeUtf16(bytes, out _))
        {
            try
            {
                return new DecodedText(StrictUtf8.GetString(bytes), "utf-8", false);
            }
            catch (DecoderFallbackException)
            {
                return MostlyUtf8(bytes) ?? new DecodedText(declared.GetString(bytes), declared.WebName, false);
            }
        }

        return Decode(bytes, source);
    }

    /// <summary>The charset a page declares in its first 4 KB, or null.</summary>
    internal static string? DeclaredInMarkup(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var match = System.Text.RegularExpressions.Regex.Match(
            head,
            @"(?:<meta[^>]+charset\s*=\s*[""']?|<\?xml[^>]+encoding\s*=\s*[""'])(?<cs>[A-Za-z0-9_:.-]{2,40})",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant,
            TimeSpan.FromMilliseconds(200));
        return match.Success ? match.Groups["cs"].Value : null;
    }

    /// <summary>The encoding a charset label names (WHATWG aliases), or null when unknown.</summary>
    internal static Encoding? EncodingFor(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var name = label.Trim().Trim('"', '\'').ToLowerInvariant() switch
        {
            "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "iso8859-1" or "iso_8859-1" or "cp1252" or "l1" => "windows-1252",
            "gb2312" or "gb_2312-80" or "x-gbk" or "chinese" => "gbk",
            "iso-8859-9" or "latin5" => "windows-1254",
            "tis-620" or "iso-8859-11" => "windows-874",
            "utf8" or "unicode-1-1-utf-8" => "utf-8",
            "sjis" or "x-sjis" or "ms_kanji" => "shift_jis",
            var other => other,
        };
        try
        {
            _ = Windows1252;
            return Encoding.GetEncoding(name, new EncoderReplacementFallback("?"), new DecoderReplacementFallback("\uFFFD"));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static DecodedText? DecodeWithBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Lenient(new UTF8Encoding(false, false), bytes[3..], "utf-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return Lenient(new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: false), bytes[4..], "utf-32le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Lenient(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false), bytes[2..], "utf-16le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Lenient(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false), bytes[2..], "utf-16be");
        }

        return null;
    }

    private static DecodedText Lenient(Encoding encoding, ReadOnlySpan<byte> bytes, string name) =>
        new(encoding.GetString(bytes), name, false);

    private static DecodedText DecodeWithoutBom(ReadOnlySpan<byte> bytes, string source)
    {
        foreach (var (signature, format) in BinarySignatures)
        {
            if (bytes.StartsWith(signature))
            {
                throw new DossierException(DossierErrorCode.BinaryInput, $"the file is {format}, not text", source);
            }
        }

        if (LooksLikeUtf16(bytes, out var bigEndian))
        {
            return Lenient(new UnicodeEncoding(bigEndian, false, false), bytes, bigEndian ? "utf-16be" : "utf-16le");
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new DossierException(DossierErrorCode.BinaryInput, $"the file holds binary data (a NUL byte at offset {nul}), not text", source);
        }

        try
        {
            var text = StrictUtf8.GetString(bytes);
            return RepairMojibake(text) is { } repaired ? new DecodedText(repaired, "utf-8", true) : new DecodedText(text, "utf-8", false);
        }
        catch (DecoderFallbackException)
        {
            // Not strict UTF-8: UTF-8 with a few bad bytes, or see whether it reads as Western text below.
        }

        if (MostlyUtf8(bytes) is { } mostly)
        {
            return mostly;
        }

        var suspicious = 0;
        var high = 0;
        foreach (var b in bytes)
        {
            if (b >= 0x80)
            {
                high++;
                if (b is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D)
                {
                    suspicious++;
                }
            }
            else if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C))
            {
                suspicious++;
            }
        }

        // Western text in Windows-1252 is mostly ASCII, with accented letters and typographic
        // quotes here and there; bytes that are mostly high or control bytes are no text.
        if (high * 10 > bytes.Length * 3 || suspicious * 100 > bytes.Length)
        {
            throw new DossierException(
                DossierErrorCode.UndecodableText,
                $"the file is not text: it is neither valid UTF-8 nor plausible Windows-1252 ({high * 100 / bytes.Length}% of its bytes are above 0x7F)",
                source);
        }

        return new DecodedText(Windows1252.GetString(bytes), "windows-1252", false);
    }

    private static DecodedText? MostlyUtf8(ReadOnlySpan<byte> bytes) =>
        LenientUtf8.TryDecode(bytes, Windows1252) is var (text, damage) ? new DecodedText(text, "utf-8", false, damage) : null;

    /// <summary>UTF-16 without a byte-order mark: NUL bytes in every other position of mostly-ASCII text.</summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        var n = Math.Min(bytes.Length & ~1, 4096);
        if (n < 4)
        {
            return false;
        }

        int evenNul = 0, oddNul = 0;
        for (var i = 0; i < n; i += 2)
        {
            evenNul += bytes[i] == 0 ? 1 : 0;
            oddNul += bytes[i + 1] == 0 ? 1 : 0;
        }

        var pairs = n / 2;
        if (oddNul * 10 >= pairs * 7 && evenNul * 10 < pairs)
        {
            return true;
        }

        if (evenNul * 10 >= pairs * 7 && oddNul * 10 < pairs)
        {
            bigEndian = true;
            return true;
        }

        return false;
    }

    /// <summary>
    /// UTF-8 that was once decoded as Windows-1252 and saved again as UTF-8 shows sequences like
    /// "â€™" for "’". Where re-encoding to Windows-1252 gives valid UTF-8 with fewer such
    /// sequences, the repaired text is returned; otherwise null.
    /// </summary>
    private static string? RepairMojibake(string text)
    {
        var before = CountMojibake(text);
        if (before == 0)
        {
            return null;
        }

        try
        {
            var bytes = Windows1252.GetBytes(text);
            var repaired = StrictUtf8.GetString(bytes);
            return CountMojibake(repaired) < before ? repaired : null;
        }
        catch (EncoderFallbackException)
        {
            return null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static int CountMojibake(string text)
    {
        var count = 0;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if ((text[i] == 'â' && text[i + 1] is '€' or '\u0080') || (text[i] == 'Ã' && text[i + 1] is >= '\u0080' and <= '¿'))
            {
                count++;
            }
        }

        return count;
    }

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, new EncoderExceptionFallback(), new DecoderReplacementFallback("\uFFFD"));
    }
}
