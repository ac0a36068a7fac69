using System.Buffers;
using System.Text;
using AngleSharp.Dom;

namespace Dossier.Extraction.Html;

/// <summary>One pass over the body: boxes and blocks in document order.</summary>
internal sealed class HtmlBlockWalk(HtmlRules rules, string source)
{
    private const int SearchWindow = 4096;
    private static readonly SearchValues<char> Invisible = SearchValues.Create("\u00AD\u200B\u2060\uFEFF");

    private readonly List<HtmlBox> _boxes = [];
    private readonly List<HtmlBlock> _blocks = [];
    private readonly Dictionary<IElement, HtmlBox> _boxByElement = new(ReferenceEqualityComparer.Instance);
    private readonly StringBuilder _text = new();
    private readonly List<(int, int, int)> _runs = [];
    private int _linkChars;
    private int _cursor;

    /// <summary>The elements that start blocks, in document order; the first is the root.</summary>
    public List<HtmlBox> Boxes => _boxes;

    /// <summary>The blocks of text, in document order.</summary>
    public List<HtmlBlock> Blocks => _blocks;

    /// <summary>The box of each element that started one.</summary>
    public IReadOnlyDictionary<IElement, HtmlBox> BoxByElement => _boxByElement;

    public void Run(IElement? root)
    {
        if (root is null)
        {
            return;
        }

        var boxes = new Stack<HtmlBox>();
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

                    var box = new HtmlBox(element, boxes.Count > 0 ? boxes.Peek() : null, _boxes.Count)
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

    private void Flush(HtmlBox box)
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

            _blocks.Add(new HtmlBlock(box, text, Math.Min(_linkChars, text.Length), runs) { Weight = Weigh(text) });
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
}
