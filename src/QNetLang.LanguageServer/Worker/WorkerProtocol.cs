using QNetLang.LanguageServer.Protocol;

namespace QNetLang.LanguageServer.Worker;

/// <summary>
/// The analysis worker's one method, JSON-RPC over the worker's stdin and stdout: analyse this
/// text as the file at <see cref="AnalyzeRequest.Path"/>, with the other open buffers standing in
/// for their files, and return what publishing its diagnostics needs. Cancelled with
/// <c>$/cancelRequest</c> when the text goes stale.
/// </summary>
public static class WorkerProtocol
{
    public const string AnalyzeMethod = "analyze";
}

public sealed record AnalyzeRequest(string Uri, string Path, string Text, IReadOnlyDictionary<string, string> OpenFiles);

public sealed record AnalyzeResponse(IReadOnlyList<LspDiagnostic> Diagnostics, IReadOnlyList<string> LoadedPaths);
