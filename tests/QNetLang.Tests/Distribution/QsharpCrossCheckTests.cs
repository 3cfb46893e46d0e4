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

    /// <summary>
    /// Every gate of both qelib1.inc versions, in an OpenQASM 2 file distributed over two QPUs,
    /// against a reference that Q# runs with its own gates: the multi-controlled gates as
    /// `ctrl(n) @`, cu3 as Q#'s cu3, and the relative-phase Toffolis as a Toffoli followed by
    /// the diagonal their documented matrices give. Each section ends in one certain result;
    /// those testing a phase kick it back onto a control in |+>, so a wrong phase flips the bit.
    /// </summary>
    [Fact]
    public void EveryQelib1GateMatchesQsharp()
    {
        (string Ours, string Reference)[] sections =
        [
            // c[0]: c4x kicks -1 back onto q[0].
            ("h q[0]; x q[1]; x q[2]; x q[3]; x q[4]; h q[4]; c4x q[0], q[1], q[2], q[3], q[4]; h q[0];", "h q[0]; x q[1]; x q[2]; x q[3]; x q[4]; h q[4]; ctrl(4) @ x q[0], q[1], q[2], q[3], q[4]; h q[0];"),
            // c[1]: c3x kicks -1 back.
            ("h q[0]; x q[1]; x q[2]; x q[3]; h q[3]; c3x q[0], q[1], q[2], q[3]; h q[0];", "h q[0]; x q[1]; x q[2]; x q[3]; h q[3]; ctrl(3) @ x q[0], q[1], q[2], q[3]; h q[0];"),
            // c[2]: c3sqrtx kicks i back (sqrt(X)|-> = i|->).
            ("h q[0]; x q[1]; x q[2]; x q[3]; h q[3]; c3sqrtx q[0], q[1], q[2], q[3]; s q[0]; h q[0];", "h q[0]; x q[1]; x q[2]; x q[3]; h q[3]; ctrl(3) @ sx q[0], q[1], q[2], q[3]; s q[0]; h q[0];"),
            // c[3]: csx kicks i back.
            ("h q[0]; x q[1]; h q[1]; csx q[0], q[1]; s q[0]; h q[0];", "h q[0]; x q[1]; h q[1]; ctrl @ sx q[0], q[1]; s q[0]; h q[0];"),
            // c[4]: cu3(pi, pi/2, -pi/2) is controlled iX, which kicks i back from |+> (with phi and lambda swapped, -i).
            // The reference is Q#'s own cu3: its `ctrl @ U(...)` loses this phase (it gives 50/50 here).
            ("h q[0]; h q[1]; cu3(pi, pi / 2, -pi / 2) q[0], q[1]; s q[0]; h q[0];", "h q[0]; h q[1]; cu3(pi, pi / 2, -pi / 2) q[0], q[1]; s q[0]; h q[0];"),
            // c[5]: rccx gives |1,0,1> the phase -1.
            ("h q[0]; x q[2]; rccx q[0], q[1], q[2]; h q[0];", "h q[0]; x q[2]; ccx q[0], q[1], q[2]; cz q[0], q[2]; ctrl @ sdg q[0], q[1]; h q[0];"),
            // c[6]: rccx flips its target.
            ("x q[0]; x q[1]; rccx q[0], q[1], q[3];", "x q[0]; x q[1]; ccx q[0], q[1], q[3]; cz q[0], q[3]; ctrl @ sdg q[0], q[1];"),
            // c[7]: rc3x gives |1,1,0,0> the phase i.
            ("h q[0]; x q[1]; rc3x q[0], q[1], q[2], q[3]; s q[0]; h q[0];", "h q[0]; x q[1]; ctrl(3) @ x q[0], q[1], q[2], q[3]; ctrl(2) @ z q[0], q[1], q[3]; x q[2]; ctrl(2) @ s q[0], q[1], q[2]; x q[2]; s q[0]; h q[0];"),
            // c[8]: rc3x flips its target.
            ("x q[0]; x q[1]; x q[2]; rc3x q[0], q[1], q[2], q[4];", "x q[0]; x q[1]; x q[2]; ctrl(3) @ x q[0], q[1], q[2], q[4]; ctrl(2) @ z q[0], q[1], q[4]; x q[2]; ctrl(2) @ s q[0], q[1], q[2]; x q[2];"),
        ];
        // c[9..11]: every other qelib1 gate, on basis states, ending in q[0] = 1, q[1] = 0, q[2] = 0.
        // (Q# spells the general single-qubit gate U and has no u0, an idle.)
        string chain = """
            x q[0]; u0(1) q[0]; id q[1]; y q[1]; x q[1];
            z q[0]; s q[0]; sdg q[0]; t q[0]; tdg q[0]; p(0.3) q[0]; u1(0.2) q[0]; rz(0.4) q[0];
            h q[2]; h q[2]; sx q[2]; sx q[2]; sxdg q[2]; sxdg q[2]; rx(pi) q[2]; ry(pi) q[2];
            u3(pi, 0, pi) q[2]; u2(0, pi) q[2]; u2(0, pi) q[2]; u(pi, 0, pi) q[2];
            cx q[0], q[2]; cz q[0], q[1]; cy q[0], q[2]; x q[1]; swap q[1], q[2]; ch q[1], q[2];
            ccx q[0], q[2], q[1]; x q[2]; cswap q[0], q[1], q[2]; crx(pi) q[0], q[1]; cry(pi) q[0], q[2];
            crz(0.7) q[0], q[1]; cu1(0.5) q[0], q[1]; cp(0.3) q[0], q[1]; cu(pi, 0, pi, 0.4) q[0], q[2];
            rxx(pi) q[1], q[2]; rzz(0.8) q[1], q[2];
            """;
        string Program(string header, IEnumerable<string> parts)
        {
            var text = new System.Text.StringBuilder(header);
            int bit = 0;
            foreach (var part in parts)
            {
                text.Append(part).Append('\n').Append($"measure q[{(bit is 6 ? 3 : bit is 8 ? 4 : 0)}] -> c[{bit}];\n");
                text.Append("reset q[0]; reset q[1]; reset q[2]; reset q[3]; reset q[4];\n");
                bit++;
            }
            text.Append(chain).Append("measure q[0] -> c[9];\nmeasure q[1] -> c[10];\nmeasure q[2] -> c[11];\n");
            return text.ToString();
        }
        string ours = Path.Combine(_work, "qelib1.qasm");
        File.WriteAllText(ours, Program("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[5];\ncreg c[12];\n", sections.Select(s => s.Ours)));
        string reference = Path.Combine(_work, "reference.qasm");
        File.WriteAllText(reference, Program("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[5] q;\nbit[12] c;\n", sections.Select(s => s.Reference))
            .Replace("u0(1) q[0];", "id q[0];").Replace(" u(pi, 0, pi) q[2];", " U(pi, 0, pi) q[2];"));

        var expected = new Dictionary<string, int> { ["111111111100"] = Shots };
        Assert.Equal(expected, RunQsharp(reference)[reference]);
        var (original, distributed) = RunBoth(QnCompiler.Compile(ours, new CompilationOptions { QpuCount = 2, Seed = 3 }));
        Assert.Equal(expected, original);
        Assert.Equal(expected, distributed);
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
