using System.Globalization;
using QNetLang.Core;
using QNetLang.Ir;

namespace QNetLang.Backends.Qir;

/// <summary>
/// A runtime classical value in the entry point: a constant, or an SSA value named
/// <see cref="Operand"/>. Integer kinds (int[n], uint[n], bit registers, angle[n]) are <c>i64</c>
/// holding the n-bit pattern zero-extended (<see cref="ClassicalValue.Raw"/>), bool is <c>i1</c>,
/// float is <c>double</c>.
/// </summary>
public sealed record QirValue(ClassicalType Type, string Operand, ClassicalValue? Constant)
{
    public static QirValue Of(ClassicalValue value) => new(value.Type, ConstantText(value), value);

    public string LlvmType => LlvmTypeOf(Type);

    /// <summary>The operand with its type, as a call argument: <c>i64 %v3</c>, <c>double 0x…</c>.</summary>
    public string Typed => LlvmType + " " + Operand;

    public static string LlvmTypeOf(ClassicalType type) => type.Kind switch
    {
        ClassicalKind.Bool => "i1",
        ClassicalKind.Float => "double",
        _ => "i64",
    };

    private static string ConstantText(ClassicalValue value) => value.Type.Kind switch
    {
        ClassicalKind.Bool => value.AsBool ? "true" : "false",
        ClassicalKind.Float => QirClassicalWriter.Hex(value.AsFloat),
        _ => ((long)value.Raw).ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>What the classical writer needs from the entry point being written: fresh names, instructions, blocks and the current value of each bit.</summary>
public interface IQirCode
{
    /// <summary>A fresh SSA name, <c>%vN</c>.</summary>
    string NewValue();

    /// <summary>A fresh block label with the given prefix.</summary>
    string NewLabel(string prefix);

    /// <summary>The block instructions are being written into.</summary>
    string CurrentBlock { get; }

    /// <summary>An instruction; <paramref name="on"/> is the type it computes on (<c>i64</c> and <c>double</c> need a declared capability, <c>i1</c> does not).</summary>
    void Emit(string text, string on);

    void Branch(string condition, string then, string otherwise);

    void Jump(string label);

    void Block(string label);

    /// <summary>The bit's current value as an <c>i1</c> operand (a constant, an SSA value, or a <c>read_result</c> of its result).</summary>
    string ReadBit(int bit);

    /// <summary>The bit's value when it is a known constant.</summary>
    bool? ConstantBit(int bit);

    /// <summary>
    /// When the bit was written by a runtime assignment and not since: the <c>i64</c> pattern the
    /// assignment computed (<paramref name="bit"/> is its bit <c>Index</c>) and that pattern's width,
    /// so a read of the whole variable reuses it instead of reassembling it bit by bit.
    /// </summary>
    (string Word, int Index, int Width)? WordBit(int bit);
}

/// <summary>
/// A construct per-node QIR cannot express: the Adaptive Profile has no instruction for it
/// (<see cref="What"/> says which, for QN3009).
/// </summary>
public sealed class QirUnexpressibleException(string what, Location? at = null) : Exception(what)
{
    public string What { get; } = what;

    public Location? At { get; set; } = at;
}

/// <summary>
/// Writes runtime classical expressions as Adaptive Profile instructions, computing exactly what
/// <see cref="ClassicalSemantics"/> computes (the simulator's semantics): integers on <c>i64</c>,
/// each result truncated back to its n bits, int[n] sign-extended where its value is needed;
/// division and remainder by zero give 0 (guarded with <c>select</c>, as the profile leaves
/// them undefined); shifts by 64 or more give what the simulator gives; floats on <c>double</c>.
/// Only the instructions the specification lists are used: there is no <c>sitofp</c> or
/// <c>uitofp</c> in the profile, so an integer becomes a double by adding the powers of two of
/// its set bits (forward branches and <c>phi</c>, exact: a 64-bit value is split in two 32-bit
/// halves whose sum is rounded once, as a conversion would). A float never becomes an integer
/// (no <c>fptosi</c>), a float remainder has no <c>frem</c>, and a float variable cannot be
/// stored in bits (no <c>bitcast</c>): those throw <see cref="QirUnexpressibleException"/>.
/// </summary>
public sealed class QirClassicalWriter(IQirCode code)
{
    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    public QirValue Compile(ClassicalExpression expression)
    {
        if (!ClassicalExpressions.BitsOf(expression).Any()) return QirValue.Of(ClassicalSemantics.Evaluate(expression, _ => 0));
        return expression switch
        {
            ClassicalConstant c => QirValue.Of(c.Value),
            ClassicalBits b => Bits(b),
            ClassicalCast c => Convert(Compile(c.Operand), c.Type),
            ClassicalUnary u => Unary(u.Operator, Compile(u.Operand), u.Type),
            ClassicalBinary b => Binary(b.Operator, Compile(b.Left), Compile(b.Right), b.Type),
            _ => throw new InvalidOperationException($"unknown classical expression {expression.GetType().Name}"),
        };
    }

    /// <summary>The value as radians for a gate angle (<c>double</c>).</summary>
    public string Real(QirValue value) => AsReal(value).Operand;

    /// <summary>The value as a condition (<c>i1</c>): non-zero is true.</summary>
    public string Truth(QirValue value) => AsBool(value).Operand;

    /// <summary>The <c>i1</c> value of bit <paramref name="index"/> of a value's pattern (an assignment writes these into its target bits).</summary>
    public string BitOf(QirValue value, int index)
    {
        if (value.Type.Kind == ClassicalKind.Float) throw new QirUnexpressibleException("a float variable stored at run time (its bits need a bitcast, which the Adaptive Profile does not have)");
        if (value.Type.Kind == ClassicalKind.Bool) return index == 0 ? value.Operand : "false";
        if (index >= 64) return "false";
        if (value.Constant is { } c) return ((c.Raw >> index) & 1) != 0 ? "true" : "false";
        string masked = Int($"and i64 {value.Operand}, {N(unchecked((long)(1UL << index)))}");
        return Int($"icmp ne i64 {masked}, 0");
    }

    // ---- values of bits ----

    private QirValue Bits(ClassicalBits bits)
    {
        int count = Math.Min(bits.Bits.Length, Math.Min(64, bits.Type.Width));
        ulong constant = 0;
        bool allConstant = true;
        for (int i = 0; i < count; i++)
        {
            if (code.ConstantBit(bits.Bits[i]) is { } known) constant |= known ? 1UL << i : 0;
            else allConstant = false;
        }
        if (allConstant && bits.Type.Kind != ClassicalKind.Float) return QirValue.Of(new ClassicalValue(bits.Type, ClassicalSemantics.Truncate(constant, bits.Type.Width)));
        if (bits.Type.Kind == ClassicalKind.Float) throw new QirUnexpressibleException("a float variable read at run time (its bits need a bitcast, which the Adaptive Profile does not have)");
        if (bits.Type.Kind == ClassicalKind.Bool && count == 1) return new QirValue(bits.Type, code.ReadBit(bits.Bits[0]), null);
        // Bits that come from one assignment's pattern at the same distance from their place are
        // taken together (one shift and one mask: a whole variable read back is its pattern as is);
        // any other bit is placed on its own.
        string? word = null;
        var groups = new List<(string Word, int Shift, ulong Mask, int Width)>();
        for (int i = 0; i < count; i++)
        {
            if (code.ConstantBit(bits.Bits[i]) is not null) continue;
            if (code.WordBit(bits.Bits[i]) is { } w)
            {
                int shift = i - w.Index;
                int g = groups.FindIndex(x => x.Word == w.Word && x.Shift == shift);
                if (g < 0) groups.Add((w.Word, shift, 1UL << i, w.Width));
                else groups[g] = groups[g] with { Mask = groups[g].Mask | (1UL << i) };
                continue;
            }
            string bit = code.ReadBit(bits.Bits[i]);
            string wide = Int($"zext i1 {bit} to i64");
            string placed = i == 0 ? wide : Int($"shl i64 {wide}, {N(i)}");
            word = word is null ? placed : Int($"or i64 {word}, {placed}");
        }
        foreach (var (source, shift, mask, width) in groups)
        {
            string moved = shift > 0 ? Int($"shl i64 {source}, {N(shift)}") : shift < 0 ? Int($"lshr i64 {source}, {N(-shift)}") : source;
            // The pattern holds nothing above its width: a mask that keeps all of it is no mask.
            bool whole = shift == 0 && width < 64 && mask == (1UL << width) - 1 || shift == 0 && width >= 64 && mask == ulong.MaxValue;
            string part = whole ? moved : Int($"and i64 {moved}, {N(unchecked((long)mask))}");
            word = word is null ? part : Int($"or i64 {word}, {part}");
        }
        if (constant != 0) word = Int($"or i64 {word}, {N(unchecked((long)constant))}");
        if (bits.Type.Kind == ClassicalKind.Bool) return new QirValue(bits.Type, Int($"icmp ne i64 {word}, 0"), null);
        return new QirValue(bits.Type, word!, null);
    }

    // ---- conversions (ClassicalSemantics.Convert and the Value accessors) ----

    public QirValue Convert(QirValue value, ClassicalType type)
    {
        if (value.Type == type) return value;
        if (value.Constant is { } c) return QirValue.Of(ClassicalSemantics.Convert(c, type));
        switch (type.Kind)
        {
            case ClassicalKind.Bool:
                return AsBool(value);
            case ClassicalKind.Float:
                return AsReal(value);
            case ClassicalKind.Angle when value.Type.Kind == ClassicalKind.Float:
                throw new QirUnexpressibleException($"the conversion of a float to {type} at run time (the Adaptive Profile has no float-to-integer instruction)");
            case ClassicalKind.Angle when value.Type.Kind == ClassicalKind.Angle:
            {
                int shift = type.Width - value.Type.Width;
                string raw = shift >= 0 ? Int($"shl i64 {value.Operand}, {N(shift)}") : Int($"lshr i64 {value.Operand}, {N(-shift)}");
                return new QirValue(type, Truncate(raw, type.Width), null);
            }
            default:
                return new QirValue(type, Truncate(AsInteger(value), type.Width), null);
        }
    }

    /// <summary>ClassicalValue.AsInteger as an <c>i64</c>: int[n] sign-extended, a bool zero-extended, other integer kinds their pattern.</summary>
    private string AsInteger(QirValue value)
    {
        if (value.Constant is { } c) return N(c.AsInteger);
        return value.Type.Kind switch
        {
            ClassicalKind.Float => throw new QirUnexpressibleException("the conversion of a float to an integer at run time (the Adaptive Profile has no float-to-integer instruction)"),
            ClassicalKind.Bool => Int($"zext i1 {value.Operand} to i64"),
            ClassicalKind.Int when value.Type.Width < 64 => SignExtend(value.Operand, value.Type.Width),
            _ => value.Operand,
        };
    }

    private string SignExtend(string raw, int width)
    {
        string up = Int($"shl i64 {raw}, {N(64 - width)}");
        return Int($"ashr i64 {up}, {N(64 - width)}");
    }

    private string Truncate(string raw, int width) =>
        width >= 64 ? raw : Int($"and i64 {raw}, {N((long)((1UL << width) - 1))}");

    /// <summary>ClassicalValue.AsReal as a <c>double</c>: an angle 2πk/2ⁿ (computed as the simulator does, (2π·k)/2ⁿ), an integer its value.</summary>
    private QirValue AsReal(QirValue value)
    {
        if (value.Constant is { } c) return QirValue.Of(ClassicalValue.OfFloat(c.AsReal));
        switch (value.Type.Kind)
        {
            case ClassicalKind.Float:
                return value;
            case ClassicalKind.Angle:
            {
                string k = ToDouble(value.Operand, Math.Min(64, value.Type.Width), signed: false);
                string turns = Float($"fmul double {Hex(2 * Math.PI)}, {k}");
                return new QirValue(ClassicalType.Float, Float($"fdiv double {turns}, {Hex(Math.Pow(2, value.Type.Width))}"), null);
            }
            case ClassicalKind.Bool:
                return new QirValue(ClassicalType.Float, ToDouble(AsInteger(value), 1, signed: false), null);
            default:
            {
                // AsInteger is a long: an int[n] is sign-extended, and a 64-bit pattern is read as signed, as the simulator reads it.
                bool signed = value.Type.Kind == ClassicalKind.Int || value.Type.Width >= 64;
                return new QirValue(ClassicalType.Float, ToDouble(AsInteger(value), Math.Min(64, value.Type.Width), signed), null);
            }
        }
    }

    private QirValue AsBool(QirValue value)
    {
        if (value.Constant is { } c) return QirValue.Of(ClassicalValue.OfBool(c.AsBool));
        return value.Type.Kind switch
        {
            ClassicalKind.Bool => value,
            // != 0 is true for NaN too, as in the simulator: unordered-or-not-equal.
            ClassicalKind.Float => new QirValue(ClassicalType.Bool, Float($"fcmp une double {value.Operand}, 0.0"), null),
            _ => new QirValue(ClassicalType.Bool, Int($"icmp ne i64 {value.Operand}, 0"), null),
        };
    }

    /// <summary>
    /// An <c>i64</c> holding a <paramref name="width"/>-bit integer (sign-extended when
    /// <paramref name="signed"/>, its top bit then weighing -2^(width-1)) as a <c>double</c>,
    /// without a conversion instruction: the weights of the set bits are added, each behind a
    /// forward branch. Every partial sum of a 32-bit half is an integer below 2³², so exact; a
    /// wider value is high·2³² + low, one rounding, the conversion's own.
    /// </summary>
    private string ToDouble(string value, int width, bool signed)
    {
        string low = SumOfBits(value, 0, Math.Min(width, 32), signed && width <= 32 ? width - 1 : -1);
        if (width <= 32) return low;
        string high = SumOfBits(value, 32, width, signed ? width - 1 : -1);
        string scaled = Float($"fmul double {high}, {Hex(4294967296.0)}");
        return Float($"fadd double {scaled}, {low}");
    }

    /// <summary>Σ 2^(i-from) over the set bits i in [from, to) (the bit <paramref name="negative"/>, if any, counts negatively).</summary>
    private string SumOfBits(string value, int from, int to, int negative)
    {
        string sum = "0.0";
        for (int i = from; i < to; i++)
        {
            double weight = Math.Pow(2, i - from) * (i == negative ? -1 : 1);
            string masked = Int($"and i64 {value}, {N(unchecked((long)(1UL << i)))}");
            string set = Int($"icmp ne i64 {masked}, 0");
            string add = code.NewLabel("bit"), join = code.NewLabel("sum");
            string before = code.CurrentBlock;
            code.Branch(set, add, join);
            code.Block(add);
            string added = sum == "0.0" ? Hex(weight) : Float($"fadd double {sum}, {Hex(weight)}");
            code.Jump(join);
            code.Block(join);
            string merged = code.NewValue();
            code.Emit($"{merged} = phi double [ {sum}, %{before} ], [ {added}, %{add} ]", "double");
            sum = merged;
        }
        return sum;
    }

    // ---- operators (ClassicalSemantics.Unary and Binary) ----

    private QirValue Unary(ClassicalUnaryOperator op, QirValue operand, ClassicalType type)
    {
        if (op != ClassicalUnaryOperator.LogicalNot) operand = Convert(operand, type);
        if (operand.Constant is { } c) return QirValue.Of(ClassicalSemantics.Unary(op, c, type));
        switch (op)
        {
            case ClassicalUnaryOperator.LogicalNot:
                return new QirValue(ClassicalType.Bool, Bool($"xor i1 {AsBool(operand).Operand}, true"), null);
            // fneg is not in the profile; -0.0 - x is the same number for every x.
            case ClassicalUnaryOperator.Negate when type.Kind == ClassicalKind.Float:
                return new QirValue(type, Float($"fsub double {Hex(-0.0)}, {operand.Operand}"), null);
            case ClassicalUnaryOperator.Negate:
                return new QirValue(type, Truncate(Int($"sub i64 0, {operand.Operand}"), type.Width), null);
            default:
                return new QirValue(type, Truncate(Int($"xor i64 {operand.Operand}, -1"), type.Width), null);
        }
    }

    private QirValue Binary(ClassicalBinaryOperator op, QirValue left, QirValue right, ClassicalType type)
    {
        if (left.Constant is { } l && right.Constant is { } r) return QirValue.Of(ClassicalSemantics.Binary(op, l, r, type));
        switch (op)
        {
            // The simulator skips the right side when the left decides; here both are computed
            // (no side effects, divisions are guarded), and combined with i1 logic.
            case ClassicalBinaryOperator.LogicalAnd:
                return new QirValue(ClassicalType.Bool, Bool($"and i1 {AsBool(left).Operand}, {AsBool(right).Operand}"), null);
            case ClassicalBinaryOperator.LogicalOr:
                return new QirValue(ClassicalType.Bool, Bool($"or i1 {AsBool(left).Operand}, {AsBool(right).Operand}"), null);
            case ClassicalBinaryOperator.Less or ClassicalBinaryOperator.LessOrEqual or ClassicalBinaryOperator.Greater
                or ClassicalBinaryOperator.GreaterOrEqual or ClassicalBinaryOperator.Equal or ClassicalBinaryOperator.NotEqual:
                return Compare(op, left, right);
            case ClassicalBinaryOperator.ShiftLeft or ClassicalBinaryOperator.ShiftRight:
                return Shift(op, Convert(left, type), right, type);
        }
        if (type.Kind == ClassicalKind.Float)
        {
            if (op == ClassicalBinaryOperator.Modulo) throw new QirUnexpressibleException("a float remainder at run time (the Adaptive Profile has no frem)");
            string a = AsReal(left).Operand, b = AsReal(right).Operand;
            string instruction = op switch
            {
                ClassicalBinaryOperator.Add => "fadd",
                ClassicalBinaryOperator.Subtract => "fsub",
                ClassicalBinaryOperator.Multiply => "fmul",
                ClassicalBinaryOperator.Divide => "fdiv",
                _ => throw new InvalidOperationException($"{op} on floats"),
            };
            return new QirValue(type, Float($"{instruction} double {a}, {b}"), null);
        }
        string x, y;
        bool signed;
        if (type.Kind == ClassicalKind.Angle)
        {
            // angle ± angle adds the k's; angle * n and angle / n scale k by an integer.
            if (left.Type.Kind != ClassicalKind.Angle) (left, right) = (right, left);
            x = Convert(left, type).Operand;
            y = right.Type.Kind == ClassicalKind.Angle ? Convert(right, type).Operand : AsInteger(right);
            signed = false;
        }
        else
        {
            x = AsInteger(Convert(left, type));
            y = AsInteger(Convert(right, type));
            signed = type.Kind == ClassicalKind.Int;
        }
        string result = op switch
        {
            ClassicalBinaryOperator.Add => Int($"add i64 {x}, {y}"),
            ClassicalBinaryOperator.Subtract => Int($"sub i64 {x}, {y}"),
            ClassicalBinaryOperator.Multiply => Int($"mul i64 {x}, {y}"),
            ClassicalBinaryOperator.Divide => Guarded(signed ? "sdiv" : "udiv", x, y),
            ClassicalBinaryOperator.Modulo => Guarded(signed ? "srem" : "urem", x, y),
            ClassicalBinaryOperator.BitAnd => Int($"and i64 {x}, {y}"),
            ClassicalBinaryOperator.BitOr => Int($"or i64 {x}, {y}"),
            ClassicalBinaryOperator.BitXor => Int($"xor i64 {x}, {y}"),
            _ => throw new InvalidOperationException($"{op} on {type}"),
        };
        return new QirValue(type, Truncate(result, type.Width), null);
    }

    /// <summary>A division or remainder that gives 0 for a zero divisor (the simulator's rule), where the profile leaves division by zero undefined.</summary>
    private string Guarded(string instruction, string x, string y)
    {
        if (long.TryParse(y, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long constant) && constant != 0)
            return Int($"{instruction} i64 {x}, {y}");
        string zero = Int($"icmp eq i64 {y}, 0");
        string divisor = Int($"select i1 {zero}, i64 1, i64 {y}");
        string quotient = Int($"{instruction} i64 {x}, {divisor}");
        return Int($"select i1 {zero}, i64 0, i64 {quotient}");
    }

    private QirValue Shift(ClassicalBinaryOperator op, QirValue value, QirValue by, ClassicalType type)
    {
        bool left = op == ClassicalBinaryOperator.ShiftLeft;
        bool arithmetic = !left && type.Kind == ClassicalKind.Int;
        string operand = arithmetic ? AsInteger(value) : value.Operand;
        string instruction = left ? "shl" : arithmetic ? "ashr" : "lshr";
        if (by.Constant is { } c)
        {
            long amount = c.AsInteger;
            if (amount is >= 0 and < 64) return new QirValue(type, Truncate(Int($"{instruction} i64 {operand}, {N(amount)}"), type.Width), null);
            return new QirValue(type, arithmetic ? Truncate(Int($"ashr i64 {operand}, 63"), type.Width) : "0", null);
        }
        // Shifting by 64 or more (or by a negative count) is undefined in LLVM; the simulator gives
        // 0, or all ones for a negative int[n] shifted right: an unsigned compare catches both.
        string count = AsInteger(by);
        string outside = Int($"icmp uge i64 {count}, 64");
        string safe = Int($"select i1 {outside}, i64 0, i64 {count}");
        string shifted = Int($"{instruction} i64 {operand}, {safe}");
        string overflow = arithmetic ? Int($"ashr i64 {operand}, 63") : "0";
        return new QirValue(type, Truncate(Int($"select i1 {outside}, i64 {overflow}, i64 {shifted}"), type.Width), null);
    }

    /// <summary>Angles compare by k at the wider width (unsigned); anything with a float or one angle as reals; integers as signed 64-bit values.</summary>
    private QirValue Compare(ClassicalBinaryOperator op, QirValue left, QirValue right)
    {
        string result;
        if (left.Type.Kind == ClassicalKind.Angle && right.Type.Kind == ClassicalKind.Angle)
        {
            var wide = new ClassicalType(ClassicalKind.Angle, Math.Max(left.Type.Width, right.Type.Width));
            result = Int($"icmp {Predicate(op, "u")} i64 {Convert(left, wide).Operand}, {Convert(right, wide).Operand}");
        }
        else if (left.Type.Kind is ClassicalKind.Float or ClassicalKind.Angle || right.Type.Kind is ClassicalKind.Float or ClassicalKind.Angle)
            result = Float($"fcmp {Predicate(op, "o")} double {AsReal(left).Operand}, {AsReal(right).Operand}");
        else
            result = Int($"icmp {Predicate(op, "s")} i64 {AsInteger(left)}, {AsInteger(right)}");
        return new QirValue(ClassicalType.Bool, result, null);
    }

    private static string Predicate(ClassicalBinaryOperator op, string kind) => op switch
    {
        ClassicalBinaryOperator.Equal => kind == "o" ? "oeq" : "eq",
        ClassicalBinaryOperator.NotEqual => kind == "o" ? "one" : "ne",
        ClassicalBinaryOperator.Less => kind + "lt",
        ClassicalBinaryOperator.LessOrEqual => kind + "le",
        ClassicalBinaryOperator.Greater => kind + "gt",
        _ => kind + "ge",
    };

    // ---- instructions ----

    /// <summary>A double's exact bit pattern as LLVM reads it; unlike a gate angle, -0.0 keeps its sign (-x is -0.0 - x).</summary>
    internal static string Hex(double value) => "0x" + BitConverter.DoubleToInt64Bits(value).ToString("X16", CultureInfo.InvariantCulture);

    /// <summary>An instruction computing on <c>i64</c> (int_computations).</summary>
    private string Int(string instruction)
    {
        string name = code.NewValue();
        code.Emit($"{name} = {instruction}", "i64");
        return name;
    }

    /// <summary>An instruction computing on <c>double</c> (float_computations).</summary>
    private string Float(string instruction)
    {
        string name = code.NewValue();
        code.Emit($"{name} = {instruction}", "double");
        return name;
    }

    private string Bool(string instruction)
    {
        string name = code.NewValue();
        code.Emit($"{name} = {instruction}", "i1");
        return name;
    }
}
