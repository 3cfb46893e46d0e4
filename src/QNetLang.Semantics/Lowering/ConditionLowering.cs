using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Syntax.Ast;

namespace QNetLang.Semantics.Lowering;

/// <summary>
/// Turns an `if` condition into an IR <see cref="Condition"/>. Parts that depend only on
/// constants and loop variables fold away (so `if (i == 0)` inside a loop selects a branch at
/// compile time); parts over measured bits stay as bit tests. A register compared with an
/// integer (<c>c == 5</c>) tests every bit, <c>c[0]</c> being the least significant.
/// </summary>
internal sealed class ConditionLowering(Lowerer lowerer, ClassicalVariables variables, Lowerer.GateFrame? frame)
{
    private readonly RuntimeExpressionLowering _runtime = new(lowerer, variables, frame);

    public Condition? Lower(BoundExpression expression)
    {
        // Classical variables known at compile time (and no bits) still fold as their types do
        // (exact 64-bit integers, wrap-around), not in the constant evaluator's doubles.
        if (!IsBitTest(expression) || ReadsVariable(expression) && !ReadsBits(expression))
        {
            // Arithmetic, ordering or runtime variables: one expression the node evaluates.
            if (_runtime.Lower(expression) is not { } test) return null;
            if (test is ClassicalConstant constant) return new ConstantCondition(constant.Value.AsBool);
            return new ClassicalCondition(test.Type == ClassicalType.Bool ? test : new ClassicalCast(test, ClassicalType.Bool));
        }
        switch (expression)
        {
            case BoundUnary { Operator: UnaryOperator.Not } not:
                return Lower(not.Operand) is { } inner ? Simplify(new NotCondition(inner)) : null;
            case BoundBinary { Operator: BinaryOperator.And or BinaryOperator.Or } logical:
            {
                var left = Lower(logical.Left);
                var right = Lower(logical.Right);
                if (left is null || right is null) return null;
                return Simplify(logical.Operator == BinaryOperator.And ? new AndCondition([left, right]) : new OrCondition([left, right]));
            }
            case BoundBinary { Operator: BinaryOperator.Equal or BinaryOperator.NotEqual } equality when MentionsBits(equality):
            {
                var test = Equality(equality);
                if (test is null) return null;
                return equality.Operator == BinaryOperator.Equal ? test : Simplify(new NotCondition(test));
            }
            case BoundName or BoundIndex or BoundCast when BitsOf(expression, out var bits):
                // A bare bit (or register) is true when it is non-zero.
                return bits is null ? null : Simplify(new OrCondition([.. bits.Select(b => (Condition)new BitCondition(b, true))]));
        }
        if (lowerer.Evaluate(expression, frame) is not { } value) return null;
        if (value.Kind != ValueKind.Bool)
        {
            lowerer.Bag.Report(Diagnostics.TypeMismatch, lowerer.Locate(expression.Span), "a condition (a comparison or a bit)", value.Describe());
            return null;
        }
        return new ConstantCondition(value.AsBool);
    }

    /// <summary>
    /// True for what lowers to tests of single bits: !, &amp;&amp;, || and ==/!= between bits (or a
    /// bit register, possibly cast to an integer) and constants, or bare bits; constant parts
    /// anywhere. Anything else that reads runtime values is a <see cref="ClassicalCondition"/>.
    /// </summary>
    private bool IsBitTest(BoundExpression expression) => expression switch
    {
        BoundUnary { Operator: UnaryOperator.Not } not => IsBitTest(not.Operand),
        BoundBinary { Operator: BinaryOperator.And or BinaryOperator.Or } logical => IsBitTest(logical.Left) && IsBitTest(logical.Right),
        BoundBinary { Operator: BinaryOperator.Equal or BinaryOperator.NotEqual } equality =>
            (BitsOf(equality.Left, out _) || !_runtime.Mentions(equality.Left)) && (BitsOf(equality.Right, out _) || !_runtime.Mentions(equality.Right)),
        _ => BitsOf(expression, out _) || !_runtime.Mentions(expression),
    };

    private static bool ReadsVariable(BoundExpression expression) =>
        RuntimeExpressionLowering.Reads(expression, symbol => symbol is ClassicalVariableSymbol);

    private static bool ReadsBits(BoundExpression expression) =>
        RuntimeExpressionLowering.Reads(expression, symbol => symbol is BitRegisterSymbol);

    private bool MentionsBits(BoundBinary equality) =>
        BitsOf(equality.Left, out _) || BitsOf(equality.Right, out _);

    /// <summary>True when the expression names a bit register (or an element of one); <paramref name="bits"/> is null after an index error.</summary>
    private bool BitsOf(BoundExpression expression, out IReadOnlyList<int>? bits)
    {
        bits = null;
        // int[n](c), uint[n](c) and bool(c) of a register compare as the register does (little-endian).
        while (expression is BoundCast { Type.Keyword: ClassicalTypeKeyword.Int or ClassicalTypeKeyword.Uint or ClassicalTypeKeyword.Bool } cast
               && cast.Operand is BoundName or BoundIndex or BoundCast) expression = cast.Operand;
        switch (expression)
        {
            case BoundName { Symbol: BitRegisterSymbol register }:
                bits = Enumerable.Range(register.FirstBit, register.Size).ToArray();
                return true;
            case BoundIndex { Symbol: BitRegisterSymbol register } i:
                if (lowerer.EvaluateIndex(i.Index, register.Name, register.Size, frame) is { } k) bits = [register.FirstBit + k];
                return true;
            default:
                return false;
        }
    }

