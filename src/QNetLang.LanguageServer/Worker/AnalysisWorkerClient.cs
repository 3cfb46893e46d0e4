using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using QNetLang.LanguageServer.Analysis;
using QNetLang.LanguageServer.Features;
using QNetLang.LanguageServer.Protocol;
using StreamJsonRpc;

namespace QNetLang.LanguageServer.Worker;

/// <summary>
/// The server's side of the analysis worker: one long-lived child process, started at the first
/// large document and started again whenever it has died. A request the worker dies under is
/// sent once more to a new worker; if that one dies too, the document gets an internal-error
/// diagnostic, or the feature request an internal error, instead (the text itself probably
/// kills the compiler, and a third process would only die the same way).
/// </summary>
public sealed class AnalysisWorkerClient(AnalysisWorkerLaunch launch, TextWriter log) : IRemoteAnalyzer, IAsyncDisposable
{
    private const int Attempts = 2;

    private readonly object _gate = new();
    private Connection? _connection;
    private int _started;
    private long _lastId;
    private bool _disposed;

    /// <summary>How many worker processes have been started (tests check restarts).</summary>
    public int StartedCount => Volatile.Read(ref _started);

    /// <summary>The running worker's process id, or null when none runs.</summary>
    public int? ProcessId
    {
        get { lock (_gate) return _connection is { Alive: true } c ? c.Process.Id : null; }
    }

    /// <summary>The document's diagnostics as the worker computed them. Throws <see cref="OperationCanceledException"/> for the caller's token.</summary>
    public async Task<DocumentDiagnostics> DiagnoseAsync(OpenDocument document, IReadOnlyDictionary<string, string> openFiles, CancellationToken cancellation) =>
        (await AnalyzeAsync(document, openFiles, cancellation).ConfigureAwait(false)).Diagnostics;

    public async Task<RemoteAnalysis> AnalyzeAsync(OpenDocument document, IReadOnlyDictionary<string, string> openFiles, CancellationToken cancellation)
    {
        long id = Interlocked.Increment(ref _lastId);
        var request = new WorkerDocument(id, document.Uri, document.Path, document.Version, document.Text, openFiles);
        for (int attempt = 1; ; attempt++)
        {
            cancellation.ThrowIfCancellationRequested();
            var connection = Connect();
            try
            {
                var response = await connection.Rpc.InvokeWithParameterObjectAsync<AnalyzeResponse>(WorkerProtocol.AnalyzeMethod, request, cancellation).ConfigureAwait(false);
                return new RemoteAnalysis(id, document, openFiles, new DocumentDiagnostics(response.Diagnostics, new HashSet<string>(response.LoadedPaths, StringComparer.Ordinal)), null);
            }
            catch (Exception ex) when (!cancellation.IsCancellationRequested && ex is ConnectionLostException or IOException or ObjectDisposedException or RemoteInvocationException)
            {
                string reason = Forget(connection, ex);
                log.WriteLine($"qnlc lsp: the analysis worker failed on {document.Uri} ({reason}){(attempt < Attempts ? "; starting a new one" : "")}");
                if (attempt == Attempts)
                {
                    string failure = $"the analysis worker failed twice on this document ({reason})";
                    return new RemoteAnalysis(id, document, openFiles, new DocumentDiagnostics([DiagnosticConverter.InternalError(failure)], new HashSet<string>()), failure);
                }
            }
        }
    }

