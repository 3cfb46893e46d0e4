using System.Collections.Immutable;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Simulation.Network;

namespace QNetLang.Simulation.Execution;

internal enum TaskKind
{
    Gate,
    Measure,
    Reset,
    Barrier,
    If,
    Epr,
    Teleport,
    Send,
}

/// <summary>One write of a classical bit: by which task, at which node, and the version it replaces (for conditional writes).</summary>
internal sealed record BitVersion(int Task, int Node, int Previous, bool Conditional);

/// <summary>
/// One top-level operation of the circuit as a unit of the dataflow schedule: where it runs, which
/// tasks must finish first (and how long their news takes to arrive), and which bit versions
/// it reads and writes.
/// </summary>
internal sealed class PlanTask
{
    public required int Index { get; init; }
    public required Operation Operation { get; init; }
    public required TaskKind Kind { get; init; }
    public required int[] Nodes { get; init; }
    public List<(int Task, long Delay)> Dependencies { get; } = new();
    public List<(int Task, long Delay)> Successors { get; } = new();
    /// <summary>Bit → the version read (−1: the initial 0), for every bit the task (or its branches) reads.</summary>
    public Dictionary<int, int> Reads { get; } = new();
    /// <summary>Bit → the version this task produces.</summary>
    public Dictionary<int, int> Writes { get; } = new();
    /// <summary>Route (node indices) of an epr or teleport; send: [from, to].</summary>
    public int[] Route { get; set; } = [];
}

/// <summary>
/// The circuit turned into a dependency graph once per run (shots share it). Dataflow semantics
/// (docs/simulator.md, "Execution"): an operation starts when the previous operations on its
/// qubits have finished and the bits it tests have reached its node; operations on different
/// qubits overlap. Bits are versioned by the write that produced them, so a node always reads the
/// value the program order says, however the nodes' clocks interleave.
/// </summary>
internal sealed class ProgramPlan
{
    public required Circuit Circuit { get; init; }
    public required NetworkModel Network { get; init; }
    public required IReadOnlyList<PlanTask> Tasks { get; init; }
    public required IReadOnlyList<BitVersion> Versions { get; init; }
    /// <summary>Bit → the version that holds its final value (−1: never written).</summary>
    public required int[] FinalVersions { get; init; }
    /// <summary>Node index of each circuit qubit at the start.</summary>
    public required int[] InitialNodes { get; init; }
    public required ProgramTraits Traits { get; init; }

    /// <summary>Builds the plan, or throws <see cref="SimulationLimitException"/> for a circuit the simulator cannot run yet.</summary>
    public static ProgramPlan Build(Circuit circuit, NetworkModel network)
    {
        var builder = new Builder(circuit, network);
        return builder.Run();
    }

    private sealed class Builder(Circuit circuit, NetworkModel network)
    {
        private readonly List<PlanTask> _tasks = new();
        private readonly List<BitVersion> _versions = new();
        private readonly int[] _lastTaskOfQubit = Enumerable.Repeat(-1, circuit.Qubits.Length).ToArray();
        private readonly int[] _currentVersion = Enumerable.Repeat(-1, circuit.Bits.Length).ToArray();
        private readonly LocationTracker _location = new(circuit);
        private readonly ProgramTraits _traits = new();

        public ProgramPlan Run()
        {
            foreach (var q in circuit.Qubits)
                if (q.Node is null)
                    throw new SimulationLimitException(Diagnostics.NeedsDistribution, Location.None, $"qubit {q.Name} is not placed on a node (the partitioner places unpinned qubits)");
            var initial = circuit.Qubits.Select(q => network.IndexOf(q.Node!)).ToArray();
            foreach (var op in circuit.Operations) Add(op);
            foreach (var task in _tasks)
                foreach (var (pred, delay) in task.Dependencies) _tasks[pred].Successors.Add((task.Index, delay));
            _traits.Finish(circuit, network, initial, _tasks);
            return new ProgramPlan
            {
                Circuit = circuit,
                Network = network,
                Tasks = _tasks,
                Versions = _versions,
                FinalVersions = (int[])_currentVersion.Clone(),
                InitialNodes = initial,
                Traits = _traits,
            };
        }

        private int NodeOf(int qubit) => network.IndexOf(_location.NodeOf(qubit)!);

