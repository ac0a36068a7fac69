namespace Dossier.Analysis;

/// <summary>Disjoint sets over indices 0 … n−1; each set's root is its smallest index.</summary>
internal sealed class UnionFind
{
    private readonly int[] _parent;

    public UnionFind(int n) => _parent = [.. Enumerable.Range(0, n)];

    /// <summary>The root (smallest index) of the set holding <paramref name="i"/>.</summary>
    public int Find(int i)
    {
        while (_parent[i] != i)
        {
            _parent[i] = _parent[_parent[i]];
            i = _parent[i];
        }

        return i;
    }

    /// <summary>Joins the sets of <paramref name="a"/> and <paramref name="b"/>.</summary>
    public void Union(int a, int b)
    {
        var (ra, rb) = (Find(a), Find(b));
        if (ra != rb)
        {
            _parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
