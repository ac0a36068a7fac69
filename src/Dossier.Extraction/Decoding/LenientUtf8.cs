using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Dossier.Extraction.Decoding;

/// <summary>The bytes of mostly-UTF-8 text that were not valid UTF-8.</summary>
/// <param name="BadBytes">Bytes that were not valid UTF-8.</param>
/// <param name="ReadAsWindows1252">Of those, the lone bytes read as their Windows-1252 character.</param>
/// <param name="FirstOffset">The offset of the first bad byte in the decoded bytes.</param>
public sealed record Utf8Damage(int BadBytes, int ReadAsWindows1252, int FirstOffset)
{
    /// <summary>The document warning that says what was done.</summary>
    public string Describe()
    {
        var replaced = BadBytes - ReadAsWindows1252;
        var what = (ReadAsWindows1252, replaced) switch
        {
            (0, _) => "replaced with U+FFFD",
            (_, 0) => "each read as its Windows-1252 character",
            _ => $"{ReadAsWindows1252:N0} read as Windows-1252 characters, {replaced:N0} replaced with U+FFFD",
        };
        return $"the text is UTF-8 but {BadBytes:N0} of its bytes are not valid UTF-8 (the first at byte {FirstOffset:N0}); they were {what}";
    }
}

/// <summary>
/// Decodes text that is UTF-8 but for a few bad bytes (a Windows-1252 character pasted into a UTF-8
/// file, a sequence cut short). It is taken as UTF-8 when at least 99% of its non-ASCII sequences are
/// valid, or when it has at most <see cref="FewBad"/> bad sequences and at least four valid ones
/// for each. A bad sequence of one byte is read as its Windows-1252 character (é for E9, ’ for 92),
/// as mixed files usually mean; a longer one (a cut sequence) becomes U+FFFD.
/// </summary>
internal static class LenientUtf8
{
    /// <summary>A text with this many bad sequences or fewer is UTF-8 when four times as many are valid.</summary>
    public const int FewBad = 8;

    /// <summary>The decoded text and what was bad, or null when the bytes are not mostly UTF-8.</summary>
    public static (string Text, Utf8Damage Damage)? TryDecode(ReadOnlySpan<byte> bytes, Encoding windows1252)
    {
        var (valid, bad) = Count(bytes);
        var mostlyUtf8 = valid > 0 && bad > 0 && (valid >= 99 * bad || (bad <= FewBad && valid >= 4 * bad));
        return mostlyUtf8 ? Decode(bytes, windows1252) : null;
    }

    /// <summary>The valid non-ASCII sequences and the bad ones (maximal invalid subparts).</summary>
    private static (int Valid, int Bad) Count(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, bad = 0, i = 0;
        while (i < bytes.Length)
        {
            var ascii = bytes[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (ascii < 0)
            {
                break;
            }

            i += ascii;
            var status = Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed);
            if (status == OperationStatus.Done)
            {
                valid++;
            }
            else
            {
                bad++;
            }

            i += consumed;
        }

        return (valid, bad);
    }

    private static (string Text, Utf8Damage Damage) Decode(ReadOnlySpan<byte> bytes, Encoding windows1252)
    {
        var chars = new char[bytes.Length];
        int read = 0, written = 0, badBytes = 0, repaired = 0, first = -1;
        while (read < bytes.Length)
        {
            var status = Utf8.ToUtf16(bytes[read..], chars.AsSpan(written), out var r, out var w, replaceInvalidSequences: false);
            read += r;
            written += w;
            if (status == OperationStatus.Done)
            {
                break;
            }

            Rune.DecodeFromUtf8(bytes[read..], out _, out var consumed);
            first = first < 0 ? read : first;
            badBytes += consumed;
            var single = consumed == 1 ? AsWindows1252(bytes[read], windows1252) : null;
            repaired += single is null ? 0 : 1;
            chars[written++] = single ?? '\uFFFD';
            read += consumed;
        }

        return (new string(chars, 0, written), new Utf8Damage(badBytes, repaired, first));
    }

    /// <summary>The Windows-1252 character of a byte, or null for the five bytes it leaves undefined.</summary>
    private static char? AsWindows1252(byte b, Encoding windows1252) =>
        b is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D ? null : windows1252.GetString([b])[0];
}
