namespace QNetLang.Distribution.Partitioning;

/// <summary>
/// Exact costs of placements already evaluated in one partitioning. The local search meets the
/// same placement again and again: swapping v with u and, later in the sweep, u with v give the
/// same placement, and a sweep that improves nothing repeats the previous one's moves. A repeat
/// costs a hash and a comparison instead of a whole cover. The cost is a pure function of the
/// placement, so the search takes exactly the same steps with the memo as without it.
/// </summary>
internal sealed class PlacementCostMemo(PartitionProblem problem)
{
    /// <summary>Qubit entries over all placements kept before the memo starts over (bounds memory to 64 MB; only speed depends on it).</summary>
    private const long MaxStoredQubits = 1 << 24;

    /// <summary>Placements kept: many of a small circuit, few of one with many qubits.</summary>
    private readonly int _maxEntries = (int)Math.Clamp(MaxStoredQubits / Math.Max(1, problem.Variable.Length), 16, 1 << 16);

    private readonly Dictionary<int[], long> _costs = new(PlacementComparer.Instance);

    public long Cost(int[] placement)
    {
        if (_costs.TryGetValue(placement, out long known)) return known;
        long cost = problem.TrueCost(placement);
        if (_costs.Count >= _maxEntries) _costs.Clear();
        _costs[(int[])placement.Clone()] = cost;
        return cost;
    }

    private sealed class PlacementComparer : IEqualityComparer<int[]>
    {
        public static readonly PlacementComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] placement)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(placement.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
