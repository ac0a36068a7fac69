using System.Text;
using System.Text.RegularExpressions;
using Dossier.Annotations;
using Dossier.Text;

namespace Dossier.Extraction.PlainText;

/// <summary>A line of the source that did not make it into the clean text, and why.</summary>
/// <param name="Span">The line in the source.</param>
/// <param name="Text">The line.</param>
/// <param name="Reason">boilerplate, metadata:FIELD, link, or title (a repeated title).</param>
public readonly record struct RemovedLine(TextSpan Span, string Text, string Reason);

/// <summary>What a reader extracted from a source: clean text with its paragraphs, metadata and a map back to the source.</summary>
/// <param name="Text">The clean text: the title (if any) as first paragraph, then the body paragraphs, separated by blank lines.</param>
/// <param name="Metadata">Title, outlet, date, byline and URL as found.</param>
/// <param name="TitleSpan">Where the title stands in <paramref name="Text"/>.</param>
/// <param name="Paragraphs">The paragraphs of <paramref name="Text"/>.</param>
/// <param name="SourceMap">Maps offsets of <paramref name="Text"/> to the source.</param>
/// <param name="Removed">The lines left out.</param>
public sealed record ExtractedText(
    string Text,
    DocumentMetadata Metadata,
    TextSpan? TitleSpan,
    IReadOnlyList<TextSpan> Paragraphs,
    OffsetMap SourceMap,
    IReadOnlyList<RemovedLine> Removed)
{
    /// <summary>A document holding the text, metadata, title and paragraphs.</summary>
    public Document ToDocument()
    {
        var document = new Document(Text, Metadata, SourceMap, TitleSpan);
        document.Set(Layers.Paragraphs, [.. Paragraphs.Select(p => new ParagraphData(p))]);
        return document;
    }
}

/// <summary>
/// Reads articles saved as plain text (often scraped pages): finds the headline, reads metadata
/// lines (publication date, byline, outlet, link), removes boilerplate lines and repeats of the
/// title, and keeps paragraphs. The heuristics are data (<see cref="PlainTextRules"/>). Thread-safe.
/// </summary>
public sealed partial class PlainTextReader
{
    private const int MaxRuleLine = 300;

    /// <summary>The longest line read as a teaser of another article in a box of links; a longer one is a paragraph.</summary>
    private const int MaxTeaserLine = 120;

    /// <summary>The most teaser lines one box of links holds.</summary>
    private const int MaxTeasers = 20;
    private const int MaxTitleLength = 200;

    private readonly PlainTextRules _rules;

    /// <summary>Creates a reader with the given rules.</summary>
    public PlainTextReader(PlainTextRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules;
    }

    /// <summary>The reader with the rules shipped with Dossier.</summary>
    public static PlainTextReader Default { get; } = new(PlainTextRules.Default);

    /// <summary>Reads decoded text.</summary>
    /// <param name="source">The decoded text of the file.</param>
    /// <param name="metadata">What is already known (source path, encoding); filled in from the text.</param>
    internal ExtractedText Read(string source, DocumentMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = ParagraphSegmenter.SplitLines(source);
        var reasons = new string?[lines.Count];
        DateOnly? published = null;
        TimeOnly? publishedTime = null;
        string? publishedEvidence = null;

        for (var i = 0; i < lines.Count; i++)
        {
            var line = source.Substring(lines[i].Span.Start, lines[i].Span.Length);
            if (line.Length > MaxRuleLine)
            {
                continue;
            }

            foreach (var rule in _rules.Metadata)
            {
                if (rule.HeadOnly && i >= MetadataRule.HeadLines)
                {
                    continue;
                }

                var m = rule.Pattern.Match(line);
                if (!m.Success || (rule.WholeLine && m.Length != line.Length))
                {
                    continue;
                }

                var value = Collapse(m.Groups["value"].Value);
                if (rule.Field == "published")
                {
                    if (!DateText.TryParse(value, out var date, out var time))
                    {
                        continue;
                    }

                    if (published is null)
                    {
                        (published, publishedTime, publishedEvidence) = (date, time, line);
                    }
                }
                else if (value.Length > 0)
                {
                    meta.TryAdd(rule.Field, value);
                }

                if (rule.WholeLine)
                {
                    reasons[i] = "metadata:" + rule.Field;
                    break;
                }
            }

            if (reasons[i] is null && _rules.Boilerplate.Any(b => b.IsMatch(line)))
            {
                reasons[i] = "boilerplate";
            }

            if (reasons[i] is null && BareLink().IsMatch(line))
            {
                reasons[i] = "link";
                var url = line.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? "https://" + line : line;
                if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
                {
                    meta.TryAdd("url", uri.ToString());
                    if (_rules.OutletForHost(uri.Host) is { } outlet)
                    {
                        meta.TryAdd("outlet", outlet);
                    }
                }
            }
        }

        DropTrailingBox(source, lines, reasons);
        var title = FindTitle(source, lines, reasons);
        if (title is { } t)
        {
            var key = TitleKey(source.Substring(lines[t].Span.Start, lines[t].Span.Length));
            for (var i = 0; i < lines.Count; i++)
            {
                if (reasons[i] is null && TitleKey(source.Substring(lines[i].Span.Start, lines[i].Span.Length)) == key)
                {
                    reasons[i] = "title";
                }
            }
        }

        // Body paragraphs from the lines kept; a removed line breaks a paragraph.
        var kept = new List<ParagraphSegmenter.Line>();
        var removed = new List<RemovedLine>();
        var breakPending = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (reasons[i] is { } reason)
            {
                if (reason != "title" || i != title)
                {
                    removed.Add(new RemovedLine(lines[i].Span, source.Substring(lines[i].Span.Start, lines[i].Span.Length), reason));
                }

                breakPending = true;
                continue;
            }

            kept.Add(lines[i] with { AfterBreak = lines[i].AfterBreak || breakPending });
            breakPending = false;
        }

