namespace QNetLang.LanguageServer.Protocol;

/// <summary>What the server can do, as announced in the <c>initialize</c> response.</summary>
public sealed record ServerCapabilities(
    TextDocumentSyncOptions TextDocumentSync,
    bool HoverProvider,
    bool DefinitionProvider,
    bool DocumentSymbolProvider)
{
    public CompletionOptions? CompletionProvider { get; init; }

    public SignatureHelpOptions? SignatureHelpProvider { get; init; }

    public bool ReferencesProvider { get; init; }

    public bool DocumentHighlightProvider { get; init; }

    public RenameOptions? RenameProvider { get; init; }

    public bool DocumentFormattingProvider { get; init; }

    public CodeActionOptions? CodeActionProvider { get; init; }

    public DocumentLinkOptions? DocumentLinkProvider { get; init; }

    public SemanticTokensOptions? SemanticTokensProvider { get; init; }
}

/// <summary><c>change = 2</c>: the client sends only the edited ranges (incremental sync).</summary>
public sealed record TextDocumentSyncOptions(bool OpenClose, int Change);

public sealed record CompletionOptions(IReadOnlyList<string> TriggerCharacters);

public sealed record SignatureHelpOptions(IReadOnlyList<string> TriggerCharacters, IReadOnlyList<string> RetriggerCharacters);

public sealed record RenameOptions(bool PrepareProvider);

public sealed record CodeActionOptions(IReadOnlyList<string> CodeActionKinds);

public sealed record DocumentLinkOptions(bool ResolveProvider);

public sealed record ServerInfo(string Name, string Version);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

/// <summary>LSP error codes beyond the JSON-RPC ones.</summary>
public static class LspErrorCodes
{
    public const int ServerNotInitialized = -32002;
    public const int InvalidRequest = -32600;

    /// <summary>A request that is valid but cannot be carried out (a rename that would break the program).</summary>
    public const int RequestFailed = -32803;
}
