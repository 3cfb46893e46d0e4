using QNetLang.Compiler;
using QNetLang.Semantics;

namespace QNetLang.Tests;

/// <summary>
/// The bound tree binds expressions to symbols: every name of a bound expression (gate
/// arguments, operand indices, loop bounds, conditions) points at the very symbol the binder
/// declared and recorded in the table, so the lowerer reads it instead of looking the name up;
/// and the figure language's words and property choices are recorded as names too.
/// </summary>
public class BoundExpressionTests
{
    private const string Source = """
        network lab {
            swap = nested;
            qpu a { qubits = 4; }
            qpu b { qubits = 4; }
            link a -- b { length = 1 km; kind = fiber; }
        }
        program p on lab {
            const float theta = pi / 4;
            qubit[2] q @ a;
            bit[2] c;
            gate turn(t) x { rz(t * 2) x; }
            for i in 0 .. 2 {
                rx(theta * i) q[i];
                turn(sin(theta)) q[1 - i];
            }
            c = measure q;
            if (c[0] == 1) { x q[1]; }
            figure f = max(mean(c[k] over k in 0 .. 2), shot_time);
        }
        """;

    private static (BoundProgram Program, SymbolTable Table) Bind()
    {
        var result = QnCompiler.CompileText(Path.Combine(Path.GetTempPath(), "bound-expressions.qn"), Source, new CompilationOptions { StopAfter = CompilerStage.Bind });
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Items));
        return (Assert.Single(result.BoundPrograms), result.Symbols);
    }

    private static IEnumerable<BoundExpression> Expressions(IEnumerable<BoundStatement> statements)
    {
        foreach (var statement in statements)
        {
            IEnumerable<BoundExpression?> own = statement switch
            {
                BoundGateCall call => [.. call.Arguments, .. call.Operands.Select(o => o.Index)],
                BoundMeasure m => [m.Qubit.Index, m.Target?.Index],
                BoundFor f => [f.Start, f.End, f.Step],
                BoundIf i => [i.Condition],
                BoundWhile w => [w.Condition],
                _ => [],
            };
            foreach (var expression in own.OfType<BoundExpression>()) yield return expression;
            IEnumerable<BoundStatement> inner = statement switch
            {
                BoundFor f => f.Body,
                BoundIf i => [.. i.Then, .. i.Else],
                BoundWhile w => w.Body,
                BoundAt a => a.Body,
                BoundBlock b => b.Body,
                _ => [],
            };
            foreach (var expression in Expressions(inner)) yield return expression;
        }
    }

    private static IEnumerable<BoundExpression> Descendants(BoundExpression expression)
    {
        yield return expression;
        IEnumerable<BoundExpression?> children = expression switch
        {
            BoundIndex i => [i.Index],
            BoundUnary u => [u.Operand],
            BoundBinary b => [b.Left, b.Right],
            BoundCall c => [.. c.Arguments],
            BoundReduction r => [r.Start, r.End, r.Body, r.Condition],
            _ => [],
        };
        foreach (var child in children.OfType<BoundExpression>())
            foreach (var descendant in Descendants(child)) yield return descendant;
    }

    [Fact]
    public void EveryBoundNameIsTheSymbolTheTableRecorded()
    {
        var (program, table) = Bind();
        var statements = program.Statements.Concat(program.Gates.SelectMany(g => g.Body));
        var names = Expressions(statements).SelectMany(Descendants).ToList();
        int checkedNames = 0;
        foreach (var expression in names)
        {
            var (name, symbol) = expression switch
            {
                BoundName n => (n.Name, n.Symbol),
                BoundIndex i => (i.Name, i.Symbol),
                _ => (null, null),
            };
            if (name is null) continue;
            Assert.NotNull(symbol);
            if (symbol is BuiltinSymbol) Assert.Equal(symbol, table.Resolve(name));
            else Assert.Same(symbol, table.Resolve(name));
            checkedNames++;
        }
        // theta, i, q... every name above: theta ×2, i ×3, c, t, pi is in the constant's value (not a statement).
        Assert.True(checkedNames >= 7, $"only {checkedNames} names checked");
    }

    [Fact]
    public void ALoopsBoundNamesAreItsOwnVariableAndTheDeclaredConstant()
    {
        var (program, table) = Bind();
        var loop = Assert.Single(program.Statements.OfType<BoundFor>());
        var rotation = Assert.IsType<BoundGateCall>(loop.Body[0]);
        var product = Assert.IsType<BoundBinary>(Assert.Single(rotation.Arguments));
        var theta = Assert.IsType<BoundName>(product.Left);
        Assert.Same(table.Declarations.Single(d => d.Symbol.Name == "theta").Symbol, theta.Symbol);
        Assert.Same(loop.Variable, Assert.IsType<BoundName>(product.Right).Symbol);
        Assert.Same(loop.Variable, Assert.IsType<BoundName>(rotation.Operands[0].Index).Symbol);
        var call = Assert.IsType<BoundCall>(Assert.Single(Assert.IsType<BoundGateCall>(loop.Body[1]).Arguments));
        Assert.Equal(new BuiltinValueSymbol("sin", IsFunction: true), call.FunctionSymbol);
        var gate = Assert.Single(program.Gates);
        var scaled = Assert.IsType<BoundBinary>(Assert.Single(Assert.Single(gate.Body).Arguments));
        Assert.IsType<GateParameterSymbol>(Assert.IsType<BoundName>(scaled.Left).Symbol);
    }

    [Fact]
    public void TheFigureLanguagesWordsAndPropertyChoicesAreRecordedAsBuiltins()
    {
        var (_, table) = Bind();
        string path = Path.Combine(Path.GetTempPath(), "bound-expressions.qn");
        Symbol At(string word, int occurrence = 0)
        {
            int offset = -1;
            for (int i = 0; i <= occurrence; i++) offset = Source.IndexOf(word, offset + 1, StringComparison.Ordinal);
            var found = table.At(path, offset);
            Assert.True(found is not null, $"'{word}' is not in the table");
            Assert.Equal(offset, found.Span.Start);
            return found.Symbol;
        }
        Assert.Equal(new BuiltinValueSymbol("max", IsFunction: true), At("max("));
        Assert.Equal(new BuiltinValueSymbol("mean", IsFunction: true), At("mean("));
        Assert.Equal(new BuiltinValueSymbol("shot_time", IsFunction: false), At("shot_time"));
        Assert.Equal("nested", Assert.IsType<PropertyChoiceSymbol>(At("nested")).Choice);
        Assert.Equal("kind", Assert.IsType<PropertyChoiceSymbol>(At("fiber")).Property.Name);
    }

    [Fact]
    public void ShotTimeAndFigureFunctionsAreNamesOnlyInFigures()
    {
        var result = QnCompiler.CompileText(Path.Combine(Path.GetTempPath(), "outside.qn"),
            "network n { qpu a { qubits = 1; } }\nprogram p on n { qubit q @ a; rx(shot_time) q; rx(max(1, 2)) q; }",
            new CompilationOptions { StopAfter = CompilerStage.Bind });
        Assert.Equal(["QN2001", "QN2001"], result.Diagnostics.Items.Select(d => d.Code).ToArray());
        Assert.DoesNotContain(result.Symbols.Occurrences, o => o.Symbol is BuiltinValueSymbol);
    }
}
