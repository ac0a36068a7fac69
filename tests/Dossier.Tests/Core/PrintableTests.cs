using Dossier.Text;

namespace Dossier.Tests.Core;

public class PrintableTests
{
    [Theory]
    [InlineData("plain name.txt", "plain name.txt")]
    [InlineData("a\u001b[2Jb", "a\\u001b[2Jb")]
    [InlineData("line\nbreak\ttab", "line\\u000abreak\\u0009tab")]
    [InlineData("del\u007f c1\u009b", "del\\u007f c1\\u009b")]
    [InlineData("\u202Etxt.exe \u2066x\u2069", "\\u202etxt.exe \\u2066x\\u2069")]
    [InlineData("Zürich – “東京”", "Zürich – “東京”")]
    public void Escape_MakesControlAndBidiCharactersVisible(string text, string expected) =>
        Assert.Equal(expected, Printable.Escape(text));
}
