using System.Collections.Frozen;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Syntax.Ast;

namespace QNetLang.Semantics;

/// <summary>What a name means to the evaluator: a constant value, something that is not a constant (with its kind), or nothing.</summary>
public readonly record struct NameLookup(ConstValue? Value, string? NonConstantKind, bool AlreadyReported = false, string? RuntimeReason = null)
{
    /// <summary>
    /// A classical variable that lives at run time where a constant is needed: the evaluator
    /// reports QN2066 at the name, with <paramref name="reason"/> (where constants are needed).
    /// </summary>
    public static NameLookup Runtime(string reason) => new(null, null, false, reason);

    /// <summary>
    /// What a bound name means where every constant is known at binding time (declarations,
    /// figures): a constant's value; nothing for built-ins (the evaluator knows <c>pi</c>) and
    /// unresolved names; silence after an error; otherwise not a constant.
    /// </summary>
    public static NameLookup OfSymbol(Symbol? symbol) => symbol switch
    {
        ConstSymbol c => Constant(c.Value),
        ErrorSymbol => Poisoned,
        null or BuiltinValueSymbol => Undefined,
        var other => NotConstant(other.KindDescription),
    };

    public static NameLookup Undefined => default;

    /// <summary>A name whose declaration already failed: evaluation fails without another message.</summary>
    public static NameLookup Poisoned => new(null, null, true);

    public static NameLookup Constant(ConstValue value) => new(value, null);

    public static NameLookup NotConstant(string kind) => new(null, kind);
}

