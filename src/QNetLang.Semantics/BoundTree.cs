using System.Collections.Immutable;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Syntax.Ast;

namespace QNetLang.Semantics;

/// <summary>
/// A statement with its names resolved. Its expressions are <see cref="BoundExpression"/>s, each
/// name bound to its symbol; their values may depend on loop variables and gate parameters, so
/// the lowerer evaluates them per iteration (it never looks a name up).
/// </summary>
public abstract record BoundStatement(TextSpan Span);

/// <summary>A register or one element of it (<see cref="Index"/> non-null). In gate bodies the register is a <see cref="GateQubitSymbol"/>.</summary>
public sealed record BoundOperand(Symbol Register, BoundExpression? Index, TextSpan Span);

public sealed record BoundGateCall(GateTarget Gate, ImmutableArray<BoundExpression> Arguments, ImmutableArray<BoundOperand> Operands, TextSpan Span) : BoundStatement(Span);

public sealed record BoundMeasure(BoundOperand Qubit, BoundOperand? Target, TextSpan Span) : BoundStatement(Span);

/// <summary>A classical variable comes into existence (value 0, or its initial value by a following <see cref="BoundAssign"/>).</summary>
public sealed record BoundVariableDeclaration(ClassicalVariableSymbol Variable, TextSpan Span) : BoundStatement(Span);

/// <summary><c>x = e;</c> or <c>x op= e;</c> on a classical variable or a bit register (or one element).</summary>
public sealed record BoundAssign(BoundOperand Target, BinaryOperator? Operator, BoundExpression Value, TextSpan Span) : BoundStatement(Span);

public sealed record BoundReset(BoundOperand Qubit, TextSpan Span) : BoundStatement(Span);

/// <summary>An empty operand list means every qubit declared so far.</summary>
public sealed record BoundBarrier(ImmutableArray<BoundOperand> Operands, TextSpan Span) : BoundStatement(Span);

/// <summary>A compile-time loop; with <see cref="Step"/> the end is inclusive (<see cref="ForStatement"/>).</summary>
public sealed record BoundFor(LoopVariableSymbol Variable, BoundExpression Start, BoundExpression End, ImmutableArray<BoundStatement> Body, TextSpan Span) : BoundStatement(Span)
{
    public BoundExpression? Step { get; init; }
}

public sealed record BoundIf(BoundExpression Condition, ImmutableArray<BoundStatement> Then, ImmutableArray<BoundStatement> Else, TextSpan Span) : BoundStatement(Span);

/// <summary>A runtime `while` loop over measured bits.</summary>
public sealed record BoundWhile(BoundExpression Condition, ImmutableArray<BoundStatement> Body, TextSpan Span) : BoundStatement(Span);

public sealed record BoundAt(NetworkNode Node, ImmutableArray<BoundStatement> Body, TextSpan Span) : BoundStatement(Span);

/// <summary>A bare <c>{ ... }</c>: groups statements, nothing more.</summary>
public sealed record BoundBlock(ImmutableArray<BoundStatement> Body, TextSpan Span) : BoundStatement(Span);

/// <summary><c>f(q);</c>: a subroutine called for its effect.</summary>
public sealed record BoundCallStatement(BoundSubroutineCall Call, TextSpan Span) : BoundStatement(Span);

/// <summary>The final <c>return e;</c> of a subroutine: writes the result of the call being inlined.</summary>
public sealed record BoundReturn(BoundExpression? Value, TextSpan Span) : BoundStatement(Span);

public sealed record BoundEpr(BoundOperand First, BoundOperand Second, TextSpan Span) : BoundStatement(Span);

public sealed record BoundTeleport(BoundOperand Qubit, NetworkNode Destination, TextSpan Span) : BoundStatement(Span);

public sealed record BoundSend(BoundOperand Qubit, NetworkNode Destination, BoundOperand? ArrivalFlag, TextSpan Span) : BoundStatement(Span);

/// <summary>
/// The result of binding one program: the network it runs on, its registers, constants and
/// gates, and its statements with names resolved. Lowering turns it into a <see cref="Circuit"/>.
/// </summary>
public sealed record BoundProgram(
    string Name,
    SourceText Source,
    Network Network,
    ImmutableArray<QubitRegisterSymbol> QubitRegisters,
    ImmutableArray<BitRegisterSymbol> BitRegisters,
    ImmutableArray<ConstSymbol> Constants,
    ImmutableArray<UserGate> Gates,
    ImmutableArray<BoundStatement> Statements,
    TextSpan NameSpan)
{
    /// <summary>The figures of merit, in declaration order, already unrolled (<see cref="FigureBinder"/>).</summary>
    public ImmutableArray<FigureDefinition> Figures { get; init; } = [];

    /// <summary>Every bit the figures read and where, so the lowerer can report bits no statement writes.</summary>
    public ImmutableArray<FigureBitRead> FigureBitReads { get; init; } = [];

    /// <summary>Every declaration the binder made and every name it resolved (<see cref="SymbolTable"/>).</summary>
    public SymbolTable Symbols { get; init; } = new();

    public int QubitCount => QubitRegisters.Sum(r => r.Size);

    public int BitCount => BitRegisters.Sum(r => r.Size);
}

/// <summary>A figure reads <paramref name="Bit"/> at <paramref name="Span"/> (an index or name inside a reduction).</summary>
public sealed record FigureBitRead(string Figure, int Bit, TextSpan Span);
