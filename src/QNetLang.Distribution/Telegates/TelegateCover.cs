namespace QNetLang.Distribution.Telegates;

/// <summary>
/// The cheapest way to make every remote two-qubit gate local with cat-entangled copies, for a
/// given placement. Each remote gate g = (a on A, b on B) can be run on B with a copy of a's run
/// (vertex (run_a, B)) or on A with a copy of b's run (vertex (run_b, A)), when the gate is
/// diagonal on that qubit. One copy serves every gate of its run that needs that node (packing),
/// so the problem is a minimum-weight vertex cover, weights being hop distances.
/// <para>
/// Communication qubits are not part of the cost: a copy holds one at its node from its first
/// gate to its last, and a node that runs out closes a copy early (one ebit more, see
/// <see cref="TelegateRewriter"/>). Where some node has fewer communication qubits than the
/// circuit has qubits, <see cref="Solve(InteractionModel, int[], NetworkDistances, bool)"/> can
/// be asked to pick, among the covers of least cost, one whose copies are open for the shortest
/// total time (<see cref="Workspace.ShortCopiesFirst"/>): the same ebits on paper, and far fewer
/// early closes where the copies of long runs would otherwise crowd a node.
/// </para>
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
    /// <param name="Embedded">The copies kept alive through a sandwich (<see cref="SandwichEmbedding"/>).</param>
    public sealed record Result(long Cost, long[] Assignment, long[] Detached, int NodeCount, IReadOnlyList<EmbeddedCopy> Embedded);

    /// <summary>
    /// A copy (cover key; the later run's gates are assigned it too) kept through the sandwich of
    /// the model's embedding <paramref name="Embedding"/> at <paramref name="Node"/>, where every
    /// partner of the sandwich's gates is.
    /// </summary>
    public sealed record EmbeddedCopy(int Embedding, long Copy, int Node);

    public static long VertexKey(int run, int node, int nodeCount) => (long)run * nodeCount + node;

    /// <summary>
    /// Buffers one solve needs, kept between solves: the partitioner evaluates thousands of
    /// placements of one model, and allocating the vertex table, edge lists and flow network
    /// for each was most of the cost. Not thread-safe; one per caller.
    /// </summary>
    public sealed class Workspace
    {
        internal int[] VertexOfKey = [];
        internal long[] KeyAlias = [];
        internal readonly List<long> AliasedKeys = new();
        internal long[] KeyOf = [];
        internal long[] Weights = [];
        internal bool[] IsLeft = [];
        internal bool[] Forced = [];
        internal bool[] Chosen = [];
        internal bool[] Used = [];
        internal (int, int)[] Edges = [];
        internal int[] SideA = [];
        internal int[] SideB = [];
        internal int[] NodesA = [];
        internal int[] NodesB = [];
        internal readonly MaxFlow Flow = new(0);
        internal readonly DetachedGates.Buffers Detached = new();

        /// <summary>Whether parts that are stars are cut in closed form (<see cref="StarCut"/>); off only in tests, which compare both ways.</summary>
        internal bool StarCuts = true;

        /// <summary>Cuts of parts solved before, by their flow problem (<see cref="PartCutCache"/>); off only in tests, which compare both ways.</summary>
        internal bool CachedCuts = true;

        internal readonly PartCutCache Cuts = new();

        /// <summary>Set for one solve by <see cref="Solve(InteractionModel, int[], NetworkDistances, bool)"/>: break ties between covers of equal cost by the copies' lifetimes.</summary>
        internal bool ShortCopiesFirst;

        /// <summary>Set for one solve: reopenings a trial rewrite needed per copy key, each weighing the copy's hops again.</summary>
        internal IReadOnlyDictionary<long, int>? Reopenings;

        internal int[] FirstGate = [];
        internal int[] LastGate = [];
        internal long[] PrimaryWeights = [];
        internal bool[] PartChosen = [];
        internal int[] Parent = [];
        internal int[] PartOf = [];
        internal int[] PartIndex = [];
        internal int[] Local = [];
        internal int[] OpenEdges = [];
        internal int[] EdgeStart = [];
        internal int[] VertexStart = [];
        internal int[] EdgeFill = [];
        internal int[] VertexFill = [];
        internal int[] PartEdges = [];
        internal int[] PartVertices = [];

        internal void PrepareParts(int vertices, int edges)
        {
            if (Parent.Length < vertices)
            {
                Parent = new int[vertices];
                PartOf = new int[vertices];
                PartIndex = new int[vertices];
                Local = new int[vertices];
                VertexStart = new int[vertices + 1];
                EdgeStart = new int[vertices + 1];
                EdgeFill = new int[vertices + 1];
                VertexFill = new int[vertices + 1];
                PartVertices = new int[vertices];
                PartChosen = new bool[vertices];
            }
            if (OpenEdges.Length < edges)
            {
                OpenEdges = new int[edges];
                PartEdges = new int[edges];
            }
        }

        private int[]? _commQubits;
        private NetworkDistances? _commQubitsOf;

        /// <summary>Communication qubits per node, computed once per network.</summary>
        internal int[] CommQubits(NetworkDistances distances)
        {
            if (!ReferenceEquals(_commQubitsOf, distances))
            {
                _commQubits = [.. distances.Processors.Select(p => p.CommQubits)];
                _commQubitsOf = distances;
            }
            return _commQubits!;
        }

        internal void Prepare(int keys, int interactions, int embeddedGates)
        {
            if (VertexOfKey.Length < keys)
            {
                VertexOfKey = new int[keys];
                Array.Fill(VertexOfKey, -1);
            }
            if (embeddedGates > 0 && KeyAlias.Length < keys)
            {
                KeyAlias = new long[keys];
                Array.Fill(KeyAlias, -1L);
            }
            // At most two cover vertices and one edge per interaction.
            int vertices = 2 * interactions;
            // Lifetimes only where they break ties: the partitioner's many solves never need them.
            if (ShortCopiesFirst && FirstGate.Length < vertices)
            {
                FirstGate = new int[vertices];
                LastGate = new int[vertices];
                PrimaryWeights = new long[vertices];
            }
            if (Weights.Length < vertices)
            {
                KeyOf = new long[vertices];
                Weights = new long[vertices];
                IsLeft = new bool[vertices];
                Forced = new bool[vertices];
                Chosen = new bool[vertices];
                Used = new bool[vertices];
            }
            if (Edges.Length < interactions)
            {
                Edges = new (int, int)[interactions];
                SideA = new int[interactions];
                SideB = new int[interactions];
                NodesA = new int[interactions];
                NodesB = new int[interactions];
            }
        }
    }

    /// <param name="placement">Node index of every qubit the model treats as variable (others are read from the model).</param>
    public static Result Solve(InteractionModel model, int[] placement, NetworkDistances distances) =>
        Run(model, placement, distances, new Workspace(), withAssignment: true);

    /// <summary>
    /// <see cref="Solve(InteractionModel, int[], NetworkDistances)"/>; with
    /// <paramref name="shortCopiesFirst"/>, among the covers of least cost the one whose copies
    /// are open for the shortest total time (see the class remarks).
    /// </summary>
    public static Result Solve(InteractionModel model, int[] placement, NetworkDistances distances, bool shortCopiesFirst) =>
        Run(model, placement, distances, new Workspace { ShortCopiesFirst = shortCopiesFirst }, withAssignment: true);

    /// <summary>
    /// <see cref="Solve(InteractionModel, int[], NetworkDistances, bool)"/> with some copies
    /// dearer: a copy whose key has n reopenings in <paramref name="reopenings"/> weighs
    /// (n + 1) times its hops, as it would if it were closed early and opened again n times.
    /// </summary>
    public static Result Solve(InteractionModel model, int[] placement, NetworkDistances distances, bool shortCopiesFirst, IReadOnlyDictionary<long, int> reopenings) =>
        Run(model, placement, distances, new Workspace { ShortCopiesFirst = shortCopiesFirst, Reopenings = reopenings }, withAssignment: true);

    /// <summary><see cref="Solve"/> in the given buffers (tests compare workspaces of different settings).</summary>
    internal static Result Solve(InteractionModel model, int[] placement, NetworkDistances distances, Workspace workspace) =>
        Run(model, placement, distances, workspace, withAssignment: true);

    /// <summary>The cost <see cref="Solve"/> would return, computed the same way in <paramref name="workspace"/>'s buffers.</summary>
    public static long Cost(InteractionModel model, int[] placement, NetworkDistances distances, Workspace workspace) =>
        Run(model, placement, distances, workspace, withAssignment: false).Cost;

    private static Result Run(InteractionModel model, int[] placement, NetworkDistances distances, Workspace ws, bool withAssignment)
    {
        int k = distances.Count;
        var interactions = model.InteractionArray;
        ws.Prepare(model.RunCount * k, interactions.Length, model.EmbeddedGateCount);
        var commQubits = ws.CommQubits(distances);
        var keyAlias = ws.KeyAlias;
        var vertexOf = ws.VertexOfKey;
        var keyOf = ws.KeyOf;
        var weights = ws.Weights;
        var isLeft = ws.IsLeft;
        var forced = ws.Forced;
        var edges = ws.Edges;
        var sideA = ws.SideA;
        var sideB = ws.SideB;
        var nodesA = ws.NodesA;
        var nodesB = ws.NodesB;
        int n = 0, edgeCount = 0;
        var assignment = withAssignment ? new long[interactions.Length] : [];

        long Root(long key)
        {
            while (keyAlias[key] >= 0) key = keyAlias[key];
            return key;
        }

        int Vertex(int run, int home, int target)
        {
            long raw = VertexKey(run, target, k);
            int v = vertexOf[raw];
            if (v >= 0) return v;
            long key = ws.AliasedKeys.Count > 0 ? Root(raw) : raw;
            if (key != raw)
            {
                // A later run contracted into an earlier one's copy: both keys find the one vertex.
                v = vertexOf[key] >= 0 ? vertexOf[key] : Vertex((int)(key / k), home, target);
                vertexOf[raw] = v;
                return v;
            }
            v = n++;
            vertexOf[key] = v;
            keyOf[v] = key;
            weights[v] = distances.Hops(home, target);
            if (ws.Reopenings is { } reopenings && reopenings.TryGetValue(key, out int again)) weights[v] *= again + 1;
            isLeft[v] = home < target;
            forced[v] = false;
            if (ws.ShortCopiesFirst) (ws.FirstGate[v], ws.LastGate[v]) = (int.MaxValue, -1);
            return v;
        }

        var embedded = withAssignment ? new List<(int, int)>() : null;
        try
        {
            if (model.Embeddings.Count > 0) Contract(model, placement, k, commQubits, keyAlias, ws.AliasedKeys, embedded);
            for (int i = 0; i < interactions.Length; i++)
            {
                ref readonly var g = ref interactions[i];
                int nodeA = g.FixedNodeA >= 0 ? g.FixedNodeA : placement[g.QubitA];
                int nodeB = g.FixedNodeB >= 0 ? g.FixedNodeB : placement[g.QubitB];
                sideA[i] = sideB[i] = -1;
                nodesA[i] = nodeA;
                nodesB[i] = nodeB;
                if (withAssignment) assignment[i] = -1;
                if (nodeA == nodeB) continue;
                int va = g.RunA >= 0 ? Vertex(g.RunA, nodeA, nodeB) : -1;
                int vb = g.RunB >= 0 ? Vertex(g.RunB, nodeB, nodeA) : -1;
                sideA[i] = va;
                sideB[i] = vb;
                if (ws.ShortCopiesFirst) Lifetime(ws, va, vb, i);
                if (va >= 0 && vb >= 0) edges[edgeCount++] = (va, vb);
                else if (va >= 0) forced[va] = true;
                else if (vb >= 0) forced[vb] = true;
                else throw new InvalidOperationException("a remote gate acts non-diagonally on both qubits; it should have been decomposed");
            }

            var chosen = ws.Chosen;
            long cost = 0;
            for (int v = 0; v < n; v++)
            {
                chosen[v] = forced[v];
                if (forced[v]) cost += weights[v];
            }

            // Edges already covered by a forced vertex drop out; the rest go to the min cut.
            cost += ws.ShortCopiesFirst ? MinimumCutOfShortCopies(ws, n, edgeCount, interactions.Length) : MinimumCut(ws, n, edgeCount);

            var (saved, detachedAt) = DetachedGates.Reduce(new DetachedGates.Cover(interactions, nodesA, nodesB, sideA, sideB, vertexOf, n, weights, chosen, k, commQubits), ws.Detached);
            cost -= saved;
            if (!withAssignment) return new Result(cost, [], [], k, []);
            long KeyOfVertex(int v) => keyOf[v];
            var copies = new List<EmbeddedCopy>();
            foreach (var (e, node) in embedded!)
            {
                // The copy of the chain's first run there, if any: it stays open through every
                // sandwich of the chain that a later run's copy is contracted across, so each of
                // those sandwiches is mirrored on it (a copy not open at a mirror is skipped).
                int v = vertexOf[Root(VertexKey(model.Embeddings[e].After, node, k))];
                if (v >= 0) copies.Add(new EmbeddedCopy(e, KeyOfVertex(v), node));
            }

            var detached = new long[interactions.Length];
            Array.Fill(detached, -1L);
            for (int i = 0; i < interactions.Length; i++)
            {
                if (sideA[i] < 0 && sideB[i] < 0) continue;
                if (detachedAt[i] >= 0)
                {
                    assignment[i] = KeyOfVertex(vertexOf[VertexKey(interactions[i].RunA, detachedAt[i], k)]);
                    detached[i] = KeyOfVertex(vertexOf[VertexKey(interactions[i].RunB, detachedAt[i], k)]);
                    continue;
                }
                // Prefer a's copy when both were chosen; the order is fixed, so the result is deterministic.
                assignment[i] = sideA[i] >= 0 && chosen[sideA[i]] ? KeyOfVertex(sideA[i]) : KeyOfVertex(sideB[i]);
            }
            return new Result(cost, assignment, detached, k, copies);
        }
        finally
        {
            // Leave the vertex and alias tables empty for the next solve (only the keys this one used).
            for (int v = 0; v < n; v++) vertexOf[keyOf[v]] = -1;
            foreach (long key in ws.AliasedKeys)
            {
                vertexOf[key] = -1;
                keyAlias[key] = -1;
            }
            ws.AliasedKeys.Clear();
        }
    }

    /// <summary>
    /// Contracts, before the cut, each embedding whose sandwich partners all sit at one node B
    /// (other than the qubit's own): the copies of its two runs at B become one vertex, since one
    /// copy serves both at no extra cost (the partners are there to be mirrored). The graph stays
    /// bipartite (both copies go from the same home to B), so the cover is still exact.
    /// </summary>
    private static void Contract(InteractionModel model, int[] placement, int k, int[] commQubits, long[] keyAlias, List<long> aliased, List<(int, int)>? embedded)
    {
        var interactions = model.InteractionArray;
        int NodeOf(int i, int operand)
        {
            ref readonly var g = ref interactions[i];
            return operand == 0 ? (g.FixedNodeA >= 0 ? g.FixedNodeA : placement[g.QubitA]) : (g.FixedNodeB >= 0 ? g.FixedNodeB : placement[g.QubitB]);
        }
        var embeddings = model.Embeddings;
        for (int e = 0; e < embeddings.Count; e++)
        {
            var embedding = embeddings[e];
            int home = NodeOf(embedding.Middle[0], embedding.MiddleOperand[0]);
            int target = NodeOf(embedding.Middle[0], 1 - embedding.MiddleOperand[0]);
            if (target == home || commQubits[target] < 2) continue;
            bool together = true;
            for (int j = 1; j < embedding.Middle.Length && together; j++)
                together = NodeOf(embedding.Middle[j], 1 - embedding.MiddleOperand[j]) == target && NodeOf(embedding.Middle[j], embedding.MiddleOperand[j]) == home;
            if (!together) continue;
            long after = VertexKey(embedding.After, target, k);
            long root = VertexKey(embedding.Before, target, k);
            while (keyAlias[root] >= 0) root = keyAlias[root];
            if (root == after) continue;
            keyAlias[after] = root;
            aliased.Add(after);
            embedded?.Add((e, target));
        }
    }

    /// <summary>The interactions a vertex may serve span its copy's lifetime, were it chosen.</summary>
    private static void Lifetime(Workspace ws, int va, int vb, int interaction)
    {
        foreach (int v in (ReadOnlySpan<int>)[va, vb])
        {
            if (v < 0) continue;
            ws.FirstGate[v] = Math.Min(ws.FirstGate[v], interaction);
            ws.LastGate[v] = Math.Max(ws.LastGate[v], interaction);
        }
    }

    /// <summary>
    /// <see cref="MinimumCut"/> with each weight w made w·M + t, where t ∈ [0, 1000] is the
    /// vertex's lifetime as a fraction of the circuit and M exceeds the sum of every t: the cut
    /// is still of least cost, and among those the one whose copies live shortest. Returns the
    /// cost in the plain weights, which are restored.
    /// </summary>
    private static long MinimumCutOfShortCopies(Workspace ws, int n, int edgeCount, int interactions)
    {
        const long resolution = 1000;
        long scale = resolution * n + 1;
        var weights = ws.Weights;
        var primary = ws.PrimaryWeights;
        for (int v = 0; v < n; v++)
        {
            primary[v] = weights[v];
            long span = ws.LastGate[v] < 0 ? 0 : ws.LastGate[v] - ws.FirstGate[v];
            weights[v] = weights[v] * scale + span * resolution / Math.Max(1, interactions);
        }
        MinimumCut(ws, n, edgeCount);
        long cost = 0;
        for (int v = 0; v < n; v++)
        {
            weights[v] = primary[v];
            if (ws.Chosen[v] && !ws.Forced[v]) cost += weights[v];
        }
        return cost;
    }

    /// <summary>
    /// The weight of a minimum cover of the open edges (those no forced vertex covers), from a
    /// minimum cut; marks its vertices in <see cref="Workspace.Chosen"/>. Each connected part
    /// of the cover graph is cut on its own: a long circuit's graph is thousands of small
    /// parts, and one flow network over all of them pays every Dinic phase of the slowest part
    /// over the whole graph. The cover is the same either way: the vertices reachable from the
    /// source after a maximum flow are the same for every maximum flow (the minimal minimum
    /// cut), and with one source and one sink shared by disjoint parts, reachability and flow
    /// split by part.
    /// </summary>
    private static long MinimumCut(Workspace ws, int n, int edgeCount)
    {
        var chosen = ws.Chosen;
        var edges = ws.Edges;
        var isLeft = ws.IsLeft;
        var weights = ws.Weights;
        ws.PrepareParts(n, edgeCount);
        var parent = ws.Parent;
        for (int v = 0; v < n; v++) parent[v] = v;
        int Find(int v)
        {
            while (parent[v] != v) v = parent[v] = parent[parent[v]];
            return v;
        }
        int open = 0;
        for (int e = 0; e < edgeCount; e++)
        {
            var (a, b) = edges[e];
            if (chosen[a] || chosen[b]) continue;
            ws.OpenEdges[open++] = e;
            int ra = Find(a), rb = Find(b);
            // The smaller root wins, so parts are numbered by their lowest vertex.
            if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
        if (open == 0) return 0;

        // Open edges and their vertices grouped by part (counting sort; order kept within a part).
        var partOf = ws.PartOf;
        var used = ws.Used;
        Array.Clear(used, 0, n);
        for (int i = 0; i < open; i++)
        {
            var (a, b) = edges[ws.OpenEdges[i]];
            used[a] = used[b] = true;
        }
        int parts = 0;
        var partIndex = ws.PartIndex;
        for (int v = 0; v < n; v++) partIndex[v] = -1;
        for (int v = 0; v < n; v++)
        {
            if (!used[v]) continue;
            int root = Find(v);
            if (partIndex[root] < 0) partIndex[root] = parts++;
            partOf[v] = partIndex[root];
        }
        var edgeStart = ws.EdgeStart;
        var vertexStart = ws.VertexStart;
        Array.Clear(edgeStart, 0, parts + 1);
        Array.Clear(vertexStart, 0, parts + 1);
        for (int i = 0; i < open; i++) edgeStart[partOf[edges[ws.OpenEdges[i]].Item1] + 1]++;
        for (int v = 0; v < n; v++)
            if (used[v]) vertexStart[partOf[v] + 1]++;
        for (int p = 0; p < parts; p++)
        {
            edgeStart[p + 1] += edgeStart[p];
            vertexStart[p + 1] += vertexStart[p];
        }
        var edgeFill = ws.EdgeFill;
        var vertexFill = ws.VertexFill;
        Array.Copy(edgeStart, edgeFill, parts);
        Array.Copy(vertexStart, vertexFill, parts);
        var partEdges = ws.PartEdges;
        var partVertices = ws.PartVertices;
        for (int i = 0; i < open; i++) partEdges[edgeFill[partOf[edges[ws.OpenEdges[i]].Item1]]++] = ws.OpenEdges[i];
        var local = ws.Local;
        for (int v = 0; v < n; v++)
            if (used[v])
            {
                int p = partOf[v];
                local[v] = vertexFill[p] - vertexStart[p];
                partVertices[vertexFill[p]++] = v;
            }

        long cut = 0;
        var flow = ws.Flow;
        for (int p = 0; p < parts; p++)
        {
            if (ws.StarCuts && StarCut(ws, edgeStart[p], edgeStart[p + 1], vertexStart[p], vertexStart[p + 1]) is { } star)
            {
                cut += star;
                continue;
            }
            int size = vertexStart[p + 1] - vertexStart[p];
            // The part's whole flow problem is its key: parts the last evaluations already cut
            // (all those the moved qubit does not touch) are read back instead of re-solved.
            var cache = ws.Cuts;
            cache.Begin(size);
            for (int j = vertexStart[p]; j < vertexStart[p + 1]; j++)
            {
                int v = partVertices[j];
                cache.Append(weights[v]);
                cache.Append(isLeft[v] ? 1 : 0);
            }
            for (int j = edgeStart[p]; j < edgeStart[p + 1]; j++)
            {
                var (a, b) = edges[partEdges[j]];
                cache.Append(isLeft[a] ? (long)local[a] * size + local[b] : (long)local[b] * size + local[a]);
            }
            if (ws.CachedCuts && cache.TryGet(out long known, out var knownChosen))
            {
                cut += known;
                for (int j = vertexStart[p]; j < vertexStart[p + 1]; j++)
                    if (knownChosen[j - vertexStart[p]]) chosen[partVertices[j]] = true;
                continue;
            }
            int source = size, sink = size + 1;
            flow.Reset(size + 2);
            for (int j = edgeStart[p]; j < edgeStart[p + 1]; j++)
            {
                var (a, b) = edges[partEdges[j]];
                var (left, right) = isLeft[a] ? (a, b) : (b, a);
                flow.AddEdge(local[left], local[right], long.MaxValue / 4);
            }
            for (int j = vertexStart[p]; j < vertexStart[p + 1]; j++)
            {
                int v = partVertices[j];
                if (isLeft[v]) flow.AddEdge(source, local[v], weights[v]);
                else flow.AddEdge(local[v], sink, weights[v]);
            }
            long partCut = flow.Run(source, sink);
            cut += partCut;
            var reachable = flow.SourceSide(source);
            var partChosen = ws.PartChosen;
            for (int j = vertexStart[p]; j < vertexStart[p + 1]; j++)
            {
                int v = partVertices[j];
                bool chosenHere = isLeft[v] ? !reachable[local[v]] : reachable[local[v]];
                partChosen[j - vertexStart[p]] = chosenHere;
                if (chosenHere) chosen[v] = true;
            }
            if (ws.CachedCuts) cache.Store(partCut, partChosen.AsSpan(0, size));
        }
        return cut;
    }

    /// <summary>
    /// The cut of a part whose edges all share one vertex (a single edge, or one copy against
    /// several): most parts of a packed circuit are such stars, and the flow network is most of
    /// the cost of a solve. Marks the same vertices the flow would: the minimal minimum cut
    /// chooses the left side on a tie (left vertices hang from the source, and a saturated
    /// source edge leaves its vertex unreachable). Null when the part is not a star.
    /// </summary>
    private static long? StarCut(Workspace ws, int edgeFrom, int edgeTo, int vertexFrom, int vertexTo)
    {
        var edges = ws.Edges;
        var partEdges = ws.PartEdges;
        var (first, second) = edges[partEdges[edgeFrom]];
        int center = -1;
        foreach (int candidate in (ReadOnlySpan<int>)[first, second])
        {
            bool all = true;
            for (int j = edgeFrom + 1; j < edgeTo && all; j++)
            {
                var (a, b) = edges[partEdges[j]];
                all = a == candidate || b == candidate;
            }
            if (all)
            {
                center = candidate;
                break;
            }
        }
        if (center < 0) return null;
        var weights = ws.Weights;
        long leaves = 0;
        for (int j = vertexFrom; j < vertexTo; j++)
        {
            int v = ws.PartVertices[j];
            if (v != center) leaves += weights[v];
        }
        long centerWeight = weights[center];
        // Left wins ties: a left center is chosen when it weighs no more than its leaves; left leaves are chosen when together they weigh no more than a right center.
        bool chooseCenter = ws.IsLeft[center] ? centerWeight <= leaves : leaves > centerWeight;
        var chosen = ws.Chosen;
        for (int j = vertexFrom; j < vertexTo; j++)
        {
            int v = ws.PartVertices[j];
            chosen[v] = chooseCenter ? v == center : v != center;
        }
        return Math.Min(centerWeight, leaves);
    }
}
