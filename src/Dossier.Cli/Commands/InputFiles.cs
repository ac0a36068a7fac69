using Dossier.Extraction.Ingestion;
using Dossier.Text;

namespace Dossier.Cli.Commands;

/// <summary>The files a command reads: the paths expanded, with what was not read reported on stderr.</summary>
internal static class InputFiles
{
    /// <summary>Expands the paths; each file, folder or link left out is a <c>dossier: warning:</c> line.</summary>
    public static List<string> Expand(CliContext ctx, IEnumerable<string> paths)
    {
        var report = new InputPathReport();
        var files = new InputPaths(report.Add).Expand(paths).ToList();
        foreach (var line in report.Lines())
        {
            ctx.Error.WriteLine($"dossier: warning: {line}");
        }

        return files;
    }

    /// <summary>The paths as one line, safe to print.</summary>
    public static string Describe(IEnumerable<string> paths) => Printable.Escape(string.Join(", ", paths));
}
