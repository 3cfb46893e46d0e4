using QNetLang.Semantics;

namespace QNetLang.Compiler;

/// <summary>Everything that steers one compilation (the CLI fills it from the command line).</summary>
public sealed record CompilationOptions
{
    /// <summary>The default cap on operations plus loop iterations (the semantic limits' value, restated for hosts that see only this façade).</summary>
    public const long DefaultMaxOperations = SemanticLimits.DefaultMaxOperations;

    /// <summary>The default simulated-time limit of a run, in seconds.</summary>
    public const double DefaultMaxTimeSeconds = Ir.TimeLimits.DefaultMaxTimeSeconds;

    public CompilerStage StopAfter { get; init; } = CompilerStage.Emit;

    /// <summary>Validate the IR after every distribution pass (tests turn this on).</summary>
    public bool ValidateAfterEachPass { get; init; }

    /// <summary>Cap on operations plus loop iterations produced by lowering.</summary>
    public long MaxOperations { get; init; } = DefaultMaxOperations;

    /// <summary>A .qn file whose network an OpenQASM circuit (or a .qn program) runs on.</summary>
    public string? NetworkFile { get; init; }

    /// <summary>For OpenQASM input: an all-to-all network of this many QPUs.</summary>
    public int? QpuCount { get; init; }

    /// <summary>Data qubits per QPU with <see cref="QpuCount"/>; default ⌊n/K⌋+1.</summary>
    public int? QubitsPerQpu { get; init; }

    /// <summary>Seed for every randomised decision (partitioning, simulation) in later stages.</summary>
    public int Seed { get; init; }

    /// <summary>The simulated-time limit of a run: a pair expected to take longer gets a warning (QN3005).</summary>
    public double MaxTimeSeconds { get; init; } = DefaultMaxTimeSeconds;

    /// <summary>`build` needs a program; `check` accepts a network-only file.</summary>
    public bool RequireProgram { get; init; } = true;

    /// <summary>
    /// Texts to use instead of the files on disk, keyed by full path (<see cref="Path.GetFullPath(string)"/>):
    /// an editor's unsaved buffers. Files not listed are read from disk as usual.
    /// </summary>
    public IReadOnlyDictionary<string, string>? SourceOverrides { get; init; }

    /// <summary>
    /// Checked between stages: an editor cancels the compilation of a buffer that has changed
    /// since, so stale work stops instead of delaying the next version.
    /// </summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Values that replace properties and constants of the source (`qnlc sweep --set`; <see cref="ParameterOverrides"/>).</summary>
    public IReadOnlyList<ParameterOverride> ParameterOverrides { get; init; } = [];
}
