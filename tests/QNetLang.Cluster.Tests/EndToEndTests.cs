using System.Diagnostics;

namespace QNetLang.Cluster.Tests;

/// <summary>
/// The commands as a user runs them: `qnlc worker` processes, a `qnlc sweep --cluster` process,
/// and the same sweep run locally in process. Also the bounded failures: no Redis, no workers.
/// </summary>
public class EndToEndTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "qnl-cluster-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly List<QnlcProcess> _processes = [];

    public void Dispose()
    {
        foreach (var process in _processes) process.Dispose();
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
    }

    private QnlcProcess Keep(QnlcProcess process)
    {
        _processes.Add(process);
        return process;
    }

    private static string[] Sweep(string output, int shots) =>
        ["sweep", TestPrograms.Example("bb84.qn"), "--set", "alice--bob.length=10km..70km:4", "--set", "n=2,4", "--shots", shots.ToString(), "--seed", "17", "--json", "-o", output];

    private QnlcProcess StartWorker(string address)
    {
        var worker = Keep(QnlcProcess.Qnlc("worker", "--cluster", address, "--threads", "1"));
        Assert.True(worker.WaitForOutput("serving cluster", TimeSpan.FromSeconds(60)), $"worker did not start:\n{worker.Stdout}\n{worker.Stderr}");
        return worker;
    }

    /// <summary>
    /// The local sweep, in a process of its own like the cluster's: the plots' SVG clip-path ids
    /// count the plots a process has drawn, so two sweeps in one process differ there.
    /// </summary>
    private QnlcProcess RunLocally(string[] args)
    {
        var local = Keep(QnlcProcess.Qnlc(args));
        Assert.True(local.WaitForExit(TimeSpan.FromSeconds(240)) && local.ExitCode == 0, local.Stderr);
        return local;
    }

    private static void AssertSameFiles(string local, string cluster)
    {
        foreach (string file in Directory.GetFiles(local).Select(f => Path.GetFileName(f)))
            Assert.True(File.ReadAllBytes(Path.Combine(local, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(cluster, file))), $"{file} differs");
    }

    [RedisFact]
    public void ASweepOnTwoRedisWorkersIsTheLocalSweepEvenWhenOneIsKilled()
    {
        int port = QnlcProcess.FreePort();
        var redis = Keep(QnlcProcess.Start(QnlcProcess.RedisServer!, "--port", port.ToString(), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"));
        Assert.True(redis.WaitForOutput("Ready to accept connections", TimeSpan.FromSeconds(20)), redis.Stdout);
        string address = $"redis://127.0.0.1:{port}";
        StartWorker(address);
        var doomed = StartWorker(address);

        string local = Path.Combine(_work, "local"), cluster = Path.Combine(_work, "cluster"), checkpoint = Path.Combine(_work, "checkpoint");
        var expected = RunLocally(Sweep(local, 12_000));

        var sweep = Keep(QnlcProcess.Qnlc([.. Sweep(cluster, 12_000), "--cluster", address, "--checkpoint", checkpoint, "--timeout", "240"]));
        // Kill the second worker once the first items are done, while the sweep still runs.
        var clock = Stopwatch.StartNew();
        while (!sweep.HasExited && (!Directory.Exists(checkpoint) || Directory.GetFiles(checkpoint, "*.bin", SearchOption.AllDirectories).Length < 3) && clock.Elapsed < TimeSpan.FromSeconds(120))
            Thread.Sleep(20);
        Assert.False(sweep.HasExited, $"the sweep ended before a worker could be killed:\n{sweep.Stderr}");
        doomed.Kill();
        Assert.True(sweep.WaitForExit(TimeSpan.FromSeconds(240)), "the sweep did not finish");
        Assert.True(sweep.ExitCode == 0, sweep.Stderr);
        Assert.Equal(expected.Stdout, sweep.Stdout);
        AssertSameFiles(local, cluster);
        Assert.Contains("\"workers\"", File.ReadAllText(Path.Combine(cluster, "cluster.json")));
    }

    [Fact]
    public void ASweepOnTwoLocalhostWorkersIsTheLocalSweep()
    {
        int port = QnlcProcess.FreePort();
        string address = $"localhost:{port}";
        StartWorker(address);
        StartWorker(address);
        string local = Path.Combine(_work, "local"), cluster = Path.Combine(_work, "cluster");
        var expected = RunLocally(Sweep(local, 2_000));
        var actual = Keep(QnlcProcess.Qnlc([.. Sweep(cluster, 2_000), "--cluster", address]));
        Assert.True(actual.WaitForExit(TimeSpan.FromSeconds(240)) && actual.ExitCode == 0, actual.Stderr);
        Assert.Equal(expected.Stdout, actual.Stdout);
        AssertSameFiles(local, cluster);
    }

    [Fact]
    public void UnreachableRedisAndMissingWorkersAreClearErrorsWithinSeconds()
    {
        string bb84 = TestPrograms.Example("bb84.qn");
        var clock = Stopwatch.StartNew();
        var noRedis = CliRunner.Invoke("run", bb84, "--shots", "10", "--cluster", $"redis://127.0.0.1:{QnlcProcess.FreePort()}");
        Assert.Equal(1, noRedis.ExitCode);
        Assert.StartsWith("qnlc: error QN4401: cannot reach the cluster's Redis at 127.0.0.1:", noRedis.Stderr);
        Assert.Equal("", noRedis.Stdout);

        var noWorkers = CliRunner.Invoke("run", bb84, "--shots", "10", "--cluster", $"localhost:{QnlcProcess.FreePort()}", "--timeout", "2");
        Assert.Equal(1, noWorkers.ExitCode);
        Assert.StartsWith("qnlc: error QN4402: no worker of cluster localhost:", noWorkers.Stderr);
        Assert.Equal("", noWorkers.Stdout);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");

        var badAddress = CliRunner.Invoke("worker", "--cluster", "tcp://somewhere:1");
        Assert.Equal(2, badAddress.ExitCode);
        Assert.Contains("error QN0005: --cluster 'tcp://somewhere:1' is not a cluster address", badAddress.Stderr);

        var checkpointAlone = CliRunner.Invoke("sweep", bb84, "--set", "n=2,4", "-o", _work, "--checkpoint", _work);
        Assert.Equal(2, checkpointAlone.ExitCode);
        Assert.Contains("--checkpoint, --timeout and --verbose go with --cluster", checkpointAlone.Stderr);
    }
}
