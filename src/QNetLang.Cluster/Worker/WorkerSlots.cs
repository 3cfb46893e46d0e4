namespace QNetLang.Cluster.Worker;

/// <summary>
/// How many items a worker runs at once (one per thread it was given): items the client sends
/// beyond that wait here, so a busy worker never oversubscribes its cores.
/// </summary>
public sealed class WorkerSlots(int threads)
{
    public int Threads { get; } = Math.Max(1, threads);

    public SemaphoreSlim Gate { get; } = new(Math.Max(1, threads));
}
