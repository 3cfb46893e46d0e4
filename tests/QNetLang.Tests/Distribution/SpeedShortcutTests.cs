using CsCheck;
using QNetLang.Compiler;
using QNetLang.Distribution;
using QNetLang.Distribution.Partitioning;
using QNetLang.Distribution.Scheduling;
using QNetLang.Distribution.Telegates;
using QNetLang.Ir;

namespace QNetLang.Tests.Distribution;

/// <summary>
/// Shortcuts taken only for speed must give exactly what the general code gives: the schedule of
/// conditionals of gates on one node, the flow network's greedy first pass, the counting sort
/// of copies to drop, location trackers that share their array until one of them moves a qubit,
/// the hypergraph built from flat arrays, and the remembered answers for gates without parameters.
/// </summary>
public class SpeedShortcutTests
{
    /// <summary>Every case and example that distributes, scheduled with and without the shortcut for local conditionals: the same per-node programs.</summary>
    [Fact]
    public void LocalConditionalsAreScheduledAsTheGeneralPathSchedulesThem()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepoPaths.Cases, "passes"), "*.qn")
            .Concat(Directory.EnumerateFiles(RepoPaths.Examples, "*.qn"))
            .Order(StringComparer.Ordinal);
        int compared = 0, shortcuts = 0, general = 0;
        foreach (string path in sources)
        {
            var result = QnCompiler.Compile(path, new CompilationOptions { StopAfter = CompilerStage.Route });
            if (!result.Success) continue;
            foreach (var distributed in result.Distributed)
            {
                var (fast, slow, taken) = BothWays(distributed.Circuit);
                Assert.Equal(slow, fast);
                compared++;
                shortcuts += taken;
                general += distributed.Circuit.AllOperations().OfType<IfOperation>().Count() - taken;
            }
        }
        Assert.True(compared > 10, $"only {compared} programs compared");
        Assert.True(shortcuts > 0 && general > 0, $"{shortcuts} conditionals took the shortcut and {general} the general path: both must be exercised");
    }

    /// <summary>Random circuits on random networks (corrections of every cat-entangled copy and teleport): the same per-node programs both ways.</summary>
    [Fact]
    public void CorrectionsAreScheduledAsTheGeneralPathSchedulesThem()
    {
        int shortcuts = 0;
        Gen.Select(Gen.Int[3, 6], Gen.Int[2, 4], Gen.Int[1, 40], Gen.Int).Sample((qubits, qpus, gates, seed) =>
        {
            var random = new Random(seed);
            var result = QnCompiler.CompileText("c.qasm", RandomPrograms.Circuit(random, qubits, gates),
                new CompilationOptions { QpuCount = qpus, QubitsPerQpu = (qubits + qpus - 1) / qpus, Seed = seed, StopAfter = CompilerStage.Route });
            Assert.True(result.Success);
            var (fast, slow, taken) = BothWays(result.Distributed[0].Circuit);
            Assert.Equal(slow, fast);
            Interlocked.Add(ref shortcuts, taken);
        }, iter: 60);
        Assert.True(shortcuts > 0, "no sample had a local conditional, so this test checked nothing");
    }

    private static (string Fast, string Slow, int Shortcuts) BothWays(Circuit circuit)
    {
        var fast = new Scheduler(circuit, trackOrigins: true);
        var slow = new Scheduler(circuit, trackOrigins: true) { LocalConditionals = false };
        var fastProgram = fast.Build();
        var slowProgram = slow.Build();
        // Every instruction still knows its source location (QN3004 reports it).
        Assert.Equal(slow.Origins.Count, fast.Origins.Count);
        return (DistributedProgramPrinter.Print(fastProgram), DistributedProgramPrinter.Print(slowProgram), fast.LocalConditionalCount);
    }

    /// <summary>
    /// Random cover networks (source → left copies → right copies → sink, any weights): the
    /// greedy pass over three-edge paths before Dinic's phases changes neither the flow's value nor
    /// the vertices left reachable from the source, which the cover is read from.
    /// </summary>
    [Fact]
    public void ShortPathsFirstLeaveTheFlowAndTheCutAsTheyWere()
    {
        Gen.Select(Gen.Int[1, 12], Gen.Int[1, 12], Gen.Int[0, 40], Gen.Int).Sample((left, right, edges, seed) =>
        {
            var random = new Random(seed);
            var weights = Enumerable.Range(0, left + right).Select(_ => (long)random.Next(1, 5)).ToArray();
            var conflicts = Enumerable.Range(0, edges).Select(_ => (random.Next(left), left + random.Next(right))).ToArray();
            var (flow, reachable) = Solve(new MaxFlow(0), left, right, weights, conflicts);
            var (plainFlow, plainReachable) = Solve(new MaxFlow(0) { ShortPathsFirst = false }, left, right, weights, conflicts);
            Assert.Equal(plainFlow, flow);
            Assert.Equal(plainReachable, reachable);
        }, iter: 500);
    }

    private static (long Flow, bool[] Reachable) Solve(MaxFlow network, int left, int right, long[] weights, (int, int)[] conflicts)
    {
        int source = left + right, sink = source + 1;
        network.Reset(sink + 1);
        foreach (var (a, b) in conflicts) network.AddEdge(a, b, long.MaxValue / 4);
        for (int v = 0; v < left; v++) network.AddEdge(source, v, weights[v]);
        for (int v = left; v < left + right; v++) network.AddEdge(v, sink, weights[v]);
        long flow = network.Run(source, sink);
        return (flow, network.SourceSide(source)[..(sink + 1)]);
    }

    /// <summary>The order in which copies are tried for dropping: heaviest first, then fewest gates served, then by number, with narrow ranges (the counting sort) and wide ones (the comparison sort).</summary>
    [Fact]
    public void CopiesToDropAreSortedHeaviestFirstThenByGatesServedThenByNumber()
    {
        Gen.Select(Gen.Int[0, 60], Gen.Bool, Gen.Int).Sample((count, wide, seed) =>
        {
            var random = new Random(seed);
            int vertices = count + 5;
            var weights = Enumerable.Range(0, vertices).Select(_ => wide ? random.NextInt64(1, 1L << 40) : random.Next(1, 4)).ToArray();
            var start = new int[vertices + 1];
            for (int v = 0; v < vertices; v++) start[v + 1] = start[v] + random.Next(0, wide ? 1000 : 5);
            var order = Enumerable.Range(0, vertices).Where(_ => random.Next(4) > 0).ToArray();
            var expected = order.OrderByDescending(v => weights[v]).ThenBy(v => start[v + 1] - start[v]).ThenBy(v => v).ToArray();
            DetachedGates.SortByDropPriority(order, new DetachedGates.Buffers(), weights, start);
            Assert.Equal(expected, order);
        }, iter: 300);
    }

    /// <summary>A clone starts where its original is; afterwards neither sees the other's moves, in either order.</summary>
    [Fact]
    public void ClonedLocationTrackersMoveOnTheirOwn()
    {
        var result = TestCompiler.Compile("passes/remote_gates.qn", CompilerStage.Partition);
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        var circuit = result.Distributed[0].Circuit;
        string home0 = circuit.Qubits[0].Node!, home1 = circuit.Qubits[1].Node!;
        var original = new LocationTracker(circuit);
        var clone = original.Clone();
        var cloneOfClone = clone.Clone();
        clone.Apply(new TeleportOperation(0, "elsewhere", QNetLang.Core.Location.None));
        Assert.Equal("elsewhere", clone.NodeOf(0));
        Assert.Equal(home0, original.NodeOf(0));
        Assert.Equal(home0, cloneOfClone.NodeOf(0));
        original.Apply(new TeleportOperation(1, "further", QNetLang.Core.Location.None));
        Assert.Equal("further", original.NodeOf(1));
        Assert.Equal(home1, clone.NodeOf(1));
        Assert.Equal(home1, cloneOfClone.NodeOf(1));
        var late = original.Clone();
        original.Apply(new TeleportOperation(1, "back", QNetLang.Core.Location.None));
        Assert.Equal("further", late.NodeOf(1));
        Assert.Equal("back", original.NodeOf(1));
        Assert.True(cloneOfClone.SameAs(new LocationTracker(circuit)));
    }

    /// <summary>
    /// The partitioner's hypergraph, built from flat arrays, against its definition: per run (in
    /// run order) the run's qubit, then its distinct partners in increasing order; identical
    /// edges merged into one whose weight counts them; runs without a partner left out.
    /// </summary>
    [Fact]
    public void TheHypergraphHasOneEdgePerDistinctRunWithItsPartners()
    {
        Gen.Select(Gen.Int[2, 8], Gen.Int[1, 60], Gen.Int[2, 3], Gen.Int).Sample((qubits, gates, qpus, seed) =>
        {
            var result = QnCompiler.CompileText("h.qasm", RandomPrograms.Circuit(new Random(seed), qubits, gates),
                new CompilationOptions { QpuCount = qpus, QubitsPerQpu = qubits, StopAfter = CompilerStage.Lower });
            Assert.True(result.Success, TestCompiler.Diagnostics(result));
            var circuit = Assert.Single(result.Circuits);
            var model = InteractionModel.Build(circuit, new NetworkDistances(circuit.Network), _ => true, _ => true);
            var partners = new SortedDictionary<int, SortedSet<int>>();
            foreach (var g in model.Interactions)
            {
                if (g.RunA >= 0) (partners.TryGetValue(g.RunA, out var a) ? a : partners[g.RunA] = []).Add(g.QubitB);
                if (g.RunB >= 0) (partners.TryGetValue(g.RunB, out var b) ? b : partners[g.RunB] = []).Add(g.QubitA);
            }
            var expected = new List<(string Members, int Weight)>();
            foreach (var (run, set) in partners)
            {
                int owner = model.RunQubit[run];
                var others = set.Where(v => v != owner).ToList();
                if (others.Count == 0) continue;
                string members = string.Join(",", others.Prepend(owner));
                int at = expected.FindIndex(e => e.Members == members);
                if (at >= 0) expected[at] = (members, expected[at].Weight + 1);
                else expected.Add((members, 1));
            }
            var graph = Hypergraph.FromModel(model);
            var actual = graph.Edges.Select((edge, e) => (string.Join(",", edge), graph.EdgeWeight[e])).ToList();
            Assert.Equal(expected, actual);
            Assert.Equal(graph.Edges.Select(edge => edge[0]), graph.EdgeOwner);
        }, iter: 100);
    }

    /// <summary>
    /// Whether a gate without parameters can be mirrored is remembered per gate, operand and
    /// basis: asked in an order where a key missing any of the three would answer wrongly,
    /// CX mirrors only as seen from its control and only onto an X-basis partner, CZ from
    /// either side onto a Z-basis partner.
    /// </summary>
    [Fact]
    public void GatesWithoutParametersAreMirroredByGateOperandAndBasis()
    {
        static GateOperation Two(string name) => new(GateCatalog.Get(name), [], [0, 1], QNetLang.Core.Location.None);
        var cases = new (string Gate, int Operand, RunBasis Basis, bool Mirrorable)[]
        {
            ("cx", 0, RunBasis.X, true), ("cx", 1, RunBasis.X, false), ("cx", 0, RunBasis.Z, false), ("cx", 1, RunBasis.Z, false),
            ("cz", 0, RunBasis.Z, true), ("cz", 1, RunBasis.Z, true), ("cz", 0, RunBasis.X, false), ("cz", 1, RunBasis.X, false),
            ("swap", 0, RunBasis.Z, false), ("cx", 0, RunBasis.X, true),
        };
        foreach (var (gate, operand, basis, mirrorable) in cases)
            Assert.True(mirrorable == SandwichEmbedding.Mirrorable(Two(gate), operand, basis), $"{gate} operand {operand} basis {basis}");
        // With parameters the answer is worked out each time: CP(π) is CZ, CP(π/2) is not mirrorable.
        Assert.True(SandwichEmbedding.Mirrorable(new GateOperation(GateCatalog.Get("cp"), [Math.PI], [0, 1], QNetLang.Core.Location.None), 0, RunBasis.Z));
        Assert.False(SandwichEmbedding.Mirrorable(new GateOperation(GateCatalog.Get("cp"), [Math.PI / 2], [0, 1], QNetLang.Core.Location.None), 0, RunBasis.Z));
    }
}
