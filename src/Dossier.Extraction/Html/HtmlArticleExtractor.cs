using System.Buffers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Dossier.Extraction.PlainText;
using Dossier.Text;

namespace Dossier.Extraction.Html;

/// <summary>
/// Turns a web page into article text: the main text (paragraphs kept; navigation, ads, related
/// links, comments, share bars, captions and scripts left out), its metadata and an offset map
/// from the text back to the HTML. Thread-safe.
/// </summary>
/// <remarks>
/// <para>The page is parsed by AngleSharp (the HTML5 algorithm browsers use) and cut into blocks
/// of text, one per block-level element. Subtrees that never hold article text (scripts, forms)
/// are skipped; page furniture (nav, footer, aside, and elements whose class, id or role the
/// rules name as furniture) is set aside unless it holds most of the page's text.</para>
/// <para>The article body is the first content selector (itemprop=articleBody, .entry-content,
/// article, main…) that holds enough text, else the element that collects the most paragraph
/// score (Readability's idea: each paragraph scores its parent and, less, its grandparents);
/// siblings with enough clean paragraph text join it. Inside it, blocks that are mostly links or
/// a boilerplate phrase are dropped. The heuristics are data (<see cref="HtmlRules"/>).</para>
/// </remarks>
public sealed class HtmlArticleExtractor
{
    private const int MinParagraph = 25;
    private const int SearchWindow = 4096;
    private static readonly SearchValues<char> Invisible = SearchValues.Create("\u00AD\u200B\u2060\uFEFF");
    private const int ClimbMinimum = 100;
    private const int MaxFurnitureHeading = 80;
    private const double BlockLinkDensity = 0.3;
    private const double LinkListDensity = 0.5;
    private const int LinkListMaxCommas = 10;
    private const int TailParagraph = 100;
    private const int TailShort = 60;
    private const double ClimbShare = 0.3;
    private const double ClimbLinkDensity = 0.3;

    private readonly HtmlRules _rules;

    /// <summary>Creates an extractor with the given rules.</summary>
    public HtmlArticleExtractor(HtmlRules? rules = null) => _rules = rules ?? HtmlRules.Default;

    /// <summary>The extractor with the rules shipped with Dossier.</summary>
    public static HtmlArticleExtractor Default { get; } = new();

    /// <summary>
    /// The most elements a page may open. Memory goes with the parsed tree (about 2 KB an element:
    /// a page of a million <c>&lt;p&gt;</c> took 2 GB); the largest of trafilatura-eval's 990 pages
    /// opens about 10,000, so this is twenty times what a real page needs.
    /// </summary>
    public const int MaxElements = 200_000;

