using QNetLang.Compiler;
using QNetLang.Core;
using QNetLang.Ir;

namespace QNetLang.LanguageServer.Analysis;

/// <summary>
/// Everything the server knows about one version of an open file: the compiler's result (the
/// same diagnostics as <c>qnlc check</c>), its names, and its networks bound with defaults.
/// </summary>
public sealed record DocumentAnalysis(
    string Uri,
    SourceText Source,
    CompilationResult? Compilation,
    SymbolIndex Index,
    IReadOnlyDictionary<string, Network> Networks,
    IReadOnlySet<string> LoadedPaths,
    string? InternalError)
{
    /// <summary>The names of each included file, indexed on its own (references and rename look there too).</summary>
    public IReadOnlyList<SymbolIndex> IncludedIndexes { get; init; } = [];

    /// <summary>Diagnostics, or none when the compiler itself failed (<see cref="InternalError"/>).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Compilation?.Diagnostics.Items ?? [];
}
