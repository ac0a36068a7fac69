using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Dossier.Extraction.PlainText;

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

        var walk = new HtmlBlockWalk(_rules, flattened ? string.Empty : guarded);
        walk.Run(document.Body ?? document.DocumentElement);
        var kept = SelectArticle(walk, document, merged.Title, out var removed);
        var described = kept.Select(b => (b.Text, b.Box.Describe())).ToList();
        var result = HtmlTextAssembler.Assemble(kept, merged, html.Length, removed);
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

    /// <summary>Chooses the article's blocks; the others go to <paramref name="removed"/> with the reason.</summary>
    private List<HtmlBlock> SelectArticle(HtmlBlockWalk walk, IDocument document, string? title, out List<RemovedLine> removed)
    {
        removed = [];
        if (walk.Blocks.Count == 0)
        {
            return [];
        }

        var (core, region) = new HtmlArticleScoring(walk, _rules).Choose(document);
        return new HtmlBlockJudge(walk, _rules).Keep(core, region, title, removed);
    }
}

/// <summary>The outcome of extracting a page: the text and whether the page had to be flattened.</summary>
/// <param name="Extracted">Clean text, metadata, paragraphs, the map back to the HTML and the blocks left out.</param>
/// <param name="Flattened">True when the page nested deeper than <see cref="NestingGuard.MaxDepth"/> and was flattened (no offset map then).</param>
/// <param name="Kept">The blocks kept, each with the element it came from (tag#id.class), for reports.</param>
public sealed record HtmlExtraction(ExtractedText Extracted, bool Flattened, IReadOnlyList<(string Text, string Element)> Kept);
