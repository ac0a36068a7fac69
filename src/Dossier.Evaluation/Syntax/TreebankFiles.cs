namespace Dossier.Evaluation.Syntax;

/// <summary>
/// Documents of a treebank: a CoNLL-U file or a folder of them, filtered by file name and by a
/// split list (e.g. GUM's training documents of some genres). Used to train on more than one
/// treebank and to score a split kept in a folder.
/// </summary>
public sealed record TreebankFiles
{
    /// <summary>A CoNLL-U file or a folder of <c>*.conllu</c> files.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>A regular expression a file's name must match (all files when absent).</summary>
    public string? Include { get; init; }

    /// <summary>
    /// A Markdown file listing documents by split, e.g. GUM's <c>splits.md</c>: when given, only the
    /// documents named (file name without extension) under the heading <see cref="Section"/> are kept.
    /// </summary>
    public string? ListedIn { get; init; }

    /// <summary>The heading of <see cref="ListedIn"/> whose documents are kept, e.g. <c>train</c>.</summary>
    public string Section { get; init; } = "train";

    /// <summary>The sentences of the files kept, in file-name order, and the files' names.</summary>
    public (List<ConlluSentence> Sentences, List<string> Files) Read(string baseDirectory)
    {
        var path = Dossier.Text.DataFile.Resolve(baseDirectory, Path);
        var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.conllu").Order(StringComparer.Ordinal).ToList() : [path];
        var include = Include is null ? null : new System.Text.RegularExpressions.Regex(Include, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var listed = ListedIn is null ? null : Listed(File.ReadAllLines(Dossier.Text.DataFile.Resolve(baseDirectory, ListedIn)), Section);
        var kept = files.Where(f => (include?.IsMatch(System.IO.Path.GetFileName(f)) ?? true) && (listed?.Contains(System.IO.Path.GetFileNameWithoutExtension(f)) ?? true)).ToList();
        return ([.. kept.SelectMany(Conllu.ReadFile)], [.. kept.Select(f => System.IO.Path.GetFileNameWithoutExtension(f))]);
    }

    /// <summary>The words of the list items under a Markdown heading (<c>## name</c>) up to the next heading.</summary>
    internal static HashSet<string> Listed(IEnumerable<string> lines, string section)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var inside = false;
        foreach (var line in lines)
        {
            if (line.StartsWith('#'))
            {
                inside = string.Equals(line.TrimStart('#').Trim(), section, StringComparison.OrdinalIgnoreCase);
            }
            else if (inside && line.TrimStart() is ['*' or '-', .. var item])
            {
                result.Add(item.Trim());
            }
        }

        return result;
    }
}
