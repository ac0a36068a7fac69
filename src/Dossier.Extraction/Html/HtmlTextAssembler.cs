using System.Text;
using Dossier.Extraction.PlainText;
using Dossier.Text;

namespace Dossier.Extraction.Html;

/// <summary>Text assembly: the kept blocks joined into the article's text, headline first, with the paragraphs and the map back to the HTML.</summary>
internal static class HtmlTextAssembler
{
    public static ExtractedText Assemble(List<HtmlBlock> blocks, DocumentMetadata metadata, int sourceLength, List<RemovedLine> removed)
    {
        var text = new StringBuilder();
        var map = new OffsetMap.Builder();
        var paragraphs = new List<TextSpan>();
        TextSpan? titleSpan = null;
        var title = metadata.Title;

        // The headline opens the text, as in the plain-text reader: the article's own heading when
        // the body holds it (moved before a kicker that precedes it), otherwise the title read
        // from the page's metadata.
        var headline = title is null ? -1 : blocks.FindIndex(b => b.IsHeadline(title));
        if (headline >= 0)
        {
            title = null;
            titleSpan = Append(blocks[headline]);
            blocks.RemoveAt(headline);
        }
        else if (title is not null)
        {
            text.Append(title);
            titleSpan = new TextSpan(0, title.Length);
            paragraphs.Add(titleSpan.Value);
        }

        foreach (var block in blocks)
        {
            Append(block);
        }

        return new ExtractedText(text.ToString(), metadata, titleSpan, paragraphs, map.Build(text.Length, sourceLength), removed);

        TextSpan Append(HtmlBlock block)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            var start = text.Length;
            foreach (var (offset, source, length) in block.Runs)
            {
                map.AddRun(start + offset, source, length);
            }

            text.Append(block.Text);
            var span = new TextSpan(start, text.Length);
            paragraphs.Add(span);
            return span;
        }
    }
}
