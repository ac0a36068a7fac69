using System.CommandLine;

namespace Dossier.Cli.Commands;

/// <summary>Arguments and options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Argument<string[]> Paths() => new("paths")
    {
        Description = "Files or folders (read recursively) of articles saved as text.",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<string?> Db(string description, bool required = false) => new("--db")
    {
        Description = description,
        Required = required,
    };
}
