namespace QNetLang.LanguageServer.Protocol;

/// <summary>
/// One entry of the outline. <see cref="Range"/> covers the whole declaration and
/// <see cref="SelectionRange"/> its name (LSP requires the second inside the first).
/// </summary>
public sealed record DocumentSymbol(string Name, string? Detail, int Kind, Range Range, Range SelectionRange, IReadOnlyList<DocumentSymbol> Children);

/// <summary>The LSP SymbolKind numbers this server uses.</summary>
public static class SymbolKind
{
    public const int Namespace = 3;
    public const int Method = 6;
    public const int Property = 7;
    public const int Function = 12;
    public const int Variable = 13;
    public const int Constant = 14;
    public const int Array = 18;
    public const int Object = 19;
    public const int Struct = 23;
}
