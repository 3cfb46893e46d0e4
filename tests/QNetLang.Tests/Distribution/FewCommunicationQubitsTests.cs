using System.Globalization;
using System.Text;
using CsCheck;
using QNetLang.Compiler;
using QNetLang.Core;
using QNetLang.Distribution;
using QNetLang.Distribution.Passes;
using QNetLang.Distribution.Telegates;

namespace QNetLang.Tests.Distribution;

/// <summary>
/// Where nodes have few communication qubits, copies closed early and reopened cost ebits the
/// cover does not see. The telegate cover then picks, among its covers of least cost, copies
/// that are open for a short time, and the distribute pass solves it again with reopened copies
/// made dearer, keeping the cover whose rewrite spends the fewest ebits.
/// </summary>
public class FewCommunicationQubitsTests
{
    /// <summary>
    /// In the QFT every later qubit's run (all its controlled phases before its own H) could
    /// carry the copies, and those live long and crowd each QPU; copying each qubit right after
    /// its H lives for one step.
    /// </summary>
    [Fact]
    public void TheQftOnQpusWithFewCommunicationQubitsClosesNoCopyEarly()
    {
        string qasm = QftWithoutSwaps(32);
        var unlimited = Compile(qasm, comm: 32);
        var few = Compile(qasm, comm: 7);

        Assert.Equal(0, unlimited.Evictions);
        // Before the distribute pass chose among covers: 163 ebits with 135 early closes, against 28 with comm = 32.
        Assert.Equal(0, few.Evictions);
        Assert.True(few.CatEntanglements < 2 * unlimited.CatEntanglements, $"{few.CatEntanglements} ebits with comm 7, {unlimited.CatEntanglements} with comm 32");
    }

    /// <summary>The rounds keep the best cover: never more ebits than the plain cover's rewrite, and on some samples fewer.</summary>
    [Fact]
    public void ReopenedCopiesMadeDearerNeverCostMoreEbits()
    {
        int fewer = 0;
        Gen.Select(Gen.Int[6, 12], Gen.Int[3, 4], Gen.Int[8, 24], Gen.Int).Sample((qubits, qpus, layers, seed) =>
        {
            var random = new Random(seed);
            string directory = Path.Combine(Path.GetTempPath(), "qnlc-few-comm-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                string circuitPath = Path.Combine(directory, "c.qasm"), networkPath = Path.Combine(directory, "net.qn");
                File.WriteAllText(circuitPath, RandomPrograms.PackingLayers(random, qubits, layers));
                File.WriteAllText(networkPath, RandomPrograms.Network(random, qpus, qubits));
                var placed = QnCompiler.Compile(circuitPath, new CompilationOptions { NetworkFile = networkPath, Seed = seed, StopAfter = CompilerStage.Partition });
                Assert.True(placed.Success, TestCompiler.Diagnostics(placed));
                var circuit = Assert.Single(placed.Distributed).Circuit;

                var distances = new NetworkDistances(circuit.Network);
                var decomposed = RemoteGateDecomposer.Run(circuit);
                var model = InteractionModel.Build(decomposed, distances, variable: _ => false, decompose: _ => false);
                var first = new PassContext(new DiagnosticBag(), seed);
                new TelegateRewriter(decomposed, model, TelegateCover.Solve(model, [], distances), distances, first).Rewrite();
                var chosen = new PassContext(new DiagnosticBag(), seed) { ValidateAfterEachPass = true };
                new DistributePass().Run(circuit, chosen);

                Assert.True(chosen.Statistics.CatEntanglements <= first.Statistics.CatEntanglements,
                    $"{chosen.Statistics.CatEntanglements} ebits after the rounds, {first.Statistics.CatEntanglements} with the plain cover");
                if (chosen.Statistics.CatEntanglements < first.Statistics.CatEntanglements) Interlocked.Increment(ref fewer);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }, iter: 60);
        Assert.True(fewer > 0, "no sample spent fewer ebits after the rounds, so this test checked nothing about them");
    }

    private static QNetLang.Ir.DistributionStatistics Compile(string qasm, int comm)
    {
        string directory = Path.Combine(Path.GetTempPath(), "qnlc-short-copies-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var network = new StringBuilder("network a2a {\n");
            for (int i = 0; i < 4; i++) network.Append(CultureInfo.InvariantCulture, $"    qpu p{i} {{ qubits = 9; comm = {comm}; }}\n");
            for (int i = 0; i < 4; i++)
                for (int j = i + 1; j < 4; j++) network.Append(CultureInfo.InvariantCulture, $"    link p{i} -- p{j} {{ length = 1 km; }}\n");
            network.Append("}\n");
            string networkPath = Path.Combine(directory, "a2a.qn"), circuitPath = Path.Combine(directory, "qft.qasm");
            File.WriteAllText(networkPath, network.ToString());
            File.WriteAllText(circuitPath, qasm);
            var result = QnCompiler.Compile(circuitPath, new CompilationOptions { NetworkFile = networkPath, Seed = 1, StopAfter = CompilerStage.Schedule });
            Assert.True(result.Success, TestCompiler.Diagnostics(result));
            return Assert.Single(result.Distributed).Context.Statistics;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string QftWithoutSwaps(int qubits)
    {
        var sb = new StringBuilder("OPENQASM 3;\ninclude \"stdgates.inc\";\n").Append(CultureInfo.InvariantCulture, $"qubit[{qubits}] q;\n");
        for (int j = 0; j < qubits; j++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"h q[{j}];\n");
            for (int k = j + 1; k < qubits; k++) sb.Append(CultureInfo.InvariantCulture, $"cp(pi / {1L << (k - j)}) q[{k}], q[{j}];\n");
        }
        return sb.ToString();
    }
}
