namespace QNetLang.Distribution.Telegates;

/// <summary>
/// The cheapest way to make every remote two-qubit gate local with cat-entangled copies, for a
/// given placement. Each remote gate g = (a on A, b on B) can be run on B with a copy of a's run
/// (vertex (run_a, B)) or on A with a copy of b's run (vertex (run_b, A)), when the gate is
/// diagonal on that qubit. One copy serves every gate of its run that needs that node (packing),
/// so the problem is a minimum-weight vertex cover, weights being hop distances.
/// <para>
/// The cover graph is bipartite: an edge always joins a vertex whose run lives on the
/// lower-numbered node with one whose run lives on the higher-numbered node. So the minimum
/// cover is exact, from a minimum cut (König's theorem, weighted form).
/// </para>
/// </summary>
public static class TelegateCover
{
    /// <summary>
    /// Which copy serves each interaction: a vertex key (run × nodes + node), or −1 for a local
    /// gate. A detached gate (see <see cref="DetachedGates"/>) runs on a third node with two
    /// copies: the first operand's in <see cref="Assignment"/>, the second's in <see cref="Detached"/>
    /// (−1 everywhere else).
    /// </summary>
    public sealed record Result(long Cost, long[] Assignment, long[] Detached, int NodeCount);

    public static long VertexKey(int run, int node, int nodeCount) => (long)run * nodeCount + node;

    /// <param name="placement">Node index of every qubit the model treats as variable (others are read from the model).</param>
    public static Result Solve(InteractionModel model, int[] placement, NetworkDistances distances)
    {
        int k = distances.Count;
        var interactions = model.Interactions;
        var vertexOf = new Dictionary<long, int>();
        var weights = new List<long>();
        var isLeft = new List<bool>();
        var forced = new List<bool>();
        var edges = new List<(int, int)>();
        var assignment = new long[interactions.Count];
        var sideA = new int[interactions.Count];
        var sideB = new int[interactions.Count];
        var nodesA = new int[interactions.Count];
        var nodesB = new int[interactions.Count];

        int Vertex(int run, int home, int target)
        {
            long key = VertexKey(run, target, k);
            if (vertexOf.TryGetValue(key, out int v)) return v;
            v = weights.Count;
            vertexOf[key] = v;
            weights.Add(distances.Hops(home, target));
            isLeft.Add(home < target);
            forced.Add(false);
            return v;
        }

        for (int i = 0; i < interactions.Count; i++)
        {
            var g = interactions[i];
            int nodeA = g.FixedNodeA >= 0 ? g.FixedNodeA : placement[g.QubitA];
            int nodeB = g.FixedNodeB >= 0 ? g.FixedNodeB : placement[g.QubitB];
            sideA[i] = sideB[i] = -1;
            nodesA[i] = nodeA;
            nodesB[i] = nodeB;
            assignment[i] = -1;
            if (nodeA == nodeB) continue;
            int va = g.RunA >= 0 ? Vertex(g.RunA, nodeA, nodeB) : -1;
            int vb = g.RunB >= 0 ? Vertex(g.RunB, nodeB, nodeA) : -1;
            sideA[i] = va;
            sideB[i] = vb;
            if (va >= 0 && vb >= 0) edges.Add((va, vb));
            else if (va >= 0) forced[va] = true;
            else if (vb >= 0) forced[vb] = true;
            else throw new InvalidOperationException("a remote gate acts non-diagonally on both qubits; it should have been decomposed");
        }

        int n = weights.Count;
        var chosen = new bool[n];
        long cost = 0;
        for (int v = 0; v < n; v++)
            if (forced[v])
            {
                chosen[v] = true;
                cost += weights[v];
            }

        // Edges already covered by a forced vertex drop out; the rest go to the min cut.
        var open = edges.Where(e => !chosen[e.Item1] && !chosen[e.Item2]).ToList();
        if (open.Count > 0)
        {
            int source = n, sink = n + 1;
            var flow = new MaxFlow(n + 2);
            var used = new bool[n];
            foreach (var (a, b) in open)
            {
                var (left, right) = isLeft[a] ? (a, b) : (b, a);
                flow.AddEdge(left, right, long.MaxValue / 4);
                used[a] = used[b] = true;
            }
            for (int v = 0; v < n; v++)
            {
                if (!used[v]) continue;
                if (isLeft[v]) flow.AddEdge(source, v, weights[v]);
                else flow.AddEdge(v, sink, weights[v]);
            }
            cost += flow.Run(source, sink);
            var reachable = flow.SourceSide(source);
            for (int v = 0; v < n; v++)
                if (used[v] && (isLeft[v] ? !reachable[v] : reachable[v])) chosen[v] = true;
        }

        var (saved, detachedAt) = DetachedGates.Reduce(new DetachedGates.Cover(interactions, nodesA, nodesB, sideA, sideB, vertexOf, weights, chosen, k, [.. distances.Processors.Select(p => p.CommQubits)]));
        cost -= saved;

        var keyOf = new long[n];
        foreach (var (key, v) in vertexOf) keyOf[v] = key;
        var detached = new long[interactions.Count];
        Array.Fill(detached, -1L);
        for (int i = 0; i < interactions.Count; i++)
        {
            if (sideA[i] < 0 && sideB[i] < 0) continue;
            if (detachedAt[i] >= 0)
            {
                assignment[i] = VertexKey(interactions[i].RunA, detachedAt[i], k);
                detached[i] = VertexKey(interactions[i].RunB, detachedAt[i], k);
                continue;
            }
            // Prefer a's copy when both were chosen; the order is fixed, so the result is deterministic.
            assignment[i] = sideA[i] >= 0 && chosen[sideA[i]] ? keyOf[sideA[i]] : keyOf[sideB[i]];
        }
        return new Result(cost, assignment, detached, k);
    }
}
