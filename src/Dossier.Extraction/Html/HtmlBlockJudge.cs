using Dossier.Extraction.PlainText;

namespace Dossier.Extraction.Html;

/// <summary>
/// The furniture and boilerplate decisions: which blocks of the page are the article's, and why
/// each of the others is left out (furniture, outside the body, a list of links, boilerplate,
/// mostly links, a repeat, short outside the body, a heading without text, the page's head or
/// what follows the article).
/// </summary>
internal sealed class HtmlBlockJudge(HtmlBlockWalk walk, HtmlRules rules)
{
    private const int MaxFurnitureHeading = 80;
    private const double BlockLinkDensity = 0.3;
    private const double LinkListDensity = 0.5;
    private const int LinkListMaxCommas = 10;
    private const int TailParagraph = 100;
    private const int TailShort = 60;

    private readonly List<HtmlBox> _boxes = walk.Boxes;
    private readonly List<HtmlBlock> _blocks = walk.Blocks;

    /// <summary>The article's blocks, in <paramref name="region"/> (its first box the body widened from <paramref name="core"/>); the others go to <paramref name="removed"/> with the reason.</summary>
    public List<HtmlBlock> Keep(HtmlBox core, List<HtmlBox> region, string? title, List<RemovedLine> removed)
    {
        var root = region[0];

        // Readability's conditional cleaning, lightly: a container inside the body whose text is
        // mostly links and has few commas lists links (related stories, tags, a table of contents).
        foreach (var box in _boxes)
        {
            box.LinkList = (box.Parent?.LinkList ?? false)
                || (!box.Excluded && box.Tag is "div" or "section" or "ul" or "ol" or "dl" or "table" or "header" or "form"
                    && box.Commas < LinkListMaxCommas && box.LinkDensity > LinkListDensity && box.Chars * 2 < root.Chars
                    && region.Exists(box.IsWithin) && !region.Contains(box));
        }

        var reasons = new string?[_blocks.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _blocks.Count; i++)
        {
            reasons[i] = Judge(_blocks[i], region, rules, seen);
        }

        // Outside the body first chosen (in what climbing or siblings added) only paragraph
        // text is kept, and short blocks that stand between two kept paragraphs.
        for (var i = 0; i < _blocks.Count; i++)
        {
            if (reasons[i] is null && !_blocks[i].Box.IsWithin(core) && _blocks[i].Good == 0 && !Sandwiched(i))
            {
                reasons[i] = "short, outside the body";
            }
        }

        // A short heading with nothing kept under it, once the article's text has begun, heads
        // furniture ("Related posts", "Tags"); above the first paragraph it is a headline or deck.
        var paragraphSeen = false;
        for (var i = 0; i < _blocks.Count; i++)
        {
            paragraphSeen = paragraphSeen || (reasons[i] is null && _blocks[i].Good > 0 && !_blocks[i].Heading);
            if (reasons[i] is null && _blocks[i].Heading && _blocks[i].Text.Length <= MaxFurnitureHeading && paragraphSeen)
            {
                var next = i + 1;
                while (next < _blocks.Count && reasons[next] is not null && !_blocks[next].Heading)
                {
                    next++;
                }

                if (next >= _blocks.Count || _blocks[next].Heading)
                {
                    reasons[i] = "heading without text";
                }
            }
        }

        // Short blocks above the article's headline are the page's head: log-in boxes, kickers
        // of other stories, the section's name.
        var headline = title is null ? -1 : _blocks.FindIndex(b => b.IsHeadline(title));
        for (var i = 0; i < headline; i++)
        {
            if (reasons[i] is null && _blocks[i].Weight < TailParagraph)
            {
                reasons[i] = "short, above the headline";
            }
        }

        // Short blocks after the last paragraph are what follows an article: credits, prompts, bylines.
        var last = Array.FindLastIndex(reasons, r => r is null);
        var lastParagraph = -1;
        for (var i = 0; i < _blocks.Count; i++)
        {
            if (reasons[i] is null && _blocks[i].Weight >= TailParagraph && !_blocks[i].Heading)
            {
                lastParagraph = i;
            }
        }

        for (var i = lastParagraph + 1; lastParagraph >= 0 && i <= last; i++)
        {
            if (reasons[i] is null && _blocks[i].Weight < TailShort)
            {
                reasons[i] = "short, after the article";
            }
        }

        var kept = new List<HtmlBlock>();
        for (var i = 0; i < _blocks.Count; i++)
        {
            if (reasons[i] is null)
            {
                kept.Add(_blocks[i]);
            }
            else
            {
                removed.Add(new RemovedLine(default, _blocks[i].Text, reasons[i]!));
            }
        }

        return kept;

        bool Sandwiched(int i)
        {
            var before = i - 1;
            while (before >= 0 && reasons[before] is not null)
            {
                before--;
            }

            var after = i + 1;
            while (after < _blocks.Count && reasons[after] is not null)
            {
                after++;
            }

            return before >= 0 && after < _blocks.Count && _blocks[before].Good > 0 && _blocks[after].Good > 0;
        }
    }

    private static string? Judge(HtmlBlock block, List<HtmlBox> region, HtmlRules rules, HashSet<string> seen)
    {
        if (block.Box.Excluded)
        {
            var furniture = block.Box;
            while (!furniture.Furniture && furniture.Parent is not null)
            {
                furniture = furniture.Parent;
            }

            return "furniture " + furniture.Describe();
        }

        if (!region.Exists(block.Box.IsWithin))
        {
            return "outside " + region[0].Describe();
        }

        if (block.Box.LinkList)
        {
            return "in a list of links";
        }

        if (rules.IsBoilerplateText(block.Text))
        {
            return "boilerplate";
        }

        if (block.LinkDensity > (block.Box.Tag == "p" ? 0.5 : BlockLinkDensity) && !(block.Box.Tag == "p" && block.Text.Length > 150))
        {
            return "link";
        }

        return block.Text.Length > 10 && !seen.Add(block.Text) ? "repeat" : null;
    }
}
