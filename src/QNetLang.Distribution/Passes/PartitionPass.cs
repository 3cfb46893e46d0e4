using System.Collections.Immutable;
using QNetLang.Core;
using QNetLang.Distribution.Partitioning;
using QNetLang.Ir;

namespace QNetLang.Distribution.Passes;

/// <summary>
/// Chooses a starting node for every unpinned qubit (see <see cref="Partitioner"/>), then
/// considers migrating unpinned qubits between slices of the program (see
/// <see cref="TimeSlicedPlacement"/>); a migration is an inserted teleport. Pinned qubits never move.
/// </summary>
public sealed class PartitionPass : IPass
{
    /// <summary>Exact slice-cost evaluations the migration search may spend.</summary>
    private const long MigrationWork = 40_000_000;

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
        long staticCost = problem.TrueCost(placement);
        context.Statistics.PartitionCost = staticCost;
        var placed = circuit with
        {
            Qubits = [.. circuit.Qubits.Select(q => problem.Variable[q.Index] ? q with { Node = distances.Processors[placement[q.Index]].Name } : q)],
        };

        long budget = MigrationWork / Math.Max(1, problem.Model.Interactions.Count);
        if (budget < 100) return placed;
        var sliced = new TimeSlicedPlacement(problem, placement, budget);
        if (sliced.SliceCount < 2) return placed;
        // Cutting the program into slices cuts its runs, so before any move the slices already
        // cost more than the static placement. Where that loss is more than double (long runs,
        // as in CZ-heavy circuits), migration has never won it back on our benchmarks (it saves
        // at most about half, on quantum volume), so the search is skipped.
        if (sliced.TotalCost() > 2 * staticCost) return placed;
        sliced.ImproveForward(new Random(SeedMix.Combine(context.Seed, 0x7E1E)), maxSweeps: 4);
        long slicedCost = sliced.TotalCost();
        if (slicedCost >= staticCost) return placed;
        context.Statistics.PartitionCost = slicedCost;
        return Migrate(circuit, problem, sliced, context);
    }

    /// <summary>The circuit with each slice's placement: starting nodes from slice 0, teleports where a qubit changes node.</summary>
    private static Circuit Migrate(Circuit circuit, PartitionProblem problem, TimeSlicedPlacement sliced, PassContext context)
    {
        var distances = problem.Distances;
        var first = sliced.PlacementOf(0);
        var qubits = circuit.Qubits.Select(q => problem.Variable[q.Index] ? q with { Node = distances.Processors[first[q.Index]].Name } : q).ToArray();
        var occupancy = new int[distances.Count];
        foreach (var q in qubits)
            if (q.Node is not null && q.Role == QubitRole.Data) occupancy[distances.IndexOf(q.Node)]++;

        var starts = sliced.SliceStarts.ToArray();
        var output = ImmutableArray.CreateBuilder<Operation>();
        var location = new LocationTracker(circuit with { Qubits = [.. qubits] });
        for (int s = 0; s < starts.Length; s++)
        {
            int end = s + 1 < starts.Length ? starts[s + 1] : circuit.Operations.Length;
            if (s > 0)
            {
                var at = circuit.Operations[starts[s]].Location;
                var moves = new List<(int Qubit, int To)>();
                var target = sliced.PlacementOf(s);
                for (int v = 0; v < target.Length; v++)
                    if (problem.Variable[v] && distances.IndexOf(location.NodeOf(v)!) != target[v]) moves.Add((v, target[v]));
                foreach (var teleport in OrderMoves(moves, location, occupancy, distances, at))
                {
                    output.Add(teleport);
                    location.Apply(teleport);
                    context.Statistics.Migrations++;
                }
            }
            for (int i = starts[s]; i < end; i++)
            {
                output.Add(circuit.Operations[i]);
                location.Apply(circuit.Operations[i]);
            }
        }
        return circuit with { Qubits = [.. qubits], Operations = output.ToImmutable() };
    }

    /// <summary>
    /// Teleports for one slice boundary, in an order that never overfills a node: moves into
    /// nodes with room go first; a cycle of swaps passes one qubit through a node with a free
    /// data qubit (one extra teleport).
    /// </summary>
    private static IEnumerable<TeleportOperation> OrderMoves(List<(int Qubit, int To)> moves, LocationTracker location, int[] occupancy, NetworkDistances distances, Location at)
    {
        var pending = new List<(int Qubit, int To)>(moves);
        while (pending.Count > 0)
        {
            int index = pending.FindIndex(m => occupancy[m.To] < distances.Processors[m.To].DataQubits);
            if (index < 0)
            {
                var (qubit, _) = pending[0];
                int from = distances.IndexOf(location.NodeOf(qubit)!);
                int spare = Enumerable.Range(0, distances.Count).FirstOrDefault(n => n != from && distances.Processors[n].Kind == NodeKind.Qpu && occupancy[n] < distances.Processors[n].DataQubits, -1);
                if (spare < 0) throw new InvalidOperationException("migration needs a free data qubit to pass through; the search should not have proposed this swap");
                yield return Move(qubit, from, spare, occupancy, distances, at, location);
                continue;
            }
            var move = pending[index];
            pending.RemoveAt(index);
            int source = distances.IndexOf(location.NodeOf(move.Qubit)!);
            if (source != move.To) yield return Move(move.Qubit, source, move.To, occupancy, distances, at, location);
        }
    }

    private static TeleportOperation Move(int qubit, int from, int to, int[] occupancy, NetworkDistances distances, Location at, LocationTracker location)
    {
        occupancy[from]--;
        occupancy[to]++;
        var teleport = new TeleportOperation(qubit, distances.Processors[to].Name, at);
        location.Apply(teleport);
        return teleport;
    }
}
