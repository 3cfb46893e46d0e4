using CsCheck;
using QNetLang.Compiler;
using QNetLang.Ir;

namespace QNetLang.Tests.Distribution;

/// <summary>
/// The central promise of distribution: the distributed circuit (communication qubits, Bell
/// pairs, mid-circuit measurements, feed-forward) leaves the data qubits in exactly the state the
/// original circuit prepares, whatever the measurement outcomes, on any network.
/// </summary>
public class EquivalenceTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "qnlc-equiv-" + Guid.NewGuid().ToString("N"));

    public EquivalenceTests() => Directory.CreateDirectory(_work);

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void DistributedCircuitsPrepareTheSameStateOnAllToAllNetworks()
    {
        Gen.Select(Gen.Int[2, 6], Gen.Int[2, 4], Gen.Int[1, 40], Gen.Int).Sample((qubits, qpus, gates, seed) =>
        {
            var random = new Random(seed);
            string qasm = Write("c.qasm", RandomPrograms.Circuit(random, qubits, gates));
            var result = QnCompiler.Compile(qasm, new CompilationOptions { QpuCount = qpus, QubitsPerQpu = (qubits + qpus - 1) / qpus, Seed = seed, ValidateAfterEachPass = true });
            AssertEquivalent(result, seed);
        }, iter: 60);
    }

    /// <summary>Deep circuits on tight QPUs make the partitioner migrate qubits (teleports between slices).</summary>
    [Fact]
    public void MigratedQubitsEndInTheSameState()
    {
        int migrations = 0;
        Gen.Select(Gen.Int[4, 6], Gen.Int[3, 6], Gen.Int).Sample((qubits, layers, seed) =>
        {
            var random = new Random(seed);
            string qasm = Write("c.qasm", RandomPrograms.BlockLayers(random, qubits, layers));
            var result = QnCompiler.Compile(qasm, new CompilationOptions { QpuCount = 2, QubitsPerQpu = qubits / 2 + 1, Seed = seed, ValidateAfterEachPass = true });
            AssertEquivalent(result, seed);
            Interlocked.Add(ref migrations, result.Distributed[0].Context.Statistics.Migrations);
        }, iter: 40, threads: 1);
        Assert.True(migrations > 0, "no sample migrated a qubit, so this test checked nothing about migration");
    }

    /// <summary>Layered blocks written out of layer order: temporal partitioning reorders them by layer before it migrates qubits.</summary>
    [Fact]
    public void MigratedQubitsOfInterleavedLayersEndInTheSameState()
    {
        int migrations = 0;
        Gen.Select(Gen.Int[4, 6], Gen.Int[3, 6], Gen.Int).Sample((qubits, layers, seed) =>
        {
            var random = new Random(seed);
            string qasm = Write("c.qasm", RandomPrograms.InterleavedBlockLayers(random, qubits, layers));
            var result = QnCompiler.Compile(qasm, new CompilationOptions { QpuCount = 2, QubitsPerQpu = qubits / 2 + 1, Seed = seed, ValidateAfterEachPass = true });
            AssertEquivalent(result, seed);
            Interlocked.Add(ref migrations, result.Distributed[0].Context.Statistics.Migrations);
        }, iter: 40, threads: 1);
        Assert.True(migrations > 0, "no sample migrated a qubit, so this test checked nothing about migration");
    }

    [Fact]
    public void DistributedCircuitsPrepareTheSameStateOnRandomNetworks()
    {
        Gen.Select(Gen.Int[2, 6], Gen.Int[2, 4], Gen.Int[1, 40], Gen.Int).Sample((qubits, qpus, gates, seed) =>
        {
            var random = new Random(seed);
            string qasm = Write("c.qasm", RandomPrograms.Circuit(random, qubits, gates));
            string network = Write("net.qn", RandomPrograms.Network(random, qpus, qubits));
            var result = QnCompiler.Compile(qasm, new CompilationOptions { NetworkFile = network, Seed = seed, ValidateAfterEachPass = true });
            AssertEquivalent(result, seed);
        }, iter: 60);
    }

    /// <summary>
    /// Runs in the X basis (CX targets) and runs merged across H·H or X-type rotations, on
    /// networks with one or two communication qubits per QPU, so copies are also closed early in
    /// the middle of such a stretch (where the correction is conjugated by the gates so far).
    /// </summary>
    [Fact]
    public void PackedRunsInBothBasesEndInTheSameState()
    {
        int copies = PackingLayersOnNetworks(Gen.Int[3, 6], Gen.Int[2, 4], Gen.Int[2, 12], RandomPrograms.Network, s => s.CatEntanglements);
        Assert.True(copies > 0, "no sample made a cat-entangled copy, so this test checked nothing about packing");
    }

    /// <summary>
    /// Three or more QPUs: some remote gates run detached, on a third node between two copies
    /// (both operands communication qubits there).
    /// </summary>
    [Fact]
    public void DetachedGatesEndInTheSameState()
    {
        int detached = 0;
        Gen.Select(Gen.Int[4, 7], Gen.Int[3, 4], Gen.Int[4, 14], Gen.Int).Sample((qubits, qpus, layers, seed) =>
        {
            var random = new Random(seed);
            string qasm = Write("c.qasm", RandomPrograms.PackingLayers(random, qubits, layers));
            var result = QnCompiler.Compile(qasm, new CompilationOptions { QpuCount = qpus, QubitsPerQpu = (qubits + qpus - 1) / qpus, Seed = seed, ValidateAfterEachPass = true });
            AssertEquivalent(result, seed);
            var circuit = result.Distributed[0].Circuit;
            Interlocked.Add(ref detached, circuit.AllOperations().OfType<GateOperation>()
                .Count(g => g.Qubits.Length == 2 && g.Qubits.All(q => circuit.Qubits[q].Role == QubitRole.Communication)));
        }, iter: 80);
        Assert.True(detached > 0, "no sample ran a gate detached, so this test checked nothing about detached gates");
    }

    /// <summary>
    /// H-type embedding: copies kept alive through H·(CZ…)·H sandwiches, mirroring each sandwich
    /// gate with the partner or its copy, on 2–3 QPUs with one or two communication qubits (so
    /// some embedded copies are closed part-way and reopened), all-to-all or random networks.
    /// </summary>
    [Fact]
    public void EmbeddedCopiesEndInTheSameState()
    {
        int mirrored = 0;
        Gen.Select(Gen.Int[4, 8], Gen.Int[2, 3], Gen.Int[6, 20], Gen.Int).Sample((qubits, qpus, layers, seed) =>
        {
            var random = new Random(seed);
            string qasm = Write("c.qasm", RandomPrograms.SandwichLayers(random, qubits, layers));
            var options = seed % 2 == 0
                ? new CompilationOptions { QpuCount = qpus, QubitsPerQpu = (qubits + qpus - 1) / qpus, Seed = seed, ValidateAfterEachPass = true }
                : new CompilationOptions { NetworkFile = Write("net.qn", RandomPrograms.Network(random, qpus, qubits)), Seed = seed, ValidateAfterEachPass = true };
            var result = QnCompiler.Compile(qasm, options);

            AssertEquivalent(result, seed);
            Interlocked.Add(ref mirrored, result.Distributed[0].Context.Statistics.EmbeddedGates);
        }, iter: 120);
        Assert.True(mirrored > 0, "no sample kept a copy through a sandwich, so this test checked nothing about embedding");
    }

    /// <summary>
    /// Copies forwarded from a copy nearer the target (and copies opened early on the way) on
    /// sparse trees of 3–4 QPUs with two or three communication qubits, runs in both bases.
    /// </summary>
    [Fact]
    public void ForwardedCopiesEndInTheSameState()
    {
        // About one random sample in thirty forwards a copy, so 80 of them forward none about one
        // run in eleven; these seeds do (qubits, QPUs, layers, seed), so every run checks some.
        (int, int, int, int)[] forwarding = [(3, 3, 11, 108), (4, 4, 12, 139), (4, 4, 4, 181)];
        int forwarded = PackingLayersOnNetworks(Gen.Int[3, 5], Gen.Int[3, 4], Gen.Int[3, 12], RandomPrograms.TreeNetwork, s => s.ForwardedCopies, forwarding);
        Assert.True(forwarded >= forwarding.Length, "the seeds chosen for forwarding no longer forward a copy, so this test checks nothing about forwarding: choose others");
    }

    /// <summary>
    /// Random packing layers (runs in both bases) distributed on networks from
    /// <paramref name="network"/> (random, QPUs, qubits), each checked against the original: 80
    /// random samples, then the <paramref name="fixedCases"/> (qubits, QPUs, layers, seed). Returns
    /// the sum over all of them of the statistic <paramref name="counted"/> picks out.
    /// </summary>
    private int PackingLayersOnNetworks(Gen<int> qubitCounts, Gen<int> qpuCounts, Gen<int> layerCounts, Func<Random, int, int, string> network, Func<DistributionStatistics, int> counted,
        (int Qubits, int Qpus, int Layers, int Seed)[]? fixedCases = null)
    {
        int total = 0;
        void Check(int qubits, int qpus, int layers, int seed)
        {
            var random = new Random(seed);
            string qasm = Write("c.qasm", RandomPrograms.PackingLayers(random, qubits, layers));
            string networkPath = Write("net.qn", network(random, qpus, qubits));
            var result = QnCompiler.Compile(qasm, new CompilationOptions { NetworkFile = networkPath, Seed = seed, ValidateAfterEachPass = true });
            AssertEquivalent(result, seed);
            Interlocked.Add(ref total, counted(result.Distributed[0].Context.Statistics));
        }
        Gen.Select(qubitCounts, qpuCounts, layerCounts, Gen.Int).Sample(Check, iter: 80);
        foreach (var (qubits, qpus, layers, seed) in fixedCases ?? []) Check(qubits, qpus, layers, seed);
        return total;
    }

    /// <summary>CsCheck runs samples in parallel, so every file gets a unique name.</summary>
    private string Write(string name, string text)
    {
        string path = Path.Combine(_work, Guid.NewGuid().ToString("N") + "-" + name);
        File.WriteAllText(path, text);
        return path;
    }

    internal static void AssertEquivalent(CompilationResult result, int seed)
    {
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Items));
        var program = Assert.Single(result.Distributed);
        int data = program.Original.Qubits.Length;
        var original = new ReferenceSimulator(data, program.Original.Bits.Length, seed);
        original.Run(program.Original.Operations);
        Assert.All(program.Circuit.AllOperations().OfType<GateOperation>(), g =>
            Assert.Single(g.Qubits.Select(q => NodeAt(program.Circuit, q)).Distinct()));
        // Several runs: each samples different cat-entangler outcomes; every branch must be exact.
        for (int run = 0; run < 3; run++)
        {
            var distributed = new ReferenceSimulator(program.Circuit.Qubits.Length, program.Circuit.Bits.Length, seed * 31 + run);
            distributed.Run(program.Circuit.Operations);
            double overlap = ReferenceSimulator.Overlap(original.State, distributed.DataState(program.Context.FinalQubitOf!));
            Assert.True(Math.Abs(overlap - 1) < 1e-9, $"overlap {overlap} (seed {seed}, run {run})\n{IrPrinter.Print(program.Circuit)}");
        }
    }

    private static string? NodeAt(Circuit circuit, int qubit) => circuit.Qubits[qubit].Node;
}
