using QNetLang.LanguageServer.Analysis;

namespace QNetLang.LanguageServer;

/// <summary>
/// The open documents and their analyses. Requests arrive on the thread pool, so the maps are
/// guarded by one lock; compilation runs outside it, one document's at a time per caller, so a
/// slow or blocked document never holds up another's. An analysis is kept until its document
/// changes or a file it loaded is opened, edited, closed or changed on disk; a discarded
/// analysis that is still running is cancelled. Large documents are analysed in another
/// process (<see cref="LargeDocuments"/>), for their diagnostics and their editor features
/// alike; they are never analysed in this one.
/// </summary>
public sealed class Workspace
{
    private readonly object _gate = new();
    private readonly Dictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal);
    /// <summary>Analyses by URI; every open document's last one stays here until it goes stale, so dependents can be found.</summary>
    private readonly Dictionary<string, Pending<DocumentAnalysis>> _analyses = new(StringComparer.Ordinal);
    /// <summary>The analysis worker's analyses (of large documents, and of every document a cross-file request needed there), by URI, kept like <see cref="_analyses"/>.</summary>
    private readonly Dictionary<string, Pending<RemoteAnalysis>> _remote = new(StringComparer.Ordinal);
    private readonly DocumentAnalyzerFunction _analyze;
    private readonly LargeDocuments? _large;

    /// <summary>How a document is analysed; tests substitute one that blocks to show independence.</summary>
    public delegate DocumentAnalysis DocumentAnalyzerFunction(OpenDocument document, IReadOnlyDictionary<string, string> openFiles, CancellationToken cancellation);

    /// <summary>Documents of at least <paramref name="MinimumLength"/> characters are analysed by <paramref name="Analyzer"/>.</summary>
    public sealed record LargeDocuments(int MinimumLength, IRemoteAnalyzer Analyzer);

    /// <param name="analyze">The in-process analysis (diagnostics and editor features of small documents).</param>
    /// <param name="large">Where large documents are analysed; null analyses every document in-process.</param>
    public Workspace(DocumentAnalyzerFunction? analyze = null, LargeDocuments? large = null)
    {
        _analyze = analyze ?? ((document, others, cancellation) => DocumentAnalyzer.Analyze(document.Uri, document.Path, document.Text, others, cancellation));
        _large = large;
    }

    public OpenDocument? Get(string uri)
    {
        lock (_gate) return _documents.GetValueOrDefault(uri);
    }

    /// <summary>Opens (or reopens) a document; returns the open documents to analyse again: it and those that include its file.</summary>
    public IReadOnlyList<string> Open(string uri, string text, int version)
    {
        lock (_gate)
        {
            var document = new OpenDocument(uri, FullPath(DocumentUri.ToPath(uri)), text, version);
            _documents[uri] = document;
            return DiscardWithDependents(uri, document.Path);
        }
    }

    /// <summary>
    /// Replaces the text. Returns the open documents to analyse again (it and those that include
    /// it), or null for a document that is not open or a version older than the one held
    /// (notifications may be handled out of order on the thread pool).
    /// </summary>
    public IReadOnlyList<string>? Change(string uri, string text, int version) => Edit(uri, version, _ => text);

    /// <summary>Applies an edit to the held text (incremental sync); same rules as <see cref="Change"/>.</summary>
    public IReadOnlyList<string>? Edit(string uri, int version, Func<string, string> edit)
    {
        lock (_gate)
        {
            if (!_documents.TryGetValue(uri, out var current) || version < current.Version) return null;
            _documents[uri] = current with { Text = edit(current.Text), Version = version };
            return DiscardWithDependents(uri, current.Path);
        }
    }

    /// <summary>Closes a document; returns null when it was not open, else the documents to analyse again (it, to clear its diagnostics, and those that include it).</summary>
    public IReadOnlyList<string>? Close(string uri)
    {
        IReadOnlyList<string> affected;
        lock (_gate)
        {
            if (!_documents.Remove(uri, out var closed)) return null;
            affected = DiscardWithDependents(uri, closed.Path);
        }
        // Outside the lock: telling the worker writes to its pipe.
        _large?.Analyzer.Forget(uri);
        return affected;
    }

    /// <summary>A file changed on disk (a watched include): analyses that loaded it are out of date.</summary>
    public IReadOnlyList<string> FileChanged(string path)
    {
        lock (_gate)
        {
            var dependents = DependentsLocked(FullPath(path)).ToList();
            foreach (string dependent in dependents) Discard(dependent);
            return dependents;
        }
    }

    /// <summary>The open documents.</summary>
    public IReadOnlyList<OpenDocument> Documents
    {
        get { lock (_gate) return _documents.Values.ToList(); }
    }

    /// <summary>
    /// The analysis of the current text (computed once per change), or null when the document is
    /// not open. Throws <see cref="OperationCanceledException"/> only for the caller's own token.
    /// </summary>
    public (OpenDocument Document, DocumentAnalysis Analysis)? Analyze(string uri, CancellationToken cancellation = default) =>
        WaitForAsync(_analyses, uri, StartInProcess, a => a.LoadedPaths, cancellation).GetAwaiter().GetResult();

    /// <summary>
    /// The diagnostics of the current text, or null when the document is not open. A large
    /// document (<see cref="IsLarge"/>) is analysed by the worker (its garbage collections then
    /// pause another process, not this one); the others come from the same in-process analysis
    /// the editor features use.
    /// </summary>
    public async Task<(OpenDocument Document, DocumentDiagnostics Diagnostics)?> DiagnoseAsync(string uri, CancellationToken cancellation = default)
    {
        if (Get(uri) is not { } document) return null;
        if (IsLarge(document)) return await RemoteAnalysisAsync(uri, cancellation).ConfigureAwait(false) is { } remote ? (remote.Document, remote.Diagnostics) : null;
        var analysed = await WaitForAsync(_analyses, uri, StartInProcess, a => a.LoadedPaths, cancellation).ConfigureAwait(false);
        return analysed is var (current, analysis) ? (current, DocumentDiagnostics.From(analysis)) : null;
    }

    /// <summary>Whether the document is analysed by the worker (there is one, and the text is at least its threshold long).</summary>
    public bool IsLarge(OpenDocument document) => _large is { } large && document.Text.Length >= large.MinimumLength;

    /// <summary>
    /// The worker's analysis of the current text (made once per change, like <see cref="Analyze"/>),
    /// or null when the document is not open or there is no worker. Small documents too: a
    /// cross-file request that involves a large document is answered in the worker from every
    /// open document's analysis there.
    /// </summary>
    public async Task<RemoteAnalysis?> RemoteAnalysisAsync(string uri, CancellationToken cancellation = default)
    {
        if (_large is not { } large) return null;
        // Started off the workspace's lock: sending a large text to the worker (or starting
        // the worker) must not hold up other documents' edits.
        var analysed = await WaitForAsync(_remote, uri, (d, others, token) => Task.Run(() => large.Analyzer.AnalyzeAsync(d, others, token), token),
            r => r.Diagnostics.LoadedPaths, cancellation).ConfigureAwait(false);
        return analysed?.Result;
    }

    /// <summary>The open documents other than <paramref name="uri"/>, in the order cross-file requests read them (by URI).</summary>
    public static IEnumerable<string> OthersInOrder(IEnumerable<OpenDocument> documents, string uri) =>
        documents.Select(d => d.Uri).Where(u => u != uri).Order(StringComparer.Ordinal);

    private Task<DocumentAnalysis> StartInProcess(OpenDocument document, IReadOnlyDictionary<string, string> others, CancellationToken token) =>
        // A dedicated thread, not a pool thread: an analysis blocks its thread while it runs
        // (on a large stack, see LargeStack), and a few long analyses holding pool threads
        // would make every other document's analysis wait for the pool to grow (~0.5 s a thread).
        Task.Factory.StartNew(() => _analyze(document, others, token), token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// The result of one kind of analysis of the current text: the running or finished one, or
    /// a new one. Redone when it went stale while waited for, or when a file it loaded changed
    /// while it ran.
    /// </summary>
    private async Task<(OpenDocument Document, T Result)?> WaitForAsync<T>(
        Dictionary<string, Pending<T>> pendings, string uri, StartFunction<T> start, Func<T, IReadOnlySet<string>> loadedPaths, CancellationToken cancellation)
    {
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            Pending<T> pending;
            lock (_gate)
            {
                if (!_documents.TryGetValue(uri, out var document)) return null;
                if (!pendings.TryGetValue(uri, out pending!))
                {
                    var others = _documents.Values.Where(d => d.Uri != uri).GroupBy(d => d.Path)
                        .ToDictionary(g => g.Key, g => g.First().Text, StringComparer.Ordinal);
                    pending = new Pending<T>(document, token => start(document, others, token), loadedPaths);
                    pendings[uri] = pending;
                }
            }
            T result;
            try
            {
                result = await pending.Result.WaitAsync(cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                // That analysis went stale and was cancelled; the next turn starts the current one.
                continue;
            }
            lock (_gate)
            {
                // A file it turned out to load changed while it ran: analyse again.
                if (!pending.ChangedWhileRunning.Overlaps(loadedPaths(result))) return (pending.Document, result);
                if (pendings.TryGetValue(uri, out var current) && ReferenceEquals(current, pending)) pendings.Remove(uri);
            }
        }
    }

    /// <summary>
    /// Open documents whose finished analysis loaded <paramref name="path"/>. A running analysis
    /// is not stopped for a file it may never load (that would restart a slow document at every
    /// keystroke in another); it notes the change and is redone if it did load that file.
    /// </summary>
    private List<string> DependentsLocked(string path)
    {
        var dependents = new List<string>();
        foreach (var (uri, analysis) in _analyses.Select(a => (a.Key, (Pending)a.Value)).Concat(_remote.Select(d => (d.Key, (Pending)d.Value))))
        {
            if (analysis.FinishedLoadedPaths is { } loaded)
            {
                if (loaded.Contains(path) && !dependents.Contains(uri)) dependents.Add(uri);
            }
            else
            {
                analysis.ChangedWhileRunning.Add(path);
            }
        }
        return dependents;
    }

    private void Discard(string uri)
    {
        if (_analyses.Remove(uri, out var stale)) stale.Cancel();
        if (_remote.Remove(uri, out var staleRemote)) staleRemote.Cancel();
    }

    private List<string> DiscardWithDependents(string uri, string path)
    {
        var affected = DependentsLocked(path).Where(d => d != uri).Prepend(uri).ToList();
        foreach (string stale in affected) Discard(stale);
        return affected;
    }

    private static string FullPath(string path)
    {
        try { return Path.GetFullPath(path); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException) { return path; }
    }

    private delegate Task<T> StartFunction<T>(OpenDocument document, IReadOnlyDictionary<string, string> others, CancellationToken cancellation);

    /// <summary>One analysis, started when first asked for, cancelled when it goes stale.</summary>
    private abstract class Pending(OpenDocument document)
    {
        private readonly CancellationTokenSource _stale = new();

        public OpenDocument Document { get; } = document;

        protected CancellationToken Token => _stale.Token;

        public void Cancel() => _stale.Cancel();

        /// <summary>The files the analysis loaded once it has finished; null while it runs (or if it failed).</summary>
        public abstract IReadOnlySet<string>? FinishedLoadedPaths { get; }

        /// <summary>Files opened, edited or closed while this ran (guarded by the workspace's lock).</summary>
        public HashSet<string> ChangedWhileRunning { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Pending<T> : Pending
    {
        private readonly Func<T, IReadOnlySet<string>> _loadedPaths;

        public Pending(OpenDocument document, Func<CancellationToken, Task<T>> start, Func<T, IReadOnlySet<string>> loadedPaths) : base(document)
        {
            _loadedPaths = loadedPaths;
            Result = start(Token);
        }

        public Task<T> Result { get; }

        public override IReadOnlySet<string>? FinishedLoadedPaths => Result.IsCompletedSuccessfully ? _loadedPaths(Result.Result) : null;
    }
}
