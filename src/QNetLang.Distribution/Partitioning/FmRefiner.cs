namespace QNetLang.Distribution.Partitioning;

/// <summary>
/// Fiduccia–Mattheyses refinement of a k-way placement on a hypergraph with the
/// connectivity cost of <see cref="Hypergraph.EdgeCost"/>. Each pass moves every movable vertex
/// at most once, always the best move available (even if it makes things worse for a while),
/// then keeps the best prefix of the moves: that is what lets FM climb out of local minima that
/// greedy improvement gets stuck in. Vertex weights respect node capacities. Gains come from
/// per-edge pin counts (how many members of each edge sit on each node) and are kept in a table
/// that each move updates only for the members of the moved vertex's edges.
/// </summary>
internal sealed class FmRefiner
{
    private readonly Hypergraph _graph;
    private readonly NetworkDistances _distances;
    private readonly int[] _weight;
    private readonly bool[] _movable;
    private readonly int[] _capacity;
    private readonly int _nodes;

    /// <summary>All processors one hop apart (an all-to-all network): an edge then costs (nodes spanned − 1) whatever its home, which makes every gain O(1) per edge.</summary>
    private readonly bool _uniform;

    public FmRefiner(Hypergraph graph, NetworkDistances distances, int[] weight, bool[] movable, int[] capacity)
    {
        _graph = graph;
        _distances = distances;
        _weight = weight;
        _movable = movable;
        _capacity = capacity;
        _nodes = distances.Count;
        _uniform = true;
        for (int a = 0; a < _nodes; a++)
            for (int b = 0; b < _nodes; b++)
                if (a != b && distances.Hops(a, b) != 1) _uniform = false;
    }

    /// <summary>Improves <paramref name="placement"/> in place; returns its cost.</summary>
    public long Refine(int[] placement, int maxPasses)
    {
        var load = new int[_nodes];
        for (int v = 0; v < placement.Length; v++)
            if (_movable[v]) load[placement[v]] += _weight[v];
        var pins = new int[_graph.Edges.Length * _nodes];
        for (int e = 0; e < _graph.Edges.Length; e++)
            foreach (int v in _graph.Edges[e]) pins[e * _nodes + placement[v]]++;
        long cost = _graph.Cost(placement, _distances);
        for (int pass = 0; pass < maxPasses; pass++)
        {
            long improved = Pass(placement, load, pins, cost);
            if (improved >= cost) break;
            cost = improved;
        }
        return cost;
    }

    private long Pass(int[] placement, int[] load, int[] pins, long startCost)
    {
        var locked = new bool[placement.Length];
        var moves = new List<(int Vertex, int From)>();
        long cost = startCost, best = startCost;
        int bestPrefix = 0;
        int movable = _movable.Count(m => m);
        // The gain of every vertex for every node, kept up to date move by move: a move changes
        // only the gains of the vertices sharing an edge with the moved one, so a step costs the
        // pins of its edges instead of a recomputation over the whole hypergraph.
        var gains = new long[placement.Length * _nodes];
        for (int v = 0; v < placement.Length; v++)
            if (_movable[v])
                foreach (int e in _graph.Incident[v]) AddEdgeGains(placement, pins, e, v, gains.AsSpan(v * _nodes, _nodes), +1);
        // Stop a pass once it has gone this many moves without a new best (standard FM practice:
        // the rest of the pass is rolled back anyway).
        int patience = Math.Max(20, movable / 8);
        // Every (vertex, target) move in a priority queue ordered by gain, then vertex, then
        // target — the move a scan of all vertices would choose — so a step costs a logarithm
        // instead of a pass over every vertex. Entries go stale when a gain changes (a fresh
        // entry is added then) or the vertex is locked, and are dropped when they come up; a
        // move to a full node waits on that node's list until something leaves it.
        var queue = new PriorityQueue<(int Vertex, int Target), (long NegativeGain, int Vertex, int Target)>();
        var waitingForRoom = new List<(int Vertex, int Target, long Gain)>[_nodes];
        for (int node = 0; node < _nodes; node++) waitingForRoom[node] = [];
        if ((long)movable * _nodes > ScanLimit)
            for (int v = 0; v < placement.Length; v++)
                if (_movable[v]) Enqueue(queue, placement, gains, v);
        var touched = new int[placement.Length];
        // On small graphs a scan of every vertex per step is cheaper than keeping the queue (a
        // move there touches most vertices anyway); both choose the same move.
        bool scan = (long)movable * _nodes <= ScanLimit;
        for (int step = 0; step < movable && step - bestPrefix <= patience; step++)
        {
            long bestGain = 0;
            int bestVertex = -1, bestTarget = -1;
            if (scan)
            {
                (bestGain, bestVertex, bestTarget) = BestMoveByScan(placement, load, locked, gains);
            }
            else
            {
                while (queue.TryDequeue(out var move, out var key))
                {
                    long gain = -key.NegativeGain;
                    if (locked[move.Vertex] || gains[move.Vertex * _nodes + move.Target] != gain) continue;
                    if (load[move.Target] + _weight[move.Vertex] > _capacity[move.Target])
                    {
                        waitingForRoom[move.Target].Add((move.Vertex, move.Target, gain));
                        continue;
                    }
                    (bestGain, bestVertex, bestTarget) = (gain, move.Vertex, move.Target);
                    break;
                }
            }
            if (bestVertex < 0) break;
            int origin = placement[bestVertex];
            locked[bestVertex] = true;
            UpdateNeighbourGains(placement, pins, locked, gains, bestVertex, -1);
            Move(placement, load, pins, bestVertex, bestTarget);
            UpdateNeighbourGains(placement, pins, locked, gains, bestVertex, +1);
            if (!scan)
            {
                // The neighbours' gains changed: queue their moves again (once each per step).
                foreach (int e in _graph.Incident[bestVertex])
                    foreach (int u in _graph.Edges[e])
                        if (u != bestVertex && _movable[u] && !locked[u] && touched[u] != step + 1)
                        {
                            touched[u] = step + 1;
                            Enqueue(queue, placement, gains, u);
                        }
                // The origin has room again for the moves that were waiting on it.
                foreach (var (v, to, gain) in waitingForRoom[origin]) queue.Enqueue((v, to), (-gain, v, to));
                waitingForRoom[origin].Clear();
            }
            moves.Add((bestVertex, origin));
            cost -= bestGain;
            if (cost < best)
            {
                best = cost;
                bestPrefix = moves.Count;
            }
        }
        for (int i = moves.Count - 1; i >= bestPrefix; i--) Move(placement, load, pins, moves[i].Vertex, moves[i].From);
        return best;
    }

