
namespace QNetLang.Compiler.Commands;

/// <summary>One `qnlc check` or `qnlc build` invocation, as parsed from the command line.</summary>
public sealed record CompileRequest(
    string InputPath,
    string? NetworkFile,
    int? Qpus,
    int? QubitsPerQpu,
    long MaxOperations,
    int Seed,
    CompilerStage StopAfter,
    bool Dump,
    string? OutputDirectory,
    IReadOnlyList<string> Emit,
    bool RequireProgram,
    int QirVersion = 2,
    IReadOnlyList<string>? Inputs = null);
