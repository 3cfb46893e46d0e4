namespace QNetLang.LanguageServer.Protocol;

/// <summary>A link from an <c>include</c> path to the file.</summary>
public sealed record DocumentLink(Range Range, string Target, string? Tooltip);

/// <summary>Semantic tokens, five integers per token, relative to the previous one (LSP 3.16).</summary>
public sealed record SemanticTokens(IReadOnlyList<int> Data);

public sealed record SemanticTokensLegend(IReadOnlyList<string> TokenTypes, IReadOnlyList<string> TokenModifiers);

public sealed record SemanticTokensOptions(SemanticTokensLegend Legend, bool Full);

/// <summary>Incoming parameters of requests about one whole document.</summary>
public sealed class DocumentParams
{
    public TextDocumentIdentifier? TextDocument { get; init; }
}
