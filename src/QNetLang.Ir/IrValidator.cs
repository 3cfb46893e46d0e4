using QNetLang.Core;
using System.Collections.Immutable;

namespace QNetLang.Ir;

/// <summary>
/// Checks the invariants every circuit must keep after every pass. A violation is a compiler
/// bug, not a user error: the pass manager turns it into an exception in tests.
/// </summary>
public static class IrValidator
{
    public static IReadOnlyList<string> Validate(Circuit circuit)
    {
        var problems = new List<string>();
        var network = circuit.Network;
        for (int i = 0; i < circuit.Qubits.Length; i++)
        {
            var q = circuit.Qubits[i];
            if (q.Index != i) problems.Add($"qubit table entry {i} has index {q.Index}");
            if (q.Node is { } node && network.FindNode(node) is not { Kind: not NodeKind.Repeater })
                problems.Add($"qubit {q.Name} starts on '{node}', which is not a qpu or endnode of {network.Name}");
        }
        for (int i = 0; i < circuit.Bits.Length; i++)
            if (circuit.Bits[i].Index != i) problems.Add($"bit table entry {i} has index {circuit.Bits[i].Index}");
        foreach (var name in circuit.Qubits.GroupBy(q => q.Name).Where(g => g.Count() > 1).Select(g => g.Key))
            problems.Add($"qubit name {name} is used twice");

        Check(circuit, circuit.Operations, new LocationTracker(circuit), network.Components(), problems);
        return problems;
    }

    public static void ThrowIfInvalid(Circuit circuit, string after)
    {
        var problems = Validate(circuit);
        if (problems.Count > 0)
            throw new InvalidOperationException($"IR invalid after {after}:\n  " + string.Join("\n  ", problems));
    }

    private static void Check(Circuit circuit, ImmutableArray<Operation> operations, LocationTracker location, IReadOnlyDictionary<string, int> components, List<string> problems)
    {
        foreach (var op in operations)
        {
            string where = op.Location.ToString();
            switch (op)
            {
                case GateOperation g:
                    if (g.Qubits.Length != g.Gate.QubitCount) problems.Add($"{where}: {g.Gate.Name} has {g.Qubits.Length} operands, needs {g.Gate.QubitCount}");
                    if (g.Parameters.Length != g.Gate.ParameterCount) problems.Add($"{where}: {g.Gate.Name} has {g.Parameters.Length} parameters, needs {g.Gate.ParameterCount}");
                    if (g.Parameters.Any(p => !double.IsFinite(p))) problems.Add($"{where}: {g.Gate.Name} has a non-finite parameter");
                    if (g.Qubits.Distinct().Count() != g.Qubits.Length) problems.Add($"{where}: {g.Gate.Name} uses a qubit twice");
                    foreach (var q in g.Qubits) CheckQubit(circuit, q, where, problems);
                    if (g.HasRuntimeParameters && g.RuntimeParameters.Length != g.Parameters.Length) problems.Add($"{where}: {g.Gate.Name} has {g.RuntimeParameters.Length} runtime parameters for {g.Parameters.Length}");
                    foreach (int read in BitReads.Of(g)) CheckBit(circuit, read, where, problems);
                    break;
                case ClassicalAssignOperation a:
                    if (a.Targets.IsEmpty || a.Targets.Length > 64) problems.Add($"{where}: an assignment writes {a.Targets.Length} bits");
                    foreach (int touched in a.Targets.Concat(BitReads.Of(a))) CheckBit(circuit, touched, where, problems);
                    break;
                case MeasureOperation m:
                    CheckQubit(circuit, m.Qubit, where, problems);
                    if (m.Bit is { } bit) CheckBit(circuit, bit, where, problems);
                    break;
                case ResetOperation r:
                    CheckQubit(circuit, r.Qubit, where, problems);
                    break;
                case BarrierOperation b:
                    foreach (var q in b.Qubits) CheckQubit(circuit, q, where, problems);
                    break;
                case EprOperation e:
                    if (!CheckQubit(circuit, e.First, where, problems) || !CheckQubit(circuit, e.Second, where, problems)) break;
                    string? firstNode = location.NodeOf(e.First), secondNode = location.NodeOf(e.Second);
                    if (e.First == e.Second) problems.Add($"{where}: epr on one qubit");
                    else if (firstNode is null || secondNode is null) problems.Add($"{where}: epr on a qubit without a node");
                    else if (firstNode == secondNode) problems.Add($"{where}: epr within node {firstNode}");
                    else if (!Network.Connected(components, firstNode, secondNode)) problems.Add($"{where}: epr between unconnected nodes");
                    else if (e.Path.Length > 0) CheckPath(circuit.Network, e.Path, firstNode, secondNode, where, problems);
                    break;
                case TeleportOperation t:
                    if (!CheckQubit(circuit, t.Qubit, where, problems)) break;
                    if (circuit.Network.FindNode(t.Destination) is null) problems.Add($"{where}: teleport to unknown node {t.Destination}");
                    else if (t.Path.Length > 0 && location.NodeOf(t.Qubit) is { } from) CheckPath(circuit.Network, t.Path, from, t.Destination, where, problems);
                    location.Apply(t);
                    break;
                case SendOperation s:
                    if (!CheckQubit(circuit, s.Qubit, where, problems)) break;
                    if (s.ArrivalBit is { } flag) CheckBit(circuit, flag, where, problems);
                    if (location.NodeOf(s.Qubit) is { } sendFrom && circuit.Network.FindLink(sendFrom, s.Destination) is null)
                        problems.Add($"{where}: send from {sendFrom} to {s.Destination} without a link");
                    location.Apply(s);
                    break;
                case IfOperation i:
                    CheckCondition(circuit, i.Condition, where, problems);
                    // Placement after a branch must not depend on which branch ran.
                    var thenLocation = location.Clone();
                    var elseLocation = location.Clone();
                    Check(circuit, i.Then, thenLocation, components, problems);
                    Check(circuit, i.Else, elseLocation, components, problems);
                    if (!thenLocation.SameAs(elseLocation) || !thenLocation.SameAs(location))
                        problems.Add($"{where}: a qubit moves between nodes inside a conditional");
                    break;
                default:
                    problems.Add($"{where}: unknown operation {op.GetType().Name}");
                    break;
            }
        }
    }

