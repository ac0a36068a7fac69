using System.Text;

namespace Dossier.Cli;

/// <summary>
/// The file named by <c>--output</c>: checked before any work is done, written to a temporary
/// file beside it and moved into place only when complete, so an existing file is left as it was
/// when anything fails.
/// </summary>
internal static class OutputFile
{
    /// <summary>Why <paramref name="path"/> cannot be written, or null when it looks writable (its folder exists and it is not a folder).</summary>
    public static string? Problem(string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"cannot write to '{path}': {ex.Message}";
        }

        if (Directory.Exists(full))
        {
            return $"cannot write to '{path}': it is a folder; name a file in it";
        }

        var folder = Path.GetDirectoryName(full);
        return folder is null || Directory.Exists(folder) ? null : $"cannot write to '{path}': the folder '{folder}' does not exist";
    }

    /// <summary>
    /// Writes with <paramref name="write"/> to a temporary file in the same folder, then replaces
    /// <paramref name="path"/> with it; returns null, or the reason it failed (the temporary file is
    /// removed and <paramref name="path"/> is untouched).
    /// </summary>
    public static string? Write(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new StreamWriter(temp, append: false, new UTF8Encoding(false)))
            {
                write(file);
            }

            File.Move(temp, full, overwrite: true);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Remove(temp);
            return $"cannot write to '{path}': {ex.Message}; the file was not changed";
        }
        catch
        {
            Remove(temp);
            throw;
        }
    }

    private static void Remove(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the write's own error is the one to report.
        }
    }
}