    /// <summary>Vertex × node moves up to which a step scans them all instead of using the queue.</summary>
    private const long ScanLimit = 1 << 14;

    /// <summary>The best feasible move of an unlocked vertex: highest gain, then lowest vertex, then lowest node.</summary>
    private (long Gain, int Vertex, int Target) BestMoveByScan(int[] placement, int[] load, bool[] locked, long[] gains)
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
                long gain = gains[v * _nodes + to];
                if (gain > bestGain)
                {
                    bestGain = gain;
                    bestVertex = v;
                    bestTarget = to;
                }
            }
        }
        return (bestGain, bestVertex, bestTarget);
    }

    private void Enqueue(PriorityQueue<(int Vertex, int Target), (long NegativeGain, int Vertex, int Target)> queue, int[] placement, long[] gains, int v)
    {
        for (int to = 0; to < _nodes; to++)
            if (to != placement[v]) queue.Enqueue((v, to), (-gains[v * _nodes + to], v, to));
    }

    /// <summary>Removes (sign −1, before a move of <paramref name="moved"/>) or adds back (+1, after it) what its edges contribute to the gains of the other unlocked members.</summary>
    private void UpdateNeighbourGains(int[] placement, int[] pins, bool[] locked, long[] gains, int moved, int sign)
    {
        foreach (int e in _graph.Incident[moved])
            foreach (int u in _graph.Edges[e])
                if (u != moved && _movable[u] && !locked[u])
                    AddEdgeGains(placement, pins, e, u, gains.AsSpan(u * _nodes, _nodes), sign);
    }

    private void Move(int[] placement, int[] load, int[] pins, int v, int to)
    {
        int from = placement[v];
        foreach (int e in _graph.Incident[v])
        {
            pins[e * _nodes + from]--;
            pins[e * _nodes + to]++;
        }
        load[from] -= _weight[v];
        load[to] += _weight[v];
        placement[v] = to;
    }

    /// <summary>Adds <paramref name="sign"/> × the cost decrease edge <paramref name="e"/> sees when <paramref name="v"/> moves to each node.</summary>
    private void AddEdgeGains(int[] placement, int[] pins, int e, int v, Span<long> gains, int sign)
    {
        int from = placement[v];
        long w = sign * (long)_graph.EdgeWeight[e];
        int offset = e * _nodes;
        if (_uniform)
        {
            long leaveGain = pins[offset + from] == 1 ? w : 0;
            for (int to = 0; to < _nodes; to++)
                if (to != from) gains[to] += leaveGain - (pins[offset + to] == 0 ? w : 0);
            return;
        }
        if (_graph.EdgeOwner[e] == v)
        {
            // The edge's home moves with its owner: compare the whole edge cost.
            long before = Spread(pins, offset, from, from, -1);
            for (int to = 0; to < _nodes; to++)
                if (to != from) gains[to] += w * (before - Spread(pins, offset, to, from, to));
            return;
        }
        int home = placement[_graph.EdgeOwner[e]];
        long leave = pins[offset + from] == 1 && from != home ? _distances.Hops(home, from) : 0;
        for (int to = 0; to < _nodes; to++)
        {
            if (to == from) continue;
            long join = pins[offset + to] == 0 && to != home ? _distances.Hops(home, to) : 0;
            gains[to] += w * (leave - join);
        }
    }

    /// <summary>Hop cost of an edge seen from <paramref name="home"/>, with one member moved from <paramref name="movedFrom"/> to <paramref name="movedTo"/> (−1: none).</summary>
    private long Spread(int[] pins, int offset, int home, int movedFrom, int movedTo)
    {
        long cost = 0;
        for (int node = 0; node < _nodes; node++)
        {
            int count = pins[offset + node] - (node == movedFrom && movedTo >= 0 ? 1 : 0) + (node == movedTo ? 1 : 0);
            if (count > 0 && node != home) cost += _distances.Hops(home, node);
        }
        return cost;
    }
}
