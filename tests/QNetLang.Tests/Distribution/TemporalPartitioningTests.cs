using System.Text;
using CsCheck;
using QNetLang.Compiler;
using QNetLang.Distribution;
using QNetLang.Distribution.Partitioning;
using QNetLang.Ir;

namespace QNetLang.Tests.Distribution;

/// <summary>
/// Temporal partitioning: the gain buckets FM relies on, the layer order it slices, and the
/// partitioner itself on a circuit whose optimum is known in closed form. Equivalence of the
/// migrated circuits is checked in <see cref="EquivalenceTests.MigratedQubitsEndInTheSameState"/>.
/// </summary>
public class TemporalPartitioningTests
{
    [Fact]
    public void GainBucketsPopItemsInNonIncreasingGainOrder()
    {
        Gen.Int[-20, 20].Array[1, 60].Sample(gains =>
        {
            var buckets = new GainBuckets(gains.Length, 20);
            for (int i = 0; i < gains.Length; i++) buckets.Insert(i, gains[i]);
            // Take a third out again and put it back with its gain negated, as FM's updates do.
            for (int i = 0; i < gains.Length; i += 3)
            {
                buckets.Remove(i);
                gains[i] = -gains[i];
                buckets.Insert(i, gains[i]);
            }
            var popped = new List<int>();
            for (int item = buckets.PopMax(); item >= 0; item = buckets.PopMax()) popped.Add(gains[item]);
            Assert.Equal(gains.OrderByDescending(g => g), popped);
        });
    }

    [Fact]
    public void LayerOrderKeepsTheOrderOfEveryQubitsOperations()
    {
        Gen.Select(Gen.Int[2, 6], Gen.Int[1, 40], Gen.Int).Sample((qubits, gates, seed) =>
        {
            string source = RandomPrograms.Circuit(new Random(seed), qubits, gates) + "bit[2] c;\nc[0] = measure q[0];\nbarrier q;\nc[1] = measure q[1];\nc[0] = measure q[1];\n";
            var circuit = Lower(source, qpus: 2);
            var sorted = LayerOrder.Sort(circuit) ?? circuit;
            Assert.Equal(circuit.Operations.Length, sorted.Operations.Length);
            for (int q = 0; q < circuit.Qubits.Length; q++)
                Assert.Equal(Touching(circuit, q), Touching(sorted, q));
            Assert.Equal(circuit.Operations.OfType<MeasureOperation>(), sorted.Operations.OfType<MeasureOperation>());
        }, iter: 200);
    }

    /// <summary>
    /// Four qubits on two QPUs of three: pairs (0,1)(2,3), then (0,2)(1,3), then (0,1)(2,3) again,
    /// each pair three CX between random rotations (no run to pack). Statically the middle layer
    /// costs 6 ebits; swapping qubits 1 and 2 for it costs 4 teleports, the optimum.
    /// </summary>
    [Fact]
    public void TemporalPartitioningSwapsQubitsForALayerWhenThatIsCheaper()
    {
        var random = new Random(3);
        var source = new StringBuilder("OPENQASM 3;\ninclude \"stdgates.inc\";\nqubit[4] q;\n");
        int[][][] layers = [[[0, 1], [2, 3]], [[0, 2], [1, 3]], [[0, 1], [2, 3]]];
        foreach (var layer in layers)
            foreach (var pair in layer)
                for (int round = 0; round < 3; round++)
                    source.Append($"u({random.NextDouble()}, {random.NextDouble()}, {random.NextDouble()}) q[{pair[0]}];\nu({random.NextDouble()}, 0.3, 0.2) q[{pair[1]}];\ncx q[{pair[0]}], q[{pair[1]}];\n");
        var circuit = Lower(source.ToString(), qpus: 2);
        var problem = new PartitionProblem(circuit, new NetworkDistances(circuit.Network));
        int first = problem.Capacity.Select((c, n) => (c, n)).First(x => x.c > 0).n;
        int second = problem.Capacity.Select((c, n) => (c, n)).Last(x => x.c > 0).n;
        int[] start = [first, first, second, second];
        var slices = new ProgramSlices(problem, gatesPerSlice: 1);
        var partitioner = new TemporalPartitioner(problem, new TemporalHypergraph(slices), start, work: 10_000_000);
        Assert.Equal(6, partitioner.Cost());
        partitioner.Refine(new Random(0), maxPassesPerLevel: 8, cycles: 3);
        Assert.Equal(4, partitioner.Cost());
        foreach (var placement in partitioner.Placements)
            for (int n = 0; n < problem.Capacity.Length; n++)
                Assert.True(placement.Count(node => node == n) <= problem.Capacity[n], "a slice overfills a QPU");
    }

