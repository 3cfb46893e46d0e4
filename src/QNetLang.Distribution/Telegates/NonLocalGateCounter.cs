using System.Collections.Immutable;
using QNetLang.Ir;

namespace QNetLang.Distribution.Telegates;

/// <summary>
/// Counts the gates of a placed circuit that cross QPUs, by how they are carried out: with a
/// telegate (its qubits are on different nodes when it runs) or by moving a qubit (its qubits
/// started on different nodes, and teleports — written or inserted by the partitioner — or
/// sends brought them together). Gates are counted as written, before the decompositions a
/// remote gate may need, so one remote Toffoli is one non-local gate.
/// </summary>
internal static class NonLocalGateCounter
{
    public readonly record struct Counts(int ByTelegate, int ByMove)
    {
        public int Total => ByTelegate + ByMove;
    }

    public static Counts Count(Circuit placed)
    {
        var start = new LocationTracker(placed);
        int telegate = 0, move = 0;
        Walk(placed.Operations, new LocationTracker(placed), start, ref telegate, ref move);
        return new Counts(telegate, move);
    }

    private static void Walk(ImmutableArray<Operation> operations, LocationTracker now, LocationTracker start, ref int telegate, ref int move)
    {
        foreach (var op in operations)
        {
            switch (op)
            {
                case GateOperation g when g.Qubits.Length >= 2:
                    if (g.Qubits.Select(now.NodeOf).Distinct().Count() > 1) telegate++;
                    else if (g.Qubits.Select(start.NodeOf).Distinct().Count() > 1) move++;
                    break;
                case IfOperation branch:
                    // No qubit moves inside a branch (QN2041), so both see the same locations.
                    Walk(branch.Then, now.Clone(), start, ref telegate, ref move);
                    Walk(branch.Else, now.Clone(), start, ref telegate, ref move);
                    break;
            }
            now.Apply(op);
        }
    }
}
