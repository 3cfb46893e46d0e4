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
    /// <summary>A fixed random circuit of CZ, CX, H and T on 12 qubits (runs in both bases, broken by H), lowered for <paramref name="qpus"/> QPUs.</summary>
    private static (PartitionProblem Problem, NetworkDistances Distances, int Qubits) RandomProblem(int qpus, int gates)
    {
        var random = new Random(5);
        var text = new System.Text.StringBuilder("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[12] q;\n");
        string[] kinds = ["cz", "cx", "h", "t"];
        for (int i = 0; i < gates; i++)
        {
            string kind = kinds[random.Next(kinds.Length)];
            int a = random.Next(12), b = (a + 1 + random.Next(11)) % 12;
            text.Append(kind is "h" or "t" ? $"{kind} q[{a}];\n" : $"{kind} q[{a}], q[{b}];\n");
        }
        var result = QnCompiler.CompileText("cover.qasm", text.ToString(), new CompilationOptions { QpuCount = qpus, StopAfter = CompilerStage.Lower });
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        var circuit = Assert.Single(result.Circuits);
        var distances = new NetworkDistances(circuit.Network);
        return (new PartitionProblem(circuit, distances), distances, circuit.Qubits.Length);
    }

    /// <summary>
    /// Parts of the cover graph that are stars are cut in closed form instead of by a flow. The
    /// closed form must mark exactly the vertices the flow marks (the detached-gate pass and the
    /// rewriter read them, and ties are common with unit hop weights), so the whole result, cost,
    /// copy per gate and detached gates, is compared with the flow's, on 2 to 6 QPUs (detached
    /// gates need three or more).
    /// </summary>
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    public void StarPartsAreCutAsTheFlowCutsThem(int qpus)
    {
        var (problem, distances, qubits) = RandomProblem(qpus, 60);
        var withStars = new TelegateCover.Workspace { CachedCuts = false };
        var flowOnly = new TelegateCover.Workspace { StarCuts = false, CachedCuts = false };
        Gen.Int[0, distances.Count - 1].Array[qubits].Sample(placement =>
        {
            var star = TelegateCover.Solve(problem.Model, placement, distances, withStars);
            var flow = TelegateCover.Solve(problem.Model, placement, distances, flowOnly);
            Assert.Equal(flow.Cost, star.Cost);
            Assert.Equal(flow.Assignment, star.Assignment);
            Assert.Equal(flow.Detached, star.Detached);
        }, iter: 300, threads: 1);
    }

    /// <summary>
    /// Cuts of parts solved before are read back from <see cref="PartCutCache"/> when a part's
    /// flow problem is equal to one already solved. Walked as the local search walks: one qubit
    /// moved at a time, so most parts repeat; every step's whole result must equal that of a
    /// workspace that solves every part (stars off in both, so every part goes through the cache).
    /// </summary>
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(6)]
    public void CachedPartCutsGiveTheResultOfSolvingEveryPart(int qpus)
    {
        var (problem, distances, qubits) = RandomProblem(qpus, 80);
        var cached = new TelegateCover.Workspace { StarCuts = false };
        var solved = new TelegateCover.Workspace { StarCuts = false, CachedCuts = false };
        Gen.Select(Gen.Int[0, distances.Count - 1].Array[qubits], Gen.Int).Sample((placement, seed) =>
        {
            var random = new Random(seed);
            for (int step = 0; step < 20; step++)
            {
                placement[random.Next(qubits)] = random.Next(distances.Count);
                var fromCache = TelegateCover.Solve(problem.Model, placement, distances, cached);
                var fresh = TelegateCover.Solve(problem.Model, placement, distances, solved);
                Assert.Equal(fresh.Cost, fromCache.Cost);
                Assert.Equal(fresh.Assignment, fromCache.Assignment);
                Assert.Equal(fresh.Detached, fromCache.Detached);
            }
        }, iter: 100, threads: 1);
    }

    [Fact]
    public void ReusedBuffersGiveTheCostOfAFreshSolve()
    {
        var (problem, distances, qubits) = RandomProblem(4, 150);
        var workspace = new TelegateCover.Workspace();
        Gen.Int[0, distances.Count - 1].Array[qubits].Sample(placement =>
        {
            long reused = TelegateCover.Cost(problem.Model, placement, distances, workspace);
            long fresh = TelegateCover.Solve(problem.Model, placement, distances).Cost;
            Assert.Equal(fresh, reused);
            Assert.Equal(fresh, problem.TrueCost(placement));
        }, iter: 300, threads: 1);
    }
}
