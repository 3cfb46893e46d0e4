using QNetLang.Simulation.Engines;

namespace QNetLang.Simulation;

/// <summary>How to run a program: shots, seed, engine and limits (`qnlc run` fills it from the command line).</summary>
public sealed record RunOptions
{
    public int Shots { get; init; } = 1000;

    public long Seed { get; init; }

    public EngineKind Engine { get; init; } = EngineKind.Auto;

    /// <summary>Most qubits the engine may hold at once; null: the engine's default (<see cref="EngineSelector.DefaultLimit"/>).</summary>
    public int? MaxQubits { get; init; }

    /// <summary>A shot that runs past this much simulated time stops the run with QN4105.</summary>
    public double MaxTimeSeconds { get; init; } = Ir.TimeLimits.DefaultMaxTimeSeconds;

    /// <summary>Threads for shots (results do not depend on it).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Counts finished shots while the run goes on (for a progress bar); may be null.</summary>
    public RunProgress? Progress { get; init; }

    /// <summary>Distil every end-to-end pair to a target fidelity (none by default).</summary>
    public Network.DistillationPolicy Distillation { get; init; } = Network.DistillationPolicy.None;

    /// <summary>
    /// Let the shots of the state-vector engines share the states of the operations they have in
    /// common (docs/simulator.md, "Shared branches"). The counts are distributed exactly as
    /// without; false gives the plain per-shot engine (tests and benchmarks compare the two).
    /// </summary>
    public bool ShareBranches { get; init; } = true;

    /// <summary>Keep the events of the first shot (for the timeline plot).</summary>
    public bool RecordTimeline { get; init; }

    /// <summary>Keep every shot's outcome and time (`qnlc run --records FILE.csv`).</summary>
    public bool RecordShots { get; init; }
}

/// <summary>A thread-safe counter of finished shots.</summary>
public sealed class RunProgress
{
    private long _done;

    public long Done => Interlocked.Read(ref _done);

    internal void Add(long shots) => Interlocked.Add(ref _done, shots);
}
