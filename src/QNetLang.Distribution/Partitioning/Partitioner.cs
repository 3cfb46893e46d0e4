namespace QNetLang.Distribution.Partitioning;

/// <summary>
/// Places the unpinned qubits: several multilevel hypergraph partitions from different seeds,
/// the best kept by the exact telegate cost (<see cref="PartitionProblem.TrueCost"/>), then a
/// iterated local search of single moves and pairwise swaps judged by that exact cost, because the
/// hypergraph cost ignores that a gate may be served from either side. The work is bounded by
/// counts, not by time, so the result depends only on the input and the seed.
/// </summary>
public static class Partitioner
{
    /// <summary>Exact cost evaluations allowed, spread over the interactions (bigger circuits get fewer).</summary>
    private const long EvaluationWork = 3_000_000;

    /// <summary>
    /// Random swaps in one kick of the iterated local search. Two saved 0.3 to 0.9 ebits per
    /// instance on the CZ-fraction rows, where the plain descent stopped at its first local
    /// optimum with most of its budget unspent; four saved less.
    /// </summary>
    private const int KickSwaps = 2;

    public static int[] Partition(PartitionProblem problem, int seed) => Search(problem, seed).Placement;

    /// <summary>
    /// The placement and its exact cost, which the search has computed anyway (on a circuit of a
    /// million gates one exact cost takes seconds, so the caller should not compute it again).
    /// </summary>
    /// <param name="threads">Restarts run at once (−1: as many as the machine has); tests compare one with several.</param>
    /// <param name="kickSwaps">Swaps per kick of the iterated local search (0: the first descent only); tests compare both.</param>
    internal static (int[] Placement, long Cost) Search(PartitionProblem problem, int seed, int threads = -1, int kickSwaps = KickSwaps)
    {
        int variables = problem.VariableCount;
        if (variables == 0)
        {
            var fixedPlacement = (int[])problem.InitialNode.Clone();
            return (fixedPlacement, problem.TrueCost(fixedPlacement));
        }
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

        var costs = new PlacementCostMemo(problem);
        int[]? best = null;
        long bestCost = long.MaxValue;
        // The restarts are independent (each reads the problem and has its own random source), so
        // they run on every core; their costs are then compared in attempt order, so the result
        // does not depend on the number of threads.
        var candidates = new int[restarts][];
        Parallel.For(0, restarts, new ParallelOptions { MaxDegreeOfParallelism = threads }, attempt => candidates[attempt] = new MultilevelPartitioner(problem, new Random(SeedMix.Combine(seed, attempt, 0x51ED))).Partition());
        foreach (var candidate in candidates)
        {
            long cost = costs.Cost(candidate);
            evaluations--;
            if (cost < bestCost)
            {
                best = candidate;
                bestCost = cost;
            }
        }
        // A budget that cannot try every qubit once buys a few random probes, each an exact
        // cost over the whole circuit (seconds on million-gate circuits), for next to nothing.
        if (evaluations < variables) return (best!, bestCost);
        return LocalSearch(problem, costs, best!, bestCost, evaluations, kickSwaps, new Random(SeedMix.Combine(seed, 0x10CA1)));
    }

    /// <summary>
    /// Iterated local search: a descent from the best restart, then, while the budget lasts, a
    /// kick (<see cref="KickSwaps"/> random swaps of qubits on different nodes) followed by a
    /// descent that moves only the kicked qubits and their partners (the moves whose gains the
    /// kick changes most; a full sweep per kick would leave a few kicks per budget). The kicked
    /// placement replaces the current one only
    /// when it costs less: the cover's cost leaves out what later passes add (evictions when
    /// communication qubits run out, migrations), and drifting over placements of equal cover
    /// cost made QASMBench's adder_n28 and qugan_n39 cost 2 and 1 ebits more in the end.
    /// </summary>
    /// <remarks>Every candidate counts against <paramref name="budget"/>, read from the memo or not, so the memo changes only the time.</remarks>
    private static (int[] Placement, long Cost) LocalSearch(PartitionProblem problem, PlacementCostMemo costs, int[] placement, long cost, long budget, int kickSwaps, Random random)
    {
        var variables = Enumerable.Range(0, placement.Length).Where(v => problem.Variable[v]).ToArray();
        cost = Descend(problem, costs, placement, cost, variables, variables, ref budget, random);
        var graph = problem.Hypergraph;
        // Only a qubit with gates can change the cost by moving (an idle one is just room).
        var interacting = variables.Where(v => graph.Incident[v].Length > 0).ToArray();
        // Each kick's exact cost also hashes and copies the whole placement, so a circuit of
        // many idle qubits gets fewer kicks (or 100 000 idle qubits would take minutes).
        budget = Math.Min(budget, EvaluationWork / Math.Max(1, problem.Model.Interactions.Count + placement.Length));
        var trial = new int[placement.Length];
        var movers = new SortedSet<int>();
        while (kickSwaps > 0 && budget > 0 && interacting.Length > 0 && variables.Length > 1)
        {
            placement.CopyTo(trial, 0);
            movers.Clear();
            for (int k = 0; k < kickSwaps; k++)
            {
                int a = interacting[random.Next(interacting.Length)], b = variables[random.Next(variables.Length)];
                if (trial[a] == trial[b]) continue;
                (trial[a], trial[b]) = (trial[b], trial[a]);
                foreach (int kicked in (ReadOnlySpan<int>)[a, b])
                    foreach (int e in graph.Incident[kicked])
                        foreach (int u in graph.Edges[e])
                            if (problem.Variable[u]) movers.Add(u);
                movers.Add(a);
                movers.Add(b);
            }
            budget--;
            if (movers.Count == 0) continue;
            long trialCost = Descend(problem, costs, trial, costs.Cost(trial), variables, [.. movers], ref budget, random);
            if (trialCost < cost)
            {
                trial.CopyTo(placement, 0);
                cost = trialCost;
            }
        }
        return (placement, cost);
    }

    /// <summary>
    /// First-improvement descent from <paramref name="placement"/> (changed in place): single
    /// moves and pairwise swaps of the <paramref name="movers"/>, until none saves an ebit or the
    /// budget is spent. Returns the cost reached.
    /// </summary>
    private static long Descend(PartitionProblem problem, PlacementCostMemo costs, int[] placement, long cost, int[] variables, int[] movers, ref long budget, Random random)
    {
        int nodes = problem.Distances.Count;
        var load = new int[nodes];
        foreach (int v in variables) load[placement[v]]++;
        bool improved = true;
        while (improved && budget > 0)
        {
            improved = false;
            random.Shuffle(movers);
            foreach (int v in movers)
            {
                if (budget <= 0) break;
                int from = placement[v];
                foreach (int to in PartnerNodes(problem, placement, v))
                {
                    if (to == from || budget <= 0) continue;
                    if (load[to] < problem.Capacity[to])
                    {
                        placement[v] = to;
                        long moved = costs.Cost(placement);
                        budget--;
                        if (moved < cost)
                        {
                            cost = moved;
                            load[from]--;
                            load[to]++;
                            improved = true;
                            break;
                        }
                        placement[v] = from;
                    }
                    // Swap with a qubit on the target node (keeps both loads).
                    foreach (int u in variables)
                    {
                        if (placement[u] != to || budget <= 0) continue;
                        placement[v] = to;
                        placement[u] = from;
                        long swapped = costs.Cost(placement);
                        budget--;
                        if (swapped < cost)
                        {
                            cost = swapped;
                            improved = true;
                            break;
                        }
                        placement[v] = from;
                        placement[u] = to;
                    }
                    if (placement[v] != from) break;
                }
            }
        }
        return cost;
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
