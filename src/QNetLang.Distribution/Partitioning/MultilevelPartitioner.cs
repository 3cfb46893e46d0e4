namespace QNetLang.Distribution.Partitioning;

/// <summary>
/// Multilevel hypergraph partitioning: coarsen by merging strongly connected qubits
/// (heavy-edge matching), place the few clusters of the coarsest level greedily, then project
/// back level by level, refining with Fiduccia–Mattheyses at each level. Fixed qubits never move
/// and never merge. Deterministic for a seed.
/// </summary>
internal sealed class MultilevelPartitioner(PartitionProblem problem, Random random)
{
    private sealed record Level(Hypergraph Graph, int[] Weight, bool[] Movable, int[] Fixed, int[] ParentOf);

    public int[] Partition()
    {
        var distances = problem.Distances;
        int n = problem.Variable.Length;
        var levels = new List<Level>();
        var current = new Level(problem.Hypergraph, Enumerable.Repeat(1, n).ToArray(), problem.Variable, problem.InitialNode, []);
        int maxCluster = Math.Max(1, problem.Capacity.Max() / 2);
        while (true)
        {
            int movable = current.Movable.Count(m => m);
            if (movable <= 2 * distances.Count) break;
            var (coarse, parentOf) = Coarsen(current, maxCluster);
            if (coarse.Movable.Count(m => m) > 0.9 * movable) break;
            levels.Add(current with { ParentOf = parentOf });
            current = coarse;
        }

        // Big clusters may not pack into the nodes; then start one level finer (at the finest
        // level every cluster is one qubit and the capacity check made room for all of them).
        var placement = InitialPlacement(current);
        while (placement is null)
        {
            var finer = levels[^1];
            levels.RemoveAt(levels.Count - 1);
            current = finer with { ParentOf = [] };
            placement = InitialPlacement(current);
        }
        new FmRefiner(current.Graph, distances, current.Weight, current.Movable, problem.Capacity).Refine(placement, maxPasses: 8);
        for (int i = levels.Count - 1; i >= 0; i--)
        {
            var fine = levels[i];
            var projected = new int[fine.Graph.VertexCount];
            for (int v = 0; v < projected.Length; v++) projected[v] = placement[fine.ParentOf[v]];
            placement = projected;
            new FmRefiner(fine.Graph, distances, fine.Weight, fine.Movable, problem.Capacity).Refine(placement, maxPasses: 4);
        }
        return placement;
    }

    /// <summary>One coarsening step: visit movable vertices in random order, merge each with its heaviest unmatched movable neighbour.</summary>
    private (Level Coarse, int[] ParentOf) Coarsen(Level level, int maxCluster)
    {
        var graph = level.Graph;
        int n = graph.VertexCount;
        var match = Enumerable.Repeat(-1, n).ToArray();
        var order = Enumerable.Range(0, n).Where(v => level.Movable[v]).ToArray();
        random.Shuffle(order);
        var score = new Dictionary<int, double>();
        foreach (int v in order)
        {
            if (match[v] >= 0) continue;
            score.Clear();
            foreach (int e in graph.Incident[v])
            {
                var members = graph.Edges[e];
                double w = graph.EdgeWeight[e] / (double)Math.Max(1, members.Length - 1);
                foreach (int u in members)
                    if (u != v && level.Movable[u] && match[u] < 0 && level.Weight[u] + level.Weight[v] <= maxCluster)
                        score[u] = score.GetValueOrDefault(u) + w;
            }
            int best = -1;
            double bestScore = 0;
            foreach (var (u, s) in score.OrderBy(p => p.Key))
                if (s > bestScore)
                {
                    best = u;
                    bestScore = s;
                }
            match[v] = best >= 0 ? best : v;
            if (best >= 0) match[best] = v;
        }

        var parentOf = new int[n];
        var weights = new List<int>();
        var movable = new List<bool>();
        var fixedNode = new List<int>();
        for (int v = 0; v < n; v++)
        {
            if (match[v] >= 0 && match[v] < v && match[v] != v) { parentOf[v] = parentOf[match[v]]; weights[parentOf[v]] += level.Weight[v]; continue; }
            parentOf[v] = weights.Count;
            weights.Add(level.Weight[v]);
            movable.Add(level.Movable[v]);
            fixedNode.Add(level.Fixed[v]);
        }
        var edges = new List<int[]>();
        var owners = new List<int>();
        var edgeWeights = new List<int>();
        var index = new Dictionary<int[], int>(EdgeMembers.Comparer);
        for (int e = 0; e < graph.Edges.Length; e++)
        {
            int owner = parentOf[graph.EdgeOwner[e]];
            var members = graph.Edges[e].Select(v => parentOf[v]).Distinct().ToArray();
            if (members.Length < 2) continue;
            var ordered = new[] { owner }.Concat(members.Where(m => m != owner).Order()).ToArray();
            if (index.TryGetValue(ordered, out int existing))
            {
                edgeWeights[existing] += graph.EdgeWeight[e];
                continue;
            }
            index[ordered] = edges.Count;
            edges.Add(ordered);
            owners.Add(owner);
            edgeWeights.Add(graph.EdgeWeight[e]);
        }
        var coarse = new Level(new Hypergraph(weights.Count, [.. edges], [.. owners], [.. edgeWeights]), [.. weights], [.. movable], [.. fixedNode], []);
        return (coarse, parentOf);
    }

    /// <summary>Greedy start: heaviest clusters first, each to the node it is most connected to that still has room.</summary>
    private int[]? InitialPlacement(Level level)
    {
        var graph = level.Graph;
        var distances = problem.Distances;
        int n = graph.VertexCount;
        var placement = new int[n];
        var placed = new bool[n];
        var load = new int[distances.Count];
        for (int v = 0; v < n; v++)
            if (!level.Movable[v]) { placement[v] = level.Fixed[v]; placed[v] = true; }

        var order = Enumerable.Range(0, n).Where(v => level.Movable[v])
            .OrderByDescending(v => level.Weight[v]).ThenByDescending(v => graph.Incident[v].Length).ThenBy(v => v).ToList();
        foreach (int v in order)
        {
            var affinity = new double[distances.Count];
            foreach (int e in graph.Incident[v])
                foreach (int u in graph.Edges[e])
                    if (u != v && placed[u]) affinity[placement[u]] += graph.EdgeWeight[e] / (double)Math.Max(1, graph.Edges[e].Length - 1);
            int bestNode = -1;
            double bestScore = double.NegativeInfinity;
            for (int node = 0; node < distances.Count; node++)
            {
                if (load[node] + level.Weight[v] > problem.Capacity[node]) continue;
                // Prefer connection; among equals, the emptier node (keeps room for later clusters).
                double s = affinity[node] - 1e-3 * load[node] / Math.Max(1, problem.Capacity[node]);
                if (s > bestScore) { bestScore = s; bestNode = node; }
            }
            if (bestNode < 0) return null;
            placement[v] = bestNode;
            placed[v] = true;
            load[bestNode] += level.Weight[v];
        }
        return placement;
    }
}
