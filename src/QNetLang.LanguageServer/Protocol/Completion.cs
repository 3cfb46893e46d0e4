namespace QNetLang.LanguageServer.Protocol;

/// <summary>One completion; <see cref="SortText"/> fixes the order so answers are deterministic.</summary>
public sealed record CompletionItem(string Label, int Kind, string? Detail, string? Documentation, string? InsertText, string SortText);

public sealed record CompletionList(bool IsIncomplete, IReadOnlyList<CompletionItem> Items);

/// <summary>The LSP CompletionItemKind numbers this server uses.</summary>
public static class CompletionItemKind
{
    public const int Function = 3;
    public const int Variable = 6;
    public const int Module = 9;
    public const int Property = 10;
    public const int Unit = 11;
    public const int Keyword = 14;
    public const int Constant = 21;
    public const int Struct = 22;
}

public sealed record SignatureHelp(IReadOnlyList<SignatureInformation> Signatures, int ActiveSignature, int ActiveParameter);

public sealed record SignatureInformation(string Label, string? Documentation, IReadOnlyList<ParameterInformation> Parameters);

/// <summary><see cref="Label"/> is the [start, end) of the argument in the signature's label.</summary>
public sealed record ParameterInformation(int[] Label, string? Documentation);
