using QNetLang.Core;
using QNetLang.LanguageServer.Analysis;
using QNetLang.Syntax;

namespace QNetLang.LanguageServer.Tests;

/// <summary>Name resolution of the index follows the binder's scoping rules.</summary>
public class SymbolIndexTests
{
    private static SymbolIndex Index(string text)
    {
        var source = new SourceText("test.qn", text);
        var unit = QnSyntax.Parse(source, new DiagnosticBag())!;
        return SymbolIndexBuilder.Build(unit, [unit]);
    }

    private static ReferenceTarget? TargetAt(SymbolIndex index, string text, string word, int occurrence = 0)
    {
        var (line, character) = TestDocuments.Find(text, word, occurrence);
        return index.At(index.Source.GetPosition(line + 1, character + 1))?.Target;
    }

    [Fact]
    public void GateBodySeesConstantsAndEarlierGatesButNotRegisters()
    {
        const string text = "program p on n { const int k = 2; qubit a; gate g(t) b { rz(t * k) b; } gate f b { g(1) b; x a; } }";
        var index = Index(text);
        Assert.Equal(DeclarationKind.Constant, Assert.IsType<DeclaredTarget>(TargetAt(index, text, "k)")).Declaration.Kind);
        Assert.Equal(DeclarationKind.GateParameter, Assert.IsType<DeclaredTarget>(TargetAt(index, text, "t *")).Declaration.Kind);
        Assert.Equal(DeclarationKind.Gate, Assert.IsType<DeclaredTarget>(TargetAt(index, text, "g(1)")).Declaration.Kind);
        // `a` is a program register: invisible inside a gate (the binder reports QN2001).
        Assert.Null(TargetAt(index, text, "a; }"));
    }

    [Fact]
    public void NoForwardReferencesAndLoopVariablesStayInTheirLoop()
    {
        const string text = "program p on n { h q; qubit[2] q; for i in 0 .. 2 { h q[i]; } h q[i]; }";
        var index = Index(text);
        Assert.Null(TargetAt(index, text, "q;"));
        Assert.Equal(DeclarationKind.LoopVariable, Assert.IsType<DeclaredTarget>(TargetAt(index, text, "i]", 0)).Declaration.Kind);
        Assert.Null(TargetAt(index, text, "i]", 1));
    }

    [Fact]
    public void AUserGateShadowsNothingButWinsOverTheCatalogWhenItHasACatalogName()
    {
        const string text = "program p on n { qubit a; gate hh b { h b; } hh a; h a; }";
        var index = Index(text);
        Assert.IsType<DeclaredTarget>(TargetAt(index, text, "hh a"));
        Assert.IsType<BuiltinGateTarget>(TargetAt(index, text, "h a;", 1));
    }

    [Fact]
    public void NodesResolveInTheProgramsNetworkOnly()
    {
        const string text = "network m { qpu a { qubits = 1; } } network n { qpu a { qubits = 1; } qpu b { qubits = 1; } } program p on n { qubit x @ a; qubit y @ b; }";
        var index = Index(text);
        var pinned = Assert.IsType<DeclaredTarget>(TargetAt(index, text, "a;")).Declaration;
        Assert.Equal("n", pinned.Container!.Name);
    }
}
