using System.Globalization;
using System.Text;
using CsCheck;
using QNetLang.Compiler;
using QNetLang.Ir;
using QNetLang.Simulation.Engines;
using QNetLang.Simulation.Execution;
using QNetLang.Simulation.Network;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// Shots that share branches (docs/simulator.md, "Shared branches") give the distribution of
/// the plain per-shot engine: exactly on ideal devices (compared with the dense reference), and
/// the same counts statistically on noisy ones (compared with the per-shot engine itself). The
/// telegates' measurements do not split the tree, which is where the speed comes from.
/// </summary>
public class BranchSharingTests
{
    private const int Qubits = 3;
    private const int Shots = 3000;

    // Every multi-qubit gate acts on qubits of different nodes: the compiler turns each into telegates.
    private static readonly string[] Names = ["h", "t", "s", "rx", "ry", "u", "cx", "cz", "cp", "crz", "ccx"];

    private static string Network(string qpu = "", string link = "") => $$"""
        network trio {
            qpu n0 { qubits = 2; comm = 4; {{qpu}} }
            qpu n1 { qubits = 2; comm = 4; {{qpu}} }
            qpu n2 { qubits = 2; comm = 4; {{qpu}} }
            link n0 -- n1 { {{link}} }
            link n1 -- n2 { {{link}} }
            link n0 -- n2 { {{link}} }
        }
        """;

    [Fact]
    public void TelegateRunsMatchTheExactDistribution()
    {
        Gen.Select(EngineTests.StepGen(Names, Qubits).Array[1, 8], Gen.Int[0, 1000]).Sample((steps, seed) =>
        {
            var program = TestSupport.Compile(Source(Network(), steps));
            var run = TestSupport.Run(program, Shots, seed);
            var psi = DenseReference.Run(Qubits, steps);
            for (int outcome = 0; outcome < 1 << Qubits; outcome++)
            {
                string key = Convert.ToString(outcome, 2).PadLeft(Qubits, '0');
                Statistics.AssertProportion(run.Counts.GetValueOrDefault(key), Shots, psi[outcome].Magnitude * psi[outcome].Magnitude, $"outcome {key}");
            }
        }, iter: 15, threads: 1);
    }

    [Theory]
    // Pauli noise only: pairs, gates, readout and dephasing all end up in the shots' Pauli frames.
    [InlineData("gate_error = 0.02; two_qubit_error = 0.05; measure_error = 0.03; t2 = 20 us; gate_time = 1 us; two_qubit_gate_time = 2 us; measure_time = 3 us;", "fidelity = 0.9; length = 1 km;")]
    // Amplitude damping: shots detach from the shared tree and go on alone.
    [InlineData("t1 = 30 us; t2 = 40 us; gate_time = 1 us; two_qubit_gate_time = 2 us; measure_time = 3 us;", "length = 2 km;")]
    public void NoisyRunsMatchThePerShotEngine(string qpu, string link)
    {
        EngineTests.Step[] steps =
        [
            new(GateCatalog.Get("h"), [], [0]),
            new(GateCatalog.Get("ry"), [1.1], [1]),
            new(GateCatalog.Get("cx"), [], [0, 1]),
            new(GateCatalog.Get("t"), [], [2]),
            new(GateCatalog.Get("ccx"), [], [0, 1, 2]),
            new(GateCatalog.Get("cp"), [0.7], [2, 0]),
            new(GateCatalog.Get("h"), [], [2]),
        ];
        var program = TestSupport.Compile(Source(Network(qpu, link), steps));
        const int shots = 8000;
        var shared = Simulator.RunOrThrow(program, new RunOptions { Shots = shots, Seed = 5 });
        var alone = Simulator.RunOrThrow(program, new RunOptions { Shots = shots, Seed = 6, ShareBranches = false });
        Assert.Equal(EngineKind.StateVector, shared.Engine);
        foreach (var key in shared.Counts.Keys.Union(alone.Counts.Keys))
            Statistics.AssertSameProportion(shared.Counts.GetValueOrDefault(key), alone.Counts.GetValueOrDefault(key), shots, $"outcome {key}");
    }

    [Fact]
    public void SharedRunsGiveTheSameCountsOnAnyNumberOfThreads()
    {
        EngineTests.Step[] steps = [new(GateCatalog.Get("h"), [], [0]), new(GateCatalog.Get("crz"), [0.4], [0, 1]), new(GateCatalog.Get("ccx"), [], [0, 1, 2]), new(GateCatalog.Get("rx"), [0.3], [2])];
        var program = TestSupport.Compile(Source(Network("gate_error = 0.01; t2 = 50 us; gate_time = 1 us;", "fidelity = 0.95; length = 3 km;"), steps));
        // More shots than one branch cache serves, so that several caches run in parallel.
        var one = Simulator.RunOrThrow(program, new RunOptions { Shots = 5000, Seed = 9, Threads = 1 });
        var two = Simulator.RunOrThrow(program, new RunOptions { Shots = 5000, Seed = 9, Threads = 2 });
        Assert.Equal(one.Counts, two.Counts);
        Assert.Equal(one.MeanTimePs, two.MeanTimePs);
    }

