namespace QNetLang.Distribution.Partitioning;

/// <summary>
/// Temporal partitioning: places every unpinned qubit once per slice by multilevel
/// Fiduccia–Mattheyses refinement of the <see cref="TemporalHypergraph"/>, after the multilevel
/// framework of Burt, Chen and Leung (DISQCO, "A Multilevel Framework for Partitioning Quantum
/// Circuits", 2025). Because gate hyperedges and migration edges are cut in one objective, a
/// region of the program is served by telegates or by teleporting a qubit to its partners
/// (and back, or on elsewhere: nested migrations) whichever costs fewer ebits.
/// <para>
/// Coarsening is over time: at level l the slices are grouped into aligned blocks of 2^l, and a
/// coarse vertex is one qubit over one block, so moving it moves the qubit for the whole block
/// (one teleport in, one out). The coarsest level, a single block, is the static placement the
/// search starts from; each finer level halves the blocks and refines with direct k-way FM:
/// every coarse vertex has its best move (target node, gain) in <see cref="GainBuckets"/>, the
/// best is applied and locked even when its gain is negative, the neighbours' gains are updated,
/// and the pass rolls back to its best prefix. A move is allowed only where the target node has a
/// free data qubit in every slice of the block, so capacities hold at every slice.
/// </para>
/// </summary>
internal sealed class TemporalPartitioner
{
    /// <summary>Moves past the best prefix before an FM pass gives up (the tail is rolled back anyway).</summary>
    private const int FruitlessMoves = 200;

    private readonly TemporalHypergraph _graph;
    private readonly PartitionProblem _problem;
    private readonly int _nodes;
    private readonly int _slices;
    private readonly int[][] _place;
    private readonly int[][] _load;
    private readonly int[] _count;
    private readonly long[] _edgeCost;
    private readonly int[] _variables;
    private readonly int[] _variableIndex;
    private readonly int[] _targets;
    private readonly int _maxHops;
    private long _work;

    /// <param name="start">Node of every qubit (the static placement), the same in every slice at first.</param>
    /// <param name="work">Pin visits the search may spend; a bound by count, so the result depends only on the input and the seed.</param>
    public TemporalPartitioner(PartitionProblem problem, TemporalHypergraph graph, int[] start, long work)
    {
        _problem = problem;
        _graph = graph;
        _work = work;
        _nodes = problem.Distances.Count;
        _slices = graph.SliceCount;
        _place = new int[_slices][];
        _load = new int[_slices][];
        _variables = [.. Enumerable.Range(0, problem.Variable.Length).Where(v => problem.Variable[v])];
        _variableIndex = Enumerable.Repeat(-1, problem.Variable.Length).ToArray();
        for (int i = 0; i < _variables.Length; i++) _variableIndex[_variables[i]] = i;
        for (int s = 0; s < _slices; s++)
        {
            _place[s] = (int[])start.Clone();
            _load[s] = new int[_nodes];
            foreach (int v in _variables) _load[s][start[v]]++;
        }
        _targets = [.. Enumerable.Range(0, _nodes).Where(n => problem.Capacity[n] > 0)];
        for (int a = 0; a < _nodes; a++)
            for (int b = 0; b < _nodes; b++)
                if (a != b && problem.Distances.Hops(a, b) < NetworkDistances.Unreachable) _maxHops = Math.Max(_maxHops, problem.Distances.Hops(a, b));
        _count = new int[graph.EdgeCount * _nodes];
        _edgeCost = new long[graph.EdgeCount];
        for (int e = 0; e < graph.EdgeCount; e++)
        {
            for (int p = graph.EdgeStart[e]; p < graph.EdgeStart[e + 1]; p++) _count[e * _nodes + PinNode(p, e)] += graph.PinWeight[p];
            _edgeCost[e] = EdgeCost(e);
        }
    }

    /// <summary>Node of every qubit in each slice.</summary>
    public int[][] Placements => _place;

    /// <summary>The hypergraph cost: gate hyperedges plus migrations.</summary>
    public long Cost()
    {
        long total = _edgeCost.Sum();
        for (int s = 1; s < _slices; s++)
            foreach (int v in _variables) total += Hops(_place[s - 1][v], _place[s][v]);
        return total;
    }

