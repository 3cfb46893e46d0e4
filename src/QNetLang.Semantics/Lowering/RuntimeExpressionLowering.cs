using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Syntax.Ast;

namespace QNetLang.Semantics.Lowering;

/// <summary>
/// Turns an expression that may read measured bits or runtime variables into an IR
/// <see cref="ClassicalExpression"/>, typed as OpenQASM 3 types it. Any part that reads neither
/// is folded by the constant evaluator (so constants, loop variables, pi and the built-in
/// functions keep their compile-time meaning); a node whose operands are all constants folds
/// with <see cref="ClassicalSemantics"/>, the same code the simulator runs.
/// </summary>
internal sealed class RuntimeExpressionLowering(Lowerer lowerer, ClassicalVariables variables, Lowerer.GateFrame? frame)
{
    private static readonly ClassicalType Int64 = new(ClassicalKind.Int, 64);

    /// <summary>True when the expression reads a bit register or a variable that lives at run time.</summary>
    public bool Mentions(BoundExpression expression) => Reads(expression, IsRuntime);

    /// <summary>True when the expression reads a name (an index and a call's arguments included) whose symbol <paramref name="symbol"/> accepts.</summary>
    internal static bool Reads(BoundExpression expression, Func<Symbol?, bool> symbol) => expression switch
    {
        BoundName n => symbol(n.Symbol),
        BoundIndex i => symbol(i.Symbol) || Reads(i.Index, symbol),
        BoundUnary u => Reads(u.Operand, symbol),
        BoundBinary b => Reads(b.Left, symbol) || Reads(b.Right, symbol),
        BoundCast c => Reads(c.Operand, symbol),
        BoundCall c => c.Arguments.Any(a => Reads(a, symbol)),
        _ => false,
    };

    private bool IsRuntime(Symbol? symbol) => symbol switch
    {
        BitRegisterSymbol => true,
        ClassicalVariableSymbol v => variables.IsRuntime(v),
        // A user gate's angle that its call computed at run time, substituted into the body.
        GateParameterSymbol p => frame is not null && frame.IsRuntime(p),
        _ => false,
    };

    /// <summary>True when the expression has a typed part (a cast or a classical variable), whose width matters even when constant.</summary>
    private static bool IsTyped(BoundExpression expression) => expression switch
    {
        BoundCast => true,
        BoundName n => n.Symbol is ClassicalVariableSymbol,
        BoundIndex i => i.Symbol is ClassicalVariableSymbol || IsTyped(i.Index),
        BoundUnary u => IsTyped(u.Operand),
        BoundBinary b => IsTyped(b.Left) || IsTyped(b.Right),
        _ => false,
    };

    /// <summary>
    /// An integer constant beyond the evaluator's exact range (±2^53) that a 64-bit value still
    /// holds, such as <c>uint[64] k = 18446744073709551615;</c>: folded exactly, as an int[64]
    /// when it fits one and as a uint[64] pattern above 2^63. Null for everything else.
    /// </summary>
    private static ClassicalConstant? WideInteger(BoundExpression expression)
    {
        if (!ExactIntegerFolding.TryFoldBeyondDoubles(expression, out var exact)) return null;
        if (exact >= long.MinValue && exact <= long.MaxValue)
            return new ClassicalConstant(ClassicalValue.Of(new ClassicalType(ClassicalKind.Int, 64), (long)exact));
        if (exact.Sign > 0 && exact <= ulong.MaxValue)
            return new ClassicalConstant(new ClassicalValue(new ClassicalType(ClassicalKind.Uint, 64), (ulong)exact));
        return null;
    }

