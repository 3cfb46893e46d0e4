namespace QNetLang.LanguageServer.Protocol;

/// <summary>What the server can do, as announced in the <c>initialize</c> response.</summary>
public sealed record ServerCapabilities(
    TextDocumentSyncOptions TextDocumentSync,
    bool HoverProvider,
    bool DefinitionProvider,
    bool DocumentSymbolProvider);

/// <summary><c>change = 1</c>: the client sends the whole text on every change (full sync).</summary>
public sealed record TextDocumentSyncOptions(bool OpenClose, int Change);

public sealed record ServerInfo(string Name, string Version);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

/// <summary>LSP error codes beyond the JSON-RPC ones.</summary>
public static class LspErrorCodes
{
    public const int ServerNotInitialized = -32002;
    public const int InvalidRequest = -32600;
}
