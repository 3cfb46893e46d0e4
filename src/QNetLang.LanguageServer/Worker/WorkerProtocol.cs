using System.Text.Json;
using QNetLang.LanguageServer.Protocol;

namespace QNetLang.LanguageServer.Worker;

/// <summary>
/// The analysis worker's methods, JSON-RPC over the worker's stdin and stdout.
/// <see cref="AnalyzeMethod"/> analyses a text as the file at <see cref="WorkerDocument.Path"/>,
/// with the other open buffers standing in for their files, keeps that analysis under the
/// server's id (the latest per document) and returns what publishing its diagnostics needs.
/// <see cref="FeatureMethod"/> answers an LSP feature request from kept analyses; a request
/// naming an analysis the worker does not have (it was restarted, or the analysis was dropped)
/// fails with <see cref="UnknownAnalysis"/>, and the server sends it again with the texts.
/// <see cref="CloseMethod"/> drops a closed document's analysis. Requests are cancelled with
/// <c>$/cancelRequest</c>.
/// </summary>
public static class WorkerProtocol
{
    public const string AnalyzeMethod = "analyze";
    public const string FeatureMethod = "feature";
    public const string CloseMethod = "close";

    /// <summary>JSON-RPC error code (implementation-defined server error range) of a feature request naming an analysis the worker does not keep.</summary>
    public const int UnknownAnalysis = -32050;
}

/// <summary>
/// One analysis of one document. <see cref="Text"/> and <see cref="OpenFiles"/> are required to
/// analyse; a feature request leaves them out to refer to an analysis the worker already keeps.
/// </summary>
/// <param name="Id">The server's id of this analysis; larger is newer.</param>
public sealed record WorkerDocument(long Id, string Uri, string Path, int Version, string? Text, IReadOnlyDictionary<string, string>? OpenFiles);

public sealed record AnalyzeResponse(IReadOnlyList<LspDiagnostic> Diagnostics, IReadOnlyList<string> LoadedPaths);

/// <summary>An LSP request (<see cref="Features.LanguageFeatures"/>) with its parameters as the client sent them, and the analyses to answer it from (the request's document first).</summary>
public sealed record FeatureRequest(string Method, JsonElement Parameters, IReadOnlyList<WorkerDocument> Documents);

public sealed record CloseNotice(string Uri);
