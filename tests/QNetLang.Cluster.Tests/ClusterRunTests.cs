using QNetLang.Cluster.Client;
using QNetLang.Cluster.Grains;
using QNetLang.Compiler;
using QNetLang.Simulation;

namespace QNetLang.Cluster.Tests;

/// <summary>
/// Runs on Orleans test clusters give what the local simulator gives, byte for byte: on 1, 2
/// and 3 workers, when a worker dies mid-run, and when a run resumes from its checkpoint.
/// Items are made small (a few blocks) so that every worker gets some.
/// </summary>
public class ClusterRunTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "qnl-cluster-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
    }

    /// <summary>A sweep's points (bb84: figures) and a run with records and a timeline (repeater chain: pairs, swaps).</summary>
    private static List<ClusterJob> Jobs()
    {
        var jobs = new List<ClusterJob>();
        foreach (double n in new[] { 2.0, 4.0 })
            jobs.Add(new ClusterJob(TestPrograms.Compile("bb84.qn", [new ParameterOverride("n", n, true, null)]), new RunOptions { Shots = 1500, Seed = 11, Threads = 1 }));
        jobs.Add(new ClusterJob(TestPrograms.Compile("repeater_chain.qn"), new RunOptions { Shots = 700, Seed = 5, RecordShots = true, RecordTimeline = true }));
        return jobs;
    }

    private static readonly ClusterRunSettings SmallItems = new() { ItemShots = 128 };

    private static string Everything(RunResult run) =>
        RunReport.ToJson([run], countLimit: null) + RunReport.ToText(run)
        + string.Join("\n", run.Records?.Select(r => $"{r.Shot},{r.TimePs},{r.Key}") ?? [])
        + string.Join("\n", run.Timeline?.Select(t => t.ToString()) ?? []);

    private static void AssertSameAsLocal(IReadOnlyList<ClusterJob> jobs, IReadOnlyList<JobOutcome> outcomes)
    {
        Assert.Equal(jobs.Count, outcomes.Count);
        foreach (var (job, outcome) in jobs.Zip(outcomes))
        {
            Assert.Empty(outcome.Problems);
            Assert.Equal(Everything(Simulator.RunOrThrow(job.Program, job.Options)), Everything(outcome.Result!));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task OutputIsTheLocalOutputOnAnyNumberOfWorkers(int silos)
    {
        var cluster = await TestClusters.StartAsync(silos);
        try
        {
            var jobs = Jobs();
            var (outcomes, report) = await new ClusterRunner(cluster.Client, SmallItems).RunAsync(jobs);
            AssertSameAsLocal(jobs, outcomes);
            Assert.Equal(report.Items, report.Workers.Sum(w => w.Items));
            Assert.InRange(report.Workers.Count, 1, silos);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task AWorkerKilledMidRunLosesNothing()
    {
        var cluster = await TestClusters.StartAsync(3);
        try
        {
            var jobs = Jobs();
            var runner = new ClusterRunner(cluster.Client, SmallItems);
            var run = runner.RunAsync(jobs);
            while (runner.Progress.Items < 3 && !run.IsCompleted) await Task.Delay(20);
            Assert.False(run.IsCompleted, "the run ended before a worker could be killed; make it longer");
            await cluster.KillSiloAsync(cluster.SecondarySilos[0]);
            var (outcomes, report) = await run;
            AssertSameAsLocal(jobs, outcomes);
            Assert.Equal(report.Items, report.Workers.Sum(w => w.Items));
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task AnInterruptedSweepResumesFromItsCheckpoint()
    {
        var cluster = await TestClusters.StartAsync(2);
        try
        {
            var jobs = Jobs();
            var settings = SmallItems with { Checkpoint = new CheckpointDirectory(_work) };
            var first = new ClusterRunner(cluster.Client, settings);
            using var interrupt = new CancellationTokenSource();
            var run = first.RunAsync(jobs, interrupt.Token);
            while (first.Progress.Items < 2 && !run.IsCompleted) await Task.Delay(5);
            interrupt.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
            long saved = Directory.GetFiles(_work, "*.bin", SearchOption.AllDirectories).Length;
            Assert.InRange(saved, 2, first.Progress.ItemsTotal - 1);

            var (outcomes, report) = await new ClusterRunner(cluster.Client, settings).RunAsync(jobs);
            AssertSameAsLocal(jobs, outcomes);
            Assert.Equal(saved, report.FromCheckpoint);
            Assert.Equal(report.Items - report.FromCheckpoint, report.Workers.Sum(w => w.Items));
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task AWorkerOfAnotherVersionRefusesAndTheRunSaysSo()
    {
        var cluster = await TestClusters.StartAsync(1);
        try
        {
            var reply = await cluster.Client.GetGrain<IShotWorkerGrain>("version-test").Run(new WorkItem("0.0.0 (build other)", "none", "", 0, 1));
            Assert.Equal(WorkStatus.VersionMismatch, reply.Status);
            Assert.Equal(ClusterVersion.Current, reply.Message);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }
}
