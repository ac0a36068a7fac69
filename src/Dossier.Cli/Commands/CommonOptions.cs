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

    /// <summary>The per-document limits (<see cref="DocumentLimits"/>) as options of a command.</summary>
    public static LimitOptions Limits() => new();
}

/// <summary>--max-seconds, --max-items and --max-output-mb: what one document may cost before it fails alone.</summary>
internal sealed class LimitOptions
{
    private readonly Option<double> _seconds = new("--max-seconds")
    {
        Description = $"Wall time for reading and annotating one document; a slower one fails alone (0: no limit). Default {DocumentLimits.Default.MaxTime.TotalSeconds:0}.",
        DefaultValueFactory = _ => DocumentLimits.Default.MaxTime.TotalSeconds,
    };

    private readonly Option<int> _items = new("--max-items")
    {
        Description = $"Findings one layer of a document may hold (mentions, times, quotes, claims, figures, events); a document with more fails alone. Default {DocumentLimits.Default.MaxItems:N0}.",
        DefaultValueFactory = _ => DocumentLimits.Default.MaxItems,
    };

    private readonly Option<double> _output = new("--max-output-mb")
    {
        Description = $"Millions of characters of text one document's findings may cite, which bounds its share of the output; a document that cites more fails alone. Default {DocumentLimits.Default.MaxCitedChars / (1024 * 1024)}.",
        DefaultValueFactory = _ => DocumentLimits.Default.MaxCitedChars / (1024.0 * 1024),
    };

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_seconds);
        command.Options.Add(_items);
        command.Options.Add(_output);
    }

    /// <summary>The limits the options give.</summary>
    public DocumentLimits Read(ParseResult parse)
    {
        var seconds = parse.GetValue(_seconds);
        var items = parse.GetValue(_items);
        var output = parse.GetValue(_output);
        return new DocumentLimits
        {
            MaxTime = seconds <= 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds),
            MaxItems = items <= 0 ? int.MaxValue : items,
            MaxCitedChars = output <= 0 ? long.MaxValue : (long)(output * 1024 * 1024),
        };
    }
}
