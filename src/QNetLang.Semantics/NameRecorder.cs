using QNetLang.Core;
using QNetLang.Syntax.Ast;

namespace QNetLang.Semantics;

/// <summary>
/// How a binder of one file writes to the <see cref="SymbolTable"/>: declarations, resolved
/// names, and the names inside an expression (which the binders otherwise evaluate or check
/// without walking every part, and not at all after an earlier error). Recording never
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
    /// Records every name of an expression as <paramref name="scope"/> resolves it (none when
    /// null: network properties see no program names), built-in constants, functions and units,
    /// and a reduction's round variable with its uses. In a figure (<paramref name="network"/>
    /// given) the two first arguments of a link function name nodes of that network.
    /// </summary>
    public void Expression(Expression expression, Scope? scope, ProgramSymbol? program, Ir.Network? network = null)
    {
        switch (expression)
        {
            case LiteralExpression { Unit: { } unit }:
                if (Units.TryConvert(unit.Text, 1, out _, out _)) Reference(unit, new UnitSymbol(unit.Text));
                break;
            case NameExpression name:
                Reference(name.Name, scope?.Lookup(name.Name.Text)
                    ?? (ExpressionEvaluator.IsBuiltinConstant(name.Name.Text) ? new BuiltinValueSymbol(name.Name.Text, IsFunction: false) : null));
                break;
            case IndexExpression index:
                Reference(index.Name, scope?.Lookup(index.Name.Text));
                Expression(index.Index, scope, program, network);
                break;
            case CallExpression call when network is not null && FigureLinkFunctions.Contains(call.Function.Text):
                for (int i = 0; i < call.Arguments.Length; i++)
                {
                    if (i < 2 && call.Arguments[i] is NameExpression node) Reference(node.Name, table.NodeOf(network, node.Name.Text));
                    else Expression(call.Arguments[i], scope, program, network);
                }
                break;
            case CallExpression call:
                if (ExpressionEvaluator.IsBuiltinFunction(call.Function.Text)) Reference(call.Function, new BuiltinValueSymbol(call.Function.Text, IsFunction: true));
                foreach (var argument in call.Arguments) Expression(argument, scope, program, network);
                break;
            case UnaryExpression unary:
                Expression(unary.Operand, scope, program, network);
                break;
            case BinaryExpression binary:
                Expression(binary.Left, scope, program, network);
                Expression(binary.Right, scope, program, network);
                break;
            case ReductionExpression reduction:
                Expression(reduction.Start, scope, program, network);
                Expression(reduction.End, scope, program, network);
                // The round variable hides outer names inside its reduction, as the figure binder reads it.
                var rounds = new Scope(scope);
                var variable = new LoopVariableSymbol(reduction.Variable.Text, reduction.Variable.Span);
                if (rounds.TryDeclareLocal(variable)) Declare(reduction.Variable, variable, reduction, program);
                Region(reduction.Span, rounds, program);
                Expression(reduction.Body, rounds, program, network);
                if (reduction.Condition is { } condition) Expression(condition, rounds, program, network);
                break;
        }
    }
}
