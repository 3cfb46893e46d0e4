using System.Text.Json;
using QNetLang.LanguageServer.Features;
using QNetLang.LanguageServer.Protocol;
using StreamJsonRpc;

namespace QNetLang.LanguageServer;

/// <summary>
/// The LSP methods the server answers, as StreamJsonRpc targets. It keeps the lifecycle
/// (initialize → initialized → … → shutdown → exit) and hands the work to the
/// <see cref="Workspace"/>, the <see cref="DiagnosticsPublisher"/> and the feature providers.
/// Incoming parameters are checked, not trusted: parameters of the wrong shape get the
/// "invalid params" error, missing fields an empty answer; neither ends the session.
/// </summary>
public sealed class LanguageServerTarget(Workspace workspace, DiagnosticsPublisher diagnostics, string version)
{
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
            new ServerCapabilities(new TextDocumentSyncOptions(OpenClose: true, Change: 1), HoverProvider: true, DefinitionProvider: true, DocumentSymbolProvider: true),
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
        // Full sync: the last change holds the whole text.
        if (!Accepting || parameters.TextDocument is not { Uri: { } uri } document || parameters.ContentChanges is not { Count: > 0 } changes) return;
        if (changes[^1].Text is not { } text) return;
        if (workspace.Change(uri, text, document.Version) is { } affected) Reanalyse(affected);
    }

    [JsonRpcMethod("textDocument/didClose", UseSingleObjectParameterDeserialization = true)]
    public void DidClose(JsonElement json)
    {
        var parameters = ParameterReader.Read<DidCloseTextDocumentParams>(json);
        if (!Accepting || parameters.TextDocument?.Uri is not { } uri) return;
        // Files that include it go back to reading it from disk; its own diagnostics are cleared.
        if (workspace.Close(uri) is { } affected) Reanalyse(affected);
    }

    [JsonRpcMethod("textDocument/hover", UseSingleObjectParameterDeserialization = true)]
    public Hover? Hover(JsonElement json)
    {
        RequireInitialized();
        var parameters = ParameterReader.Read<TextDocumentPositionParams>(json);
        return parameters.Position is { } position && Analysis(parameters.TextDocument) is { } analysis ? HoverProvider.Hover(analysis, position) : null;
    }

    [JsonRpcMethod("textDocument/definition", UseSingleObjectParameterDeserialization = true)]
    public Location? Definition(JsonElement json)
    {
        RequireInitialized();
        var parameters = ParameterReader.Read<TextDocumentPositionParams>(json);
        return parameters.Position is { } position && Analysis(parameters.TextDocument) is { } analysis ? DefinitionProvider.Definition(analysis, position) : null;
    }

    [JsonRpcMethod("textDocument/documentSymbol", UseSingleObjectParameterDeserialization = true)]
    public IReadOnlyList<DocumentSymbol> DocumentSymbols(JsonElement json)
    {
        RequireInitialized();
        var parameters = ParameterReader.Read<DocumentSymbolParams>(json);
        return Analysis(parameters.TextDocument) is { } analysis ? DocumentSymbolProvider.Symbols(analysis) : [];
    }

    /// <summary>LSP drops notifications that arrive before <c>initialize</c> or after <c>shutdown</c>.</summary>
    private bool Accepting => _initialized && !_shutdown;

    private void RequireInitialized()
    {
        if (!_initialized) throw new LocalRpcException("the server has not been initialized") { ErrorCode = LspErrorCodes.ServerNotInitialized };
        if (_shutdown) throw new LocalRpcException("the server is shutting down") { ErrorCode = LspErrorCodes.InvalidRequest };
    }

    private Analysis.DocumentAnalysis? Analysis(TextDocumentIdentifier? document) =>
        document?.Uri is { } uri ? workspace.Analyze(uri)?.Analysis : null;

    private void Reanalyse(IEnumerable<string> uris)
    {
        foreach (string uri in uris) diagnostics.Schedule(uri);
    }
}
