using QNetLang.Core;
using QNetLang.Semantics;
using QNetLang.Syntax;

namespace QNetLang.LanguageServer.Tests;

/// <summary>
/// The binder's symbol table, as the server reads it (<see cref="NameBinding"/>): scoping
/// rules, node names in every place they are written, and programs the compiler would not bind.
/// </summary>
public class SymbolTableTests
{
    private const string Path = "test.qn";

    private static SymbolTable Bind(string text)
    {
        var unit = QnSyntax.Parse(new SourceText(Path, text), new DiagnosticBag())!;
        return NameBinding.Bind([unit]).Symbols;
    }

    private static Symbol? SymbolAt(SymbolTable symbols, string text, string word, int occurrence = 0)
    {
        var (line, character) = TestDocuments.Find(text, word, occurrence);
        return symbols.At(Path, new SourceText(Path, text).GetPosition(line + 1, character + 1))?.Symbol;
    }

    [Fact]
    public void GateBodySeesConstantsAndEarlierGatesButNotRegisters()
    {
        // `n` is declared nowhere: the program is still bound, against an empty network.
        const string text = "program p on n { const int k = 2; qubit a; gate g(t) b { rz(t * k) b; } gate f b { g(1) b; x a; } }";
        var symbols = Bind(text);
        Assert.IsType<ConstSymbol>(SymbolAt(symbols, text, "k)"));
        Assert.IsType<GateParameterSymbol>(SymbolAt(symbols, text, "t *"));
        Assert.IsType<GateSymbol>(SymbolAt(symbols, text, "g(1)"));
        Assert.IsType<BuiltinGateSymbol>(SymbolAt(symbols, text, "rz"));
        // `a` is a program register: invisible inside a gate (the binder reports QN2001).
        Assert.Null(SymbolAt(symbols, text, "a; }"));
    }

    [Fact]
    public void NoForwardReferencesAndLoopVariablesStayInTheirLoop()
    {
        const string text = "program p on n { h q; qubit[2] q; for i in 0 .. 2 { h q[i]; } h q[i]; }";
        var symbols = Bind(text);
        Assert.Null(SymbolAt(symbols, text, "q;"));
        Assert.IsType<LoopVariableSymbol>(SymbolAt(symbols, text, "i]", 0));
        Assert.Null(SymbolAt(symbols, text, "i]", 1));
    }

    [Fact]
    public void AUserGateWinsOverTheCatalogOnlyUnderItsOwnName()
    {
        const string text = "program p on n { qubit a; gate hh b { h b; } hh a; h a; }";
        var symbols = Bind(text);
        Assert.IsType<GateSymbol>(SymbolAt(symbols, text, "hh a"));
        Assert.Equal("h", Assert.IsType<BuiltinGateSymbol>(SymbolAt(symbols, text, "h a;", 1)).Info.Name);
    }

    [Fact]
    public void NodesResolveInTheProgramsNetworkOnly()
    {
        const string text = "network m { qpu a { qubits = 1; } } network n { qpu a { qubits = 1; } qpu b { qubits = 1; } } program p on n { qubit x @ a; qubit y @ b; }";
        var symbols = Bind(text);
        var pinned = Assert.IsType<NodeSymbol>(SymbolAt(symbols, text, "a;"));
        Assert.Equal("n", pinned.Network);
        Assert.Equal("n", symbols.DeclarationOf(pinned)!.Container!.Name);
    }

    [Fact]
    public void ANodeIsOneSymbolInItsDeclarationLinksPinsAtTeleportAndSend()
    {
        const string text = """
            network n { qpu alice { qubits = 2; } qpu bob { qubits = 2; } repeater r { } link alice -- r { length = 1 km; } link r -- bob { } }
            program p on n { qubit q @ alice; at alice { h q; } teleport q -> bob; send q -> alice; }
            """;
        var symbols = Bind(text);
        var alice = Assert.IsType<NodeSymbol>(SymbolAt(symbols, text, "alice {"));
        var uses = symbols.OccurrencesIn(Path).Where(o => ReferenceEquals(o.Symbol, alice)).ToList();
        // Its declaration, the link, `@`, `at` and `->`.
        Assert.Equal(5, uses.Count);
        Assert.Single(uses, o => o.IsDeclaration);
        Assert.All(uses, o => Assert.Equal("alice", text.Substring(o.Span.Start, o.Span.Length)));
        Assert.IsType<PropertySymbol>(SymbolAt(symbols, text, "length"));
        Assert.IsType<UnitSymbol>(SymbolAt(symbols, text, "km"));
        Assert.IsType<NetworkSymbol>(SymbolAt(symbols, text, "n {", 1));
    }

