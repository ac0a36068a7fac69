using AngleSharp.Dom;

namespace Dossier.Extraction.Html;

/// <summary>An element that starts blocks, with the text figures of its subtree.</summary>
internal sealed class HtmlBox(IElement element, HtmlBox? parent, int index)
{
    public IElement Element { get; } = element;

    public HtmlBox? Parent { get; } = parent;

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

    public bool IsWithin(HtmlBox other)
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
internal sealed class HtmlBlock(HtmlBox box, string text, int linkChars, List<(int Offset, int Source, int Length)> runs)
{
    /// <summary>The least weight of a paragraph (shorter blocks score nothing).</summary>
    public const int MinParagraph = 25;

    public HtmlBox Box { get; } = box;

    public string Text { get; } = text;

    public int LinkChars { get; } = linkChars;

    public List<(int Offset, int Source, int Length)> Runs { get; } = runs;

    public bool Heading => Box.Tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    public double LinkDensity => Text.Length == 0 ? 0 : (double)LinkChars / Text.Length;

    /// <summary>Characters that count as paragraph text: CJK characters count thrice (a word is a character or two).</summary>
    public int Weight { get; init; }

    public int Good => Weight >= MinParagraph && LinkDensity < 0.5 ? Weight - (int)(LinkChars * ((double)Weight / Math.Max(1, Text.Length))) : 0;

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Whether a block is the article's headline: a heading that says the title.</summary>
    public bool IsHeadline(string title) => Heading && Normalise(Text).Equals(Normalise(title), StringComparison.OrdinalIgnoreCase);
}
