using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using QNetLang.Compiler;
using QNetLang.Core;
using QNetLang.Ir;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// The per-node OpenQASM 3 files and manifest that `qnlc build --emit qasm3` writes are the
/// whole program: read back, they are the same distributed program the compiler produced, and
/// `qnlc run manifest.json` prints byte for byte what `qnlc run` prints for the source — on
/// every example, on random OpenQASM circuits over three QPUs, and on random programs over
/// random networks with repeaters — and the counts match the exact distribution.
/// </summary>
public class EmittedProgramTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "qnl-emitted-" + Guid.NewGuid().ToString("N"));

    public EmittedProgramTests() => Directory.CreateDirectory(_work);

    public void Dispose() => Directory.Delete(_work, recursive: true);

    public static TheoryData<string> Examples() => [.. Directory.GetFiles(TestSupport.Examples, "*.qn").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Examples))]
    public void EveryExampleReadsBackAsTheSameProgram(string example)
    {
        var result = QnCompiler.Compile(Path.Combine(TestSupport.Examples, example), new CompilationOptions { Seed = 4 });
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Items));
        var files = Emitters.Produce(result, ["qasm3"]);
        foreach (var program in result.Distributed.Select(d => d.Program!))
        {
            string dir = Path.Combine(_work, example);
            foreach (var (name, text) in files.Where(f => f.Key.StartsWith(program.Name + "/", StringComparison.Ordinal)))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, name))!);
                File.WriteAllText(Path.Combine(dir, name), text);
            }
            var diagnostics = new DiagnosticBag();
            var read = EmittedPrograms.Load(Path.Combine(dir, program.Name, "manifest.json"), diagnostics);
            Assert.True(read is not null, string.Join("\n", diagnostics.Items));
            Assert.Equal(IrPrinter.PrintNetwork(program.Network), IrPrinter.PrintNetwork(read!.Network));
            Assert.Equal(DistributedProgramPrinter.Print(program), DistributedProgramPrinter.Print(read));
            Assert.Equal(program.Qubits.Select(q => (q.Name, q.Node, q.Role)), read.Qubits.Select(q => (q.Name, q.Node, q.Role)));
            Assert.Equal(program.Bits.Select(b => (b.Index, b.Register, b.Element, b.Role)), read.Bits.Select(b => (b.Index, b.Register, b.Element, b.Role)));
            Assert.Equal(program.FinalBitOwner.ToArray(), read.FinalBitOwner.ToArray());

            var options = new RunOptions { Shots = 200, Seed = 9 };
            Assert.Equal(RunReport.ToJson([Simulator.RunOrThrow(program, options)]), RunReport.ToJson([Simulator.RunOrThrow(read, options)]));
        }
    }

    [Fact]
    public void RandomCircuitsOnThreeQpusRunTheSameFromTheFiles()
    {
        string[] names = ["h", "x", "s", "t", "sdg", "rx", "ry", "rz", "u", "cx", "cz", "cp", "crx", "swap", "ch", "ccx"];
        const int qubits = 4, shots = 2000;
        Gen.Select(EngineTests.StepGen(names, qubits).Array[1, 12], Gen.Int[0, 1000]).Sample((steps, seed) =>
        {
            var sb = new StringBuilder("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n");
            sb.Append(CultureInfo.InvariantCulture, $"qubit[{qubits}] q;\nbit[{qubits}] c;\n");
            foreach (var step in steps)
            {
                string parameters = step.ParameterList;
                sb.Append(CultureInfo.InvariantCulture, $"{step.Gate.Name}{parameters} {string.Join(", ", step.Qubits.Select(q => $"q[{q}]"))};\n");
            }
            sb.Append("c = measure q;\n");
            string file = Path.Combine(_work, $"random{seed}.qasm");
            File.WriteAllText(file, sb.ToString());
            string s = seed.ToString(CultureInfo.InvariantCulture);
            var direct = CliRunner.Invoke("run", file, "--qpus", "3", "--shots", shots.ToString(CultureInfo.InvariantCulture), "--seed", s, "--json");
            var fromFiles = BuildThenRun(file, ["--qpus", "3"], shots, s);
            Assert.True(direct.ExitCode == 0, direct.Stderr);
            Assert.Equal(direct.Stdout, fromFiles);

            AssertExactDistribution(steps, qubits, shots, direct.Stdout);
        }, iter: 12, threads: 1);
    }

    [Fact]
    public void RandomProgramsOnNetworksWithRepeatersRunTheSameFromTheFiles()
    {
        string[] names = ["h", "x", "t", "ry", "rz", "cx", "cz", "cp", "swap"];
        const int qubits = 4, shots = 1500;
        Gen.Select(EngineTests.StepGen(names, qubits).Array[1, 10], Gen.Int[1, 3], Gen.Int[0, 1000]).Sample((steps, repeaters, seed) =>
        {
            // A ring of three QPUs where every QPU–QPU connection goes through its own chain of
            // repeaters; the program's qubits are unpinned, so the partitioner places them.
            var sb = new StringBuilder("network ring {\n");
            for (int p = 0; p < 3; p++) sb.Append(CultureInfo.InvariantCulture, $"  qpu p{p} {{ qubits = 2; comm = 2; }}\n");
            for (int p = 0; p < 3; p++)
            {
                string previous = $"p{p}";
                for (int r = 0; r < repeaters; r++)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"  repeater r{p}_{r} {{ memories = 4; }}\n");
                    sb.Append(CultureInfo.InvariantCulture, $"  link {previous} -- r{p}_{r} {{ length = {1 + r} km; loss = 0 dB/km; }}\n");
                    previous = $"r{p}_{r}";
                }
                sb.Append(CultureInfo.InvariantCulture, $"  link {previous} -- p{(p + 1) % 3} {{ length = 2 km; loss = 0 dB/km; }}\n");
            }
            sb.Append("}\nprogram rnd on ring {\n").Append(CultureInfo.InvariantCulture, $"  qubit[{qubits}] q;\n  bit[{qubits}] c;\n");
            foreach (var step in steps)
            {
                string parameters = step.ParameterList;
                sb.Append(CultureInfo.InvariantCulture, $"  {step.Gate.Name}{parameters} {string.Join(", ", step.Qubits.Select(q => $"q[{q}]"))};\n");
            }
            sb.Append("  c = measure q;\n}\n");
            string file = Path.Combine(_work, $"ring{seed}.qn");
            File.WriteAllText(file, sb.ToString());
            string s = seed.ToString(CultureInfo.InvariantCulture);
            var direct = CliRunner.Invoke("run", file, "--shots", shots.ToString(CultureInfo.InvariantCulture), "--seed", s, "--json");
            Assert.True(direct.ExitCode == 0, direct.Stderr);
            Assert.Equal(direct.Stdout, BuildThenRun(file, [], shots, s));

            AssertExactDistribution(steps, qubits, shots, direct.Stdout);
        }, iter: 8, threads: 1);
    }

    [Fact]
    public void AMalformedNodeFileIsADiagnosticAtItsLine()
    {
        string source = Path.Combine(TestSupport.Examples, "teleportation.qn");
        string outDir = Path.Combine(_work, "broken");
        var build = CliRunner.Invoke("build", source, "--emit", "qasm3", "-o", outDir);
        Assert.True(build.ExitCode == 0, build.Stderr);
        string manifest = Directory.GetFiles(outDir, "manifest.json", SearchOption.AllDirectories).Single();
        string nodeFile = Directory.GetFiles(Path.GetDirectoryName(manifest)!, "*.qasm").Order(StringComparer.Ordinal).First();
        var lines = File.ReadAllLines(nodeFile).ToList();
        int last = lines.FindLastIndex(l => l.EndsWith(';'));
        lines[last] = "frobnicate q[0];";
        File.WriteAllLines(nodeFile, lines);
        var run = CliRunner.Invoke("run", manifest);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{nodeFile}({last + 1},1): error QN4302: unknown gate `frobnicate`", run.Stderr);

        File.WriteAllText(manifest, "{ \"format\": \"something else\" }");
        run = CliRunner.Invoke("run", manifest);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error QN4301", run.Stderr);
    }

    /// <summary>The counts of a `--json` run lie within 5σ of the exact distribution of the undistributed circuit.</summary>
    private static void AssertExactDistribution(EngineTests.Step[] steps, int qubits, int shots, string json)
    {
        var exact = DenseReference.Run(qubits, steps).Select(a => a.Magnitude * a.Magnitude).ToArray();
        var counts = JsonDocument.Parse(json).RootElement.GetProperty("counts");
        for (int outcome = 0; outcome < 1 << qubits; outcome++)
        {
            string key = Convert.ToString(outcome, 2).PadLeft(qubits, '0');
            long hits = counts.TryGetProperty(key, out var n) ? n.GetInt64() : 0;
            Statistics.AssertProportion(hits, shots, exact[outcome], $"outcome {key}");
        }
    }

    /// <summary>`qnlc build --emit qasm3` then `qnlc run manifest.json`, with the same seed; returns what run printed.</summary>
    private string BuildThenRun(string file, string[] networkOptions, int shots, string seed)
    {
        string outDir = Path.Combine(_work, Path.GetFileNameWithoutExtension(file) + "-out");
        var build = CliRunner.Invoke(["build", file, .. networkOptions, "--emit", "qasm3", "--seed", seed, "-o", outDir]);
        Assert.True(build.ExitCode == 0, build.Stderr);
        string manifest = Directory.GetFiles(outDir, "manifest.json", SearchOption.AllDirectories).Single();
        var run = CliRunner.Invoke("run", manifest, "--shots", shots.ToString(CultureInfo.InvariantCulture), "--seed", seed, "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        return run.Stdout;
    }
}
