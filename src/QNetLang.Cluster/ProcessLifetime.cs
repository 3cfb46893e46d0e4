using Microsoft.Extensions.Hosting;

namespace QNetLang.Cluster;

/// <summary>
/// Leaves Ctrl+C and SIGTERM to the command: the default console lifetime would swallow them
/// to stop the Orleans host alone, and a `qnlc run --cluster` would not end when asked to.
/// </summary>
internal sealed class ProcessLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
