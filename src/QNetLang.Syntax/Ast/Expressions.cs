using QNetLang.Core;

namespace QNetLang.Syntax.Ast;

public abstract record Expression(TextSpan Span) : SyntaxNode(Span);

/// <summary>A number as written, with its optional unit (<c>50 km</c>, <c>0.2 dB/km</c>).</summary>
public sealed record LiteralExpression(string Text, double Value, bool IsInteger, Name? Unit, TextSpan Span) : Expression(Span);

public sealed record NameExpression(Name Name, TextSpan Span) : Expression(Span);

public sealed record IndexExpression(Name Name, Expression Index, TextSpan Span) : Expression(Span);

/// <summary>A built-in function applied to constants: <c>sin(x)</c>, <c>sqrt(2)</c>.</summary>
public sealed record CallExpression(Name Function, System.Collections.Immutable.ImmutableArray<Expression> Arguments, TextSpan Span) : Expression(Span);

public enum UnaryOperator
{
    Negate,
    Plus,
    Not,
    /// <summary><c>~x</c>: every bit flipped (OpenQASM 3).</summary>
    BitNot,
}

public enum BinaryOperator
{
    Power,
    Multiply,
    Divide,
    Modulo,
    Add,
    Subtract,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
    Equal,
    NotEqual,
    And,
    Or,
    ShiftLeft,
    ShiftRight,
    BitAnd,
    BitOr,
    BitXor,
}

/// <summary>The classical types a variable or a cast names (OpenQASM 3's scalar types).</summary>
public enum ClassicalTypeKeyword
{
    Bool,
    Int,
    Uint,
    Angle,
    Float,
    Bit,
}

/// <summary><c>int[8]</c>, <c>angle[n]</c>, <c>bool</c>: a type keyword with its optional width.</summary>
public sealed record ClassicalTypeSyntax(ClassicalTypeKeyword Keyword, Expression? Width, TextSpan Span) : SyntaxNode(Span);

/// <summary><c>int[4](c)</c>, <c>float(x)</c>: a conversion (OpenQASM semantics: bits are little-endian).</summary>
public sealed record CastExpression(ClassicalTypeSyntax Type, Expression Operand, TextSpan Span) : Expression(Span);

public sealed record UnaryExpression(UnaryOperator Operator, Expression Operand, TextSpan Span) : Expression(Span);

public sealed record BinaryExpression(BinaryOperator Operator, Expression Left, Expression Right, TextSpan Span) : Expression(Span);

/// <summary>
/// <c>mean(body over i in a .. b where condition)</c> or <c>sum(...)</c>: a reduction over the
/// unrolled values of a loop variable, allowed only in a figure of merit.
/// </summary>
public sealed record ReductionExpression(Name Function, Expression Body, Name Variable, Expression Start, Expression End, Expression? Condition, TextSpan Span) : Expression(Span);
