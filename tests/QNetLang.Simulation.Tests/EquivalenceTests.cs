using System.Globalization;
using System.Text;
using CsCheck;
using QNetLang.Ir;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// A program run distributed over a network of ideal devices gives the same output distribution
/// as on one node: random circuits run once with every qubit on one QPU, and once with the qubits
/// spread over three QPUs, moved by explicit teleports so that each gate is local. Both runs are
/// compared with the exact distribution from the dense reference simulator.
/// </summary>
public class EquivalenceTests
{
    private const int Qubits = 3;
    private const int Shots = 3000;

    private static readonly string[] Names = ["h", "x", "s", "t", "rx", "ry", "rz", "u", "cx", "cz", "cp", "crx", "swap", "rzz", "ch", "ccx"];

    private const string Network = """
        network trio {
            qpu n0 { qubits = 3; comm = 2; }
            qpu n1 { qubits = 3; comm = 2; }
            qpu n2 { qubits = 3; comm = 2; }
            link n0 -- n1;
            link n1 -- n2;
            link n0 -- n2 { length = 5 km; loss = 0 dB/km; }
        }
        """;

    [Fact]
    public void DistributedRunsMatchTheSingleNodeDistribution()
    {
        Gen.Select(EngineTests.StepGen(Names, Qubits).Array[1, 8], Gen.Int[0, 2].Array[Qubits]).Sample((steps, placement) =>
        {
            var exact = ExactDistribution(steps);
            var local = TestSupport.Run(TestSupport.Compile(Source(steps, [0, 0, 0], out _)), Shots, seed: 21);
            var spread = TestSupport.Run(TestSupport.Compile(Source(steps, placement, out int teleports)), Shots, seed: 22);
            Assert.Equal(0, local.Ebits);
            Assert.Equal(teleports, spread.Ebits);
            for (int outcome = 0; outcome < 1 << Qubits; outcome++)
            {
                string key = Convert.ToString(outcome, 2).PadLeft(Qubits, '0');
                Statistics.AssertProportion(local.Counts.GetValueOrDefault(key), Shots, exact[outcome], $"one node, outcome {key}");
                Statistics.AssertProportion(spread.Counts.GetValueOrDefault(key), Shots, exact[outcome], $"distributed {string.Join(",", placement)}, outcome {key}");
            }
        }, iter: 25, threads: 1);
    }

    private static double[] ExactDistribution(EngineTests.Step[] steps)
    {
        var psi = DenseReference.Run(Qubits, steps);
        return psi.Select(a => a.Magnitude * a.Magnitude).ToArray();
    }

    /// <summary>The program text: qubit i starts at n{placement[i]}; before a gate, its other operands are teleported to its first operand's node.</summary>
    private static string Source(EngineTests.Step[] steps, int[] placement, out int teleports)
    {
        teleports = 0;
        var sb = new StringBuilder(Network);
        sb.Append("program random on trio {\n");
        var at = (int[])placement.Clone();
        for (int q = 0; q < Qubits; q++) sb.Append(CultureInfo.InvariantCulture, $"  qubit q{q} @ n{at[q]};\n");
        sb.Append(CultureInfo.InvariantCulture, $"  bit[{Qubits}] c;\n");
        foreach (var step in steps)
        {
            int home = at[step.Qubits[0]];
            foreach (int q in step.Qubits.Skip(1))
                if (at[q] != home)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"  teleport q{q} -> n{home};\n");
                    at[q] = home;
                    teleports++;
                }
            string parameters = step.ParameterList;
            sb.Append(CultureInfo.InvariantCulture, $"  {step.Gate.Name}{parameters} {string.Join(", ", step.Qubits.Select(q => $"q{q}"))};\n");
        }
        for (int q = 0; q < Qubits; q++) sb.Append(CultureInfo.InvariantCulture, $"  c[{q}] = measure q{q};\n");
        sb.Append("}\n");
        return sb.ToString();
    }
}
