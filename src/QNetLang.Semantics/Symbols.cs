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

/// <summary>
/// A classical variable (<c>uint[4] k;</c>): folded at compile time while its value is constant,
/// kept in bits at run time once a measurement reaches it (the lowerer decides).
/// </summary>
public sealed record ClassicalVariableSymbol(string Name, ClassicalType Type, TextSpan DeclarationSpan) : Symbol(Name, DeclarationSpan)
{
    public override string KindDescription => $"a classical variable ({Type})";
}

public sealed record ConstSymbol(string Name, ScalarType Type, ConstValue Value, TextSpan DeclarationSpan) : Symbol(Name, DeclarationSpan)
{
    public override string KindDescription => "a constant";

    /// <summary>
    /// An integer constant beyond ±2^53 (<c>const uint[64] k = 18446744073709551615;</c>), exact;
    /// <see cref="Value"/> is then only its nearest double. Integer folding (a register compared
    /// with it, a classical variable set to it) reads this; the general evaluator refuses it (QN2036).
    /// </summary>
    public System.Numerics.BigInteger? Wide { get; init; }
}

/// <summary>A figure of merit: a value over all shots, computed after the run (docs/language.md).</summary>
public sealed record FigureSymbol(string Name, TextSpan DeclarationSpan) : Symbol(Name, DeclarationSpan)
{
    public override string KindDescription => "a figure of merit";
}

/// <summary>A <c>network</c> declaration; its nodes are <see cref="NodeSymbol"/>s.</summary>
public sealed record NetworkSymbol(string Name, TextSpan DeclarationSpan) : Symbol(Name, DeclarationSpan)
{
    public override string KindDescription => "a network";
}

/// <summary>A node of a network: named in links, by <c>@</c>, <c>at</c>, <c>teleport</c> and <c>send</c>.</summary>
public sealed record NodeSymbol(string Name, NodeKind Kind, string Network, TextSpan DeclarationSpan) : Symbol(Name, DeclarationSpan)
{
    public override string KindDescription => $"a {NodeKinds.Name(Kind)}";
}

/// <summary>A <c>program</c> declaration: the container of its registers, constants, gates and figures.</summary>
public sealed record ProgramSymbol(string Name, TextSpan DeclarationSpan) : Symbol(Name, DeclarationSpan)
{
    public override string KindDescription => "a program";
}

/// <summary>
/// A name the language gives, not the source: a catalog gate, a property, a unit, a built-in
/// constant or function. It has no declaration; tools group its uses by <see cref="Symbol.Name"/>.
/// </summary>
public abstract record BuiltinSymbol(string Name) : Symbol(Name, default);

/// <summary>A gate of the <see cref="GateCatalog"/> as written (<see cref="Symbol.Name"/> may be an alias of <see cref="GateInfo.Name"/>).</summary>
public sealed record BuiltinGateSymbol(GateInfo Info, string Written) : BuiltinSymbol(Written)
{
    public override string KindDescription => "a built-in gate";
}

/// <summary>A property of a network, node or link (<see cref="PropertySchema"/>).</summary>
public sealed record PropertySymbol(string Owner, PropertySpec Spec) : BuiltinSymbol(Spec.Name)
{
    public override string KindDescription => $"a {Owner} property";
}

/// <summary>One of the values a property chosen from a list may take: <c>nested</c> in <c>swap = nested</c>.</summary>
public sealed record PropertyChoiceSymbol(PropertySpec Property, string Choice) : BuiltinSymbol(Choice)
{
    public override string KindDescription => $"a value of the property '{Property.Name}'";
}

/// <summary>A unit after a number: <c>km</c>, <c>dB/km</c>.</summary>
public sealed record UnitSymbol(string Unit) : BuiltinSymbol(Unit)
{
    public override string KindDescription => "a unit";
}

/// <summary>A built-in constant (<c>pi</c>) or function (<c>sin</c>).</summary>
public sealed record BuiltinValueSymbol(string Name, bool IsFunction) : BuiltinSymbol(Name)
{
    /// <summary>The name that stands, in a figure, for the mean simulated time of a shot in seconds.</summary>
    public const string ShotTime = "shot_time";

    public override string KindDescription => IsFunction ? "a built-in function" : "a built-in constant";
}

/// <summary>
/// Stands in for a declaration that failed (or a name already reported as undefined), so that
/// later uses of the name are silently accepted instead of each giving another message.
/// </summary>
public sealed record ErrorSymbol(string Name, TextSpan DeclarationSpan) : Symbol(Name, DeclarationSpan)
{
    public override string KindDescription => "an erroneous declaration";
}

/// <summary>A <c>for</c> loop variable (or a figure reduction's round variable): an integer constant whose value changes per unrolled iteration.</summary>
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

/// <summary>
/// A qubit parameter of a <c>def</c>: one qubit, or a register of <see cref="Size"/> qubits
/// (<see cref="IsRegister"/>), bound to the call's qubits each time the subroutine is inlined.
/// </summary>
public sealed record SubroutineQubitSymbol(string Name, int Size, bool IsRegister, TextSpan DeclarationSpan) : Symbol(Name, DeclarationSpan)
{
    public override string KindDescription => IsRegister ? "a qubit register parameter" : "a qubit parameter";
}

/// <summary>
/// A <c>def</c>: its parameters in order (each a <see cref="SubroutineQubitSymbol"/> or a
/// <see cref="ClassicalVariableSymbol"/> that receives the argument's value), its result type
/// (null when it returns nothing) and its body, which the lowerer inlines at every call.
/// </summary>
public sealed record Subroutine(string Name, ImmutableArray<Symbol> Parameters, ClassicalType? ResultType, TextSpan DeclarationSpan)
{
    /// <summary>Set once, after the body is bound (the body cannot call the subroutine itself).</summary>
    public ImmutableArray<BoundStatement> Body { get; internal set; } = [];
}

/// <summary>A <c>def</c> as a name: what a call's name resolves to.</summary>
public sealed record SubroutineSymbol(Subroutine Subroutine) : Symbol(Subroutine.Name, Subroutine.DeclarationSpan)
{
    public override string KindDescription => "a subroutine";
}
