namespace QNetLang.LanguageServer.Protocol;

/// <summary>Incoming <c>textDocument/codeAction</c> parameters: the range and the diagnostics the client shows there.</summary>
public sealed class CodeActionParams
{
    public TextDocumentIdentifier? TextDocument { get; init; }

    public Range? Range { get; init; }

    public CodeActionContext? Context { get; init; }
}

public sealed class CodeActionContext
{
    public List<IncomingDiagnostic>? Diagnostics { get; init; }
}

/// <summary>A diagnostic as the client sends it back (only what a quick fix needs).</summary>
public sealed class IncomingDiagnostic
{
    public Range? Range { get; init; }

    public System.Text.Json.JsonElement? Code { get; init; }

    public string? Message { get; init; }
}

public sealed record CodeAction(string Title, string Kind, IReadOnlyList<LspDiagnostic>? Diagnostics, bool IsPreferred, WorkspaceEdit Edit);
