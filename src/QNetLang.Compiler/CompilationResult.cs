using QNetLang.Core;
using QNetLang.Distribution.Passes;
using QNetLang.Ir;
using QNetLang.Semantics;
using QNetLang.Syntax.Ast;

namespace QNetLang.Compiler;

/// <summary>What a compilation produced, stage by stage, and every diagnostic.</summary>
public sealed class CompilationResult
{
    public required DiagnosticBag Diagnostics { get; init; }

    /// <summary>The stage the compilation stopped after (the last one that ran without errors, or the requested stop).</summary>
    public CompilerStage ReachedStage { get; internal set; }

    /// <summary>The parsed input file (the first unit is the main file).</summary>
    public CompilationUnit? MainUnit { get; internal set; }

    public List<CompilationUnit> Units { get; } = new();

    public List<Network> Networks { get; } = new();

    public List<BoundProgram> BoundPrograms { get; } = new();

    /// <summary>Every declaration and resolved name of the networks and programs bound (each bound program's <see cref="BoundProgram.Symbols"/> is this table).</summary>
    public SymbolTable Symbols { get; } = new();

    /// <summary>The lowered circuits (one per program), before distribution.</summary>
    public List<Circuit> Circuits { get; } = new();

    /// <summary>The circuits after the distribution passes that ran, with what the passes measured and scheduled.</summary>
    public List<CompiledProgram> Distributed { get; } = new();

    /// <summary>Milliseconds spent in each stage that ran.</summary>
    public List<(CompilerStage Stage, double Milliseconds)> StageTimes { get; } = new();

    /// <summary>
    /// Milliseconds of every step that ran, in order and without gaps: parse, bind, lower, each
    /// distribution pass of each program, and "validate" (the IR checks and setup around the
    /// passes). Their sum is <see cref="CompileMilliseconds"/> up to the bookkeeping between steps.
    /// </summary>
    public List<(string Name, double Milliseconds)> Timings { get; } = new();

    /// <summary>Wall-clock milliseconds of the whole compilation (outputs not included: see <see cref="Emitters"/>).</summary>
    public double CompileMilliseconds { get; internal set; }

    public bool Success => !Diagnostics.HasErrors;
}

/// <summary>
/// One program after the distribution passes: the original circuit, the distributed circuit,
/// the pass context (statistics), and — once the schedule pass ran — the distributed program
/// that the simulator executes and the emitters write.
/// </summary>
public sealed record CompiledProgram(Circuit Original, Circuit Circuit, PassContext Context)
{
    public DistributedProgram? Program => Context.Program;
}
