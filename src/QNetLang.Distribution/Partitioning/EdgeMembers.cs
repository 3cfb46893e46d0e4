namespace QNetLang.Distribution.Partitioning;

/// <summary>
/// Hyperedges compared by their member lists (owner first, then the others in order), to merge
/// identical edges into one weighted edge without building a string key for each.
/// </summary>
internal sealed class EdgeMembers : IEqualityComparer<int[]>
{
    public static readonly EdgeMembers Comparer = new();

    public bool Equals(int[]? x, int[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

    public int GetHashCode(int[] members)
    {
        var hash = new HashCode();
        foreach (int v in members) hash.Add(v);
        return hash.ToHashCode();
    }
}
