using QNetLang.Core;
using QNetLang.Ir;

namespace QNetLang.Distribution.Passes;

/// <summary>What passes share: options, the diagnostics, the statistics they measure, and the schedule.</summary>
public sealed class PassContext(DiagnosticBag diagnostics, int seed)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>Seed for every randomised choice (partitioning); same seed, same output.</summary>
    public int Seed { get; } = seed;

    /// <summary>The simulated-time limit of a later run: routes over slower links get a warning (QN3005).</summary>
    public double MaxTimeSeconds { get; init; } = TimeLimits.DefaultMaxTimeSeconds;

    /// <summary>Run <see cref="Ir.IrValidator"/> after every pass (tests turn this on).</summary>
    public bool ValidateAfterEachPass { get; init; }

    /// <summary>Statistics the passes fill in for report.json.</summary>
    public DistributionStatistics Statistics { get; } = new();

    /// <summary>
    /// After distribution: the qubit of the distributed circuit that holds each original qubit
    /// at the end of the program (teleports move a logical qubit to a new physical one).
    /// </summary>
    public IReadOnlyList<int>? FinalQubitOf { get; set; }

    /// <summary>The distributed program (per-node instruction streams), set by the schedule pass.</summary>
    public DistributedProgram? Program { get; set; }
}
