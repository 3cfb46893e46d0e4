using System.Text.Json;
using QNetLang.LanguageServer.Analysis;
using QNetLang.LanguageServer.Features;

namespace QNetLang.LanguageServer.Worker;

/// <summary>
/// Sends the editor feature requests that involve a large document to the analysis worker, so
/// that the server never analyses a large document itself: not for its diagnostics, and not for
/// the semantic tokens, outline, hover or completion that clients ask for after every edit.
/// A request about a large document is answered from that document's analysis in the worker; a
/// cross-file request (references, rename) is answered there from every open document's
/// analysis as soon as any open document is large, so it gives the in-process answer for the
/// same buffers without any of them being analysed here.
/// </summary>
public sealed class RemoteFeatures(Workspace workspace, IRemoteAnalyzer worker)
{
    /// <summary>The documents, the request's first, whose worker analyses answer it; null when the server answers it itself.</summary>
    public IReadOnlyList<string>? DocumentsFor(string method, JsonElement parameters)
    {
        if (LanguageFeatures.DocumentOf(parameters) is not { } uri || workspace.Get(uri) is not { } document) return null;
        if (!LanguageFeatures.NeedsEveryDocument(method)) return workspace.IsLarge(document) ? [uri] : null;
        var documents = workspace.Documents;
        if (!documents.Any(workspace.IsLarge)) return null;
        return [uri, .. Workspace.OthersInOrder(documents, uri)];
    }

    /// <summary>The worker's answer; not answered when the request's document was closed meanwhile (the caller then answers it as for any document that is not open).</summary>
    public async Task<(bool Answered, JsonElement? Result)> AnswerAsync(string method, JsonElement parameters, IReadOnlyList<string> uris, CancellationToken cancellation)
    {
        // Each waits for the analysis the document's diagnostics already started (or starts it).
        var analyses = await Task.WhenAll(uris.Select(uri => workspace.RemoteAnalysisAsync(uri, cancellation))).ConfigureAwait(false);
        if (analyses[0] is null) return (false, null);
        return (true, await worker.AnswerAsync(method, parameters, analyses.OfType<RemoteAnalysis>().ToList(), cancellation).ConfigureAwait(false));
    }
}
