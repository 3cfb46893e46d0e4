using System.Numerics;
using System.Text;
using QNetLang.Compiler;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Tests.Distribution;

namespace QNetLang.Tests;

/// <summary>
/// `if (c == N)` on registers of any width, with N beyond 2^53 (where doubles stop being
/// exact), in OpenQASM 2, OpenQASM 3 and .qn; and one message per distinct mistake.
/// </summary>
public class WideConditionTests
{
    // 2^63 + 2^60 + 12345: above 2^53, and its low bits would be lost in a double.
    private static readonly BigInteger N64 = BigInteger.Pow(2, 63) + BigInteger.Pow(2, 60) + 12345;

    public static TheoryData<string> Dialects => ["qasm2", "qasm3", "qn"];

    [Theory]
    [MemberData(nameof(Dialects))]
    public void SixtyFourBitComparisonCompilesAndRunsCorrectly(string dialect)
    {
        // c is set to N64 bit by bit; flag 0 is raised by `c == N64`, flag 1 would be by a value one bit away.
        var (path, text) = Program(dialect, 64, N64, N64 ^ BigInteger.One << 59);
        var result = QnCompiler.CompileText(path, text, new CompilationOptions { QpuCount = dialect == "qn" ? null : 2, Seed = 1, StopAfter = CompilerStage.Schedule });
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        Assert.Empty(result.Diagnostics.Items);
        var program = Assert.Single(result.Distributed);
        foreach (var circuit in new[] { program.Original, program.Circuit })
        {
            var simulator = new ReferenceSimulator(circuit.Qubits.Length, circuit.Bits.Length, seed: 7);
            simulator.Run(circuit.Operations);
            var bits = simulator.Bits;
            Assert.Equal(N64, Enumerable.Range(0, 64).Aggregate(BigInteger.Zero, (v, i) => bits[i] ? v | BigInteger.One << i : v));
            Assert.True(bits[64], "c == N was false");
            Assert.False(bits[65], "c == N with one bit changed was true");
        }
    }

