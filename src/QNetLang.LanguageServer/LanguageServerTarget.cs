using System.Text.Json;
using QNetLang.LanguageServer.Features;
using QNetLang.LanguageServer.Protocol;
using QNetLang.LanguageServer.Worker;
using StreamJsonRpc;

namespace QNetLang.LanguageServer;

/// <summary>
/// The LSP methods the server answers, as StreamJsonRpc targets. It keeps the lifecycle
/// (initialize → initialized → … → shutdown → exit) and hands the work to the
/// <see cref="Workspace"/>, the <see cref="DiagnosticsPublisher"/> and the feature providers
/// (<see cref="LanguageFeatures"/>, or the analysis worker for large documents).
/// Incoming parameters are checked, not trusted: parameters of the wrong shape get the
/// "invalid params" error, missing fields an empty answer; neither ends the session.
/// </summary>
public sealed class LanguageServerTarget(Workspace workspace, DiagnosticsPublisher diagnostics, RemoteFeatures? remote, string version)
{
    private readonly WorkspaceAnalyses _inProcess = new(workspace);
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _initialized;
    private volatile bool _shutdown;

    /// <summary>Completes with the process exit code when the client sends <c>exit</c>: 0 after a <c>shutdown</c>, 1 otherwise (as LSP asks).</summary>
    public Task<int> Exited => _exit.Task;

    [JsonRpcMethod("initialize", UseSingleObjectParameterDeserialization = true)]
    public InitializeResult Initialize(JsonElement parameters)
    {
        _ = parameters; // Client capabilities do not change what this server sends.
        _initialized = true;
        return new InitializeResult(
            new ServerCapabilities(new TextDocumentSyncOptions(OpenClose: true, Change: 2), HoverProvider: true, DefinitionProvider: true, DocumentSymbolProvider: true)
            {
                CompletionProvider = new CompletionOptions(["@", ".", " "]),
                SignatureHelpProvider = new SignatureHelpOptions(["(", ",", " "], [","]),
                ReferencesProvider = true,
                DocumentHighlightProvider = true,
                RenameProvider = new RenameOptions(PrepareProvider: true),
                DocumentFormattingProvider = true,
                CodeActionProvider = new CodeActionOptions(["quickfix"]),
                DocumentLinkProvider = new DocumentLinkOptions(ResolveProvider: false),
                SemanticTokensProvider = new SemanticTokensOptions(SemanticTokensProvider.Legend, Full: true),
            },
            new ServerInfo("qnlc", version));
    }

