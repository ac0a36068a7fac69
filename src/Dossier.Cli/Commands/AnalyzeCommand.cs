using System.CommandLine;
using Dossier.Analysis;
using Dossier.Analysis.Reporting;
using Dossier.Storage.Sqlite;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier analyze PATH... [--format markdown|html|json] [--db FILE] [--output FILE]</c>.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(Lazy<CliContext> context)
    {
        var paths = CommonOptions.Paths();
        var offline = CommonOptions.Offline();
        var limits = CommonOptions.Limits();
        var format = new Option<string>("--format", "-f")
        {
            Description = "markdown: a brief to read; html: the brief as one self-contained page, every citation a link to its paragraph; json: the analysis contract (ANALYSIS-JSON.md).",
            DefaultValueFactory = _ => "markdown",
        };
        format.AcceptOnlyFromAmong("markdown", "html", "json");
        var db = CommonOptions.Db("Also keep the documents in this SQLite file (created if missing). Without it nothing is stored.");
        var output = new Option<string?>("--output", "-o") { Description = "Write the result to this file instead of standard output." };
        var command = new Command("analyze", "Read articles and print what they say: a brief, or the analysis as JSON.")
        {
            paths, format, db, output, offline,
        };
        limits.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            context.Value,
            parse.GetRequiredValue(paths),
            parse.GetValue(format)!,
            parse.GetValue(db),
            parse.GetValue(output),
            parse.GetValue(offline),
            limits.Read(parse),
            cancellationToken)));
        return command;
    }

    private static int Run(CliContext ctx, string[] paths, string format, string? dbPath, string? outputPath, bool offline, DocumentLimits limits, CancellationToken cancellationToken)
    {
        if (outputPath is not null && OutputFile.Problem(outputPath) is { } unwritable)
        {
            return ctx.Fail(unwritable, ExitCodes.OutputFailed);
        }

        using var files = new InputFiles(ctx, paths);
        if (!files.Any())
        {
            return ctx.Fail("no input files found in " + files.Describe());
        }

        using var store = dbPath is null ? null : SqliteDocumentStore.Open(dbPath);
        var documents = new List<Document>();
        var failures = new List<InputFailure>();
        foreach (var outcome in ctx.ReaderFor(offline, limits).Run(files, cancellationToken))
        {
            if (outcome.Document is { } document)
            {
                documents.Add(document);
                store?.Add(document);
            }
            else
            {
                failures.Add(ctx.ReportFailure(outcome));
            }
        }

        if (documents.Count == 0)
        {
            return ctx.Fail("no input could be read (each is named above); no brief was written");
        }

        var analysis = new CorpusAnalysis(documents, failures, ctx.Pipeline.Adds, ctx.Kb, ctx.Stance);
        if (outputPath is null)
        {
            Write(ctx.Output, analysis, format);
        }
        else if (OutputFile.Write(outputPath, file => Write(file, analysis, format)) is { } problem)
        {
            return ctx.Fail(problem, ExitCodes.OutputFailed);
        }

        return CliContext.ExitCodeFor(documents.Count, failures.Count);
    }

    private static void Write(TextWriter writer, CorpusAnalysis analysis, string format)
    {
        if (format == "json")
        {
            // The JSON is written as UTF-8 bytes and copied to the writer a buffer at a time: no
            // second copy of the whole output as one string.
            using var ms = new MemoryStream();
            AnalysisJsonWriter.Write(ms, analysis);
            ms.Position = 0;
            using (var json = new StreamReader(ms, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true))
            {
                var buffer = new char[1 << 16];
                int read;
                while ((read = json.Read(buffer, 0, buffer.Length)) > 0)
                {
                    writer.Write(buffer, 0, read);
                }
            }

            writer.WriteLine();
        }
        else if (format == "html")
        {
            HtmlBriefWriter.Write(writer, analysis);
        }
        else
        {
            MarkdownBriefWriter.Write(writer, analysis);
        }

        writer.Flush();
    }
}