    /// <summary>
    /// Uncoarsens from the static placement (one block) to single slices, refining each level;
    /// then repeats the descent (a V-cycle) from the refined placement while that still saves,
    /// at most <paramref name="cycles"/> times in all. In later cycles a block need not sit on one
    /// node, and a coarse move puts the qubit on one node for the whole block.
    /// </summary>
    public void Refine(Random random, int maxPassesPerLevel, int cycles)
    {
        if (_variables.Length == 0 || _targets.Length < 2) return;
        int top = 0;
        while ((1 << top) < _slices) top++;
        for (int cycle = 0; cycle < cycles && _work > 0; cycle++)
        {
            long before = Cost();
            for (int level = top - 1; level >= 0 && _work > 0; level--)
                for (int pass = 0; pass < maxPassesPerLevel && _work > 0; pass++)
                    if (Pass(1 << level, random) <= 0) break;
            if (Cost() >= before) break;
        }
    }

    /// <summary>One FM pass over the blocks of <paramref name="block"/> slices; returns the cost it saved.</summary>
    private long Pass(int block, Random random)
    {
        int blocks = (_slices + block - 1) / block;
        int count = _variables.Length * blocks;
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        long bound = 0;
        foreach (int c in order) bound = Math.Max(bound, GainBound(c, block, blocks));
        var buckets = new GainBuckets(count, (int)Math.Min(bound, 1 << 20));
        var target = new int[count];
        var locked = new bool[count];
        foreach (int c in order) Rank(c, block, blocks, buckets, target);

        var moves = new List<(int Vertex, int[] Before)>();
        long gained = 0, best = 0;
        int bestLength = 0;
        var stamp = new int[count];
        int mark = 0;
        while (_work > 0)
        {
            int c = buckets.PopMax();
            if (c < 0) break;
            var (q, first, last) = Span(c, block, blocks);
            if (!Fits(q, target[c], first, last))
            {
                Rank(c, block, blocks, buckets, target);
                continue;
            }
            var before = new int[last - first + 1];
            for (int s = first; s <= last; s++) before[s - first] = _place[s][q];
            long delta = Delta(q, first, last, target[c]);
            for (int s = first; s <= last; s++) Apply(q, s, target[c]);
            locked[c] = true;
            moves.Add((c, before));
            gained -= delta;
            if (gained > best)
            {
                best = gained;
                bestLength = moves.Count;
            }
            else if (moves.Count - bestLength > FruitlessMoves) break;
            mark++;
            foreach (int n in Neighbours(c, q, first, last, block, blocks, stamp, mark))
                if (!locked[n]) Rank(n, block, blocks, buckets, target);
        }
        for (int i = moves.Count - 1; i >= bestLength; i--)
        {
            var (q, first, last) = Span(moves[i].Vertex, block, blocks);
            for (int s = first; s <= last; s++) Apply(q, s, moves[i].Before[s - first]);
        }
        return best;
    }

    /// <summary>Puts vertex c in the buckets under its best feasible move, or takes it out when it has none.</summary>
    private void Rank(int c, int block, int blocks, GainBuckets buckets, int[] target)
    {
        var (q, first, last) = Span(c, block, blocks);
        long bestDelta = long.MaxValue;
        int bestTarget = -1;
        foreach (int to in _targets)
        {
            if (!Fits(q, to, first, last)) continue;
            long delta = Delta(q, first, last, to);
            if (delta < bestDelta)
            {
                bestDelta = delta;
                bestTarget = to;
            }
        }
        if (bestTarget < 0)
        {
            buckets.Remove(c);
            return;
        }
        target[c] = bestTarget;
        buckets.Insert(c, -bestDelta);
    }

    private (int Qubit, int First, int Last) Span(int c, int block, int blocks)
    {
        int b = c % blocks;
        return (_variables[c / blocks], b * block, Math.Min(_slices, (b + 1) * block) - 1);
    }

    /// <summary>True when qubit q can stay on <paramref name="node"/> over the slices without overfilling it, and that changes something.</summary>
    private bool Fits(int q, int node, int first, int last)
    {
        bool changes = false;
        for (int s = first; s <= last; s++)
        {
            if (_place[s][q] == node) continue;
            if (_load[s][node] >= _problem.Capacity[node]) return false;
            changes = true;
        }
        return changes;
    }

