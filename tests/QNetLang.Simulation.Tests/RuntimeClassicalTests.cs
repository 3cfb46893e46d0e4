using System.Globalization;
using System.Numerics;
using CsCheck;
using QNetLang.Compiler;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// Runtime classical values (typed variables written by measurements, computed per node):
/// iterative phase estimation against exact values, the specification's ipe.qasm against an
/// exact reference computed here, and random programs with runtime arithmetic that must give
/// the same distribution spread over two QPUs as on one.
/// </summary>
public class RuntimeClassicalTests
{
    private const int Shots = 4000;

    /// <summary>
    /// A float divided by a measured zero gives an infinite angle: the run stops with QN4409 at
    /// the gate instead of applying a NaN matrix (which made every later outcome 0).
    /// </summary>
    [Fact]
    public void AnInfiniteRuntimeAngleStopsTheRun()
    {
        const string source = """
            OPENQASM 3;
            include "stdgates.inc";
            qubit q;
            bit c;
            float[64] f = 1.0;
            c = measure q;
            f = f / float[64](c);
            rx(f) q;
            c = measure q;
            """;
        var program = TestSupport.Compile(source, ".qasm", new CompilationOptions { QpuCount = 1 });
        var (result, diagnostics) = Simulator.Run(program, new RunOptions { Shots = 10, Seed = 1 });
        Assert.Null(result);
        var error = Assert.Single(diagnostics);
        Assert.Equal("QN4409", error.Code);
        Assert.Contains("'rx' is Infinity", error.Message);
        Assert.Contains("(8,1)", error.Location.ToString());
    }

    /// <summary>
    /// Iterative phase estimation reading the most significant digit first (c shifted right,
    /// the next digit measured into c[n-1], the correction p(-c) computed at run time). With
    /// theta = 3π/8 = 2π·0.0011 (binary) and n = 10 digits every round is deterministic: c is
    /// the exact binary expansion k = 3/16 · 2^10 = 192 (c[9..0] = 0011000000), on one QPU and
    /// with the qubits on two QPUs (the controlled phases act across the link).
    /// </summary>
    [Fact]
    public void PhaseEstimationWithARuntimeAngleReadsTheExactExpansion()
    {
        const string source = """
            OPENQASM 3;
            include "stdgates.inc";
            const int[32] n = 10;
            const float[64] theta = 3 * pi / 8;
            qubit q;
            qubit r;
            angle[n] c;
            x r;
            uint[n] power = 1 << (n - 1);
            for uint i in [0: n - 1] {
              reset q;
              h q;
              ctrl @ pow(power) @ phase(theta) q, r;
              c >>= 1;
              inv @ phase(c) q;
              h q;
              measure q -> c[n - 1];
              power >>= 1;
            }
            """;
        foreach (var options in new[] { new CompilationOptions { QpuCount = 1 }, new CompilationOptions { QpuCount = 2, QubitsPerQpu = 1 } })
        {
            var program = TestSupport.Compile(source, ".qasm", options);
            var result = TestSupport.Run(program, 500, seed: 5);
            var (key, count) = Assert.Single(result.Counts);
            Assert.Equal("0011000000", key);
            Assert.Equal(500, count);
            if (options.QpuCount == 2) Assert.True(result.Ebits > 0);
        }
    }

