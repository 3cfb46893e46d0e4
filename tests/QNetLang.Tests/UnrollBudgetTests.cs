using QNetLang.Compiler;

namespace QNetLang.Tests;

/// <summary>
/// The unroll budget (QN2019, <c>--max-ops</c>) limits what loops and gate definitions expand
/// to, never the statements a file spells out: a flat OpenQASM file far longer than the budget
/// is accepted, while a loop that expands to the same count is refused. Shown with a small
/// budget, so the test stays fast; the default budget is the same rule at a larger number.
/// </summary>
public class UnrollBudgetTests
{
    private const int Budget = 50;

    private static CompilationResult Lower(string body) =>
        QnCompiler.CompileText("budget.qasm", "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\n" + body,
            new CompilationOptions { QpuCount = 2, MaxOperations = Budget, StopAfter = CompilerStage.Lower });

    [Fact]
    public void AFlatFileLongerThanTheBudgetIsAccepted()
    {
        string flat = string.Concat(Enumerable.Repeat("h q[0];\ncx q[0], q[1];\n", 4 * Budget));
        var result = Lower(flat);
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        Assert.Equal(8 * Budget, Assert.Single(result.Circuits).Operations.Length);
    }

    [Fact]
    public void ALoopExpandingPastTheBudgetIsRefused()
    {
        var result = Lower($"for int i in [0:{4 * Budget - 1}] {{\n  h q[0];\n  cx q[0], q[1];\n}}\n");
        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics.Items, d => d.Code == "QN2019");
    }
}
