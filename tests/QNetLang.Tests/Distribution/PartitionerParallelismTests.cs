using CsCheck;
using QNetLang.Compiler;
using QNetLang.Distribution;
using QNetLang.Distribution.Partitioning;

namespace QNetLang.Tests.Distribution;

/// <summary>
/// The partitioner runs its multilevel restarts and its local search's evaluations on several
/// threads; the placement must be the one a single thread finds, for any number of threads
/// (otherwise ebits, and every output, would depend on the machine).
/// </summary>
public class PartitionerParallelismTests
{
    [Fact]
    public void PlacementDoesNotDependOnTheNumberOfThreads()
    {
        var gen = Gen.Select(Gen.Int[0, 10_000], Gen.Int[2, 6], Gen.Int[6, 20], Gen.Int[10, 120]);
        gen.Sample((seed, qpus, qubits, gates) =>
        {
            string text = RandomCircuit(new Random(seed), qubits, gates);
            var one = Partitioner.Partition(Problem(text, qpus), seed, parallelism: 1);
            var three = Partitioner.Partition(Problem(text, qpus), seed, parallelism: 3);
            Assert.Equal(one, three);
        }, iter: 25, threads: 1);
    }

    /// <summary>CZ, CX, H and T gates at random: runs in both bases, broken by H.</summary>
    private static string RandomCircuit(Random random, int qubits, int gates)
    {
        var text = new System.Text.StringBuilder($"OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[{qubits}] q;\n");
        string[] kinds = ["cz", "cx", "h", "t"];
        for (int i = 0; i < gates; i++)
        {
            string kind = kinds[random.Next(kinds.Length)];
            int a = random.Next(qubits), b = (a + 1 + random.Next(qubits - 1)) % qubits;
            text.Append(kind is "h" or "t" ? $"{kind} q[{a}];\n" : $"{kind} q[{a}], q[{b}];\n");
        }
        return text.ToString();
    }

    private static PartitionProblem Problem(string text, int qpus)
    {
        var result = QnCompiler.CompileText("parallel.qasm", text, new CompilationOptions { QpuCount = qpus, StopAfter = CompilerStage.Lower });
        Assert.True(result.Success, TestCompiler.Diagnostics(result));
        var circuit = Assert.Single(result.Circuits);
        return new PartitionProblem(circuit, new NetworkDistances(circuit.Network));
    }
}
