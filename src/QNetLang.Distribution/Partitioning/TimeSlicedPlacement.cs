using QNetLang.Distribution.Telegates;
using QNetLang.Ir;

namespace QNetLang.Distribution.Partitioning;

/// <summary>
/// Qubit migration (teledata), the time-sliced view of partitioning: the circuit is cut into
/// slices of about one layer each, every slice may place the unpinned qubits differently, and a
/// qubit that changes node between slices is teleported (one ebit per hop). Starting from the
/// static placement, a local search moves a qubit to another node over a range of slices (or
/// swaps it with a qubit there) whenever the telegates saved in those slices outweigh the
/// teleports paid at the range's ends. A gate that a telegate serves badly — a block of CNOTs
/// between single-qubit rotations needs one ebit per CNOT — is often cheaper to serve by moving
/// one of its qubits, for one ebit, to where its partners are.
/// </summary>
internal sealed class TimeSlicedPlacement
{
    private readonly PartitionProblem _problem;
    private readonly List<(int Start, int End)> _slices;
    private readonly InteractionModel[] _models;
    private readonly int[][] _placement;
    private readonly int[][] _load;
    private readonly long[] _sliceCost;
    private readonly int _nodes;
    private long _budget;

    public TimeSlicedPlacement(ProgramSlices slices, int[] staticPlacement, long budget)
    {
        _problem = slices.Problem;
        var problem = _problem;
        _budget = budget;
        _nodes = problem.Distances.Count;
        _slices = [.. slices.Ranges];
        _models = slices.Models;
        _placement = _slices.Select(_ => (int[])staticPlacement.Clone()).ToArray();
        _load = new int[_slices.Count][];
        for (int s = 0; s < _slices.Count; s++)
        {
            _load[s] = new int[_nodes];
            for (int v = 0; v < staticPlacement.Length; v++)
                if (problem.Variable[v]) _load[s][staticPlacement[v]]++;
        }
        _sliceCost = new long[_slices.Count];
        for (int s = 0; s < _slices.Count; s++) _sliceCost[s] = Cost(s);
    }

    public int SliceCount => _slices.Count;

    /// <summary>Operation index where each slice starts.</summary>
    public IEnumerable<int> SliceStarts => _slices.Select(s => s.Start);

    public int[] PlacementOf(int slice) => _placement[slice];

    /// <summary>Telegate cost of all slices plus the teleports between them.</summary>
    public long TotalCost()
    {
        long total = _sliceCost.Sum();
        for (int s = 1; s < _slices.Count; s++)
            for (int v = 0; v < _placement[s].Length; v++)
                if (_problem.Variable[v]) total += Hops(_placement[s - 1][v], _placement[s][v]);
        return total;
    }

    /// <summary>
    /// Forward greedy over the slices: each slice starts from the previous slice's placement and
    /// moves or swaps qubits while the telegates it saves in that slice exceed the teleports it
    /// costs; later slices inherit the result. Decisions look one slice ahead only, which is
    /// what a circuit that changes partners every layer (quantum volume) needs.
    /// </summary>
    public void ImproveForward(Random random, int maxSweeps)
    {
        var variables = Enumerable.Range(0, _problem.Variable.Length).Where(v => _problem.Variable[v]).ToArray();
        bool swapsPossible = _problem.Capacity.Sum() > variables.Length;
        for (int s = 1; s < _slices.Count && _budget > 0; s++)
        {
            Inherit(s);
            var previous = _placement[s - 1];
            for (int sweep = 0; sweep < maxSweeps && _budget > 0; sweep++)
            {
                bool improved = false;
                random.Shuffle(variables);
                foreach (int v in variables)
                {
                    if (_budget <= 0) break;
                    int from = _placement[s][v];
                    foreach (int to in PartnerNodes(v, s))
                    {
                        if (to == from) continue;
                        if (_load[s][to] < _problem.Capacity[to])
                        {
                            long delta = Hops(previous[v], to) - Hops(previous[v], from) + SliceDelta(s, v, to, -1, from);
                            if (delta < 0)
                            {
                                Commit(s, v, to, -1, from);
                                improved = true;
                                break;
                            }
                            continue;
                        }
                        if (!swapsPossible) continue;
                        foreach (int u in variables)
                        {
                            if (_placement[s][u] != to || _budget <= 0) continue;
                            long delta = Hops(previous[v], to) - Hops(previous[v], from) + Hops(previous[u], from) - Hops(previous[u], to) + SliceDelta(s, v, to, u, from);
                            if (delta < 0)
                            {
                                Commit(s, v, to, u, from);
                                improved = true;
                                break;
                            }
                        }
                        if (_placement[s][v] != from) break;
                    }
                }
                if (!improved) break;
            }
        }
        for (int k = 0; k < _slices.Count; k++) _sliceCost[k] = Cost(k);
    }

    /// <summary>Slice s and every later slice take the placement of slice s − 1.</summary>
    private void Inherit(int s)
    {
        for (int k = s; k < _slices.Count; k++)
        {
            Array.Copy(_placement[s - 1], _placement[k], _placement[k].Length);
            Array.Copy(_load[s - 1], _load[k], _nodes);
        }
        _sliceCost[s] = Cost(s);
    }

