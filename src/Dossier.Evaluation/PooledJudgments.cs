using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dossier.Evaluation;

/// <summary>
/// What the brief shows on judged texts against the judgments: shown items a judgment covers,
/// right or wrong; shown items no one judged (a new reading since); and judged readings no longer
/// shown, right or wrong. <see cref="Items"/> says what was shown ("events", "claims").
/// </summary>
public sealed record JudgedScores(string Items, int Texts, int Shown, int JudgedRight, int JudgedWrong, int Unjudged, int GoneRight, int GoneWrong, IReadOnlyList<string> UnjudgedItems, IReadOnlyList<string> GoneItems)
{
    /// <summary>The share right of the shown items a judgment covers.</summary>
    public double Precision => JudgedRight + JudgedWrong == 0 ? 0 : (double)JudgedRight / (JudgedRight + JudgedWrong);

    /// <summary>The share of shown items a judgment covers.</summary>
    public double Coverage => Shown == 0 ? 0 : (double)(JudgedRight + JudgedWrong) / Shown;
}

/// <summary>
/// Precision of what the brief shows on news no one annotated in full, by pooled judgments (as
/// TREC judges the documents systems return): a reader judged each item the brief showed on a set
/// of texts; a later run is scored on the items it still shows, those it shows that no one judged
/// are counted apart (coverage), and judged readings it no longer shows say what a change removed.
/// The kind of item (events, claims) supplies what is shown and which judgment covers it.
/// </summary>
public static class PooledJudgments
{
    /// <summary>Reads a JSON-lines file of judgments, one per non-blank line; a missing file, or a line <paramref name="parse"/> rejects (named with its file and number), is a <see cref="DossierException"/>.</summary>
    public static IReadOnlyList<T> Read<T>(string path, Func<JsonElement, T> parse)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(parse);
        if (!File.Exists(path))
        {
            throw new DossierException(DossierErrorCode.NotFound, "no file of judgments here", path);
        }

