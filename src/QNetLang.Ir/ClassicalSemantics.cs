namespace QNetLang.Ir;

/// <summary>
/// What runtime classical operations compute, once for the compiler's constant folding and the
/// simulator's execution (so the two cannot disagree). OpenQASM 3 semantics: int[n], uint[n]
/// and angle[n] wrap around modulo 2ⁿ; bits convert little-endian (element 0 least
/// significant); angle[n] holds k for the angle 2πk/2ⁿ, so it adds, subtracts and shifts as an
/// n-bit unsigned integer. Division or remainder by zero at run time gives 0 (the compiler
/// refuses it when the divisor is a constant).
/// </summary>
public static class ClassicalSemantics
{
    public static ulong Truncate(ulong raw, int width) => width >= 64 ? raw : raw & ((1UL << width) - 1);

    public static long SignExtend(ulong raw, int width)
    {
        if (width >= 64) return (long)raw;
        ulong sign = 1UL << (width - 1);
        return (long)((raw ^ sign) - sign);
    }

    /// <summary>Evaluates an expression; <paramref name="readBit"/> gives the current value (0/1) of a bit.</summary>
    public static ClassicalValue Evaluate(ClassicalExpression expression, Func<int, int> readBit)
    {
        switch (expression)
        {
            case ClassicalConstant c:
                return c.Value;
            case ClassicalBits b:
            {
                ulong raw = 0;
                for (int i = 0; i < b.Bits.Length && i < 64; i++)
                    if (readBit(b.Bits[i]) != 0) raw |= 1UL << i;
                return new ClassicalValue(b.Type, Truncate(raw, b.Type.Width));
            }
            case ClassicalCast c:
                return Convert(Evaluate(c.Operand, readBit), c.Type);
            case ClassicalUnary u:
                return Unary(u.Operator, Evaluate(u.Operand, readBit), u.Type);
            case ClassicalBinary b:
            {
                var left = Evaluate(b.Left, readBit);
                // && and || do not evaluate their right side when the left decides.
                if (b.Operator == ClassicalBinaryOperator.LogicalAnd && !left.AsBool) return ClassicalValue.OfBool(false);
                if (b.Operator == ClassicalBinaryOperator.LogicalOr && left.AsBool) return ClassicalValue.OfBool(true);
                return Binary(b.Operator, left, Evaluate(b.Right, readBit), b.Type);
            }
            default:
                throw new InvalidOperationException($"unknown classical expression {expression.GetType().Name}");
        }
    }

    /// <summary>
    /// A value converted to <paramref name="type"/>: integers wrap to the width; a float becomes an
    /// integer by truncation and an angle by rounding to the nearest multiple of 2π/2ⁿ; an angle
    /// of another width keeps its most significant bits; bits and integers become an angle by
    /// their pattern; anything non-zero is true.
    /// </summary>
    public static ClassicalValue Convert(ClassicalValue value, ClassicalType type)
    {
        if (value.Type == type) return value;
        switch (type.Kind)
        {
            case ClassicalKind.Bool:
                return ClassicalValue.OfBool(value.AsBool);
            case ClassicalKind.Float:
                return ClassicalValue.OfFloat(value.AsReal);
            case ClassicalKind.Angle when value.Type.Kind == ClassicalKind.Float:
            {
                double turns = value.AsFloat / (2 * Math.PI);
                turns -= Math.Floor(turns);
                double k = Math.Round(turns * Math.Pow(2, type.Width));
                return new ClassicalValue(type, Truncate((ulong)k, type.Width));
            }
            case ClassicalKind.Angle when value.Type.Kind == ClassicalKind.Angle:
            {
                int shift = type.Width - value.Type.Width;
                ulong raw = shift >= 0 ? value.Raw << shift : value.Raw >> -shift;
                return new ClassicalValue(type, Truncate(raw, type.Width));
            }
            default:
                return new ClassicalValue(type, Truncate((ulong)value.AsInteger, type.Width));
        }
    }

