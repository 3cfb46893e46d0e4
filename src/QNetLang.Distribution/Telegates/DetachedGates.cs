namespace QNetLang.Distribution.Telegates;

/// <summary>
/// Detached gates (pytket-dqc's term): a remote gate between a (on A) and b (on B) may also run
/// on a third node C where copies of both a's and b's runs are open anyway, since it acts
/// diagonally on both in their runs' bases. After the exact cover, a copy whose every gate can
/// be served that way (or by the copy on the other side, when that one is chosen too) is
/// dropped, heaviest first and, among equals, those serving fewest gates first (they are the
/// easiest to do without, and dropping them locks fewer others). The copies a dropped one relies on are locked, so a later drop never
/// takes away what an earlier one counted on. A heuristic on top of the exact bipartite cover:
/// with detached gates the problem is no longer a vertex cover.
/// </summary>
internal static class DetachedGates
{
    /// <summary>What the cover looks like to this pass: per interaction its operands' nodes and cover vertices, per vertex (the first <see cref="VertexCount"/>) its weight and whether it is chosen; <see cref="VertexOfKey"/> maps a vertex key to its vertex (−1: none).</summary>
    public sealed record Cover(
        InteractionModel.Interaction[] Interactions,
        int[] NodeA,
        int[] NodeB,
        int[] SideA,
        int[] SideB,
        int[] VertexOfKey,
        int VertexCount,
        long[] Weights,
        bool[] Chosen,
        int NodeCount,
        int[] CommQubits);

    /// <summary>
    /// Scratch arrays kept between calls: the partitioner runs this pass on every exact cost it
    /// evaluates, and allocating them each time was a large part of its cost. Not thread-safe.
    /// </summary>
    public sealed class Buffers
    {
        internal int[] Start = [];
        internal int[] Fill = [];
        internal int[] Gates = [];
        internal bool[] Locked = [];
        internal int[] Order = [];
        private int[] _sorted = [];
        private int[] _counts = [];
        internal int[] DetachedAt = [];
        internal readonly List<(int Gate, int Other, int Node, int ViaA, int ViaB)> Plan = new();

        internal void Prepare(int vertices, int interactions)
        {
            if (Start.Length < vertices + 1)
            {
                Start = new int[vertices + 1];
                Fill = new int[vertices + 1];
                Locked = new bool[vertices];
                Order = new int[vertices];
            }
            if (Gates.Length < 2 * interactions) Gates = new int[2 * interactions];
            if (DetachedAt.Length < interactions) DetachedAt = new int[interactions];
        }

        /// <summary>The counting sort's buckets, the first <paramref name="length"/> zeroed.</summary>
        internal Span<int> Counts(int length)
        {
            if (_counts.Length < length) _counts = new int[Math.Max(length, 2 * _counts.Length)];
            var counts = _counts.AsSpan(0, length);
            counts.Clear();
            return counts;
        }

        /// <summary>The counting sort's output.</summary>
        internal Span<int> Sorted(int length)
        {
            if (_sorted.Length < length) _sorted = new int[Math.Max(length, 2 * _sorted.Length)];
            return _sorted.AsSpan(0, length);
        }
    }

