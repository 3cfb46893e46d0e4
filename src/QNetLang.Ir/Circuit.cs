using System.Collections.Immutable;

namespace QNetLang.Ir;

/// <summary>What a qubit is for: program data, or a communication qubit added by distribution.</summary>
public enum QubitRole
{
    Data,
    Communication,
}

/// <summary>
/// A qubit of the circuit: its display name (<c>q[3]</c>, <c>alice.comm[0]</c>), the node that
/// holds it at the start of the program (pinned by the program, or chosen by the partitioner;
/// null before partitioning for an unpinned qubit), and its role. Where it is later follows
/// from teleport and send operations (<see cref="LocationTracker"/>).
/// </summary>
public sealed record QubitInfo(int Index, string Name, string? Node, QubitRole Role = QubitRole.Data);

public sealed record BitInfo(int Index, string Name);

/// <summary>
/// The circuit IR: a program lowered to a flat list of operations over logical qubits and bits,
/// on a network. Immutable; passes return rewritten copies.
/// </summary>
public sealed record Circuit(
    string Name,
    Network Network,
    ImmutableArray<QubitInfo> Qubits,
    ImmutableArray<BitInfo> Bits,
    ImmutableArray<Operation> Operations)
{
    /// <summary>All operations, including those nested in conditionals, in program order.</summary>
    public IEnumerable<Operation> AllOperations() => Flatten(Operations);

    private static IEnumerable<Operation> Flatten(ImmutableArray<Operation> operations)
    {
        foreach (var op in operations)
        {
            yield return op;
            if (op is IfOperation branch)
            {
                foreach (var inner in Flatten(branch.Then)) yield return inner;
                foreach (var inner in Flatten(branch.Else)) yield return inner;
            }
        }
    }
}
