using System.Text.RegularExpressions;

namespace QNetLang.Tests;

/// <summary>The command-line contract of DESIGN.md §5: exit codes, messages, outputs all-or-nothing.</summary>
[Collection("console")]
public class CliTests : IDisposable
{
    private static readonly Regex DiagnosticLine = new(@"^.+\(\d+,\d+\): (error|warning) QN\d{4}: .+$", RegexOptions.Multiline);
    private readonly string _work = Path.Combine(Path.GetTempPath(), "qnlc-cli-" + Guid.NewGuid().ToString("N"));

    public CliTests() => Directory.CreateDirectory(_work);

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_work, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Valid = """
        network n { qpu a { qubits = 2; } qpu b { qubits = 2; } link a -- b { length = 1 km; } }
        program p on n { qubit x @ a; qubit y @ b; bit[2] c; h x; cx x, y; c[0] = measure x; c[1] = measure y; }
        """;

    [Fact]
    public void BuildWritesIrAndExitsZero()
    {
        string input = Write("ok.qn", Valid);
        string outDir = Path.Combine(_work, "out");
        var run = CliRunner.Invoke("build", input, "-o", outDir, "--emit", "ir");
        Assert.Equal(0, run.ExitCode);
        string ir = File.ReadAllText(Path.Combine(outDir, "p.ir"));
        Assert.Contains("cx x, y", ir);
    }

    /// <summary>OpenQASM `input` declarations take their values from --input; a missing one is QN2063, a malformed --input a command-line error.</summary>
    [Fact]
    public void InputDeclarationsTakeTheirValuesFromTheCommandLine()
    {
        string input = Write("angles.qasm", """
            OPENQASM 3.0;
            include "stdgates.inc";
            input float[64] theta;
            input int n;
            qubit[2] q;
            bit[2] c;
            for int i in [0:n - 1] { ry(theta) q[i]; }
            c = measure q;
            """);
        var run = CliRunner.Invoke("run", input, "--qpus", "1", "--input", "theta=3.141592653589793", "--input", "n=2", "--shots", "50");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("11        50  100.00 %", run.Stdout);
        var missing = CliRunner.Invoke("check", input, "--qpus", "1", "--input", "theta=1");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("error QN2063: input 'n' has no value", missing.Stderr);
        var malformed = CliRunner.Invoke("build", input, "--qpus", "1", "--input", "theta");
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("--input takes NAME=VALUE", malformed.Stderr);
    }

    /// <summary>Runtime classical values: the per-node OpenQASM 3 keeps them and runs back from the manifest; per-node QIR expresses them in the Adaptive Profile.</summary>
    [Fact]
    public void RuntimeClassicalValuesGoToOpenQasmAndToAdaptiveQir()
    {
        string input = Path.Combine(RepoPaths.Examples, "runtime_phase_estimation.qn");
        string qasm = Path.Combine(_work, "qasm");
        Assert.Equal(0, CliRunner.Invoke("build", input, "-o", qasm, "--emit", "qasm3").ExitCode);
        string alice = File.ReadAllText(Path.Combine(qasm, "runtime_ipe", "alice.qasm"));
        Assert.Contains("c = bit[4](angle[4](angle[4](c) >> int[64](1)));", alice);
        Assert.Contains("p(angle[4](-angle[4](c))) q[0];", alice);
        var run = CliRunner.Invoke("run", Path.Combine(qasm, "runtime_ipe", "manifest.json"), "--shots", "64");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("0101        64  100.00 %", run.Stdout);
        string qir = Path.Combine(_work, "qir");
        var built = CliRunner.Invoke("build", input, "-o", qir, "--emit", "qir");
        Assert.Equal(0, built.ExitCode);
        string module = File.ReadAllText(Path.Combine(qir, "runtime_ipe", "alice.ll"));
        Assert.Contains("!{i32 5, !\"int_computations\", !6}", module);
        Assert.Contains("call void @__quantum__qis__rz__body(double %v", module);
    }

