using System.CommandLine;
using Dossier.Annotations;
using Dossier.Evaluation.Claims;
using Dossier.Evaluation.Events;
using Dossier.Evaluation.Quotes;
using Dossier.Nlp.Claims;
using Dossier.Text;
using Dossier.Training.Learning;

namespace Dossier.Cli.Commands;

/// <summary>Pooled judgments of what the brief shows (eval/events/JUDGED.md, eval/claims/JUDGED.md): scoring and templates for new readings.</summary>
internal static partial class EvalCommand
{
    /// <summary>
    /// <c>dossier eval claims --judged FILE --texts DIR|CSV|JSONL|CONLL [--template OUT [--names LIST] [--threshold X]]</c>: precision of
    /// the statements the brief shows, by a reader's judgments; <c>dossier eval claims --data DIR [--part P]</c>: by an
    /// attribution annotation (PolNeAR).
    /// </summary>
    private static Command Claims(Lazy<CliContext> context)
    {
        var judgedFile = new Option<string?>("--judged") { Description = "A .jsonl file of shown claims a reader judged (eval/claims/JUDGED.md), scored on the texts in --texts as 'analyze' reads them." };
        var data = new Option<string?>("--data") { Description = "Instead of --judged: a PolNeAR-style split (text/ and attributions/); a claim is borne out when a gold attribution's content is its content and the gold source its holder. Prints the claims shown from each confidence." };
        var part = new Option<string>("--part") { Description = "With --data: only the articles of this part of the split (by article name): train, holdout or all.", DefaultValueFactory = _ => "all" };
        part.AcceptOnlyFromAmong("train", "holdout", "all");
        var texts = new Option<string?>("--texts") { Description = "Where the judged texts are: " + JudgedTexts.Kinds + "." };
        var errors = new Option<int>("--errors") { Description = "Also print up to this many shown claims no one judged (with --data: shown claims the annotation does not bear out; --threshold lists them from another confidence)." };
        var template = new Option<string?>("--template") { Description = "Instead of scoring, write a judgment line (\"right\": null, to fill in) for every shown claim no judgment covers to this .jsonl file, and print each with its sentence. The --judged file may not exist yet (a new pool)." };
        var names = new Option<string?>("--names") { Description = "With --template: a file of more text names (file names, or Body IDs of an FNC-1 bodies file), one per line: the texts of a new pool." };
        var threshold = new Option<double?>("--threshold") { Description = "Score (or with --template, list) the claims from this confidence instead of what the brief shows (the claims model's shown threshold)." };
        var command = new Command("claims", "Precision of the statements the brief shows: holder, stance and content right, on texts a reader judged (--judged), or holder and content borne out by an attribution annotation (--data).") { judgedFile, data, part, texts, errors, template, names, threshold };
        command.SetAction((parse, cancel) =>
        {
            var ctx = context.Value;
            if (parse.GetValue(data) is { } directory)
            {
                var articles = QuoteEvaluation.Part(QuoteEvaluation.ReadPolnear(directory), parse.GetValue(part)!);
                ctx.Error.WriteLine($"{articles.Count:N0} articles ({parse.GetValue(part)})");
                var read = articles.Select(a => (a, Document: ctx.Pipeline.Process(new Document(a.Text), cancel))).ToList();
                var curve = AttributedClaimEvaluation.Score([.. read.Select(r => (r.a.Attributions, (IReadOnlyList<ClaimData>)r.Document.Get(Layers.Claims)))],
                    ConfidenceTrainer.Thresholds(0.5));
                ctx.Output.WriteLine(AttributedClaimEvaluation.Format(curve, ClaimComponent.ShownConfidence));
                var from = parse.GetValue(threshold) ?? ClaimComponent.ShownConfidence;
                foreach (var (article, document, claim) in read.SelectMany(r => r.Document.Get(Layers.Claims)
                             .Where(c => c.Confidence >= from && !AttributedClaimEvaluation.Verdict(r.a.Attributions, c)).Select(c => (r.a, r.Document, c))).Take(parse.GetValue(errors)))
                {
                    ctx.Output.WriteLine(Printable.Escape(FormattableString.Invariant(
                        $"not borne out: {article.Name}:{claim.Span.Start} {JudgedClaimEvaluation.HolderOf(document, claim) ?? "-"} ({claim.Stance}) \"{document.GetText(claim.Span)}\" ({claim.Confidence:F2})")));
                }

                return Task.FromResult(ExitCodes.Success);
            }

            if (parse.GetValue(judgedFile) is not { } judgedPath)
            {
                ctx.Fail("eval claims needs --judged FILE (with --texts) or --data DIR");
                return Task.FromResult(ExitCodes.Failure);
            }

            if (OpenJudgedTexts(ctx, parse.GetValue(texts)) is not { } source)
            {
                return Task.FromResult(ExitCodes.Failure);
            }

            Document Analyse(string name) => ctx.Pipeline.Process(source.Load(name), cancel);
            if (parse.GetValue(template) is { } templatePath)
            {
                var known = File.Exists(judgedPath) ? JudgedClaimEvaluation.Read(judgedPath) : [];
                var open = JudgedClaimEvaluation.Unjudged(known, PoolNames(parse.GetValue(names)), Analyse, parse.GetValue(threshold) ?? ClaimComponent.ShownConfidence);
                WriteTemplate(ctx, templatePath, "claims", open.Select(c => (JudgedClaimEvaluation.TemplateLine(c, ""),
                    FormattableString.Invariant($"{c.Text}:{c.Start} {c.Holder ?? "-"}{(c.HolderAs is { } a && a != c.Holder ? $" (as '{a}')" : "")} ({c.Stance}{(c.Modality is { } m ? ", " + m : "")}) \"{c.Content}\" ({c.Confidence:F2})"), c.Sentence)));
                return Task.FromResult(ExitCodes.Success);
            }

            var scores = JudgedClaimEvaluation.Run(JudgedClaimEvaluation.Read(judgedPath), Analyse, parse.GetValue(threshold) ?? ClaimComponent.ShownConfidence);
            ctx.Output.Write(JudgedClaimEvaluation.Format(scores, parse.GetValue(errors)));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>The texts of a judged pool, or null after a clear error.</summary>
    private static JudgedTexts? OpenJudgedTexts(CliContext ctx, string? path)
    {
        if (path is null)
        {
            ctx.Fail("--judged needs --texts, the folder of the judged texts (or an FNC-1 bodies file)");
            return null;
        }

        return JudgedTexts.Open(path);
    }

    /// <summary>The text names a --names file lists, one per line; none without one.</summary>
    private static IEnumerable<string> PoolNames(string? path) =>
        path is null ? [] : File.ReadAllLines(path).Select(n => n.Trim()).Where(n => n.Length > 0);

    /// <summary>Writes the judgment lines of the unjudged items to <paramref name="path"/> and prints each with its sentence, escaped for the terminal.</summary>
    private static void WriteTemplate(CliContext ctx, string path, string items, IEnumerable<(string Line, string Heading, string Sentence)> open)
    {
        var list = open.ToList();
        File.WriteAllLines(path, list.Select(o => o.Line));
        foreach (var (_, heading, sentence) in list)
        {
            ctx.Output.WriteLine(Printable.Escape(heading));
            ctx.Output.WriteLine("    " + Printable.Escape(sentence.ReplaceLineEndings(" ")));
        }

        ctx.Output.WriteLine(FormattableString.Invariant($"{list.Count} {items} no one judged written to {path}: set \"right\" (and \"sample\", \"why\") and append them to the pool"));
    }
}