    public async Task<JsonElement?> AnswerAsync(string method, JsonElement parameters, IReadOnlyList<RemoteAnalysis> documents, CancellationToken cancellation)
    {
        // The worker failed twice on one of them already: a third try would only fail the same way.
        if (documents.FirstOrDefault(d => d.Failure is not null) is { } failed)
            throw new LocalRpcException($"{failed.Document.Uri}: {failed.Failure}") { ErrorCode = InternalError };
        bool withTexts = false;
        for (int attempt = 1; ; )
        {
            cancellation.ThrowIfCancellationRequested();
            // Names the analyses the worker keeps; only when it no longer has one are the texts sent again.
            var request = new FeatureRequest(method, parameters, documents.Select(d => new WorkerDocument(
                d.Id, d.Document.Uri, d.Document.Path, d.Document.Version, withTexts ? d.Document.Text : null, withTexts ? d.OpenFiles : null)).ToList());
            var connection = Connect();
            try
            {
                return await connection.Rpc.InvokeWithParameterObjectAsync<JsonElement?>(WorkerProtocol.FeatureMethod, request, cancellation).ConfigureAwait(false);
            }
            catch (RemoteInvocationException ex) when (!cancellation.IsCancellationRequested && ex.ErrorCode == WorkerProtocol.UnknownAnalysis && !withTexts)
            {
                withTexts = true;
            }
            catch (RemoteInvocationException ex) when (!cancellation.IsCancellationRequested)
            {
                // The feature's own answer (a refused rename, invalid parameters, a provider's failure): the client gets it as the in-process path would give it.
                throw new LocalRpcException(ex.Message) { ErrorCode = ex.ErrorCode };
            }
            catch (RemoteMethodNotFoundException ex) when (!cancellation.IsCancellationRequested)
            {
                // StreamJsonRpc reports "invalid params" as this: the parameters were the client's, so is the error.
                throw new LocalRpcException(ex.Message) { ErrorCode = (int)ex.ErrorCode };
            }
            catch (Exception ex) when (!cancellation.IsCancellationRequested && ex is ConnectionLostException or IOException or ObjectDisposedException)
            {
                string reason = Forget(connection, ex);
                log.WriteLine($"qnlc lsp: the analysis worker failed on {method} for {documents[0].Document.Uri} ({reason}){(attempt < Attempts ? "; starting a new one" : "")}");
                if (attempt++ == Attempts)
                    throw new LocalRpcException($"the analysis worker failed twice on this request ({reason})") { ErrorCode = InternalError };
                withTexts = true; // A new worker keeps nothing.
            }
        }
    }

    public void Forget(string uri)
    {
        Connection? connection;
        lock (_gate) connection = _connection is { Alive: true } alive ? alive : null;
        // Not worth starting a worker for: a new one keeps nothing anyway.
        if (connection is null) return;
        _ = connection.Rpc.NotifyWithParameterObjectAsync(WorkerProtocol.CloseMethod, new CloseNotice(uri)).ContinueWith(
            t => log.WriteLine($"qnlc lsp: could not tell the analysis worker that {uri} closed: {t.Exception?.GetBaseException().Message}"),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>JSON-RPC's internal error.</summary>
    private const int InternalError = -32603;

    public async ValueTask DisposeAsync()
    {
        Connection? connection;
        lock (_gate)
        {
            _disposed = true;
            connection = _connection;
            _connection = null;
        }
        if (connection is not null) await connection.StopAsync().ConfigureAwait(false);
    }

    private Connection Connect()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is { Alive: true } alive) return alive;
            _connection?.Kill();
            _connection = Connection.Start(launch);
            Interlocked.Increment(ref _started);
            return _connection;
        }
    }

    /// <summary>Drops a connection that failed (a later request starts a new worker); returns why it failed.</summary>
    private string Forget(Connection connection, Exception failure)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_connection, connection)) _connection = null;
        }
        connection.Kill();
        return connection.Process.WaitForExit(1000) ? $"exit code {connection.Process.ExitCode}" : failure.GetBaseException().Message;
    }

    private sealed class Connection(Process process, JsonRpc rpc)
    {
        public Process Process { get; } = process;

        public JsonRpc Rpc { get; } = rpc;

        public bool Alive => !Rpc.IsDisposed && !Rpc.Completion.IsCompleted && !Process.HasExited;

        public static Connection Start(AnalysisWorkerLaunch launch)
        {
            var start = new ProcessStartInfo(launch.FileName)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                // Its stderr is the server's: the editor shows both in the same output panel.
                RedirectStandardError = false,
                UseShellExecute = false,
            };
            foreach (string argument in launch.Arguments) start.ArgumentList.Add(argument);
            var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {launch.FileName}");
            try
            {
                // The server's own work (small documents, requests) comes first on a busy machine.
                process.PriorityClass = ProcessPriorityClass.BelowNormal;
            }
            catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or PlatformNotSupportedException)
            {
                // Not allowed here: the worker runs at the server's priority.
            }
            var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = ParameterReader.Options };
            var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, formatter));
            rpc.StartListening();
            return new Connection(process, rpc);
        }

        public void Kill()
        {
            Rpc.Dispose();
            try
            {
                if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            }
            catch (Exception ex) when (ex is InvalidOperationException or Win32Exception)
            {
                // It exited meanwhile.
            }
        }

        /// <summary>Closes its input, which ends it; kills it if it is still busy after a moment.</summary>
        public async Task StopAsync()
        {
            Rpc.Dispose();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await Process.WaitForExitAsync(patience.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Kill();
            }
            Process.Dispose();
        }
    }
}
