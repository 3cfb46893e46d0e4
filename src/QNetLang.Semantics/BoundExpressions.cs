using System.Collections.Immutable;
using QNetLang.Core;
using QNetLang.Syntax.Ast;

namespace QNetLang.Semantics;

/// <summary>
/// An expression with every name bound to the symbol it means, built once by the binder
/// (<see cref="NameRecorder.Bind"/>). Values are not folded here: they may depend on loop
/// variables and gate parameters, so the lowerer and the figure binder evaluate the same bound
/// tree per iteration (<see cref="ExpressionEvaluator"/>), reading each name's symbol instead of
/// looking the name up again.
/// </summary>
public abstract record BoundExpression(TextSpan Span);

/// <summary>A number, with its unit as written (the evaluator converts it).</summary>
public sealed record BoundLiteral(LiteralExpression Literal) : BoundExpression(Literal.Span);

/// <summary>
/// A name: a declared symbol, a built-in (<see cref="BuiltinValueSymbol"/>: <c>pi</c>, or in a
/// figure <c>shot_time</c>), a stand-in left by an earlier error, or null when it means nothing.
/// </summary>
public sealed record BoundName(Name Name, Symbol? Symbol, TextSpan Span) : BoundExpression(Span);

/// <summary><c>name[index]</c>: an element of the register <see cref="Symbol"/> (or null when the name means nothing).</summary>
public sealed record BoundIndex(Name Name, Symbol? Symbol, BoundExpression Index, TextSpan Span) : BoundExpression(Span);

public sealed record BoundUnary(UnaryOperator Operator, BoundExpression Operand, TextSpan Span) : BoundExpression(Span);

/// <summary>
/// <c>int[4](c)</c>, <c>float(x)</c>: a conversion to <see cref="Type"/>, whose width expression
/// (<see cref="Width"/>, null when none is written) is bound like any other.
/// </summary>
public sealed record BoundCast(ClassicalTypeSyntax Type, BoundExpression? Width, BoundExpression Operand, TextSpan Span) : BoundExpression(Span);

public sealed record BoundBinary(BinaryOperator Operator, BoundExpression Left, BoundExpression Right, TextSpan Span) : BoundExpression(Span);

/// <summary>A call of a built-in function (or, in a figure, a figure function); <see cref="FunctionSymbol"/> is null when the name is none.</summary>
public sealed record BoundCall(Name Function, BuiltinValueSymbol? FunctionSymbol, ImmutableArray<BoundExpression> Arguments, TextSpan Span) : BoundExpression(Span);

/// <summary>
/// <c>mean(body over variable in start .. end if condition)</c>: <see cref="Variable"/> is the
/// round variable that <see cref="Body"/> and <see cref="Condition"/> see (it hides outer names);
/// the bounds see only outer names.
/// </summary>
public sealed record BoundReduction(Name Function, BuiltinValueSymbol? FunctionSymbol, LoopVariableSymbol Variable, BoundExpression Start, BoundExpression End, BoundExpression Body, BoundExpression? Condition, TextSpan Span) : BoundExpression(Span);

/// <summary>
/// A call of a <c>def</c>: <see cref="Arguments"/> in parameter order (a qubit argument is the
/// bound name or element of a qubit register). Its value is <see cref="Result"/>, a variable of
/// this call site that the inlined body's <c>return</c> writes (null when the subroutine returns
/// nothing). The lowerer runs every call of an expression, left to right, before evaluating it.
/// </summary>
public sealed record BoundSubroutineCall(Name Function, Subroutine Callee, ImmutableArray<BoundExpression> Arguments, ClassicalVariableSymbol? Result, TextSpan Span) : BoundExpression(Span);