    [Fact]
    public void AFiguresReductionVariableAndItsUsesAreRecorded()
    {
        const string text = "network n { qpu a { qubits = 1; } } program p on n { qubit q @ a; bit[2] c; figure f = mean(c[i] over i in 0 .. 2); figure g = 2 * f; }";
        var symbols = Bind(text);
        var round = Assert.IsType<LoopVariableSymbol>(SymbolAt(symbols, text, "i]"));
        Assert.Same(round, SymbolAt(symbols, text, "i in"));
        Assert.IsType<BitRegisterSymbol>(SymbolAt(symbols, text, "c[i]"));
        Assert.IsType<FigureSymbol>(SymbolAt(symbols, text, "f;"));
    }

    [Fact]
    public void NamesAfterASyntaxErrorAndInFailedDeclarationsStillResolve()
    {
        // `m` has an undefined size: its declaration failed, but its uses still lead to it.
        const string text = "network n { qpu a { qubits = 2; } } program p on n { qubit[m] r; qubit q @ a; h q; cx q, r; x q; } program broken on n { h q[; }";
        var source = new SourceText(Path, text);
        var bag = new DiagnosticBag();
        var unit = QnSyntax.Parse(source, bag)!;
        Assert.True(bag.HasErrors);
        var symbols = NameBinding.Bind([unit]).Symbols;
        Assert.IsType<QubitRegisterSymbol>(SymbolAt(symbols, text, "q;", 1));
        var failed = Assert.IsType<ErrorSymbol>(SymbolAt(symbols, text, "r;", 1));
        Assert.Same(failed, SymbolAt(symbols, text, "r;"));
        Assert.IsType<NodeSymbol>(SymbolAt(symbols, text, "a;"));
    }

    [Fact]
    public void CompletionSeesTheScopesOfTheBinder()
    {
        const string text = "program p on n { const int k = 2; qubit[2] q; gate g(t) b { rz(t) b; } for i in 0 .. 2 { h q[i]; } bit c; }";
        var symbols = Bind(text);
        string[] Visible(string word) => [.. symbols.VisibleAt(Path, text.IndexOf(word, StringComparison.Ordinal)).Select(s => s.Name).Order(StringComparer.Ordinal)];
        Assert.Equal(["b", "k", "t"], Visible("rz(t)"));
        Assert.Equal(["g", "i", "k", "q"], Visible("h q[i]"));
        Assert.Equal(["g", "k", "q"], Visible("bit c"));
    }

    [Fact]
    public void OpenQasmPreludeGatesAreResolvedButNotShownOnTheIncludeLine()
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "prelude.qasm");
        const string text = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncu3(0.1, 0.2, 0.3) q[0], q[1];\n";
        var compilation = QNetLang.Compiler.QnCompiler.CompileText(path, text, new QNetLang.Compiler.CompilationOptions { RequireProgram = false, StopAfter = QNetLang.Compiler.CompilerStage.Parse });
        var symbols = NameBinding.Bind(compilation.Units).Symbols;
        var call = symbols.At(path, text.IndexOf("cu3", StringComparison.Ordinal));
        var gate = Assert.IsType<GateSymbol>(call!.Symbol);
        Assert.Equal("cu3", gate.Name);
        // The prelude's definitions sit on the include line; no name is shown or renamed there.
        Assert.Null(symbols.At(path, text.IndexOf("qelib1", StringComparison.Ordinal)));
        Assert.All(symbols.OccurrencesIn(path), o => Assert.Equal(o.Symbol.Name, text.Substring(o.Span.Start, o.Span.Length)));
    }
}
