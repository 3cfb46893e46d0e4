namespace QNetLang.Compiler.Commands;

/// <summary>One `qnlc run` invocation, as parsed from the command line.</summary>
public sealed record RunRequest(
    string InputPath,
    string? NetworkFile,
    int? Qpus,
    int? QubitsPerQpu,
    long MaxOperations,
    int Shots,
    long Seed,
    bool Json,
    string Engine,
    int? MaxQubits,
    double MaxTimeSeconds,
    int? Threads,
    string? PlotDirectory,
    string? Stream,
    long? StreamPairs,
    double? StreamSeconds,
    string? Distill = null,
    double? TargetFidelity = null,
    string? Counts = null,
    string? RecordsPath = null,
    IReadOnlyList<string>? Inputs = null,
    ClusterRequest? Cluster = null);