    /// <summary>
    /// Drops what it can from <see cref="Cover.Chosen"/>; returns the saving and, per interaction,
    /// the third node it now runs on (−1: none). The array is <paramref name="buffers"/>' own
    /// (its first <c>Interactions.Length</c> entries), valid until the next call.
    /// </summary>
    public static (long Saved, int[] DetachedAt) Reduce(Cover cover, Buffers buffers)
    {
        int n = cover.VertexCount;
        var interactions = cover.Interactions;
        int count = interactions.Length;
        var sideA = cover.SideA;
        var sideB = cover.SideB;
        var chosen = cover.Chosen;
        var weights = cover.Weights;
        buffers.Prepare(n, count);
        var detachedAt = buffers.DetachedAt;
        Array.Fill(detachedAt, -1, 0, count);
        if (cover.NodeCount < 3) return (0, detachedAt);

        // The interactions each vertex may serve, as one flat array with offsets.
        var start = buffers.Start;
        Array.Clear(start, 0, n + 1);
        for (int i = 0; i < count; i++)
        {
            if (sideA[i] >= 0) start[sideA[i] + 1]++;
            if (sideB[i] >= 0) start[sideB[i] + 1]++;
        }
        for (int v = 0; v < n; v++) start[v + 1] += start[v];
        var gates = buffers.Gates;
        var fill = buffers.Fill;
        Array.Copy(start, fill, n + 1);
        for (int i = 0; i < count; i++)
        {
            if (sideA[i] >= 0) gates[fill[sideA[i]]++] = i;
            if (sideB[i] >= 0) gates[fill[sideB[i]]++] = i;
        }

        var locked = buffers.Locked;
        Array.Clear(locked, 0, n);
        var plan = buffers.Plan;
        long saved = 0;
        var order = buffers.Order;
        int candidates = 0;
        for (int v = 0; v < n; v++)
            if (chosen[v] && weights[v] > 0) order[candidates++] = v;
        SortByDropPriority(order.AsSpan(0, candidates), buffers, weights, start);
        foreach (int v in order.AsSpan(0, candidates))
        {
            if (locked[v]) continue;
            plan.Clear();
            bool dispensable = true;
            for (int j = start[v]; j < start[v + 1] && dispensable; j++)
            {
                int i = gates[j];
                if (detachedAt[i] >= 0) continue;
                int other = sideA[i] == v ? sideB[i] : sideA[i];
                if (other < 0) dispensable = false;
                else if (chosen[other]) plan.Add((i, other, -1, -1, -1));
                else if (ThirdNode(cover, i) is { } third) plan.Add((i, -1, third.Node, third.ViaA, third.ViaB));
                else dispensable = false;
            }
            if (!dispensable) continue;
            chosen[v] = false;
            saved += weights[v];
            foreach (var (gate, other, node, viaA, viaB) in plan)
            {
                if (other >= 0)
                {
                    locked[other] = true;
                    continue;
                }
                detachedAt[gate] = node;
                locked[viaA] = locked[viaB] = true;
            }
        }
        return (saved, detachedAt);
    }

    /// <summary>
    /// Heaviest first, then fewest gates served, then by number: a total order, so the result is
    /// deterministic. <paramref name="order"/> arrives in increasing vertex number, so a stable
    /// counting sort over (weight, gates served) gives the order in time linear in the vertices
    /// when those ranges are small, as they are (hop counts and gates per copy); it ran on every
    /// exact cost the partitioner evaluates, where a comparison sort was a seventh of the time.
    /// Wide ranges fall back to a comparison sort of the same order.
    /// </summary>
    internal static void SortByDropPriority(Span<int> order, Buffers buffers, long[] weights, int[] start)
    {
        if (order.Length < 2) return;
        long minWeight = long.MaxValue, maxWeight = long.MinValue;
        int maxServed = 0;
        foreach (int v in order)
        {
            minWeight = Math.Min(minWeight, weights[v]);
            maxWeight = Math.Max(maxWeight, weights[v]);
            maxServed = Math.Max(maxServed, start[v + 1] - start[v]);
        }
        long buckets = (maxWeight - minWeight + 1) * (maxServed + 1);
        if (buckets > 4L * order.Length + 64)
        {
            order.Sort((x, y) =>
            {
                int c = weights[y].CompareTo(weights[x]);
                if (c != 0) return c;
                c = (start[x + 1] - start[x]).CompareTo(start[y + 1] - start[y]);
                return c != 0 ? c : x.CompareTo(y);
            });
            return;
        }
        int width = maxServed + 1;
        int Bucket(int v) => (int)(maxWeight - weights[v]) * width + start[v + 1] - start[v];
        var counts = buffers.Counts(checked((int)buckets) + 1);
        foreach (int v in order) counts[Bucket(v) + 1]++;
        for (int b = 1; b <= buckets; b++) counts[b] += counts[b - 1];
        var sorted = buffers.Sorted(order.Length);
        foreach (int v in order) sorted[counts[Bucket(v)]++] = v;
        sorted.CopyTo(order);
    }

    /// <summary>The lowest-numbered node other than the operands' own where copies of both runs are chosen and can be open together (two communication qubits).</summary>
    private static (int Node, int ViaA, int ViaB)? ThirdNode(Cover cover, int i)
    {
        var g = cover.Interactions[i];
        if (g.RunA < 0 || g.RunB < 0) return null;
        var vertexOf = cover.VertexOfKey;
        for (int c = 0; c < cover.NodeCount; c++)
        {
            if (c == cover.NodeA[i] || c == cover.NodeB[i] || cover.CommQubits[c] < 2) continue;
            int va = vertexOf[TelegateCover.VertexKey(g.RunA, c, cover.NodeCount)];
            if (va < 0 || !cover.Chosen[va]) continue;
            int vb = vertexOf[TelegateCover.VertexKey(g.RunB, c, cover.NodeCount)];
            if (vb >= 0 && cover.Chosen[vb]) return (c, va, vb);
        }
        return null;
    }
}
