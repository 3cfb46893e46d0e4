using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using QNetLang.Compiler;
using QNetLang.Ir;
using QNetLang.Simulation.Engines;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// Our state vector against an independent simulator, the npm package quantum-circuit
/// (tests/crosscheck: installed by `npm ci`, which the test project runs when it is missing):
/// fixed OpenQASM 2 circuits and random ones, every basis-state probability to 1e-9. The circuits
/// go through our OpenQASM importer and gate catalog, so this checks the gate conventions too.
/// </summary>
public class CrossCheckTests
{
    private static readonly string CrossCheck = Path.Combine(TestSupport.Root, "tests", "crosscheck");

    /// <summary>
    /// Gates both tools know, with their OpenQASM 2 names. Not rxx: quantum-circuit 0.9.250 applies
    /// exp(−iθ X⊗X) for rxx(θ), twice the angle of qelib1.inc's (and Qiskit's) exp(−iθ/2 X⊗X),
    /// which our catalog follows; its rzz agrees with ours.
    /// </summary>
    private static readonly (string Ours, string Qasm)[] Gates =
    [
        ("h", "h"), ("x", "x"), ("y", "y"), ("z", "z"), ("s", "s"), ("sdg", "sdg"), ("t", "t"), ("tdg", "tdg"),
        ("sx", "sx"), ("sxdg", "sxdg"), ("rx", "rx"), ("ry", "ry"), ("rz", "rz"), ("p", "u1"), ("u2", "u2"), ("u", "u3"),
        ("cx", "cx"), ("cy", "cy"), ("cz", "cz"), ("ch", "ch"), ("crx", "crx"), ("cry", "cry"), ("crz", "crz"), ("cp", "cu1"),
        ("swap", "swap"), ("rzz", "rzz"), ("ccx", "ccx"), ("cswap", "cswap"),
    ];

