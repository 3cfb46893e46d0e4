using System.Collections.Immutable;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Syntax.Ast;

namespace QNetLang.Semantics;

/// <summary>Anything a name can refer to inside a program.</summary>
public abstract record Symbol(string Name, TextSpan DeclarationSpan)
{
    /// <summary>How the symbol reads in a message: "a qubit register".</summary>
    public abstract string KindDescription { get; }
}

/// <summary>
/// A qubit register (or a single qubit when <see cref="IsRegister"/> is false): logical qubits
/// <see cref="FirstQubit"/> … <see cref="FirstQubit"/> + <see cref="Size"/> − 1 of the circuit.
/// </summary>
public sealed record QubitRegisterSymbol(string Name, int Size, bool IsRegister, int FirstQubit, string? PinnedNode, TextSpan DeclarationSpan) : Symbol(Name, DeclarationSpan)
{
    public override string KindDescription => IsRegister ? "a qubit register" : "a qubit";
}

public sealed record BitRegisterSymbol(string Name, int Size, bool IsRegister, int FirstBit, TextSpan DeclarationSpan) : Symbol(Name, DeclarationSpan)
{
    /// <summary>The declared initial value (OpenQASM <c>bit[2] f = "11";</c>), element 0 least significant; 0 when none.</summary>
    public System.Numerics.BigInteger InitialValue { get; init; }

    public override string KindDescription => IsRegister ? "a bit register" : "a bit";
}

public sealed record ConstSymbol(string Name, ScalarType Type, ConstValue Value, TextSpan DeclarationSpan) : Symbol(Name, DeclarationSpan)
{
    public override string KindDescription => "a constant";
}

/// <summary>A figure of merit: a value over all shots, computed after the run (docs/language.md).</summary>
public sealed record FigureSymbol(string Name, TextSpan DeclarationSpan) : Symbol(Name, DeclarationSpan)
{
    public override string KindDescription => "a figure of merit";
}

/// <summary>
/// Stands in for a declaration that failed (or a name already reported as undefined), so that
/// later uses of the name are silently accepted instead of each giving another message.
/// </summary>
public sealed record ErrorSymbol(string Name, TextSpan DeclarationSpan) : Symbol(Name, DeclarationSpan)
{
    public override string KindDescription => "an erroneous declaration";
}

/// <summary>A <c>for</c> loop variable: an integer constant whose value changes per unrolled iteration.</summary>
public sealed record LoopVariableSymbol(string Name, TextSpan DeclarationSpan) : Symbol(Name, DeclarationSpan)
{
    public override string KindDescription => "a loop variable";
}

/// <summary>An angle parameter of a user gate, known only when the gate is inlined.</summary>
public sealed record GateParameterSymbol(string Name, int Position, TextSpan DeclarationSpan) : Symbol(Name, DeclarationSpan)
{
    public override string KindDescription => "a gate parameter";
}

/// <summary>A qubit argument of a user gate.</summary>
public sealed record GateQubitSymbol(string Name, int Position, TextSpan DeclarationSpan) : Symbol(Name, DeclarationSpan)
{
    public override string KindDescription => "a gate qubit argument";
}

/// <summary>The gate a call refers to: a catalog gate or a user definition.</summary>
public abstract record GateTarget(string Name, int QubitCount, int ParameterCount);

public sealed record BuiltinGate(GateInfo Info) : GateTarget(Info.Name, Info.QubitCount, Info.ParameterCount);

/// <summary>A user <c>gate</c> definition; its body refers to its qubits by position.</summary>
public sealed record UserGate(string Name, ImmutableArray<string> Parameters, ImmutableArray<string> Qubits, TextSpan DeclarationSpan) : GateTarget(Name, Qubits.Length, Parameters.Length)
{
    /// <summary>Set once, after the body is bound (the body cannot call the gate itself).</summary>
    public ImmutableArray<BoundGateCall> Body { get; internal set; } = ImmutableArray<BoundGateCall>.Empty;
}
