namespace QNetLang.Distribution.Partitioning;

/// <summary>
/// The time-extended hypergraph of a sliced program (Burt, Chen and Leung's temporal
/// hypergraph): a vertex per unpinned qubit per slice, a migration edge between a qubit's
/// consecutive slices (implicit: it costs the hops between the two nodes, one ebit per hop, as a
/// teleport does) and a gate hyperedge per group of gates that one cat-entangled copy can serve.
/// <para>
/// A gate hyperedge has a root — a run of one qubit within the slice (gates diagonal on it in one
/// basis, see <see cref="Telegates.InteractionModel"/>) — and as further pins the partners of the
/// run's gates. Its cost is what sharing the root costs: the hops from the root's node to every
/// other node holding a pin (the λ − 1 connectivity metric on an all-to-all network). Every gate
/// belongs to exactly one hyperedge, rooted at whichever of its two runs has more gates in the
/// slice (or at the only side a copy can serve). The exact cover may serve a gate from either side
/// and so costs at most this; the partitioner uses this cost because it changes locally when one
/// vertex moves, and the pass judges its result by the exact cost.
/// </para>
/// </summary>
internal sealed class TemporalHypergraph
{
    public TemporalHypergraph(ProgramSlices slices)
    {
        var problem = slices.Problem;
        SliceCount = slices.Count;
        QubitCount = problem.Circuit.Qubits.Length;
        var edgeSlice = new List<int>();
        var edgeRoot = new List<int>();
        var edgeRootFixed = new List<int>();
        var edgeStart = new List<int> { 0 };
        var pinQubit = new List<int>();
        var pinFixed = new List<int>();
        var pinWeight = new List<int>();
        for (int s = 0; s < slices.Count; s++)
        {
            var model = slices.Models[s];
            var gatesOfRun = new int[model.RunCount];
            foreach (var g in model.Interactions)
            {
                if (g.RunA >= 0) gatesOfRun[g.RunA]++;
                if (g.RunB >= 0) gatesOfRun[g.RunB]++;
            }
            // Group the slice's gates by root run; a gate with no run on either side is its own group.
            var groups = new Dictionary<int, List<(int Qubit, int Fixed)>>();
            var roots = new List<(int Key, int Qubit, int Fixed)>();
            int single = -1;
            foreach (var g in model.Interactions)
            {
                bool rootIsA = g.RunB < 0 || (g.RunA >= 0 && gatesOfRun[g.RunA] >= gatesOfRun[g.RunB]);
                int run = rootIsA ? g.RunA : g.RunB;
                int key = run >= 0 ? run : single--;
                if (!groups.TryGetValue(key, out var partners))
                {
                    partners = [];
                    groups[key] = partners;
                    roots.Add(rootIsA ? (key, g.QubitA, g.FixedNodeA) : (key, g.QubitB, g.FixedNodeB));
                }
                partners.Add(rootIsA ? (g.QubitB, g.FixedNodeB) : (g.QubitA, g.FixedNodeA));
            }
            foreach (var (key, rootQubit, rootFixed) in roots)
            {
                edgeSlice.Add(s);
                edgeRoot.Add(rootFixed >= 0 ? -1 : rootQubit);
                edgeRootFixed.Add(rootFixed);
                // The root is a pin of weight 1; partners met twice are one pin of weight 2.
                var weights = new Dictionary<(int, int), int> { [(rootFixed >= 0 ? -1 : rootQubit, rootFixed)] = 1 };
                var order = new List<(int, int)> { (rootFixed >= 0 ? -1 : rootQubit, rootFixed) };
                foreach (var (q, f) in groups[key])
                {
                    var pin = (f >= 0 ? -1 : q, f);
                    if (weights.TryGetValue(pin, out int w)) weights[pin] = w + 1;
                    else
                    {
                        weights[pin] = 1;
                        order.Add(pin);
                    }
                }
                foreach (var pin in order)
                {
                    pinQubit.Add(pin.Item1);
                    pinFixed.Add(pin.Item2);
                    pinWeight.Add(weights[pin]);
                }
                edgeStart.Add(pinQubit.Count);
            }
        }
        EdgeSlice = [.. edgeSlice];
        EdgeRootQubit = [.. edgeRoot];
        EdgeRootFixedNode = [.. edgeRootFixed];
        EdgeStart = [.. edgeStart];
        PinQubit = [.. pinQubit];
        PinFixedNode = [.. pinFixed];
        PinWeight = [.. pinWeight];

        // Incidence of every (slice, variable qubit) vertex, compressed by vertex.
        var degree = new int[SliceCount * QubitCount + 1];
        for (int e = 0; e < EdgeCount; e++)
            for (int p = EdgeStart[e]; p < EdgeStart[e + 1]; p++)
                if (PinQubit[p] >= 0) degree[Vertex(EdgeSlice[e], PinQubit[p]) + 1]++;
        for (int i = 1; i < degree.Length; i++) degree[i] += degree[i - 1];
        IncidentStart = degree;
        IncidentPin = new int[degree[^1]];
        var fill = (int[])degree.Clone();
        for (int e = 0; e < EdgeCount; e++)
            for (int p = EdgeStart[e]; p < EdgeStart[e + 1]; p++)
                if (PinQubit[p] >= 0) IncidentPin[fill[Vertex(EdgeSlice[e], PinQubit[p])]++] = p;
        EdgeOfPin = new int[PinQubit.Length];
        for (int e = 0; e < EdgeCount; e++)
            for (int p = EdgeStart[e]; p < EdgeStart[e + 1]; p++) EdgeOfPin[p] = e;
    }

    public int SliceCount { get; }

    public int QubitCount { get; }

    public int EdgeCount => EdgeSlice.Length;

    public int PinCount => PinQubit.Length;

    public int[] EdgeSlice { get; }

    /// <summary>Variable qubit at the root of each edge, −1 when the root's node is fixed.</summary>
    public int[] EdgeRootQubit { get; }

    /// <summary>Node of a fixed root, −1 otherwise.</summary>
    public int[] EdgeRootFixedNode { get; }

    /// <summary>Pins of edge e are EdgeStart[e] … EdgeStart[e + 1] − 1; the first is the root.</summary>
    public int[] EdgeStart { get; }

    /// <summary>Variable qubit of each pin, −1 for a pin on a fixed node.</summary>
    public int[] PinQubit { get; }

    public int[] PinFixedNode { get; }

    /// <summary>Gates of the edge the pin's qubit takes part in (1 for the root).</summary>
    public int[] PinWeight { get; }

    public int[] EdgeOfPin { get; }

    /// <summary>Pins of vertex (s, q) are IncidentPin[IncidentStart[v] … IncidentStart[v + 1] − 1] with v = <see cref="Vertex"/>.</summary>
    public int[] IncidentStart { get; }

    public int[] IncidentPin { get; }

    public int Vertex(int slice, int qubit) => slice * QubitCount + qubit;
}
