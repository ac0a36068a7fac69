namespace Dossier.Text;

/// <summary>
/// Splits plain text into paragraphs. Blocks of lines separated by blank lines are paragraphs
/// when their lines look hard-wrapped (prose broken at a fixed width); otherwise every line is
/// a paragraph of its own, as in text scraped from web pages where each line is a block.
/// </summary>
public static class ParagraphSegmenter
{
    private const int MinWrappedLine = 40;
    private const int MaxWrappedLine = 110;

    /// <summary>A non-blank line, trimmed, and whether a blank line (or the start of the text) precedes it.</summary>
    /// <param name="Span">The trimmed line.</param>
    /// <param name="AfterBreak">True when a blank line, the start of the text or a removed line comes before it.</param>
    public readonly record struct Line(TextSpan Span, bool AfterBreak);

    /// <summary>The paragraphs of a text.</summary>
    public static IReadOnlyList<TextSpan> Segment(string text) => Group(text, SplitLines(text));

    /// <summary>The non-blank lines of a text, trimmed of surrounding white space.</summary>
    public static List<Line> SplitLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<Line>();
        var afterBreak = true;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !IsLineBreak(text[i]))
            {
                continue;
            }

            var s = start;
            var e = i;
            while (s < e && char.IsWhiteSpace(text[s]))
            {
                s++;
            }

            while (e > s && char.IsWhiteSpace(text[e - 1]))
            {
                e--;
            }

            if (e > s)
            {
                lines.Add(new Line(new TextSpan(s, e), afterBreak));
                afterBreak = false;
            }
            else
            {
                afterBreak = true;
            }

            // Treat CR LF as one break.
            if (i < text.Length - 1 && text[i] == '\r' && text[i + 1] == '\n')
            {
                i++;
            }

            start = i + 1;
        }

        return lines;
    }

    /// <summary>Groups lines into paragraphs: a hard-wrapped block becomes one paragraph, any other line stands alone.</summary>
    public static IReadOnlyList<TextSpan> Group(string text, IReadOnlyList<Line> lines)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lines);
        var paragraphs = new List<TextSpan>();
        var i = 0;
        while (i < lines.Count)
        {
            var j = i + 1;
            while (j < lines.Count && !lines[j].AfterBreak)
            {
                j++;
            }

            if (j - i >= 2 && LooksWrapped(text, lines, i, j))
            {
                paragraphs.Add(new TextSpan(lines[i].Span.Start, lines[j - 1].Span.End));
            }
            else
            {
                for (var k = i; k < j; k++)
                {
                    paragraphs.Add(lines[k].Span);
                }
            }

            i = j;
        }

        return paragraphs;
    }

    /// <summary>True for the characters that end a line.</summary>
    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u000B' or '\u000C' or '\u0085';

    private static bool LooksWrapped(string text, IReadOnlyList<Line> lines, int from, int to)
    {
        var openEnded = 0;
        for (var k = from; k < to - 1; k++)
        {
            var span = lines[k].Span;
            if (span.Length is < MinWrappedLine or > MaxWrappedLine)
            {
                return false;
            }

            if (!IsSentenceEnd(text[span.End - 1]))
            {
                openEnded++;
            }
        }

        return lines[to - 1].Span.Length <= MaxWrappedLine && openEnded * 2 >= to - 1 - from;
    }

    private static bool IsSentenceEnd(char c) => c is '.' or '!' or '?' or ':' or '"' or '\u201D' or '\u2019' or ')';
}
