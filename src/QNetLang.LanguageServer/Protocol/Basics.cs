namespace QNetLang.LanguageServer.Protocol;

// The LSP 3.17 base structures this server uses. Positions are zero-based and count UTF-16
// code units, which is what SourceText columns count too, so no re-encoding is needed.

public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

/// <summary>Incoming <c>{ uri }</c>. Every incoming property is nullable: a client may send anything.</summary>
public sealed class TextDocumentIdentifier
{
    public string? Uri { get; init; }
}

/// <summary>Incoming parameters of hover and definition requests.</summary>
public sealed class TextDocumentPositionParams
{
    public TextDocumentIdentifier? TextDocument { get; init; }

    public Position? Position { get; init; }
}

/// <summary>Incoming parameters of <c>textDocument/documentSymbol</c>.</summary>
public sealed class DocumentSymbolParams
{
    public TextDocumentIdentifier? TextDocument { get; init; }
}
