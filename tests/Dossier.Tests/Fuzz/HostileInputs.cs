using System.IO.Compression;
using System.Text;
using CsCheck;

namespace Dossier.Tests.Fuzz;

/// <summary>A generated input: what it is made of (for the report), the file extension it is read under, and its bytes.</summary>
public sealed record HostileInput(string Name, string Extension, byte[] Bytes)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Extension}, {Bytes.Length:N0} bytes)";
}

/// <summary>
/// Generators of hostile documents for the fuzzing harness: texts of pathological shape (storms of
/// reporting verbs, quotation marks, punctuation, dates and numbers; words of thousands of letters;
/// control and invisible characters), broken encodings, deep and malformed HTML, feeds with
/// doctypes, entities and truncation, and archives with lying lengths, damaged compression and
/// bodies that decompress to more than the limit. <see cref="Scale"/> multiplies every size
/// (1 in CI; the long run sets <c>DOSSIER_FUZZ_SCALE</c>).
/// </summary>
public static class HostileInputs
{
    /// <summary>How much larger than in CI the inputs are (<c>DOSSIER_FUZZ_SCALE</c>, default 1).</summary>
    public static int Scale { get; } = int.TryParse(Environment.GetEnvironmentVariable("DOSSIER_FUZZ_SCALE"), out var s) && s > 0 ? s : 1;

    private static readonly string[] Sentences =
    [
        "The minister said on Monday that the border would reopen.",
        "“We will not accept this,” Khan told reporters in Islamabad.",
        "According to officials, about 160 civilians were killed in the 2021 bombing.",
        "Afghan officials deny any involvement, the agency reported.",
        "The U.S. State Department spokesperson, Ned Price, said talks would resume next week.",
        "Pakistan has no plans to hold talks with the TTP, he added.",
    ];

    private static Gen<int> Count(int max) => Gen.Int[0, max * Scale];

    private static Gen<string> Repeat(string piece, int max) => Count(max).Select(n => string.Concat(Enumerable.Repeat(piece, n)));

    /// <summary>One piece of pathological text.</summary>
    public static Gen<string> Piece { get; } = Gen.OneOf(
        Gen.Int[0, Sentences.Length - 1].Select(k => Sentences[k]),
        Repeat("John Smith said Maria Lopez said ", 400),
        Repeat("“", 300).SelectMany(open => Repeat("”", 300).Select(close => open + " he said " + close)),
        Repeat("“A,” he said, “", 300),
        Gen.Char[".,;:!?-—–…'’\"“”«»()[]{}$%&/@#*_|~`<>"].Array[0, 3000 * Scale].Select(c => new string(c)),
        Gen.Char['a', 'z'].Select(c => new string(c, 20_000)),
        Repeat("on Monday, May 5, 2023 at 10:00 last week, three days later, 2013 till 2018, ", 200),
        Repeat("1,234.5 $7bn 60-82mm 12% 3rd 1/2 between 150 and 200 about 7 billion ", 200),
        Gen.Char['\0', '\u001f'].Array[0, 200].Select(c => new string(c)),
        Gen.Const("\u200B\u200E\u202E\u2066\uFEFF\u00AD\uFFFD\uFFFF"),
        Gen.Char.Array[0, 300].Select(c => new string(c)),
        Gen.Const("\uD83D"), // a lone surrogate
        Repeat("\n", 300),
        Repeat("Mr. Dr. Lt. Gen. U.S. U.N. No. St. ", 200),
        Repeat("ISLAMABAD: KABUL: By Reuters & AFP & News Report ", 100));

    /// <summary>A text of pieces joined by spaces, line breaks or blank lines.</summary>
    public static Gen<string> Text { get; } =
        Gen.Select(Piece.Array[1, 12], Gen.OneOf(Gen.Const(" "), Gen.Const("\n"), Gen.Const("\n\n")))
            .Select(p => "Title of a hostile article\n\n" + string.Join(p.Item2, p.Item1));