    public ClassicalExpression? Lower(BoundExpression expression)
    {
        // Untyped constants (literals, constants, loop variables, pi, built-in functions) keep
        // the constant evaluator's exact arithmetic; anything typed folds with wrap-around.
        if (!Mentions(expression) && !IsTyped(expression))
        {
            if (WideInteger(expression) is { } wide) return wide;
            if (lowerer.Evaluate(expression, frame) is not { } value) return null;
            if (value.Dimension != Dimension.None)
            {
                lowerer.Bag.Report(Diagnostics.TypeMismatch, lowerer.Locate(expression.Span), "a plain number", value.Describe());
                return null;
            }
            return new ClassicalConstant(ClassicalTypes.FromConst(value));
        }
        switch (expression)
        {
            case BoundName n:
                return Read(n.Symbol, n.Name, null);
            case BoundIndex i:
                return Read(i.Symbol, i.Name, i.Index);
            case BoundCast c:
            {
                var operand = Lower(c.Operand);
                var type = ClassicalTypes.Resolve(c.Type, c.Width, lowerer.Evaluator, symbol => lowerer.Lookup(symbol, frame), lowerer.Bag, lowerer.Source);
                return operand is null || type is null ? null : Fold(new ClassicalCast(operand, type.Value));
            }
            case BoundUnary u:
                return Unary(u);
            case BoundBinary b:
            {
                var left = Lower(b.Left);
                var right = Lower(b.Right);
                return left is null || right is null ? null : Binary(b.Operator, left, right, b.Span);
            }
            case BoundCall call when !Mentions(call):
                return lowerer.Evaluate(call, frame) is { } result ? new ClassicalConstant(ClassicalTypes.FromConst(result)) : null;
            case BoundCall call:
                lowerer.Bag.Report(Diagnostics.RuntimeValueNotConstant, lowerer.Locate(call.Span), call.Function.Text + "(…)",
                    "built-in functions are computed at compile time");
                return null;
            default:
                throw new InvalidOperationException($"unexpected runtime expression {expression.GetType().Name}");
        }
    }

    /// <summary>The current value of what <paramref name="symbol"/> names (a variable, a bit register, or a constant), or one element of it.</summary>
    public ClassicalExpression? Read(Symbol? symbol, Name name, BoundExpression? index)
    {
        switch (symbol)
        {
            case GateParameterSymbol p when frame is not null && frame.IsRuntime(p):
                return frame.RuntimeParameters[p.Position];
            case BitRegisterSymbol r:
            {
                if (index is null) return new ClassicalBits([.. Enumerable.Range(r.FirstBit, r.Size)], new ClassicalType(ClassicalKind.Bits, r.Size));
                return lowerer.EvaluateIndex(index, r.Name, r.Size, frame) is { } k ? new ClassicalBits([r.FirstBit + k], new ClassicalType(ClassicalKind.Bits, 1)) : null;
            }
            case ClassicalVariableSymbol v:
            {
                int? element = null;
                if (index is not null && (element = lowerer.EvaluateIndex(index, v.Name, v.Type.Width, frame)) is null) return null;
                if (variables.ConstantOf(v) is { } constant)
                    return new ClassicalConstant(element is { } e ? new ClassicalValue(new ClassicalType(ClassicalKind.Bits, 1), (constant.Raw >> e) & 1) : constant);
                var bits = variables.Storage(v);
                return element is { } at ? new ClassicalBits([bits[at]], new ClassicalType(ClassicalKind.Bits, 1)) : new ClassicalBits(bits, v.Type);
            }
            default:
                return lowerer.Evaluate(new BoundName(name, symbol, name.Span), frame) is { } value ? new ClassicalConstant(ClassicalTypes.FromConst(value)) : null;
        }
    }

    private ClassicalExpression? Unary(BoundUnary unary)
    {
        if (Lower(unary.Operand) is not { } operand) return null;
        var type = Numeric(operand.Type);
        switch (unary.Operator)
        {
            case UnaryOperator.Plus:
                return operand;
            case UnaryOperator.Not:
                return Fold(new ClassicalUnary(ClassicalUnaryOperator.LogicalNot, operand, ClassicalType.Bool));
            case UnaryOperator.BitNot when type.Kind == ClassicalKind.Float:
                Mismatch(unary.Span, "'~'", type);
                return null;
            case UnaryOperator.BitNot:
                return Fold(new ClassicalUnary(ClassicalUnaryOperator.BitNot, operand, type));
            default:
                return Fold(new ClassicalUnary(ClassicalUnaryOperator.Negate, operand, type));
        }
    }

