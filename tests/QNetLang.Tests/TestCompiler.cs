using QNetLang.Compiler;

namespace QNetLang.Tests;

/// <summary>Compiles case files and renders results with paths relative to tests/cases, so golden files do not depend on where the repo lives.</summary>
public static class TestCompiler
{
    /// <summary>OpenQASM cases run on an all-to-all network of this many QPUs.</summary>
    public const int QasmQpus = 3;

    public static CompilationResult Compile(string caseRelativePath, CompilerStage stopAfter = CompilerStage.Emit, long? maxOperations = null)
    {
        string path = Path.Combine(RepoPaths.Cases, caseRelativePath);
        // A case may name its network file in its first line: `// qnlc: --network other.qn`.
        string firstLine = File.ReadLines(path).FirstOrDefault() ?? "";
        const string marker = "// qnlc: --network ";
        string? networkFile = firstLine.StartsWith(marker, StringComparison.Ordinal)
            ? Path.Combine(Path.GetDirectoryName(path)!, firstLine[marker.Length..].Trim())
            : null;
        var options = new CompilationOptions
        {
            StopAfter = stopAfter,
            NetworkFile = networkFile,
            QpuCount = path.EndsWith(".qasm", StringComparison.Ordinal) && networkFile is null ? QasmQpus : null,
            MaxOperations = maxOperations ?? QNetLang.Semantics.SemanticLimits.DefaultMaxOperations,
        };
        return QnCompiler.Compile(path, options);
    }

    public static string Diagnostics(CompilationResult result) =>
        string.Concat(QNetLang.Core.DiagnosticCondenser.Condense(result.Diagnostics.Items).Select(d => RelativeToCases(d.ToString()) + "\n"));

    public static string RelativeToCases(string text) =>
        text.Replace(RepoPaths.Cases + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)
            .Replace(RepoPaths.Cases + "/", "", StringComparison.Ordinal);
}
