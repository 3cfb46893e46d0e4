using CsCheck;
using QNetLang.Compiler;
using QNetLang.Distribution;
using QNetLang.Distribution.Partitioning;
using QNetLang.Distribution.Telegates;

namespace QNetLang.Tests.Distribution;

/// <summary>
/// The partitioner evaluates thousands of placements with one <see cref="TelegateCover.Workspace"/>
/// whose buffers outlive each solve: every evaluation must give the cost a fresh solve gives,
/// whatever was solved before in the same buffers (a stale vertex table or flow network would
/// show up as a different cost on some placement).
/// </summary>
public class TelegateCoverWorkspaceTests
{
    [Fact]
    public void ReusedBuffersGiveTheCostOfAFreshSolve()
    {
        // A fixed random circuit of CZ, CX, H and T on 12 qubits: runs in both bases, broken by H.
        var random = new Random(5);
        var text = new System.Text.StringBuilder("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[12] q;\n");
        string[] kinds = ["cz", "cx", "h", "t"];
        for (int i = 0; i < 150; i++)
        {
            string kind = kinds[random.Next(kinds.Length)];
            int a = random.Next(12), b = (a + 1 + random.Next(11)) % 12;
            text.Append(kind is "h" or "t" ? $"{kind} q[{a}];\n" : $"{kind} q[{a}], q[{b}];\n");
        }
        var result = QnCompiler.CompileText("cover.qasm", text.ToString(), new CompilationOptions { QpuCount = 4, StopAfter = CompilerStage.Lower });
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        var circuit = Assert.Single(result.Circuits);
        var distances = new NetworkDistances(circuit.Network);
        var problem = new PartitionProblem(circuit, distances);
        var workspace = new TelegateCover.Workspace();
        Gen.Int[0, distances.Count - 1].Array[circuit.Qubits.Length].Sample(placement =>
        {
            long reused = TelegateCover.Cost(problem.Model, placement, distances, workspace);
            long fresh = TelegateCover.Solve(problem.Model, placement, distances).Cost;
            Assert.Equal(fresh, reused);
            Assert.Equal(fresh, problem.TrueCost(placement));
        }, iter: 300, threads: 1);
    }
}
