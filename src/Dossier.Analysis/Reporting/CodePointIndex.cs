namespace Dossier.Analysis.Reporting;

/// <summary>
/// Converts a text's UTF-16 offsets (what .NET and JavaScript index by) to Unicode code point
/// offsets (what Python's <c>str</c> indexes by): each surrogate pair before an offset is one code
/// point but two code units. Built once per text; each conversion is a binary search.
/// </summary>
internal sealed class CodePointIndex
{
    private readonly int[] _pairEnds;

    /// <summary>Indexes <paramref name="text"/>'s surrogate pairs.</summary>
    public CodePointIndex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ends = new List<int>();
        for (var k = 1; k < text.Length; k++)
        {
            if (char.IsSurrogatePair(text[k - 1], text[k]))
            {
                ends.Add(k);
                k++;
            }
        }

        _pairEnds = [.. ends];
    }

    /// <summary>The code point offset of UTF-16 offset <paramref name="utf16"/>: less by one for every surrogate pair that ends before it.</summary>
    public int At(int utf16)
    {
        if (_pairEnds.Length == 0)
        {
            return utf16;
        }

        var k = Array.BinarySearch(_pairEnds, utf16);
        return utf16 - (k >= 0 ? k : ~k);
    }
}
