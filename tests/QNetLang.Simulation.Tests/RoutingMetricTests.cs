using QNetLang.Ir;

namespace QNetLang.Simulation.Tests;

/// <summary>
/// `routing = rate_fidelity`: the route with the most distillable pairs per second (the hashing
/// yield of the fresh pair over its expected generation time), where `fidelity` and `time`
/// each pick another route (docs/simulator.md §9).
/// </summary>
public class RoutingMetricTests
{
    // Three ways from alice to bob, every attempt 1 ms:
    //   direct:  p = 0.5, F = 0.8                      → 2 ms, but F = 0.8 distils nothing;
    //   via r:   two links p = 0.5, F = 0.99, swap 1   → 4 ms, F = 0.9801;
    //   via s:   two links p = 0.05, F = 0.9995, swap 1 → 40 ms, F = 0.9990.
    private static string Network(string routing) => $$"""
        network three {
            {{routing}}
            qpu alice { qubits = 2; }
            qpu bob { qubits = 2; }
            repeater r { memories = 2; }
            repeater s { memories = 2; }
            link alice -- bob { success = 0.5; attempt_time = 1 ms; fidelity = 0.8; }
            link alice -- r { success = 0.5; attempt_time = 1 ms; fidelity = 0.99; }
            link r -- bob { success = 0.5; attempt_time = 1 ms; fidelity = 0.99; }
            link alice -- s { success = 0.05; attempt_time = 1 ms; fidelity = 0.9995; }
            link s -- bob { success = 0.05; attempt_time = 1 ms; fidelity = 0.9995; }
        }
        """;

    private static double Fresh(double linkFidelity) => (1 + 3 * Math.Pow((4 * linkFidelity - 1) / 3, 2)) / 4;

    [Fact]
    public void TheYieldIsTheHashingBoundOfAWernerPair()
    {
        Assert.Equal(1, Router.Yield(1), 12);
        Assert.Equal(0, Router.Yield(0.25));
        Assert.Equal(0, Router.Yield(0.8));                       // below the hashing threshold F ≈ 0.8107
        Assert.InRange(Router.Yield(0.8108), 0, 1e-3);
        double f = 0.9, rest = 0.1 / 3;
        Assert.Equal(1 + f * Math.Log2(f) + 3 * rest * Math.Log2(rest), Router.Yield(f), 12);
    }

    [Theory]
    [InlineData("", new[] { "alice", "s", "bob" })]
    [InlineData("routing = fidelity;", new[] { "alice", "s", "bob" })]
    [InlineData("routing = time;", new[] { "alice", "bob" })]
    [InlineData("routing = rate_fidelity;", new[] { "alice", "r", "bob" })]
    public void EachMetricPicksItsRoute(string routing, string[] expected)
    {
        var router = new Router(TestSupport.CompileNetwork(Network(routing)));
        Assert.Equal(expected, router.Route("alice", "bob")!.Value.ToArray());
        Assert.Equal(expected.Reverse(), router.Route("bob", "alice")!.Value.ToArray());
    }

    [Fact]
    public void RateFidelityMaximisesDistillablePairsPerSecond()
    {
        var router = new Router(TestSupport.CompileNetwork(Network("routing = rate_fidelity;")));
        Assert.Equal(RoutingMetric.RateFidelity, router.Metric);
        // Closed forms of each route's score: yield(F) / E[T].
        double direct = Router.Yield(0.8) / 2e-3, viaR = Router.Yield(Fresh(0.99)) / 4e-3, viaS = Router.Yield(Fresh(0.9995)) / 40e-3;
        Assert.Equal(0, direct);
        Assert.True(viaR > viaS, $"{viaR} vs {viaS}");
        var estimate = router.Estimate(["alice", "r", "bob"]);
        Assert.Equal(4e-3, estimate.ExpectedSeconds, 12);
        Assert.Equal(Fresh(0.99), estimate.Fidelity, 12);
        // Making r's links slower by 10x tips the balance to s (yield 0.987 / 40 ms beats 0.828 / 40 ms).
        var slower = new Router(TestSupport.CompileNetwork(Network("routing = rate_fidelity;")
            .Replace("link alice -- r { success = 0.5;", "link alice -- r { success = 0.05;", StringComparison.Ordinal)
            .Replace("link r -- bob { success = 0.5;", "link r -- bob { success = 0.05;", StringComparison.Ordinal)));
        Assert.Equal(["alice", "s", "bob"], slower.Route("alice", "bob")!.Value.ToArray());
    }

    [Fact]
    public void TheReportNamesTheMetric()
    {
        string dir = Path.Combine(Path.GetTempPath(), "qnl-routing-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string file = Path.Combine(dir, "p.qn");
            File.WriteAllText(file, Network("routing = rate_fidelity;") + """

                program p on three {
                    qubit a @ alice;
                    qubit b @ bob;
                    epr a, b;
                }
                """);
            var run = CliRunner.Invoke("build", file, "--emit", "report", "-o", Path.Combine(dir, "out"));
            Assert.True(run.ExitCode == 0, run.Stderr);
            string report = string.Join("\n", Directory.GetFiles(Path.Combine(dir, "out"), "*", SearchOption.AllDirectories).Select(File.ReadAllText));
            Assert.Contains("\"routing\": \"rate_fidelity\"", report);
            Assert.Contains("alice", report);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
