using QNetLang.Core;

namespace QNetLang.Cluster.Client;

/// <summary>The cluster cannot do the work (no Redis, no workers, another version, a timeout): carried to the command, which prints it.</summary>
public sealed class ClusterFailure(Diagnostic problem) : Exception(problem.Message)
{
    public Diagnostic Problem { get; } = problem;

    public static ClusterFailure Of(DiagnosticDescriptor descriptor, params object?[] args) => new(Worker.WorkerHost.Problem(descriptor, args));
}