    /// <summary>A text as bytes, in one encoding or a broken one.</summary>
    public static Gen<HostileInput> TextFile { get; } = Gen.Select(Text, Gen.Int[0, 7], Gen.Int[0, int.MaxValue]).Select(t =>
    {
        var (text, how, seed) = t;
        var utf8 = Encoding.UTF8.GetBytes(text);
        return how switch
        {
            0 => new HostileInput("text utf-8", ".txt", utf8),
            1 => new HostileInput("text utf-8, bad bytes inside", ".txt", Damage(utf8, seed, [0xC3, 0xFF, 0x80, 0xE2, 0x82])),
            2 => new HostileInput("text utf-16le with BOM", ".txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)]),
            3 => new HostileInput("text utf-16, odd length", ".txt", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text), 0x41]),
            4 => new HostileInput("text windows-1252", ".txt", Encoding.Latin1.GetBytes(text)),
            5 => new HostileInput("text cut inside a character", ".txt", utf8.Length > 3 ? utf8[..^1] : utf8),
            6 => new HostileInput("text with NUL bytes", ".txt", Damage(utf8, seed, [0x00])),
            _ => new HostileInput("text gzip", ".txt.gz", Gzip(utf8, truncate: seed % 3 == 0)),
        };
    });

    /// <summary>A web page of hostile shape.</summary>
    public static Gen<HostileInput> HtmlFile { get; } = Gen.Select(Text, Gen.Int[0, 9], Count(3000)).Select(t =>
    {
        var (text, how, n) = t;
        var paragraphs = string.Concat(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>"));
        var html = how switch
        {
            0 => $"<html><head><title>T</title></head><body><article>{paragraphs}</article></body></html>",
            1 => $"<html><body>{string.Concat(Enumerable.Repeat("<div>", n * 3))}{paragraphs}{string.Concat(Enumerable.Repeat("</div>", n))}</body></html>",
            2 => $"<html><body><div class=\"{new string('x', n * 300)}\" data-x='{new string('"', n)}'>{paragraphs}</div></body></html>",
            3 => $"<html><body><article>{paragraphs.Replace("</p>", string.Empty, StringComparison.Ordinal)}<p><b><i><table><tr><td>{text}",
            4 => $"<html><body><script>{new string('a', n * 100)}</script><style>{text}</style><!-- {text} --><article>{paragraphs}</article></body></html>",
            5 => $"<html><body><article>{string.Concat(Enumerable.Repeat("<p>&#0;&#x110000;&#xFFFFFFFFF;&bogus;&amp &lt;script&gt;</p>", n / 10 + 1))}{paragraphs}</article></body></html>",
            6 => $"<html><head><meta charset=\"utf-16\"><meta http-equiv=\"Content-Type\" content=\"text/html; charset=x-unknown\"></head><body><p>{text}</p></body></html>",
            7 => $"<html><body>{string.Concat(Enumerable.Repeat("<table><tr><td>", n / 3))}{paragraphs}</body></html>",
            8 => $"<html><body><article>{string.Concat(Enumerable.Repeat("<br>", n * 10))}{paragraphs}<p>{string.Concat(Enumerable.Repeat("<a href=\"javascript:alert(1)\">x</a> ", n))}</p></article></body></html>",
            _ => $"<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY a \"{text.Length}\">]><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>&a;{paragraphs}</body></html>",
        };
        return new HostileInput($"html shape {how}", how % 3 == 0 ? ".html" : ".htm", Encoding.UTF8.GetBytes(html));
    });

    /// <summary>A feed: RSS 0.91 with its doctype, RSS 2.0 with entities, Atom; whole, truncated or with a billion laughs.</summary>
    public static Gen<HostileInput> FeedFile { get; } = Gen.Select(Text, Gen.Int[0, 5], Gen.Int[1, 40]).Select(t =>
    {
        var (text, how, items) = t;
        var body = System.Security.SecurityElement.Escape(text);
        var rssItems = string.Concat(Enumerable.Range(1, items).Select(i => $"<item><title>Item {i}</title><link>https://example.invalid/{i}</link><description>{body}</description></item>"));
        var feed = how switch
        {
            0 => $"<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss version=\"0.91\"><channel><title>Feed</title>{rssItems}</channel></rss>",
            1 => $"<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\"><!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\"><!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\"><!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\"><!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\"><!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\"><!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]><rss version=\"2.0\"><channel><title>&lol9;</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>",
            2 => $"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY ext SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>&ext;</title>{rssItems}</channel></rss>",
            3 => $"<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom</title>{string.Concat(Enumerable.Range(1, items).Select(i => $"<entry><title>E{i}</title><updated>not a date</updated><content type=\"html\">{body}</content></entry>"))}</feed>",
            4 => $"<rss version=\"2.0\"><channel><title>Cut</title>{rssItems}"[..Math.Max(20, (rssItems.Length / 2) + 40)],
            _ => $"<rss version=\"2.0\"><channel><title>Nested</title><item><description><![CDATA[{string.Concat(Enumerable.Repeat("<div>", 2000))}{text}]]></description></item></channel></rss>",
        };
        return new HostileInput($"feed shape {how}", how % 2 == 0 ? ".xml" : ".rss", Encoding.UTF8.GetBytes(feed));
    });

    /// <summary>A WARC archive: good records, a lying Content-Length, damaged compression, a body that decompresses to more than the limit.</summary>
    public static Gen<HostileInput> WarcFile { get; } = Gen.Select(Text, Gen.Int[0, 5], Gen.Int[0, int.MaxValue]).Select(t =>
    {
        var (text, how, seed) = t;
        var page = Encoding.UTF8.GetBytes($"<html><body><article><p>{System.Net.WebUtility.HtmlEncode(text)}</p></article></body></html>");
        var good = Record(1, Http(page, gzip: false, chunked: false));
        var bytes = how switch
        {
            0 => [.. good, .. Record(2, Http(page, gzip: true, chunked: true))],
            1 => [.. good, .. Encoding.ASCII.GetBytes("WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 99999999999\r\n\r\nHTTP/1.1 200 OK\r\n")],
            2 => [.. Record(1, Http(Zeros(25 * 1024 * 1024), gzip: true, chunked: false, type: "text/html")), .. good],
            3 => Gzip([.. good, .. good], truncate: true),
            4 => [.. good[..(good.Length / 2)]],
            _ => Damage([.. good, .. Record(2, Http(page, gzip: false, chunked: true))], seed, [0x0A, 0x00, 0xFF]),
        };
        return new HostileInput($"warc shape {how}", how == 3 ? ".warc.gz" : ".warc", bytes);
    });

    /// <summary>Any of the above.</summary>
    public static Gen<HostileInput> Any { get; } = Gen.OneOf(TextFile, TextFile, HtmlFile, HtmlFile, FeedFile, WarcFile);

    private static byte[] Damage(byte[] bytes, int seed, byte[] with)
    {
        var random = new Random(seed);
        var copy = (byte[])bytes.Clone();
        for (var k = 0; k < Math.Max(1, copy.Length / 200); k++)
        {
            if (copy.Length > 0)
            {
                copy[random.Next(copy.Length)] = with[random.Next(with.Length)];
            }
        }

        return copy;
    }

    private static byte[] Zeros(int length) => new byte[length];

    private static byte[] Gzip(byte[] bytes, bool truncate)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        var all = output.ToArray();
        return truncate && all.Length > 20 ? all[..(all.Length * 2 / 3)] : all;
    }

    private static byte[] Http(byte[] body, bool gzip, bool chunked, string type = "text/html; charset=utf-8")
    {
        var payload = gzip ? Gzip(body, truncate: false) : body;
        if (chunked)
        {
            payload = [.. Encoding.ASCII.GetBytes($"{payload.Length:x}\r\n"), .. payload, .. "\r\n0\r\n\r\n"u8];
        }

        var head = $"HTTP/1.1 200 OK\r\nContent-Type: {type}\r\n" + (gzip ? "Content-Encoding: gzip\r\n" : string.Empty) + (chunked ? "Transfer-Encoding: chunked\r\n" : string.Empty) + "\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. payload];
    }

    private static byte[] Record(int number, byte[] block) =>
    [
        .. Encoding.ASCII.GetBytes($"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{number:D8}-0000-0000-0000-000000000000>\r\nWARC-Target-URI: https://example.invalid/{number}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {block.Length}\r\n\r\n"),
        .. block,
        .. "\r\n\r\n"u8,
    ];
}
