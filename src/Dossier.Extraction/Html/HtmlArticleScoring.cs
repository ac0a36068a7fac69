using AngleSharp.Dom;

namespace Dossier.Extraction.Html;

/// <summary>
/// Candidate scoring: where the article's body is. Paragraph scores are summed up the tree
/// (Readability's idea), the best-scoring element or the first content selector with enough text
/// is the body, widened by climbing to ancestors that add clean text, with the siblings that hold
/// enough clean paragraph text of their own.
/// </summary>
internal sealed class HtmlArticleScoring(HtmlBlockWalk walk, HtmlRules rules)
{
    private const int ClimbMinimum = 100;
    private const double ClimbShare = 0.3;
    private const double ClimbLinkDensity = 0.3;

    private readonly List<HtmlBox> _boxes = walk.Boxes;
    private readonly List<HtmlBlock> _blocks = walk.Blocks;
    private readonly IReadOnlyDictionary<IElement, HtmlBox> _boxByElement = walk.BoxByElement;

    /// <summary>The body first chosen (<c>Core</c>) and the region the article is taken from: the body widened by climbing, then its siblings with enough clean text.</summary>
    public (HtmlBox Core, List<HtmlBox> Region) Choose(IDocument document)
    {
        Aggregate();
        var core = ChooseRoot(document);
        var root = Climb(core);
        var region = new List<HtmlBox> { root };
        if (root.Parent is { } parent)
        {
            foreach (var sibling in _boxes.Where(b => ReferenceEquals(b.Parent, parent) && !ReferenceEquals(b, root) && !b.Excluded))
            {
                if (sibling.Good >= 80 && sibling.LinkDensity < 0.3)
                {
                    region.Add(sibling);
                }
            }
        }

        return (core, region);
    }

    private void Aggregate()
    {
        foreach (var block in _blocks)
        {
            block.Box.AllGood += block.Good;
        }

        for (var i = _boxes.Count - 1; i > 0; i--)
        {
            if (_boxes[i].Parent is { } p)
            {
                p.AllGood += _boxes[i].AllGood;
            }
        }

        // Furniture that holds most of the page's paragraph text is a wrapper ('page has-sidebar').
        var total = _boxes[0].AllGood;
        foreach (var box in _boxes)
        {
            if (box.Furniture && box.AllGood > 500 && box.AllGood * 2 > total)
            {
                box.Furniture = false;
            }

            box.Excluded = box.Furniture || (box.Parent?.Excluded ?? false);
        }

        foreach (var block in _blocks.Where(b => !b.Box.Excluded))
        {
            block.Box.Chars += block.Text.Length;
            block.Box.LinkChars += block.LinkChars;
            block.Box.Good += block.Good;
            block.Box.Commas += Commas(block.Text);
            if (block.Weight >= HtmlBlock.MinParagraph)
            {
                var score = 1.0 + Commas(block.Text) + Math.Min(block.Weight / 100, 3);
                var level = block.Box.Tag is "div" or "section" or "article" or "main" or "body" ? block.Box : block.Box.Parent;
                for (var depth = 0; level is not null && depth < 3; depth++, level = level.Parent)
                {
                    level.Score += depth == 0 ? score : score / (depth * 2);
                }
            }
        }

        for (var i = _boxes.Count - 1; i > 0; i--)
        {
            var box = _boxes[i];
            if (box.Parent is { } p && !box.Excluded)
            {
                p.Chars += box.Chars;
                p.LinkChars += box.LinkChars;
                p.Good += box.Good;
                p.Commas += box.Commas;
            }
        }
    }

    private static int Commas(string text)
    {
        var n = 0;
        foreach (var c in text)
        {
            n += c is ',' or '،' or '，' or '、' ? 1 : 0;
        }

        return n;
    }

    /// <summary>
    /// Widens the body to the highest ancestor below &lt;body&gt; that adds clean paragraph text
    /// of its own (a share of what is already held, with few links): articles split over
    /// several sections or text components.
    /// </summary>
    private static HtmlBox Climb(HtmlBox root)
    {
        var best = root;
        for (var ancestor = root.Parent; ancestor is not null && ancestor.Tag is not ("body" or "html"); ancestor = ancestor.Parent)
        {
            var extraGood = ancestor.Good - best.Good;
            var extraChars = ancestor.Chars - best.Chars;
            var extraLinks = ancestor.LinkChars - best.LinkChars;
            if (extraGood >= ClimbMinimum && extraGood >= best.Good * ClimbShare && extraLinks <= extraChars * ClimbLinkDensity)
            {
                best = ancestor;
            }
        }

        return best;
    }

    private HtmlBox ChooseRoot(IDocument document)
    {
        HtmlBox? top = null;
        var topScore = double.MinValue;
        foreach (var box in _boxes)
        {
            if (box.Excluded || box.Score <= 0)
            {
                continue;
            }

            var score = (box.Score * (1 - box.LinkDensity)) + (box.ContentHint ? 10 : 0);
            if (score > topScore)
            {
                top = box;
                topScore = score;
            }
        }

        top ??= _boxes[0];
        foreach (var selector in rules.ContentSelectors)
        {
            HtmlBox? best = null;
            IEnumerable<IElement> matches;
            try
            {
                matches = document.QuerySelectorAll(selector);
            }
            catch (DomException)
            {
                continue;
            }

            foreach (var element in matches)
            {
                if (_boxByElement.TryGetValue(element, out var box) && !box.Excluded && (best is null || box.Good > best.Good))
                {
                    best = box;
                }
            }

            if (best is null || best.Good < 100)
            {
                continue;
            }

            var holdsTop = top.IsWithin(best);
            if ((holdsTop && best.LinkDensity < 0.4) || (!holdsTop && best.Good * 2 >= top.Good))
            {
                return best;
            }
        }

        return top;
    }
}
