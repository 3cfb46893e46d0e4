namespace QNetLang.Distribution.Partitioning;

/// <summary>
/// Fiduccia–Mattheyses refinement of a k-way placement on a hypergraph with the
/// connectivity cost of <see cref="Hypergraph.EdgeCost"/>. Each pass moves every movable vertex
/// at most once, always the best move available (even if it makes things worse for a while),
/// then keeps the best prefix of the moves: that is what lets FM climb out of local minima that
/// greedy improvement gets stuck in. Vertex weights respect node capacities.
/// </summary>
internal sealed class FmRefiner
{
    private readonly Hypergraph _graph;
    private readonly NetworkDistances _distances;
    private readonly int[] _weight;
    private readonly bool[] _movable;
    private readonly int[] _capacity;
    private readonly int _nodes;

    public FmRefiner(Hypergraph graph, NetworkDistances distances, int[] weight, bool[] movable, int[] capacity)
    {
        _graph = graph;
        _distances = distances;
        _weight = weight;
        _movable = movable;
        _capacity = capacity;
        _nodes = distances.Count;
    }

    /// <summary>Improves <paramref name="placement"/> in place; returns its cost.</summary>
    public long Refine(int[] placement, int maxPasses)
    {
        var load = new int[_nodes];
        for (int v = 0; v < placement.Length; v++)
            if (_movable[v]) load[placement[v]] += _weight[v];
        long cost = _graph.Cost(placement, _distances);
        for (int pass = 0; pass < maxPasses; pass++)
        {
            long improved = Pass(placement, load, cost);
            if (improved >= cost) break;
            cost = improved;
        }
        return cost;
    }

    private long Pass(int[] placement, int[] load, long startCost)
    {
        var locked = new bool[placement.Length];
        var moves = new List<(int Vertex, int From)>();
        long cost = startCost, best = startCost;
        int bestPrefix = 0;
        int movable = _movable.Count(m => m);
        for (int step = 0; step < movable; step++)
        {
            long bestGain = long.MinValue;
            int bestVertex = -1, bestTarget = -1;
            for (int v = 0; v < placement.Length; v++)
            {
                if (!_movable[v] || locked[v]) continue;
                int from = placement[v];
                for (int to = 0; to < _nodes; to++)
                {
                    if (to == from || load[to] + _weight[v] > _capacity[to]) continue;
                    long gain = Gain(placement, v, to);
                    if (gain > bestGain)
                    {
                        bestGain = gain;
                        bestVertex = v;
                        bestTarget = to;
                    }
                }
            }
            if (bestVertex < 0) break;
            int origin = placement[bestVertex];
            placement[bestVertex] = bestTarget;
            load[origin] -= _weight[bestVertex];
            load[bestTarget] += _weight[bestVertex];
            locked[bestVertex] = true;
            moves.Add((bestVertex, origin));
            cost -= bestGain;
            if (cost < best)
            {
                best = cost;
                bestPrefix = moves.Count;
            }
        }
        // Roll back the moves after the best prefix.
        for (int i = moves.Count - 1; i >= bestPrefix; i--)
        {
            var (v, from) = moves[i];
            load[placement[v]] -= _weight[v];
            load[from] += _weight[v];
            placement[v] = from;
        }
        return best;
    }

    /// <summary>Cost decrease if <paramref name="vertex"/> moved to <paramref name="to"/>.</summary>
    private long Gain(int[] placement, int vertex, int to)
    {
        Span<bool> seen = stackalloc bool[_nodes];
        int from = placement[vertex];
        long before = 0, after = 0;
        foreach (int e in _graph.Incident[vertex])
        {
            before += _graph.EdgeCost(e, placement, _distances, seen);
            placement[vertex] = to;
            after += _graph.EdgeCost(e, placement, _distances, seen);
            placement[vertex] = from;
        }
        return before - after;
    }
}
