using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Dossier.Extraction.Decoding;
using Dossier.Extraction.Html;
using Dossier.Extraction.PlainText;

namespace Dossier.Evaluation.Extraction;

/// <summary>The scores of the extractor on trafilatura's evaluation set, in trafilatura's way.</summary>
/// <param name="Documents">Pages scored.</param>
/// <param name="TruePositives">'with' segments found.</param>
/// <param name="FalseNegatives">'with' segments missed.</param>
/// <param name="FalsePositives">'without' segments found.</param>
/// <param name="TrueNegatives">'without' segments left out.</param>
/// <param name="Failures">Pages the extractor failed on (scored as full misses).</param>
/// <param name="Title">Title accuracy over pages whose gold has one: (correct, total).</param>
/// <param name="Date">Date accuracy.</param>
/// <param name="Author">Author accuracy.</param>
/// <param name="Seconds">Wall time of the extraction (decoding included), all cores.</param>
/// <param name="Misses">Per page: the segments missed, and the boilerplate let through followed by metadata that differs from the gold.</param>
public sealed record TrafilaturaScores(
    int Documents,
    int TruePositives,
    int FalseNegatives,
    int FalsePositives,
    int TrueNegatives,
    int Failures,
    (int Correct, int Total) Title,
    (int Correct, int Total) Date,
    (int Correct, int Total) Author,
    double Seconds,
    IReadOnlyList<(string File, IReadOnlyList<string> Missed, IReadOnlyList<string> LetThrough)> Misses)
{
    /// <summary>Precision.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Recall.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>Accuracy.</summary>
    public double Accuracy => (double)(TruePositives + TrueNegatives) / Math.Max(1, TruePositives + TrueNegatives + FalsePositives + FalseNegatives);

    /// <summary>F1.</summary>
    public double F1 => 2.0 * TruePositives / Math.Max(1, (2 * TruePositives) + FalsePositives + FalseNegatives);
}

/// <summary>The extractor against Mozilla Readability's test pages.</summary>
/// <param name="Pages">Pages compared.</param>
/// <param name="Close">Pages whose text matches the expected text closely (word F1 ≥ <see cref="ExtractionEvaluation.CloseMatch"/>).</param>
/// <param name="MeanWordF1">Mean word-multiset F1 between our text and the expected text.</param>
/// <param name="Title">Title accuracy where the expected metadata has one.</param>
/// <param name="Byline">Byline accuracy where the expected metadata has one.</param>
/// <param name="Published">Publication-date accuracy where the expected metadata has one.</param>
/// <param name="Worst">The pages with the lowest word F1.</param>
public sealed record ReadabilityScores(
    int Pages,
    int Close,
    double MeanWordF1,
    (int Correct, int Total) Title,
    (int Correct, int Total) Byline,
    (int Correct, int Total) Published,
    IReadOnlyList<(string Page, double F1)> Worst);

/// <summary>
/// <c>dossier eval extract</c>: the HTML extractor on trafilatura's evaluation set (its 'with' and
/// 'without' segments, matched as whitespace-normalised substrings of the extracted text, as
/// trafilatura's <c>eval_common.count_item</c> does) and on Mozilla Readability's test pages.
/// </summary>
public static class ExtractionEvaluation
{
    /// <summary>The word F1 from which a page's text counts as a close match of the expected text.</summary>
    public const double CloseMatch = 0.9;