    /// <summary>
    /// Change of the hypergraph cost if qubit q stayed on <paramref name="to"/> over slices
    /// first … last. After finer refinement a block need not be on one node; the move then also
    /// removes the migrations inside the block.
    /// </summary>
    private long Delta(int q, int first, int last, int to)
    {
        long delta = 0;
        for (int s = Math.Max(first, 1); s <= Math.Min(last + 1, _slices - 1); s++)
        {
            int before = _place[s - 1][q], after = _place[s][q];
            delta -= Hops(before, after);
            delta += Hops(s - 1 >= first ? to : before, s <= last ? to : after);
        }
        for (int s = first; s <= last; s++)
        {
            int from = _place[s][q];
            int v = _graph.Vertex(s, q);
            int begin = _graph.IncidentStart[v], end = _graph.IncidentStart[v + 1];
            _work -= end - begin + 1;
            if (begin == end || from == to) continue;
            Shift(begin, end, from, to);
            _place[s][q] = to;
            for (int i = begin; i < end; i++)
            {
                int e = _graph.EdgeOfPin[_graph.IncidentPin[i]];
                delta += EdgeCost(e) - _edgeCost[e];
            }
            _place[s][q] = from;
            Shift(begin, end, to, from);
        }
        return delta;
    }

    /// <summary>Puts qubit q on <paramref name="to"/> in slice s, keeping counts, loads and edge costs current.</summary>
    private void Apply(int q, int s, int to)
    {
        int from = _place[s][q];
        if (from == to) return;
        int v = _graph.Vertex(s, q);
        int begin = _graph.IncidentStart[v], end = _graph.IncidentStart[v + 1];
        Shift(begin, end, from, to);
        _place[s][q] = to;
        _load[s][from]--;
        _load[s][to]++;
        for (int i = begin; i < end; i++)
        {
            int e = _graph.EdgeOfPin[_graph.IncidentPin[i]];
            _edgeCost[e] = EdgeCost(e);
        }
    }

    /// <summary>Moves the weight of incident pins IncidentPin[begin … end − 1] from one node's count to another's.</summary>
    private void Shift(int begin, int end, int from, int to)
    {
        for (int i = begin; i < end; i++)
        {
            int p = _graph.IncidentPin[i];
            int e = _graph.EdgeOfPin[p];
            _count[e * _nodes + from] -= _graph.PinWeight[p];
            _count[e * _nodes + to] += _graph.PinWeight[p];
        }
    }

    /// <summary>Hops from the root's node to every other node holding a pin.</summary>
    private long EdgeCost(int e)
    {
        int root = _graph.EdgeRootQubit[e] >= 0 ? _place[_graph.EdgeSlice[e]][_graph.EdgeRootQubit[e]] : _graph.EdgeRootFixedNode[e];
        long cost = 0;
        int baseIndex = e * _nodes;
        for (int n = 0; n < _nodes; n++)
            if (n != root && _count[baseIndex + n] > 0) cost += _problem.Distances.Hops(root, n);
        return cost;
    }

    private int PinNode(int p, int e) => _graph.PinQubit[p] >= 0 ? _place[_graph.EdgeSlice[e]][_graph.PinQubit[p]] : _graph.PinFixedNode[p];

    /// <summary>Largest |gain| a move of vertex c can have: its migrations and every incident edge's full cost change.</summary>
    private long GainBound(int c, int block, int blocks)
    {
        var (q, first, last) = Span(c, block, blocks);
        long bound = 2L * _maxHops;
        for (int s = first; s <= last; s++)
        {
            int v = _graph.Vertex(s, q);
            for (int i = _graph.IncidentStart[v]; i < _graph.IncidentStart[v + 1]; i++)
            {
                int p = _graph.IncidentPin[i];
                int e = _graph.EdgeOfPin[p];
                bool root = p == _graph.EdgeStart[e];
                bound += (root ? _graph.EdgeStart[e + 1] - _graph.EdgeStart[e] : 1) * (long)_maxHops;
            }
        }
        return bound;
    }

    /// <summary>Vertices whose gain a move of c can change: those sharing an edge with it, and the qubit's neighbouring blocks.</summary>
    private IEnumerable<int> Neighbours(int c, int q, int first, int last, int block, int blocks, int[] stamp, int mark)
    {
        int b = c % blocks;
        if (b > 0) yield return c - 1;
        if (b + 1 < blocks) yield return c + 1;
        for (int s = first; s <= last; s++)
        {
            int v = _graph.Vertex(s, q);
            for (int i = _graph.IncidentStart[v]; i < _graph.IncidentStart[v + 1]; i++)
            {
                int e = _graph.EdgeOfPin[_graph.IncidentPin[i]];
                for (int p = _graph.EdgeStart[e]; p < _graph.EdgeStart[e + 1]; p++)
                {
                    int other = _graph.PinQubit[p];
                    if (other < 0 || other == q) continue;
                    int n = _variableIndex[other] * blocks + b;
                    if (stamp[n] == mark) continue;
                    stamp[n] = mark;
                    yield return n;
                }
            }
        }
    }

    private int Hops(int a, int b) => a == b ? 0 : _problem.Distances.Hops(a, b);
}
