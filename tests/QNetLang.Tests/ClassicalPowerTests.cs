using System.Collections.Immutable;
using QNetLang.Ir;

namespace QNetLang.Tests;

/// <summary>
/// The runtime `**` the nodes compute: a float power for floats, repeated multiplication that
/// wraps at the type's width for integers (against a plain loop), 0 for a negative integer
/// exponent; and its typed text form round-trips through the per-node OpenQASM reader.
/// </summary>
public class ClassicalPowerTests
{
    private static readonly ClassicalType Uint4 = new(ClassicalKind.Uint, 4);
    private static readonly ClassicalType Int8 = new(ClassicalKind.Int, 8);

    [Theory]
    [InlineData(3, 3)]
    [InlineData(2, 5)]
    [InlineData(7, 0)]
    [InlineData(5, 13)]
    public void UnsignedPowersWrapLikeRepeatedMultiplication(long b, long e)
    {
        long expected = 1;
        for (int i = 0; i < e; i++) expected = expected * b % 16;
        var value = ClassicalSemantics.Binary(ClassicalBinaryOperator.Power, ClassicalValue.Of(Uint4, b), ClassicalValue.Of(Uint4, e), Uint4);
        Assert.Equal(expected, value.AsInteger);
    }

    [Fact]
    public void SignedFloatAndNegativeExponents()
    {
        Assert.Equal(-8, ClassicalSemantics.Binary(ClassicalBinaryOperator.Power, ClassicalValue.Of(Int8, -2), ClassicalValue.Of(Int8, 3), Int8).AsInteger);
        // (-3)^5 = -243, which wraps to 13 in 8 bits.
        Assert.Equal(13, ClassicalSemantics.Binary(ClassicalBinaryOperator.Power, ClassicalValue.Of(Int8, -3), ClassicalValue.Of(Int8, 5), Int8).AsInteger);
        Assert.Equal(0, ClassicalSemantics.Binary(ClassicalBinaryOperator.Power, ClassicalValue.Of(Int8, 2), ClassicalValue.Of(Int8, -1), Int8).AsInteger);
        Assert.Equal(Math.Sqrt(2), ClassicalSemantics.Binary(ClassicalBinaryOperator.Power, ClassicalValue.OfFloat(2), ClassicalValue.OfFloat(0.5), ClassicalType.Float).AsReal, 12);
    }

    [Fact]
    public void PowerRoundTripsThroughTheTypedTextForm()
    {
        var expression = new ClassicalBinary(ClassicalBinaryOperator.Power, new ClassicalBits([0, 1], new ClassicalType(ClassicalKind.Bits, 2)), new ClassicalConstant(ClassicalValue.Of(Uint4, 3)), Uint4);
        string text = ClassicalExpressionWriter.Write(expression, (ImmutableArray<int> bits) => "c");
        Assert.Equal("uint[4](bit[2](c) ** uint[4](3))", text);
        var read = ClassicalExpressionParser.Parse(text, _ => ImmutableArray.Create(0, 1));
        Assert.Equal(text, ClassicalExpressionWriter.Write(read, (ImmutableArray<int> bits) => "c"));
    }
}
