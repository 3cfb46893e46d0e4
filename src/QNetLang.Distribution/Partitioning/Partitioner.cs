namespace QNetLang.Distribution.Partitioning;

/// <summary>
/// Places the unpinned qubits: several multilevel hypergraph partitions from different seeds,
/// the best kept by the exact telegate cost (<see cref="PartitionProblem.TrueCost"/>), then a
/// local search of single moves and pairwise swaps judged by that exact cost, because the
/// hypergraph cost ignores that a gate may be served from either side. The work is bounded by
/// counts, not by time, so the result depends only on the input and the seed.
/// </summary>
/// <remarks>
/// The work is spread over the processor's cores without changing the result: the multilevel
/// restarts are independent (each has its own seeded random source) and are compared in
/// attempt order afterwards; the local search evaluates the next few candidates of its fixed
/// order at once, each in its own buffers, and takes the first that improves, counting the
/// evaluations a one-at-a-time search would have made. A test compares the placements with
/// those of one core.
/// </remarks>
public static class Partitioner
{
    /// <summary>Exact cost evaluations allowed, spread over the interactions (bigger circuits get fewer).</summary>
    private const long EvaluationWork = 3_000_000;

    public static int[] Partition(PartitionProblem problem, int seed) => Partition(problem, seed, Environment.ProcessorCount);

    /// <summary>The placement, computed on up to <paramref name="parallelism"/> threads (the same for any number).</summary>
    internal static int[] Partition(PartitionProblem problem, int seed, int parallelism)
    {
        int variables = problem.VariableCount;
        if (variables == 0) return (int[])problem.InitialNode.Clone();
        int interactions = Math.Max(1, problem.Model.Interactions.Count);
        long evaluations = Math.Clamp(EvaluationWork / interactions, 20, 200_000);
        // A multilevel run costs about qubits × hyperedge pins × nodes; small problems get
        // up to 32 seeds (cheap since FM updates its gains incrementally; 8 left some small
        // circuits, such as QASMBench's dnn_n33, at a worse local optimum), large ones one or two.
        // Every qubit is visited at least once even without edges, so a circuit of many idle
        // qubits counts as that many pins (or 100 000 declared qubits would get 32 restarts).
        long pins = Math.Max(problem.Hypergraph.Edges.Sum(e => (long)e.Length), problem.Variable.Length);
        long work = Math.Max(1, problem.Variable.Length * pins * problem.Distances.Count);
        int restarts = (int)Math.Clamp(40_000_000 / work, 1, 32);

        int[]? best = null;
        long bestCost = long.MaxValue;
        // The multilevel runs only read the problem; each has its own random source.
        var candidates = new int[restarts][];
        Parallel.For(0, restarts, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, attempt =>
            candidates[attempt] = new MultilevelPartitioner(problem, new Random(SeedMix.Combine(seed, attempt, 0x51ED))).Partition());
        foreach (var candidate in candidates)
        {
            long cost = problem.TrueCost(candidate);
            evaluations--;
            if (cost < bestCost)
            {
                best = candidate;
                bestCost = cost;
            }
        }
        // A budget that cannot try every qubit once buys a few random probes, each an exact
        // cost over the whole circuit (seconds on million-gate circuits), for next to nothing.
        if (evaluations < variables) return best!;
        return LocalSearch(problem, best!, bestCost, evaluations, new Random(SeedMix.Combine(seed, 0x10CA1)), Math.Max(1, parallelism));
    }

