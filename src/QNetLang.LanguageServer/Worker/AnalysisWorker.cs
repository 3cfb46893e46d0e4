using QNetLang.LanguageServer.Analysis;
using QNetLang.LanguageServer.Features;
using QNetLang.LanguageServer.Protocol;
using StreamJsonRpc;

namespace QNetLang.LanguageServer.Worker;

/// <summary>
/// The analysis worker (<c>qnlc lsp --analysis-worker</c>): a process of its own in which the
/// language server analyses large documents, so that their garbage collections, which stop every
/// thread of the process they run in, never stop the server's analysis of other documents. It
/// answers <see cref="WorkerProtocol"/> on stdin/stdout: the diagnostics of a document, and the
/// editor features of the documents it keeps analyses of, with the server's own feature code
/// (<see cref="LanguageFeatures"/>). Requests run concurrently; it ends when its input closes
/// (the server exited or let it go).
/// </summary>
public static class AnalysisWorker
{
    public static async Task<int> RunAsync(Stream input, Stream output, TextWriter log, CancellationToken cancellationToken = default)
    {
        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = ParameterReader.Options };
        using var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(output, input, formatter));
        rpc.AddLocalRpcTarget(new Target(new AnalysisCache()), new JsonRpcTargetOptions { NotifyClientOfEvents = false });
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

    private sealed class Target(AnalysisCache cache)
    {
        [JsonRpcMethod(WorkerProtocol.AnalyzeMethod, UseSingleObjectParameterDeserialization = true)]
        public async Task<AnalyzeResponse> AnalyzeAsync(WorkerDocument document, CancellationToken cancellation)
        {
            if (document.Text is null) throw new LocalRpcException("an analyze request needs the text") { ErrorCode = ParameterReader.InvalidParams };
            var (_, analysis) = await cache.AnalyzeAsync(document, cancellation).ConfigureAwait(false);
            // Reduced to what publishing diagnostics needs: the analysis itself stays here.
            return new AnalyzeResponse(DiagnosticConverter.Convert(analysis), analysis.LoadedPaths.Order(StringComparer.Ordinal).ToList());
        }

        [JsonRpcMethod(WorkerProtocol.FeatureMethod, UseSingleObjectParameterDeserialization = true)]
        public async Task<object?> AnswerAsync(FeatureRequest request, CancellationToken cancellation)
        {
            var analyses = await Task.WhenAll(request.Documents.Select(d => cache.AnalyzeAsync(d, cancellation))).ConfigureAwait(false);
            // Off the connection's thread: semantic tokens of a large document take a while.
            return await Task.Run(() => LanguageFeatures.Answer(request.Method, request.Parameters, new RequestAnalyses(analyses), cancellation), cancellation).ConfigureAwait(false);
        }

        [JsonRpcMethod(WorkerProtocol.CloseMethod, UseSingleObjectParameterDeserialization = true)]
        public void Close(CloseNotice notice) => cache.Close(notice.Uri);
    }

    /// <summary>The analyses a feature request named, in its order (the request's document first, the others as the server ordered them).</summary>
    private sealed class RequestAnalyses(IReadOnlyList<(OpenDocument Document, DocumentAnalysis Analysis)> analyses) : IDocumentAnalyses
    {
        public OpenDocument? Document(string uri) => Find(uri)?.Document;

        public DocumentAnalysis? Analysis(string uri, CancellationToken cancellation) => Find(uri)?.Analysis;

        public IReadOnlyList<(OpenDocument Document, DocumentAnalysis Analysis)>? All(string uri, CancellationToken cancellation) =>
            Find(uri) is { } first ? [first, .. analyses.Where(a => a.Document.Uri != uri)] : null;

        private (OpenDocument Document, DocumentAnalysis Analysis)? Find(string uri) =>
            analyses.FirstOrDefault(a => a.Document.Uri == uri) is { Document: not null } found ? found : null;
    }
}