    /// <summary>Scores the extractor on trafilatura-eval (<c>evaldata.json</c> and <c>html/*.html.gz</c>).</summary>
    public static TrafilaturaScores Trafilatura(string dataset, HtmlArticleExtractor? extractor = null, int? parallelism = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        extractor ??= HtmlArticleExtractor.Default;
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dataset, "evaldata.json")));
        var items = json.RootElement.EnumerateObject().Select(p => (Url: p.Name, Item: p.Value.Clone())).ToList();
        var pages = items.Select(i => Gunzip(Path.Combine(dataset, "html", i.Item.GetProperty("file").GetString() + ".gz"))).ToList();
        var results = new (int Tp, int Fn, int Fp, int Tn, bool Failed, int TitleOk, int TitleN, int DateOk, int DateN, int AuthorOk, int AuthorN, List<string> Missed, List<string> Through)[items.Count];
        var clock = Stopwatch.StartNew();
        Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism ?? Environment.ProcessorCount }, i =>
        {
            var (url, item) = items[i];
            string? body = null;
            ExtractedText? extracted = null;
            HtmlExtraction? extraction = null;
            try
            {
                var decoded = TextDecoder.DecodeMarkup(pages[i], url);
                extraction = extractor.Extract(decoded.Text, new DocumentMetadata { Url = url });
                extracted = extraction.Extracted;
                body = BodyOf(extracted);
            }
            catch (DossierException)
            {
            }

            var text = Norm(body ?? string.Empty);
            var with = Strings(item, "with");
            var without = Strings(item, "without");
            var missed = with.Where(w => !text.Contains(Norm(w), StringComparison.Ordinal)).Select(w => $"{w} ({WhyLeftOut(extracted, w)})").ToList();
            var through = without.Where(w => text.Contains(Norm(w), StringComparison.Ordinal)).Select(w => $"{w} (in {WhereKept(extraction, w)})").ToList();
            var (titleOk, titleN) = Compare(Gold(item, "title"), extracted?.Metadata.Title, SameText);
            var (dateOk, dateN) = Compare(Gold(item, "date"), extracted?.Metadata.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Equals);
            var (authorOk, authorN) = Compare(Gold(item, "author"), extracted?.Metadata.Byline, SameAuthors);
            var falsePositives = through.Count;
            if (titleN > titleOk)
            {
                through.Add($"title: gold '{Gold(item, "title")}' got '{extracted?.Metadata.Title}'");
            }

            if (dateN > dateOk)
            {
                through.Add($"date: gold '{Gold(item, "date")}' got '{extracted?.Metadata.Published}' from {extracted?.Metadata.PublishedEvidence}");
            }

            if (authorN > authorOk)
            {
                through.Add($"author: gold '{Gold(item, "author")}' got '{extracted?.Metadata.Byline}'");
            }

            results[i] = (with.Count - missed.Count, missed.Count, falsePositives, without.Count - falsePositives, body is null, titleOk, titleN, dateOk, dateN, authorOk, authorN, missed, through);
        });
        var seconds = clock.Elapsed.TotalSeconds;
        return new TrafilaturaScores(
            items.Count,
            results.Sum(r => r.Tp),
            results.Sum(r => r.Fn),
            results.Sum(r => r.Fp),
            results.Sum(r => r.Tn),
            results.Count(r => r.Failed),
            (results.Sum(r => r.TitleOk), results.Sum(r => r.TitleN)),
            (results.Sum(r => r.DateOk), results.Sum(r => r.DateN)),
            (results.Sum(r => r.AuthorOk), results.Sum(r => r.AuthorN)),
            seconds,
            [.. items.Select((it, i) => (it.Item.GetProperty("file").GetString()!, (IReadOnlyList<string>)results[i].Missed, (IReadOnlyList<string>)results[i].Through))
                .Where(m => m.Item2.Count + m.Item3.Count > 0)]);
    }

    /// <summary>Compares the extractor with Mozilla Readability's expected output on its test pages.</summary>
    public static ReadabilityScores Readability(string dataset, HtmlArticleExtractor? extractor = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        extractor ??= HtmlArticleExtractor.Default;
        var folders = Directory.GetDirectories(dataset).Where(d => File.Exists(Path.Combine(d, "source.html.gz"))).Order(StringComparer.Ordinal).ToList();
        var rows = new ConcurrentBag<(string Page, double F1, int TitleOk, int TitleN, int BylineOk, int BylineN, int DateOk, int DateN)>();
        var parser = new HtmlParser();
        Parallel.ForEach(folders, folder =>
        {
            var page = Path.GetFileName(folder);
            using var expectedDoc = parser.ParseDocument(Encoding.UTF8.GetString(Gunzip(Path.Combine(folder, "expected.html.gz"))));
            var expected = expectedDoc.Body?.TextContent ?? string.Empty;
            using var meta = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "expected-metadata.json")));
            ExtractedText? ours = null;
            try
            {
                var decoded = TextDecoder.DecodeMarkup(Gunzip(Path.Combine(folder, "source.html.gz")), page);
                ours = extractor.Extract(decoded.Text, new DocumentMetadata { Url = "http://fakehost/test/page.html" }).Extracted;
            }
            catch (DossierException)
            {
            }

            var f1 = WordF1(ours is null ? string.Empty : BodyOf(ours), expected);
            var (titleOk, titleN) = Compare(Gold(meta.RootElement, "title"), ours?.Metadata.Title, SameText);
            var (bylineOk, bylineN) = Compare(Gold(meta.RootElement, "byline"), ours?.Metadata.Byline, SameAuthors);
            var goldDate = Gold(meta.RootElement, "publishedTime");
            var (dateOk, dateN) = Compare(
                goldDate is not null && HtmlMetadataReader.TryParseDate(goldDate, out var d, out _) ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                ours?.Metadata.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                string.Equals);
            rows.Add((page, f1, titleOk, titleN, bylineOk, bylineN, dateOk, dateN));
        });
        var all = rows.OrderBy(r => r.Page, StringComparer.Ordinal).ToList();
        return new ReadabilityScores(
            all.Count,
            all.Count(r => r.F1 >= CloseMatch),
            all.Count == 0 ? 0 : all.Average(r => r.F1),
            (all.Sum(r => r.TitleOk), all.Sum(r => r.TitleN)),
            (all.Sum(r => r.BylineOk), all.Sum(r => r.BylineN)),
            (all.Sum(r => r.DateOk), all.Sum(r => r.DateN)),
            [.. all.OrderBy(r => r.F1).Take(15).Select(r => (r.Page, r.F1))]);
    }

    /// <summary>Formats trafilatura-eval scores beside the published peer table.</summary>
    public static string Format(TrafilaturaScores s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"trafilatura-eval: {s.Documents} pages, {s.TruePositives + s.FalseNegatives} text and {s.FalsePositives + s.TrueNegatives} boilerplate segments, {s.Failures} failures, {s.Seconds:F1} s on {Environment.ProcessorCount} cores");
        b.AppendLine("| system | precision | recall | accuracy | F1 |");
        b.AppendLine("|---|---|---|---|---|");
        b.AppendLine(CultureInfo.InvariantCulture, $"| **Dossier** | {s.Precision:F3} | {s.Recall:F3} | {s.Accuracy:F3} | **{s.F1:F3}** |");
        b.AppendLine("| trafilatura 2.2.0 (standard), published | 0.906 | 0.943 | 0.923 | 0.924 |");
        b.AppendLine("| magic-html 0.1.8, published | 0.887 | 0.891 | 0.889 | 0.889 |");
        b.AppendLine("| justext 3.0.2 (custom), published | 0.864 | 0.859 | 0.862 | 0.862 |");
        b.AppendLine("| news-please 1.6.16, published | 0.932 | 0.758 | 0.852 | 0.836 |");
        b.AppendLine("| readability-lxml 0.8.4.1, published | 0.898 | 0.764 | 0.839 | 0.826 |");
        b.AppendLine("| baseline (text markup), published | 0.767 | 0.869 | 0.803 | 0.815 |");
        b.AppendLine(CultureInfo.InvariantCulture, $"metadata: title {Share(s.Title)}, date {Share(s.Date)}, author {Share(s.Author)} (exact after normalising white space and case; authors as a set)");
        return b.ToString();
    }

    /// <summary>Formats the Readability comparison.</summary>
    public static string Format(ReadabilityScores s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"mozilla-readability-testpages: {s.Pages} pages; text close to Readability's expected text (word F1 ≥ {CloseMatch:F1}): {s.Close} ({100.0 * s.Close / Math.Max(1, s.Pages):F1}%), mean word F1 {s.MeanWordF1:F3}");
        b.AppendLine(CultureInfo.InvariantCulture, $"metadata: title {Share(s.Title)}, byline {Share(s.Byline)}, published date {Share(s.Published)}");
        b.AppendLine("lowest word F1: " + string.Join(", ", s.Worst.Select(w => $"{w.Page} {w.F1:F2}")));
        return b.ToString();
    }

    /// <summary>Why a segment is not in the text: the reason its block was left out, or 'not in any block'.</summary>
    private static string WhyLeftOut(ExtractedText? extracted, string segment)
    {
        var norm = Norm(segment);
        var removed = extracted?.Removed.FirstOrDefault(r => Norm(r.Text).Contains(norm, StringComparison.Ordinal));
        return removed is { } r ? r.Reason : "not in any block";
    }

    private static string WhereKept(HtmlExtraction? extraction, string segment)
    {
        var norm = Norm(segment);
        var index = extraction?.Kept.ToList().FindIndex(k => Norm(k.Text).Contains(norm, StringComparison.Ordinal)) ?? -1;
        return index < 0 ? "the title" : $"{extraction!.Kept[index].Element}, block {index + 1} of {extraction.Kept.Count}";
    }

    private static string Share((int Correct, int Total) x) =>
        string.Create(CultureInfo.InvariantCulture, $"{x.Correct}/{x.Total} ({100.0 * x.Correct / Math.Max(1, x.Total):F1}%)");

    /// <summary>The text without the title paragraph: trafilatura's and Readability's texts carry no title.</summary>
    private static string BodyOf(ExtractedText extracted) =>
        extracted.TitleSpan is { } t ? extracted.Text[Math.Min(extracted.Text.Length, t.End)..] : extracted.Text;

    /// <summary>White space collapsed to one space, as trafilatura's <c>norm</c>.</summary>
    public static string Norm(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var b = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = b.Length > 0;
                continue;
            }

            if (space)
            {
                b.Append(' ');
                space = false;
            }

            b.Append(c);
        }

        return b.ToString();
    }

    /// <summary>F1 of the word multisets of two texts.</summary>
    public static double WordF1(string ours, string expected)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(expected);
        var a = Words(ours);
        var b = Words(expected);
        var total = a.Values.Sum() + b.Values.Sum();
        if (total == 0)
        {
            return 1;
        }

        var common = a.Sum(kv => Math.Min(kv.Value, b.GetValueOrDefault(kv.Key)));
        return 2.0 * common / total;
    }

    private static Dictionary<string, int> Words(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            counts[w] = counts.GetValueOrDefault(w) + 1;
        }

        return counts;
    }

    private static List<string> Strings(JsonElement item, string key) =>
        item.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray().Select(e => e.GetString() ?? string.Empty).Where(s => s.Trim().Length > 0)] : [];

    private static string? Gold(JsonElement item, string key) =>
        item.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString() : null;

    private static (int Ok, int N) Compare(string? gold, string? ours, Func<string, string, bool> same) =>
        gold is null ? (0, 0) : (ours is not null && same(gold, ours) ? 1 : 0, 1);

    private static bool SameText(string a, string b) => string.Equals(Norm(a).Trim(), Norm(b).Trim(), StringComparison.OrdinalIgnoreCase);

    private static bool SameAuthors(string a, string b) => AuthorSet(a).SetEquals(AuthorSet(b));

    private static HashSet<string> AuthorSet(string value)
    {
        var text = HtmlMetadataReader.CleanAuthor(value) ?? value;
        foreach (var separator in new[] { " und ", " and ", " & ", " et ", " y ", ",", ";", "|", " / " })
        {
            text = text.Replace(separator, ";", StringComparison.OrdinalIgnoreCase);
        }

        return text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => Norm(x).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
    }

    private static byte[] Gunzip(string path)
    {
        using var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