    public static ClassicalValue Unary(ClassicalUnaryOperator op, ClassicalValue operand, ClassicalType type)
    {
        operand = op == ClassicalUnaryOperator.LogicalNot ? operand : Convert(operand, type);
        return op switch
        {
            ClassicalUnaryOperator.LogicalNot => ClassicalValue.OfBool(!operand.AsBool),
            ClassicalUnaryOperator.Negate when type.Kind == ClassicalKind.Float => ClassicalValue.OfFloat(-operand.AsFloat),
            ClassicalUnaryOperator.Negate => new ClassicalValue(type, Truncate(0UL - operand.Raw, type.Width)),
            _ => new ClassicalValue(type, Truncate(~operand.Raw, type.Width)),
        };
    }

    public static ClassicalValue Binary(ClassicalBinaryOperator op, ClassicalValue left, ClassicalValue right, ClassicalType type)
    {
        switch (op)
        {
            case ClassicalBinaryOperator.LogicalAnd: return ClassicalValue.OfBool(left.AsBool && right.AsBool);
            case ClassicalBinaryOperator.LogicalOr: return ClassicalValue.OfBool(left.AsBool || right.AsBool);
            case ClassicalBinaryOperator.Less or ClassicalBinaryOperator.LessOrEqual or ClassicalBinaryOperator.Greater
                or ClassicalBinaryOperator.GreaterOrEqual or ClassicalBinaryOperator.Equal or ClassicalBinaryOperator.NotEqual:
                return ClassicalValue.OfBool(Compare(op, left, right));
            case ClassicalBinaryOperator.ShiftLeft or ClassicalBinaryOperator.ShiftRight:
            {
                var value = Convert(left, type);
                long by = right.AsInteger;
                if (by < 0 || by >= 64) return new ClassicalValue(type, op == ClassicalBinaryOperator.ShiftRight && type.Kind == ClassicalKind.Int && value.AsInteger < 0 ? Truncate(ulong.MaxValue, type.Width) : 0);
                if (op == ClassicalBinaryOperator.ShiftLeft) return new ClassicalValue(type, Truncate(value.Raw << (int)by, type.Width));
                // >> is arithmetic on int[n], logical on everything else.
                return type.Kind == ClassicalKind.Int
                    ? ClassicalValue.Of(type, value.AsInteger >> (int)by)
                    : new ClassicalValue(type, value.Raw >> (int)by);
            }
        }
        if (op == ClassicalBinaryOperator.Power) return Power(left, right, type);
        if (type.Kind == ClassicalKind.Float)
        {
            double a = left.AsReal, b = right.AsReal;
            return ClassicalValue.OfFloat(op switch
            {
                ClassicalBinaryOperator.Add => a + b,
                ClassicalBinaryOperator.Subtract => a - b,
                ClassicalBinaryOperator.Multiply => a * b,
                ClassicalBinaryOperator.Divide => a / b,
                ClassicalBinaryOperator.Modulo => a % b,
                _ => throw new InvalidOperationException($"{op} on floats"),
            });
        }
        if (type.Kind == ClassicalKind.Angle)
        {
            // angle ± angle adds the k's; angle * n and angle / n scale k by an integer.
            ulong a = Convert(left, type).Raw;
            ulong b = right.Type.Kind == ClassicalKind.Angle ? Convert(right, type).Raw : (ulong)right.AsInteger;
            if (left.Type.Kind != ClassicalKind.Angle) (a, b) = (Convert(right, type).Raw, (ulong)left.AsInteger);
            ulong raw = op switch
            {
                ClassicalBinaryOperator.Add => a + b,
                ClassicalBinaryOperator.Subtract => a - b,
                ClassicalBinaryOperator.Multiply => a * b,
                ClassicalBinaryOperator.Divide => b == 0 ? 0 : a / b,
                ClassicalBinaryOperator.BitAnd => a & b,
                ClassicalBinaryOperator.BitOr => a | b,
                ClassicalBinaryOperator.BitXor => a ^ b,
                _ => throw new InvalidOperationException($"{op} on angles"),
            };
            return new ClassicalValue(type, Truncate(raw, type.Width));
        }
        long x = Convert(left, type).AsInteger, y = Convert(right, type).AsInteger;
        if (type.Kind != ClassicalKind.Int)
        {
            ulong ux = (ulong)x, uy = (ulong)y;
            ulong result = op switch
            {
                ClassicalBinaryOperator.Divide => uy == 0 ? 0 : ux / uy,
                ClassicalBinaryOperator.Modulo => uy == 0 ? 0 : ux % uy,
                _ => (ulong)IntegerOp(op, x, y),
            };
            return new ClassicalValue(type, Truncate(result, type.Width));
        }
        return ClassicalValue.Of(type, op switch
        {
            ClassicalBinaryOperator.Divide => y == 0 ? 0 : x / y,
            ClassicalBinaryOperator.Modulo => y == 0 ? 0 : x % y,
            _ => IntegerOp(op, x, y),
        });
    }

