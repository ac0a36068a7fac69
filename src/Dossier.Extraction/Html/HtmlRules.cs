using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Dossier.Text;

namespace Dossier.Extraction.Html;

/// <summary>
/// The heuristics of the HTML article extractor, kept as data (<c>html-rules.tsv</c>): tags that
/// never hold article text, class/id hints of page furniture and of article bodies, selectors of
/// article bodies and whole-block boilerplate phrases.
/// </summary>
public sealed class HtmlRules
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private readonly Regex _boilerplateHint;
    private readonly Regex _contentHint;
    private readonly Regex _boilerplateText;

    private HtmlRules(
        FrozenSet<string> skipTags,
        FrozenSet<string> boilerplateTags,
        FrozenSet<string> blockTags,
        Regex boilerplateHint,
        Regex contentHint,
        Regex boilerplateText,
        IReadOnlyList<string> contentSelectors)
    {
        SkipTags = skipTags;
        BoilerplateTags = boilerplateTags;
        BlockTags = blockTags;
        _boilerplateHint = boilerplateHint;
        _contentHint = contentHint;
        _boilerplateText = boilerplateText;
        ContentSelectors = contentSelectors;
    }

    /// <summary>The rules shipped with Dossier.</summary>
    public static HtmlRules Default { get; } = Load(DataFile.ReadEmbedded(typeof(HtmlRules).Assembly, "Dossier.Extraction.Html.html-rules.tsv"));

    /// <summary>Elements whose subtree never holds article text (script, style, form controls…).</summary>
    public FrozenSet<string> SkipTags { get; }

    /// <summary>Elements that hold page furniture (nav, footer, aside).</summary>
    public FrozenSet<string> BoilerplateTags { get; }

    /// <summary>Elements that start and end a block of text.</summary>
    public FrozenSet<string> BlockTags { get; }

    /// <summary>CSS selectors of article bodies, most specific first.</summary>
    public IReadOnlyList<string> ContentSelectors { get; }

    /// <summary>Builds rules from data-file entries (KIND, VALUE).</summary>
    /// <exception cref="FormatException">On an unknown kind or a row without a value.</exception>
    public static HtmlRules Load(IEnumerable<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var byKind = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string[] kinds = ["skip-tag", "boilerplate-tag", "boilerplate-hint", "content-hint", "content-selector", "boilerplate-text", "block-tag"];
        foreach (var kind in kinds)
        {
            byKind[kind] = [];
        }

        foreach (var row in rows)
        {
            if (row.Length < 2 || !byKind.TryGetValue(row[0], out var list) || row[1].Length == 0)
            {
                throw new FormatException($"Bad HTML rule '{string.Join('\t', row)}': want one of {string.Join(", ", kinds)}, a tab and a value.");
            }

            list.Add(row[1]);
        }

        static string Alternation(List<string> parts) => parts.Count == 0 ? "(?!)" : string.Join('|', parts.Select(p => $"(?:{p})"));

        // In a hint '-?' joins the words of a name however a site writes it: 'author-bio',
        // 'authorbio', 'author_bio' and BEM's 'author__bio'.
        static string Hints(List<string> parts) => Alternation(parts.Select(p => p.Replace("-?", "[-_]*", StringComparison.Ordinal)).ToList());
        return new HtmlRules(
            byKind["skip-tag"].ToFrozenSet(StringComparer.Ordinal),
            byKind["boilerplate-tag"].ToFrozenSet(StringComparer.Ordinal),
            byKind["block-tag"].ToFrozenSet(StringComparer.Ordinal),
            new Regex($"(?:^|[-_0-9])(?:{Hints(byKind["boilerplate-hint"])})(?:$|[-_0-9])", Options, MatchTimeout),
            new Regex($"(?:^|[-_0-9])(?:{Hints(byKind["content-hint"])})(?:$|[-_0-9])", Options, MatchTimeout),
            new Regex($"^(?:{Alternation(byKind["boilerplate-text"])})$", Options, MatchTimeout),
            byKind["content-selector"]);
    }

    /// <summary>
    /// Whether the class tokens, id and role name page furniture: a boilerplate hint matches one of
    /// them and no content hint does.
    /// </summary>
    public bool IsBoilerplateHint(string? classes, string? id, string? role)
    {
        var boilerplate = false;
        foreach (var token in Tokens(classes, id, role))
        {
            if (Matches(_contentHint, token))
            {
                return false;
            }

            boilerplate = boilerplate || Matches(_boilerplateHint, token);
        }

        return boilerplate;
    }

    /// <summary>Whether a class token, the id or the role names an article body.</summary>
    public bool IsContentHint(string? classes, string? id, string? role) =>
        Tokens(classes, id, role).Any(t => Matches(_contentHint, t));

    /// <summary>Whether a whole block of text is a boilerplate phrase ("Share this", "© 2024 …").</summary>
    public bool IsBoilerplateText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= 600 && Matches(_boilerplateText, text.Trim());
    }

    private static bool Matches(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static IEnumerable<string> Tokens(string? classes, string? id, string? role)
    {
        if (!string.IsNullOrEmpty(classes))
        {
            foreach (var token in classes.Split((char[])[' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (token.Length <= 80 && !token.StartsWith("has-", StringComparison.OrdinalIgnoreCase)
                    && !token.StartsWith("is-", StringComparison.OrdinalIgnoreCase) && !token.StartsWith("with-", StringComparison.OrdinalIgnoreCase))
                {
                    yield return token;
                }
            }
        }

        if (!string.IsNullOrEmpty(id) && id.Length <= 80)
        {
            yield return id;
        }

        if (!string.IsNullOrEmpty(role) && role.Length <= 40)
        {
            yield return role;
        }
    }
}
