using QNetLang.Compiler;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// OpenQASM 3 register slices, index sets and <c>let</c> aliases are expanded at import: a
/// program written with them must give the same distribution as the same program written with
/// explicit indices, on one QPU and distributed over two.
/// </summary>
public class QasmSliceTests
{
    private const int Shots = 4000;

    private const string Sliced = """
        OPENQASM 3.0;
        include "stdgates.inc";
        qubit[4] q;
        qubit[2] r;
        bit[4] c;
        bit[2] d;
        ry(0.7) q[0:2:3];
        h q[{1, 3}];
        cx q[0:1], q[2:3];
        let a = q[1:2] ++ r;
        let b = q[{0, -1}];
        rx(1.1) a[-1];
        cx b, r;
        cz a[0:1], r;
        ry(0.4) q[1:];
        barrier a;
        c[0:1] = measure q[3:-1:2];
        measure b -> c[2:3];
        let e = d;
        e = measure r;
        let g = c[2:3];
        if (g[-1] == 1) x r[0];
        if (e == 3) x r[1];
        e[0:1] = measure r;
        """;

    private const string Explicit = """
        OPENQASM 3.0;
        include "stdgates.inc";
        qubit[4] q;
        qubit[2] r;
        bit[4] c;
        bit[2] d;
        ry(0.7) q[0];
        ry(0.7) q[2];
        h q[1];
        h q[3];
        cx q[0], q[2];
        cx q[1], q[3];
        rx(1.1) r[1];
        cx q[0], r[0];
        cx q[3], r[1];
        cz q[1], r[0];
        cz q[2], r[1];
        ry(0.4) q[1];
        ry(0.4) q[2];
        ry(0.4) q[3];
        barrier q[1], q[2], r[0], r[1];
        c[0] = measure q[3];
        c[1] = measure q[2];
        c[2] = measure q[0];
        c[3] = measure q[3];
        d[0] = measure r[0];
        d[1] = measure r[1];
        if (c[3] == 1) x r[0];
        if (d == 3) x r[1];
        d[0] = measure r[0];
        d[1] = measure r[1];
        """;

    private static RunResult Run(string text, int qpus, long seed) =>
        TestSupport.Run(TestSupport.Compile(text, ".qasm", new CompilationOptions { QpuCount = qpus }), Shots, seed);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void SlicesAndAliasesGiveTheDistributionOfExplicitIndices(int qpus)
    {
        var sliced = Run(Sliced, qpus, seed: 11);
        var explicitly = Run(Explicit, qpus, seed: 12);
        Assert.Equal(explicitly.Registers, sliced.Registers);
        foreach (var key in sliced.Counts.Keys.Union(explicitly.Counts.Keys))
            Statistics.AssertSameProportion(sliced.Counts.GetValueOrDefault(key), explicitly.Counts.GetValueOrDefault(key), Shots, $"P({key})");
        // q[3] is measured into c[0] and again into c[3]: the two always agree.
        Assert.All(sliced.Counts.Keys, key => Assert.Equal(ColumnBit(sliced, key, "c", 0), ColumnBit(sliced, key, "c", 3)));
    }

    /// <summary>Bit i of a register in a count key (one space-separated column per register; the rightmost character is bit 0).</summary>
    private static char ColumnBit(RunResult result, string key, string register, int bit)
    {
        int column = result.Registers.Select(r => r.Name).ToList().IndexOf(register);
        string value = key.Split(' ')[column];
        return value[value.Length - 1 - bit];
    }
}
