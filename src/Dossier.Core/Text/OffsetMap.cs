namespace Dossier.Text;

/// <summary>
/// Maps offsets in a document's clean text back to offsets in the source it was extracted from
/// (the decoded file or page). The clean text is a sequence of copied source runs joined by
/// characters the extractor inserted (paragraph breaks); an inserted character maps to the
/// source offset where the next copied run starts.
/// </summary>
/// <remarks>The idea is Lucene's <c>CharFilter.CorrectOffset</c>: keep only the runs, not a table per character.</remarks>
public sealed class OffsetMap
{
    private readonly int[] _textStarts;
    private readonly int[] _sourceStarts;
    private readonly int[] _lengths;

    private OffsetMap(int[] textStarts, int[] sourceStarts, int[] lengths, int textLength, int sourceLength)
    {
        _textStarts = textStarts;
        _sourceStarts = sourceStarts;
        _lengths = lengths;
        TextLength = textLength;
        SourceLength = sourceLength;
    }

    /// <summary>The length of the clean text the map starts from.</summary>
    public int TextLength { get; }

    /// <summary>The length of the source the map points into.</summary>
    public int SourceLength { get; }

    /// <summary>The copied runs, in text order.</summary>
    public IEnumerable<(int TextStart, int SourceStart, int Length)> Runs
    {
        get
        {
            for (var i = 0; i < _lengths.Length; i++)
            {
                yield return (_textStarts[i], _sourceStarts[i], _lengths[i]);
            }
        }
    }

    /// <summary>An identity map, for text that is its own source.</summary>
    public static OffsetMap Identity(int length) => new([0], [0], [length], length, length);

    /// <summary>The source offset of a text offset (0 ≤ offset ≤ <see cref="TextLength"/>).</summary>
    public int ToSource(int textOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(textOffset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(textOffset, TextLength);
        if (_lengths.Length == 0)
        {
            return 0;
        }

        var i = Array.BinarySearch(_textStarts, textOffset);
        if (i < 0)
        {
            i = ~i - 1;
        }

        if (i < 0)
        {
            return _sourceStarts[0];
        }

        var within = textOffset - _textStarts[i];
        if (within <= _lengths[i])
        {
            return _sourceStarts[i] + within;
        }

        // An inserted character: point at the start of the next run, or the end of the source.
        return i + 1 < _lengths.Length ? _sourceStarts[i + 1] : SourceLength;
    }

    /// <summary>The source span of a text span.</summary>
    public TextSpan ToSource(TextSpan span) => new(ToSource(span.Start), Math.Max(ToSource(span.Start), ToSource(span.End)));

    /// <summary>Builds a map run by run while the clean text is written.</summary>
    public sealed class Builder
    {
        private readonly List<int> _textStarts = [];
        private readonly List<int> _sourceStarts = [];
        private readonly List<int> _lengths = [];

        /// <summary>Records that <paramref name="length"/> characters at <paramref name="textStart"/> were copied from <paramref name="sourceStart"/>.</summary>
        public void AddRun(int textStart, int sourceStart, int length)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(textStart);
            ArgumentOutOfRangeException.ThrowIfNegative(sourceStart);
            ArgumentOutOfRangeException.ThrowIfNegative(length);
            if (_textStarts.Count > 0 && textStart < _textStarts[^1] + _lengths[^1])
            {
                throw new ArgumentException("Runs must be added in text order without overlap.", nameof(textStart));
            }

            if (length == 0)
            {
                return;
            }

            // Merge runs that continue each other, so an untouched text is a single run.
            if (_textStarts.Count > 0 && textStart == _textStarts[^1] + _lengths[^1] && sourceStart == _sourceStarts[^1] + _lengths[^1])
            {
                _lengths[^1] += length;
                return;
            }

            _textStarts.Add(textStart);
            _sourceStarts.Add(sourceStart);
            _lengths.Add(length);
        }

        /// <summary>Freezes the map.</summary>
        public OffsetMap Build(int textLength, int sourceLength) =>
            new([.. _textStarts], [.. _sourceStarts], [.. _lengths], textLength, sourceLength);
    }
}
