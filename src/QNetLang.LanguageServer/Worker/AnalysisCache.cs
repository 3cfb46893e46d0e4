using QNetLang.LanguageServer.Analysis;
using StreamJsonRpc;

namespace QNetLang.LanguageServer.Worker;

/// <summary>
/// The analysis worker's analyses: the latest one per document (by the server's id), so that
/// the feature requests after an edit are answered from the analysis its diagnostics were
/// computed from, not from a new one each. Requests for the same analysis share it. An older
/// analysis still waited for runs on, but is not kept; an analysis nobody waits for any more
/// is cancelled before it finishes; a closed document's is dropped. So memory holds at most
/// one analysis per open document beyond those in use.
/// </summary>
public sealed class AnalysisCache
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _latest = new(StringComparer.Ordinal);

    /// <summary>
    /// The analysis <paramref name="document"/> names: the kept one with its id, else a new one
    /// of its text. Throws <see cref="LocalRpcException"/> with <see cref="WorkerProtocol.UnknownAnalysis"/>
    /// when it is not kept and the request has no text.
    /// </summary>
    public async Task<(OpenDocument Document, DocumentAnalysis Analysis)> AnalyzeAsync(WorkerDocument document, CancellationToken cancellation)
    {
        Entry entry;
        lock (_gate)
        {
            if (_latest.TryGetValue(document.Uri, out var kept) && kept.Id == document.Id)
            {
                entry = kept;
            }
            else
            {
                if (document.Text is null)
                    throw new LocalRpcException($"no analysis {document.Id} of {document.Uri} here") { ErrorCode = WorkerProtocol.UnknownAnalysis };
                entry = new Entry(document);
                // Requests may arrive out of order: an older text is analysed for whoever asked, not kept.
                if (kept is null || kept.Id < document.Id)
                {
                    _latest[document.Uri] = entry;
                    if (kept is not null) Unkeep(kept);
                }
                else
                {
                    entry.Kept = false;
                }
            }
            entry.Waiters++;
        }
        try
        {
            return (entry.Open, await entry.Analysis.WaitAsync(cancellation).ConfigureAwait(false));
        }
        finally
        {
            lock (_gate)
            {
                entry.Waiters--;
                if (entry.Waiters == 0 && !entry.Analysis.IsCompleted)
                {
                    // Nobody wants it any more (the text changed): stop it rather than finish it for nobody.
                    entry.Stop.Cancel();
                    if (entry.Kept && _latest.TryGetValue(document.Uri, out var current) && ReferenceEquals(current, entry)) _latest.Remove(document.Uri);
                }
            }
        }
    }

    /// <summary>Drops the document's analysis (it was closed).</summary>
    public void Close(string uri)
    {
        lock (_gate)
        {
            if (_latest.Remove(uri, out var kept)) Unkeep(kept);
        }
    }

    /// <summary>How many analyses are kept (tests check the bound).</summary>
    public int Count
    {
        get { lock (_gate) return _latest.Count; }
    }

    private static void Unkeep(Entry entry)
    {
        entry.Kept = false;
        if (entry.Waiters == 0 && !entry.Analysis.IsCompleted) entry.Stop.Cancel();
    }

    /// <summary>One analysis; <see cref="Waiters"/> and <see cref="Kept"/> are guarded by the cache's lock.</summary>
    private sealed class Entry
    {
        public Entry(WorkerDocument document)
        {
            Id = document.Id;
            Open = new OpenDocument(document.Uri, document.Path, document.Text!, document.Version);
            var openFiles = document.OpenFiles ?? new Dictionary<string, string>();
            // Its own thread, so the connection keeps reading (a cancellation, another document) while it runs.
            Analysis = Task.Factory.StartNew(() => DocumentAnalyzer.Analyze(Open.Uri, Open.Path, Open.Text, openFiles, Stop.Token),
                Stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        public long Id { get; }

        public OpenDocument Open { get; }

        public CancellationTokenSource Stop { get; } = new();

        public Task<DocumentAnalysis> Analysis { get; }

        public int Waiters;

        public bool Kept = true;
    }
}
