using System.Globalization;
using System.Numerics;
using QNetLang.Compiler;
using QNetLang.Ir;
using QNetLang.Tests.Distribution;

namespace QNetLang.Tests.Qasm3;

/// <summary>
/// OpenQASM 3 gate modifiers become library gates with exactly the modified unitary, global
/// phase included. Checked without assuming any matrix convention, on a state prepared by
/// rotations so that no amplitude is special: `inv @ g` after `g` gives the prepared state back;
/// `pow(k) @ g` equals `g` applied k times (k = 2, 3, −2) and `pow(0.5) @ g` twice equals `g`;
/// `ctrl @ g` is `g` on the targets when the control is |1> and nothing when it is |0>
/// (`negctrl` the other way round), which also fixes the relative phase a dropped global
/// phase would spoil.
/// </summary>
public class GateModifierTests
{
    private static readonly string[] Invertible = ["x", "y", "z", "h", "s", "sdg", "t", "tdg", "sx", "sxdg", "rx(0.7)", "ry(-1.3)", "rz(2.1)", "p(0.9)", "u(0.4, 1.1, -0.6)", "cx", "cz", "cp(0.8)", "crx(1.2)", "swap", "rzz(0.5)", "ccx", "cu(0.3, 0.2, 0.1, 0.4)"];
    private static readonly string[] Powered = ["x", "h", "z", "s", "t", "tdg", "rx(0.7)", "rz(2.1)", "p(0.9)", "cx", "cp(0.8)", "rzz(0.5)"];
    private static readonly string[] Rootable = ["z", "s", "t", "sdg", "rx(0.7)", "ry(-1.3)", "rz(2.1)", "p(0.9)", "cp(0.8)", "crz(0.6)", "rxx(0.5)"];
    private static readonly string[] Controllable = ["x", "y", "z", "h", "s", "t", "sdg", "tdg", "rx(0.7)", "ry(-1.3)", "rz(2.1)", "p(0.9)", "u(0.4, 1.1, -0.6)", "cx", "swap"];

    private const string Prepare = "rx(0.3) q[0]; ry(0.9) q[1]; rx(1.7) q[2]; ry(-0.4) q[3]; cx q[1], q[2]; rz(0.8) q[2];\n";

    [Fact]
    public void InverseUndoesTheGate()
    {
        foreach (string gate in Invertible)
        {
            string operands = Operands(gate, first: 1);
            Assert.Equal(State(Prepare), State(Prepare + $"{gate} {operands}; inv @ {gate} {operands};"), new AmplitudeComparer(gate));
        }
    }

    [Fact]
    public void IntegerPowersRepeatTheGate()
    {
        foreach (string gate in Powered)
        {
            string operands = Operands(gate, first: 1);
            string once = $"{gate} {operands}; ";
            Assert.Equal(State(Prepare + once + once), State(Prepare + $"pow(2) @ {gate} {operands};"), new AmplitudeComparer("pow(2) " + gate));
            Assert.Equal(State(Prepare + once + once + once), State(Prepare + $"pow(3) @ {gate} {operands};"), new AmplitudeComparer("pow(3) " + gate));
            Assert.Equal(State(Prepare + $"inv @ {gate} {operands}; inv @ {gate} {operands};"), State(Prepare + $"pow(-2) @ {gate} {operands};"), new AmplitudeComparer("pow(-2) " + gate));
        }
    }

    [Fact]
    public void SquareRootsSquareToTheGate()
    {
        foreach (string gate in Rootable)
        {
            string operands = Operands(gate, first: 1);
            string root = $"pow(0.5) @ {gate} {operands}; ";
            Assert.Equal(State(Prepare + $"{gate} {operands};"), State(Prepare + root + root), new AmplitudeComparer("pow(0.5) " + gate));
        }
    }

    [Fact]
    public void ControlsActOnlyWhenTheyShouldIncludingThePhase()
    {
        foreach (string gate in Controllable)
        {
            string targets = Operands(gate, first: 1);
            // Control q[0] in superposition: the |1> branch gets the gate, the |0> branch nothing.
            string expected = $"h q[0]; {Prepare.Replace("q[0]", "q[3]", StringComparison.Ordinal)}";
            var withGate = State(expected + $"{gate} {targets};");
            var without = State(expected);
            var controlled = State(expected + $"ctrl @ {gate} q[0], {targets};");
            var negControlled = State(expected + $"negctrl @ {gate} q[0], {targets};");
            for (int i = 0; i < controlled.Length; i++)
            {
                bool control = (i & 1) != 0;
                Assert.True((controlled[i] - (control ? withGate[i] : without[i])).Magnitude < 1e-9, $"ctrl @ {gate}, amplitude {i}");
                Assert.True((negControlled[i] - (control ? without[i] : withGate[i])).Magnitude < 1e-9, $"negctrl @ {gate}, amplitude {i}");
            }
        }
    }

    [Fact]
    public void TwoControlsMakeAToffoli()
    {
        Assert.Equal(State(Prepare + "ccx q[0], q[1], q[2];"), State(Prepare + "ctrl(2) @ x q[0], q[1], q[2];"), new AmplitudeComparer("ctrl(2) @ x"));
        Assert.Equal(State(Prepare + "ccx q[0], q[1], q[2];"), State(Prepare + "ctrl @ ctrl @ x q[0], q[1], q[2];"), new AmplitudeComparer("ctrl @ ctrl @ x"));
    }

    /// <summary>The gate's operands, q[first], q[first + 1], … as many as it takes.</summary>
    private static string Operands(string gate, int first)
    {
        string name = gate.Split('(')[0];
        int count = GateCatalog.Get(name).QubitCount;
        return string.Join(", ", Enumerable.Range(first, count).Select(i => $"q[{i}]"));
    }

    private static Complex[] State(string body)
    {
        string path = Path.Combine(Path.GetTempPath(), "qnl-modifiers-" + Guid.NewGuid().ToString("N") + ".qasm");
        File.WriteAllText(path, "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[4] q;\n" + body + "\n");
        try
        {
            var result = QnCompiler.Compile(path, new CompilationOptions { QpuCount = 1, StopAfter = CompilerStage.Lower });
            Assert.True(result.Success, TestCompiler.Diagnostics(result) + "\n" + body);
            var simulator = new ReferenceSimulator(4, 0, seed: 1);
            simulator.Run(Assert.Single(result.Circuits).Operations);
            return simulator.State;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class AmplitudeComparer(string what) : IEqualityComparer<Complex[]>
    {
        public bool Equals(Complex[]? x, Complex[]? y)
        {
            Assert.True(x is not null && y is not null && x.Length == y.Length);
            for (int i = 0; i < x!.Length; i++)
                Assert.True((x[i] - y![i]).Magnitude < 1e-9, string.Create(CultureInfo.InvariantCulture, $"{what}: amplitude {i} is {y[i]}, expected {x[i]}"));
            return true;
        }

        public int GetHashCode(Complex[] obj) => 0;
    }
}