    /// <summary>What the Adaptive Profile has no instruction for (here a float converted to an integer at run time) is refused with QN3009, naming it, and nothing is written.</summary>
    [Fact]
    public void QirRefusesWhatTheAdaptiveProfileCannotExpress()
    {
        string input = Path.Combine(_work, "float_to_int.qasm");
        File.WriteAllText(input, """
            OPENQASM 3.0;
            include "stdgates.inc";
            qubit q;
            bit m;
            h q;
            m = measure q;
            int[8] k = int[8](float[64](m) * 2.5);
            if (k == 2) { x q; }
            """);
        string qir = Path.Combine(_work, "qir");
        var refused = CliRunner.Invoke("build", input, "--qpus", "1", "-o", qir, "--emit", "qir");
        Assert.Equal(1, refused.ExitCode);
        Assert.Matches(DiagnosticLine, refused.Stderr);
        Assert.Contains("(7,1): error QN3009: per-node QIR does not express the conversion of a float to an integer at run time (the Adaptive Profile has no float-to-integer instruction)", refused.Stderr);
        Assert.False(Directory.Exists(qir) && Directory.EnumerateFileSystemEntries(qir).Any());
        Assert.Equal(0, CliRunner.Invoke("build", input, "--qpus", "1", "-o", Path.Combine(_work, "qasm"), "--emit", "qasm3").ExitCode);
    }

