namespace Dossier.Cli;

/// <summary>The exit codes of the dossier command.</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;

    /// <summary>Nothing could be done: a usage error, no readable input, or a store that cannot be opened.</summary>
    public const int Failure = 1;

    /// <summary>Some inputs could not be read (each named on stderr); the rest were processed.</summary>
    public const int PartialFailure = 3;

    /// <summary>
    /// The result could not be written to the <c>--output</c> file: its folder is missing, it is a
    /// folder, or writing failed (disk full, no permission). An existing file is left unchanged.
    /// </summary>
    public const int OutputFailed = 4;
}