        private void Add(Operation op)
        {
            int index = _tasks.Count;
            PlanTask task;
            var qubits = new List<int>();
            var reads = new SortedSet<int>();
            var writes = new SortedDictionary<int, int>(); // bit -> writer node
            switch (op)
            {
                case GateOperation g:
                    task = Make(index, op, TaskKind.Gate, [LocalNode(g, g.Qubits)]);
                    qubits.AddRange(g.Qubits);
                    break;
                case MeasureOperation m:
                    task = Make(index, op, TaskKind.Measure, [NodeOf(m.Qubit)]);
                    qubits.Add(m.Qubit);
                    if (m.Bit is { } bit) writes[bit] = NodeOf(m.Qubit);
                    break;
                case ResetOperation r:
                    task = Make(index, op, TaskKind.Reset, [NodeOf(r.Qubit)]);
                    qubits.Add(r.Qubit);
                    break;
                case BarrierOperation b:
                    task = Make(index, op, TaskKind.Barrier, b.Qubits.Select(NodeOf).Distinct().ToArray());
                    qubits.AddRange(b.Qubits);
                    break;
                case IfOperation i:
                    ScanBranch(i, qubits, reads, writes);
                    task = Make(index, op, TaskKind.If, qubits.Select(NodeOf).Distinct().Order().ToArray());
                    break;
                case EprOperation e:
                {
                    int a = NodeOf(e.First), b = NodeOf(e.Second);
                    task = Make(index, op, TaskKind.Epr, [a, b]);
                    task.Route = RouteFor(e.Path, a, b, op.Location);
                    qubits.Add(e.First);
                    qubits.Add(e.Second);
                    break;
                }
                case TeleportOperation t:
                {
                    int from = NodeOf(t.Qubit), to = network.IndexOf(t.Destination);
                    task = Make(index, op, TaskKind.Teleport, [from, to]);
                    task.Route = RouteFor(t.Path, from, to, op.Location);
                    qubits.Add(t.Qubit);
                    break;
                }
                case SendOperation s:
                {
                    int from = NodeOf(s.Qubit), to = network.IndexOf(s.Destination);
                    task = Make(index, op, TaskKind.Send, [from, to]);
                    task.Route = [from, to];
                    qubits.Add(s.Qubit);
                    if (s.ArrivalBit is { } flag) writes[flag] = to;
                    break;
                }
                default:
                    throw new InvalidOperationException($"unknown operation {op.GetType().Name}");
            }
            _tasks.Add(task);
            _traits.Observe(op);

            foreach (int q in qubits.Distinct())
            {
                if (_lastTaskOfQubit[q] >= 0) AddDependency(task, _lastTaskOfQubit[q], 0);
                _lastTaskOfQubit[q] = index;
            }
            foreach (int bit in reads)
            {
                int version = _currentVersion[bit];
                task.Reads[bit] = version;
                foreach (var (source, node) in Sources(version))
                    AddDependency(task, source, task.Nodes.Length == 0 ? 0 : task.Nodes.Max(n => network.Delay(node, n)));
            }
            bool conditional = task.Kind == TaskKind.If;
            foreach (var (bit, node) in writes)
            {
                int previous = _currentVersion[bit];
                // A conditional write keeps the old value when its branch does not write: it needs that value first.
                if (conditional && previous >= 0) AddDependency(task, _versions[previous].Task, 0);
                _versions.Add(new BitVersion(index, node, previous, conditional));
                task.Writes[bit] = _versions.Count - 1;
                _currentVersion[bit] = _versions.Count - 1;
            }
            _location.Apply(op);
        }

        private static PlanTask Make(int index, Operation op, TaskKind kind, int[] nodes) =>
            new() { Index = index, Operation = op, Kind = kind, Nodes = nodes };

        private void AddDependency(PlanTask task, int predecessor, long delay)
        {
            if (predecessor == task.Index) return;
            task.Dependencies.Add((predecessor, delay));
        }

        /// <summary>The tasks (and their nodes) whose completion decides a version's value.</summary>
        private IEnumerable<(int Task, int Node)> Sources(int version)
        {
            while (version >= 0)
            {
                var v = _versions[version];
                yield return (v.Task, v.Node);
                if (!v.Conditional) yield break;
                version = v.Previous;
            }
        }

        private int LocalNode(GateOperation g, ImmutableArray<int> qubits)
        {
            var nodes = qubits.Select(q => _location.NodeOf(q)).Distinct().ToList();
            if (nodes.Count > 1)
                throw new SimulationLimitException(Diagnostics.NeedsDistribution, g.Location,
                    $"{g.Gate.Name} acts on qubits at {string.Join(" and ", nodes)} (a remote gate becomes local operations and an ebit in the distribution passes)");
            return network.IndexOf(nodes[0]!);
        }

        /// <summary>Collects what an if (with its nested ifs) touches, reads and writes; checks that its gates are local.</summary>
        private void ScanBranch(IfOperation branch, List<int> qubits, SortedSet<int> reads, SortedDictionary<int, int> writes)
        {
            CollectBits(branch.Condition, reads, writes);
            foreach (var op in branch.Then.Concat(branch.Else))
            {
                switch (op)
                {
                    case GateOperation g:
                        LocalNode(g, g.Qubits);
                        qubits.AddRange(g.Qubits);
                        break;
                    case MeasureOperation m:
                        qubits.Add(m.Qubit);
                        if (m.Bit is { } bit) writes[bit] = NodeOf(m.Qubit);
                        break;
                    case ResetOperation r:
                        qubits.Add(r.Qubit);
                        break;
                    case BarrierOperation b:
                        qubits.AddRange(b.Qubits);
                        break;
                    case IfOperation inner:
                        ScanBranch(inner, qubits, reads, writes);
                        break;
                    case EprOperation:
                        throw new SimulationLimitException(Diagnostics.NotSimulated, op.Location, "epr inside an if");
                    default:
                        throw new InvalidOperationException($"{op.GetType().Name} inside an if");
                }
            }
        }

        /// <summary>
        /// Bits a condition reads. All are bound to their version before the if; at run time a bit
        /// written earlier inside the same branch is read from there instead.
        /// </summary>
        private static void CollectBits(Condition condition, SortedSet<int> reads, SortedDictionary<int, int> writtenInside)
        {
            switch (condition)
            {
                case BitCondition b:
                    reads.Add(b.Bit);
                    break;
                case NotCondition n:
                    CollectBits(n.Operand, reads, writtenInside);
                    break;
                case AndCondition a:
                    foreach (var c in a.Operands) CollectBits(c, reads, writtenInside);
                    break;
                case OrCondition o:
                    foreach (var c in o.Operands) CollectBits(c, reads, writtenInside);
                    break;
            }
        }

        private int[] RouteFor(ImmutableArray<string> path, int from, int to, Location location)
        {
            if (path.Length > 0) return path.Select(network.IndexOf).ToArray();
            return network.Route(from, to)
                ?? throw new SimulationLimitException(Diagnostics.PairNeverDelivered, location, $"there is no path from {network.Nodes[from].Name} to {network.Nodes[to].Name}");
        }
    }
}
