using System.Text.Json;

namespace QNetLang.Simulation.Tests;

/// <summary>`qnlc sweep`: the files it writes, the physics along the sweep, determinism, and bad settings.</summary>
public class SweepTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "qnl-sweep-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
    }

    private static readonly string Bb84 = Path.Combine(TestSupport.Examples, "bb84.qn");

    [Fact]
    public void Bb84AgainstDistanceFollowsTheTransmissivityAndStaysBelowPlob()
    {
        string dir = Path.Combine(_work, "bb84");
        var run = CliRunner.Invoke("sweep", Bb84, "--set", "alice--bob.length=10km..90km:5", "--shots", "6000", "--seed", "3", "-o", dir);
        Assert.True(run.ExitCode == 0, run.Stderr);
        foreach (string file in new[] { "sweep.csv", "sweep.json", "qber.png", "qber.svg", "sifted_rate.png", "secret_key_rate.svg" })
            Assert.True(File.Exists(Path.Combine(dir, file)), file);
        var records = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "sweep.json"))).RootElement.EnumerateArray().ToList();
        Assert.Equal([10_000.0, 30_000.0, 50_000.0, 70_000.0, 90_000.0], records.Select(r => r.GetProperty("parameters").GetProperty("alice--bob.length").GetDouble()));
        foreach (var record in records)
        {
            double metres = record.GetProperty("parameters").GetProperty("alice--bob.length").GetDouble();
            double eta = Math.Pow(10, -0.2 * metres / 1000 / 10);
            var sifted = record.GetProperty("figures").GetProperty("sifted_rate");
            double value = sifted.GetProperty("value").GetDouble(), stderr = sifted.GetProperty("stderr").GetDouble();
            Assert.True(Math.Abs(value - eta * 0.8 / 2) <= 4 * stderr, $"{metres} m: sifted_rate {value} ± {stderr}, closed form {eta * 0.8 / 2}");
            double perPhoton = record.GetProperty("figures").GetProperty("secret_bits_per_photon").GetProperty("value").GetDouble();
            Assert.True(perPhoton < -Math.Log2(1 - eta), $"{metres} m: key {perPhoton} per photon above the PLOB bound");
            double key = record.GetProperty("figures").GetProperty("secret_key_rate").GetProperty("value").GetDouble();
            Assert.True(key < -Math.Log2(1 - eta) * 100e6, $"{metres} m: key rate {key} bits/s above the PLOB bound times the source rate");
        }
        string[] csv = File.ReadAllLines(Path.Combine(dir, "sweep.csv"));
        Assert.Equal("alice--bob.length,sifted_rate,sifted_rate_stderr,qber,qber_stderr,secret_bits_per_photon,secret_bits_per_photon_stderr,secret_key_rate,secret_key_rate_stderr", csv[0]);
        Assert.Equal(6, csv.Length);
    }

    [Fact]
    public void AGridIsTheSameOnAnyNumberOfThreadsAndJsonPrintsTheRecords()
    {
        string one = Path.Combine(_work, "one"), two = Path.Combine(_work, "two");
        string[] args = ["sweep", Bb84, "--set", "bob.measure_error=0.01,0.05", "--set", "n=2,4", "--shots", "300", "--seed", "9", "--json"];
        var a = CliRunner.Invoke([.. args, "-o", one, "--threads", "1"]);
        var b = CliRunner.Invoke([.. args, "-o", two, "--threads", "2"]);
        Assert.True(a.ExitCode == 0, a.Stderr);
        Assert.Equal(a.Stdout, b.Stdout);
        Assert.Equal(File.ReadAllText(Path.Combine(one, "sweep.csv")), File.ReadAllText(Path.Combine(two, "sweep.csv")));
        var records = JsonDocument.Parse(a.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal([(0.01, 2.0), (0.01, 4.0), (0.05, 2.0), (0.05, 4.0)],
            records.Select(r => (r.GetProperty("parameters").GetProperty("bob.measure_error").GetDouble(), r.GetProperty("parameters").GetProperty("n").GetDouble())));
    }

    [Theory]
    [InlineData("alice--bob.length")]                  // no values
    [InlineData("alice--bob.length=10km..90km")]       // no point count
    [InlineData("alice--bob.length=10km..90m:3")]      // units differ
    [InlineData("alice--bob.length=0km..90km:3:log")]  // log from zero
    [InlineData("alice--carol.length=10km")]           // no such link
    [InlineData("carol.t2=1s")]                        // no such node
    [InlineData("m=3")]                                // no such constant
    [InlineData("alice--bob.length=10 parsecs")]       // not a unit
    public void BadSettingsAreCommandLineErrors(string setting)
    {
        var run = CliRunner.Invoke("sweep", Bb84, "--set", setting, "--shots", "10", "-o", Path.Combine(_work, "bad"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error", run.Stderr);
        Assert.False(File.Exists(Path.Combine(_work, "bad", "sweep.csv")));
    }

    [Fact]
    public void AValueTheBinderRejectsIsAnInputError()
    {
        var run = CliRunner.Invoke("sweep", Bb84, "--set", "bob.detector_efficiency=0.5,1.5", "--shots", "10", "-o", Path.Combine(_work, "range"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("QN2011", run.Stderr);
        Assert.Contains("bob.detector_efficiency=1.5", run.Stderr);
    }
}