    /// <summary>
    /// The specification's ipe.qasm (vendored unchanged) compiles with --qpus 2 and runs. It
    /// prepares r in |+⟩, a superposition of the eigenstates |0⟩ and |1⟩, and reads the digits
    /// least significant first, so its estimate is not deterministic: the counts must follow
    /// the exact distribution, computed here from the program's OpenQASM semantics with a
    /// density matrix per value of c (the register is little-endian; c[0] is shifted out).
    /// </summary>
    [Fact]
    public void SpecificationIpeFollowsTheExactDistribution()
    {
        var path = Path.Combine(TestSupport.Root, "tests", "cases", "qasm_spec", "ipe.qasm");
        var result = QnCompiler.Compile(path, new CompilationOptions { QpuCount = 2, QubitsPerQpu = 1 });
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Items));
        var program = Assert.Single(result.Distributed).Program!;
        Assert.Equal(2, program.Nodes.Length);
        var run = TestSupport.Run(program, Shots, seed: 9);
        var exact = IpeReference(10, 3 * Math.PI / 8);
        Assert.Equal(0.5, exact[0], 9);
        foreach (var (k, p) in exact.Where(e => e.Value > 0.005))
        {
            string key = Convert.ToString(k, 2).PadLeft(10, '0');
            Statistics.AssertProportion(run.Counts.GetValueOrDefault(key), Shots, p, $"c = {key}");
        }
        // Every observed value is one the reference gives a real probability.
        Assert.All(run.Counts.Keys, key => Assert.True(exact.GetValueOrDefault(Convert.ToInt32(key, 2)) > 1e-6, key));
    }

    /// <summary>
    /// A subroutine with a classical parameter and a classical result (tests/cases/qasm):
    /// odd = parity(uint[2](c)) is c[0] xor c[1] in every shot, the four values of c equally
    /// likely, with the qubits on one QPU or spread over two.
    /// </summary>
    /// <summary>
    /// 64-bit variables hold integers beyond 2^53 exactly: uint[64] 2^64 − 1 and int[64]
    /// −(2^63 − 1), compared, incremented (wrapping to 0) and decremented (to −2^63), both when
    /// the compiler knows the values and when a measurement makes them runtime values. Every
    /// test below is true, so c is all ones in every shot.
    /// </summary>
    [Theory]
    [InlineData("0")]
    [InlineData("uint[64](m)")]
    public void SixtyFourBitVariablesHoldIntegersBeyondDoublePrecision(string measuredZero)
    {
        var source = $$"""
            OPENQASM 3.0;
            include "stdgates.inc";
            qubit[5] q;
            bit m;
            bit[4] c;
            m = measure q[4];
            uint[64] k = 18446744073709551615;
            int[64] j = -9223372036854775807;
            k += {{measuredZero}};
            if (k == 18446744073709551615) x q[0];
            k += 1;
            if (k == 0) x q[1];
            j -= 1;
            if (j == -9223372036854775808) x q[2];
            if (j < -9223372036854775807) x q[3];
            c = measure q[0:3];
            """;
        var run = TestSupport.Run(TestSupport.Compile(source, ".qasm", new CompilationOptions { QpuCount = 1 }), 20, seed: 3);
        int column = run.Registers.Select(r => r.Name).ToList().IndexOf("c");
        Assert.All(run.Counts.Keys, key => Assert.Equal("1111", key.Split(' ')[column]));
    }

    /// <summary>
    /// Subroutines calling subroutines (tests/cases/qasm): a call in the returned expression and in
    /// a local's initializer, and a subroutine with a local variable called twice. out = 4 + 2·coin
    /// + coin', so 4, 5, 6 and 7 equally likely, on one QPU or two.
    /// </summary>
    [Fact]
    public void SubroutinesCallingSubroutinesComputeTheirValue()
    {
        var path = Path.Combine(TestSupport.Root, "tests", "cases", "qasm", "subroutine_nested_calls_v3.qasm");
        foreach (var options in new[] { new CompilationOptions { QpuCount = 1 }, new CompilationOptions { QpuCount = 2, QubitsPerQpu = 1 } })
        {
            var run = TestSupport.Run(TestSupport.CompileFile(path, options), Shots, seed: 17);
            int outColumn = run.Registers.Select(r => r.Name).ToList().IndexOf("out");
            Assert.True(outColumn >= 0);
            var byValue = run.Counts.GroupBy(c => c.Key.Split(' ')[outColumn]).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));
            Assert.Equal(["100", "101", "110", "111"], byValue.Keys.Order());
            foreach (var (value, count) in byValue) Statistics.AssertProportion(count, Shots, 0.25, $"out = {value}");
        }
    }

    [Fact]
    public void SubroutineWithClassicalParameterAndResultComputesTheParity()
    {
        var path = Path.Combine(TestSupport.Root, "tests", "cases", "qasm", "subroutine_classical_v3.qasm");
        foreach (var options in new[] { new CompilationOptions { QpuCount = 1 }, new CompilationOptions { QpuCount = 2, QubitsPerQpu = 2 } })
        {
            var run = TestSupport.Run(TestSupport.CompileFile(path, options), Shots, seed: 13);
            Assert.Equal(["odd", "c"], run.Registers.Select(r => r.Name));
            foreach (var (key, count) in run.Counts)
            {
                var parts = key.Split(' ');
                Assert.Equal(parts[1][0] != parts[1][1] ? "1" : "0", parts[0]);
                Statistics.AssertProportion(count, Shots, 0.25, $"c = {parts[1]}");
            }
            Assert.Equal(4, run.Counts.Count);
        }
    }

    /// <summary>ipe.qasm's semantics, exactly: qubit q (index 1 of the 2-qubit state) and r (index 0), c as an integer k of angle[n].</summary>
    private static Dictionary<int, double> IpeReference(int n, double theta)
    {
        int size = 1 << n;
        var states = new Dictionary<int, Complex[,]> { [0] = Apply(Rho(0), H(r: true)) };
        long power = 1;
        for (int i = 0; i < n; i++)
        {
            var next = new Dictionary<int, Complex[,]>();
            foreach (var (c, before) in states)
            {
                var rho = Apply(ResetQ(before), H(r: false));
                rho = Apply(rho, Diagonal(1, 1, 1, Complex.FromPolarCoordinates(1, power * theta)));
                var phase = Complex.FromPolarCoordinates(1, -2 * Math.PI * c / size);
                rho = Apply(rho, Diagonal(1, 1, phase, phase));
                rho = Apply(rho, H(r: false));
                for (int m = 0; m < 2; m++)
                {
                    var part = ProjectQ(rho, m);
                    if (Trace(part) < 1e-15) continue;
                    int k = (((c & ~1) | m) << 1) % size;
                    next[k] = next.TryGetValue(k, out var sum) ? Add(sum, part) : part;
                }
            }
            states = next;
            power = (power << 1) % size;
        }
        return states.ToDictionary(s => s.Key, s => Trace(s.Value));
    }

    // Basis index = 2·q + r.
    private static Complex[,] Rho(int basis)
    {
        var rho = new Complex[4, 4];
        rho[basis, basis] = 1;
        return rho;
    }

    private static Complex[,] H(bool r)
    {
        var u = new Complex[4, 4];
        double s = 1 / Math.Sqrt(2);
        for (int a = 0; a < 4; a++)
            for (int b = 0; b < 4; b++)
            {
                var (qa, ra, qb, rb) = (a >> 1, a & 1, b >> 1, b & 1);
                if (r && qa == qb) u[a, b] = ra == 1 && rb == 1 ? -s : s;
                if (!r && ra == rb) u[a, b] = qa == 1 && qb == 1 ? -s : s;
            }
        return u;
    }

    private static Complex[,] Diagonal(params Complex[] d)
    {
        var u = new Complex[4, 4];
        for (int i = 0; i < 4; i++) u[i, i] = d[i];
        return u;
    }

    private static Complex[,] Apply(Complex[,] rho, Complex[,] u)
    {
        var result = new Complex[4, 4];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
            {
                Complex sum = 0;
                for (int k = 0; k < 4; k++)
                    for (int l = 0; l < 4; l++) sum += u[i, k] * rho[k, l] * Complex.Conjugate(u[j, l]);
                result[i, j] = sum;
            }
        return result;
    }

    private static Complex[,] ProjectQ(Complex[,] rho, int m)
    {
        var result = new Complex[4, 4];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
                if (i >> 1 == m && j >> 1 == m) result[i, j] = rho[i, j];
        return result;
    }

    /// <summary>reset q: measure q and flip a 1 back to 0.</summary>
    private static Complex[,] ResetQ(Complex[,] rho)
    {
        var result = new Complex[4, 4];
        for (int qa = 0; qa < 2; qa++)
            for (int ra = 0; ra < 2; ra++)
                for (int rb = 0; rb < 2; rb++) result[ra, rb] += rho[2 * qa + ra, 2 * qa + rb];
        return result;
    }

    private static Complex[,] Add(Complex[,] a, Complex[,] b)
    {
        var result = new Complex[4, 4];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) result[i, j] = a[i, j] + b[i, j];
        return result;
    }

    private static double Trace(Complex[,] rho) => Enumerable.Range(0, 4).Sum(i => rho[i, i].Real);

    /// <summary>
    /// Random programs with runtime arithmetic on measured values: two measured bits become a
    /// uint[3] through a random operator and constant, that value (shifted, xored) becomes an
    /// angle[3] used by a gate on another qubit, and an ordering test of it guards a gate. The
    /// qubits are spread over two QPUs at random (so values are computed on one node and sent to
    /// the other); the distribution of every bit must be the one of the same program on one QPU.
    /// </summary>
    [Fact]
    public void RuntimeArithmeticGivesTheSameDistributionOnTwoQpusAsOnOne()
    {
        string[] arithmetic = ["+", "-", "*", "<<", "^", "|"];
        string[] comparisons = ["<", "<=", ">", ">=", "==", "!="];
        Gen.Select(Gen.Double[0.3, 2.8].Array[3], Gen.Int[0, arithmetic.Length - 1], Gen.Int[0, 7], Gen.Int[0, comparisons.Length - 1], Gen.Int[0, 7], Gen.Int[0, 1].Array[3])
            .Sample((angles, op, constant, comparison, threshold, placement) =>
            {
                string Source(int[] nodes) => string.Create(CultureInfo.InvariantCulture, $$"""
                    network pair {
                        qpu n0 { qubits = 4; comm = 2; }
                        qpu n1 { qubits = 4; comm = 2; }
                        link n0 -- n1 { length = 1 km; fidelity = 1; }
                    }
                    program arithmetic on pair {
                        qubit q0 @ n{{nodes[0]}};
                        qubit q1 @ n{{nodes[1]}};
                        qubit q2 @ n{{nodes[2]}};
                        bit[2] m;
                        bit[3] c;
                        uint[3] v;
                        angle[3] t;
                        ry({{angles[0]}}) q0;
                        ry({{angles[1]}}) q1;
                        h q2;
                        m[0] = measure q0;
                        m[1] = measure q1;
                        v = uint[3](m) {{arithmetic[op]}} {{constant}};
                        t = angle[3]((v << 1) ^ uint[3](m));
                        rz(t) q2;
                        ry({{angles[2]}}) q2;
                        if (v {{comparisons[comparison]}} {{threshold}}) { x q0; }
                        c[0] = measure q0;
                        c[1] = measure q2;
                        c[2] = measure q1;
                    }
                    """);
                var local = TestSupport.Run(TestSupport.Compile(Source([0, 0, 0])), Shots, seed: 21);
                var spread = TestSupport.Run(TestSupport.Compile(Source(placement)), Shots, seed: 22);
                Assert.Equal(0, local.Ebits);
                foreach (string key in local.Counts.Keys.Union(spread.Counts.Keys))
                    Statistics.AssertSameProportion(local.Counts.GetValueOrDefault(key), spread.Counts.GetValueOrDefault(key), Shots,
                        $"outcome {key}, placement {string.Join(",", placement)}, v = m {arithmetic[op]} {constant}, v {comparisons[comparison]} {threshold}");
            }, iter: 12, threads: 1);
    }
}
