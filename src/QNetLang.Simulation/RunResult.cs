using QNetLang.Simulation.Engines;
using QNetLang.Simulation.Execution;
using QNetLang.Simulation.Figures;

namespace QNetLang.Simulation;

/// <summary>Statistics of the end-to-end pairs shared by one pair of nodes, over all shots (docs/simulator.md §14).</summary>
public sealed record PairStatistics(string NodeA, string NodeB, long Count, double MeanFidelity, double MeanWaitPs, double MeanAttempts)
{
    /// <summary>The route the compiler gave these pairs, from <see cref="NodeA"/> to <see cref="NodeB"/>.</summary>
    public IReadOnlyList<string> Route { get; init; } = [];

    /// <summary>How the pairs were distilled; null when they were not.</summary>
    public DistillationStatistics? Distillation { get; init; }
}

/// <summary>
/// Distillation of the pairs between two nodes: the protocol and target, the mean recurrence
/// rounds (levels) of a delivered pair, the raw end-to-end pairs made per delivered pair, and the
/// fraction of distillation rounds that passed (NaN when no round was needed) out of all
/// <see cref="RoundsTried"/>.
/// </summary>
public sealed record DistillationStatistics(string Protocol, double TargetFidelity, double Rounds, double RawPairsPerPair, double SuccessProbability, long RoundsTried);

/// <summary>
/// What `qnlc run` reports: the counts histogram (bit strings with c[0] rightmost), ebits and
/// simulated time per shot, per-pair statistics, and which engine ran.
/// </summary>
public sealed record RunResult
{
    public required string Program { get; init; }
    public required string Network { get; init; }
    public required int Shots { get; init; }
    public required long Seed { get; init; }
    public required EngineKind Engine { get; init; }
    /// <summary>Register names with their sizes, in the order they appear in a count key (left to right).</summary>
    public required IReadOnlyList<(string Name, int Size)> Registers { get; init; }
    public required SortedDictionary<string, long> Counts { get; init; }
    /// <summary>End-to-end pairs consumed per shot (epr and teleport), averaged over shots.</summary>
    public required double Ebits { get; init; }
    public required double MeanTimePs { get; init; }
    /// <summary>
    /// Mean time from one shot's start to the next's: the shot's time, or shorter when sends over
    /// links with a rate pipeline the shots behind their sources. <c>shot_time</c> in figures.
    /// </summary>
    public double MeanPeriodPs { get; init; }
    public required IReadOnlyList<PairStatistics> Pairs { get; init; }
    /// <summary>The program's figures of merit with their standard errors, in declaration order.</summary>
    public IReadOnlyList<FigureValue> Figures { get; init; } = [];
    /// <summary>Things a reader should know about how this run was simulated (approximations in use).</summary>
    public required IReadOnlyList<string> Notes { get; init; }
    /// <summary>Events of the first shot, when asked for.</summary>
    public IReadOnlyList<TimelineEntry>? Timeline { get; init; }
    /// <summary>Every shot in order, when asked for (<see cref="RunOptions.RecordShots"/>).</summary>
    public IReadOnlyList<ShotRecord>? Records { get; init; }
    public double WallSeconds { get; init; }
}
