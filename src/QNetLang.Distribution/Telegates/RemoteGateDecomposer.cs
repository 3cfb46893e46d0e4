using System.Collections.Immutable;
using QNetLang.Ir;

namespace QNetLang.Distribution.Telegates;

/// <summary>
/// Decomposes exactly those gates a telegate cannot serve (see <see cref="GateDecomposition"/>)
/// whose qubits sit on different nodes at that point of the program. Local gates stay whole.
/// </summary>
internal static class RemoteGateDecomposer
{
    public static Circuit Run(Circuit circuit)
    {
        var location = new LocationTracker(circuit);
        return circuit with { Operations = Rewrite(circuit.Operations, location) };
    }

    private static ImmutableArray<Operation> Rewrite(ImmutableArray<Operation> operations, LocationTracker location)
    {
        var output = ImmutableArray.CreateBuilder<Operation>(operations.Length);
        foreach (var op in operations)
        {
            switch (op)
            {
                // A gate with a runtime angle keeps its form: the telegate pass refuses it (QN3008).
                case GateOperation g when g.Qubits.Length >= 2 && GateDecomposition.NeedsDecomposition(g.Gate) && !g.HasRuntimeParameters
                                          && g.Qubits.Select(location.NodeOf).Distinct().Count() > 1:
                    output.AddRange(GateDecomposition.Decompose(g));
                    break;
                case IfOperation i:
                    output.Add(i with { Then = Rewrite(i.Then, location.Clone()), Else = Rewrite(i.Else, location.Clone()) });
                    break;
                default:
                    output.Add(op);
                    break;
            }
            location.Apply(op);
        }
        return output.ToImmutable();
    }
}
