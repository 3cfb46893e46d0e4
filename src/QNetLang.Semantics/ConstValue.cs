using QNetLang.Core;

namespace QNetLang.Semantics;

public enum ValueKind
{
    Int,
    Float,
    Bool,
}

/// <summary>
/// The value of a compile-time constant expression: a number (integral or not) with a physical
/// dimension, or a boolean. Integers are kept in doubles and limited to ±2^53, where doubles are exact.
/// </summary>
public readonly record struct ConstValue(ValueKind Kind, double Number, Dimension Dimension)
{
    public const double MaxExactInteger = 9007199254740992d;

    public static ConstValue Int(double value) => new(ValueKind.Int, value, Dimension.None);

    public static ConstValue Float(double value, Dimension dimension = Dimension.None) => new(ValueKind.Float, value, dimension);

    public static ConstValue Bool(bool value) => new(ValueKind.Bool, value ? 1 : 0, Dimension.None);

    public bool IsNumber => Kind != ValueKind.Bool;

    public bool AsBool => Number != 0;

    /// <summary>How the value reads in a message: "an integer", "a number", "a time (…)".</summary>
    public string Describe() => Kind switch
    {
        ValueKind.Bool => "a boolean",
        _ when Dimension != Dimension.None => Units.Describe(Dimension) + $" ({this})",
        ValueKind.Int => $"the integer {this}",
        _ => $"the number {this}",
    };

    public override string ToString() => Kind switch
    {
        ValueKind.Bool => AsBool ? "true" : "false",
        _ => new Quantity(Number, Dimension).ToString(),
    };
}
