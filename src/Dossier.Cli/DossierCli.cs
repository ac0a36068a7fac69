using System.CommandLine;
using Dossier.Cli.Commands;

namespace Dossier.Cli;

/// <summary>Builds and runs the dossier command line.</summary>
internal static class DossierCli
{
    /// <summary>Runs the command line with the given output and error writers; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        var context = new Lazy<CliContext>(() => new CliContext(output, error, interactive));
        var root = new RootCommand("Dossier: a sourced, checkable picture of a news story from many outlets.")
        {
            AnalyzeCommand.Create(context),
            IngestCommand.Create(context),
            ShowCommand.Create(context),
            TrainCommand.Create(context),
            BuildCommand.Create(context),
            EvalCommand.Create(context),
            BenchCommand.Create(context),
        };
        var parse = root.Parse(args);
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (DossierException ex)
        {
            var where = ex.DocumentSource is null ? string.Empty : $"{ex.DocumentSource}: ";
            await error.WriteLineAsync($"dossier: error: {Dossier.Text.Printable.Escape(where + ex.Message)} [{ex.Code}]").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}
