using System.Globalization;

namespace Dossier.Analysis;

/// <summary>A document that carried a statement: which, from which outlet, when published.</summary>
/// <param name="Document">The document id.</param>
/// <param name="Outlet">The outlet, where the document says.</param>
/// <param name="Published">The publication date, where known.</param>
/// <param name="PublishedTime">The time of day, where stated.</param>
public sealed record Carrier(string Document, string? Outlet, DateOnly? Published, TimeOnly? PublishedTime)
{
    /// <summary>The publication moment as text: <c>2025-03-05</c> or <c>2025-03-05T14:30</c>; null when unknown.</summary>
    public string? When => Published is not { } date ? null
        : PublishedTime is { } time ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T" + time.ToString("HH:mm", CultureInfo.InvariantCulture)
        : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// One statement: the same holder saying nearly the same words, however many outlets carried it.
/// Re-reporting is not confirmation: a quote reprinted by six outlets is one statement with six carriers.
/// </summary>
/// <typeparam name="T">A claim or a quote.</typeparam>
/// <param name="HolderKey">Who said it: an entity id, else the holder's words as written (lower-cased).</param>
/// <param name="Holder">Who said it, for a reader.</param>
/// <param name="Items">The claims or quotes that carry it, in input order.</param>
/// <param name="Carriers">The documents that carried it, earliest publication first (unknown dates last; ties in the order of the items).</param>
public sealed record Statement<T>(string HolderKey, string Holder, IReadOnlyList<T> Items, IReadOnlyList<Carrier> Carriers)
{
    /// <summary>Who reported it first, when the earliest carrier's date is known and no other carrier shares it; else null.</summary>
    public Carrier? FirstReporter => Carriers.Count > 0 && Carriers[0].Published is not null
        && (Carriers.Count == 1 || Carriers[1].Published != Carriers[0].Published || (Carriers[0].PublishedTime is { } a && Carriers[1].PublishedTime is { } b && a < b))
        ? Carriers[0] : null;
}

/// <summary>Finds statements: items of one holder whose words nearly agree (<see cref="SameWords"/>), carried by one or more documents.</summary>
internal static class ReReporting
{
    /// <summary>The share of content words two texts must share (Jaccard) to be the same statement.</summary>
    public const double SameWords = 0.5;

    /// <summary>The statements among <paramref name="items"/>, in the order of their first item.</summary>
    public static IReadOnlyList<Statement<T>> Statements<T>(
        IReadOnlyList<T> items, Func<T, string> document, Func<T, (string Key, string Label)> holder, Func<T, string> text, IReadOnlyDictionary<string, Document> documents)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(documents);
        var sets = new UnionFind(items.Count);
        var words = items.Select(i => Words(text(i))).ToList();
        foreach (var byHolder in Enumerable.Range(0, items.Count).GroupBy(k => holder(items[k]).Key, StringComparer.Ordinal))
        {
            foreach (var (x, y) in Candidates([.. byHolder], words))
            {
                if (Jaccard(words[x], words[y]) >= SameWords)
                {
                    sets.Union(x, y);
                }
            }
        }

        return [.. Enumerable.Range(0, items.Count).GroupBy(sets.Find).Select(g =>
        {
            // A stable sort: carriers of one moment stay in the order their items come in.
            var members = g.Select(k => items[k]).ToList();
            var carriers = members.Select(document).Distinct(StringComparer.Ordinal)
                .Select(id => CarrierOf(documents[id]))
                .OrderBy(c => c.Published ?? DateOnly.MaxValue).ThenBy(c => c.PublishedTime ?? TimeOnly.MinValue)
                .ToList();
            var (key, label) = holder(members[0]);
            return new Statement<T>(key, label, members, carriers);
        })];
    }

    /// <summary>The document as a carrier: id, outlet, publication date and time.</summary>
    public static Carrier CarrierOf(Document d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new Carrier(d.Id, d.Metadata.Outlet, d.Metadata.Published, d.Metadata.PublishedTime);
    }

    /// <summary>Who holds a claim, as a key and a label: the entity when linked, else the words as written.</summary>
    public static (string Key, string Label) HolderOf(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return (KeyOf(claim.Holder, claim.HolderText), claim.HolderLabel);
    }

    /// <summary>Who spoke a quote, as a key and a label.</summary>
    public static (string Key, string Label) SpeakerOf(Quote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return (KeyOf(quote.Speaker, quote.SpeakerText), quote.SpeakerLabel);
    }

    private static string KeyOf(EntityRef? entity, string? text) => entity?.Id ?? "text:" + (text ?? "unattributed").ToLowerInvariant();

    /// <summary>The text's words of three or more letters or digits, lower-cased.</summary>
    private static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = 0;
        for (var k = 0; k <= text.Length; k++)
        {
            if (k == text.Length || !char.IsLetterOrDigit(text[k]))
            {
                if (k - start >= 3)
                {
                    words.Add(text[start..k].ToLowerInvariant());
                }

                start = k + 1;
            }
        }

        return words;
    }

    /// <summary>
    /// The pairs of one holder's items that can reach <see cref="SameWords"/>, by prefix filtering:
    /// with each item's words ordered rarest first, two items whose Jaccard reaches the threshold
    /// share a word among the first |words| − ⌈t·|words|⌉ + 1 of each, so only items sharing such a
    /// word are compared (one holder quoted thousands of times is not compared all against all).
    /// </summary>
    private static HashSet<(int, int)> Candidates(List<int> members, List<HashSet<string>> words)
    {
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in members.SelectMany(k => words[k]))
        {
            frequency[w] = frequency.GetValueOrDefault(w) + 1;
        }

        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var pairs = new HashSet<(int, int)>();
        foreach (var k in members)
        {
            var ordered = words[k].OrderBy(w => frequency[w]).ThenBy(w => w, StringComparer.Ordinal).ToList();
            var prefix = ordered.Count - (int)Math.Ceiling(SameWords * ordered.Count) + 1;
            foreach (var w in ordered.Take(prefix))
            {
                if (postings.TryGetValue(w, out var earlier))
                {
                    foreach (var other in earlier)
                    {
                        pairs.Add((other, k));
                    }

                    earlier.Add(k);
                }
                else
                {
                    postings[w] = [k];
                }
            }
        }

        return pairs;
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count + b.Count == 0)
        {
            return 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = 0;
        foreach (var w in small)
        {
            shared += large.Contains(w) ? 1 : 0;
        }

        return (double)shared / (a.Count + b.Count - shared);
    }
}