    /// <summary>
    /// First-improvement local search: for each qubit in a shuffled order, its moves to the
    /// nodes of its partners (where there is room) and its swaps with the qubits there, in that
    /// order, the first one that lowers the exact cost taken; rounds repeat while one improves
    /// and the budget of evaluations lasts.
    /// </summary>
    private static int[] LocalSearch(PartitionProblem problem, int[] placement, long cost, long budget, Random random, int parallelism)
    {
        int nodes = problem.Distances.Count;
        var load = new int[nodes];
        var variables = Enumerable.Range(0, placement.Length).Where(v => problem.Variable[v]).ToArray();
        foreach (int v in variables) load[placement[v]]++;
        var evaluator = new CandidateEvaluator(problem, parallelism);
        // A move is (node, -1); a swap is (node, the qubit on that node).
        var candidates = new List<(int To, int Swap)>();
        bool improved = true;
        while (improved && budget > 0)
        {
            improved = false;
            random.Shuffle(variables);
            foreach (int v in variables)
            {
                if (budget <= 0) break;
                int from = placement[v];
                candidates.Clear();
                foreach (int to in PartnerNodes(problem, placement, v))
                {
                    if (to == from) continue;
                    if (load[to] < problem.Capacity[to]) candidates.Add((to, -1));
                    // Swap with a qubit on the target node (keeps both loads).
                    foreach (int u in variables)
                        if (placement[u] == to) candidates.Add((to, u));
                }
                int chosen = evaluator.FirstImproving(placement, v, candidates, cost, ref budget, out long chosenCost);
                if (chosen < 0) continue;
                var (target, swap) = candidates[chosen];
                placement[v] = target;
                if (swap >= 0) placement[swap] = from;
                else
                {
                    load[from]--;
                    load[target]++;
                }
                cost = chosenCost;
                improved = true;
            }
        }
        return placement;
    }

    /// <summary>
    /// Evaluates a qubit's candidate moves in their order, up to <c>parallelism</c> at a time
    /// (each thread in its own placement copy and cover buffers), and returns the first whose
    /// cost is below the current one, charging the budget the evaluations a one-at-a-time search
    /// makes up to it: the same choice and the same budget for any parallelism.
    /// </summary>
    private sealed class CandidateEvaluator
    {
        private readonly PartitionProblem _problem;
        private readonly int[][] _placements;
        private readonly Telegates.TelegateCover.Workspace[] _workspaces;
        private readonly long[] _costs;
        private readonly ParallelOptions _options;

        public CandidateEvaluator(PartitionProblem problem, int parallelism)
        {
            _problem = problem;
            _placements = new int[parallelism][];
            _workspaces = new Telegates.TelegateCover.Workspace[parallelism];
            for (int i = 0; i < parallelism; i++) _workspaces[i] = new Telegates.TelegateCover.Workspace();
            _costs = new long[parallelism];
            _options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        }

        public int FirstImproving(int[] placement, int v, List<(int To, int Swap)> candidates, long cost, ref long budget, out long improvedCost)
        {
            improvedCost = cost;
            for (int start = 0; start < candidates.Count && budget > 0; )
            {
                int batch = (int)Math.Min(Math.Min(_placements.Length, candidates.Count - start), budget);
                if (batch == 1) _costs[0] = Evaluate(0, placement, v, candidates[start]);
                else
                {
                    int first = start;
                    Parallel.For(0, batch, _options, i => _costs[i] = Evaluate(i, placement, v, candidates[first + i]));
                }
                for (int i = 0; i < batch; i++)
                {
                    budget--;
                    if (_costs[i] < cost)
                    {
                        improvedCost = _costs[i];
                        return start + i;
                    }
                }
                start += batch;
            }
            return -1;
        }

        private long Evaluate(int slot, int[] placement, int v, (int To, int Swap) candidate)
        {
            var copy = _placements[slot] ??= new int[placement.Length];
            Array.Copy(placement, copy, placement.Length);
            copy[v] = candidate.To;
            if (candidate.Swap >= 0) copy[candidate.Swap] = placement[v];
            return _problem.TrueCost(copy, _workspaces[slot]);
        }
    }

    /// <summary>Nodes holding a partner of <paramref name="v"/>: the only moves that can save an ebit.</summary>
    private static IEnumerable<int> PartnerNodes(PartitionProblem problem, int[] placement, int v)
    {
        var nodes = new SortedSet<int>();
        var graph = problem.Hypergraph;
        foreach (int e in graph.Incident[v])
            foreach (int u in graph.Edges[e])
                if (u != v) nodes.Add(placement[u]);
        return nodes;
    }
}