    [JsonRpcMethod("initialized")]
    public void Initialized()
    {
        // Nothing to register dynamically: every capability was announced in the response to initialize.
    }

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        RequireInitialized();
        _shutdown = true;
        diagnostics.Complete();
        return null;
    }

    [JsonRpcMethod("exit")]
    public void Exit() => _exit.TrySetResult(_shutdown ? 0 : 1);

    [JsonRpcMethod("textDocument/didOpen", UseSingleObjectParameterDeserialization = true)]
    public void DidOpen(JsonElement json)
    {
        var parameters = ParameterReader.Read<DidOpenTextDocumentParams>(json);
        if (!Accepting || parameters.TextDocument is not { Uri: { } uri, Text: { } text } document) return;
        Reanalyse(workspace.Open(uri, text, document.Version));
    }

    [JsonRpcMethod("textDocument/didChange", UseSingleObjectParameterDeserialization = true)]
    public void DidChange(JsonElement json)
    {
        var parameters = ParameterReader.Read<DidChangeTextDocumentParams>(json);
        if (!Accepting || parameters.TextDocument is not { Uri: { } uri } document || parameters.ContentChanges is not { Count: > 0 } changes) return;
        if (changes.Any(c => c.Text is null)) return;
        // Incremental sync: each change applies to the text the previous one left (a change without a range is the whole text).
        if (workspace.Edit(uri, document.Version, text => IncrementalText.Apply(text, changes)) is { } affected) Reanalyse(affected);
    }

    [JsonRpcMethod("workspace/didChangeWatchedFiles", UseSingleObjectParameterDeserialization = true)]
    public void DidChangeWatchedFiles(JsonElement json)
    {
        var parameters = ParameterReader.Read<DidChangeWatchedFilesParams>(json);
        if (!Accepting || parameters.Changes is not { } changes) return;
        // An included file changed on disk: the open documents that read it are out of date.
        foreach (var change in changes)
            if (change.Uri is { } uri) Reanalyse(workspace.FileChanged(DocumentUri.ToPath(uri)));
    }

    [JsonRpcMethod("textDocument/didClose", UseSingleObjectParameterDeserialization = true)]
    public void DidClose(JsonElement json)
    {
        var parameters = ParameterReader.Read<DidCloseTextDocumentParams>(json);
        if (!Accepting || parameters.TextDocument?.Uri is not { } uri) return;
        // Files that include it go back to reading it from disk; its own diagnostics are cleared.
        if (workspace.Close(uri) is { } affected) Reanalyse(affected);
    }

    // Requests take a CancellationToken: StreamJsonRpc cancels it on `$/cancelRequest` and answers
    // the request with the RequestCancelled error, and waiting for an analysis stops there.

    [JsonRpcMethod(LanguageFeatures.Hover, UseSingleObjectParameterDeserialization = true)]
    public Task<object?> Hover(JsonElement json, CancellationToken cancellation) => AnswerAsync(LanguageFeatures.Hover, json, cancellation);

    [JsonRpcMethod(LanguageFeatures.Definition, UseSingleObjectParameterDeserialization = true)]
    public Task<object?> Definition(JsonElement json, CancellationToken cancellation) => AnswerAsync(LanguageFeatures.Definition, json, cancellation);

    [JsonRpcMethod(LanguageFeatures.DocumentSymbol, UseSingleObjectParameterDeserialization = true)]
    public Task<object?> DocumentSymbols(JsonElement json, CancellationToken cancellation) => AnswerAsync(LanguageFeatures.DocumentSymbol, json, cancellation);

    [JsonRpcMethod(LanguageFeatures.Completion, UseSingleObjectParameterDeserialization = true)]
    public Task<object?> Completion(JsonElement json, CancellationToken cancellation) => AnswerAsync(LanguageFeatures.Completion, json, cancellation);

    [JsonRpcMethod(LanguageFeatures.SignatureHelp, UseSingleObjectParameterDeserialization = true)]
    public Task<object?> SignatureHelp(JsonElement json, CancellationToken cancellation) => AnswerAsync(LanguageFeatures.SignatureHelp, json, cancellation);

    [JsonRpcMethod(LanguageFeatures.References, UseSingleObjectParameterDeserialization = true)]
    public Task<object?> References(JsonElement json, CancellationToken cancellation) => AnswerAsync(LanguageFeatures.References, json, cancellation);

    [JsonRpcMethod(LanguageFeatures.DocumentHighlight, UseSingleObjectParameterDeserialization = true)]
    public Task<object?> DocumentHighlight(JsonElement json, CancellationToken cancellation) => AnswerAsync(LanguageFeatures.DocumentHighlight, json, cancellation);

    [JsonRpcMethod(LanguageFeatures.PrepareRename, UseSingleObjectParameterDeserialization = true)]
    public Task<object?> PrepareRename(JsonElement json, CancellationToken cancellation) => AnswerAsync(LanguageFeatures.PrepareRename, json, cancellation);

    [JsonRpcMethod(LanguageFeatures.Rename, UseSingleObjectParameterDeserialization = true)]
    public Task<object?> Rename(JsonElement json, CancellationToken cancellation) => AnswerAsync(LanguageFeatures.Rename, json, cancellation);

    [JsonRpcMethod(LanguageFeatures.Formatting, UseSingleObjectParameterDeserialization = true)]
    public Task<object?> Formatting(JsonElement json, CancellationToken cancellation) => AnswerAsync(LanguageFeatures.Formatting, json, cancellation);

    [JsonRpcMethod(LanguageFeatures.CodeAction, UseSingleObjectParameterDeserialization = true)]
    public Task<object?> CodeAction(JsonElement json, CancellationToken cancellation) => AnswerAsync(LanguageFeatures.CodeAction, json, cancellation);

    [JsonRpcMethod(LanguageFeatures.DocumentLink, UseSingleObjectParameterDeserialization = true)]
    public Task<object?> DocumentLinks(JsonElement json, CancellationToken cancellation) => AnswerAsync(LanguageFeatures.DocumentLink, json, cancellation);

    [JsonRpcMethod(LanguageFeatures.SemanticTokensFull, UseSingleObjectParameterDeserialization = true)]
    public Task<object?> SemanticTokens(JsonElement json, CancellationToken cancellation) => AnswerAsync(LanguageFeatures.SemanticTokensFull, json, cancellation);

    /// <summary>LSP drops notifications that arrive before <c>initialize</c> or after <c>shutdown</c>.</summary>
    private bool Accepting => _initialized && !_shutdown;

    private void RequireInitialized()
    {
        if (!_initialized) throw new LocalRpcException("the server has not been initialized") { ErrorCode = LspErrorCodes.ServerNotInitialized };
        if (_shutdown) throw new LocalRpcException("the server is shutting down") { ErrorCode = LspErrorCodes.InvalidRequest };
    }

    /// <summary>
    /// A feature request: answered by the analysis worker when it involves a large document
    /// (<see cref="RemoteFeatures"/>), else from the server's own analyses.
    /// </summary>
    private async Task<object?> AnswerAsync(string method, JsonElement json, CancellationToken cancellation)
    {
        RequireInitialized();
        if (remote?.DocumentsFor(method, json) is { } uris && await remote.AnswerAsync(method, json, uris, cancellation).ConfigureAwait(false) is (true, var result))
            return result;
        // On a thread of its own: StreamJsonRpc dispatches the next message only once this method
        // returns its task, so answering here would hold up every later edit, of any document, for as
        // long as this document's analysis takes (measured: 1.5–2 s behind a 60 000-line document);
        // and not on a pool thread, which the wait for the analysis would block (see Workspace).
        return await Task.Factory.StartNew(() => LanguageFeatures.Answer(method, json, _inProcess, cancellation), cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
    }

    private void Reanalyse(IEnumerable<string> uris)
    {
        foreach (string uri in uris) diagnostics.Schedule(uri);
    }
}
