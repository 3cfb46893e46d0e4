namespace QNetLang.LanguageServer.Protocol;

public sealed record TextEdit(Range Range, string NewText);

/// <summary>Edits by document URI (the <c>changes</c> form, which every client supports).</summary>
public sealed record WorkspaceEdit(IReadOnlyDictionary<string, IReadOnlyList<TextEdit>> Changes);

/// <summary>Incoming <c>textDocument/rename</c> parameters.</summary>
public sealed class RenameParams
{
    public TextDocumentIdentifier? TextDocument { get; init; }

    public Position? Position { get; init; }

    public string? NewName { get; init; }
}

/// <summary>Answer to <c>textDocument/prepareRename</c>: the word that would be renamed.</summary>
public sealed record PrepareRenameResult(Range Range, string Placeholder);

/// <summary>Incoming <c>textDocument/references</c> parameters.</summary>
public sealed class ReferenceParams
{
    public TextDocumentIdentifier? TextDocument { get; init; }

    public Position? Position { get; init; }

    public ReferenceContext? Context { get; init; }
}

public sealed class ReferenceContext
{
    public bool IncludeDeclaration { get; init; }
}

/// <summary>kind 1 text, 2 read, 3 write.</summary>
public sealed record DocumentHighlight(Range Range, int Kind);
