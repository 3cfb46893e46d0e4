using System.Globalization;

namespace QNetLang.Ir;

/// <summary>
/// Writes a runtime classical expression for the IR dump: OpenQASM 3 operators, fully
/// parenthesised, every node prefixed with its type (<c>angle[10](a + b)</c>), so the dump
/// shows exactly how wide each intermediate result is. Bits read as a value are written
/// <c>TYPE({b0, b1, …})</c>, element 0 (least significant) first. The per-node OpenQASM 3 uses
/// the same form with register names, and its reader parses it back
/// (<see cref="ClassicalExpressionParser"/>).
/// </summary>
public static class ClassicalExpressionWriter
{
    public static string Write(ClassicalExpression expression, Func<int, string> bitName) =>
        Write(expression, bits => "{" + string.Join(", ", bits.Select(bitName)) + "}");

    /// <summary>
    /// The same form with the bits read written by <paramref name="bitsText"/> (the per-node
    /// OpenQASM names a whole register or one bit, so <c>uint[3](c)</c> is an OpenQASM cast).
    /// </summary>
    public static string Write(ClassicalExpression expression, Func<System.Collections.Immutable.ImmutableArray<int>, string> bitsText) => expression switch
    {
        ClassicalConstant c => Constant(c.Value),
        ClassicalBits b => $"{b.Type}({bitsText(b.Bits)})",
        ClassicalCast c => $"{c.Type}({Write(c.Operand, bitsText)})",
        ClassicalUnary u => $"{u.Type}({Unary(u.Operator)}{Write(u.Operand, bitsText)})",
        ClassicalBinary b => $"{b.Type}({Write(b.Left, bitsText)} {Binary(b.Operator)} {Write(b.Right, bitsText)})",
        _ => throw new InvalidOperationException($"unknown classical expression {expression.GetType().Name}"),
    };

    /// <summary>
    /// A constant as <c>TYPE(value)</c>: an integer by its value, an angle in radians (an
    /// OpenQASM float-to-angle cast, which rounds back to the same k), a float in round-trip form.
    /// </summary>
    public static string Constant(ClassicalValue value) => value.Type.Kind switch
    {
        ClassicalKind.Float => $"float[64]({value.AsFloat.ToString("R", CultureInfo.InvariantCulture)})",
        ClassicalKind.Angle => $"{value.Type}({value.AsReal.ToString("R", CultureInfo.InvariantCulture)})",
        _ => $"{value.Type}({value.AsInteger.ToString(CultureInfo.InvariantCulture)})",
    };

    public static string Unary(ClassicalUnaryOperator op) => op switch
    {
        ClassicalUnaryOperator.Negate => "-",
        ClassicalUnaryOperator.BitNot => "~",
        _ => "!",
    };

    public static string Binary(ClassicalBinaryOperator op) => op switch
    {
        ClassicalBinaryOperator.Add => "+",
        ClassicalBinaryOperator.Subtract => "-",
        ClassicalBinaryOperator.Multiply => "*",
        ClassicalBinaryOperator.Divide => "/",
        ClassicalBinaryOperator.Modulo => "%",
        ClassicalBinaryOperator.ShiftLeft => "<<",
        ClassicalBinaryOperator.ShiftRight => ">>",
        ClassicalBinaryOperator.BitAnd => "&",
        ClassicalBinaryOperator.BitOr => "|",
        ClassicalBinaryOperator.BitXor => "^",
        ClassicalBinaryOperator.Less => "<",
        ClassicalBinaryOperator.LessOrEqual => "<=",
        ClassicalBinaryOperator.Greater => ">",
        ClassicalBinaryOperator.GreaterOrEqual => ">=",
        ClassicalBinaryOperator.Equal => "==",
        ClassicalBinaryOperator.NotEqual => "!=",
        ClassicalBinaryOperator.LogicalAnd => "&&",
        ClassicalBinaryOperator.Power => "**",
        _ => "||",
    };
}
