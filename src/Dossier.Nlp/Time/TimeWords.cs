using System.Globalization;
using Dossier.Text;

namespace Dossier.Nlp.Time;

/// <summary>The word classes of <c>time-words.tsv</c>: each class maps lower-cased words to a value (empty when the entry has none).</summary>
internal sealed class TimeWords
{
    private readonly Dictionary<string, Dictionary<string, string>> _classes;

    private TimeWords(Dictionary<string, Dictionary<string, string>> classes) => _classes = classes;

    /// <summary>The shipped word lists.</summary>
    public static TimeWords Default { get; } = Load(DataFile.ReadEmbedded(typeof(TimeWords).Assembly, "Dossier.Nlp.Time.time-words.tsv"));

    /// <summary>Reads the classes from data-file rows (CLASS, then space-separated WORD or WORD=VALUE entries).</summary>
    public static TimeWords Load(IReadOnlyList<string[]> rows)
    {
        var classes = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Length < 2)
            {
                throw new FormatException($"time-words: class '{row[0]}' has no entries");
            }

            var words = classes.TryGetValue(row[0], out var existing) ? existing : classes[row[0]] = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in row[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = entry.LastIndexOf('=');
                var (word, value) = eq > 0 ? (entry[..eq], entry[(eq + 1)..]) : (entry, string.Empty);
                words[word.Replace('_', ' ')] = value;
            }
        }

        return new TimeWords(classes);
    }

    /// <summary>The value of <paramref name="word"/> in <paramref name="cls"/>, or null when the class does not have it.</summary>
    public string? Get(string cls, string word) =>
        _classes.TryGetValue(cls, out var words) && words.TryGetValue(word, out var value) ? value : null;

    /// <summary>The words of <paramref name="cls"/> (none when there is no such class).</summary>
    public IEnumerable<string> WordsOf(string cls) =>
        _classes.TryGetValue(cls, out var words) ? words.Keys : [];

    /// <summary>True when <paramref name="cls"/> has <paramref name="word"/>.</summary>
    public bool Is(string cls, string word) => Get(cls, word) is not null;

    /// <summary>The integer value of <paramref name="word"/> in <paramref name="cls"/>, or null.</summary>
    public int? Int(string cls, string word) =>
        Get(cls, word) is { } v && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
