using QNetLang.Compiler;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Semantics;

namespace QNetLang.LanguageServer.Analysis;

/// <summary>
/// Everything the server knows about one version of an open file: the compiler's result (the
/// same diagnostics as <c>qnlc check</c>) and the names of the file and the files it includes
/// as the binder resolved them (<see cref="NameBinding"/>), with its networks bound with defaults.
/// </summary>
public sealed record DocumentAnalysis(
    string Uri,
    SourceText Source,
    CompilationResult? Compilation,
    NameBinding Names,
    IReadOnlySet<string> LoadedPaths,
    string? InternalError)
{
    /// <summary>Every declaration and resolved name of this file and the files it loaded.</summary>
    public SymbolTable Symbols => Names.Symbols;

    public IReadOnlyDictionary<string, Network> Networks => Names.Networks;

    /// <summary>The name at a character offset of this file, with the symbol it means.</summary>
    public SymbolOccurrence? At(int offset) => Symbols.At(Source.Path, offset);

    /// <summary>Diagnostics, or none when the compiler itself failed (<see cref="InternalError"/>).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Compilation?.Diagnostics.Items ?? [];

    public static NameBinding NoNames { get; } = new(new SymbolTable(), new Dictionary<string, Network>());
}
