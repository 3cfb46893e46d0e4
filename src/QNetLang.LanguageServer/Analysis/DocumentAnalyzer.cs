using QNetLang.Compiler;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Semantics;
using QNetLang.Syntax.Ast;

namespace QNetLang.LanguageServer.Analysis;

/// <summary>
/// Compiles an editor buffer the way <c>qnlc check</c> compiles a file (a file with only
/// networks is fine), with the other open buffers standing in for their files on disk, and
/// indexes its names.
/// </summary>
public static class DocumentAnalyzer
{
    /// <param name="uri">The document as the client names it.</param>
    /// <param name="path">The file path the document stands for; includes resolve relative to it.</param>
    /// <param name="text">The buffer's text.</param>
    /// <param name="openFiles">Other open buffers by full path.</param>
    /// <param name="cancellation">Cancelled when the text has changed since; the compiler stops between stages.</param>
    public static DocumentAnalysis Analyze(string uri, string path, string text, IReadOnlyDictionary<string, string> openFiles, CancellationToken cancellation = default)
    {
        var options = new CompilationOptions { RequireProgram = false, SourceOverrides = openFiles, Cancellation = cancellation };
        CompilationResult compilation;
        try
        {
            compilation = QnCompiler.CompileText(path, text, options);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A compiler bug must not take the editor session down; the server reports it instead.
            return new DocumentAnalysis(uri, new SourceText(path, text), null, SymbolIndex.Empty(new SourceText(path, text)),
                new Dictionary<string, Network>(), new HashSet<string>(), $"{ex.GetType().Name}: {ex.Message}");
        }

        var source = compilation.MainUnit?.Source ?? new SourceText(path, text);
        var loaded = new HashSet<string>(compilation.Units.Select(u => FullPath(u.Source.Path)).OfType<string>(), StringComparer.Ordinal);
        try
        {
            return LargeStack.Run(() => new DocumentAnalysis(
                uri,
                source,
                compilation,
                compilation.MainUnit is { } main ? SymbolIndexBuilder.Build(main, compilation.Units) : SymbolIndex.Empty(source),
                BindNetworks(compilation.Units),
                loaded,
                null)
            {
                IncludedIndexes = compilation.Units.Where(u => u != compilation.MainUnit).Select(u => SymbolIndexBuilder.Build(u, compilation.Units)).ToList(),
            });
        }
        catch (Exception ex)
        {
            return new DocumentAnalysis(uri, source, compilation, SymbolIndex.Empty(source), new Dictionary<string, Network>(), loaded, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>
    /// Binds every network with its defaults filled in, even when the file has errors elsewhere
    /// (the compiler stops before binding after a syntax error, but a hover should still work).
    /// </summary>
    private static Dictionary<string, Network> BindNetworks(IEnumerable<CompilationUnit> units)
    {
        var networks = new Dictionary<string, Network>(StringComparer.Ordinal);
        foreach (var unit in units)
            foreach (var declaration in unit.Items.OfType<NetworkDeclaration>())
            {
                // Diagnostics from this second binding are the compiler's to report, not ours.
                var network = new NetworkBinder(unit.Source, new DiagnosticBag()).Bind(declaration);
                networks.TryAdd(declaration.Name.Text, network);
            }
        return networks;
    }

    private static string? FullPath(string path)
    {
        try { return Path.GetFullPath(path); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException) { return null; }
    }
}
