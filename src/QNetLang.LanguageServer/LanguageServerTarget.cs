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

    [JsonRpcMethod("textDocument/hover", UseSingleObjectParameterDeserialization = true)]
    public Hover? Hover(JsonElement json, CancellationToken cancellation)
    {
        var (analysis, position) = AtPosition(json, cancellation);
        return analysis is not null ? HoverProvider.Hover(analysis, position) : null;
    }

    [JsonRpcMethod("textDocument/definition", UseSingleObjectParameterDeserialization = true)]
    public Location? Definition(JsonElement json, CancellationToken cancellation)
    {
        var (analysis, position) = AtPosition(json, cancellation);
        return analysis is not null ? DefinitionProvider.Definition(analysis, position) : null;
    }

    [JsonRpcMethod("textDocument/documentSymbol", UseSingleObjectParameterDeserialization = true)]
    public IReadOnlyList<DocumentSymbol> DocumentSymbols(JsonElement json, CancellationToken cancellation)
    {
        RequireInitialized();
        var parameters = ParameterReader.Read<DocumentSymbolParams>(json);
        return Analysis(parameters.TextDocument, cancellation) is { } analysis ? DocumentSymbolProvider.Symbols(analysis) : [];
    }

    [JsonRpcMethod("textDocument/completion", UseSingleObjectParameterDeserialization = true)]
    public CompletionList Completion(JsonElement json, CancellationToken cancellation)
    {
        var (analysis, position) = AtPosition(json, cancellation);
        return analysis is not null ? CompletionProvider.Complete(analysis, position) : new CompletionList(false, []);
    }

    [JsonRpcMethod("textDocument/signatureHelp", UseSingleObjectParameterDeserialization = true)]
    public SignatureHelp? SignatureHelp(JsonElement json, CancellationToken cancellation)
    {
        var (analysis, position) = AtPosition(json, cancellation);
        return analysis is not null ? SignatureHelpProvider.Help(analysis, position) : null;
    }

    [JsonRpcMethod("textDocument/references", UseSingleObjectParameterDeserialization = true)]
    public IReadOnlyList<Location> References(JsonElement json, CancellationToken cancellation)
    {
        RequireInitialized();
        var parameters = ParameterReader.Read<ReferenceParams>(json);
        if (parameters.Position is not { } position || AllAnalyses(parameters.TextDocument, cancellation) is not { } analyses) return [];
        return ReferencesProvider.References(analyses, position, parameters.Context?.IncludeDeclaration ?? false);
    }

    [JsonRpcMethod("textDocument/documentHighlight", UseSingleObjectParameterDeserialization = true)]
    public IReadOnlyList<DocumentHighlight> DocumentHighlight(JsonElement json, CancellationToken cancellation)
    {
        var (analysis, position) = AtPosition(json, cancellation);
        return analysis is not null ? ReferencesProvider.Highlights(analysis, position) : [];
    }

    [JsonRpcMethod("textDocument/prepareRename", UseSingleObjectParameterDeserialization = true)]
    public PrepareRenameResult? PrepareRename(JsonElement json, CancellationToken cancellation)
    {
        var (analysis, position) = AtPosition(json, cancellation);
        return analysis is not null ? RenameProvider.Prepare(analysis, position) : null;
    }

    [JsonRpcMethod("textDocument/rename", UseSingleObjectParameterDeserialization = true)]
    public WorkspaceEdit? Rename(JsonElement json, CancellationToken cancellation)
    {
        RequireInitialized();
        var parameters = ParameterReader.Read<RenameParams>(json);
        if (parameters.Position is not { } position || parameters.NewName is not { } newName || AllAnalyses(parameters.TextDocument, cancellation) is not { } analyses) return null;
        return RenameProvider.Rename(analyses, position, newName, cancellation);
    }

    [JsonRpcMethod("textDocument/formatting", UseSingleObjectParameterDeserialization = true)]
    public IReadOnlyList<TextEdit> Formatting(JsonElement json)
    {
        RequireInitialized();
        var parameters = ParameterReader.Read<DocumentParams>(json);
        if (parameters.TextDocument?.Uri is not { } uri || workspace.Get(uri) is not { } document) return [];
        // One edit replacing the whole text: simple for every client, and nothing when already formatted.
        string formatted = Syntax.Formatting.QnFormatter.Format(document.Text);
        if (formatted == document.Text) return [];
        var source = new Core.SourceText(document.Path, document.Text);
        return [new TextEdit(PositionMapper.ToRange(source, new Core.TextSpan(0, document.Text.Length)), formatted)];
    }

    [JsonRpcMethod("textDocument/codeAction", UseSingleObjectParameterDeserialization = true)]
    public IReadOnlyList<CodeAction> CodeAction(JsonElement json, CancellationToken cancellation)
    {
        RequireInitialized();
        var parameters = ParameterReader.Read<CodeActionParams>(json);
        if (Analysis(parameters.TextDocument, cancellation) is not { } analysis) return [];
        return CodeActionProvider.Actions(analysis, parameters.Context?.Diagnostics ?? []);
    }

    [JsonRpcMethod("textDocument/documentLink", UseSingleObjectParameterDeserialization = true)]
    public IReadOnlyList<DocumentLink> DocumentLinks(JsonElement json, CancellationToken cancellation)
    {
        RequireInitialized();
        var parameters = ParameterReader.Read<DocumentParams>(json);
        return Analysis(parameters.TextDocument, cancellation) is { } analysis ? DocumentLinkProvider.Links(analysis) : [];
    }

    [JsonRpcMethod("textDocument/semanticTokens/full", UseSingleObjectParameterDeserialization = true)]
    public SemanticTokens SemanticTokens(JsonElement json, CancellationToken cancellation)
    {
        RequireInitialized();
        var parameters = ParameterReader.Read<DocumentParams>(json);
        return Analysis(parameters.TextDocument, cancellation) is { } analysis ? SemanticTokensProvider.Tokens(analysis) : new SemanticTokens([]);
    }

    /// <summary>LSP drops notifications that arrive before <c>initialize</c> or after <c>shutdown</c>.</summary>
    private bool Accepting => _initialized && !_shutdown;

    private void RequireInitialized()
    {
        if (!_initialized) throw new LocalRpcException("the server has not been initialized") { ErrorCode = LspErrorCodes.ServerNotInitialized };
        if (_shutdown) throw new LocalRpcException("the server is shutting down") { ErrorCode = LspErrorCodes.InvalidRequest };
    }

    private Analysis.DocumentAnalysis? Analysis(TextDocumentIdentifier? document, CancellationToken cancellation) =>
        document?.Uri is { } uri ? workspace.Analyze(uri, cancellation)?.Analysis : null;

    private (Analysis.DocumentAnalysis? Analysis, Position Position) AtPosition(JsonElement json, CancellationToken cancellation)
    {
        RequireInitialized();
        var parameters = ParameterReader.Read<TextDocumentPositionParams>(json);
        if (parameters.Position is not { } position) return (null, new Position(0, 0));
        return (Analysis(parameters.TextDocument, cancellation), position);
    }

    /// <summary>The document's analysis first, then every other open document's (for references and rename across files).</summary>
    private List<(OpenDocument Document, Analysis.DocumentAnalysis Analysis)>? AllAnalyses(TextDocumentIdentifier? document, CancellationToken cancellation)
    {
        if (document?.Uri is not { } uri || workspace.Analyze(uri, cancellation) is not { } first) return null;
        var all = new List<(OpenDocument, Analysis.DocumentAnalysis)> { first };
        foreach (var other in workspace.Documents.Where(d => d.Uri != uri).OrderBy(d => d.Uri, StringComparer.Ordinal))
            if (workspace.Analyze(other.Uri, cancellation) is { } analysed) all.Add(analysed);
        return all;
    }

    private void Reanalyse(IEnumerable<string> uris)
    {
        foreach (string uri in uris) diagnostics.Schedule(uri);
    }
}
