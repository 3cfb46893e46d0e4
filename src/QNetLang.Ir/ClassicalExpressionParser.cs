using System.Collections.Immutable;
using System.Globalization;

namespace QNetLang.Ir;

/// <summary>
/// Reads the typed form <see cref="ClassicalExpressionWriter"/> writes: every node is
/// <c>TYPE(…)</c> holding a constant, the bits read (a name the caller resolves), a typed
/// operand (a conversion), an operator and a typed operand (unary), or two typed operands
/// around an operator (binary). Throws <see cref="FormatException"/> on anything else.
/// </summary>
public sealed class ClassicalExpressionParser(string text, Func<string, ImmutableArray<int>> bits)
{
    // Longest first where one starts another: `**` before `*`, `<<` before `<`.
    private static readonly string[] BinaryOperators = ["**", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+", "-", "*", "/", "%", "&", "|", "^", "<", ">"];
    private int _position;

    /// <summary>True when <paramref name="text"/> at <paramref name="position"/> starts a typed expression.</summary>
    public static bool StartsTyped(string text, int position) => TypePrefix(text, position) is not null;

    public static ClassicalExpression Parse(string text, Func<string, ImmutableArray<int>> bits)
    {
        var parser = new ClassicalExpressionParser(text, bits);
        var expression = parser.ParseTyped();
        parser.SkipSpaces();
        if (parser._position != text.Length) throw new FormatException($"unexpected `{text[parser._position..]}` after the expression `{text}`");
        return expression;
    }

    /// <summary>Parses one typed expression starting at <paramref name="position"/>, which it moves past it.</summary>
    public static ClassicalExpression ParseAt(string text, ref int position, Func<string, ImmutableArray<int>> bits)
    {
        var parser = new ClassicalExpressionParser(text, bits) { _position = position };
        var expression = parser.ParseTyped();
        position = parser._position;
        return expression;
    }

    private ClassicalExpression ParseTyped()
    {
        SkipSpaces();
        var type = ReadType();
        Expect('(');
        SkipSpaces();
        ClassicalExpression result;
        if (Peek() is '-' or '~' or '!' && StartsTyped(text, _position + 1))
        {
            char op = text[_position++];
            var operand = ParseTyped();
            result = new ClassicalUnary(op switch { '-' => ClassicalUnaryOperator.Negate, '~' => ClassicalUnaryOperator.BitNot, _ => ClassicalUnaryOperator.LogicalNot }, operand, type);
        }
        else if (StartsTyped(text, _position))
        {
            var left = ParseTyped();
            SkipSpaces();
            if (Peek() == ')') result = new ClassicalCast(left, type);
            else
            {
                string op = BinaryOperators.FirstOrDefault(o => string.CompareOrdinal(text, _position, o, 0, o.Length) == 0)
                            ?? throw new FormatException($"expected an operator in `{text}`");
                _position += op.Length;
                var right = ParseTyped();
                result = new ClassicalBinary(BinaryOf(op), left, right, type);
            }
        }
        else
        {
            int start = _position;
            while (_position < text.Length && text[_position] != ')') _position++;
            string inner = text[start.._position].Trim();
            result = inner.Length > 0 && (char.IsAsciiDigit(inner[0]) || inner[0] == '-')
                ? new ClassicalConstant(Constant(inner, type))
                : new ClassicalBits(bits(inner), type);
        }
        SkipSpaces();
        Expect(')');
        return result;
    }

    private static ClassicalValue Constant(string text, ClassicalType type)
    {
        if (type.Kind is ClassicalKind.Float or ClassicalKind.Angle)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double real)) throw new FormatException($"expected a number, found `{text}`");
            return ClassicalSemantics.Convert(ClassicalValue.OfFloat(real), type);
        }
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)) throw new FormatException($"expected an integer, found `{text}`");
        return ClassicalValue.Of(type, value);
    }

    private ClassicalType ReadType()
    {
        var prefix = TypePrefix(text, _position) ?? throw new FormatException($"expected a type in `{text}`");
        _position += prefix.Length;
        if (prefix == "bool") return ClassicalType.Bool;
        Expect('[');
        int start = _position;
        while (_position < text.Length && char.IsAsciiDigit(text[_position])) _position++;
        int width = int.Parse(text.AsSpan(start, _position - start), NumberStyles.None, CultureInfo.InvariantCulture);
        Expect(']');
        return prefix switch
        {
            "int" => new ClassicalType(ClassicalKind.Int, width),
            "uint" => new ClassicalType(ClassicalKind.Uint, width),
            "angle" => new ClassicalType(ClassicalKind.Angle, width),
            "float" => ClassicalType.Float,
            _ => new ClassicalType(ClassicalKind.Bits, width),
        };
    }

    private static string? TypePrefix(string text, int position)
    {
        foreach (string name in (string[])["bool(", "int[", "uint[", "angle[", "float[", "bit["])
            if (string.CompareOrdinal(text, position, name, 0, name.Length) == 0) return name[..^1];
        return null;
    }

    private static ClassicalBinaryOperator BinaryOf(string op) => op switch
    {
        "+" => ClassicalBinaryOperator.Add,
        "-" => ClassicalBinaryOperator.Subtract,
        "*" => ClassicalBinaryOperator.Multiply,
        "**" => ClassicalBinaryOperator.Power,
        "/" => ClassicalBinaryOperator.Divide,
        "%" => ClassicalBinaryOperator.Modulo,
        "<<" => ClassicalBinaryOperator.ShiftLeft,
        ">>" => ClassicalBinaryOperator.ShiftRight,
        "&" => ClassicalBinaryOperator.BitAnd,
        "|" => ClassicalBinaryOperator.BitOr,
        "^" => ClassicalBinaryOperator.BitXor,
        "<" => ClassicalBinaryOperator.Less,
        "<=" => ClassicalBinaryOperator.LessOrEqual,
        ">" => ClassicalBinaryOperator.Greater,
        ">=" => ClassicalBinaryOperator.GreaterOrEqual,
        "==" => ClassicalBinaryOperator.Equal,
        "!=" => ClassicalBinaryOperator.NotEqual,
        "&&" => ClassicalBinaryOperator.LogicalAnd,
        _ => ClassicalBinaryOperator.LogicalOr,
    };

    private char Peek() => _position < text.Length ? text[_position] : '\0';

    private void Expect(char c)
    {
        if (Peek() != c) throw new FormatException($"expected `{c}` in `{text}`");
        _position++;
    }

    private void SkipSpaces()
    {
        while (_position < text.Length && text[_position] == ' ') _position++;
    }
}
