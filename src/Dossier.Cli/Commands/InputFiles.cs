using System.Collections;
using Dossier.Extraction.Ingestion;
using Dossier.Text;

namespace Dossier.Cli.Commands;

/// <summary>
/// The files a command reads, streamed: folders are walked as the reader asks for the next file,
/// so reading starts at once and no list of every path is held. What was not read (skipped files,
/// loops, folders that could not be listed) is reported on stderr as <c>dossier: warning:</c>
/// lines once the walk is over. Enumerate it once.
/// </summary>
internal sealed class InputFiles : IEnumerable<string>, IDisposable
{
    private readonly CliContext _ctx;
    private readonly IReadOnlyList<string> _paths;
    private readonly IEnumerator<string> _walk;
    private bool _peeked;
    private bool _hasFirst;

    /// <summary>Starts (lazily) the walk of <paramref name="paths"/>.</summary>
    public InputFiles(CliContext ctx, IReadOnlyList<string> paths)
    {
        _ctx = ctx;
        _paths = paths;
        _walk = Walk().GetEnumerator();
    }

    /// <summary>How many files the walk has given so far.</summary>
    public int Count { get; private set; }

    /// <summary>Called with each file as the walk gives it (a progress bar's total).</summary>
    public Action<string>? Found { get; set; }

    /// <summary>The paths as one line, safe to print.</summary>
    public string Describe() => Printable.Escape(string.Join(", ", _paths));

    /// <summary>True when the walk gives at least one file (found by walking up to the first one; the warnings of an empty walk are printed).</summary>
    public bool Any()
    {
        if (!_peeked)
        {
            _peeked = true;
            _hasFirst = _walk.MoveNext();
        }

        return _hasFirst;
    }

    /// <inheritdoc/>
    public IEnumerator<string> GetEnumerator()
    {
        if (!Any())
        {
            yield break;
        }

        do
        {
            yield return _walk.Current;
        }
        while (_walk.MoveNext());
    }

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public void Dispose() => _walk.Dispose();

    private IEnumerable<string> Walk()
    {
        var report = new InputPathReport();
        foreach (var file in new InputPaths(report.Add).Expand(_paths))
        {
            Count++;
            Found?.Invoke(file);
            yield return file;
        }

        foreach (var line in report.Lines())
        {
            _ctx.Error.WriteLine($"dossier: warning: {line}");
        }
    }
}