    /// <summary>
    /// The benchmark's 15-qubit multiplier on three QPUs (11 telegates, 22 mid-circuit
    /// measurements): after the first shots, no shot adds a state, none detaches, and all agree
    /// with the per-shot engine.
    /// </summary>
    [Fact]
    public void TelegateMeasurementsDoNotSplitTheTree()
    {
        string path = Path.Combine(TestSupport.Root, "bench", "QNetLang.Bench.Simulation", "circuits", "multiplier_n15.qasm");
        var result = QnCompiler.Compile(path, new CompilationOptions { QpuCount = 3 });
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Items));
        var program = Assert.Single(result.Distributed).Program!;
        var plan = ExecutionPlan.Build(program, new NetworkModel(program.Network));
        var key = new CountKey(program.Bits);
        var cache = new BranchCache(28, EngineKind.StateVector);
        var outcomes = new HashSet<string>();
        int statesAfterWarmUp = 0;
        for (int shot = 0; shot < 300; shot++)
        {
            var engine = new BranchingStateEngine(cache);
            var outcome = new ShotExecutor(plan, engine, new ShotRandom(3, shot), long.MaxValue / 4, false, DistillationPolicy.None).Run();
            Assert.False(engine.Detached);
            outcomes.Add(key.Format(outcome.Bits));
            if (shot == 99) statesAfterWarmUp = cache.States;
        }
        Assert.Equal(statesAfterWarmUp, cache.States);
        // Unsplit, the tree is one path: at most one state per measurement (where a probability
        // is needed) and the start. A split at telegate outcomes would multiply this per shot.
        int measurements = plan.Steps.Count(s => s.Kind == StepKind.Measure);
        Assert.True(cache.States <= measurements + 1, $"{cache.States} states for 300 shots, {measurements} measurements");
        var alone = Simulator.RunOrThrow(program, new RunOptions { Shots = 3, ShareBranches = false });
        Assert.Equal(alone.Counts.Keys.ToList(), outcomes.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void GatesMapPaulisByConjugation()
    {
        // Codes: x | z << k, bit j = operand j.
        var h = PauliConjugation.Of(GateCatalog.Get("h").Unitary([]));
        Assert.Equal(0b10, h[0b01]); // X → Z
        Assert.Equal(0b01, h[0b10]); // Z → X
        var cx = PauliConjugation.Of(GateCatalog.Get("cx").Unitary([]));
        Assert.Equal(0b0011, cx[0b0001]); // X on the control → X⊗X
        Assert.Equal(0b1100, cx[0b1000]); // Z on the target → Z⊗Z
        var t = PauliConjugation.Of(GateCatalog.Get("t").Unitary([]));
        Assert.Equal(PauliConjugation.NotPauli, t[0b01]);
        Assert.Equal(0b10, t[0b10]);
        var ccx = PauliConjugation.Of(GateCatalog.Get("ccx").Unitary([]));
        Assert.Equal(0b001_000, ccx[0b001_000]); // Z on a control commutes
        Assert.Equal(PauliConjugation.NotPauli, ccx[0b001]);
        Assert.Equal(2, PauliConjugation.PauliOf(GateCatalog.Get("y").Unitary([])));
        Assert.Equal(0, PauliConjugation.PauliOf(GateCatalog.Get("id").Unitary([])));
    }

    /// <summary>Qubit i on node n{i}; every gate as written (remote ones become telegates); all qubits measured.</summary>
    private static string Source(string network, IEnumerable<EngineTests.Step> steps)
    {
        var sb = new StringBuilder(network);
        sb.Append("program remote on trio {\n");
        for (int q = 0; q < Qubits; q++) sb.Append(CultureInfo.InvariantCulture, $"  qubit q{q} @ n{q};\n");
        sb.Append(CultureInfo.InvariantCulture, $"  bit[{Qubits}] c;\n");
        foreach (var step in steps)
        {
            string parameters = step.ParameterList;
            sb.Append(CultureInfo.InvariantCulture, $"  {step.Gate.Name}{parameters} {string.Join(", ", step.Qubits.Select(q => $"q{q}"))};\n");
        }
        for (int q = 0; q < Qubits; q++) sb.Append(CultureInfo.InvariantCulture, $"  c[{q}] = measure q{q};\n");
        sb.Append("}\n");
        return sb.ToString();
    }
}
