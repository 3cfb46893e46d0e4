using QNetLang.Distribution.Telegates;
using QNetLang.Ir;

namespace QNetLang.Distribution.Partitioning;

/// <summary>
/// The program cut into time slices of about one layer each, with the interaction model of every
/// slice on its own. Both migration searches (<see cref="TimeSlicedPlacement"/> and
/// <see cref="TemporalPartitioner"/>) place the unpinned qubits once per slice; a qubit that
/// changes node between two slices is teleported at the boundary.
/// </summary>
internal sealed class ProgramSlices
{
    /// <param name="gatesPerSlice">Two-qubit gates per slice (top-level operations are never split).</param>
    public ProgramSlices(PartitionProblem problem, int gatesPerSlice)
    {
        Problem = problem;
        Ranges = Slice(problem.Circuit, gatesPerSlice);
        Models = new InteractionModel[Ranges.Count];
        var location = new LocationTracker(problem.Circuit);
        for (int s = 0; s < Ranges.Count; s++)
        {
            var (start, end) = Ranges[s];
            // Fixed qubits start each slice where the program has taken them so far.
            var qubits = problem.Circuit.Qubits.Select(q => q with { Node = problem.Variable[q.Index] ? null : location.NodeOf(q.Index) }).ToArray();
            var operations = problem.Circuit.Operations[start..end];
            var slice = problem.Circuit with { Qubits = [.. qubits], Operations = operations };
            Models[s] = InteractionModel.Build(slice, problem.Distances, q => problem.Variable[q], decompose: _ => true);
            foreach (var op in operations) location.Apply(op);
        }
    }

    public PartitionProblem Problem { get; }

    /// <summary>Top-level operation range [Start, End) of each slice.</summary>
    public IReadOnlyList<(int Start, int End)> Ranges { get; }

    /// <summary>Interaction model of each slice alone (runs end at slice boundaries).</summary>
    public InteractionModel[] Models { get; }

    public int Count => Ranges.Count;

    /// <summary>Operation index where each slice starts.</summary>
    public int[] Starts => [.. Ranges.Select(r => r.Start)];

    /// <summary>Two-qubit gates in one layer of the program: half as many as there are data qubits.</summary>
    public static int LayerGates(Circuit circuit) => Math.Max(1, circuit.Qubits.Count(q => q.Role == QubitRole.Data) / 2);

    /// <summary>Cuts the top-level operations into slices of <paramref name="perSlice"/> two-qubit gates.</summary>
    private static List<(int Start, int End)> Slice(Circuit circuit, int perSlice)
    {
        perSlice = Math.Max(1, perSlice);
        var slices = new List<(int, int)>();
        int start = 0, gates = 0;
        for (int i = 0; i < circuit.Operations.Length; i++)
        {
            if (circuit.Operations[i] is GateOperation { Qubits.Length: >= 2 }) gates++;
            if (gates >= perSlice && i + 1 < circuit.Operations.Length)
            {
                slices.Add((start, i + 1));
                start = i + 1;
                gates = 0;
            }
        }
        slices.Add((start, circuit.Operations.Length));
        return slices;
    }
}
