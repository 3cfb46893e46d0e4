using System.Reflection;
using System.Runtime;
using QNetLang.LanguageServer.Protocol;
using QNetLang.LanguageServer.Worker;
using StreamJsonRpc;

namespace QNetLang.LanguageServer;

/// <summary>
/// Entry point of the language server (<c>qnlc lsp</c>): LSP over a pair of streams
/// (stdin/stdout in production, in-memory pipes in tests) until the client sends <c>exit</c>
/// or closes the input.
/// </summary>
public static class LspServer
{
    /// <summary>Runs one session; returns the process exit code (0 after shutdown + exit, 1 otherwise).</summary>
    /// <param name="input">Messages from the client.</param>
    /// <param name="output">Messages to the client; nothing else may write to it.</param>
    /// <param name="log">Where problems are logged (stderr: the client shows it in its output panel).</param>
    public static Task<int> RunAsync(Stream input, Stream output, TextWriter log, CancellationToken cancellationToken = default) =>
        RunAsync(input, output, log, analyze: null, cancellationToken);

    /// <summary>Runs one session with another way of analysing documents (tests use one that can be held up).</summary>
    public static Task<int> RunAsync(Stream input, Stream output, TextWriter log, Workspace.DocumentAnalyzerFunction? analyze, CancellationToken cancellationToken = default) =>
        RunAsync(input, output, log, new LspServerOptions { Analyze = analyze }, cancellationToken);

    /// <summary>Runs one session; with <see cref="LspServerOptions.AnalysisWorker"/>, large documents are analysed in a worker process.</summary>
    public static async Task<int> RunAsync(Stream input, Stream output, TextWriter log, LspServerOptions options, CancellationToken cancellationToken = default)
    {
        var formatter = new SystemTextJsonFormatter
        {
            JsonSerializerOptions = ParameterReader.Options,
        };
        var handler = new LspMessageHandler(output, input, formatter, log);
        using var rpc = new JsonRpc(handler);
        await using var worker = options.AnalysisWorker is { } launch ? new AnalysisWorkerClient(launch, log) : null;
        var workspace = new Workspace(options.Analyze, worker is null ? null : new Workspace.LargeDocuments(options.LargeDocumentLength, worker));
        var diagnostics = new DiagnosticsPublisher(workspace, p => rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", p), log);
        var target = new LanguageServerTarget(workspace, diagnostics, worker is null ? null : new RemoteFeatures(workspace, worker), Version);
        rpc.AddLocalRpcTarget(target, new JsonRpcTargetOptions { NotifyClientOfEvents = false });

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var publishing = diagnostics.RunAsync(stop.Token);
        // A large document's analysis fills the heap with parse trees that all survive, and
        // every collection pauses every document's analysis: no blocking full collections while
        // the server runs (background ones still reclaim memory), so one document's garbage
        // never holds up another's diagnostics for the length of a full compaction. (With the
        // analysis worker, large documents are analysed in another process, for diagnostics and
        // editor features alike, and only small ones here.)
        var latency = GCSettings.LatencyMode;
        GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
        rpc.StartListening();

        var finished = await Task.WhenAny(target.Exited, rpc.Completion, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
        int exitCode = finished == target.Exited ? await target.Exited.ConfigureAwait(false) : 1;
        if (finished == rpc.Completion && rpc.Completion.Exception is { } failure)
            log.WriteLine($"qnlc lsp: connection ended: {failure.GetBaseException().Message}");

        diagnostics.Complete();
        await stop.CancelAsync().ConfigureAwait(false);
        await publishing.ConfigureAwait(false);
        GCSettings.LatencyMode = latency;
        return exitCode;
    }

    private static string Version =>
        typeof(LspServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
