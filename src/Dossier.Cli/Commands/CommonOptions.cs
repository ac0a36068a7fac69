using System.CommandLine;

namespace Dossier.Cli.Commands;

/// <summary>Arguments and options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Argument<string[]> Paths() => new("paths")
    {
        Description = "Articles: text (.txt) or HTML (.html, .htm) files, plain or gzip-compressed (.html.gz), folders of them (read recursively; other kinds of files are skipped and listed), RSS/Atom feeds (.rss, .atom, .xml), WARC archives (.warc, .warc.gz), or http(s) URLs of pages or feeds.",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<bool> Offline() => new("--offline")
    {
        Description = "Fetch nothing: URLs fail with a clear error and feed items without full text keep their summary.",
    };

    public static Option<string?> Db(string description, bool required = false) => new("--db")
    {
        Description = description,
        Required = required,
    };
}
