using System.Text.Json;

namespace QNetLang.LanguageServer.Analysis;

/// <summary>Analyses documents in another process and answers editor requests from those analyses (the analysis worker).</summary>
public interface IRemoteAnalyzer
{
    /// <summary>Analyses the text there (the analysis stays there) and returns its diagnostics. Throws <see cref="OperationCanceledException"/> for the caller's token.</summary>
    Task<RemoteAnalysis> AnalyzeAsync(OpenDocument document, IReadOnlyDictionary<string, string> openFiles, CancellationToken cancellation);

    /// <summary>
    /// The answer to an LSP feature request (<see cref="Features.LanguageFeatures"/>) as the
    /// in-process providers would give it from these analyses, the request's document first.
    /// Failures come back as <see cref="StreamJsonRpc.LocalRpcException"/>, to be passed to the client.
    /// </summary>
    Task<JsonElement?> AnswerAsync(string method, JsonElement parameters, IReadOnlyList<RemoteAnalysis> documents, CancellationToken cancellation);

    /// <summary>The document was closed: the worker can drop what it keeps of it.</summary>
    void Forget(string uri);
}