    [Fact]
    public void RefinementNeverRaisesTheCostAndRespectsCapacityInEverySlice()
    {
        Gen.Select(Gen.Int[4, 9], Gen.Int[2, 6], Gen.Int[2, 3], Gen.Int).Sample((qubits, depth, qpus, seed) =>
        {
            var circuit = Lower(RandomPrograms.BlockLayers(new Random(seed), qubits, depth), qpus);
            var problem = new PartitionProblem(circuit, new NetworkDistances(circuit.Network));
            var start = Partitioner.Partition(problem, seed);
            var partitioner = new TemporalPartitioner(problem, new TemporalHypergraph(new ProgramSlices(problem, 2)), start, work: 5_000_000);
            long before = partitioner.Cost();
            partitioner.Refine(new Random(seed), maxPassesPerLevel: 4, cycles: 2);
            Assert.True(partitioner.Cost() <= before);
            foreach (var placement in partitioner.Placements) AssertWithinCapacity(problem, placement, "a slice overfills a QPU");
        }, iter: 40);
    }

    /// <summary>
    /// The multilevel restarts run on several threads and are compared in attempt order, and
    /// repeated placements read their cost from a memo: the placement must be the one a single
    /// thread finds, whatever the circuit and seed, and the cost returned with it its exact cost.
    /// </summary>
    [Fact]
    public void PartitionIsTheSameOnOneThreadAndOnSeveral()
    {
        Gen.Select(Gen.Int[4, 12], Gen.Int[2, 8], Gen.Int[2, 4], Gen.Int).Sample((qubits, depth, qpus, seed) =>
        {
            var circuit = Lower(RandomPrograms.BlockLayers(new Random(seed), qubits, depth), qpus);
            var one = Partitioner.Search(new PartitionProblem(circuit, new NetworkDistances(circuit.Network)), seed, threads: 1);
            var several = Partitioner.Search(new PartitionProblem(circuit, new NetworkDistances(circuit.Network)), seed, threads: 4);
            Assert.Equal(one.Placement, several.Placement);
            Assert.Equal(one.Cost, several.Cost);
            // The cost the search hands back is the placement's exact cost (the pass does not recompute it).
            Assert.Equal(new PartitionProblem(circuit, new NetworkDistances(circuit.Network)).TrueCost(one.Placement), one.Cost);
        }, iter: 40);
    }

    /// <summary>
    /// The kicks of the iterated local search start from the first descent's placement and keep
    /// only strictly cheaper ones, so with kicks the search never ends above the descent alone;
    /// and the cost it returns is still the placement's exact cost, within every capacity.
    /// </summary>
    [Fact]
    public void KicksNeverEndAboveTheFirstDescent()
    {
        Gen.Select(Gen.Int[6, 14], Gen.Int[3, 10], Gen.Int[2, 4], Gen.Int).Sample((qubits, depth, qpus, seed) =>
        {
            var circuit = Lower(RandomPrograms.BlockLayers(new Random(seed), qubits, depth), qpus);
            var problem = new PartitionProblem(circuit, new NetworkDistances(circuit.Network));
            var descent = Partitioner.Search(problem, seed, kickSwaps: 0);
            var kicked = Partitioner.Search(problem, seed);
            Assert.True(kicked.Cost <= descent.Cost, $"kicks ended at {kicked.Cost}, the descent alone at {descent.Cost}");
            Assert.Equal(problem.TrueCost(kicked.Placement), kicked.Cost);
            AssertWithinCapacity(problem, kicked.Placement, "a kick overfilled a QPU");
        }, iter: 40);
    }

    private static void AssertWithinCapacity(PartitionProblem problem, int[] placement, string message)
    {
        for (int n = 0; n < problem.Capacity.Length; n++)
            Assert.True(Enumerable.Range(0, placement.Length).Count(q => problem.Variable[q] && placement[q] == n) <= problem.Capacity[n], message);
    }

    private static Circuit Lower(string source, int qpus)
    {
        int qubits = int.Parse(source.Split("qubit[")[1].Split(']')[0], System.Globalization.CultureInfo.InvariantCulture);
        var result = QnCompiler.CompileText("temporal.qasm", source, new CompilationOptions { QpuCount = qpus, QubitsPerQpu = qubits / qpus + 1, StopAfter = CompilerStage.Lower });
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        return Assert.Single(result.Circuits);
    }

    private static List<Operation> Touching(Circuit circuit, int qubit) =>
        [.. circuit.Operations.Where(op => op switch
        {
            GateOperation g => g.Qubits.Contains(qubit),
            MeasureOperation m => m.Qubit == qubit,
            ResetOperation r => r.Qubit == qubit,
            BarrierOperation => true,
            _ => true,
        })];
}
