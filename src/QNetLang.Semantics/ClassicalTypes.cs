using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Syntax.Ast;

namespace QNetLang.Semantics;

/// <summary>Classical types as written (<c>uint[n]</c>) resolved to IR types, and constants moved between the two value worlds.</summary>
public static class ClassicalTypes
{
    /// <summary>The widest runtime value: values are computed in 64-bit words.</summary>
    public const int MaxWidth = 64;

    /// <summary>OpenQASM's <c>int</c>/<c>uint</c>/<c>angle</c> without a width.</summary>
    public const int DefaultWidth = 32;

    /// <summary>
    /// The type, with its width evaluated (a constant from 1 to 64; bool is 1 bit, float 64); null
    /// when reported. <paramref name="width"/> is the syntax's width expression as the binder bound it.
    /// </summary>
    public static ClassicalType? Resolve(ClassicalTypeSyntax syntax, BoundExpression? width, ExpressionEvaluator evaluator, Func<Symbol?, NameLookup> lookup, DiagnosticBag diagnostics, SourceText source)
    {
        var kind = syntax.Keyword switch
        {
            ClassicalTypeKeyword.Bool => ClassicalKind.Bool,
            ClassicalTypeKeyword.Int => ClassicalKind.Int,
            ClassicalTypeKeyword.Uint => ClassicalKind.Uint,
            ClassicalTypeKeyword.Angle => ClassicalKind.Angle,
            ClassicalTypeKeyword.Float => ClassicalKind.Float,
            _ => ClassicalKind.Bits,
        };
        if (kind == ClassicalKind.Bool) return ClassicalType.Bool;
        if (width is null) return kind switch
        {
            ClassicalKind.Float => ClassicalType.Float,
            ClassicalKind.Bits => new ClassicalType(kind, 1),
            _ => new ClassicalType(kind, DefaultWidth),
        };
        if (evaluator.Evaluate(width, lookup) is not { } value) return null;
        if (kind == ClassicalKind.Float)
        {
            // float[32] and float[64] are both computed in double precision.
            if (value is { Kind: ValueKind.Int, Number: 32 or 64 }) return ClassicalType.Float;
            diagnostics.Report(Diagnostics.ClassicalWidthInvalid, new Location(source, width.Span), "a float", "64 (float[32] or float[64])", value.ToString());
            return null;
        }
        if (value.Kind != ValueKind.Int || value.Number < 1 || value.Number > MaxWidth)
        {
            string keyword = syntax.Keyword.ToString().ToLowerInvariant();
            diagnostics.Report(Diagnostics.ClassicalWidthInvalid, new Location(source, width.Span), $"{(keyword is "int" or "angle" ? "an" : "a")} {keyword}[n]", MaxWidth, value.ToString());
            return null;
        }
        return new ClassicalType(kind, (int)value.Number);
    }

    /// <summary>A compile-time constant as a runtime value: an integer as int[64], a number as float, a boolean as bool.</summary>
    public static ClassicalValue FromConst(ConstValue value) => value.Kind switch
    {
        ValueKind.Bool => ClassicalValue.OfBool(value.AsBool),
        ValueKind.Int => ClassicalValue.Of(new ClassicalType(ClassicalKind.Int, 64), (long)value.Number),
        _ => ClassicalValue.OfFloat(value.Number),
    };

    /// <summary>A runtime value folded at compile time, for the evaluator: integers stay integers, angles become radians.</summary>
    public static ConstValue ToConst(ClassicalValue value) => value.Type.Kind switch
    {
        ClassicalKind.Bool => ConstValue.Bool(value.AsBool),
        ClassicalKind.Float or ClassicalKind.Angle => ConstValue.Float(value.AsReal),
        _ => ConstValue.Int(value.AsInteger),
    };
}
