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
    /// <summary>What the cover looks like to this pass: per interaction its operands' nodes and cover vertices, per vertex its weight and whether it is chosen; <see cref="VertexOf"/> maps a vertex key to its vertex (−1: none).</summary>
    public sealed record Cover(
        IReadOnlyList<InteractionModel.Interaction> Interactions,
        int[] NodeA,
        int[] NodeB,
        int[] SideA,
        int[] SideB,
        Func<long, int> VertexOf,
        IReadOnlyList<long> Weights,
        bool[] Chosen,
        int NodeCount,
        int[] CommQubits);

    /// <summary>Drops what it can from <see cref="Cover.Chosen"/>; returns the saving and, per interaction, the third node it now runs on (−1: none).</summary>
    public static (long Saved, int[] DetachedAt) Reduce(Cover cover)
    {
        int n = cover.Weights.Count;
        int count = cover.Interactions.Count;
        var detachedAt = new int[count];
        Array.Fill(detachedAt, -1);
        if (cover.NodeCount < 3) return (0, detachedAt);

        // The interactions each vertex may serve, as one flat array with offsets.
        var start = new int[n + 1];
        for (int i = 0; i < count; i++)
        {
            if (cover.SideA[i] >= 0) start[cover.SideA[i] + 1]++;
            if (cover.SideB[i] >= 0) start[cover.SideB[i] + 1]++;
        }
        for (int v = 0; v < n; v++) start[v + 1] += start[v];
        var gates = new int[start[n]];
        var fill = (int[])start.Clone();
        for (int i = 0; i < count; i++)
        {
            if (cover.SideA[i] >= 0) gates[fill[cover.SideA[i]]++] = i;
            if (cover.SideB[i] >= 0) gates[fill[cover.SideB[i]]++] = i;
        }

        var locked = new bool[n];
        var plan = new List<(int Gate, int Other, int Node, int ViaA, int ViaB)>();
        long saved = 0;
        int candidates = 0;
        for (int v = 0; v < n; v++)
            if (cover.Chosen[v] && cover.Weights[v] > 0) candidates++;
        var order = new int[candidates];
        candidates = 0;
        for (int v = 0; v < n; v++)
            if (cover.Chosen[v] && cover.Weights[v] > 0) order[candidates++] = v;
        // Heaviest first, then fewest gates served, then by number: a total order, so the sort is deterministic.
        Array.Sort(order, (x, y) =>
        {
            int c = cover.Weights[y].CompareTo(cover.Weights[x]);
            if (c != 0) return c;
            c = (start[x + 1] - start[x]).CompareTo(start[y + 1] - start[y]);
            return c != 0 ? c : x.CompareTo(y);
        });
        foreach (int v in order)
        {
            if (locked[v]) continue;
            plan.Clear();
            bool dispensable = true;
            for (int j = start[v]; j < start[v + 1] && dispensable; j++)
            {
                int i = gates[j];
                if (detachedAt[i] >= 0) continue;
                int other = cover.SideA[i] == v ? cover.SideB[i] : cover.SideA[i];
                if (other < 0) dispensable = false;
                else if (cover.Chosen[other]) plan.Add((i, other, -1, -1, -1));
                else if (ThirdNode(cover, i) is { } third) plan.Add((i, -1, third.Node, third.ViaA, third.ViaB));
                else dispensable = false;
            }
            if (!dispensable) continue;
            cover.Chosen[v] = false;
            saved += cover.Weights[v];
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

    /// <summary>The lowest-numbered node other than the operands' own where copies of both runs are chosen and can be open together (two communication qubits).</summary>
    private static (int Node, int ViaA, int ViaB)? ThirdNode(Cover cover, int i)
    {
        var g = cover.Interactions[i];
        if (g.RunA < 0 || g.RunB < 0) return null;
        for (int c = 0; c < cover.NodeCount; c++)
        {
            if (c == cover.NodeA[i] || c == cover.NodeB[i] || cover.CommQubits[c] < 2) continue;
            int va = cover.VertexOf(TelegateCover.VertexKey(g.RunA, c, cover.NodeCount));
            if (va < 0 || !cover.Chosen[va]) continue;
            int vb = cover.VertexOf(TelegateCover.VertexKey(g.RunB, c, cover.NodeCount));
            if (vb >= 0 && cover.Chosen[vb]) return (c, va, vb);
        }
        return null;
    }
}
