using QNetLang.Syntax.Ast;

namespace QNetLang.Syntax.Qasm;

/// <summary>
/// Folds the constant integer expressions OpenQASM import needs before binding (register sizes,
/// indices, slice bounds): literals, unary ±, +, − and small products, plus named constants where
/// the caller knows them. Both front ends (the ANTLR one and the flat reader) fold with this, so
/// they agree on which indices are constant and negative.
/// </summary>
internal static class QasmIndexFolding
{
    /// <param name="constant">The value of a named constant, or null when the name is not one (the flat reader knows none).</param>
    public static long? Fold(Expression expression, Func<string, long?>? constant = null) => expression switch
    {
        LiteralExpression { IsInteger: true, Unit: null } literal when literal.Value < 1e15 => (long)literal.Value,
        UnaryExpression { Operator: UnaryOperator.Negate } u => -Fold(u.Operand, constant),
        UnaryExpression { Operator: UnaryOperator.Plus } u => Fold(u.Operand, constant),
        BinaryExpression { Operator: BinaryOperator.Add } b => Fold(b.Left, constant) + Fold(b.Right, constant),
        BinaryExpression { Operator: BinaryOperator.Subtract } b => Fold(b.Left, constant) - Fold(b.Right, constant),
        // Factors are kept small so the product cannot overflow.
        BinaryExpression { Operator: BinaryOperator.Multiply } b when Fold(b.Left, constant) is { } l && Fold(b.Right, constant) is { } r && Math.Abs(l) < 1L << 31 && Math.Abs(r) < 1L << 31 => l * r,
        NameExpression name when constant is not null => constant(name.Name.Text),
        _ => null,
    };
}