    /// <summary>
    /// The same comparison with the value named: a classical variable known at compile time is
    /// folded in its type (all 64 bits), not in the evaluator's doubles, which turned 2^63 + 2^60
    /// + 12345 into a negative number and the comparison into "always false"; a constant beyond
    /// 2^53 (`const uint[64] k = …`, valid OpenQASM 3) is exact in a comparison, in integer
    /// arithmetic there and as a 64-bit variable's value (it used to be refused, QN2036).
    /// {0} is the value, {1} the value with bit 59 flipped.
    /// </summary>
    [Theory]
    [InlineData("qasm3", "uint[64] k = {0};\nuint[64] other = {1};\n", "other")]
    [InlineData("qn", "uint[64] k = {0};\nuint[64] other = {1};\n", "other")]
    [InlineData("qasm3", "const uint[64] k = {0};\nuint[64] v = k;\n", "v + 2 ** 59")]
    [InlineData("qn", "const int k = {0};\nuint[64] v = k;\n", "v + 2 ** 59")]
    public void SixtyFourBitNamedValueComparesExactly(string dialect, string declarations, string differing)
    {
        var other = N64 ^ BigInteger.One << 59;
        var (path, text) = Program(dialect, 64, N64, other);
        text = text.Replace($"if (c == {N64})", "if (c == k)").Replace($"if (c == {other})", $"if (c == {differing})")
            .Replace("bit[2] f;\n", "bit[2] f;\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, declarations, N64, other));
        Assert.Contains("c == k)", text);
        var result = QnCompiler.CompileText(path, text, new CompilationOptions { QpuCount = dialect == "qn" ? null : 2, Seed = 1, StopAfter = CompilerStage.Schedule });
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        Assert.Empty(result.Diagnostics.Items);
        var circuit = Assert.Single(result.Distributed).Circuit;
        var simulator = new ReferenceSimulator(circuit.Qubits.Length, circuit.Bits.Length, seed: 7);
        simulator.Run(circuit.Operations);
        Assert.True(simulator.Bits[64], "c == k was false");
        Assert.False(simulator.Bits[65], $"c == {differing} was true");
    }

    [Fact]
    public void WideConstantWhereADoubleIsNeededIsRefusedAtTheUse()
    {
        var result = QnCompiler.CompileText("w.qasm", "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[1] q;\nconst uint[64] k = 18446744073709551615;\nrz(k) q[0];\n",
            new CompilationOptions { QpuCount = 1, StopAfter = CompilerStage.Lower });
        var error = Assert.Single(result.Diagnostics.Items);
        Assert.Equal("QN2036", error.Code);
        Assert.Equal(5, error.Location.Source!.GetLineColumn(error.Location.Span.Start).Line);
        Assert.Contains("the constant k = 18446744073709551615 is larger than 2^53", error.Message);
    }

    [Fact]
    public void NegativeVariableNeverEqualsARegister()
    {
        var result = QnCompiler.CompileText("n.qasm", "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[1] q;\nbit[64] c;\nint[64] k = -9223372036854775807;\nif (c == k) { x q[0]; }\n",
            new CompilationOptions { QpuCount = 1, StopAfter = CompilerStage.Lower });
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        Assert.EndsWith("64 bit(s) can never equal -9223372036854775807: the comparison is always false", Assert.Single(result.Diagnostics.Items).Message);
    }

    [Fact]
    public void ThreeHundredOneBitRegisterComparesWithAnyValueItHolds()
    {
        var n = BigInteger.Pow(2, 300) + BigInteger.Pow(3, 100);
        var (path, text) = Program("qasm2", 301, n, n - 1);
        var result = QnCompiler.CompileText(path, text, new CompilationOptions { QpuCount = 1, StopAfter = CompilerStage.Lower });
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        Assert.Empty(result.Diagnostics.Items);
        var tests = Assert.Single(result.Circuits).Operations.OfType<IfOperation>().Where(i => i.Condition is AndCondition).ToList();
        Assert.Equal(2, tests.Count);
        var and = (AndCondition)tests[0].Condition;
        Assert.Equal(301, and.Operands.Length);
        var value = and.Operands.Cast<BitCondition>().Select((b, i) => b.Value ? BigInteger.One << i : BigInteger.Zero).Aggregate(BigInteger.Add);
        Assert.Equal(n, value);
    }

    [Fact]
    public void ArithmeticOnWideIntegersIsExact()
    {
        var result = QnCompiler.CompileText("e.qasm", "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\ncreg c[70];\nif (c == 2^69 + 3*5 - 1) x q[0];\n",
            new CompilationOptions { QpuCount = 1, StopAfter = CompilerStage.Lower });
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        var condition = (AndCondition)Assert.Single(Assert.Single(result.Circuits).Operations.OfType<IfOperation>()).Condition;
        var value = condition.Operands.Cast<BitCondition>().Select((b, i) => b.Value ? BigInteger.One << i : BigInteger.Zero).Aggregate(BigInteger.Add);
        Assert.Equal(BigInteger.Pow(2, 69) + 14, value);
    }

    [Fact]
    public void RepeatedMistakeIsOneMessageWithACount()
    {
        var text = new StringBuilder("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\ncreg c[64];\n");
        // 2^64 does not fit in 64 bits: the same warning in 63 statements, as an exporter writes a conditional block.
        for (int i = 0; i < 63; i++) text.Append("if (c == 18446744073709551616) x q[0];\n");
        text.Append("if (c == 18446744073709551617) x q[0];\n");
        var result = QnCompiler.CompileText("r.qasm", text.ToString(), new CompilationOptions { QpuCount = 1, StopAfter = CompilerStage.Lower });
        Assert.True(result.Success);
        Assert.Equal(64, result.Diagnostics.Items.Count);
        var condensed = DiagnosticCondenser.Condense(result.Diagnostics.Items);
        Assert.Equal(2, condensed.Count);
        Assert.EndsWith("can never equal 18446744073709551616: the comparison is always false (and 62 more like it)", condensed[0].Message);
        Assert.Equal(5, condensed[0].Location.Source!.GetLineColumn(condensed[0].Location.Span.Start).Line);
        Assert.EndsWith("can never equal 18446744073709551617: the comparison is always false", condensed[1].Message);
    }

    /// <summary>
    /// A program in the given dialect: a register c of <paramref name="width"/> bits measured to
    /// <paramref name="value"/>, then flag bits raised by `c == value` and by `c == other`.
    /// </summary>
    private static (string Path, string Text) Program(string dialect, int width, BigInteger value, BigInteger other)
    {
        var body = new StringBuilder();
        bool qasm2 = dialect == "qasm2";
        for (int i = 0; i < width; i++)
        {
            if ((value >> i).IsEven) continue;
            body.Append("x q[0];\n");
            body.Append(qasm2 ? $"measure q[0] -> c[{i}];\n" : $"c[{i}] = measure q[0];\n");
            body.Append("reset q[0];\n");
        }
        string Raise(BigInteger n, int flag) => qasm2 ? $"if (c == {n}) x q[{flag + 1}];\n" : $"if (c == {n}) {{ x q[{flag + 1}]; }}\n";
        body.Append(Raise(value, 0)).Append(Raise(other, 1));
        body.Append(qasm2 ? "measure q[1] -> f[0];\nmeasure q[2] -> f[1];\n" : "f[0] = measure q[1];\nf[1] = measure q[2];\n");
        return dialect switch
        {
            "qasm2" => ("wide.qasm", $"OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\ncreg c[{width}];\ncreg f[2];\n{body}"),
            "qasm3" => ("wide.qasm", $"OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[3] q;\nbit[{width}] c;\nbit[2] f;\n{body}"),
            _ => ("wide.qn", $"network lab {{ qpu alice {{ qubits = 3; }} }}\nprogram wide on lab {{\nqubit[3] q;\nbit[{width}] c;\nbit[2] f;\n{body}}}\n"),
        };
    }
}
