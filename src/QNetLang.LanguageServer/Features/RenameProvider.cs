using System.Text.RegularExpressions;
using QNetLang.Compiler;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.LanguageServer.Analysis;
using QNetLang.LanguageServer.Protocol;
using QNetLang.Semantics;
using StreamJsonRpc;

namespace QNetLang.LanguageServer.Features;

/// <summary>
/// Rename a declared name everywhere it is used: in the document, the files it includes and
/// the other open documents. A rename that would break the program is refused, not applied:
/// the new name must be a name (not a keyword, a built-in gate or constant), and compiling the
/// renamed files must give no error the original did not have (a clash with another name, a
/// node name that shadows, …).
/// </summary>
public static partial class RenameProvider
{
    /// <summary>The word that can be renamed under the caret, or null (built-ins and keywords cannot).</summary>
    public static PrepareRenameResult? Prepare(DocumentAnalysis analysis, Position position)
    {
        if (Renamable(analysis, position) is not { } name) return null;
        return new PrepareRenameResult(PositionMapper.ToRange(analysis.Source, name.Span), name.Symbol.Name);
    }

    /// <param name="analyses">The analysis the request is about first, then every other open document's.</param>
    public static WorkspaceEdit Rename(IReadOnlyList<(OpenDocument Document, DocumentAnalysis Analysis)> analyses, Position position, string newName, CancellationToken cancellation)
    {
        var (document, analysis) = analyses[0];
        if (Renamable(analysis, position) is not { } declared)
            throw Refuse("only names declared in a QNetLang file can be renamed (not keywords, built-in gates, properties or units)");
        if (!Identifier().IsMatch(newName)) throw Refuse($"'{newName}' is not a name: use letters, digits and '_', not starting with a digit");
        if (CompletionProvider.Keywords.Contains(newName)) throw Refuse($"'{newName}' is a keyword");
        if (GateCatalog.TryGet(newName, out _)) throw Refuse($"'{newName}' is a built-in gate");
        if (ExpressionEvaluator.IsBuiltinConstant(newName) || ExpressionEvaluator.IsBuiltinFunction(newName)) throw Refuse($"'{newName}' is a built-in constant or function");

        string key = Occurrences.Key(analysis.Symbols, declared.Symbol);
        // Edits per file, with the text they apply to (the open buffer, else the file on disk).
        var byPath = new Dictionary<string, (SourceText Source, List<TextSpan> Spans)>(StringComparer.Ordinal);
        foreach (var (_, each) in analyses)
        {
            foreach (var occurrence in Occurrences.Find(each, key))
            {
                string path = ReferencesProvider.FullPath(occurrence.Source.Path);
                if (!byPath.TryGetValue(path, out var entry)) byPath[path] = entry = (occurrence.Source, new List<TextSpan>());
                if (!entry.Spans.Contains(occurrence.Span)) entry.Spans.Add(occurrence.Span);
            }
        }

        var renamedTexts = byPath.ToDictionary(p => p.Key, p => Apply(p.Value.Source.Text, p.Value.Spans, newName), StringComparer.Ordinal);
        foreach (var (openDocument, before) in analyses)
        {
            cancellation.ThrowIfCancellationRequested();
            if (!before.LoadedPaths.Any(renamedTexts.ContainsKey) && !renamedTexts.ContainsKey(openDocument.Path)) continue;
            CheckStillCompiles(openDocument, before, renamedTexts, analyses, declared.Symbol.Name, newName, cancellation);
        }

        var changes = byPath.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(
            p => ReferencesProvider.UriOf(analyses, p.Key),
            p => (IReadOnlyList<TextEdit>)p.Value.Spans.OrderBy(s => s.Start).Select(s => new TextEdit(PositionMapper.ToRange(p.Value.Source, s), newName)).ToList());
        return new WorkspaceEdit(changes);
    }

    /// <summary>
    /// Compiles the renamed document as the editor would and refuses when it gains an error. A
    /// file with a syntax error is never bound by the compiler, so there the binder's messages
    /// on the recovered tree are compared instead (<see cref="NameBinding"/>): a clash is found
    /// while the user is still typing elsewhere. Messages that only name the renamed symbol by
    /// its new name are not new.
    /// </summary>
    private static void CheckStillCompiles(OpenDocument document, DocumentAnalysis before, Dictionary<string, string> renamed,
        IReadOnlyList<(OpenDocument Document, DocumentAnalysis Analysis)> analyses, string oldName, string newName, CancellationToken cancellation)
    {
        var overrides = analyses.Where(a => a.Document.Uri != document.Uri).GroupBy(a => a.Document.Path)
            .ToDictionary(g => g.Key, g => g.First().Document.Text, StringComparer.Ordinal);
        foreach (var (path, text) in renamed) overrides[path] = text;
        string text0 = renamed.GetValueOrDefault(document.Path) ?? document.Text;
        var after = QnCompiler.CompileText(document.Path, text0,
            new CompilationOptions { RequireProgram = false, SourceOverrides = overrides, Cancellation = cancellation, StopAfter = CompilerStage.Bind });
        IEnumerable<Diagnostic> beforeErrors = before.Diagnostics, afterErrors = after.Diagnostics.Items;
        if (!after.StageTimes.Any(s => s.Stage == CompilerStage.Bind) && before.Compilation is { } original)
        {
            // On a large stack, as every walk of a tree the user typed (LargeStack).
            var beforeBinding = new DiagnosticBag();
            LargeStack.Run(() => NameBinding.Bind(original.Units, cancellation, beforeBinding));
            var afterBinding = new DiagnosticBag();
            LargeStack.Run(() => NameBinding.Bind(after.Units, cancellation, afterBinding));
            beforeErrors = beforeErrors.Concat(beforeBinding.Items);
            afterErrors = afterErrors.Concat(afterBinding.Items);
        }
        var known = beforeErrors.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Message).ToHashSet(StringComparer.Ordinal);
        if (afterErrors.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error && !known.Contains(d.Message.Replace($"'{newName}'", $"'{oldName}'", StringComparison.Ordinal))) is { } broken)
            throw Refuse($"renaming to '{newName}' would break the program: {broken.Message}");
    }

    /// <summary>The name under the caret when it is declared in the source (built-ins are not).</summary>
    private static SymbolOccurrence? Renamable(DocumentAnalysis analysis, Position position) =>
        analysis.At(PositionMapper.ToOffset(analysis.Source, position)) is { } name && analysis.Symbols.DeclarationOf(name.Symbol) is not null ? name : null;

    private static string Apply(string text, IEnumerable<TextSpan> spans, string newName)
    {
        var builder = new System.Text.StringBuilder(text);
        foreach (var span in spans.OrderByDescending(s => s.Start)) builder.Remove(span.Start, span.Length).Insert(span.Start, newName);
        return builder.ToString();
    }

    private static LocalRpcException Refuse(string message) => new(message) { ErrorCode = LspErrorCodes.RequestFailed };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
