using QNetLang.Compiler;
using QNetLang.LanguageServer.Analysis;
using QNetLang.Semantics;
using QNetLang.Syntax.Ast;

namespace QNetLang.LanguageServer.Tests;

/// <summary>
/// The binder's symbol table and the server's index agree: every name the binder resolved
/// resolves in the server to the declaration of the same symbol, and every declaration the
/// binder made is one the server knows.
/// </summary>
public class BinderAgreementTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(RepoRoot(), "examples"), "*.qn").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void EveryExampleAgrees(string file)
    {
        string path = Path.Combine(RepoRoot(), "examples", file);
        int checkedReferences = AssertAgree(path, File.ReadAllText(path), expectBound: true);
        Assert.True(checkedReferences > 0, $"{file}: the binder recorded no reference");
    }

    [Theory]
    [InlineData("network n { qpu a { qubits = 4; } } program p on n { const int k = 2; const float t = k * pi; gate g(u) b { rz(u * k) b; } gate f(v) b, c { g(v) b; cx b, c; } qubit[k] q @ a; bit[2] m; for i in 0 .. k { f(t) q[i], q[0]; h q[i]; } measure q[0] -> m[0]; if (m[0] == 1) { x q[1]; } }")]
    [InlineData("network n { qpu a { qubits = 2; } } program p on n { qubit q; qubit q; h q; x r; gate g b { h b; } g q; for j in 0 .. 2 { { h q; } } }")]
    public void SmallProgramsAgreeEvenWithErrors(string text) =>
        AssertAgree(Path.Combine(Path.GetTempPath(), "agreement.qn"), text, expectBound: false);

    private static int AssertAgree(string path, string text, bool expectBound)
    {
        var analysis = DocumentAnalyzer.Analyze(new Uri(path).AbsoluteUri, path, text, new Dictionary<string, string>());
        Assert.Null(analysis.InternalError);
        var compilation = QnCompiler.CompileText(path, text, new CompilationOptions { RequireProgram = false, StopAfter = CompilerStage.Bind });
        if (expectBound) Assert.NotEmpty(compilation.BoundPrograms);
        int count = 0;
        foreach (var program in compilation.BoundPrograms)
        {
            foreach (var reference in program.Symbols.References)
            {
                var target = Assert.IsType<DeclaredTarget>(analysis.Index.At(reference.Span.Start)?.Target);
                Assert.Equal(reference.Symbol.Name, target.Declaration.Name);
                Assert.Equal(reference.Symbol.DeclarationSpan, target.Declaration.NameSpan);
                count++;
            }
            foreach (var symbol in program.Symbols.Declarations)
                Assert.Contains(analysis.Index.Declarations, d => d.Name == symbol.Name && d.NameSpan == symbol.DeclarationSpan && d.Source.Path == program.Source.Path);
        }
        if (expectBound) AssertServerNamesAreBound(analysis, compilation);
        return count;
    }

    /// <summary>
    /// The other way round, for the names the binder resolves (network nodes and the variables
    /// of a figure's reductions are not in its table yet): every use the server resolves inside
    /// a program, the binder resolved to the same declaration.
    /// </summary>
    private static void AssertServerNamesAreBound(DocumentAnalysis analysis, CompilationResult compilation)
    {
        var bound = compilation.BoundPrograms.SelectMany(p => p.Symbols.References).ToDictionary(r => r.Span);
        foreach (var reference in analysis.Index.References)
        {
            if (reference.Target is not DeclaredTarget { Declaration: var declaration }) continue;
            if (declaration.NameSpan == reference.Span || declaration.Kind is DeclarationKind.Network or DeclarationKind.Node or DeclarationKind.Program) continue;
            if (declaration.Syntax is ReductionExpression) continue;
            Assert.True(bound.TryGetValue(reference.Span, out var symbol), $"the binder did not resolve '{declaration.Name}' at {reference.Span}");
            Assert.Equal(declaration.NameSpan, symbol.Symbol.DeclarationSpan);
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "QNetLang.sln"))) return dir.FullName;
        throw new InvalidOperationException("QNetLang.sln not found");
    }
}
