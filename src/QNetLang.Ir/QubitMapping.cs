using System.Collections.Immutable;

namespace QNetLang.Ir;

/// <summary>Rewrites the qubit indices of operations (renaming after a teleport, per-node numbering in emitters).</summary>
public static class QubitMapping
{
    public static Operation Map(Operation operation, Func<int, int> map) => operation switch
    {
        GateOperation g => g with { Qubits = [.. g.Qubits.Select(map)] },
        MeasureOperation m => m with { Qubit = map(m.Qubit) },
        ResetOperation r => r with { Qubit = map(r.Qubit) },
        BarrierOperation b => b with { Qubits = [.. b.Qubits.Select(map)] },
        EprOperation e => e with { First = map(e.First), Second = map(e.Second) },
        TeleportOperation t => t with { Qubit = map(t.Qubit) },
        SendOperation s => s with { Qubit = map(s.Qubit) },
        IfOperation i => i with { Then = Map(i.Then, map), Else = Map(i.Else, map) },
        ClassicalAssignOperation a => a,
        _ => throw new InvalidOperationException($"cannot map qubits of {operation.GetType().Name}"),
    };

    public static ImmutableArray<Operation> Map(ImmutableArray<Operation> operations, Func<int, int> map) =>
        [.. operations.Select(op => Map(op, map))];

    /// <summary>Every qubit an operation touches, including inside conditionals.</summary>
    public static IEnumerable<int> QubitsOf(Operation operation) => operation switch
    {
        GateOperation g => g.Qubits,
        MeasureOperation m => [m.Qubit],
        ResetOperation r => [r.Qubit],
        BarrierOperation b => b.Qubits,
        EprOperation e => [e.First, e.Second],
        TeleportOperation t => [t.Qubit],
        SendOperation s => [s.Qubit],
        IfOperation i => i.Then.Concat(i.Else).SelectMany(QubitsOf),
        _ => [],
    };
}
