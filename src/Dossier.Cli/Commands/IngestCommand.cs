using System.CommandLine;
using Dossier.Analysis;
using Dossier.Storage;
using Dossier.Storage.Sqlite;
using Spectre.Console;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier ingest PATH... [--db FILE]</c>: read, annotate and store documents, each once.</summary>
internal static class IngestCommand
{
    public static Command Create(Lazy<CliContext> context)
    {
        var paths = CommonOptions.Paths();
        var offline = CommonOptions.Offline();
        var limits = CommonOptions.Limits();
        var db = CommonOptions.Db("The SQLite file to store into (created if missing).");
        db.DefaultValueFactory = _ => "dossier.db";
        var command = new Command("ingest", "Read articles, annotate them and store them; a document already stored is stored once.")
        {
            paths, db, offline,
        };
        limits.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            context.Value,
            parse.GetRequiredValue(paths),
            parse.GetValue(offline),
            limits.Read(parse),
            parse.GetValue(db)!,
            cancellationToken)));
        return command;
    }

    private static int Run(CliContext ctx, string[] paths, bool offline, DocumentLimits limits, string dbPath, CancellationToken cancellationToken)
    {
        using var files = new InputFiles(ctx, paths);
        if (!files.Any())
        {
            return ctx.Fail("no input files found in " + files.Describe());
        }

        using var store = SqliteDocumentStore.Open(dbPath);
        var counts = new Dictionary<StoreOutcome, int> { [StoreOutcome.Added] = 0, [StoreOutcome.AlreadyStored] = 0 };
        var failures = new List<InputFailure>();

        void Consume(Action<string>? progress)
        {
            foreach (var outcome in ctx.ReaderFor(offline, limits).Run(files, cancellationToken))
            {
                if (outcome.Document is { } document)
                {
                    counts[store.Add(document)]++;
                }
                else
                {
                    failures.Add(ctx.ReportFailure(outcome));
                }

                progress?.Invoke(outcome.Source);
            }
        }

        if (ctx.Interactive)
        {
            // The walk runs ahead of the reading, so the bar's total is the files found so far.
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.Progress().AutoClear(true).Start(p =>
            {
                var task = p.AddTask("Ingesting", maxValue: Math.Max(1, files.Count));
                files.Found = _ => task.MaxValue = Math.Max(1, files.Count);
                Consume(_ => task.Increment(1));
            });
        }
        else
        {
            Consume(null);
        }

        ctx.Output.WriteLine(
            $"{files.Count} inputs: {counts[StoreOutcome.Added]} added, {counts[StoreOutcome.AlreadyStored]} already stored, {failures.Count} failed. " +
            $"{store.Count()} documents in {dbPath}.");
        return CliContext.ExitCodeFor(files.Count - failures.Count, failures.Count);
    }
}
