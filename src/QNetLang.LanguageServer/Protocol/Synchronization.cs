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

/// <summary>A change: the text that replaces <see cref="Range"/>, or the whole text when there is no range.</summary>
public sealed class TextDocumentContentChangeEvent
{
    public Range? Range { get; init; }

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

/// <summary><c>workspace/didChangeWatchedFiles</c>: files changed on disk (type 1 created, 2 changed, 3 deleted).</summary>
public sealed class DidChangeWatchedFilesParams
{
    public List<FileEvent>? Changes { get; init; }
}

public sealed class FileEvent
{
    public string? Uri { get; init; }

    public int Type { get; init; }
}
