using System.Globalization;
using System.Numerics;
using QNetLang.Compiler;
using QNetLang.Ir;
using QNetLang.Syntax.Ast;
using QNetLang.Syntax.Qasm;

namespace QNetLang.Tests;

/// <summary>
/// Every gate of both qelib1.inc versions compiles, and the gates the importer defines itself
/// (<see cref="Qelib1Prelude"/>) lower to circuits whose product of catalog unitaries is the
/// gate's matrix, written out here independently (first qubit = most significant index bit,
/// as in the catalog).
/// </summary>
public class Qelib1GateTests
{
    private static readonly Complex I = Complex.ImaginaryOne;

    /// <summary>OpenQASM 2.0's qelib1.inc and the gates Qiskit's adds.</summary>
    public static TheoryData<string, int, int> AllQelib1Gates => new()
    {
        { "u3", 3, 1 }, { "u2", 2, 1 }, { "u1", 1, 1 }, { "cx", 0, 2 }, { "id", 0, 1 }, { "u0", 1, 1 }, { "u", 3, 1 }, { "p", 1, 1 },
        { "x", 0, 1 }, { "y", 0, 1 }, { "z", 0, 1 }, { "h", 0, 1 }, { "s", 0, 1 }, { "sdg", 0, 1 }, { "t", 0, 1 }, { "tdg", 0, 1 },
        { "rx", 1, 1 }, { "ry", 1, 1 }, { "rz", 1, 1 }, { "sx", 0, 1 }, { "sxdg", 0, 1 }, { "cz", 0, 2 }, { "cy", 0, 2 }, { "swap", 0, 2 },
        { "ch", 0, 2 }, { "ccx", 0, 3 }, { "cswap", 0, 3 }, { "crx", 1, 2 }, { "cry", 1, 2 }, { "crz", 1, 2 }, { "cu1", 1, 2 }, { "cp", 1, 2 },
        { "cu3", 3, 2 }, { "csx", 0, 2 }, { "cu", 4, 2 }, { "rxx", 1, 2 }, { "rzz", 1, 2 }, { "rccx", 0, 3 }, { "rc3x", 0, 4 },
        { "c3x", 0, 4 }, { "c3sqrtx", 0, 4 }, { "c4x", 0, 5 },
    };

    [Theory]
    [MemberData(nameof(AllQelib1Gates))]
    public void EveryQelib1GateCompilesAsOpenQasm2(string gate, int parameters, int qubits)
    {
        var circuit = Lower(gate, Parameters(parameters), qubits);
        Assert.NotEmpty(circuit.Operations);
    }

    [Theory]
    [InlineData("u0")]
    [InlineData("cu3")]
    [InlineData("csx")]
    [InlineData("rccx")]
    [InlineData("rc3x")]
    [InlineData("c3x")]
    [InlineData("c3sqrtx")]
    [InlineData("c4x")]
    public void PreludeGateHasItsMatrix(string gate)
    {
        double[] p = gate switch { "u0" => [1.5], "cu3" => [0.7, -1.3, 2.1], _ => [] };
        int qubits = gate switch { "u0" => 1, "cu3" or "csx" => 2, "rccx" => 3, "c4x" => 5, _ => 4 };
        var circuit = Lower(gate, p, qubits);
        var actual = Product(circuit, qubits);
        var expected = Expected(gate, p);
        for (int r = 0; r < expected.GetLength(0); r++)
            for (int c = 0; c < expected.GetLength(1); c++)
                Assert.True((actual[r, c] - expected[r, c]).Magnitude < 1e-9, $"{gate}: entry ({r},{c}) is {actual[r, c]}, expected {expected[r, c]}");
    }

    [Fact]
    public void PreludeBodiesCallOnlyCatalogGates()
    {
        // So that a user's definition of one prelude gate cannot change another.
        foreach (var (name, definition) in Qelib1Prelude.Gates)
            foreach (var call in definition.Body.Cast<GateCall>())
                Assert.True(GateCatalog.TryGet(call.Gate.Text, out _), $"{name} calls {call.Gate.Text}, which is not a catalog gate");
    }

    [Fact]
    public void OnlyCalledPreludeGatesAreAddedAndUserDefinitionsWin()
    {
        var result = QnCompiler.CompileText("user.qasm", """
            OPENQASM 2.0;
            include "qelib1.inc";
            gate csx a, b { cx a, b; }
            qreg q[3];
            csx q[0], q[1];
            rccx q[0], q[1], q[2];
            """, new CompilationOptions { QpuCount = 1, StopAfter = CompilerStage.Lower });
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        var gates = result.MainUnit!.Items.OfType<ProgramDeclaration>().Single().Body.OfType<GateDefinition>().Select(g => g.Name.Text).ToList();
        Assert.Equal(["rccx", "csx"], gates);
        // The user's csx is one CNOT, not the prelude's three gates.
        Assert.Equal("cx", Assert.Single(result.Circuits).Operations[0] is GateOperation g ? g.Gate.Name : null);
    }

    [Fact]
    public void OpenQasm3DoesNotGetTheOpenQasm2Library()
    {
        var result = QnCompiler.CompileText("v3.qasm", "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[4] q;\nc3x q[0], q[1], q[2], q[3];\n",
            new CompilationOptions { QpuCount = 1, StopAfter = CompilerStage.Bind });
        Assert.Equal("QN2003", Assert.Single(result.Diagnostics.Items).Code);
    }

