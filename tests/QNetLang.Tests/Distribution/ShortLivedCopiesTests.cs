using System.Globalization;
using System.Text;
using QNetLang.Compiler;

namespace QNetLang.Tests.Distribution;

/// <summary>
/// Where nodes have few communication qubits, the telegate cover picks, among its covers of
/// least cost, copies that are open for a short time. In the QFT every later qubit's run (all
/// its controlled phases before its own H) could carry the copies, and those live long and
/// crowd each QPU; copying each qubit right after its H lives for one step.
/// </summary>
public class ShortLivedCopiesTests
{
    [Fact]
    public void TheQftOnQpusWithFewCommunicationQubitsClosesNoCopyEarly()
    {
        string qasm = QftWithoutSwaps(32);
        var unlimited = Compile(qasm, comm: 32);
        var few = Compile(qasm, comm: 7);

        Assert.Equal(0, unlimited.Evictions);
        // Before the tie-break: 163 ebits with 135 early closes, against 28 with comm = 32.
        Assert.Equal(0, few.Evictions);
        Assert.True(few.CatEntanglements < 2 * unlimited.CatEntanglements, $"{few.CatEntanglements} ebits with comm 7, {unlimited.CatEntanglements} with comm 32");
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
