using System.Collections.Immutable;
using QNetLang.Core;

namespace QNetLang.Syntax.Ast;

/// <summary>
/// <c>program name on network { ... }</c>. OpenQASM files become a program whose
/// <see cref="Network"/> is null: the network comes from the command line.
/// </summary>
public sealed record ProgramDeclaration(Name Name, Name? Network, ImmutableArray<Statement> Body, TextSpan Span) : TopLevelItem(Span);

public abstract record Statement(TextSpan Span) : SyntaxNode(Span);

public enum ScalarType
{
    Int,
    Float,
    Angle,
}

/// <summary>A register name with an optional index: <c>q</c> or <c>q[i + 1]</c>.</summary>
public sealed record Operand(Name Name, Expression? Index, TextSpan Span) : SyntaxNode(Span);

public sealed record QubitDeclaration(Name Name, Expression? Size, Name? PinnedTo, TextSpan Span) : Statement(Span);

public sealed record BitDeclaration(Name Name, Expression? Size, TextSpan Span) : Statement(Span)
{
    /// <summary>OpenQASM's <c>bit[2] f = "11";</c>: an integer constant (a bit string reads as one, its last character element 0).</summary>
    public Expression? Initializer { get; init; }
}

/// <summary>
/// <c>uint[4] k = 1;</c>, <c>angle[10] c;</c>, <c>bool done;</c>: a classical variable. Its value
/// is folded at compile time while it depends only on constants; once a measurement reaches
/// it, it lives in bits at run time (docs/language.md, "Classical variables").
/// </summary>
public sealed record VariableDeclaration(ClassicalTypeSyntax Type, Name Name, Expression? Initializer, TextSpan Span) : Statement(Span);

/// <summary><c>x = e;</c> or <c>x op= e;</c> (<see cref="Operator"/> non-null) on a classical variable, a bit register or one element of either.</summary>
public sealed record AssignmentStatement(Operand Target, BinaryOperator? Operator, Expression Value, TextSpan Span) : Statement(Span);

public sealed record ConstDeclaration(ScalarType Type, Name Name, Expression Value, TextSpan Span) : Statement(Span);

/// <summary>OpenQASM's <c>input float theta;</c>: a constant whose value comes from the command line (<c>--input theta=0.3</c>), which turns it into a <see cref="ConstDeclaration"/> before binding.</summary>
public sealed record InputDeclaration(ScalarType Type, Name Name, TextSpan Span) : Statement(Span);

public sealed record GateDefinition(Name Name, ImmutableArray<Name> Parameters, ImmutableArray<Name> Qubits, ImmutableArray<Statement> Body, TextSpan Span) : Statement(Span);

public sealed record GateCall(Name Gate, ImmutableArray<Expression> Arguments, ImmutableArray<Operand> Operands, TextSpan Span) : Statement(Span);

/// <summary><c>measure q -> c;</c> or <c>c = measure q;</c>; <see cref="Target"/> is null for a bare <c>measure q;</c>.</summary>
public sealed record MeasureStatement(Operand Qubit, Operand? Target, TextSpan Span) : Statement(Span);

public sealed record ResetStatement(Operand Qubit, TextSpan Span) : Statement(Span);

/// <summary><c>barrier;</c> (all qubits, <see cref="Operands"/> empty) or <c>barrier a, b;</c>.</summary>
public sealed record BarrierStatement(ImmutableArray<Operand> Operands, TextSpan Span) : Statement(Span);

/// <summary>
/// <c>for i in start .. end { }</c>: the range is half-open. With a <see cref="Step"/>
/// (OpenQASM's <c>[start:step:end]</c>) the range includes <see cref="End"/>, counting up or
/// down: start, start + step, … while not past end.
/// </summary>
public sealed record ForStatement(Name Variable, Expression Start, Expression End, ImmutableArray<Statement> Body, TextSpan Span) : Statement(Span)
{
    public Expression? Step { get; init; }
}

public sealed record IfStatement(Expression Condition, ImmutableArray<Statement> Then, ImmutableArray<Statement> Else, TextSpan Span) : Statement(Span);

/// <summary><c>while (c) { }</c>: a runtime loop, its condition tested on measured bits before every iteration.</summary>
public sealed record WhileStatement(Expression Condition, ImmutableArray<Statement> Body, TextSpan Span) : Statement(Span);

public sealed record AtStatement(Name Node, ImmutableArray<Statement> Body, TextSpan Span) : Statement(Span);

public sealed record EprStatement(Operand First, Operand Second, TextSpan Span) : Statement(Span);

public sealed record TeleportStatement(Operand Qubit, Name Destination, TextSpan Span) : Statement(Span);

/// <summary>
/// <c>[flag =] send q -> node;</c>: the physical qubit travels over one link and may be lost;
/// <see cref="ArrivalFlag"/> receives 1 when it was detected at the far end.
/// </summary>
public sealed record SendStatement(Operand Qubit, Name Destination, Operand? ArrivalFlag, TextSpan Span) : Statement(Span);

public sealed record BlockStatement(ImmutableArray<Statement> Body, TextSpan Span) : Statement(Span);

/// <summary><c>figure name = expression;</c>: a figure of merit computed from every shot's bits after the run.</summary>
public sealed record FigureDeclaration(Name Name, Expression Value, TextSpan Span) : Statement(Span);

/// <summary>
/// One parameter of a <c>def</c>: a qubit (<see cref="Type"/> null; a register when
/// <see cref="Size"/> is given, <c>qubit[2] r</c>) or a classical value of <see cref="Type"/>.
/// </summary>
public sealed record SubroutineParameter(ClassicalTypeSyntax? Type, Expression? Size, Name Name, TextSpan Span) : SyntaxNode(Span)
{
    public bool IsQubit => Type is null;
}

/// <summary>
/// <c>def name(qubit a, uint[4] k) -> bit { ... return e; }</c>: a subroutine, inlined at every
/// call. <see cref="ResultType"/> is null when it returns nothing.
/// </summary>
public sealed record SubroutineDefinition(Name Name, ImmutableArray<SubroutineParameter> Parameters, ClassicalTypeSyntax? ResultType, ImmutableArray<Statement> Body, TextSpan Span) : Statement(Span);

/// <summary><c>return e;</c> (or a bare <c>return;</c>, <see cref="Value"/> null) in a subroutine.</summary>
public sealed record ReturnStatement(Expression? Value, TextSpan Span) : Statement(Span);

/// <summary><c>f(q, 3);</c>: a subroutine called for its effect, its result (if any) dropped.</summary>
public sealed record CallStatement(CallExpression Call, TextSpan Span) : Statement(Span);
