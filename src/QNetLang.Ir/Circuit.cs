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

/// <summary>What a classical bit is for: a result of the source program, or one the compiler added (cat-entangler and teleport outcomes).</summary>
public enum BitRole
{
    Program,
    Protocol,
}

/// <summary>
/// A classical bit: element <see cref="Element"/> of register <see cref="Register"/> (null for a
/// scalar bit), and its role. Outputs group bits by register from these fields, never by
/// parsing <see cref="Name"/>.
/// </summary>
public sealed record BitInfo(int Index, string Register, int? Element, BitRole Role = BitRole.Program)
{
    /// <summary>The name as written in the source: <c>c[3]</c>, or <c>flag</c> for a scalar bit.</summary>
    public string Name => Element is { } e ? $"{Register}[{e.ToString(System.Globalization.CultureInfo.InvariantCulture)}]" : Register;
}

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
    /// <summary>The program's figures of merit (post-processing over <see cref="Bits"/>; no operation reads them).</summary>
    public ImmutableArray<FigureDefinition> Figures { get; init; } = [];

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
