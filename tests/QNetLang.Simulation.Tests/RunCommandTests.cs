using System.Globalization;
using System.Text.Json;

namespace QNetLang.Simulation.Tests;

/// <summary>`qnlc run` end to end: every example, the JSON contract, determinism, and every way a run can fail.</summary>
public class RunCommandTests
{
    public static IEnumerable<object[]> RunnableExamples() =>
        new[] { "teleportation", "ghz_sensing", "bb84", "e91", "repeater_chain", "blind_computation", "trusted_node_qkd", "satellite_link" }
            .Select(e => new object[] { e });

    [Theory]
    [MemberData(nameof(RunnableExamples))]
    public void EveryExplicitProtocolExampleRuns(string example)
    {
        var run = CliRunner.Invoke("run", Path.Combine(TestSupport.Examples, example + ".qn"), "--shots", "200", "--seed", "1", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal(200, root.GetProperty("shots").GetInt32());
        Assert.Equal(1, root.GetProperty("seed").GetInt64());
        Assert.Equal(200, root.GetProperty("counts").EnumerateObject().Sum(c => c.Value.GetInt64()) + root.GetProperty("countsOmitted").GetProperty("shots").GetInt64());
        Assert.True(root.GetProperty("meanTimePs").GetDouble() > 0);
        double ebits = root.GetProperty("ebits").GetDouble();
        var pairs = root.GetProperty("pairs").EnumerateArray().ToList();
        Assert.Equal(ebits * 200, pairs.Sum(p => p.GetProperty("count").GetInt64()));
        // A delivered pair is never better than the best link it could have come from (swaps,
        // memory decay and gate noise only lower it), and never below the fully mixed 1/4.
        double bestLink = TestSupport.CompileFile(Path.Combine(TestSupport.Examples, example + ".qn")).Network.Links.Max(l => l.Spec.Fidelity);
        foreach (var pair in pairs)
        {
            Assert.Equal(2, pair.GetProperty("nodes").GetArrayLength());
            Assert.InRange(pair.GetProperty("meanFidelity").GetDouble(), 0.25, bestLink + 1e-12);
            Assert.True(pair.GetProperty("meanWaitPs").GetDouble() >= 0);
            Assert.True(pair.GetProperty("meanAttempts").GetDouble() >= 1);
        }
    }

    [Theory]
    [InlineData(1, 0.9, 0.9)]
    [InlineData(2, 0.9, 0.8133)]
    [InlineData(4, 0.9, 0.6731)]
    [InlineData(3, 0.97, 0.91355)]
    public void ReportedPairFidelityIsTheWernerClosedForm(int links, double fidelity, double reference)
    {
        // No memory decay, perfect swaps: each swap multiplies the Werner parameter
        // w = (4F − 1)/3, so the pair fidelity is exactly (1 + 3w^links)/4, whose rounded values
        // are the reference (0.8133 after one swap of F = 0.9 pairs, 0.6731 after three).
        double w = (4 * fidelity - 1) / 3;
        double expected = (1 + 3 * Math.Pow(w, links)) / 4;
        Assert.Equal(reference, expected, 4.5e-5);
        var sb = new System.Text.StringBuilder("network chain {\n  qpu alice { qubits = 1; }\n  qpu bob { qubits = 1; }\n");
        for (int r = 1; r < links; r++) sb.Append(CultureInfo.InvariantCulture, $"  repeater r{r} {{ memories = 2; }}\n");
        var nodes = new[] { "alice" }.Concat(Enumerable.Range(1, links - 1).Select(r => $"r{r}")).Append("bob").ToList();
        for (int i = 0; i + 1 < nodes.Count; i++) sb.Append(CultureInfo.InvariantCulture, $"  link {nodes[i]} -- {nodes[i + 1]} {{ length = 1 km; fidelity = {fidelity}; }}\n");
        sb.Append("}\nprogram p on chain { qubit x @ alice; qubit y @ bob; bit[2] c; epr x, y; c[0] = measure x; c[1] = measure y; }\n");
        var run = CliRunner.Invoke("run", CliRunner.TempFile(sb.ToString()), "--shots", "50", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var pair = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("pairs")[0];
        Assert.Equal(expected, pair.GetProperty("meanFidelity").GetDouble(), 6);
    }

    [Fact]
    public void DistributedQftRunsAfterTheDistributionPasses()
    {
        // The example's hardware is noisy, so most (not all) shots give the answer 2741.
        var run = CliRunner.Invoke("run", Path.Combine(TestSupport.Examples, "distributed_qft.qn"), "--shots", "40", "--seed", "3", "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Stdout);
        var counts = json.RootElement.GetProperty("counts").EnumerateObject().OrderByDescending(p => p.Value.GetInt32()).ToList();
        Assert.Equal("101010110101", counts[0].Name);
        Assert.True(counts[0].Value.GetInt32() > 20, run.Stdout);
        Assert.True(json.RootElement.GetProperty("ebits").GetInt32() > 0);
    }

    [Fact]
    public void OpenQasmOnQpusRunsDistributed()
    {
        string qasm = CliRunner.TempFile("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\nmeasure q -> c;\n", ".qasm");
        var run = CliRunner.Invoke("run", qasm, "--qpus", "2", "--qubits-per-qpu", "1", "--shots", "200", "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Stdout);
        var keys = json.RootElement.GetProperty("counts").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["00", "11"], keys);
        Assert.Equal(1, json.RootElement.GetProperty("ebits").GetInt32());
    }

    [Fact]
    public void TheSameSeedGivesTheSameOutputOnAnyNumberOfThreads()
    {
        string file = Path.Combine(TestSupport.Examples, "repeater_chain.qn");
        var one = CliRunner.Invoke("run", file, "--shots", "300", "--seed", "42", "--json", "--threads", "1");
        var two = CliRunner.Invoke("run", file, "--shots", "300", "--seed", "42", "--json", "--threads", "2");
        var again = CliRunner.Invoke("run", file, "--shots", "300", "--seed", "42", "--json");
        Assert.Equal(0, one.ExitCode);
        Assert.Equal(one.Stdout, two.Stdout);
        Assert.Equal(one.Stdout, again.Stdout);
        var other = CliRunner.Invoke("run", file, "--shots", "300", "--seed", "43", "--json");
        Assert.NotEqual(one.Stdout, other.Stdout);
    }

    [Fact]
    public void TextReportShowsCountsRightmostBitFirstAndPairs()
    {
        var run = CliRunner.Invoke("run", Path.Combine(TestSupport.Examples, "teleportation.qn"), "--shots", "500");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("columns: out[1..0] m[1..0]", run.Stdout);
        Assert.Contains("ebits per shot: 2", run.Stdout);
        Assert.Contains("alice–bob: 1000 pair(s), mean fidelity 0.9800", run.Stdout);
    }

    [Fact]
    public void DistillationRaisesDeliveredPairsToTheTarget()
    {
        var run = CliRunner.Invoke("run", Path.Combine(TestSupport.Examples, "teleportation.qn"), "--shots", "200", "--json", "--distill", "dejmps", "--target-fidelity", "0.995");
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var pair = Assert.Single(json.RootElement.GetProperty("pairs").EnumerateArray());
        Assert.True(pair.GetProperty("meanFidelity").GetDouble() >= 0.995);
        Assert.True(pair.GetProperty("meanAttempts").GetDouble() >= 4);
    }

    [Theory]
    [InlineData("--distill", "pumping")]
    [InlineData("--target-fidelity", "0.9")]
    [InlineData("--shots", "0")]
    [InlineData("--engine", "quantum")]
    [InlineData("--max-qubits", "0")]
    [InlineData("--max-time", "-1")]
    [InlineData("--pairs", "10")]
    public void BadOptionsExitWith2(string option, string value)
    {
        var run = CliRunner.Invoke("run", Path.Combine(TestSupport.Examples, "teleportation.qn"), option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("QN0001", run.Stderr);
    }

    [Fact]
    public void StabilizerEngineRefusesNonCliffordPrograms()
    {
        var run = CliRunner.Invoke("run", Path.Combine(TestSupport.Examples, "teleportation.qn"), "--engine", "stabilizer");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error QN4103", run.Stderr);
        Assert.Contains("ry", run.Stderr);
    }

    [Fact]
    public void QubitLimitEndsInADiagnostic()
    {
        var run = CliRunner.Invoke("run", Path.Combine(TestSupport.Examples, "ghz_sensing.qn"), "--engine", "statevector", "--max-qubits", "2");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error QN4102", run.Stderr);
        Assert.Contains("ghz_sensing.qn(1,1)", run.Stderr);
    }

    [Fact]
    public void ALinkThatNeverSucceedsIsReported()
    {
        string file = CliRunner.TempFile("""
            network n { qpu a { qubits = 1; } qpu b { qubits = 1; } link a -- b { success = 0; } }
            program p on n { qubit x @ a; qubit y @ b; epr x, y; }
            """);
        var run = CliRunner.Invoke("run", file);
        Assert.Equal(1, run.ExitCode);
        // The route pass finds no usable route before the simulator would wait forever.
        Assert.Contains("error QN3001", run.Stderr);
        Assert.Contains("(2,44)", run.Stderr); // at the epr
    }

    [Fact]
    public void TheSimulatedTimeLimitIsReported()
    {
        var run = CliRunner.Invoke("run", Path.Combine(TestSupport.Examples, "satellite_link.qn"), "--shots", "5", "--max-time", "1");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error QN4105", run.Stderr);
    }

    [Fact]
    public void EprAndRemoteGatesInsideAnIfRunWithTheRightDistribution()
    {
        // c[0] is a fair coin; only when it is 1 do x and y share a pair and t copy x by a
        // remote CNOT (a telegate the compiler puts inside the branch). So the outcomes are
        // 0000 (½), 0001 (¼) and 1111 (¼), c[0] rightmost.
        string file = CliRunner.TempFile("""
            network n { qpu a { qubits = 2; comm = 2; } qpu b { qubits = 2; comm = 2; } link a -- b { length = 1 km; } }
            program p on n {
                qubit z @ a; qubit x @ a; qubit y @ b; qubit t @ b;
                bit[4] c;
                h z;
                c[0] = measure z;
                if (c[0] == 1) { epr x, y; }
                if (c[0] == 1) { cx x, t; }
                c[1] = measure x;
                c[2] = measure y;
                c[3] = measure t;
            }
            """);
        const int shots = 4000;
        var run = CliRunner.Invoke("run", file, "--shots", shots.ToString(CultureInfo.InvariantCulture), "--seed", "5", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var counts = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.Empty(counts.Keys.Except(["0000", "0001", "1111"]));
        Statistics.AssertProportion(counts.GetValueOrDefault("0000"), shots, 0.5, "no pair");
        Statistics.AssertProportion(counts.GetValueOrDefault("0001"), shots, 0.25, "pair, x = 0");
        Statistics.AssertProportion(counts.GetValueOrDefault("1111"), shots, 0.25, "pair, x = 1");
    }

    [Theory]
    [InlineData(350)]
    [InlineData(400)]
    public void LongLinksReportTheirTrueTime(int km)
    {
        // 0.2 dB/km: η = 10^(−0.02·L), one attempt = the 2L/c round trip. Every shot's time is its
        // attempts times the attempt time, exactly: nothing may be clamped (the longest shots here
        // pass the 26.7 days where an earlier clock saturated).
        string file = CliRunner.TempFile($$"""
            network n { qpu a { qubits = 1; } qpu b { qubits = 1; } link a -- b { length = {{km}} km; } }
            program p on n { qubit x @ a; qubit y @ b; bit[2] c; epr x, y; c[0] = measure x; c[1] = measure y; }
            """);
        var run = CliRunner.Invoke("run", file, "--shots", "400", "--seed", "2", "--json", "--max-time", "9e6");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        double attemptPs = 2 * km * 1e3 / 2e8 * 1e12;
        double meanAttempts = root.GetProperty("pairs")[0].GetProperty("meanAttempts").GetDouble();
        Assert.Equal(meanAttempts * attemptPs, root.GetProperty("meanTimePs").GetDouble(), 1e-9 * meanAttempts * attemptPs);
        // Attempts are geometric with mean 1/η: within 5 standard errors (σ ≈ mean).
        double expected = Math.Pow(10, 0.02 * km);
        Assert.InRange(meanAttempts, expected * (1 - 5 / Math.Sqrt(400)), expected * (1 + 5 / Math.Sqrt(400)));
    }

    [Fact]
    public void AShotPastTheClockStopsTheRunInsteadOfBeingClamped()
    {
        // 450 km: 10^9 attempts of 4.5 ms on average, 4.5·10^6 s; with 400 shots some need more
        // than the clock's 9·10^6 s. The run must stop with QN4105, not report a clamped time.
        string file = CliRunner.TempFile("""
            network n { qpu a { qubits = 1; } qpu b { qubits = 1; } link a -- b { length = 450 km; } }
            program p on n { qubit x @ a; qubit y @ b; bit[2] c; epr x, y; c[0] = measure x; c[1] = measure y; }
            """);
        var run = CliRunner.Invoke("run", file, "--shots", "400", "--seed", "2", "--json", "--max-time", "9e6");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error QN4105", run.Stderr);
        Assert.Equal("", run.Stdout);
        var tooLong = CliRunner.Invoke("run", file, "--max-time", "1e7");
        Assert.Equal(2, tooLong.ExitCode);
        Assert.Contains("--max-time must be between 0 and 9e6 seconds", tooLong.Stderr);
    }

    [Fact]
    public void ALinkSlowerThanTheTimeLimitIsWarnedAboutAndStopsTheRun()
    {
        string file = CliRunner.TempFile("""
            network n { qpu a { qubits = 1; } qpu b { qubits = 1; } link a -- b { length = 500 km; } }
            program p on n { qubit x @ a; qubit y @ b; bit[2] c; epr x, y; c[0] = measure x; c[1] = measure y; }
            """);
        var check = CliRunner.Invoke("check", file);
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("warning QN3005", check.Stderr);
        var run = CliRunner.Invoke("run", file, "--shots", "10");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error QN4105", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void PlotsAreWritten()
    {
        string dir = Path.Combine(Path.GetTempPath(), "qnl-plots-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = CliRunner.Invoke("run", Path.Combine(TestSupport.Examples, "teleportation.qn"), "--shots", "100", "--plot", dir);
            Assert.True(run.ExitCode == 0, run.Stderr);
            foreach (string name in new[] { "teleportation.counts.png", "teleportation.counts.svg", "teleportation.timeline.png", "teleportation.timeline.svg" })
            {
                var info = new FileInfo(Path.Combine(dir, name));
                Assert.True(info.Exists && info.Length > 1000, name);
            }
            byte[] png = File.ReadAllBytes(Path.Combine(dir, "teleportation.counts.png"));
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void PairStreamsRunOnANetworkFile()
    {
        string file = CliRunner.TempFile("""
            network quisp {
                fiber_speed = 208189.2 km/s;
                qpu alice { qubits = 1; comm = 2; }
                qpu bob   { qubits = 1; comm = 2; }
                link alice -- bob { length = 10 km; success = 0.2; }
            }
            """);
        var run = CliRunner.Invoke("run", file, "--stream", "alice,bob", "--pairs", "100", "--shots", "3", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(100, json.RootElement.GetProperty("meanPairs").GetDouble());
        Assert.Equal(2, json.RootElement.GetProperty("inFlight").GetInt32());
        var bad = CliRunner.Invoke("run", file, "--stream", "alice,zoe", "--pairs", "100");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("error QN4107", bad.Stderr);
    }
}
