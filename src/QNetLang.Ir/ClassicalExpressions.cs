using System.Collections.Immutable;
using System.Globalization;

namespace QNetLang.Ir;

/// <summary>The scalar types of runtime classical values (OpenQASM's): a bit register reads as an unsigned integer.</summary>
public enum ClassicalKind
{
    Bool,
    Int,
    Uint,
    Angle,
    Float,
    Bits,
}

/// <summary>A classical type with its width in bits (bool 1, float 64).</summary>
public readonly record struct ClassicalType(ClassicalKind Kind, int Width)
{
    public static ClassicalType Bool => new(ClassicalKind.Bool, 1);

    public static ClassicalType Float => new(ClassicalKind.Float, 64);

    public bool IsInteger => Kind is ClassicalKind.Int or ClassicalKind.Uint or ClassicalKind.Bits or ClassicalKind.Bool;

    /// <summary>As OpenQASM writes it: <c>int[8]</c>, <c>angle[10]</c>, <c>bool</c>, <c>float[64]</c>, <c>bit[3]</c>.</summary>
    public override string ToString() => Kind switch
    {
        ClassicalKind.Bool => "bool",
        ClassicalKind.Int => $"int[{Width.ToString(CultureInfo.InvariantCulture)}]",
        ClassicalKind.Uint => $"uint[{Width.ToString(CultureInfo.InvariantCulture)}]",
        ClassicalKind.Angle => $"angle[{Width.ToString(CultureInfo.InvariantCulture)}]",
        ClassicalKind.Float => "float[64]",
        _ => $"bit[{Width.ToString(CultureInfo.InvariantCulture)}]",
    };
}

public enum ClassicalUnaryOperator
{
    Negate,
    BitNot,
    LogicalNot,
}

public enum ClassicalBinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    ShiftLeft,
    ShiftRight,
    BitAnd,
    BitOr,
    BitXor,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
    LogicalAnd,
    LogicalOr,
    /// <summary><c>a ** b</c>: a float power when the type is float, otherwise repeated multiplication at the type's width (0 for a negative exponent).</summary>
    Power,
}

/// <summary>
/// An expression over a node's copies of classical bits, evaluated at run time by the node that
/// executes it (<see cref="ClassicalSemantics"/>). The lowerer builds one only when a value
/// depends on a measurement; everything constant is folded before.
/// </summary>
public abstract record ClassicalExpression(ClassicalType Type);

/// <summary>A constant of the expression's type.</summary>
public sealed record ClassicalConstant(ClassicalValue Value) : ClassicalExpression(Value.Type);

/// <summary>Bits read as a value of <paramref name="Type"/>, element 0 least significant (OpenQASM's little-endian cast).</summary>
public sealed record ClassicalBits(ImmutableArray<int> Bits, ClassicalType Type) : ClassicalExpression(Type);

public sealed record ClassicalUnary(ClassicalUnaryOperator Operator, ClassicalExpression Operand, ClassicalType Type) : ClassicalExpression(Type);

public sealed record ClassicalBinary(ClassicalBinaryOperator Operator, ClassicalExpression Left, ClassicalExpression Right, ClassicalType Type) : ClassicalExpression(Type);

/// <summary>A conversion to <paramref name="Type"/> (<see cref="ClassicalSemantics.Convert"/>).</summary>
public sealed record ClassicalCast(ClassicalExpression Operand, ClassicalType Type) : ClassicalExpression(Type);

/// <summary>
/// A runtime value: an integer type keeps its two's-complement pattern in <see cref="Raw"/>
/// (truncated to the width), an angle[n] the integer k of 2πk/2ⁿ, a float its IEEE bits.
/// </summary>
public readonly record struct ClassicalValue(ClassicalType Type, ulong Raw)
{
    public static ClassicalValue Of(ClassicalType type, long value) => new(type, ClassicalSemantics.Truncate((ulong)value, type.Width));

    public static ClassicalValue OfFloat(double value) => new(ClassicalType.Float, (ulong)BitConverter.DoubleToInt64Bits(value));

    public static ClassicalValue OfBool(bool value) => new(ClassicalType.Bool, value ? 1UL : 0UL);

    public double AsFloat => BitConverter.Int64BitsToDouble((long)Raw);

    /// <summary>The integer the value stands for (signed for int[n]); a float truncates, an angle gives k.</summary>
    public long AsInteger => Type.Kind switch
    {
        ClassicalKind.Int => ClassicalSemantics.SignExtend(Raw, Type.Width),
        ClassicalKind.Float => (long)Math.Truncate(AsFloat),
        _ => (long)Raw,
    };

    /// <summary>The real number the value stands for: an angle in radians.</summary>
    public double AsReal => Type.Kind switch
    {
        ClassicalKind.Float => AsFloat,
        ClassicalKind.Angle => 2 * Math.PI * Raw / Math.Pow(2, Type.Width),
        _ => AsInteger,
    };

    public bool AsBool => Type.Kind == ClassicalKind.Float ? AsFloat != 0 : Raw != 0;

    public override string ToString() => Type.Kind switch
    {
        ClassicalKind.Float => AsFloat.ToString("R", CultureInfo.InvariantCulture),
        ClassicalKind.Bool => AsBool ? "true" : "false",
        _ => AsInteger.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>Helpers over classical expressions.</summary>
public static class ClassicalExpressions
{
    /// <summary>Every bit an expression reads (with repeats, in the order written).</summary>
    public static IEnumerable<int> BitsOf(ClassicalExpression expression) => expression switch
    {
        ClassicalBits b => b.Bits,
        ClassicalUnary u => BitsOf(u.Operand),
        ClassicalBinary b => BitsOf(b.Left).Concat(BitsOf(b.Right)),
        ClassicalCast c => BitsOf(c.Operand),
        _ => [],
    };

    /// <summary>Rewrites the bit indices an expression reads.</summary>
    public static ClassicalExpression MapBits(ClassicalExpression expression, Func<int, int> map) => expression switch
    {
        ClassicalBits b => b with { Bits = [.. b.Bits.Select(map)] },
        ClassicalUnary u => u with { Operand = MapBits(u.Operand, map) },
        ClassicalBinary b => b with { Left = MapBits(b.Left, map), Right = MapBits(b.Right, map) },
        ClassicalCast c => c with { Operand = MapBits(c.Operand, map) },
        _ => expression,
    };
}
