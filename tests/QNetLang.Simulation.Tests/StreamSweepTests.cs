using System.Text.Json;

namespace QNetLang.Simulation.Tests;

/// <summary>`qnlc sweep --stream A,B --duration S`: pair streams at every grid point, and `*--*.property` for every link.</summary>
public class StreamSweepTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "qnl-stream-sweep-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
    }

    // Two lossless hops of the third generation: one photon block per 2 µs, each crossing both.
    private const string Chain = """
        network chain {
            fiber_speed = 2e5 km/s;
            generation = 3;
            qpu alice { qubits = 1; comm = 64; }
            repeater r1 { memories = 32; }
            qpu bob { qubits = 1; comm = 64; }
            link alice -- r1 { length = 3 km; success = 1; }
            link r1 -- bob { length = 3 km; success = 1; }
        }
        """;

    [Fact]
    public void EveryLinksLengthIsSweptAndTheRateIsOneBlockPerOperationTime()
    {
        string file = CliRunner.TempFile(Chain);
        string dir = Path.Combine(_work, "chain");
        var run = CliRunner.Invoke("sweep", file, "--stream", "alice,bob", "--duration", "0.001", "--shots", "2", "--set", "*--*.length=0km,1km", "-o", dir);
        Assert.True(run.ExitCode == 0, run.Stderr);
        foreach (string plot in new[] { "pair_rate.png", "fidelity.svg", "rate_per_memory.png" }) Assert.True(File.Exists(Path.Combine(dir, plot)), plot);
        var records = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "sweep.json"))).RootElement.EnumerateArray().ToList();
        Assert.Equal([0.0, 1000.0], records.Select(r => r.GetProperty("parameters").GetProperty("*--*.length").GetDouble()));
        foreach (var record in records)
        {
            // Block k leaves at 2k µs, crosses two hops of D (5 µs per km) with a 2 µs re-encoding
            // after each, and bob's message takes 2D back: delivered at 2k + 4 + 4D µs, both hops' D.
            double d = record.GetProperty("parameters").GetProperty("*--*.length").GetDouble() / 1000 * 5;
            double pairs = Math.Floor((1000 - 4 - 4 * d) / 2);
            var figures = record.GetProperty("figures");
            Assert.Equal(pairs / 1e-3, figures.GetProperty("pair_rate").GetProperty("value").GetDouble(), 6);
            Assert.Equal(pairs / 1e-3 / 32, figures.GetProperty("rate_per_memory").GetProperty("value").GetDouble(), 6);
            Assert.Equal(0, figures.GetProperty("pair_rate").GetProperty("stderr").GetDouble());
        }
    }

    [Fact]
    public void AStreamSweepNeedsADurationAndTwoEnds()
    {
        string file = CliRunner.TempFile(Chain);
        var noDuration = CliRunner.Invoke("sweep", file, "--stream", "alice,bob", "--set", "*--*.length=1km", "-o", Path.Combine(_work, "a"));
        Assert.Equal(2, noDuration.ExitCode);
        Assert.Contains("--duration", noDuration.Stderr);
        var oneEnd = CliRunner.Invoke("sweep", file, "--stream", "alice", "--duration", "0.001", "--set", "*--*.length=1km", "-o", Path.Combine(_work, "b"));
        Assert.Equal(2, oneEnd.ExitCode);
        var unknown = CliRunner.Invoke("sweep", file, "--stream", "alice,bob", "--duration", "0.001", "--set", "r9.memories=4", "-o", Path.Combine(_work, "c"));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no node 'r9'", unknown.Stderr);
    }
}