    [Fact]
    public void StateVectorAgreesWithQuantumCircuit()
    {
        string dir = Path.Combine(Path.GetTempPath(), "qnl-crosscheck-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var files = Directory.GetFiles(Path.Combine(CrossCheck, "circuits"), "*.qasm").Order(StringComparer.Ordinal).ToList();
            var names = Gates.Select(g => g.Ours).ToArray();
            int index = 0;
            EngineTests.StepGen(names, 4).Array[1, 20].Sample(steps =>
            {
                string path = Path.Combine(dir, $"random{index++:D3}.qasm");
                File.WriteAllText(path, ToQasm(steps, 4));
                files.Add(path);
            }, iter: 40, threads: 1);

            var reference = RunQuantumCircuit(files);
            foreach (string file in files)
            {
                var expected = reference[file];
                var actual = OurProbabilities(file);
                Assert.Equal(expected.Length, actual.Length);
                for (int i = 0; i < expected.Length; i++)
                    Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-9, $"{Path.GetFileName(file)}: P({i}) = {actual[i]:R} here, {expected[i]:R} in quantum-circuit\n{File.ReadAllText(file)}");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void DistributedRunsAndTheirEmittedFilesMatchQuantumCircuit()
    {
        // Random circuits distributed over three QPUs: `qnlc run FILE --qpus 3` and `qnlc run`
        // on the per-node files `build` wrote print the same bytes, and their counts match the
        // probabilities the independent simulator computes for the undistributed circuit.
        string dir = Path.Combine(Path.GetTempPath(), "qnl-crosscheck-dist-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            const int qubits = 4, shots = 2000;
            var names = Gates.Select(g => g.Ours).ToArray();
            var circuits = new List<string>();
            int index = 0;
            EngineTests.StepGen(names, qubits).Array[2, 14].Sample(steps =>
            {
                string path = Path.Combine(dir, $"dist{index++:D3}.qasm");
                File.WriteAllText(path, ToQasm(steps, qubits));
                circuits.Add(path);
            }, iter: 8, threads: 1);
            var reference = RunQuantumCircuit(circuits);
            foreach (string pure in circuits)
            {
                string measured = pure.Replace(".qasm", ".measured.qasm", StringComparison.Ordinal);
                File.WriteAllText(measured, File.ReadAllText(pure) + $"creg c[{qubits}];\nmeasure q -> c;\n");
                var direct = CliRunner.Invoke("run", measured, "--qpus", "3", "--shots", shots.ToString(CultureInfo.InvariantCulture), "--seed", "8", "--json");
                Assert.True(direct.ExitCode == 0, direct.Stderr);
                string outDir = Path.Combine(dir, Path.GetFileNameWithoutExtension(pure) + "-out");
                var build = CliRunner.Invoke("build", measured, "--qpus", "3", "--emit", "qasm3", "--seed", "8", "-o", outDir);
                Assert.True(build.ExitCode == 0, build.Stderr);
                string manifest = Directory.GetFiles(outDir, "manifest.json", SearchOption.AllDirectories).Single();
                var fromFiles = CliRunner.Invoke("run", manifest, "--shots", shots.ToString(CultureInfo.InvariantCulture), "--seed", "8", "--json");
                Assert.Equal(direct.Stdout, fromFiles.Stdout);

                var counts = JsonDocument.Parse(direct.Stdout).RootElement.GetProperty("counts");
                var expected = reference[pure];
                for (int outcome = 0; outcome < expected.Length; outcome++)
                {
                    string key = Convert.ToString(outcome, 2).PadLeft(qubits, '0');
                    long hits = counts.TryGetProperty(key, out var n) ? n.GetInt64() : 0;
                    Statistics.AssertProportion(hits, shots, expected[outcome], $"{Path.GetFileName(pure)} outcome {key}");
                }
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string ToQasm(EngineTests.Step[] steps, int qubits)
    {
        var sb = new StringBuilder("OPENQASM 2.0;\ninclude \"qelib1.inc\";\n");
        sb.Append(CultureInfo.InvariantCulture, $"qreg q[{qubits}];\n");
        // quantum-circuit sizes the register by the wires gates touch: touch them all.
        for (int q = 0; q < qubits; q++) sb.Append(CultureInfo.InvariantCulture, $"id q[{q}];\n");
        foreach (var step in steps)
        {
            string name = Gates.First(g => g.Ours == step.Gate.Name).Qasm;
            string parameters = step.ParameterList;
            sb.Append(CultureInfo.InvariantCulture, $"{name}{parameters} {string.Join(", ", step.Qubits.Select(q => $"q[{q}]"))};\n");
        }
        return sb.ToString();
    }

    private static Dictionary<string, double[]> RunQuantumCircuit(IReadOnlyList<string> files)
    {
        string module = Path.Combine(CrossCheck, "node_modules", "quantum-circuit");
        Assert.True(Directory.Exists(module), $"{module} is missing: run `npm ci` in tests/crosscheck (the test project's build does it when npm is available)");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = CrossCheck };
        start.ArgumentList.Add("simulate.js");
        foreach (var f in files) start.ArgumentList.Add(f);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "quantum-circuit did not finish in 2 minutes");
        Assert.True(process.ExitCode == 0, stderr.Result);
        return JsonSerializer.Deserialize<Dictionary<string, double[]>>(stdout.Result)!;
    }

    /// <summary>Imports the file with our OpenQASM front end and applies its gates to our state vector (qubit k = index bit k).</summary>
    private static double[] OurProbabilities(string file)
    {
        var result = QnCompiler.Compile(file, new CompilationOptions { QpuCount = 1 });
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Items));
        var circuit = Assert.Single(result.Circuits);
        var engine = new StateVectorEngine(20);
        var slots = circuit.Qubits.Select(_ => engine.Allocate()).ToArray();
        foreach (var op in circuit.Operations)
        {
            var gate = Assert.IsType<GateOperation>(op);
            engine.ApplyGate(gate.Gate, gate.Gate.Unitary(gate.Parameters), gate.Qubits.Select(q => slots[q]).ToArray());
        }
        return engine.Amplitudes.ToArray().Select(a => a.Magnitude * a.Magnitude).ToArray();
    }
}
