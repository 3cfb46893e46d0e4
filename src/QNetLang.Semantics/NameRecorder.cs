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
    /// and a reduction's round variable with its uses.
    /// </summary>
    public void Expression(Expression expression, Scope? scope, ProgramSymbol? program)
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
                Expression(index.Index, scope, program);
                break;
            case CallExpression call:
                if (ExpressionEvaluator.IsBuiltinFunction(call.Function.Text)) Reference(call.Function, new BuiltinValueSymbol(call.Function.Text, IsFunction: true));
                foreach (var argument in call.Arguments) Expression(argument, scope, program);
                break;
            case UnaryExpression unary:
                Expression(unary.Operand, scope, program);
                break;
            case CastExpression cast:
                if (cast.Type.Width is { } width) Expression(width, scope, program);
                Expression(cast.Operand, scope, program);
                break;
            case BinaryExpression binary:
                Expression(binary.Left, scope, program);
                Expression(binary.Right, scope, program);
                break;
            case ReductionExpression reduction:
                Expression(reduction.Start, scope, program);
                Expression(reduction.End, scope, program);
                // The round variable hides outer names inside its reduction, as the figure binder reads it.
                var rounds = new Scope(scope);
                var variable = new LoopVariableSymbol(reduction.Variable.Text, reduction.Variable.Span);
                if (rounds.TryDeclareLocal(variable)) Declare(reduction.Variable, variable, reduction, program);
                Region(reduction.Span, rounds, program);
                Expression(reduction.Body, rounds, program);
                if (reduction.Condition is { } condition) Expression(condition, rounds, program);
                break;
        }
    }
}
