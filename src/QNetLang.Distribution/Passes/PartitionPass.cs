using QNetLang.Core;
using QNetLang.Distribution.Partitioning;
using QNetLang.Ir;

namespace QNetLang.Distribution.Passes;

/// <summary>Chooses a starting node for every unpinned qubit (see <see cref="Partitioner"/>).</summary>
public sealed class PartitionPass : IPass
{
    public string Name => "partition";

    public IReadOnlyList<string> Requires => [];

    public IReadOnlyList<string> Guarantees => [CircuitProperties.Placed];

    public Circuit Run(Circuit circuit, PassContext context)
    {
        if (circuit.Qubits.All(q => q.Node is not null)) return circuit;
        var distances = new NetworkDistances(circuit.Network);
        var problem = new PartitionProblem(circuit, distances);
        if (problem.VariableCount > problem.Capacity.Sum())
        {
            var at = circuit.Operations.Length > 0 ? circuit.Operations[0].Location : Location.None;
            context.Diagnostics.Report(Diagnostics.NoPlacement, at, $"{problem.VariableCount} unpinned qubits but only {problem.Capacity.Sum()} free data qubits on the QPUs");
            return circuit;
        }
        var placement = Partitioner.Partition(problem, context.Seed);
        context.Statistics.PartitionCost = problem.TrueCost(placement);
        var qubits = circuit.Qubits.Select(q => problem.Variable[q.Index] ? q with { Node = distances.Processors[placement[q.Index]].Name } : q);
        return circuit with { Qubits = [.. qubits] };
    }
}
