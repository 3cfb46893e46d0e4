using System.Diagnostics;
using System.Text.Json;
using QNetLang.Backends.Qasm3;
using QNetLang.Compiler;

namespace QNetLang.Tests.Distribution;

/// <summary>
/// Runs the source program and its flattened distributed circuit through an independent
/// simulator (the Q# compiler's, from npm qsharp-lang, which compiles OpenQASM 3) and compares
/// the program's own bits. Deterministic programs must give their one answer on every shot.
/// </summary>
public class QsharpCrossCheckTests : IDisposable
{
    private const int Shots = 200;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "qnlc-qsharp-" + Guid.NewGuid().ToString("N"));

    public QsharpCrossCheckTests() => Directory.CreateDirectory(_work);

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void DistributedQftGivesItsAnswerOnEveryShot()
    {
        var (original, distributed) = RunBoth(QnCompiler.Compile(Path.Combine(RepoPaths.Examples, "distributed_qft.qn"), new CompilationOptions()));
        // The example prepares the Fourier state of 2741 and undoes it: c = 2741 = 0b101010110101 (c[0] first below).
        string expected = "101011010101";
        Assert.Equal(new Dictionary<string, int> { [expected] = Shots }, original);
        Assert.Equal(new Dictionary<string, int> { [expected] = Shots }, distributed);
    }

    [Fact]
    public void GhzOverFourQpusKeepsItsCorrelations()
    {
        string qasm = Path.Combine(_work, "ghz.qasm");
        File.WriteAllText(qasm, """
            OPENQASM 3.0;
            include "stdgates.inc";
            qubit[8] q;
            bit[8] c;
            h q[0];
            for int i in [0:6] { cx q[i], q[i + 1]; }
            rz(pi / 3) q[4];
            rz(-pi / 3) q[4];
            c = measure q;
            """);
        var (original, distributed) = RunBoth(QnCompiler.Compile(qasm, new CompilationOptions { QpuCount = 4 }));
        foreach (var counts in new[] { original, distributed })
        {
            Assert.Equal(["00000000", "11111111"], counts.Keys.Order());
            Assert.InRange(counts["00000000"], Shots / 2 - 4 * 7, Shots / 2 + 4 * 7); // ±4σ of a fair coin over 200 shots
        }
    }

    [Fact]
    public void BernsteinVaziraniWithTeleportsAndRepeatersFindsTheSecret()
    {
        string network = Path.Combine(_work, "net.qn");
        File.WriteAllText(network, """
            network line {
                qpu a { qubits = 3; comm = 1; }
                repeater r { swap_success = 0.8; }
                qpu b { qubits = 3; comm = 1; }
                qpu c { qubits = 2; comm = 1; }
                link a -- r { length = 20 km; }
                link r -- b { length = 20 km; }
                link b -- c { length = 5 km; }
            }
            """);
        string qasm = Path.Combine(_work, "bv.qasm");
        File.WriteAllText(qasm, """
            OPENQASM 2.0;
            include "qelib1.inc";
            qreg q[7];
            qreg anc[1];
            creg c[7];
            x anc[0];
            h anc[0];
            h q;
            cx q[0], anc[0];
            cx q[2], anc[0];
            cx q[3], anc[0];
            cx q[6], anc[0];
            h q;
            measure q -> c;
            """);
        var (original, distributed) = RunBoth(QnCompiler.Compile(qasm, new CompilationOptions { NetworkFile = network }));
        Assert.Equal(new Dictionary<string, int> { ["1011001"] = Shots }, original);
        Assert.Equal(new Dictionary<string, int> { ["1011001"] = Shots }, distributed);
    }

    /// <summary>Counts of the program's bits (first bit first) for the source and the distributed circuit.</summary>
    private (Dictionary<string, int> Original, Dictionary<string, int> Distributed) RunBoth(CompilationResult result)
    {
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Items));
        var program = Assert.Single(result.Distributed);
        int bits = program.Original.Bits.Length;
        string original = Path.Combine(_work, "original.qasm");
        string distributed = Path.Combine(_work, "distributed.qasm");
        File.WriteAllText(original, FlatQasmEmitter.Emit(program.Original, "Source program"));
        File.WriteAllText(distributed, FlatQasmEmitter.Emit(program.Circuit, "Flattened distributed circuit"));
        var counts = RunQsharp(original, distributed);
        return (Prefix(counts[original], bits), Prefix(counts[distributed], bits));
    }

    private static Dictionary<string, int> Prefix(Dictionary<string, int> counts, int bits) =>
        counts.GroupBy(c => c.Key[..bits]).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));

    private static Dictionary<string, Dictionary<string, int>> RunQsharp(params string[] files)
    {
        string script = Path.Combine(RepoPaths.Root, "tests", "crosscheck", "run-qasm.mjs");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(Shots.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var file in files) start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "qsharp-lang did not finish");
        Assert.True(process.ExitCode == 0, $"qsharp-lang failed: {stderr.Result}");
        return JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, int>>>(stdout.Result)!;
    }
}