    [Fact]
    public void SameInputAndSeedGiveIdenticalBytes()
    {
        string input = Path.Combine(RepoPaths.Examples, "distributed_qft.qn");
        string first = Path.Combine(_work, "first");
        string second = Path.Combine(_work, "second");
        Assert.Equal(0, CliRunner.Invoke("build", input, "-o", first, "--seed", "7").ExitCode);
        Assert.Equal(0, CliRunner.Invoke("build", input, "-o", second, "--seed", "7").ExitCode);
        var names = Directory.GetFiles(first).Select(Path.GetFileName).Order().ToList();
        Assert.NotEmpty(names);
        Assert.Equal(names, Directory.GetFiles(second).Select(Path.GetFileName).Order().ToList());
        foreach (var name in names)
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, name!)), File.ReadAllBytes(Path.Combine(second, name!)));
    }

    [Fact]
    public void EveryOutputIsByteIdenticalForASeedExceptTimings()
    {
        string input = Path.Combine(RepoPaths.Examples, "distributed_qft.qn");
        string first = Path.Combine(_work, "a");
        string second = Path.Combine(_work, "b");
        Assert.Equal(0, CliRunner.Invoke("build", input, "-o", first, "--seed", "3", "--emit", "ir,qasm3,report,dot").ExitCode);
        Assert.Equal(0, CliRunner.Invoke("build", input, "-o", second, "--seed", "3", "--emit", "ir,qasm3,report,dot").ExitCode);
        var files = Directory.GetFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order().ToList();
        Assert.Contains("report.json", files);
        Assert.Contains(Path.Combine("distributed_qft", "manifest.json"), files);
        foreach (var file in files)
        {
            string a = File.ReadAllText(Path.Combine(first, file)), b = File.ReadAllText(Path.Combine(second, file));
            if (file == "report.json")
            {
                // Wall-clock timings are the one thing allowed to differ.
                a = Regex.Replace(a, @"""(ms|compileMs)"": [0-9.]+", "");
                b = Regex.Replace(b, @"""(ms|compileMs)"": [0-9.]+", "");
            }
            Assert.Equal(a, b);
        }
    }

    /// <summary>Two separate processes (anything salted per process, like string hashing, would show here).</summary>
    [Fact]
    public void SeparateProcessesWriteTheSameBytes()
    {
        string qnlc = Path.Combine(AppContext.BaseDirectory, "qnlc.dll");
        string input = Path.Combine(RepoPaths.Examples, "distributed_qft.qn");
        foreach (var dir in new[] { "p1", "p2" })
        {
            var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { qnlc, "build", input, "-o", Path.Combine(_work, dir), "--emit", "ir,qasm3", "--seed", "5" }) start.ArgumentList.Add(arg);
            using var process = System.Diagnostics.Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(120_000));
            Assert.Equal(0, process.ExitCode);
        }
        var files = Directory.GetFiles(Path.Combine(_work, "p1"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(_work, "p1"), f)).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
            Assert.Equal(File.ReadAllText(Path.Combine(_work, "p1", file)), File.ReadAllText(Path.Combine(_work, "p2", file)));
    }

    [Fact]
    public void MalformedProgramGivesOneDiagnosticExitOneAndNoOutput()
    {
        string input = Write("bad.qn", "network n { qpu a { qubits = 2; } }\nprogram p on n { qubit x; h x }\n");
        string outDir = Path.Combine(_work, "never");
        var run = CliRunner.Invoke("build", input, "-o", outDir);
        Assert.Equal(1, run.ExitCode);
        Assert.Matches(DiagnosticLine, run.Stderr);
        Assert.Contains("bad.qn(2,31): error QN1003: expected ';', found '}'", run.Stderr);
        Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void SemanticErrorWritesNoOutput()
    {
        string input = Write("sem.qn", "network n { qpu a { qubits = 2; } }\nprogram p on n { qubit[2] x; h x[2]; }\n");
        string outDir = Path.Combine(_work, "never");
        var run = CliRunner.Invoke("build", input, "-o", outDir);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error QN2006: index 2 is out of range for 'x' of size 2", run.Stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void MissingFileIsADiagnostic()
    {
        var run = CliRunner.Invoke("check", Path.Combine(_work, "nope.qn"));
        Assert.Equal(1, run.ExitCode);
        Assert.Matches(DiagnosticLine, run.Stderr);
        Assert.Contains("QN1004", run.Stderr);
    }

    [Fact]
    public void NonUtf8AndEmptyFilesAreDiagnostics()
    {
        string binary = Path.Combine(_work, "binary.qn");
        File.WriteAllBytes(binary, [0x6e, 0x65, 0x74, 0xff, 0xfe, 0x00, 0x01]);
        var run = CliRunner.Invoke("check", binary);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("binary.qn(1,4): error QN1001", run.Stderr);

        string empty = Write("empty.qn", "");
        run = CliRunner.Invoke("check", empty);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error QN1005", run.Stderr);
    }

    [Theory]
    [InlineData(5000, "(", ")")]
    [InlineData(5000, "{ ", "}")]
    [InlineData(5000, "- ", "")]
    [InlineData(5000, "if (c == 1) ", "")]
    public void DeepNestingIsADiagnosticNotACrash(int depth, string open, string close)
    {
        string body = open.StartsWith("if", StringComparison.Ordinal)
            ? string.Concat(Enumerable.Repeat(open, depth)) + "x q;"
            : open.StartsWith('{')
                ? string.Concat(Enumerable.Repeat(open, depth)) + "x q;" + string.Concat(Enumerable.Repeat(close, depth))
                : "rz(" + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)) + ") q;";
        string input = Write("deep.qn", "network n { qpu a { qubits = 2; } }\nprogram p on n { qubit q; bit c; " + body + " }\n");
        var run = CliRunner.Invoke("check", input);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error QN1006", run.Stderr);
    }

    [Fact]
    public void ANulInAnIncludePathIsADiagnostic()
    {
        string input = Write("nul.qn", "include \"a\0b.qn\";\nnetwork n { qpu a { qubits = 1; } }\n");
        var run = CliRunner.Invoke("check", input);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error QN1004", run.Stderr);
    }

    [Fact]
    public void HugeLoopHitsTheConfigurableLimit()
    {
        string input = Write("loop.qn", "network n { qpu a { qubits = 2; } }\nprogram p on n { qubit q; for i in 0 .. 1000000000 { for j in 0 .. 1000000000 { h q; } } }\n");
        var run = CliRunner.Invoke("check", input);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error QN2019", run.Stderr);

        string small = Write("small.qn", "network n { qpu a { qubits = 2; } }\nprogram p on n { qubit q; for i in 0 .. 50 { h q; } }\n");
        Assert.Equal(1, CliRunner.Invoke("check", small, "--max-ops", "20").ExitCode);
        Assert.Equal(0, CliRunner.Invoke("check", small, "--max-ops", "200").ExitCode);
    }

    /// <summary>The limit is on what loops and gates expand to: a flat file longer than the limit still compiles.</summary>
    [Fact]
    public void SpelledOutStatementsDoNotCountAgainstTheLimit()
    {
        var flat = new System.Text.StringBuilder("OPENQASM 3;\ninclude \"stdgates.inc\";\nqubit[2] q;\n");
        for (int i = 0; i < 100; i++) flat.Append("cx q[0], q[1];\n");
        string input = Write("flat.qasm", flat.ToString());
        Assert.Equal(0, CliRunner.Invoke("check", input, "--qpus", "2", "--max-ops", "20").ExitCode);

        string looped = Write("looped.qasm", "OPENQASM 3;\ninclude \"stdgates.inc\";\nqubit[2] q;\nfor int i in [0:99] { cx q[0], q[1]; }\n");
        Assert.Equal(1, CliRunner.Invoke("check", looped, "--qpus", "2", "--max-ops", "20").ExitCode);
    }

    [Theory]
    [InlineData("build", "x.qn", "--qpus", "3")]
    [InlineData("build", "x.qasm")]
    [InlineData("build", "x.qasm", "--qpus", "0")]
    [InlineData("build", "x.qn", "--emit", "pdf")]
    [InlineData("build", "x.qn", "--stop-after", "teleport")]
    [InlineData("build", "x.txt")]
    [InlineData("build", "x.qn", "--no-such-option")]
    [InlineData("frobnicate")]
    public void BadCommandLinesExitTwo(params string[] args)
    {
        var run = CliRunner.Invoke(args.Select(a => a.Contains('.') ? Path.Combine(_work, a) : a).ToArray());
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error QN000", run.Stderr);
    }

    [Fact]
    public void TheVersionNamesTheCommit()
    {
        // What `qnlc --version` prints (in-process, System.CommandLine would print the test host's).
        string? version = typeof(Qnlc.CommandLineApp).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().SingleOrDefault()?.InformationalVersion;
        Assert.Matches(@"^\d+\.\d+\.\d+\+[0-9a-f]{40}$", version);
    }

    [Fact]
    public void AnUnknownCommandIsOneMessageThatNamesTheCommands()
    {
        var run = CliRunner.Invoke("chek", "x.qn");
        Assert.Equal(2, run.ExitCode);
        var errors = run.Stderr.Split('\n').Where(l => l.Contains("error QN")).ToList();
        string error = Assert.Single(errors);
        Assert.Contains("error QN0003: unknown command 'chek' (did you mean 'check'?); the commands are check, build,", error);
    }

    [Fact]
    public void AValueOfTheWrongKindSaysWhatKindIsNeeded()
    {
        var run = CliRunner.Invoke("run", Path.Combine(_work, "x.qn"), "--shots", "1e3");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error QN0004: '1e3' is not a valid value for --shots: it must be a whole number, such as 1000", run.Stderr);
        Assert.DoesNotContain("System.", run.Stderr);
    }

    [Fact]
    public void StopAfterDumpsEachStage()
    {
        string input = Write("stages.qn", Valid);
        var parse = CliRunner.Invoke("build", input, "--stop-after", "parse", "--dump");
        Assert.Equal(0, parse.ExitCode);
        Assert.Contains("ProgramDeclaration", parse.Stdout);
        var bind = CliRunner.Invoke("build", input, "--stop-after", "bind", "--dump");
        Assert.Contains("qubit x = %0 @ a", bind.Stdout);
        var lower = CliRunner.Invoke("build", input, "--stop-after", "lower", "--dump");
        Assert.Contains("operations 4", lower.Stdout);
    }

    [Fact]
    public void QasmLoadsWithQpusAndWithANetworkFile()
    {
        foreach (var qasm in Directory.GetFiles(Path.Combine(RepoPaths.Cases, "qasm"), "*.qasm"))
        {
            var run = CliRunner.Invoke("build", qasm, "--qpus", "3", "--emit", "ir", "-o", Path.Combine(_work, "q"));
            Assert.True(run.ExitCode == 0, run.Stderr);
        }
        string net = Write("net.qn", "network lab { qpu a { qubits = 4; } qpu b { qubits = 4; } link a -- b { length = 1 km; } }");
        var withNetwork = CliRunner.Invoke("build", Path.Combine(RepoPaths.Cases, "qasm", "qft4.qasm"), "--network", net, "--stop-after", "lower", "--dump");
        Assert.True(withNetwork.ExitCode == 0, withNetwork.Stderr);
        Assert.Contains("circuit qft4 on lab", withNetwork.Stdout);
    }

    [Fact]
    public void QpusSetsTheDefaultCapacity()
    {
        var run = CliRunner.Invoke("build", Path.Combine(RepoPaths.Cases, "qasm", "qft4.qasm"), "--qpus", "3", "--stop-after", "lower", "--dump");
        Assert.Equal(0, run.ExitCode);
        // 4 qubits over 3 QPUs: ⌊4/3⌋+1 = 2 data qubits each, and "enough" communication qubits (n = 4).
        Assert.Contains("qpu qpu0 comm=4", run.Stdout);
        Assert.Contains("qubits=2", run.Stdout);
        var explicitCapacity = CliRunner.Invoke("build", Path.Combine(RepoPaths.Cases, "qasm", "qft4.qasm"), "--qpus", "2", "--qubits-per-qpu", "1", "--stop-after", "lower", "--dump");
        Assert.Equal(1, explicitCapacity.ExitCode);
        Assert.Contains("QN2035", explicitCapacity.Stderr);
    }

    [Fact]
    public void UnwritableOutputIsReportedAndLeavesNothing()
    {
        string input = Write("ok.qn", Valid);
        string blocker = Write("blocker", "a file where the output directory should be");
        var run = CliRunner.Invoke("build", input, "-o", blocker);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error QN4001", run.Stderr);
        Assert.Equal("a file where the output directory should be", File.ReadAllText(blocker));
    }

    [Fact]
    public void HelpReadsWell()
    {
        var run = CliRunner.Invoke("build", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--stop-after", run.Stdout);
        Assert.Contains("--qpus", run.Stdout);
        Assert.Contains("--emit", run.Stdout);
    }
}