    private static double[] Parameters(int count) => [.. Enumerable.Range(0, count).Select(i => 0.3 + 0.4 * i)];

    private static Circuit Lower(string gate, double[] parameters, int qubits)
    {
        string args = parameters.Length == 0 ? "" : "(" + string.Join(", ", parameters.Select(p => p.ToString("R", CultureInfo.InvariantCulture))) + ")";
        string operands = string.Join(", ", Enumerable.Range(0, qubits).Select(i => $"q[{i}]"));
        string text = $"OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[{qubits}];\n{gate}{args} {operands};\n";
        var result = QnCompiler.CompileText($"{gate}.qasm", text, new CompilationOptions { QpuCount = 1, StopAfter = CompilerStage.Lower });
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        Assert.DoesNotContain(result.Diagnostics.Items, d => d.Severity != QNetLang.Core.DiagnosticSeverity.Error);
        return Assert.Single(result.Circuits);
    }

    /// <summary>The circuit's unitary: the product of its gates' catalog matrices, each embedded on its qubits.</summary>
    private static Complex[,] Product(Circuit circuit, int n)
    {
        int dim = 1 << n;
        var total = Identity(dim);
        foreach (var op in circuit.Operations)
        {
            var g = Assert.IsType<GateOperation>(op);
            total = Multiply(Embed(g.Gate.Unitary(g.Parameters), [.. g.Qubits], n), total);
        }
        return total;
    }

    private static Complex[,] Embed(Complex[,] u, int[] qubits, int n)
    {
        int dim = 1 << n;
        var e = new Complex[dim, dim];
        int mask = qubits.Aggregate(0, (m, q) => m | 1 << (n - 1 - q));
        int Sub(int x) => qubits.Aggregate(0, (s, q) => s << 1 | x >> (n - 1 - q) & 1);
        for (int r = 0; r < dim; r++)
            for (int c = 0; c < dim; c++)
                if ((r & ~mask) == (c & ~mask)) e[r, c] = u[Sub(r), Sub(c)];
        return e;
    }

    private static Complex[,] Expected(string gate, double[] p)
    {
        var x = new Complex[,] { { 0, 1 }, { 1, 0 } };
        var sx = new Complex[,] { { (1 + I) / 2, (1 - I) / 2 }, { (1 - I) / 2, (1 + I) / 2 } };
        switch (gate)
        {
            case "u0": return Identity(2);
            case "cu3":
            {
                double t = p[0], phi = p[1], l = p[2];
                var u3 = new Complex[,]
                {
                    { Math.Cos(t / 2), -Complex.FromPolarCoordinates(1, l) * Math.Sin(t / 2) },
                    { Complex.FromPolarCoordinates(1, phi) * Math.Sin(t / 2), Complex.FromPolarCoordinates(1, phi + l) * Math.Cos(t / 2) },
                };
                return MultiControlled(u3, 1);
            }
            case "csx": return MultiControlled(sx, 1);
            case "c3x": return MultiControlled(x, 3);
            case "c3sqrtx": return MultiControlled(sx, 3);
            case "c4x": return MultiControlled(x, 4);
            case "rccx":
                // Qiskit's RCCXGate matrix, given there with qubit 0 as the least significant bit.
                return FromLittleEndian(3, new() { [(0, 0)] = 1, [(1, 1)] = 1, [(2, 2)] = 1, [(3, 7)] = -I, [(4, 4)] = 1, [(5, 5)] = -1, [(6, 6)] = 1, [(7, 3)] = I });
            case "rc3x":
            {
                // Qiskit's RC3XGate matrix (qubit 0 least significant): identity but for these entries.
                var entries = Enumerable.Range(0, 16).Where(i => i is not (3 or 7 or 11 or 15)).ToDictionary(i => (i, i), _ => (Complex)1);
                entries[(3, 3)] = I;
                entries[(11, 11)] = -I;
                entries[(7, 15)] = 1;
                entries[(15, 7)] = -1;
                return FromLittleEndian(4, entries);
            }
            default: throw new ArgumentException(gate);
        }
    }

    private static Complex[,] MultiControlled(Complex[,] target, int controls)
    {
        int dim = 2 << controls;
        var m = Identity(dim);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++) m[dim - 2 + i, dim - 2 + j] = target[i, j];
        return m;
    }

    private static Complex[,] FromLittleEndian(int n, Dictionary<(int Row, int Column), Complex> entries)
    {
        int Reverse(int x) => Enumerable.Range(0, n).Aggregate(0, (r, k) => r << 1 | x >> k & 1);
        var m = new Complex[1 << n, 1 << n];
        foreach (var ((row, column), value) in entries) m[Reverse(row), Reverse(column)] = value;
        return m;
    }

    private static Complex[,] Identity(int dim)
    {
        var m = new Complex[dim, dim];
        for (int i = 0; i < dim; i++) m[i, i] = 1;
        return m;
    }

    private static Complex[,] Multiply(Complex[,] a, Complex[,] b)
    {
        int dim = a.GetLength(0);
        var r = new Complex[dim, dim];
        for (int i = 0; i < dim; i++)
            for (int k = 0; k < dim; k++)
            {
                if (a[i, k] == Complex.Zero) continue;
                for (int j = 0; j < dim; j++) r[i, j] += a[i, k] * b[k, j];
            }
        return r;
    }
}
