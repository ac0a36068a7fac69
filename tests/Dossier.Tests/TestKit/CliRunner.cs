using Dossier.Cli;

namespace Dossier.Tests.TestKit;

/// <summary>Runs the dossier command in-process with captured output.</summary>
public static class CliRunner
{
    /// <summary>The exit code, standard output and standard error of <c>dossier ARGS…</c>.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = DossierCli.RunAsync(args, output, error).GetAwaiter().GetResult();
        return (code, output.ToString(), error.ToString());
    }
}
