using System.Collections.Concurrent;

namespace Dossier.Nlp.Ner;

/// <summary>
/// A thread-safe memo from strings to values that stops growing at a capacity: a cache of pure
/// computations (word shapes, a word's features and scores) that changes no result. It counts
/// its own entries, because <see cref="ConcurrentDictionary{TKey, TValue}.Count"/> takes every lock.
/// </summary>
internal sealed class BoundedMemo<TValue>
{
    private readonly ConcurrentDictionary<string, TValue> _items = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> _spans;
    private readonly int _capacity;
    private int _count;

    public BoundedMemo(int capacity)
    {
        _capacity = capacity;
        _spans = _items.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The value kept for a key, if any.</summary>
    public bool TryGet(string key, out TValue value) => _items.TryGetValue(key, out value!);

    /// <summary>The value kept for a key given as characters, if any.</summary>
    public bool TryGet(ReadOnlySpan<char> key, out TValue value) => _spans.TryGetValue(key, out value!);

    /// <summary>Keeps <paramref name="value"/> under <paramref name="key"/> while there is room; returns the value kept (another thread's, when it added the key first).</summary>
    public TValue Keep(string key, TValue value)
    {
        if (Volatile.Read(ref _count) >= _capacity)
        {
            return value;
        }

        if (_items.TryAdd(key, value))
        {
            Interlocked.Increment(ref _count);
            return value;
        }

        return _items.TryGetValue(key, out var kept) ? kept : value;
    }
}
