using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Simulation;

namespace QNetLang.Cluster.Client;

/// <summary>One run to do on the cluster: a program (of `qnlc run`, or one point of a sweep) and its options.</summary>
public sealed record ClusterJob(DistributedProgram Program, RunOptions Options);

/// <summary>A job's result, or the diagnostics of the limit it hit (the same a local run gives).</summary>
public sealed record JobOutcome(RunResult? Result, IReadOnlyList<Diagnostic> Problems);

/// <summary>What one worker did for a command: items run and the seconds it spent on them.</summary>
public sealed record WorkerUsage(string Worker, int Items, double Seconds);

/// <summary>How the cluster ran a command's work (for `--json`; the results never depend on it).</summary>
public sealed record ClusterRunReport(IReadOnlyList<WorkerUsage> Workers, int Items, int FromCheckpoint, int Retries, double WallSeconds);

/// <summary>Items and shots done so far, across the cluster (for the progress bars).</summary>
public sealed class ClusterProgress
{
    private long _items, _shots;

    public long ItemsTotal { get; internal set; }

    public long Items => Interlocked.Read(ref _items);

    public long Shots => Interlocked.Read(ref _shots);

    internal void Add(long shots)
    {
        Interlocked.Increment(ref _items);
        Interlocked.Add(ref _shots, shots);
    }
}

/// <summary>How a command uses the cluster.</summary>
public sealed record ClusterRunSettings
{
    /// <summary>The whole submission must finish within this (QN4404).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromHours(24);

    public CheckpointDirectory? Checkpoint { get; init; }

    /// <summary>
    /// Attempts per item before the command gives up (QN4405); a lost worker costs one or a few
    /// (with the back-off between them, ten attempts span about 35 s).
    /// </summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>An item keeps trying at least this long, whatever its attempts (see <see cref="MaxAttempts"/>).</summary>
    public TimeSpan RetryWindow { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>About this many shots per item: whole groups, at least one.</summary>
    public int ItemShots { get; init; } = 2048;

    /// <summary>An item not answered within this runs again elsewhere (its worker may hang or be cut off).</summary>
    public TimeSpan ItemTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>When no worker has answered for this long, the command stops (QN4402).</summary>
    public TimeSpan LostClusterAfter { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Items sent ahead per worker, so that none waits for the client between items.</summary>
    public int InFlightPerWorker { get; init; } = 4;
}