    private long SliceDelta(int s, int v, int to, int u, int from)
    {
        _placement[s][v] = to;
        if (u >= 0) _placement[s][u] = from;
        long cost = Cost(s);
        _budget--;
        _placement[s][v] = from;
        if (u >= 0) _placement[s][u] = to;
        return cost - _sliceCost[s];
    }

    /// <summary>Applies a move (or swap) to slice s and every later slice, which inherit it.</summary>
    private void Commit(int s, int v, int to, int u, int from)
    {
        for (int k = s; k < _slices.Count; k++)
        {
            _placement[k][v] = to;
            if (u >= 0) _placement[k][u] = from;
            else
            {
                _load[k][from]--;
                _load[k][to]++;
            }
        }
        _sliceCost[s] = Cost(s);
    }

    public void Improve(Random random, int maxPasses)
    {
        var variables = Enumerable.Range(0, _problem.Variable.Length).Where(v => _problem.Variable[v]).ToArray();
        for (int pass = 0; pass < maxPasses && _budget > 0; pass++)
        {
            bool improved = false;
            for (int s = 0; s < _slices.Count && _budget > 0; s++)
            {
                random.Shuffle(variables);
                foreach (int v in variables)
                {
                    if (_budget <= 0) break;
                    if (TryMove(v, s, variables)) improved = true;
                }
            }
            if (!improved) break;
        }
    }

    /// <summary>Tries moving <paramref name="v"/> to a partner's node from slice <paramref name="s"/> to the end of its current stay, or for slice s alone.</summary>
    private bool TryMove(int v, int s, int[] variables)
    {
        int from = _placement[s][v];
        int stayEnd = s;
        while (stayEnd + 1 < _slices.Count && _placement[stayEnd + 1][v] == from) stayEnd++;
        foreach (int to in PartnerNodes(v, s))
        {
            if (to == from) continue;
            foreach (int end in stayEnd == s ? new[] { s } : new[] { stayEnd, s })
            {
                if (Fits(to, s, end))
                {
                    if (Evaluate(v, -1, from, to, s, end) < 0) { Apply(v, -1, from, to, s, end); return true; }
                    continue;
                }
                // No room: swap with a qubit that stays on `to` over the same slices. The two
                // teleports of a swap need a free data qubit somewhere to pass through.
                if (_problem.Capacity.Sum() <= variables.Length) continue;
                foreach (int u in variables)
                {
                    if (_budget <= 0) return false;
                    if (!StaysOn(u, to, s, end)) continue;
                    if (Evaluate(v, u, from, to, s, end) < 0) { Apply(v, u, from, to, s, end); return true; }
                }
            }
        }
        return false;
    }

    private long Evaluate(int v, int u, int from, int to, int s, int end)
    {
        long before = Transitions(v, s, end) + (u >= 0 ? Transitions(u, s, end) : 0);
        for (int k = s; k <= end; k++) before += _sliceCost[k];
        Set(v, u, from, to, s, end);
        long after = Transitions(v, s, end) + (u >= 0 ? Transitions(u, s, end) : 0);
        for (int k = s; k <= end; k++)
        {
            after += Cost(k);
            _budget--;
        }
        Set(v, u, to, from, s, end);
        return after - before;
    }

    private void Apply(int v, int u, int from, int to, int s, int end)
    {
        Set(v, u, from, to, s, end);
        for (int k = s; k <= end; k++)
        {
            _sliceCost[k] = Cost(k);
            if (u < 0)
            {
                _load[k][from]--;
                _load[k][to]++;
            }
        }
    }

    private void Set(int v, int u, int from, int to, int s, int end)
    {
        for (int k = s; k <= end; k++)
        {
            _placement[k][v] = to;
            if (u >= 0) _placement[k][u] = from;
        }
    }

    /// <summary>Teleport cost at the two ends of the range for one qubit.</summary>
    private long Transitions(int v, int s, int end)
    {
        long cost = 0;
        if (s > 0) cost += Hops(_placement[s - 1][v], _placement[s][v]);
        if (end + 1 < _slices.Count) cost += Hops(_placement[end][v], _placement[end + 1][v]);
        return cost;
    }

    private bool Fits(int node, int s, int end)
    {
        for (int k = s; k <= end; k++)
            if (_load[k][node] >= _problem.Capacity[node]) return false;
        return true;
    }

    private bool StaysOn(int u, int node, int s, int end)
    {
        for (int k = s; k <= end; k++)
            if (_placement[k][u] != node) return false;
        return true;
    }

    private IEnumerable<int> PartnerNodes(int v, int s)
    {
        var nodes = new SortedSet<int>();
        foreach (var g in _models[s].Interactions)
        {
            if (g.QubitA == v) nodes.Add(g.FixedNodeB >= 0 ? g.FixedNodeB : _placement[s][g.QubitB]);
            else if (g.QubitB == v) nodes.Add(g.FixedNodeA >= 0 ? g.FixedNodeA : _placement[s][g.QubitA]);
        }
        return nodes;
    }

    private long Cost(int slice) => TelegateCover.Cost(_models[slice], _placement[slice], _problem.Distances, _workspace);

    private readonly TelegateCover.Workspace _workspace = new();

    private int Hops(int a, int b) => a == b ? 0 : _problem.Distances.Hops(a, b);
}
