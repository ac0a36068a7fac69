using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dossier.Nlp.Time;
using Dossier.Text;

namespace Dossier.Evaluation.Time;

/// <summary>A gold TIMEX3 of a TimeML document.</summary>
public readonly record struct GoldTimex(TextSpan Span, string Type, string Value);

/// <summary>A TimeML document: the text inside &lt;TEXT&gt; without tags, its creation date (DCT) and its gold TIMEX3s.</summary>
public sealed record TimeMlDocument(string Name, string Text, DateOnly? Dct, IReadOnlyList<GoldTimex> Timexes);

/// <summary>One case of Microsoft Recognizers-Text's date/time specs: an input, its reference date and the expressions it must yield.</summary>
/// <param name="File">The spec file's name.</param>
/// <param name="Input">The text.</param>
/// <param name="Reference">The date relative expressions are resolved against.</param>
/// <param name="Expected">Each expected expression: its span and the values that count as right (the TIMEX, or either of its resolutions).</param>
internal sealed record SpecCase(string File, string Input, DateOnly Reference, IReadOnlyList<(TextSpan Span, IReadOnlySet<string> Values)> Expected);

/// <summary>Counts and scores of one TempEval-3 style comparison.</summary>
/// <param name="Gold">Gold expressions.</param>
/// <param name="Predicted">Predicted expressions.</param>
/// <param name="Strict">Pairs with exactly the same span.</param>
/// <param name="RelaxedGold">Gold expressions that some prediction overlaps.</param>
/// <param name="RelaxedPredicted">Predictions that overlap some gold expression.</param>
/// <param name="ValueCorrect">Overlapping pairs (one to one) with the same value.</param>
/// <param name="TypeCorrect">Overlapping pairs (one to one) with the same type.</param>
/// <param name="Matched">Overlapping pairs, one to one.</param>
public sealed record TimeScores(int Gold, int Predicted, int Strict, int RelaxedGold, int RelaxedPredicted, int ValueCorrect, int TypeCorrect, int Matched)
{
    private static double F(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    /// <summary>Exact-span precision.</summary>
    public double StrictPrecision => Ratio(Strict, Predicted);

    /// <summary>Exact-span recall.</summary>
    public double StrictRecall => Ratio(Strict, Gold);

    /// <summary>Exact-span F1.</summary>
    public double StrictF1 => F(StrictPrecision, StrictRecall);

    /// <summary>Share of predictions that overlap a gold expression.</summary>
    public double RelaxedPrecision => Ratio(RelaxedPredicted, Predicted);

    /// <summary>Share of gold expressions that a prediction overlaps.</summary>
    public double RelaxedRecall => Ratio(RelaxedGold, Gold);

    /// <summary>Overlap F1.</summary>
    public double RelaxedF1 => F(RelaxedPrecision, RelaxedRecall);

    /// <summary>Share of overlapping pairs whose value is right.</summary>
    public double ValueAccuracy => Ratio(ValueCorrect, Matched);

    /// <summary>TempEval-3's value F1: relaxed F1 times value accuracy.</summary>
    public double ValueF1 => RelaxedF1 * ValueAccuracy;

    /// <summary>TempEval-3's type F1: relaxed F1 times type accuracy.</summary>
    public double TypeF1 => RelaxedF1 * Ratio(TypeCorrect, Matched);
}

/// <summary>Reads TimeML (TempEval-3 TBAQ) and scores time expressions the TempEval-3 way: strict and relaxed span F1, value and type F1.</summary>
public static partial class TimeEvaluation
{
    /// <summary>Reads one .tml file.</summary>
    public static TimeMlDocument ReadTimeMl(string path)
    {
        var xml = File.ReadAllText(path);
        DateOnly? dct = null;
        if (DctPattern().Match(xml) is { Success: true } d
            && DateOnly.TryParseExact(d.Groups[1].Value[..Math.Min(10, d.Groups[1].Value.Length)], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            dct = date;
        }

        var open = xml.IndexOf("<TEXT>", StringComparison.Ordinal);
        var close = xml.IndexOf("</TEXT>", StringComparison.Ordinal);
        if (open < 0 || close < open)
        {
            throw new FormatException($"{path}: no <TEXT> element");
        }

        var body = xml[(open + 6)..close];
        var text = new StringBuilder(body.Length);
        var timexes = new List<GoldTimex>();
        (int Start, string Type, string Value)? current = null;
        var at = 0;
        foreach (System.Text.RegularExpressions.Match tag in TagPattern().Matches(body))
        {
            text.Append(WebUtility.HtmlDecode(body[at..tag.Index]));
            at = tag.Index + tag.Length;
            var t = tag.Value;
            if (t.StartsWith("<TIMEX3", StringComparison.Ordinal))
            {
                current = (text.Length, Attribute(t, "type"), Attribute(t, "value"));
            }
            else if (t == "</TIMEX3>" && current is { } c)
            {
                timexes.Add(new GoldTimex(new TextSpan(c.Start, text.Length), c.Type, c.Value));
                current = null;
            }
        }

        text.Append(WebUtility.HtmlDecode(body[at..]));
        return new TimeMlDocument(Path.GetFileNameWithoutExtension(path), text.ToString(), dct, timexes);
    }

    private static string Attribute(string tag, string name)
    {
        var m = Regex.Match(tag, $"\\b{name}=\"([^\"]*)\"", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return m.Success ? m.Groups[1].Value : string.Empty;
    }

    /// <summary>
    /// The cases of a Recognizers-Text spec file that a news tagger is meant to handle: those with
    /// a reference date, not marked unsupported on .NET, whose every expected result has a plain
    /// TIMEX value (ranges written as '(start,end,duration)' are left out).
    /// </summary>
    internal static IReadOnlyList<SpecCase> ReadRecognizersSpec(string path)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        var cases = new List<SpecCase>();
        foreach (var c in json.RootElement.EnumerateArray())
        {
            if (!c.TryGetProperty("Context", out var context) || !context.TryGetProperty("ReferenceDateTime", out var reference)
                || (c.TryGetProperty("NotSupported", out var ns) && ns.GetString()!.Contains("dotnet", StringComparison.OrdinalIgnoreCase))
                || (c.TryGetProperty("NotSupportedByDesign", out var nsd) && nsd.GetString()!.Contains("dotnet", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var expected = new List<(TextSpan, IReadOnlySet<string>)>();
            var plain = true;
            foreach (var r in c.GetProperty("Results").EnumerateArray())
            {
                if (!r.TryGetProperty("Value", out var value) || !value.TryGetProperty("Timex", out var timex) || timex.GetString() is not { Length: > 0 } t || t.Contains('(', StringComparison.Ordinal))
                {
                    plain = false;
                    break;
                }

                var values = new HashSet<string>(StringComparer.Ordinal) { t };
                foreach (var resolution in new[] { "FutureResolution", "PastResolution" })
                {
                    if (value.TryGetProperty(resolution, out var res) && res.TryGetProperty("date", out var date) && date.GetString() is { } d)
                    {
                        values.Add(d);
                    }
                }

                var start = r.GetProperty("Start").GetInt32();
                expected.Add((new TextSpan(start, start + r.GetProperty("Length").GetInt32()), values));
            }

            if (plain && expected.Count > 0)
            {
                var day = DateOnly.FromDateTime(DateTime.Parse(reference.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
                cases.Add(new SpecCase(Path.GetFileNameWithoutExtension(path), c.GetProperty("Input").GetString()!, day, expected));
            }
        }

        return cases;
    }

    /// <summary>True when every expected expression of the case is overlapped by a found one whose value is among the right ones (a clock time may carry its day: 2016-11-07T08:40 for T08:40).</summary>
    internal static bool Passes(SpecCase spec, IReadOnlyList<TimeExpression> found)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(found);
        return spec.Expected.All(e => found.Any(f => f.Span.Overlaps(e.Span) && f.Value is { } v
            && (e.Values.Contains(v) || e.Values.Any(x => x.StartsWith('T') && v.EndsWith(x, StringComparison.Ordinal)))));
    }

    /// <summary>The spec files that are run: the parsers of dates, date periods, durations, sets and holidays (the time parser's cases carry no reference date).</summary>
    public static IReadOnlyList<string> SpecFiles { get; } = ["DateParser", "DatePeriodParser", "DurationParser", "SetParser", "HolidayParser"];

    /// <summary>Runs the in-scope cases of each spec file in <paramref name="directory"/>: per file, cases passed, cases run and the failures (input, wanted, found).</summary>
    public static IReadOnlyList<(string File, int Passed, int Total, IReadOnlyList<(string Input, string Expected, string Found)> Failures)> RunSpecs(string directory, DocumentPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var result = new List<(string, int, int, IReadOnlyList<(string, string, string)>)>();
        foreach (var file in SpecFiles)
        {
            var cases = ReadRecognizersSpec(Path.Combine(directory, file + ".json"));
            var failures = new List<(string, string, string)>();
            foreach (var c in cases)
            {
                var doc = pipeline.Process(c.Input, new DocumentMetadata { Published = c.Reference });
                var found = doc.Get(Dossier.Annotations.Layers.Times).Select(t => new TimeExpression(t.Span, t.Type, t.Value, t.Mod)).ToList();
                if (!Passes(c, found))
                {
                    failures.Add((c.Input, string.Join(" | ", c.Expected.Select(e => $"{c.Input[e.Span.Start..e.Span.End]}={string.Join('/', e.Values)}")), string.Join(" | ", found.Select(f => $"{c.Input[f.Span.Start..f.Span.End]}={f.Value}"))));
                }
            }

            result.Add((file, cases.Count - failures.Count, cases.Count, failures));
        }

        return result;
    }

    /// <summary>Runs <paramref name="pipeline"/> (which must add times) over each document, normalising against its DCT.</summary>
    public static IReadOnlyList<(TimeMlDocument Document, IReadOnlyList<TimeExpression> Predicted)> Run(IEnumerable<TimeMlDocument> documents, DocumentPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(pipeline);
        return [.. documents.Select(d =>
        {
            var doc = pipeline.Process(d.Text, new DocumentMetadata { Published = d.Dct });
            return (d, (IReadOnlyList<TimeExpression>)[.. doc.Get(Dossier.Annotations.Layers.Times).Select(t => new TimeExpression(t.Span, t.Type, t.Value, t.Mod))]);
        })];
    }

    /// <summary>Scores predictions against gold, summed over documents.</summary>
    public static TimeScores Score(IEnumerable<(IReadOnlyList<GoldTimex> Gold, IReadOnlyList<TimeExpression> Predicted)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        int gold = 0, predicted = 0, strict = 0, relaxedGold = 0, relaxedPredicted = 0, value = 0, type = 0, matched = 0;
        foreach (var (g, p) in documents)
        {
            gold += g.Count;
            predicted += p.Count;
            strict += g.Count(x => p.Any(y => y.Span == x.Span));
            relaxedGold += g.Count(x => p.Any(y => y.Span.Overlaps(x.Span)));
            relaxedPredicted += p.Count(y => g.Any(x => y.Span.Overlaps(x.Span)));
            foreach (var (x, y) in Pairs(g, p))
            {
                matched++;
                value += y.Value == x.Value ? 1 : 0;
                type += y.Type == x.Type ? 1 : 0;
            }
        }

        return new TimeScores(gold, predicted, strict, relaxedGold, relaxedPredicted, value, type, matched);
    }

    /// <summary>Gold and predicted expressions paired one to one: each gold expression with the first overlapping prediction not yet taken.</summary>
    public static IReadOnlyList<(GoldTimex Gold, TimeExpression Predicted)> Pairs(IReadOnlyList<GoldTimex> gold, IReadOnlyList<TimeExpression> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var taken = new bool[predicted.Count];
        var pairs = new List<(GoldTimex, TimeExpression)>();
        foreach (var g in gold)
        {
            for (var k = 0; k < predicted.Count; k++)
            {
                if (!taken[k] && predicted[k].Span.Overlaps(g.Span))
                {
                    taken[k] = true;
                    pairs.Add((g, predicted[k]));
                    break;
                }
            }
        }

        return pairs;
    }

    /// <summary>The scores as a table.</summary>
    public static string Format(TimeScores s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"gold {s.Gold}, predicted {s.Predicted}");
        b.AppendLine("            precision  recall      F1");
        b.AppendLine(CultureInfo.InvariantCulture, $"strict      {100 * s.StrictPrecision,9:F2} {100 * s.StrictRecall,7:F2} {100 * s.StrictF1,7:F2}");
        b.AppendLine(CultureInfo.InvariantCulture, $"relaxed     {100 * s.RelaxedPrecision,9:F2} {100 * s.RelaxedRecall,7:F2} {100 * s.RelaxedF1,7:F2}");
        b.AppendLine(CultureInfo.InvariantCulture, $"value F1    {100 * s.ValueF1,7:F2}   (value accuracy on overlapping pairs {100 * s.ValueAccuracy:F2}%)");
        b.Append(CultureInfo.InvariantCulture, $"type F1     {100 * s.TypeF1,7:F2}");
        return b.ToString();
    }

    [GeneratedRegex("<DCT>\\s*<TIMEX3[^>]*value=\"([^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex DctPattern();

    [GeneratedRegex("<[^>]+>", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
