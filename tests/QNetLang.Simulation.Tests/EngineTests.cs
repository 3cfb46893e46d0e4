using System.Numerics;
using CsCheck;
using QNetLang.Ir;
using QNetLang.Simulation.Engines;
using QNetLang.Simulation.Noise;

namespace QNetLang.Simulation.Tests;

/// <summary>The state engines against each other and against a dense reference simulation.</summary>
public class EngineTests
{
    private static readonly string[] CliffordNames = ["h", "s", "sdg", "x", "y", "z", "sx", "sxdg", "cx", "cy", "cz", "swap", "id"];
    private static readonly string[] AnyNames = ["h", "t", "tdg", "rx", "ry", "rz", "p", "u", "u2", "cx", "cz", "cp", "crx", "cry", "crz", "ch", "cu", "swap", "rxx", "ryy", "rzz", "ccx", "cswap", "sx", "y"];

    internal sealed record Step(GateInfo Gate, double[] Parameters, int[] Qubits)
    {
        /// <summary>The parameters as source text, <c>(0.5, -1.2)</c> in round-trip form, or nothing.</summary>
        public string ParameterList => Parameters.Length == 0 ? "" : "(" + string.Join(", ", Parameters.Select(p => p.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + ")";
    }

    internal static Gen<Step> StepGen(string[] names, int qubits) =>
        from index in Gen.Int[0, names.Length - 1]
        let name = names[index]
        let gate = GateCatalog.Get(name)
        from parameters in Gen.Double[-Math.PI, Math.PI].Array[gate.ParameterCount]
        from order in Gen.Shuffle(Enumerable.Range(0, qubits).ToArray())
        select new Step(gate, parameters, order.Take(gate.QubitCount).ToArray());

    private static void Apply(IStateEngine engine, int[] slots, IEnumerable<Step> steps)
    {
        foreach (var s in steps) engine.ApplyGate(s.Gate, s.Gate.Unitary(s.Parameters), s.Qubits.Select(q => slots[q]).ToArray());
    }

    [Fact]
    public void StateVectorMatchesTheDenseReference()
    {
        const int n = 5;
        StepGen(AnyNames, n).Array[1, 25].Sample(steps =>
        {
            var engine = new StateVectorEngine(10);
            var slots = Enumerable.Range(0, n).Select(_ => engine.Allocate()).ToArray();
            Apply(engine, slots, steps);
            var expected = DenseReference.Run(n, steps);
            var actual = engine.Amplitudes;
            for (int i = 0; i < expected.Length; i++)
                Assert.True((expected[i] - actual[i]).Magnitude < 1e-10, $"amplitude {i}: {actual[i]} != {expected[i]}");
        }, iter: 300);
    }

    [Fact]
    public void ParallelKernelsGiveTheSameAmplitudes()
    {
        const int n = 12;
        StepGen(AnyNames, n).Array[40].Sample(steps => CompareSerialAndParallel(n, steps), iter: 3);
    }

    private static void CompareSerialAndParallel(int n, Step[] steps)
    {
        var serial = new StateVectorEngine(20);
        var serialSlots = Enumerable.Range(0, n).Select(_ => serial.Allocate()).ToArray();
        Apply(serial, serialSlots, steps);
        int before = VectorKernels.ParallelThreshold;
        VectorKernels.ParallelThreshold = 16;
        try
        {
            var parallel = new StateVectorEngine(20);
            var slots = Enumerable.Range(0, n).Select(_ => parallel.Allocate()).ToArray();
            Apply(parallel, slots, steps);
            for (int i = 0; i < 1 << n; i++) Assert.Equal(serial.Amplitudes[i], parallel.Amplitudes[i]);
        }
        finally
        {
            VectorKernels.ParallelThreshold = before;
        }
    }

    [Fact]
    public void DensityMatrixAgreesWithStateVectorOnUnitaryCircuits()
    {
        const int n = 4;
        StepGen(AnyNames, n).Array[1, 15].Sample(steps =>
        {
            var sv = new StateVectorEngine(10);
            var dm = new DensityMatrixEngine(10);
            var a = Enumerable.Range(0, n).Select(_ => sv.Allocate()).ToArray();
            var b = Enumerable.Range(0, n).Select(_ => dm.Allocate()).ToArray();
            Apply(sv, a, steps);
            Apply(dm, b, steps);
            for (int q = 0; q < n; q++) Assert.Equal(sv.ProbabilityOfOne(a[q]), dm.ProbabilityOfOne(b[q]), 10);
        }, iter: 100);
    }

    [Fact]
    public void StabilizerAgreesWithStateVectorOnCliffordCircuits()
    {
        const int n = 5;
        StepGen(CliffordNames, n).Array[1, 30].Sample(steps =>
        {
            var sv = new StateVectorEngine(10);
            var st = new StabilizerEngine(100);
            var a = Enumerable.Range(0, n).Select(_ => sv.Allocate()).ToArray();
            var b = Enumerable.Range(0, n).Select(_ => st.Allocate()).ToArray();
            Apply(sv, a, steps);
            Apply(st, b, steps);
            for (int q = 0; q < n; q++) Assert.Equal(sv.ProbabilityOfOne(a[q]), st.ProbabilityOfOne(b[q]), 10);
            // Measure every qubit in turn; the state vector is projected onto the stabilizer's outcome,
            // which must be possible, and then both must agree on every other qubit.
            var random = new ShotRandom(7);
            for (int q = 0; q < n; q++)
            {
                int outcome = st.Measure(b[q], random);
                double p1 = sv.ProbabilityOfOne(a[q]);
                Assert.True(p1 is < 1e-9 or > 1 - 1e-9 or (> 0.5 - 1e-9 and < 0.5 + 1e-9), $"p1 = {p1}");
                Assert.True(outcome == 1 ? p1 > 1e-9 : p1 < 1 - 1e-9, "the stabilizer gave an impossible outcome");
                ProjectOnto(sv, a[q], outcome);
                for (int r = 0; r < n; r++) Assert.Equal(sv.ProbabilityOfOne(a[r]), st.ProbabilityOfOne(b[r]), 9);
            }
        }, iter: 300);
    }

    /// <summary>Projects the state vector onto one outcome (renormalised), as a measurement that gave it would.</summary>
    private static void ProjectOnto(StateVectorEngine sv, int slot, int outcome)
    {
        double p1 = sv.ProbabilityOfOne(slot);
        double norm = 1 / Math.Sqrt(outcome == 1 ? p1 : 1 - p1);
        var projector = new Complex[,] { { outcome == 0 ? norm : 0, 0 }, { 0, outcome == 1 ? norm : 0 } };
        sv.ApplyGate(GateCatalog.Get("id"), projector, [slot]);
    }

    [Fact]
    public void CliffordDecompositionsEqualTheCatalogUnitariesUpToPhase()
    {
        foreach (string name in CliffordDecomposition.Gates)
        {
            var gate = GateCatalog.Get(name);
            Assert.True(gate.IsClifford, name);
            int n = gate.QubitCount;
            var steps = new List<Step>();
            Assert.True(CliffordDecomposition.TryGet(name, out var decomposition));
            foreach (var step in decomposition)
            {
                string primitive = step.Op switch { 'H' => "h", 'S' => "s", 'C' => "cx", 'X' => "x", 'Y' => "y", _ => "z" };
                steps.Add(new Step(GateCatalog.Get(primitive), [], step.B >= 0 ? [step.A, step.B] : [step.A]));
            }
            for (int input = 0; input < 1 << n; input++)
            {
                var prep = Enumerable.Range(0, n).Where(q => (input >> q & 1) != 0).Select(q => new Step(GateCatalog.Get("x"), [], [q])).ToList();
                var superposition = Enumerable.Range(0, n).Select(q => new Step(GateCatalog.Get("h"), [], [q])).ToList();
                foreach (var start in new[] { prep, prep.Concat(superposition).ToList() })
                {
                    var expected = DenseReference.Run(n, start.Append(new Step(gate, [], Enumerable.Range(0, n).ToArray())));
                    var actual = DenseReference.Run(n, start.Concat(steps));
                    Complex phase = Complex.Zero;
                    for (int i = 0; i < expected.Length && phase == Complex.Zero; i++)
                        if (expected[i].Magnitude > 1e-9) phase = actual[i] / expected[i];
                    for (int i = 0; i < expected.Length; i++)
                        Assert.True((expected[i] * phase - actual[i]).Magnitude < 1e-10, $"{name}: amplitude {i}");
                }
            }
        }
    }

    [Fact]
    public void ReleasedQubitsLeaveTheStateAndHandlesStayValid()
    {
        foreach (IStateEngine engine in new IStateEngine[] { new StateVectorEngine(10), new DensityMatrixEngine(10), new StabilizerEngine(10) })
        {
            var random = new ShotRandom(3);
            int a = engine.Allocate(), b = engine.Allocate(), c = engine.Allocate();
            engine.ApplyGate(GateCatalog.Get("h"), GateCatalog.Get("h").Unitary([]), [a]);
            engine.ApplyGate(GateCatalog.Get("cx"), GateCatalog.Get("cx").Unitary([]), [a, c]);
            engine.ApplyPauli(b, 1);
            int m = engine.Measure(b, random);
            Assert.Equal(1, m);
            engine.Release(b, m);
            Assert.Equal(2, engine.Count);
            int outcome = engine.Measure(a, random);
            Assert.Equal(outcome, engine.ProbabilityOfOne(c), 10);
        }
    }

    [Fact]
    public void DensityChannelsAreExact()
    {
        var random = new ShotRandom(1);
        var dm = new DensityMatrixEngine(5);
        int q = dm.Allocate();
        dm.ApplyPauli(q, 1);
        dm.ApplyAmplitudeDamping(q, 0.3, random);
        Assert.Equal(0.7, dm.ProbabilityOfOne(q), 12);

        var h = GateCatalog.Get("h");
        var plus = new DensityMatrixEngine(5);
        int p = plus.Allocate();
        plus.ApplyGate(h, h.Unitary([]), [p]);
        plus.ApplyPauliChannel(p, 0, 0, 0.2, random);
        plus.ApplyGate(h, h.Unitary([]), [p]);
        Assert.Equal(0.2, plus.ProbabilityOfOne(p), 12);

        var two = new DensityMatrixEngine(5);
        int x = two.Allocate(), y = two.Allocate();
        two.ApplyDepolarizing2(x, y, 0.3, random);
        Assert.Equal(8 * 0.3 / 15, two.ProbabilityOfOne(x), 12);
        Assert.Equal(8 * 0.3 / 15, two.ProbabilityOfOne(y), 12);
    }

    [Fact]
    public void StateVectorAmplitudeDampingTrajectoriesAverageToTheChannel()
    {
        // |+> under amplitude damping γ: P(1) = (1 − γ)/2 on average over trajectories.
        const int shots = 20000;
        const double gamma = 0.4;
        var h = GateCatalog.Get("h");
        long ones = 0;
        for (int shot = 0; shot < shots; shot++)
        {
            var random = new ShotRandom(11, shot);
            var sv = new StateVectorEngine(4);
            int q = sv.Allocate();
            sv.ApplyGate(h, h.Unitary([]), [q]);
            sv.ApplyAmplitudeDamping(q, gamma, random);
            ones += sv.Measure(q, random);
        }
        Statistics.AssertProportion(ones, shots, (1 - gamma) / 2, "P(1) after amplitude damping of |+>");
    }

    [Fact]
    public void LimitsEndInADiagnosticNotAnOutOfMemoryCrash()
    {
        var sv = new StateVectorEngine(3);
        for (int i = 0; i < 3; i++) sv.Allocate();
        var ex = Assert.Throws<SimulationLimitException>(() => sv.Allocate());
        Assert.Equal("QN4102", ex.Descriptor.Code);
    }

    [Fact]
    public void MemoryDecayFollowsTheDocumentedDefinitions()
    {
        var onlyT2 = MemoryDecay.For(null, 2.0, 1.0);
        Assert.Equal(0, onlyT2.Gamma);
        Assert.Equal(Math.Exp(-0.5), onlyT2.Coherence, 12);
        Assert.Equal((1 - Math.Exp(-0.5)) / 2, onlyT2.ExactDephasingFlip, 12);

        var both = MemoryDecay.For(1.0, 1.5, 0.3);
        Assert.Equal(1 - Math.Exp(-0.3), both.Gamma, 12);
        Assert.Equal(Math.Exp(-0.2), both.Coherence, 12);
        // Exact: amplitude damping's own share sqrt(1−γ) times the extra dephasing gives the total.
        Assert.Equal(both.Coherence, Math.Sqrt(1 - both.Gamma) * (1 - 2 * both.ExactDephasingFlip), 12);
        var (x, y, z) = both.Twirled;
        Assert.Equal(both.Gamma / 4, x, 12);
        Assert.Equal(both.Gamma / 4, y, 12);
        Assert.Equal(1 - 2 * (y + z), both.Coherence, 12);

        // T2 above 2·T1 is unphysical: the coherence cannot outlive amplitude damping's own decay.
        var clamped = MemoryDecay.For(1.0, 5.0, 1.0);
        Assert.Equal(Math.Exp(-0.5), clamped.Coherence, 12);
    }
}
