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
        internal long[] OrderKeys = [];
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
                OrderKeys = new long[vertices];
            }
            if (Gates.Length < 2 * interactions) Gates = new int[2 * interactions];
            if (DetachedAt.Length < interactions) DetachedAt = new int[interactions];
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
        SortByDropPriority(order.AsSpan(0, candidates), buffers.OrderKeys, weights, start);
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
    /// Heaviest first, then fewest gates served, then by number: a total order, so the sort is
    /// deterministic. Packed into one 64-bit key per vertex when the numbers fit (a plain
    /// integer sort, several times faster than a comparison delegate), else compared.
    /// </summary>
    private static void SortByDropPriority(Span<int> order, long[] keys, long[] weights, int[] start)
    {
        const int bits = 21;
        const long limit = 1L << bits;
        long maxWeight = 0;
        bool packable = true;
        foreach (int v in order)
        {
            maxWeight = Math.Max(maxWeight, weights[v]);
            packable &= v < limit && start[v + 1] - start[v] < limit;
        }
        packable &= maxWeight < limit;
        if (!packable)
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
        var packed = keys.AsSpan(0, order.Length);
        for (int j = 0; j < order.Length; j++)
        {
            int v = order[j];
            packed[j] = ((maxWeight - weights[v]) << (2 * bits)) | ((long)(start[v + 1] - start[v]) << bits) | (long)v;
        }
        packed.Sort();
        for (int j = 0; j < order.Length; j++) order[j] = (int)(packed[j] & (limit - 1));
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
