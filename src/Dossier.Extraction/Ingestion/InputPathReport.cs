using Dossier.Text;

namespace Dossier.Extraction.Ingestion;

/// <summary>
/// Collects the <see cref="PathNote"/>s of a path expansion and words them for the user: skipped
/// files summarised (a count per extension and the first few names), every other note on its own
/// line up to a limit. Every line is safe to print (<see cref="Printable.Escape"/>).
/// </summary>
public sealed class InputPathReport
{
    /// <summary>File names shown as examples of skipped files.</summary>
    public const int Examples = 3;

    /// <summary>Notes of one kind other than skipped files shown one by one; the rest are counted.</summary>
    public const int MaxLinesPerKind = 10;

    private readonly List<PathNote> _notes = [];

    /// <summary>The notes collected, in the order they came.</summary>
    internal IReadOnlyList<PathNote> Notes => _notes;

    /// <summary>Adds a note (the callback to give <see cref="InputPaths"/>).</summary>
    public void Add(PathNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        _notes.Add(note);
    }

    /// <summary>The notes as lines for the user, without a prefix.</summary>
    public IEnumerable<string> Lines()
    {
        var skipped = _notes.Where(n => n.Kind == PathNoteKind.SkippedFile).ToList();
        if (skipped.Count > 0)
        {
            yield return Printable.Escape(SkippedLine(skipped));
        }

        foreach (var kind in _notes.Where(n => n.Kind != PathNoteKind.SkippedFile).GroupBy(n => n.Kind))
        {
            foreach (var note in kind.Take(MaxLinesPerKind))
            {
                yield return Printable.Escape($"{note.Path}: {note.Reason}");
            }

            var more = kind.Count() - MaxLinesPerKind;
            if (more > 0)
            {
                yield return $"… and {more:N0} more like the line above";
            }
        }
    }

    private static string SkippedLine(List<PathNote> skipped)
    {
        var counts = skipped.GroupBy(n => Extension(n.Path)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count():N0} {g.Key}");
        var names = string.Join(", ", skipped.Take(Examples).Select(n => n.Path)) + (skipped.Count > Examples ? ", …" : string.Empty);
        var files = skipped.Count == 1 ? "file" : "files";
        return $"skipped {skipped.Count:N0} {files} of kinds Dossier does not read ({string.Join(", ", counts)}): {names}";
    }

    private static string Extension(string path) =>
        Path.GetExtension(path) is { Length: > 0 } extension ? extension.ToLowerInvariant() : "without extension";
}