/// <summary>
/// Folds constant expressions: numbers with units, pi, arithmetic, comparisons, logic and the
/// built-in functions. Reports each problem once (at the innermost culprit) and returns null,
/// so callers need not report again.
/// </summary>
public sealed class ExpressionEvaluator(SourceText source, DiagnosticBag diagnostics)
{
    private static readonly FrozenDictionary<string, double> BuiltinConstants = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["pi"] = Math.PI,
        ["tau"] = 2 * Math.PI,
        ["euler"] = Math.E,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Func<double, double>> BuiltinFunctions = new Dictionary<string, Func<double, double>>(StringComparer.Ordinal)
    {
        ["sin"] = Math.Sin,
        ["cos"] = Math.Cos,
        ["tan"] = Math.Tan,
        ["arcsin"] = Math.Asin,
        ["arccos"] = Math.Acos,
        ["arctan"] = Math.Atan,
        ["exp"] = Math.Exp,
        ["ln"] = Math.Log,
        ["log2"] = Math.Log2,
        ["sqrt"] = Math.Sqrt,
        ["abs"] = Math.Abs,
        ["floor"] = Math.Floor,
        ["ceil"] = Math.Ceiling,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsBuiltinConstant(string name) => BuiltinConstants.ContainsKey(name);

    /// <summary>The built-in constants and functions, for completion.</summary>
    public static IEnumerable<string> BuiltinConstantNames => BuiltinConstants.Keys;

    public static IEnumerable<string> BuiltinFunctionNames => BuiltinFunctions.Keys;

    public static bool IsBuiltinFunction(string name) => BuiltinFunctions.ContainsKey(name);

    /// <summary>The value of a bound expression; <paramref name="lookup"/> says what each bound name's symbol is worth here.</summary>
    public ConstValue? Evaluate(BoundExpression expression, Func<Symbol?, NameLookup> lookup) => expression switch
    {
        BoundLiteral literal => Literal(literal.Literal),
        BoundName name => Name(name, lookup),
        BoundIndex index => NotConstantIndex(index, lookup),
        BoundUnary unary => Unary(unary, lookup),
        BoundBinary binary => Binary(binary, lookup),
        BoundCall call => Call(call, lookup),
        BoundCast cast => Cast(cast, lookup),
        BoundReduction reduction => ReductionOutside(reduction),
        BoundSubroutineCall call => CallOutsideStatement(call),
        _ => throw new InvalidOperationException($"unknown expression {expression.GetType().Name}"),
    };

    private Location At(TextSpan span) => new(source, span);

    /// <summary>A reduction pools rounds over all shots: it has a value only after the run, in a figure.</summary>
    public static string ReductionOutsideFigure(BoundReduction reduction) =>
        $"{reduction.Function.Text}(... over {reduction.Variable.Name} in ...) is allowed only in a `figure` declaration: its value exists only after all shots have run";

    /// <summary>
    /// Subroutine calls run where a statement runs them (an assignment, a condition, a gate's
    /// angle); a size, an index, a loop bound or a built-in function's argument is computed
    /// before anything runs.
    /// </summary>
    private ConstValue? CallOutsideStatement(BoundSubroutineCall call)
    {
        diagnostics.Report(Diagnostics.SubroutineCallNotConstant, At(call.Span), call.Function.Text);
        return null;
    }

    private ConstValue? ReductionOutside(BoundReduction reduction)
    {
        diagnostics.Report(Diagnostics.InvalidFigure, At(reduction.Span), ReductionOutsideFigure(reduction));
        return null;
    }

    private ConstValue? Literal(LiteralExpression literal)
    {
        var value = literal.IsInteger && Math.Abs(literal.Value) <= ConstValue.MaxExactInteger
            ? ConstValue.Int(literal.Value)
            : ConstValue.Float(literal.Value);
        if (literal.IsInteger && Math.Abs(literal.Value) > ConstValue.MaxExactInteger)
        {
            diagnostics.Report(Diagnostics.ValueOutOfRange, At(literal.Span), $"the integer {literal.Text} is larger than 2^53");
            return null;
        }
        if (literal.Unit is null) return value;
        if (!Units.TryConvert(literal.Unit.Text, literal.Value, out var dimension, out double canonical))
        {
            diagnostics.Report(Diagnostics.UnknownUnit, At(literal.Unit.Span), literal.Unit.Text, string.Join(", ", Units.Names));
            return null;
        }
        return ConstValue.Float(canonical, dimension);
    }

    private ConstValue? Name(BoundName bound, Func<Symbol?, NameLookup> lookup)
    {
        var name = bound.Name;
        if (bound.Symbol is ConstSymbol { Wide: { } wide })
        {
            diagnostics.Report(Diagnostics.ValueOutOfRange, At(name.Span),
                $"the constant {name.Text} = {wide} is larger than 2^53 (exact only where a register is compared with it or a classical variable takes it)");
            return null;
        }
        var found = lookup(bound.Symbol);
        if (found.AlreadyReported) return null;
        if (found.RuntimeReason is { } reason) return RuntimeNotConstant(name, reason);
        if (found.Value is { } value) return value;
        if (found.NonConstantKind is { } kind)
        {
            ReportNotConstant(name.Span, name.Text, kind);
            return null;
        }
        if (BuiltinConstants.TryGetValue(name.Text, out double builtin)) return ConstValue.Float(builtin);
        diagnostics.Report(Diagnostics.UndefinedName, At(name.Span), name.Text);
        return null;
    }

    private ConstValue? RuntimeNotConstant(Name name, string reason)
    {
        diagnostics.Report(Diagnostics.RuntimeValueNotConstant, At(name.Span), name.Text, reason);
        return null;
    }

    /// <summary>
    /// A run-time value where a constant is needed. Bits get their own message: the usual
    /// mistake is an ordering test (`c[0] &lt; 1`) or arithmetic on a measurement, and the fix
    /// is an equality test in an if condition.
    /// </summary>
    private void ReportNotConstant(TextSpan span, string written, string kind)
    {
        if (kind.EndsWith("a bit", StringComparison.Ordinal) || kind.EndsWith("a bit register", StringComparison.Ordinal))
            diagnostics.Report(Diagnostics.BitNotANumber, At(span), written, kind);
        else
            diagnostics.Report(Diagnostics.NotConstant, At(span), written, kind);
    }

    /// <summary>`c[0]` as written (short indices), else `c[…]`: messages quote what the user wrote.</summary>
    private string Written(BoundIndex index) =>
        index.Span.End <= source.Text.Length && index.Span.Length <= 24 && source.Text.AsSpan(index.Span.Start, index.Span.Length).IndexOfAny('\n', '\r') < 0
            ? source.Text.Substring(index.Span.Start, index.Span.Length)
            : $"{index.Name.Text}[…]";

    private ConstValue? NotConstantIndex(BoundIndex index, Func<Symbol?, NameLookup> lookup)
    {
        var found = lookup(index.Symbol);
        if (found.AlreadyReported) return null;
        if (found.RuntimeReason is { } reason) return RuntimeNotConstant(index.Name, reason);
        if (found.Value is { } value)
            return Mismatch(index.Name.Span, "a register to index", value);
        if (found.NonConstantKind is { } kind)
            ReportNotConstant(index.Span, Written(index), "an element of " + kind);
        else
            diagnostics.Report(Diagnostics.UndefinedName, At(index.Name.Span), index.Name.Text);
        return null;
    }

    private ConstValue? Unary(BoundUnary unary, Func<Symbol?, NameLookup> lookup)
    {
        if (Evaluate(unary.Operand, lookup) is not { } operand) return null;
        switch (unary.Operator)
        {
            case UnaryOperator.Not:
                if (operand.Kind != ValueKind.Bool) return Mismatch(unary.Operand.Span, "a boolean", operand);
                return ConstValue.Bool(!operand.AsBool);
            case UnaryOperator.Negate:
                if (!operand.IsNumber) return Mismatch(unary.Operand.Span, "a number", operand);
                return operand with { Number = -operand.Number };
            case UnaryOperator.BitNot:
                if (operand.Kind != ValueKind.Int) return Mismatch(unary.Operand.Span, "an integer", operand);
                return ConstValue.Int(~(long)operand.Number);
            default:
                if (!operand.IsNumber) return Mismatch(unary.Operand.Span, "a number", operand);
                return operand;
        }
    }

    /// <summary>A cast of a constant: the value converted with OpenQASM semantics (<see cref="ClassicalSemantics.Convert"/>).</summary>
    private ConstValue? Cast(BoundCast cast, Func<Symbol?, NameLookup> lookup)
    {
        if (Evaluate(cast.Operand, lookup) is not { } operand) return null;
        if (ClassicalTypes.Resolve(cast.Type, cast.Width, this, lookup, diagnostics, source) is not { } type) return null;
        if (operand.Dimension != Dimension.None) return Mismatch(cast.Operand.Span, "a plain number", operand);
        return ClassicalTypes.ToConst(ClassicalSemantics.Convert(ClassicalTypes.FromConst(operand), type));
    }

    private ConstValue? Call(BoundCall call, Func<Symbol?, NameLookup> lookup)
    {
        if (!BuiltinFunctions.TryGetValue(call.Function.Text, out var function))
        {
            diagnostics.Report(Diagnostics.UndefinedName, At(call.Function.Span), call.Function.Text);
            return null;
        }
        if (call.Arguments.Length != 1)
        {
            diagnostics.Report(Diagnostics.ValueOutOfRange, At(call.Span), $"{call.Function.Text} takes one argument, given {call.Arguments.Length}");
            return null;
        }
        if (Evaluate(call.Arguments[0], lookup) is not { } argument) return null;
        if (argument.Kind == ValueKind.Bool || argument.Dimension != Dimension.None && call.Function.Text is not ("abs" or "floor" or "ceil"))
            return Mismatch(call.Arguments[0].Span, "a plain number", argument);
        double result = function(argument.Number);
        if (!double.IsFinite(result))
        {
            diagnostics.Report(Diagnostics.ValueOutOfRange, At(call.Span), $"{call.Function.Text}({argument}) is not a finite number");
            return null;
        }
        bool integral = call.Function.Text is "floor" or "ceil" || call.Function.Text == "abs" && argument.Kind == ValueKind.Int;
        return integral && argument.Dimension == Dimension.None ? ConstValue.Int(result) : ConstValue.Float(result, argument.Dimension);
    }

    private ConstValue? Binary(BoundBinary binary, Func<Symbol?, NameLookup> lookup)
    {
        // Evaluate both sides even if the left fails, so independent mistakes are all reported.
        var left = Evaluate(binary.Left, lookup);
        var right = Evaluate(binary.Right, lookup);
        if (left is not { } l || right is not { } r) return null;
        switch (binary.Operator)
        {
            case BinaryOperator.And or BinaryOperator.Or:
                if (l.Kind != ValueKind.Bool) return Mismatch(binary.Left.Span, "a boolean", l);
                if (r.Kind != ValueKind.Bool) return Mismatch(binary.Right.Span, "a boolean", r);
                return ConstValue.Bool(binary.Operator == BinaryOperator.And ? l.AsBool && r.AsBool : l.AsBool || r.AsBool);
            case BinaryOperator.Equal or BinaryOperator.NotEqual:
                if (l.Kind == ValueKind.Bool != (r.Kind == ValueKind.Bool) || l.Dimension != r.Dimension)
                    return Mismatch(binary.Right.Span, l.Kind == ValueKind.Bool ? "a boolean" : Units.Describe(l.Dimension), r);
                return ConstValue.Bool((l.Number == r.Number) == (binary.Operator == BinaryOperator.Equal));
        }
        if (!l.IsNumber) return Mismatch(binary.Left.Span, "a number", l);
        if (!r.IsNumber) return Mismatch(binary.Right.Span, "a number", r);
        if (binary.Operator is BinaryOperator.ShiftLeft or BinaryOperator.ShiftRight or BinaryOperator.BitAnd or BinaryOperator.BitOr or BinaryOperator.BitXor)
        {
            // On untyped integer constants: 64-bit two's complement, as the widest int.
            if (l.Kind != ValueKind.Int) return Mismatch(binary.Left.Span, "an integer", l);
            if (r.Kind != ValueKind.Int) return Mismatch(binary.Right.Span, "an integer", r);
            long a = (long)l.Number, b = (long)r.Number;
            long bits = binary.Operator switch
            {
                BinaryOperator.ShiftLeft => b is >= 0 and < 64 ? a << (int)b : 0,
                BinaryOperator.ShiftRight => b is >= 0 and < 64 ? a >> (int)b : a < 0 ? -1 : 0,
                BinaryOperator.BitAnd => a & b,
                BinaryOperator.BitOr => a | b,
                _ => a ^ b,
            };
            return Result(binary, bits, integral: true, Dimension.None);
        }
        return binary.Operator switch
        {
            BinaryOperator.Less or BinaryOperator.Greater or BinaryOperator.LessOrEqual or BinaryOperator.GreaterOrEqual => Compare(binary, l, r),
            BinaryOperator.Add or BinaryOperator.Subtract => AddSubtract(binary, l, r),
            BinaryOperator.Multiply => Multiply(binary, l, r),
            BinaryOperator.Divide => Divide(binary, l, r),
            BinaryOperator.Modulo => Modulo(binary, l, r),
            _ => Power(binary, l, r),
        };
    }

    private ConstValue? Compare(BoundBinary binary, ConstValue l, ConstValue r)
    {
        if (l.Dimension != r.Dimension) return Mismatch(binary.Right.Span, Units.Describe(l.Dimension), r);
        bool result = binary.Operator switch
        {
            BinaryOperator.Less => l.Number < r.Number,
            BinaryOperator.Greater => l.Number > r.Number,
            BinaryOperator.LessOrEqual => l.Number <= r.Number,
            _ => l.Number >= r.Number,
        };
        return ConstValue.Bool(result);
    }

    private ConstValue? AddSubtract(BoundBinary binary, ConstValue l, ConstValue r)
    {
        if (l.Dimension != r.Dimension) return Mismatch(binary.Right.Span, Units.Describe(l.Dimension), r);
        double value = binary.Operator == BinaryOperator.Add ? l.Number + r.Number : l.Number - r.Number;
        return Result(binary, value, l.Kind == ValueKind.Int && r.Kind == ValueKind.Int, l.Dimension);
    }

    private ConstValue? Multiply(BoundBinary binary, ConstValue l, ConstValue r)
    {
        if (l.Dimension != Dimension.None && r.Dimension != Dimension.None)
            return Mismatch(binary.Right.Span, "a plain number (only one side of * may carry a unit)", r);
        var dimension = l.Dimension != Dimension.None ? l.Dimension : r.Dimension;
        return Result(binary, l.Number * r.Number, l.Kind == ValueKind.Int && r.Kind == ValueKind.Int, dimension);
    }

    private ConstValue? Divide(BoundBinary binary, ConstValue l, ConstValue r)
    {
        if (r.Number == 0)
        {
            diagnostics.Report(Diagnostics.DivisionByZero, At(binary.Span));
            return null;
        }
        Dimension dimension;
        if (r.Dimension == Dimension.None) dimension = l.Dimension;
        else if (l.Dimension == r.Dimension) dimension = Dimension.None;
        else if (l.Dimension == Dimension.None && r.Dimension == Dimension.Time) dimension = Dimension.Frequency;
        else if (l.Dimension == Dimension.None && r.Dimension == Dimension.Frequency) dimension = Dimension.Time;
        else if (l.Dimension == Dimension.Length && r.Dimension == Dimension.Time) dimension = Dimension.Speed;
        else return Mismatch(binary.Right.Span, $"a divisor that makes sense for {Units.Describe(l.Dimension)}", r);
        double value = l.Number / r.Number;
        // Integer division that is exact stays an integer (`n / 2` can index a register);
        // anything else is a real number, so `1 / 2` is 0.5 as a physicist expects.
        bool integral = l.Kind == ValueKind.Int && r.Kind == ValueKind.Int && value == Math.Floor(value);
        return Result(binary, value, integral, dimension);
    }

    private ConstValue? Modulo(BoundBinary binary, ConstValue l, ConstValue r)
    {
        if (l.Dimension != Dimension.None) return Mismatch(binary.Left.Span, "a plain number", l);
        if (r.Dimension != Dimension.None) return Mismatch(binary.Right.Span, "a plain number", r);
        if (r.Number == 0)
        {
            diagnostics.Report(Diagnostics.DivisionByZero, At(binary.Span));
            return null;
        }
        double value = l.Number - r.Number * Math.Floor(l.Number / r.Number);
        return Result(binary, value, l.Kind == ValueKind.Int && r.Kind == ValueKind.Int, Dimension.None);
    }

    private ConstValue? Power(BoundBinary binary, ConstValue l, ConstValue r)
    {
        if (l.Dimension != Dimension.None) return Mismatch(binary.Left.Span, "a plain number", l);
        if (r.Dimension != Dimension.None) return Mismatch(binary.Right.Span, "a plain number", r);
        double value = Math.Pow(l.Number, r.Number);
        return Result(binary, value, l.Kind == ValueKind.Int && r.Kind == ValueKind.Int && r.Number >= 0, Dimension.None);
    }

    private ConstValue? Result(BoundBinary binary, double value, bool integral, Dimension dimension)
    {
        if (!double.IsFinite(value) || integral && Math.Abs(value) > ConstValue.MaxExactInteger)
        {
            diagnostics.Report(Diagnostics.ValueOutOfRange, At(binary.Span), "the value of this expression is too large");
            return null;
        }
        return integral ? ConstValue.Int(value) : ConstValue.Float(value, dimension);
    }

    private ConstValue? Mismatch(TextSpan span, string expected, ConstValue found)
    {
        diagnostics.Report(Diagnostics.TypeMismatch, At(span), expected, found.Describe());
        return null;
    }
}
