using System.Collections.Immutable;

namespace QNetLang.Ir;

/// <summary>A logical qubit: its display name (<c>q[3]</c>) and the node it is pinned to, if any.</summary>
public sealed record QubitInfo(int Index, string Name, string? PinnedNode);

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
