using System.Collections.Immutable;
using QNetLang.Core;

namespace QNetLang.Ir;

/// <summary>
/// One step of a circuit over logical qubits (indices into <see cref="Circuit.Qubits"/>) and
/// classical bits (indices into <see cref="Circuit.Bits"/>). Every operation keeps the source
/// location it came from, so later passes can report problems at the user's code.
/// </summary>
public abstract record Operation(Location Location);

public sealed record GateOperation(GateInfo Gate, ImmutableArray<double> Parameters, ImmutableArray<int> Qubits, Location Location) : Operation(Location)
{
    /// <summary>
    /// Empty for a gate whose angles are constants. Otherwise one expression per parameter,
    /// evaluated (as radians) by the node when the gate runs, because some angle depends on a
    /// measurement; <see cref="Parameters"/> then holds zeros.
    /// </summary>
    public ImmutableArray<ClassicalExpression> RuntimeParameters { get; init; } = [];

    public bool HasRuntimeParameters => !RuntimeParameters.IsDefaultOrEmpty;
}

/// <summary>
/// A runtime classical assignment: <see cref="Value"/>, converted to its type's bit pattern,
/// is written to <see cref="Targets"/> (element 0 least significant). The node that executes it
/// reads its own copies of the bits the value depends on.
/// </summary>
public sealed record ClassicalAssignOperation(ImmutableArray<int> Targets, ClassicalExpression Value, Location Location) : Operation(Location);

/// <summary>Z-basis measurement; <see cref="Bit"/> is null when the result is discarded.</summary>
public sealed record MeasureOperation(int Qubit, int? Bit, Location Location) : Operation(Location);

public sealed record ResetOperation(int Qubit, Location Location) : Operation(Location);

public sealed record BarrierOperation(ImmutableArray<int> Qubits, Location Location) : Operation(Location);

/// <summary>
/// Runs <see cref="Then"/> when the condition holds at this point, otherwise <see cref="Else"/>.
/// With <see cref="IsLoop"/> it is a runtime `while`: the condition is tested again after every
/// run of <see cref="Then"/> (<see cref="Else"/> is empty). A loop is a conditional that may
/// repeat, so every pass that reasons about a conditional's branches (placement, remote gates,
/// routing, bit ownership) treats its body as one branch; only the scheduler and the executors
/// need to know it repeats.
/// </summary>
public sealed record IfOperation(Condition Condition, ImmutableArray<Operation> Then, ImmutableArray<Operation> Else, Location Location) : Operation(Location)
{
    public bool IsLoop { get; init; }
}

/// <summary>
/// The network delivers a Bell pair |Φ+> to two qubits held on different nodes. <see cref="Path"/>
/// is the route (node names from the first qubit's node to the second's) once the route stage has
/// chosen it; empty before.
/// </summary>
public sealed record EprOperation(int First, int Second, Location Location) : Operation(Location)
{
    public ImmutableArray<string> Path { get; init; } = ImmutableArray<string>.Empty;
}

/// <summary>
/// The state of <see cref="Qubit"/> moves to a free qubit at <see cref="Destination"/>; the logical
/// qubit follows. It consumes one Bell pair over <see cref="Path"/> (empty until routed).
/// </summary>
public sealed record TeleportOperation(int Qubit, string Destination, Location Location) : Operation(Location)
{
    public ImmutableArray<string> Path { get; init; } = ImmutableArray<string>.Empty;
}

/// <summary>
/// The physical qubit travels over one link to <see cref="Destination"/> and may be lost;
/// <see cref="ArrivalBit"/> (if any) becomes 1 at the destination when it was detected.
/// </summary>
public sealed record SendOperation(int Qubit, string Destination, int? ArrivalBit, Location Location) : Operation(Location);

/// <summary>A classical condition over measured bits.</summary>
public abstract record Condition;

/// <summary>The bit equals <see cref="Value"/>.</summary>
public sealed record BitCondition(int Bit, bool Value) : Condition;

public sealed record NotCondition(Condition Operand) : Condition;

public sealed record AndCondition(ImmutableArray<Condition> Operands) : Condition;

public sealed record OrCondition(ImmutableArray<Condition> Operands) : Condition;

/// <summary>A condition that folded to a constant (e.g. comparing a register with a value it cannot hold).</summary>
public sealed record ConstantCondition(bool Value) : Condition;

/// <summary>A runtime classical expression that is true when non-zero (a comparison, a bool variable, …).</summary>
public sealed record ClassicalCondition(ClassicalExpression Test) : Condition;

/// <summary>Helpers over conditions.</summary>
public static class Conditions
{
    /// <summary>Every bit a condition tests (with repeats, in the order written).</summary>
    public static IEnumerable<int> BitsOf(Condition condition) => condition switch
    {
        BitCondition b => [b.Bit],
        NotCondition n => BitsOf(n.Operand),
        AndCondition a => a.Operands.SelectMany(BitsOf),
        OrCondition o => o.Operands.SelectMany(BitsOf),
        ClassicalCondition c => ClassicalExpressions.BitsOf(c.Test),
        _ => [],
    };
}

/// <summary>Which bits an operation reads outside conditions (runtime assignments and gate angles).</summary>
public static class BitReads
{
    public static IEnumerable<int> Of(Operation operation) => operation switch
    {
        ClassicalAssignOperation a => ClassicalExpressions.BitsOf(a.Value),
        GateOperation { HasRuntimeParameters: true } g => g.RuntimeParameters.SelectMany(ClassicalExpressions.BitsOf),
        _ => [],
    };
}
