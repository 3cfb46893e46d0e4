using QNetLang.LanguageServer.Analysis;
using QNetLang.LanguageServer.Features;
using QNetLang.LanguageServer.Protocol;
using StreamJsonRpc;

namespace QNetLang.LanguageServer.Worker;

/// <summary>
/// The analysis worker (<c>qnlc lsp --analysis-worker</c>): a process of its own in which the
/// language server analyses large documents, so that their garbage collections, which stop every
/// thread of the process they run in, never stop the server's analysis of other documents. It
/// answers <see cref="WorkerProtocol.AnalyzeMethod"/> on stdin/stdout, one request per document,
/// concurrently, and ends when its input closes (the server exited or let it go).
/// </summary>
public static class AnalysisWorker
{
    public static async Task<int> RunAsync(Stream input, Stream output, TextWriter log, CancellationToken cancellationToken = default)
    {
        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = ParameterReader.Options };
        using var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(output, input, formatter));
        rpc.AddLocalRpcTarget(new Target(), new JsonRpcTargetOptions { NotifyClientOfEvents = false });
        rpc.StartListening();
        try
        {
            await rpc.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return 1;
        }
        catch (Exception ex)
        {
            log.WriteLine($"qnlc lsp analysis worker: connection ended: {ex.GetBaseException().Message}");
            return 1;
        }
        return 0;
    }

    /// <summary>The text as the in-process analysis would see it, reduced to what publishing diagnostics needs.</summary>
    public static AnalyzeResponse Analyze(AnalyzeRequest request, CancellationToken cancellation)
    {
        var analysis = DocumentAnalyzer.Analyze(request.Uri, request.Path, request.Text, request.OpenFiles, cancellation);
        return new AnalyzeResponse(DiagnosticConverter.Convert(analysis), analysis.LoadedPaths.Order(StringComparer.Ordinal).ToList());
    }

    private sealed class Target
    {
        [JsonRpcMethod(WorkerProtocol.AnalyzeMethod, UseSingleObjectParameterDeserialization = true)]
        public Task<AnalyzeResponse> AnalyzeAsync(AnalyzeRequest request, CancellationToken cancellation) =>
            // Its own thread, so the connection keeps reading (a cancellation, another document) while it runs.
            Task.Factory.StartNew(() => Analyze(request, cancellation), cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }
}