    /// <summary>A route runs from one end to the other over links that exist.</summary>
    private static void CheckPath(Network network, ImmutableArray<string> path, string from, string to, string where, List<string> problems)
    {
        if (path[0] != from || path[^1] != to)
        {
            problems.Add($"{where}: route {string.Join("-", path)} does not join {from} and {to}");
            return;
        }
        for (int i = 1; i < path.Length; i++)
            if (network.FindLink(path[i - 1], path[i]) is null)
                problems.Add($"{where}: route uses a missing link {path[i - 1]}-{path[i]}");
    }

    private static bool CheckQubit(Circuit circuit, int qubit, string where, List<string> problems)
    {
        if (qubit >= 0 && qubit < circuit.Qubits.Length) return true;
        problems.Add($"{where}: qubit index {qubit} out of range");
        return false;
    }

    private static void CheckBit(Circuit circuit, int bit, string where, List<string> problems)
    {
        if (bit < 0 || bit >= circuit.Bits.Length) problems.Add($"{where}: bit index {bit} out of range");
    }

    private static void CheckCondition(Circuit circuit, Condition condition, string where, List<string> problems)
    {
        switch (condition)
        {
            case BitCondition b: CheckBit(circuit, b.Bit, where, problems); break;
            case NotCondition n: CheckCondition(circuit, n.Operand, where, problems); break;
            case AndCondition a: foreach (var c in a.Operands) CheckCondition(circuit, c, where, problems); break;
            case OrCondition o: foreach (var c in o.Operands) CheckCondition(circuit, c, where, problems); break;
            case ClassicalCondition c: foreach (int bit in ClassicalExpressions.BitsOf(c.Test)) CheckBit(circuit, bit, where, problems); break;
        }
    }
}