    /// <summary>A binary operation with OpenQASM's result type (also used for compound assignments).</summary>
    public ClassicalExpression? Binary(BinaryOperator op, ClassicalExpression left, ClassicalExpression right, TextSpan span)
    {
        var classical = op switch
        {
            BinaryOperator.Add => ClassicalBinaryOperator.Add,
            BinaryOperator.Subtract => ClassicalBinaryOperator.Subtract,
            BinaryOperator.Multiply => ClassicalBinaryOperator.Multiply,
            BinaryOperator.Divide => ClassicalBinaryOperator.Divide,
            BinaryOperator.Modulo => ClassicalBinaryOperator.Modulo,
            BinaryOperator.ShiftLeft => ClassicalBinaryOperator.ShiftLeft,
            BinaryOperator.ShiftRight => ClassicalBinaryOperator.ShiftRight,
            BinaryOperator.BitAnd => ClassicalBinaryOperator.BitAnd,
            BinaryOperator.BitOr => ClassicalBinaryOperator.BitOr,
            BinaryOperator.BitXor => ClassicalBinaryOperator.BitXor,
            BinaryOperator.Less => ClassicalBinaryOperator.Less,
            BinaryOperator.LessOrEqual => ClassicalBinaryOperator.LessOrEqual,
            BinaryOperator.Greater => ClassicalBinaryOperator.Greater,
            BinaryOperator.GreaterOrEqual => ClassicalBinaryOperator.GreaterOrEqual,
            BinaryOperator.Equal => ClassicalBinaryOperator.Equal,
            BinaryOperator.NotEqual => ClassicalBinaryOperator.NotEqual,
            BinaryOperator.And => ClassicalBinaryOperator.LogicalAnd,
            BinaryOperator.Or => ClassicalBinaryOperator.LogicalOr,
            BinaryOperator.Power => ClassicalBinaryOperator.Power,
            _ => (ClassicalBinaryOperator?)null,
        };
        if (classical is not { } bop)
        {
            lowerer.Bag.Report(Diagnostics.ClassicalTypeMismatch, lowerer.Locate(span), "'**'", "a value computed at run time");
            return null;
        }
        if (ResultType(bop, left, right, span) is not { } type) return null;
        if (bop == ClassicalBinaryOperator.Power && type.Kind != ClassicalKind.Float && right is ClassicalConstant { Value.AsInteger: < 0 })
        {
            Mismatch(span, "'**' with a negative exponent", "integers (write a float base: 2.0 ** -1)");
            return null;
        }
        if (bop is ClassicalBinaryOperator.Divide or ClassicalBinaryOperator.Modulo && type.Kind != ClassicalKind.Float
            && right is ClassicalConstant { Value.AsInteger: 0 })
        {
            lowerer.Bag.Report(Diagnostics.DivisionByZero, lowerer.Locate(span));
            return null;
        }
        return Fold(new ClassicalBinary(bop, left, right, type));
    }

