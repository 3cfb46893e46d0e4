using System.Collections.Immutable;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Syntax.Ast;

namespace QNetLang.Semantics;

/// <summary>
/// How a binder of one file writes to the <see cref="SymbolTable"/>: declarations, resolved
/// names, and the names inside an expression, which it binds to their symbols once
/// (<see cref="Bind"/>) for the binders, the lowerer and tools to read. Recording never
/// reports: what a name means is written down whether or not its use is valid.
/// </summary>
internal sealed class NameRecorder(SymbolTable table, SourceText source)
{
    public SymbolTable Table => table;

    public void Declare(Name name, Symbol symbol, SyntaxNode syntax, Symbol? container) => table.Declare(source, name, symbol, syntax, container);

    public void Reference(Name name, Symbol? symbol) => table.Reference(source, name, symbol);

    /// <summary>Where a scope's names are visible (for completion).</summary>
    public void Region(TextSpan span, Scope scope, ProgramSymbol? program) => table.Region(source, span, scope, program);

    /// <summary>
    /// Binds every name of an expression as <paramref name="scope"/> resolves it (none when
    /// null: network properties see no program names) and records it, with built-in constants,
    /// functions and units, and a reduction's round variable with its uses. In a figure
    /// (<paramref name="inFigure"/>) the figure language's own words are built-ins too:
    /// <c>shot_time</c>, the figure functions (<c>h</c>, <c>max</c>) and the reductions
    /// <c>mean</c> and <c>sum</c>; with <paramref name="network"/> the two first arguments of a
    /// link function (<c>gain(alice, bob)</c>) name nodes of that network.
    /// </summary>
    public BoundExpression Bind(Expression expression, Scope? scope, ProgramSymbol? program, bool inFigure = false, Ir.Network? network = null)
    {
        switch (expression)
        {
            case LiteralExpression literal:
                if (literal.Unit is { } unit && Units.TryConvert(unit.Text, 1, out _, out _)) Reference(unit, new UnitSymbol(unit.Text));
                return new BoundLiteral(literal);
            case NameExpression name:
            {
                var symbol = scope?.Lookup(name.Name.Text) ?? BuiltinValue(name.Name.Text, inFigure);
                Reference(name.Name, symbol);
                return new BoundName(name.Name, symbol, name.Span);
            }
            case IndexExpression index:
            {
                var symbol = scope?.Lookup(index.Name.Text);
                Reference(index.Name, symbol);
                return new BoundIndex(index.Name, symbol, Bind(index.Index, scope, program, inFigure, network), index.Span);
            }
            case CallExpression call when !inFigure && scope?.Lookup(call.Function.Text) is SubroutineSymbol subroutine:
            {
                Reference(call.Function, subroutine);
                var callee = subroutine.Subroutine;
                var arguments = call.Arguments.Select(a => Bind(a, scope, program)).ToImmutableArray();
                // The call site's own result: two calls in one expression keep both values.
                var result = callee.ResultType is { } type ? new ClassicalVariableSymbol(callee.Name + "_result", type, call.Span) : null;
                return new BoundSubroutineCall(call.Function, callee, arguments, result, call.Span);
            }
            case CallExpression call:
            {
                bool linkFunction = inFigure && network is not null && FigureLinkFunctions.Contains(call.Function.Text);
                var function = linkFunction ? new BuiltinValueSymbol(call.Function.Text, IsFunction: true) : BuiltinFunction(call.Function.Text, inFigure);
                Reference(call.Function, function);
                var arguments = ImmutableArray.CreateBuilder<BoundExpression>(call.Arguments.Length);
                for (int i = 0; i < call.Arguments.Length; i++)
                {
                    if (linkFunction && i < 2 && call.Arguments[i] is NameExpression node)
                    {
                        var nodeSymbol = table.NodeOf(network!, node.Name.Text);
                        Reference(node.Name, nodeSymbol);
                        arguments.Add(new BoundName(node.Name, nodeSymbol, node.Span));
                    }
                    else arguments.Add(Bind(call.Arguments[i], scope, program, inFigure, network));
                }
                return new BoundCall(call.Function, function, arguments.MoveToImmutable(), call.Span);
            }
            case UnaryExpression unary:
                return new BoundUnary(unary.Operator, Bind(unary.Operand, scope, program, inFigure, network), unary.Span);
            case CastExpression cast:
            {
                var width = cast.Type.Width is { } w ? Bind(w, scope, program, inFigure, network) : null;
                return new BoundCast(cast.Type, width, Bind(cast.Operand, scope, program, inFigure, network), cast.Span);
            }
            case BinaryExpression binary:
            {
                var left = Bind(binary.Left, scope, program, inFigure, network);
                return new BoundBinary(binary.Operator, left, Bind(binary.Right, scope, program, inFigure, network), binary.Span);
            }
            case ReductionExpression reduction:
            {
                var function = inFigure && reduction.Function.Text is "mean" or "sum" ? new BuiltinValueSymbol(reduction.Function.Text, IsFunction: true) : null;
                Reference(reduction.Function, function);
                var start = Bind(reduction.Start, scope, program, inFigure, network);
                var end = Bind(reduction.End, scope, program, inFigure, network);
                // The round variable hides outer names inside its reduction, as the figure binder reads it.
                var rounds = new Scope(scope);
                var variable = new LoopVariableSymbol(reduction.Variable.Text, reduction.Variable.Span);
                if (rounds.TryDeclareLocal(variable)) Declare(reduction.Variable, variable, reduction, program);
                Region(reduction.Span, rounds, program);
                var body = Bind(reduction.Body, rounds, program, inFigure, network);
                var condition = reduction.Condition is { } test ? Bind(test, rounds, program, inFigure, network) : null;
                return new BoundReduction(reduction.Function, function, variable, start, end, body, condition, reduction.Span);
            }
            default:
                throw new InvalidOperationException($"binder does not know {expression.GetType().Name}");
        }
    }

    private static BuiltinValueSymbol? BuiltinValue(string name, bool inFigure) =>
        ExpressionEvaluator.IsBuiltinConstant(name) || inFigure && name == FigureBinder.ShotTimeName ? new BuiltinValueSymbol(name, IsFunction: false) : null;

    private static BuiltinValueSymbol? BuiltinFunction(string name, bool inFigure) =>
        ExpressionEvaluator.IsBuiltinFunction(name) || inFigure && FigureFunctions.TryGetArity(name, out _) ? new BuiltinValueSymbol(name, IsFunction: true) : null;
}