    /// <summary>
    /// Extracts the article from decoded HTML. <paramref name="metadata"/> carries what is already
    /// known (source, encoding, URL) and wins over what the page says; <paramref name="fallback"/>
    /// (what a feed says of the page) only fills what neither gives.
    /// </summary>
    public HtmlExtraction Extract(string html, DocumentMetadata? metadata = null, DocumentMetadata? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        metadata ??= new DocumentMetadata();
        if (NestingGuard.CountElements(html, MaxElements + 1) > MaxElements)
        {
            throw new DossierException(DossierErrorCode.LimitExceeded, $"the page opens more than {MaxElements:N0} elements, over the limit for one page (its parsed tree would take gigabytes)", metadata.Source ?? metadata.Url);
        }

        var guarded = NestingGuard.Guard(html, out var flattened);
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = !flattened });
        using var document = parser.ParseDocument(guarded);
        var found = HtmlMetadataReader.Read(document, metadata.Url ?? (metadata.Source is { } s && s.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? s : null));
        var merged = Merge(metadata, found, fallback ?? new DocumentMetadata());

        var walk = new Walk(_rules, flattened ? string.Empty : guarded);
        walk.Run(document.Body ?? document.DocumentElement);
        var kept = walk.SelectArticle(document, _rules, merged.Title, out var removed);
        var described = kept.Select(b => (b.Text, b.Box.Describe())).ToList();
        var result = Assemble(kept, merged, html.Length, removed);
        return new HtmlExtraction(result, flattened, described);
    }

    /// <summary>What is known, then what the page says, then the fallback, field by field.</summary>
    private static DocumentMetadata Merge(DocumentMetadata known, HtmlMetadata found, DocumentMetadata fallback)
    {
        var dated = known.Published is not null ? known
            : found.Published is not null ? known with { Published = found.Published, PublishedTime = found.PublishedTime, PublishedEvidence = found.PublishedEvidence }
            : known with { Published = fallback.Published, PublishedTime = fallback.PublishedTime, PublishedEvidence = fallback.PublishedEvidence };
        return dated with
        {
            Title = known.Title ?? found.Title ?? fallback.Title,
            Byline = known.Byline ?? found.Byline ?? fallback.Byline,
            Outlet = known.Outlet ?? found.SiteName ?? fallback.Outlet,
            Url = known.Url ?? found.Url ?? fallback.Url,
            Language = known.Language ?? found.Language ?? fallback.Language,
        };
    }

    private static ExtractedText Assemble(List<Block> blocks, DocumentMetadata metadata, int sourceLength, List<RemovedLine> removed)
    {
        var text = new StringBuilder();
        var map = new OffsetMap.Builder();
        var paragraphs = new List<TextSpan>();
        TextSpan? titleSpan = null;
        var title = metadata.Title;

        // The headline opens the text, as in the plain-text reader: the article's own heading when
        // the body holds it (moved before a kicker that precedes it), otherwise the title read
        // from the page's metadata.
        var headline = title is null ? -1 : blocks.FindIndex(b => IsHeadline(b, title));
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

        TextSpan Append(Block block)
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

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Whether a block is the article's headline: a heading that says the title.</summary>
    private static bool IsHeadline(Block block, string title) => block.Heading && Normalise(block.Text).Equals(Normalise(title), StringComparison.OrdinalIgnoreCase);

    /// <summary>An element that starts blocks, with the text figures of its subtree.</summary>
    private sealed class Box(IElement element, Box? parent, int index)
    {
        public IElement Element { get; } = element;

        public Box? Parent { get; } = parent;

        public int Index { get; } = index;

        public string Tag { get; } = element.LocalName;

        public bool Furniture { get; set; }

        public bool ContentHint { get; set; }

        public bool Excluded { get; set; }

        public double Score { get; set; }

        // All text, including furniture (to tell a wrapper that holds most of the page from furniture).
        public int AllGood { get; set; }

        // Text outside furniture.
        public int Chars { get; set; }

        public int LinkChars { get; set; }

        public int Good { get; set; }

        public int Commas { get; set; }

        // In a container of links inside the body (see SelectArticle).
        public bool LinkList { get; set; }

        public double LinkDensity => Chars == 0 ? 0 : (double)LinkChars / Chars;

        /// <summary>The element as a CSS selector would name it (tag#id.class), for reports.</summary>
        public string Describe()
        {
            var id = Element.Id;
            var classes = Element.GetAttribute("class");
            var role = Element.GetAttribute("role");
            return Tag
                + (string.IsNullOrWhiteSpace(id) ? string.Empty : "#" + id)
                + (string.IsNullOrWhiteSpace(classes) ? string.Empty : "." + string.Join('.', classes.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
                + (string.IsNullOrWhiteSpace(role) ? string.Empty : $"[role={role}]");
        }

        public bool IsWithin(Box other)
        {
            for (var b = this; b is not null; b = b.Parent)
            {
                if (ReferenceEquals(b, other))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>A block of text: the inline content between two block boundaries.</summary>
    private sealed class Block(Box box, string text, int linkChars, List<(int Offset, int Source, int Length)> runs)
    {
        public Box Box { get; } = box;

        public string Text { get; } = text;

        public int LinkChars { get; } = linkChars;

        public List<(int Offset, int Source, int Length)> Runs { get; } = runs;

        public bool Heading => Box.Tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

        public double LinkDensity => Text.Length == 0 ? 0 : (double)LinkChars / Text.Length;

        /// <summary>Characters that count as paragraph text: CJK characters count thrice (a word is a character or two).</summary>
        public int Weight { get; init; }

        public int Good => Weight >= MinParagraph && LinkDensity < 0.5 ? Weight - (int)(LinkChars * ((double)Weight / Math.Max(1, Text.Length))) : 0;
    }

    /// <summary>One pass over the body: boxes and blocks in document order.</summary>
    private sealed class Walk(HtmlRules rules, string source)
    {
        private readonly List<Box> _boxes = [];
        private readonly List<Block> _blocks = [];
        private readonly Dictionary<IElement, Box> _boxByElement = new(ReferenceEqualityComparer.Instance);
        private readonly StringBuilder _text = new();
        private readonly List<(int, int, int)> _runs = [];
        private int _linkChars;
        private int _cursor;

        public void Run(IElement? root)
        {
            if (root is null)
            {
                return;
            }

            var boxes = new Stack<Box>();
            var linkDepth = 0;
            var stack = new Stack<(INode Node, bool Exit)>();
            stack.Push((root, false));
            while (stack.Count > 0)
            {
                var (node, exit) = stack.Pop();
                if (node is IElement element)
                {
                    var tag = element.LocalName;
                    if (exit)
                    {
                        if (tag == "a")
                        {
                            linkDepth--;
                        }

                        if (boxes.Count > 0 && ReferenceEquals(boxes.Peek().Element, element))
                        {
                            Flush(boxes.Peek());
                            boxes.Pop();
                        }

                        continue;
                    }

                    if (element.SourceReference is { } reference)
                    {
                        _cursor = Math.Max(_cursor, reference.Position.Index);
                    }

                    if (rules.SkipTags.Contains(tag) || IsHidden(element))
                    {
                        continue;
                    }

                    if (tag == "br")
                    {
                        AppendBreak();
                        continue;
                    }

                    var classes = element.GetAttribute("class");
                    var id = element.Id;
                    var role = element.GetAttribute("role");
                    var furniture = tag is not ("body" or "html")
                        && (rules.BoilerplateTags.Contains(tag)
                            || (tag is not ("h1" or "h2" or "h3" or "h4" or "h5" or "h6") && rules.IsBoilerplateHint(classes, id, role)));
                    if (rules.BlockTags.Contains(tag) || furniture)
                    {
                        if (boxes.Count > 0)
                        {
                            Flush(boxes.Peek());
                        }

                        var box = new Box(element, boxes.Count > 0 ? boxes.Peek() : null, _boxes.Count)
                        {
                            Furniture = furniture,
                            ContentHint = rules.IsContentHint(classes, id, role),
                        };
                        _boxes.Add(box);
                        _boxByElement[element] = box;
                        boxes.Push(box);
                    }

                    // Counted whatever else the element is: a link that is also furniture
                    // (<a class="logo">) is left on exit like any other.
                    if (tag == "a")
                    {
                        linkDepth++;
                    }

                    stack.Push((element, true));
                    // By index: AngleSharp's PreviousSibling looks the node up in its parent, so
                    // walking a million siblings that way took time in the square of their number.
                    var children = element.ChildNodes;
                    for (var k = children.Length - 1; k >= 0; k--)
                    {
                        stack.Push((children[k], false));
                    }
                }
                else if (node is IText text && boxes.Count > 0)
                {
                    AppendText(text.Data, linkDepth > 0);
                }
            }
        }

        private static bool IsHidden(IElement element)
        {
            if (element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var style = element.GetAttribute("style");
            if (style is null || style.Length > 2000)
            {
                return false;
            }

            var compact = style.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
            return compact.Contains("display:none", StringComparison.Ordinal) || compact.Contains("visibility:hidden", StringComparison.Ordinal);
        }

        private void AppendBreak()
        {
            if (_text.Length > 0 && _text[^1] != '\n')
            {
                if (_text[^1] == ' ')
                {
                    _text.Length--;
                }

                _text.Append('\n');
            }
        }

        private void AppendText(string data, bool inLink)
        {
            var i = 0;
            while (i < data.Length)
            {
                var spaced = false;
                while (i < data.Length && char.IsWhiteSpace(data[i]))
                {
                    spaced = true;
                    i++;
                }

                if (i >= data.Length)
                {
                    if (spaced && _text.Length > 0 && _text[^1] is not (' ' or '\n'))
                    {
                        _text.Append(' ');
                    }

                    break;
                }

                var start = i;
                while (i < data.Length && !char.IsWhiteSpace(data[i]))
                {
                    i++;
                }

                if (spaced && _text.Length > 0 && _text[^1] is not (' ' or '\n'))
                {
                    _text.Append(' ');
                }

                // Soft hyphens and zero-width characters are invisible on the page and would split
                // a word for every reader of the text: the word's pieces are joined without them.
                var word = data.AsSpan(start, i - start);
                int cut;
                while ((cut = word.IndexOfAny(Invisible)) >= 0)
                {
                    AppendWord(word[..cut], inLink);
                    word = word[(cut + 1)..];
                }

                AppendWord(word, inLink);
            }
        }

        private void AppendWord(ReadOnlySpan<char> word, bool inLink)
        {
            if (word.IsEmpty)
            {
                return;
            }

            if (source.Length > 0)
            {
                var window = Math.Min(source.Length - _cursor, SearchWindow + (word.Length * 4));
                var at = window <= 0 ? -1 : source.AsSpan(_cursor, window).IndexOf(word, StringComparison.Ordinal);
                if (at >= 0)
                {
                    _runs.Add((_text.Length, _cursor + at, word.Length));
                    _cursor += at + word.Length;
                }
            }

            _text.Append(word);
            if (inLink)
            {
                _linkChars += word.Length;
            }
        }

        private void Flush(Box box)
        {
            // Trim the white space a block may end (or, after a leading <br>, start) with.
            var start = 0;
            while (start < _text.Length && char.IsWhiteSpace(_text[start]))
            {
                start++;
            }

            var end = _text.Length;
            while (end > start && char.IsWhiteSpace(_text[end - 1]))
            {
                end--;
            }

            if (end > start)
            {
                var text = _text.ToString(start, end - start);
                var runs = new List<(int, int, int)>(_runs.Count);
                foreach (var (offset, src, length) in _runs)
                {
                    if (offset >= start && offset + length <= end)
                    {
                        runs.Add((offset - start, src, length));
                    }
                }

                _blocks.Add(new Block(box, text, Math.Min(_linkChars, text.Length), runs) { Weight = Weigh(text) });
            }

            _text.Clear();
            _runs.Clear();
            _linkChars = 0;
        }

        private static int Weigh(string text)
        {
            var weight = 0;
            foreach (var c in text)
            {
                weight += c is >= '\u2E80' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF' ? 3 : 1;
            }

            return weight;
        }

        /// <summary>Chooses the article's blocks; the others go to <paramref name="removed"/> with the reason.</summary>
        public List<Block> SelectArticle(IDocument document, HtmlRules rules, string? title, out List<RemovedLine> removed)
        {
            removed = [];
            if (_blocks.Count == 0)
            {
                return [];
            }

            Aggregate();
            var core = ChooseRoot(document);
            var root = Climb(core);
            var region = new List<Box> { root };
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
            var headline = title is null ? -1 : _blocks.FindIndex(b => IsHeadline(b, title));
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

            var kept = new List<Block>();
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

        private static string? Judge(Block block, List<Box> region, HtmlRules rules, HashSet<string> seen)
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
                if (block.Weight >= MinParagraph)
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
        private static Box Climb(Box root)
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

        private Box ChooseRoot(IDocument document)
        {
            Box? top = null;
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
                Box? best = null;
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
}

/// <summary>The outcome of extracting a page: the text and whether the page had to be flattened.</summary>
/// <param name="Extracted">Clean text, metadata, paragraphs, the map back to the HTML and the blocks left out.</param>
/// <param name="Flattened">True when the page nested deeper than <see cref="NestingGuard.MaxDepth"/> and was flattened (no offset map then).</param>
/// <param name="Kept">The blocks kept, each with the element it came from (tag#id.class), for reports.</param>
public sealed record HtmlExtraction(ExtractedText Extracted, bool Flattened, IReadOnlyList<(string Text, string Element)> Kept);