        var body = ParagraphSegmenter.Group(source, kept);
        var text = new StringBuilder(source.Length);
        var map = new OffsetMap.Builder();
        var paragraphs = new List<TextSpan>(body.Count + 1);
        TextSpan? titleSpan = null;
        string? titleText = null;
        if (title is { } ti)
        {
            var span = lines[ti].Span;
            map.AddRun(0, span.Start, span.Length);
            text.Append(source, span.Start, span.Length);
            titleSpan = new TextSpan(0, span.Length);
            paragraphs.Add(titleSpan.Value);
            titleText = Collapse(source.Substring(span.Start, span.Length));
        }

        foreach (var span in body)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            map.AddRun(text.Length, span.Start, span.Length);
            paragraphs.Add(TextSpan.FromLength(text.Length, span.Length));
            text.Append(source, span.Start, span.Length);
        }

        var md = (metadata ?? new DocumentMetadata()) with
        {
            Title = titleText,
            Outlet = meta.GetValueOrDefault("outlet"),
            Byline = meta.GetValueOrDefault("byline"),
            Url = meta.GetValueOrDefault("url"),
            Published = published,
            PublishedTime = publishedTime,
            PublishedInferred = false,
            PublishedEvidence = publishedEvidence,
        };
        var clean = text.ToString();
        return new ExtractedText(clean, md, titleSpan, paragraphs, map.Build(clean.Length, source.Length), removed);
    }

    /// <summary>
    /// The headline: the first kept line when it reads as one; otherwise a headline-like line
    /// that the page repeats (some pages print the title again after the body).
    /// </summary>
    private static int? FindTitle(string source, List<ParagraphSegmenter.Line> lines, string?[] reasons)
    {
        var first = Array.FindIndex(reasons, r => r is null);
        if (first < 0)
        {
            return null;
        }

        if (IsHeadline(source.AsSpan(lines[first].Span.Start, lines[first].Span.Length)) && first + 1 < lines.Count)
        {
            return first;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            if (reasons[i] is not null)
            {
                continue;
            }

            var line = source.AsSpan(lines[i].Span.Start, lines[i].Span.Length);
            if (!IsHeadline(line))
            {
                continue;
            }

            var key = TitleKey(line.ToString());
            if (seen.TryGetValue(key, out var firstSeen))
            {
                return firstSeen;
            }

            seen[key] = i;
        }

        return null;
    }

    /// <summary>A headline: 3 to 30 words, not ending like a sentence or a label, not a list item.</summary>
    internal static bool IsHeadline(ReadOnlySpan<char> line)
    {
        if (line.Length is < 10 or > MaxTitleLength || line[^1] is '.' or ',' or ';' or ':' or '-' or '\u2013' or '\u2014')
        {
            return false;
        }

        if (!(char.IsUpper(line[0]) || char.IsDigit(line[0]) || line[0] is '"' or '\'' or '\u201C' or '\u2018'))
        {
            return false;
        }

        var words = 1;
        foreach (var c in line)
        {
            words += c == ' ' ? 1 : 0;
        }

        return words is >= 3 and <= 30;
    }

    /// <summary>A comparison key for title lines: case, quote styles and white space folded.</summary>
    private static string TitleKey(string line)
    {
        var sb = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            sb.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u2033' => '"',
                _ => char.ToLowerInvariant(c),
            });
        }

        return Collapse(sb.ToString());
    }

    private static string Collapse(string s) => Whitespace().Replace(s, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>
    /// Removes a box of links to other articles at the end of the text: after a heading such as
    /// 'You may also like' (a <c>box</c> row of boilerplate.txt), when only short lines — teasers,
    /// not paragraphs — follow to the end, they are other articles' headlines and first lines
    /// ('Putin declared on Wednesday …'), not this article's text. A heading with paragraphs after
    /// it ('Also Read' between two paragraphs of the article) removes only itself.
    /// </summary>
    private void DropTrailingBox(string source, List<ParagraphSegmenter.Line> lines, string?[] reasons)
    {
        // From the end back: the earliest heading with only few short lines after it.
        var teasers = 0;
        var box = -1;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (IsText(i))
            {
                if (lines[i].Span.Length > MaxTeaserLine || ++teasers > MaxTeasers)
                {
                    break;
                }
            }
            else if (reasons[i] == "boilerplate" && teasers > 0 && IsBoxHeading(source.Substring(lines[i].Span.Start, lines[i].Span.Length)))
            {
                box = i;
            }
        }

        for (var j = box + 1; box >= 0 && j < lines.Count; j++)
        {
            if (IsText(j))
            {
                reasons[j] = "related-box";
            }
        }

        bool IsText(int i) => reasons[i] is null && !source.AsSpan(lines[i].Span.Start, lines[i].Span.Length).IsWhiteSpace();

        bool IsBoxHeading(string heading) => _rules.BoxHeadings.Any(b => b.IsMatch(heading));
    }

    [GeneratedRegex(@"^(?:https?://|www\.)\S+$", RegexOptions.IgnoreCase)]
    private static partial Regex BareLink();
}
