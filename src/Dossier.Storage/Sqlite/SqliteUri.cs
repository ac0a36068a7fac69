using System.Text;

namespace Dossier.Storage.Sqlite;

/// <summary>SQLite URI file names (<c>file:/path?immutable=1</c>), for what a plain path cannot say.</summary>
internal static class SqliteUri
{
    /// <summary>The URI that opens <paramref name="fullPath"/> as immutable: read without locks, and without creating a -wal or -shm file.</summary>
    public static string Immutable(string fullPath) => "file:" + Escape(fullPath) + "?immutable=1";

    /// <summary>The path percent-encoded byte by byte (UTF-8), all but unreserved characters and '/'.</summary>
    private static string Escape(string path)
    {
        var sb = new StringBuilder(path.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '.' or '_' or '~')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }
}