    private Condition? Equality(BoundBinary equality)
    {
        bool leftIsBits = BitsOf(equality.Left, out var leftBits);
        bool rightIsBits = BitsOf(equality.Right, out var rightBits);
        if (leftIsBits && leftBits is null || rightIsBits && rightBits is null) return null;
        if (leftIsBits && rightIsBits)
        {
            if (leftBits!.Count != rightBits!.Count)
            {
                lowerer.Bag.Report(Diagnostics.RegisterSizeMismatch, lowerer.Locate(equality.Span), leftBits.Count, rightBits.Count);
                return null;
            }
            // Bitwise equality: every pair of bits agrees.
            return Simplify(new AndCondition([.. leftBits.Zip(rightBits, (a, b) => (Condition)new OrCondition([
                new AndCondition([new BitCondition(a, true), new BitCondition(b, true)]),
                new AndCondition([new BitCondition(a, false), new BitCondition(b, false)])]))]));
        }
        var bits = leftIsBits ? leftBits! : rightBits!;
        var constantSide = leftIsBits ? equality.Right : equality.Left;
        if (Target(constantSide) is not { } target) return null;
        if (target.Sign < 0 || target.GetBitLength() > bits.Count)
        {
            lowerer.Bag.Report(Diagnostics.UnusedValue, lowerer.Locate(equality.Span), $"{bits.Count} bit(s) can never equal {target.ToString(CultureInfo.InvariantCulture)}: the comparison is always false");
            return new ConstantCondition(false);
        }
        return Simplify(new AndCondition([.. bits.Select((bit, i) => (Condition)new BitCondition(bit, !(target >> i).IsEven))]));
    }

    /// <summary>
    /// The integer a register is compared with: exact at any size when it is written with
    /// integers only (<see cref="ExactIntegerFolding"/>), exact in its type when it reads
    /// classical variables known at compile time (<c>uint[64] k = …; if (c == k)</c>: all 64
    /// bits, where the evaluator's doubles keep 53), otherwise whatever the evaluator makes of it
    /// (constants, loop variables), which must be an integer.
    /// </summary>
    private BigInteger? Target(BoundExpression constantSide)
    {
        if (ExactIntegerFolding.TryFold(constantSide, out var exact)) return exact;
        if (ReadsVariable(constantSide))
        {
            if (_runtime.Lower(constantSide) is not { } lowered) return null;
            if (lowered is ClassicalConstant { Value: { Type.IsInteger: true } typed })
                return typed.Type.Kind == ClassicalKind.Int ? new BigInteger(typed.AsInteger) : new BigInteger(typed.Raw);
        }
        if (lowerer.Evaluate(constantSide, frame) is not { } value) return null;
        if (value.Kind == ValueKind.Bool) value = ConstValue.Int(value.Number);
        if (value.Kind != ValueKind.Int)
        {
            lowerer.Bag.Report(Diagnostics.TypeMismatch, lowerer.Locate(constantSide.Span), "an integer to compare bits with", value.Describe());
            return null;
        }
        return new BigInteger(value.Number);
    }

    /// <summary>Removes constants and one-element groups so dumps stay readable.</summary>
    internal static Condition Simplify(Condition condition)
    {
        switch (condition)
        {
            case NotCondition { Operand: ConstantCondition c }:
                return new ConstantCondition(!c.Value);
            case NotCondition { Operand: BitCondition b }:
                return b with { Value = !b.Value };
            case NotCondition { Operand: NotCondition inner }:
                return inner.Operand;
            case AndCondition and:
            {
                var parts = and.Operands.Select(Simplify).ToList();
                if (parts.Any(p => p is ConstantCondition { Value: false })) return new ConstantCondition(false);
                parts.RemoveAll(p => p is ConstantCondition);
                parts = parts.SelectMany(p => p is AndCondition a ? a.Operands.AsEnumerable() : [p]).ToList();
                return parts.Count switch { 0 => new ConstantCondition(true), 1 => parts[0], _ => new AndCondition([.. parts]) };
            }
            case OrCondition or:
            {
                var parts = or.Operands.Select(Simplify).ToList();
                if (parts.Any(p => p is ConstantCondition { Value: true })) return new ConstantCondition(true);
                parts.RemoveAll(p => p is ConstantCondition);
                parts = parts.SelectMany(p => p is OrCondition o ? o.Operands.AsEnumerable() : [p]).ToList();
                return parts.Count switch { 0 => new ConstantCondition(false), 1 => parts[0], _ => new OrCondition([.. parts]) };
            }
            default:
                return condition;
        }
    }
}
