namespace QNetLang.LanguageServer.Protocol;

public sealed class TextDocumentItem
{
    public string? Uri { get; init; }

    public string? LanguageId { get; init; }

    public int Version { get; init; }

    public string? Text { get; init; }
}

public sealed class VersionedTextDocumentIdentifier
{
    public string? Uri { get; init; }

    public int Version { get; init; }
}

/// <summary>With full sync a change carries the whole new text (no range).</summary>
public sealed class TextDocumentContentChangeEvent
{
    public string? Text { get; init; }
}

public sealed class DidOpenTextDocumentParams
{
    public TextDocumentItem? TextDocument { get; init; }
}

public sealed class DidChangeTextDocumentParams
{
    public VersionedTextDocumentIdentifier? TextDocument { get; init; }

    public List<TextDocumentContentChangeEvent>? ContentChanges { get; init; }
}

public sealed class DidCloseTextDocumentParams
{
    public TextDocumentIdentifier? TextDocument { get; init; }
}
