using QNetLang.Distribution.Telegates;

namespace QNetLang.Distribution.Partitioning;

/// <summary>
/// The circuit as a hypergraph, the way the distributed-compilation literature models it:
/// vertices are qubits; each run of a qubit (see <see cref="InteractionModel"/>) is a hyperedge
/// holding the qubit and every partner of its remote-able gates. Distributing the run to all
/// nodes its partners live on costs (nodes spanned − 1) ebits on an all-to-all network, or the
/// hop weight of those nodes seen from the run's node on a sparse one.
/// </summary>
public sealed class Hypergraph
{
    public Hypergraph(int vertexCount, int[][] edges, int[] edgeOwner, int[]? edgeWeight = null)
    {
        VertexCount = vertexCount;
        Edges = edges;
        EdgeOwner = edgeOwner;
        EdgeWeight = edgeWeight ?? Enumerable.Repeat(1, edges.Length).ToArray();
        var incident = Enumerable.Range(0, vertexCount).Select(_ => new List<int>()).ToArray();
        for (int e = 0; e < edges.Length; e++)
            foreach (int v in edges[e]) incident[v].Add(e);
        Incident = incident.Select(l => l.ToArray()).ToArray();
    }

    public int VertexCount { get; }

    /// <summary>Distinct vertices of each hyperedge; the owner (the run's qubit) first.</summary>
    public int[][] Edges { get; }

    /// <summary>The vertex whose run the hyperedge is.</summary>
    public int[] EdgeOwner { get; }

    /// <summary>How many identical runs (same owner, same members) the edge stands for.</summary>
    public int[] EdgeWeight { get; }

    public int[][] Incident { get; }

    public static Hypergraph FromModel(InteractionModel model)
    {
        // Each run's partners in one flat array grouped by run (a counting sort), then sorted and
        // made distinct run by run: a sorted set per run, in a dictionary sorted afterwards, was
        // most of the partitioner's set-up on circuits of a million gates.
        var interactions = model.InteractionArray;
        int runs = model.RunCount;
        var start = new int[runs + 1];
        foreach (var g in interactions)
        {
            if (g.RunA >= 0) start[g.RunA + 1]++;
            if (g.RunB >= 0) start[g.RunB + 1]++;
        }
        for (int run = 0; run < runs; run++) start[run + 1] += start[run];
        var partners = new int[start[runs]];
        var fill = start[..runs];
        foreach (var g in interactions)
        {
            if (g.RunA >= 0) partners[fill[g.RunA]++] = g.QubitB;
            if (g.RunB >= 0) partners[fill[g.RunB]++] = g.QubitA;
        }
        // Identical runs (same qubit, same partners) become one weighted edge: long random
        // circuits repeat the same small runs thousands of times.
        var index = new Dictionary<int[], int>(EdgeMembers.Comparer);
        var edges = new List<int[]>();
        var owners = new List<int>();
        var weights = new List<int>();
        var members = new List<int>();
        for (int run = 0; run < runs; run++)
        {
            var slice = partners.AsSpan(start[run], start[run + 1] - start[run]);
            if (slice.IsEmpty) continue;
            slice.Sort();
            int owner = model.RunQubit[run];
            members.Clear();
            members.Add(owner);
            for (int j = 0; j < slice.Length; j++)
                if (slice[j] != owner && (j == 0 || slice[j] != slice[j - 1])) members.Add(slice[j]);
            if (members.Count < 2) continue;
            int[] edge = [.. members];
            if (index.TryGetValue(edge, out int existing))
            {
                weights[existing]++;
                continue;
            }
            index[edge] = edges.Count;
            edges.Add(edge);
            owners.Add(owner);
            weights.Add(1);
        }
        return new Hypergraph(model.QubitCount, [.. edges], [.. owners], [.. weights]);
    }

    /// <summary>The cost of one hyperedge under a placement: hop distances from the owner's node to the other nodes it spans.</summary>
    public long EdgeCost(int edge, int[] placement, NetworkDistances distances, Span<bool> seen)
    {
        seen.Clear();
        var members = Edges[edge];
        int home = placement[EdgeOwner[edge]];
        seen[home] = true;
        long cost = 0;
        foreach (int v in members)
        {
            int node = placement[v];
            if (seen[node]) continue;
            seen[node] = true;
            cost += distances.Hops(home, node);
        }
        return cost * EdgeWeight[edge];
    }

    public long Cost(int[] placement, NetworkDistances distances)
    {
        Span<bool> seen = stackalloc bool[distances.Count];
        long total = 0;
        for (int e = 0; e < Edges.Length; e++) total += EdgeCost(e, placement, distances, seen);
        return total;
    }
}
