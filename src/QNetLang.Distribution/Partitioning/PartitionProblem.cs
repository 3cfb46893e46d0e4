using QNetLang.Core;
using QNetLang.Distribution.Telegates;
using QNetLang.Ir;

namespace QNetLang.Distribution.Partitioning;

/// <summary>
/// What the partitioner must decide: a node for every variable (unpinned data) qubit, on QPUs
/// with free data capacity, given the qubits whose node is fixed.
/// </summary>
public sealed class PartitionProblem
{
    public PartitionProblem(Circuit circuit, NetworkDistances distances)
    {
        Circuit = circuit;
        Distances = distances;
        Variable = circuit.Qubits.Select(q => q.Node is null && q.Role == QubitRole.Data).ToArray();
        InitialNode = circuit.Qubits.Select(q => q.Node is null ? -1 : distances.IndexOf(q.Node)).ToArray();
        Capacity = new int[distances.Count];
        for (int n = 0; n < distances.Count; n++)
        {
            var node = distances.Processors[n];
            Capacity[n] = node.Kind == NodeKind.Qpu ? node.DataQubits : 0;
        }
        foreach (var q in circuit.Qubits)
            if (q.Node is not null && q.Role == QubitRole.Data && distances.IndexOf(q.Node) is var i and >= 0)
                Capacity[i] = Math.Max(0, Capacity[i] - 1);
        Model = InteractionModel.Build(circuit, distances, q => Variable[q], decompose: _ => true);
        Hypergraph = Hypergraph.FromModel(Model);
    }

    public Circuit Circuit { get; }

    public NetworkDistances Distances { get; }

    /// <summary>True for qubits the partitioner places.</summary>
    public bool[] Variable { get; }

    /// <summary>Starting node of fixed qubits (−1 for variable ones).</summary>
    public int[] InitialNode { get; }

    /// <summary>Free data-qubit capacity per node for variable qubits.</summary>
    public int[] Capacity { get; }

    public InteractionModel Model { get; }

    public Hypergraph Hypergraph { get; }

    public int VariableCount => Variable.Count(v => v);

    /// <summary>The true telegate cost of a placement: the exact minimum cover.</summary>
    public long TrueCost(int[] placement) => TelegateCover.Cost(Model, placement, Distances, _workspace);

    private readonly TelegateCover.Workspace _workspace = new();
}
