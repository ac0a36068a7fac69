using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Dossier.Evaluation.Events;

/// <summary>A sentence of PETRARCH2's validation records and the CAMEO codes it should yield.</summary>
public sealed record CodedSentence(string Id, string Text, IReadOnlyList<string> Codes);

/// <summary>How many gold codings a coder found, by full code and by root (first two digits), and how many of its events are right.</summary>
public sealed record EventScores(int Sentences, int Gold, int FullFound, int RootFound, int Predicted, int PredictedRight)
{
    /// <summary>Share of gold codings with an event of the same full code in their sentence.</summary>
    public double FullAccuracy => Gold == 0 ? 0 : (double)FullFound / Gold;

    /// <summary>Share of gold codings with an event of the same root code in their sentence.</summary>
    public double RootAccuracy => Gold == 0 ? 0 : (double)RootFound / Gold;

    /// <summary>Share of predicted events whose root some gold coding of their sentence has.</summary>
    public double RootPrecision => Predicted == 0 ? 0 : (double)PredictedRight / Predicted;
}

/// <summary>Reads PETRARCH2's unit-test records and scores event codes against their expected codings.</summary>
public static partial class EventEvaluation
{
    /// <summary>The records of <c>PETR.UnitTest.records.xml</c> (text and expected event codes; parses are not used).</summary>
    public static IReadOnlyList<CodedSentence> ReadRecords(string path)
    {
        var xml = File.ReadAllText(path);
        var result = new List<CodedSentence>();
        foreach (Match m in SentencePattern().Matches(xml))
        {
            var body = m.Groups[2].Value;
            var text = TextPattern().Match(body);
            if (!text.Success)
            {
                continue;
            }

            var codes = CodingPattern().Matches(body).Select(c => c.Groups[1].Value).ToList();
            result.Add(new CodedSentence(m.Groups[1].Value, WebUtility.HtmlDecode(string.Join(' ', text.Groups[1].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))), codes));
        }

        return result;
    }

    /// <summary>Codes each record's text with <paramref name="pipeline"/> (which must add events).</summary>
    public static IReadOnlyList<(CodedSentence Gold, IReadOnlyList<string> Predicted)> Run(IEnumerable<CodedSentence> records, DocumentPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(pipeline);
        return [.. records.Select(r => (r, (IReadOnlyList<string>)[.. pipeline.Process(r.Text).Get(Dossier.Annotations.Layers.Events).Select(e => e.Code)]))];
    }

    /// <summary>Scores predicted codes per sentence against the records.</summary>
    public static EventScores Score(IEnumerable<(CodedSentence Gold, IReadOnlyList<string> Predicted)> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        int sentences = 0, gold = 0, full = 0, root = 0, predicted = 0, right = 0;
        foreach (var (g, p) in results)
        {
            sentences++;
            gold += g.Codes.Count;
            full += g.Codes.Count(c => p.Contains(c));
            root += g.Codes.Count(c => p.Any(x => x[..2] == c[..2]));
            predicted += p.Count;
            right += p.Count(x => g.Codes.Any(c => c[..2] == x[..2]));
        }

        return new EventScores(sentences, gold, full, root, predicted, right);
    }

    /// <summary>The scores in words.</summary>
    public static string Format(EventScores s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return string.Create(CultureInfo.InvariantCulture,
            $"{s.Sentences} sentences, {s.Gold} gold codings, {s.Predicted} events coded\nfull code found  {100 * s.FullAccuracy:F2}% ({s.FullFound}/{s.Gold})\nroot code found  {100 * s.RootAccuracy:F2}% ({s.RootFound}/{s.Gold})\nroot precision   {100 * s.RootPrecision:F2}% ({s.PredictedRight}/{s.Predicted})");
    }

    [GeneratedRegex("<Sentence [^>]*\\bid\\s*=\\s*\"([^\"]+)\"[^>]*>(.*?)</Sentence>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex SentencePattern();

    [GeneratedRegex("<Text>(.*?)</Text>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TextPattern();

    [GeneratedRegex("<EventCoding [^>]*eventcode\\s*=\\s*\"([0-9]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex CodingPattern();
}