    /// <summary>A float power, or an integer one by squaring and multiplying, wrapping at the type's width like repeated multiplication.</summary>
    private static ClassicalValue Power(ClassicalValue left, ClassicalValue right, ClassicalType type)
    {
        if (type.Kind == ClassicalKind.Float) return ClassicalValue.OfFloat(Math.Pow(left.AsReal, right.AsReal));
        long exponent = right.AsInteger, result = 1, power = Convert(left, type).AsInteger;
        if (exponent < 0) result = 0;
        for (long e = exponent; e > 0; e >>= 1)
        {
            if ((e & 1) == 1) result = unchecked(result * power);
            power = unchecked(power * power);
        }
        return type.Kind == ClassicalKind.Int ? ClassicalValue.Of(type, result) : new ClassicalValue(type, Truncate((ulong)result, type.Width));
    }

    private static long IntegerOp(ClassicalBinaryOperator op, long x, long y) => unchecked(op switch
    {
        ClassicalBinaryOperator.Add => x + y,
        ClassicalBinaryOperator.Subtract => x - y,
        ClassicalBinaryOperator.Multiply => x * y,
        ClassicalBinaryOperator.BitAnd => x & y,
        ClassicalBinaryOperator.BitOr => x | y,
        ClassicalBinaryOperator.BitXor => x ^ y,
        _ => throw new InvalidOperationException($"{op} on integers"),
    });

    /// <summary>Angles compare by k (at the wider width); anything with a float as reals; integers as integers.</summary>
    private static bool Compare(ClassicalBinaryOperator op, ClassicalValue left, ClassicalValue right)
    {
        int sign;
        if (left.Type.Kind == ClassicalKind.Angle && right.Type.Kind == ClassicalKind.Angle)
        {
            var wide = new ClassicalType(ClassicalKind.Angle, Math.Max(left.Type.Width, right.Type.Width));
            sign = Convert(left, wide).Raw.CompareTo(Convert(right, wide).Raw);
        }
        else if (left.Type.Kind is ClassicalKind.Float or ClassicalKind.Angle || right.Type.Kind is ClassicalKind.Float or ClassicalKind.Angle)
            sign = left.AsReal.CompareTo(right.AsReal);
        else sign = left.AsInteger.CompareTo(right.AsInteger);
        return op switch
        {
            ClassicalBinaryOperator.Less => sign < 0,
            ClassicalBinaryOperator.LessOrEqual => sign <= 0,
            ClassicalBinaryOperator.Greater => sign > 0,
            ClassicalBinaryOperator.GreaterOrEqual => sign >= 0,
            ClassicalBinaryOperator.Equal => sign == 0,
            _ => sign != 0,
        };
    }
}
