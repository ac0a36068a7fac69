using System.Text;
using Dossier.Analysis.Reporting.Brief;

namespace Dossier.Analysis.Reporting;

/// <summary>
/// Writes the brief as Markdown (CommonMark with GitHub's pipe tables): the brief model that
/// <see cref="BriefBuilder"/> makes from the analysis, every piece of article text escaped so
/// that it shows as itself.
/// </summary>
public static class MarkdownBriefWriter
{
    /// <summary>Writes the brief of <paramref name="analysis"/>.</summary>
    public static void Write(TextWriter output, CorpusAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(analysis);
        Write(output, BriefBuilder.Build(analysis));
    }

    /// <summary>Writes <paramref name="brief"/>: the title, the overview, then each section (a blank line before each heading and each block).</summary>
    internal static void Write(TextWriter output, BriefDocument brief)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(brief);
        output.WriteLine($"# {Inlines(brief.Title)}");
        output.WriteLine();
        WriteBlock(output, brief.Overview);
        foreach (var section in brief.Sections)
        {
            WriteSection(output, section);
        }
    }

    private static void WriteSection(TextWriter output, BriefSection section)
    {
        output.WriteLine();
        output.WriteLine($"{new string('#', section.Level)} {Inlines(section.Title)}");
        foreach (var block in section.Blocks)
        {
            output.WriteLine();
            WriteBlock(output, block);
        }

        foreach (var sub in section.Sections)
        {
            WriteSection(output, sub);
        }
    }

    private static void WriteBlock(TextWriter output, BriefBlock block)
    {
        switch (block)
        {
            case BriefParagraph p:
                output.WriteLine(Inlines(p.Content));
                break;
            case BriefList list:
                foreach (var item in list.Items)
                {
                    output.WriteLine($"- {Inlines(item)}");
                }

                break;
            case BriefTable table:
                output.WriteLine($"| {string.Join(" | ", table.Columns.Select(c => c.Title))} |");
                output.WriteLine($"|{string.Join('|', table.Columns.Select(c => c.Numeric ? "--:" : "---"))}|");
                foreach (var row in table.Rows)
                {
                    output.WriteLine($"| {string.Join(" | ", row.Select(Inlines))} |");
                }

                break;
            default:
                throw new ArgumentException($"A block the Markdown brief cannot write: {block.GetType().Name}.", nameof(block));
        }
    }

    /// <summary>Inline content as Markdown on one line.</summary>
    internal static string Inlines(IEnumerable<BriefInline> inlines)
    {
        var sb = new StringBuilder();
        foreach (var inline in inlines)
        {
            Append(sb, inline);
        }

        return sb.ToString();
    }

    private static void Append(StringBuilder sb, BriefInline inline)
    {
        switch (inline)
        {
            case Prose p:
                sb.Append(p.Text);
                break;
            case Literal l:
                sb.Append(MarkdownEscape.Literal(l.Shown));
                break;
            case Emphasis e:
                sb.Append('_').Append(Inlines(e.Content)).Append('_');
                break;
            case Strong s:
                sb.Append("**").Append(Inlines(s.Content)).Append("**");
                break;
            case Code c:
                sb.Append('`').Append(c.Text).Append('`');
                break;
            case DocumentRef d:
                sb.Append('`').Append(d.Document).Append('`');
                break;
            case Citation c:
                sb.Append('[').Append(c.Document).Append(" ¶").Append(c.Paragraph).Append(']');
                break;
            default:
                throw new ArgumentException($"An inline the Markdown brief cannot write: {inline.GetType().Name}.", nameof(inline));
        }
    }
}
