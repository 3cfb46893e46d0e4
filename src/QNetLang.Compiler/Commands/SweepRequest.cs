namespace QNetLang.Compiler.Commands;

/// <summary>One `qnlc sweep` invocation, as parsed from the command line.</summary>
public sealed record SweepRequest(
    string InputPath,
    IReadOnlyList<string> Settings,
    int Shots,
    long Seed,
    string OutputDirectory,
    bool Json,
    int? Threads,
    ClusterRequest? Cluster = null,
    string? Stream = null,
    double? StreamSeconds = null);
