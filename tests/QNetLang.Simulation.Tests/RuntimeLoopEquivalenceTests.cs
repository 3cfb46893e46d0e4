using System.Globalization;
using System.Text;
using CsCheck;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// Random programs with a runtime loop give the exact distribution whether they run on one QPU
/// or spread over three: a random prefix, a `while` whose body applies random gates (remote
/// ones when the qubits are spread, so Bell pairs are requested inside the loop) and retries a
/// biased coin at a random node until it reads 1, and a random suffix. The loop runs K times
/// with K geometric (P(K = k) = p (1 - p)^(k - 1), p = sin^2(theta/2) of the coin's ry), so the
/// exact output distribution is the mixture over k of |U_suffix U_body^k U_prefix |000>|^2,
/// computed with the dense reference simulator. Half the programs nest a second loop (its own
/// coin, at another random node) at the end of the body: it runs G ≥ 1 times (geometric, p₂) in
/// the first outer iteration and not again, since its bit stays 1, so the mixture is over k and
/// g.
/// </summary>
public class RuntimeLoopEquivalenceTests
{
    private const int Qubits = 3;
    private const int Shots = 3000;

    private static readonly string[] Names = ["h", "x", "s", "t", "rx", "ry", "rz", "cx", "cz", "cp", "crx", "swap", "rzz"];

    private const string Network = """
        network trio {
            qpu n0 { qubits = 5; comm = 2; }
            qpu n1 { qubits = 5; comm = 2; }
            qpu n2 { qubits = 5; comm = 2; }
            link n0 -- n1;
            link n1 -- n2;
            link n0 -- n2;
        }
        """;

    [Fact]
    public void ProgramsWithARuntimeLoopMatchTheExactDistributionOnOneQpuAndOnThree()
    {
        var steps = EngineTests.StepGen(Names, Qubits);
        var inner = Gen.Select(steps.Array[1, 2], Gen.Double[1.2, Math.PI], Gen.Bool);
        Gen.Select(steps.Array[0, 3], steps.Array[1, 3], steps.Array[0, 3], Gen.Int[0, 2].Array[Qubits + 2], Gen.Double[1.2, Math.PI], inner)
            .Sample((prefix, body, suffix, placement, theta, nested) =>
            {
                var (innerBody, innerTheta, hasInner) = nested;
                var loop = new Loop(body, theta, hasInner ? innerBody : null, innerTheta);
                var exact = Exact(prefix, loop, suffix);
                var local = TestSupport.Run(TestSupport.Compile(Source(prefix, loop, suffix, new int[Qubits + 2])), Shots, seed: 41);
                var spread = TestSupport.Run(TestSupport.Compile(Source(prefix, loop, suffix, placement)), Shots, seed: 42);
                Assert.Equal(0, local.Ebits);
                for (int outcome = 0; outcome < 1 << Qubits; outcome++)
                {
                    string key = Convert.ToString(outcome, 2).PadLeft(Qubits, '0');
                    long Hits(RunResult r)
                    {
                        int column = r.Registers.Select(x => x.Name).ToList().IndexOf("c");
                        return r.Counts.Where(c => c.Key.Split(' ')[column] == key).Sum(c => c.Value);
                    }
                    Statistics.AssertProportion(Hits(local), Shots, exact[outcome], $"one node, outcome {key}");
                    Statistics.AssertProportion(Hits(spread), Shots, exact[outcome], $"spread {string.Join(",", placement)}, outcome {key}");
                }
            }, iter: 15, threads: 1);
    }

    /// <summary>The loop: its body, its coin's angle, and an optional nested loop (body and coin angle) at the end of the body.</summary>
    private sealed record Loop(EngineTests.Step[] Body, double Theta, EngineTests.Step[]? InnerBody, double InnerTheta);

    private static double Exit(double theta) => Math.Pow(Math.Sin(theta / 2), 2);

    /// <summary>The mixture over the numbers of iterations, cut where the geometric tails are below 1e-12.</summary>
    private static double[] Exact(EngineTests.Step[] prefix, Loop loop, EngineTests.Step[] suffix)
    {
        var distribution = new double[1 << Qubits];
        double p = Exit(loop.Theta), p2 = loop.InnerBody is null ? 1 : Exit(loop.InnerTheta);
        double innerWeight = p2, innerRemaining = 1;
        for (int g = 1; innerRemaining > 1e-12; g++, innerWeight *= 1 - p2)
        {
            // The inner loop runs g times in the first outer iteration only.
            var first = loop.Body.Concat(Enumerable.Repeat(loop.InnerBody ?? [], g).SelectMany(b => b)).ToArray();
            double weight = p, remaining = 1;
            for (int k = 1; remaining > 1e-12; k++, weight *= 1 - p)
            {
                var steps = prefix.Concat(first).Concat(Enumerable.Repeat(loop.Body, k - 1).SelectMany(b => b)).Concat(suffix);
                var psi = DenseReference.Run(Qubits, steps);
                for (int i = 0; i < psi.Length; i++) distribution[i] += innerWeight * weight * psi[i].Magnitude * psi[i].Magnitude;
                remaining -= weight;
            }
            innerRemaining -= innerWeight;
            if (loop.InnerBody is null) break;
        }
        return distribution;
    }

    /// <summary>q0..q2, the coin and the inner coin start where <paramref name="placement"/> says (node index).</summary>
    private static string Source(EngineTests.Step[] prefix, Loop loop, EngineTests.Step[] suffix, int[] placement)
    {
        var sb = new StringBuilder(Network);
        sb.Append("program looped on trio {\n");
        for (int q = 0; q < Qubits; q++) sb.Append(CultureInfo.InvariantCulture, $"  qubit q{q} @ n{placement[q]};\n");
        sb.Append(CultureInfo.InvariantCulture, $"  qubit coin @ n{placement[Qubits]};\n");
        sb.Append(CultureInfo.InvariantCulture, $"  qubit coin2 @ n{placement[Qubits + 1]};\n");
        sb.Append("  bit done;\n  bit done2;\n");
        sb.Append(CultureInfo.InvariantCulture, $"  bit[{Qubits}] c;\n");
        void Gates(IEnumerable<EngineTests.Step> steps, string indent)
        {
            foreach (var step in steps)
                sb.Append(CultureInfo.InvariantCulture, $"{indent}{step.Gate.Name}{step.ParameterList} {string.Join(", ", step.Qubits.Select(q => $"q{q}"))};\n");
        }
        string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        Gates(prefix, "  ");
        sb.Append("  while (done == 0) {\n");
        Gates(loop.Body, "    ");
        if (loop.InnerBody is { } innerBody)
        {
            sb.Append("    while (done2 == 0) {\n");
            Gates(innerBody, "      ");
            sb.Append(CultureInfo.InvariantCulture, $"      reset coin2;\n      ry({R(loop.InnerTheta)}) coin2;\n      done2 = measure coin2;\n    }}\n");
        }
        sb.Append(CultureInfo.InvariantCulture, $"    reset coin;\n    ry({R(loop.Theta)}) coin;\n    done = measure coin;\n");
        sb.Append("  }\n");
        Gates(suffix, "  ");
        for (int q = 0; q < Qubits; q++) sb.Append(CultureInfo.InvariantCulture, $"  c[{q}] = measure q{q};\n");
        sb.Append("}\n");
        return sb.ToString();
    }
}
