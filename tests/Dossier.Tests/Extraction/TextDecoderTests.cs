using System.Text;
using Dossier.Extraction.Decoding;
using Dossier.Extraction.Ingestion;

namespace Dossier.Tests.Extraction;

public class TextDecoderTests
{
    private static DossierException Refused(byte[] bytes) =>
        Assert.Throws<DossierException>(() => TextDecoder.Decode(bytes, "bad.txt"));

    [Fact]
    public void Decode_Utf8WithAndWithoutBom()
    {
        Assert.Equal("café", TextDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("café")], "a").Text);
        var plain = TextDecoder.Decode(Encoding.UTF8.GetBytes("Pakistan’s"), "a");
        Assert.Equal(("Pakistan’s", "utf-8"), (plain.Text, plain.Encoding));
    }

    [Fact]
    public void Decode_Utf16WithBomAndWithout()
    {
        Assert.Equal("Kabul", TextDecoder.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Kabul")], "a").Text);
        Assert.Equal("Kabul", TextDecoder.Decode([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("Kabul")], "a").Text);
        var noBom = TextDecoder.Decode(Encoding.Unicode.GetBytes("Torkham border"), "a");
        Assert.Equal(("Torkham border", "utf-16le"), (noBom.Text, noBom.Encoding));
    }

    [Fact]
    public void Decode_FallsBackToWindows1252ForWesternText()
    {
        // "Café – “quoted”" in Windows-1252: é = E9, en dash = 96, curly quotes = 93/94.
        byte[] bytes = [.. "Caf"u8, 0xE9, 0x20, 0x96, 0x20, 0x93, .. "quoted"u8, 0x94];
        var decoded = TextDecoder.Decode(bytes, "a");
        Assert.Equal(("Café – “quoted”", "windows-1252"), (decoded.Text, decoded.Encoding));
    }

    [Fact]
    public void Decode_RepairsMojibake()
    {
        var mojibake = Encoding.UTF8.GetBytes("Pakistanâ€™s foreign office said â€œnoâ€\u009D");
        var decoded = TextDecoder.Decode(mojibake, "a");
        Assert.True(decoded.Repaired);
        Assert.Equal("Pakistan’s foreign office said “no”", decoded.Text);
    }

    [Fact]
    public void Decode_EmptyFile_IsRefused() => Assert.Equal(DossierErrorCode.EmptyInput, Refused([]).Code);

    [Fact]
    public void Decode_WhiteSpaceOnly_IsRefused() => Assert.Equal(DossierErrorCode.EmptyInput, Refused("  \n\t \n"u8.ToArray()).Code);

    [Fact]
    public void Decode_NulBytes_AreBinary()
    {
        var ex = Refused([0x41, 0x42, 0x00, 0x01, 0x02, 0x43, 0x44, 0x45, 0x00, 0x00, 0x00]);
        Assert.Equal(DossierErrorCode.BinaryInput, ex.Code);
        Assert.Equal("bad.txt", ex.DocumentSource);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A }, "PNG")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "PDF")]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00 }, "gzip")]
    public void Decode_KnownBinaryFormats_AreNamed(byte[] bytes, string format)
    {
        var ex = Refused(bytes);
        Assert.Equal(DossierErrorCode.BinaryInput, ex.Code);
        Assert.Contains(format, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_AllFFBytes_AreNotText()
    {
        var ex = Refused(Enumerable.Repeat((byte)0xFF, 64).ToArray());
        Assert.Equal(DossierErrorCode.UndecodableText, ex.Code);
        Assert.Contains("neither valid UTF-8 nor plausible Windows-1252", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_RandomBytes_NeverThrowAnythingButDossierException()
    {
        var random = new Random(42);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            try
            {
                var decoded = TextDecoder.Decode(bytes, "r");
                Assert.NotNull(decoded.Text);
            }
            catch (DossierException)
            {
                // A refusal with a reason is the expected outcome for most random bytes.
            }
        }
    }

    /// <summary>A UTF-8 paragraph with accented letters and typographic quotes, repeated.</summary>
    private static byte[] Utf8Text(int times) =>
        Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Les élèves de Zürich ont dit « oui » – “plainly”. ", times)));

    [Fact]
    public void Decode_Utf8WithAFewBadBytes_StaysUtf8AndSaysWhere()
    {
        var head = Utf8Text(20);
        // A lone Windows-1252 é (E9) and a UTF-8 sequence cut short (E2 80 without its last byte).
        byte[] bytes = [.. head, .. "Caf"u8, 0xE9, .. " and "u8, 0xE2, 0x80, .. " end. "u8, .. Utf8Text(20)];

        var decoded = TextDecoder.Decode(bytes, "mixed.txt");

        Assert.Equal("utf-8", decoded.Encoding);
        Assert.Contains("Café and \uFFFD end.", decoded.Text, StringComparison.Ordinal);
        Assert.Contains("Les élèves de Zürich ont dit « oui » – “plainly”.", decoded.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ã", decoded.Text, StringComparison.Ordinal);
        Assert.Equal(new Utf8Damage(3, 1, head.Length + 3), decoded.Damage);
    }

    [Fact]
    public void Decode_Utf8WithBadBytes_BecomesADocumentWithAWarning()
    {
        byte[] bytes = [.. "Budget cuts fuel subsidies\n\n"u8, .. Utf8Text(10), 0x92, .. Utf8Text(10)];

        var document = new DocumentLoader().LoadBytes(bytes, "mixed.txt");

        Assert.Equal("utf-8", document.Metadata.Encoding);
        Assert.Contains("Zürich", document.Text, StringComparison.Ordinal);
        var warning = Assert.Single(document.Warnings);
        Assert.Contains("1 of its bytes are not valid UTF-8", warning, StringComparison.Ordinal);
        Assert.Contains($"the first at byte {28 + Utf8Text(10).Length:N0}", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeMarkup_MostlyUtf8PageDeclaredAsLatin1_IsUtf8()
    {
        byte[] bytes = [.. "<html><head><meta charset=\"iso-8859-1\"></head><body><p>"u8, .. Utf8Text(10), 0xFF, .. "</p></body></html>"u8];

        var decoded = TextDecoder.DecodeMarkup(bytes, "page.html");

        Assert.Equal("utf-8", decoded.Encoding);
        Assert.Contains("Zürich", decoded.Text, StringComparison.Ordinal);
        Assert.Equal(1, decoded.Damage?.BadBytes);
    }

    [Fact]
    public void Decode_Windows1252WithAnAccidentalUtf8Pair_StaysWindows1252()
    {
        // Mostly Windows-1252 letters; one pair (C3 A9) happens to be valid UTF-8.
        byte[] bytes = [.. "Caf"u8, 0xE9, .. " cr"u8, 0xE8, .. "me br"u8, 0xFB, .. "l"u8, 0xE9, .. "e "u8, 0xC3, 0xA9, .. " na"u8, 0xEF, .. "ve"u8];

        var decoded = TextDecoder.Decode(bytes, "latin.txt");

        Assert.Equal(("windows-1252", null), (decoded.Encoding, decoded.Damage));
        Assert.StartsWith("Café crème brûlée", decoded.Text, StringComparison.Ordinal);
    }
}
