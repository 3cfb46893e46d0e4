using System.Globalization;
using System.Numerics;
using QNetLang.Syntax.Ast;

namespace QNetLang.Semantics.Lowering;

/// <summary>
/// Folds integer-only constant expressions (integer literals and integer constants, unary ±,
/// +, −, ×, and powers) in arbitrary precision. The general evaluator keeps numbers in doubles,
/// exact only up to 2^53, but a classical register may be any width, and `if (c == N)` must
/// compare it with every value it can hold — OpenQASM exporters write such comparisons for
/// 64-bit and wider registers.
/// </summary>
internal static class ExactIntegerFolding
{
    /// <summary>Results are capped at this many bits: far wider than any register can be, and a bound on the work.</summary>
    private const long MaxBits = 4L * SemanticLimits.MaxRegisterSize;

    /// <summary>
    /// <see cref="TryFold"/>, true only for a value beyond ±2^53, which the general evaluator
    /// cannot hold exactly (smaller ones it computes the same).
    /// </summary>
    public static bool TryFoldBeyondDoubles(BoundExpression expression, out BigInteger value) =>
        TryFold(expression, out value) && BigInteger.Abs(value) > new BigInteger(ConstValue.MaxExactInteger);

    /// <summary>True, with the value, when the expression is made of integer literals and integer arithmetic only.</summary>
    public static bool TryFold(BoundExpression expression, out BigInteger value)
    {
        value = default;
        switch (expression)
        {
            case BoundLiteral { Literal: { IsInteger: true, Unit: null } literal }:
                return BigInteger.TryParse(literal.Text.Replace("_", ""), NumberStyles.None, CultureInfo.InvariantCulture, out value);
            case BoundName { Symbol: ConstSymbol { Wide: { } wide } }:
                value = wide;
                return true;
            case BoundName { Symbol: ConstSymbol { Type: ScalarType.Int, Value: { Kind: ValueKind.Int } constant } }:
                value = new BigInteger(constant.Number);
                return true;
            case BoundUnary { Operator: UnaryOperator.Negate or UnaryOperator.Plus } unary:
                if (!TryFold(unary.Operand, out value)) return false;
                if (unary.Operator == UnaryOperator.Negate) value = -value;
                return true;
            case BoundBinary { Operator: BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Power } binary:
                if (!TryFold(binary.Left, out var left) || !TryFold(binary.Right, out var right)) return false;
                return Combine(binary.Operator, left, right, out value);
            default:
                return false;
        }
    }

    private static bool Combine(BinaryOperator op, BigInteger left, BigInteger right, out BigInteger value)
    {
        value = default;
        switch (op)
        {
            case BinaryOperator.Add:
                value = left + right;
                return true;
            case BinaryOperator.Subtract:
                value = left - right;
                return true;
            case BinaryOperator.Multiply:
                if (left.GetBitLength() + right.GetBitLength() > MaxBits) return false;
                value = left * right;
                return true;
            default:
                // A negative power is not an integer; the general evaluator gives it its meaning.
                if (right.Sign < 0 || right > MaxBits) return false;
                int exponent = (int)right;
                if (left.GetBitLength() * exponent > MaxBits) return false;
                value = BigInteger.Pow(left, exponent);
                return true;
        }
    }
}
