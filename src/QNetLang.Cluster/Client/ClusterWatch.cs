namespace QNetLang.Cluster.Client;

/// <summary>
/// Watches the cluster's membership while a command's items run. When a worker leaves, the
/// answers it owed will never come (Orleans would only time them out much later), so
/// <see cref="WorkerLost"/> fires and every unanswered item is sent again. When no worker has
/// answered for <c>lostAfter</c>, the cluster is gone and <see cref="Gone"/> completes.
/// </summary>
internal sealed class ClusterWatch(IClusterClient client, TimeSpan lostAfter) : IAsyncDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _gone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _loop;

    /// <summary>Completes when a worker leaves; a new task after each loss.</summary>
    public Task WorkerLost => Volatile.Read(ref _lost).Task;

    /// <summary>Completes when no worker has answered for the whole lost-after time.</summary>
    public Task Gone => _gone.Task;

    public int Workers { get; private set; }

    public async Task StartAsync(CancellationToken cancel)
    {
        var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(lostAfter, cancel);
        Workers = hosts.Count;
        _loop = Loop([.. hosts.Keys]);
    }

    private async Task Loop(HashSet<SiloAddress> known)
    {
        var lastContact = DateTime.UtcNow;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Period, _stop.Token);
                var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(3), _stop.Token);
                lastContact = DateTime.UtcNow;
                Workers = hosts.Count;
                bool newSuspect = await CheckEachWorker(hosts.Keys);
                if (newSuspect || known.Any(silo => !hosts.ContainsKey(silo)))
                {
                    var lost = Interlocked.Exchange(ref _lost, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                    lost.TrySetResult();
                }
                known = [.. hosts.Keys];
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // No gateway answered this time; the cluster is gone only when this lasts.
                if (DateTime.UtcNow - lastContact > lostAfter)
                {
                    _gone.TrySetResult();
                    return;
                }
            }
        }
    }

    /// <summary>Workers listed as active that did not answer the last check (addresses as Orleans writes them).</summary>
    public string Suspects => string.Join(';', _suspects.Keys);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _suspects = new();

    /// <summary>Asks every listed worker for its statistics; true when one stopped answering since the last check.</summary>
    private async Task<bool> CheckEachWorker(IEnumerable<SiloAddress> silos)
    {
        var management = client.GetGrain<IManagementGrain>(0);
        var answers = await Task.WhenAll(silos.Select(async silo =>
        {
            try
            {
                await management.GetRuntimeStatistics([silo]).WaitAsync(TimeSpan.FromSeconds(3), _stop.Token);
                return (Silo: silo.ToParsableString(), Alive: true);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !_stop.IsCancellationRequested)
            {
                return (Silo: silo.ToParsableString(), Alive: false);
            }
        }));
        bool newSuspect = false;
        foreach (var (silo, alive) in answers)
            if (alive) _suspects.TryRemove(silo, out _);
            else newSuspect |= _suspects.TryAdd(silo, true);
        foreach (string gone in _suspects.Keys.Except(answers.Select(a => a.Silo))) _suspects.TryRemove(gone, out _);
        return newSuspect;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_loop is not null) await _loop;
        _stop.Dispose();
    }
}
