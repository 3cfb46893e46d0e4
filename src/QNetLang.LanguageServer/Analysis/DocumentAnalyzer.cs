using QNetLang.Compiler;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Semantics;
using QNetLang.Syntax.Ast;

namespace QNetLang.LanguageServer.Analysis;

/// <summary>
/// Compiles an editor buffer the way <c>qnlc check</c> compiles a file (a file with only
/// networks is fine), with the other open buffers standing in for their files on disk, and
/// binds its names for navigation.
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
            return new DocumentAnalysis(uri, new SourceText(path, text), null, DocumentAnalysis.NoNames, new HashSet<string>(), $"{ex.GetType().Name}: {ex.Message}");
        }

        var source = compilation.MainUnit?.Source ?? new SourceText(path, text);
        var loaded = new HashSet<string>(compilation.Units.Select(u => FullPath(u.Source.Path)).OfType<string>(), StringComparer.Ordinal);
        try
        {
            return new DocumentAnalysis(uri, source, compilation, Names(compilation, cancellation), loaded, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new DocumentAnalysis(uri, source, compilation, DocumentAnalysis.NoNames, loaded, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>
    /// The compiler's own table when it bound every program of every loaded file (the usual
    /// case: no syntax error); otherwise the files are bound again, leniently, since the
    /// compiler stops at the first stage with errors but navigation must keep working.
    /// </summary>
    private static NameBinding Names(CompilationResult compilation, CancellationToken cancellation)
    {
        bool boundEverything = compilation.StageTimes.Any(s => s.Stage == CompilerStage.Bind)
            && compilation.BoundPrograms.Count == compilation.Units.Sum(u => u.Items.OfType<ProgramDeclaration>().Count());
        if (!boundEverything) return LargeStack.Run(() => NameBinding.Bind(compilation.Units, cancellation));
        var networks = new Dictionary<string, Network>(StringComparer.Ordinal);
        foreach (var network in compilation.Networks) networks.TryAdd(network.Name, network);
        return new NameBinding(compilation.Symbols, networks);
    }

    private static string? FullPath(string path)
    {
        try { return Path.GetFullPath(path); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException) { return null; }
    }
}