    /// <summary>
    /// OpenQASM's typing, with integer literals taking the other operand's type (so <c>k + 1</c>
    /// stays uint[4]): comparisons and logic give bool; a float operand gives float; an angle
    /// adds to an angle and scales by an integer; integers widen to the wider operand, signed if
    /// either is. Bits read as unsigned integers.
    /// </summary>
    private ClassicalType? ResultType(ClassicalBinaryOperator op, ClassicalExpression left, ClassicalExpression right, TextSpan span)
    {
        if (op is ClassicalBinaryOperator.Less or ClassicalBinaryOperator.LessOrEqual or ClassicalBinaryOperator.Greater or ClassicalBinaryOperator.GreaterOrEqual
            or ClassicalBinaryOperator.Equal or ClassicalBinaryOperator.NotEqual or ClassicalBinaryOperator.LogicalAnd or ClassicalBinaryOperator.LogicalOr)
            return ClassicalType.Bool;
        var l = Numeric(left.Type);
        var r = Numeric(right.Type);
        bool bitwise = op is ClassicalBinaryOperator.BitAnd or ClassicalBinaryOperator.BitOr or ClassicalBinaryOperator.BitXor;
        bool shift = op is ClassicalBinaryOperator.ShiftLeft or ClassicalBinaryOperator.ShiftRight;
        if (shift)
        {
            if (l.Kind == ClassicalKind.Float || r.Kind is ClassicalKind.Float or ClassicalKind.Angle) return Mismatch(span, $"'{ClassicalExpressionWriter.Binary(op)}'", l.Kind == ClassicalKind.Float ? l : r);
            return l;
        }
        if (op == ClassicalBinaryOperator.Power && (l.Kind == ClassicalKind.Angle || r.Kind == ClassicalKind.Angle))
            return Mismatch(span, "'**'", l.Kind == ClassicalKind.Angle ? l : r);
        if (l.Kind == ClassicalKind.Float || r.Kind == ClassicalKind.Float)
            return bitwise || op == ClassicalBinaryOperator.Modulo ? Mismatch(span, $"'{ClassicalExpressionWriter.Binary(op)}'", ClassicalType.Float) : ClassicalType.Float;
        if (l.Kind == ClassicalKind.Angle || r.Kind == ClassicalKind.Angle)
        {
            bool both = l.Kind == r.Kind;
            bool scale = op is ClassicalBinaryOperator.Multiply || op == ClassicalBinaryOperator.Divide && l.Kind == ClassicalKind.Angle;
            if (both && (op is ClassicalBinaryOperator.Add or ClassicalBinaryOperator.Subtract || bitwise)) return l.Width >= r.Width ? l : r;
            if (!both && scale) return l.Kind == ClassicalKind.Angle ? l : r;
            return Mismatch(span, $"'{ClassicalExpressionWriter.Binary(op)}'", $"{l} and {r}");
        }
        if (IsLiteral(left) && !IsLiteral(right)) return r;
        if (IsLiteral(right) && !IsLiteral(left)) return l;
        var kind = l.Kind == ClassicalKind.Int || r.Kind == ClassicalKind.Int ? ClassicalKind.Int : ClassicalKind.Uint;
        return new ClassicalType(kind, Math.Max(l.Width, r.Width));
    }

    private static bool IsLiteral(ClassicalExpression e) => e is ClassicalConstant { Type: var t } && t == Int64;

    /// <summary>Bits and bools compute as unsigned integers of their width.</summary>
    private static ClassicalType Numeric(ClassicalType type) =>
        type.Kind is ClassicalKind.Bits or ClassicalKind.Bool ? new ClassicalType(ClassicalKind.Uint, type.Width) : type;

    private ClassicalType? Mismatch(TextSpan span, string what, ClassicalType type) => Mismatch(span, what, type.ToString());

    private ClassicalType? Mismatch(TextSpan span, string what, string type)
    {
        lowerer.Bag.Report(Diagnostics.ClassicalTypeMismatch, lowerer.Locate(span), "operator " + what, type);
        return null;
    }

    /// <summary>A node over constants becomes its value; a conversion to the same type disappears.</summary>
    public static ClassicalExpression Fold(ClassicalExpression expression) => expression switch
    {
        // A conversion to the type the value has already changes nothing.
        ClassicalCast cast when cast.Operand.Type == cast.Type => cast.Operand,
        _ when ClassicalExpressions.BitsOf(expression).Any() => expression,
        _ => new ClassicalConstant(ClassicalSemantics.Evaluate(expression, _ => 0)),
    };
}
