using QNetLang.LanguageServer.Protocol;

namespace QNetLang.LanguageServer;

/// <summary>
/// Analyses changed documents in the background and publishes their diagnostics. Each document
/// has its own worker, so a slow or blocked document never delays another's diagnostics.
/// Within a document, requests that pile up while an analysis runs are merged (typing fast
/// analyses the latest text once), the stale analysis is cancelled by the <see cref="Workspace"/>,
/// and because one worker publishes per document, its diagnostics arrive in order and a closed
/// document's are cleared last.
/// </summary>
public sealed class DiagnosticsPublisher(Workspace workspace, Func<PublishDiagnosticsParams, Task> publish, TextWriter log)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Worker> _workers = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationToken _stopping;
    private bool _complete;

    /// <summary>Asks for the document's diagnostics to be (re)published, or cleared if it is closed by then.</summary>
    public void Schedule(string uri)
    {
        lock (_gate)
        {
            if (_complete) return;
            if (!_workers.TryGetValue(uri, out var worker))
            {
                worker = new Worker();
                _workers[uri] = worker;
            }
            worker.Pending = true;
            if (worker.Running is { IsCompleted: false }) return; // It will see Pending when it finishes.
            worker.Running = Task.Run(() => RunWorkerAsync(uri, worker));
        }
    }

    /// <summary>No more documents are scheduled; <see cref="RunAsync"/> ends once the running ones are done.</summary>
    public void Complete()
    {
        lock (_gate) _complete = true;
        _completed.TrySetResult();
    }

    /// <summary>Runs until <see cref="Complete"/> (then waits for the workers) or until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        lock (_gate) _stopping = cancellationToken;
        try
        {
            await _completed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The session is over; workers notice the token and stop.
        }
        Task[] running;
        lock (_gate) running = _workers.Values.Select(w => w.Running).OfType<Task>().ToArray();
        try
        {
            await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A document whose analysis is stuck must not keep the process alive after exit.
            log.WriteLine("qnlc lsp: an analysis was still running at exit");
        }
    }

    private async Task RunWorkerAsync(string uri, Worker worker)
    {
        while (true)
        {
            CancellationToken stopping;
            lock (_gate)
            {
                if (!worker.Pending || _stopping.IsCancellationRequested) return;
                worker.Pending = false;
                stopping = _stopping;
            }
            await PublishAsync(uri, stopping).ConfigureAwait(false);
        }
    }

    private async Task PublishAsync(string uri, CancellationToken stopping)
    {
        try
        {
            if (await workspace.DiagnoseAsync(uri, stopping).ConfigureAwait(false) is not { } current)
            {
                await publish(new PublishDiagnosticsParams(uri, null, [])).ConfigureAwait(false);
                return;
            }
            // A newer version is already queued: publishing this one would only flicker.
            if (workspace.Get(uri)?.Version != current.Document.Version) return;
            await publish(new PublishDiagnosticsParams(uri, current.Document.Version, current.Diagnostics.Diagnostics)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The session is ending.
        }
        catch (Exception ex)
        {
            // One document's failure (or a client that went away) must not stop its worker.
            log.WriteLine($"qnlc lsp: could not publish diagnostics for {uri}: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>One document's publishing loop; fields are guarded by the publisher's lock.</summary>
    private sealed class Worker
    {
        public bool Pending;
        public Task? Running;
    }
}