        var judged = new List<T>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                judged.Add(parse(json.RootElement));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new DossierException(DossierErrorCode.MalformedInput, $"{path}:{number}: not a judgment ({e.Message})", null, e);
            }
        }

        return judged;
    }

    /// <summary>
    /// Scores what <paramref name="shown"/> takes from each judged text (analysed by <paramref name="analyse"/>
    /// from its name) against the judgments of that text: <paramref name="verdict"/> finds the judgment that
    /// covers an item (null when none does), <paramref name="describe"/> names an item no one judged.
    /// </summary>
    public static JudgedScores Score<TJudgment, TItem>(
        string items,
        IReadOnlyList<TJudgment> judged,
        Func<TJudgment, string> textOf,
        Func<TJudgment, bool> right,
        Func<string, Document> analyse,
        Func<Document, IEnumerable<TItem>> shown,
        Func<IEnumerable<TJudgment>, Document, TItem, TJudgment?> verdict,
        Func<Document, TItem, string> describe)
        where TJudgment : class
    {
        ArgumentNullException.ThrowIfNull(judged);
        ArgumentNullException.ThrowIfNull(analyse);
        int count = 0, judgedRight = 0, judgedWrong = 0, goneRight = 0, goneWrong = 0;
        var unjudged = new List<string>();
        var gone = new List<string>();
        var byText = ByText(judged, textOf);
        foreach (var group in byText)
        {
            var document = analyse(group.Key);
            var used = new HashSet<TJudgment>(ReferenceEqualityComparer.Instance);
            foreach (var item in shown(document))
            {
                count++;
                if (verdict(group, document, item) is { } v)
                {
                    used.Add(v);
                    (judgedRight, judgedWrong) = right(v) ? (judgedRight + 1, judgedWrong) : (judgedRight, judgedWrong + 1);
                }
                else
                {
                    unjudged.Add($"{group.Key}:{describe(document, item)}");
                }
            }

            foreach (var j in group.Where(j => !used.Contains(j)))
            {
                (goneRight, goneWrong) = right(j) ? (goneRight + 1, goneWrong) : (goneRight, goneWrong + 1);
                gone.Add($"{group.Key}: {j} ({(right(j) ? "right" : "wrong")})");
            }
        }

        return new JudgedScores(items, byText.Count, count, judgedRight, judgedWrong, unjudged.Count, goneRight, goneWrong, unjudged, gone);
    }

    /// <summary>The judgments grouped by the text they judge, in ordinal order of the text's name.</summary>
    public static IReadOnlyList<IGrouping<string, TJudgment>> ByText<TJudgment>(IEnumerable<TJudgment> judged, Func<TJudgment, string> textOf) =>
        [.. judged.GroupBy(textOf, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)];

    /// <summary>
    /// The items <paramref name="shown"/> takes from the texts the judgments name and from <paramref name="names"/>
    /// (a new pool's texts) that no judgment covers, in text-name order: what a reader still has to judge.
    /// </summary>
    public static IReadOnlyList<(string Text, Document Document, TItem Item)> Unjudged<TJudgment, TItem>(
        IReadOnlyList<TJudgment> judged,
        Func<TJudgment, string> textOf,
        IEnumerable<string> names,
        Func<string, Document> analyse,
        Func<Document, IEnumerable<TItem>> shown,
        Func<IEnumerable<TJudgment>, Document, TItem, TJudgment?> verdict)
        where TJudgment : class
    {
        ArgumentNullException.ThrowIfNull(judged);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(analyse);
        var byText = judged.ToLookup(textOf, StringComparer.Ordinal);
        var found = new List<(string, Document, TItem)>();
        foreach (var name in judged.Select(textOf).Concat(names).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var document = analyse(name);
            found.AddRange(shown(document).Where(item => verdict(byText[name], document, item) is null).Select(item => (name, document, item)));
        }

        return found;
    }

    /// <summary>A judgment line with <c>"right": null</c>, for a reader to complete: <paramref name="fields"/> in order, then right and sample.</summary>
    public static string TemplateLine(IEnumerable<KeyValuePair<string, object?>> fields, string sample)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var line = new Dictionary<string, object?>(fields) { ["right"] = null, ["sample"] = sample };
        return JsonSerializer.Serialize(line, TemplateJson);
    }

    private static readonly JsonSerializerOptions TemplateJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A readable report; <paramref name="shownAs"/> says what counts as shown; up to <paramref name="listUnjudged"/> new readings and gone judgments listed.</summary>
    public static string Format(JudgedScores s, string shownAs, int listUnjudged = 0)
    {
        ArgumentNullException.ThrowIfNull(s);
        var b = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        b.Append(c, $"{s.Texts} texts, {s.Shown} {s.Items} shown ({shownAs})\n");
        b.Append(c, $"judged            {s.JudgedRight + s.JudgedWrong} ({100 * s.Coverage:F2}% of those shown): {s.JudgedRight} right, {s.JudgedWrong} wrong\n");
        b.Append(c, $"shown precision   {100 * s.Precision:F2}% of the judged ones\n");
        b.Append(c, $"not judged        {s.Unjudged} (shown now, not when judged: new readings)\n");
        b.Append(c, $"no longer shown   {s.GoneRight + s.GoneWrong} judged readings: {s.GoneRight} right, {s.GoneWrong} wrong\n");
        foreach (var u in s.UnjudgedItems.Take(listUnjudged))
        {
            b.Append(c, $"  not judged: {u}\n");
        }

        foreach (var g in s.GoneItems.Take(listUnjudged))
        {
            b.Append(c, $"  no longer shown: {g}\n");
        }

        return b.ToString();
    }

    /// <summary>The text of a span of <paramref name="document"/>, or null.</summary>
    public static string? TextOf(Document document, Dossier.Text.TextSpan? span)
    {
        ArgumentNullException.ThrowIfNull(document);
        return span is { } s ? document.GetText(s) : null;
    }
}
