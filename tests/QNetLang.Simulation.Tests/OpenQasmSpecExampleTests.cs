using QNetLang.Compiler;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// The OpenQASM 3 specification's own examples (tests/cases/qasm_spec, vendored unchanged):
/// imported with subroutines, casts, bit initialisers and `while`, distributed over two QPUs,
/// and run against their exact outcomes, and against the same file on one QPU (ipe, whose
/// estimate is not deterministic, is checked in RuntimeClassicalTests).
/// </summary>
public class OpenQasmSpecExampleTests
{
    private const int Shots = 4000;

    private static string Case(string name) => Path.Combine(TestSupport.Root, "tests", "cases", "qasm_spec", name + ".qasm");

    private static RunResult Run(string name, int qpus, long seed)
    {
        var result = QnCompiler.Compile(Case(name), new CompilationOptions { QpuCount = qpus });
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Items));
        var program = Assert.Single(result.Distributed).Program!;
        if (qpus > 1) Assert.Equal(qpus, program.Nodes.Length);
        return TestSupport.Run(program, Shots, seed);
    }

    [Theory]
    [InlineData("qec", "c", "000")]
    [InlineData("rus", "output_qubit", "0")]
    [InlineData("inverseqft1", "c", "0000")]
    public void TheExampleAlwaysGivesItsExactResult(string name, string register, string value)
    {
        foreach (int qpus in new[] { 1, 2 })
        {
            var result = Run(name, qpus, seed: 3);
            int column = ColumnOf(result, register);
            Assert.All(result.Counts.Keys, key => Assert.Equal(value, key.Split(' ')[column]));
        }
    }

    /// <summary>
    /// rus: each try succeeds (flags = 00) with probability 5/8, so a shot runs a geometric
    /// number of segments, at least one (the first is unrolled: flags start at "11"). The
    /// two ccx of a segment straddle the QPUs, so the pairs per shot grow with the tries; the
    /// counts show only flags = 00, the value that ends the loop.
    /// </summary>
    [Fact]
    public void RepeatUntilSuccessEndsOnlyOnSuccess()
    {
        var result = Run("rus", qpus: 2, seed: 4);
        int column = ColumnOf(result, "flags");
        Assert.All(result.Counts.Keys, key => Assert.Equal("00", key.Split(' ')[column]));
        Assert.True(result.Ebits > 0);
    }

    /// <summary>The column of a register in the counts' keys (one space-separated column per register, in the report's order).</summary>
    private static int ColumnOf(RunResult result, string register)
    {
        var names = result.Registers.Select(r => r.Name).ToList();
        int column = names.IndexOf(register);
        Assert.True(column >= 0, $"no register {register} among {string.Join(", ", names)}");
        return column;
    }
}
