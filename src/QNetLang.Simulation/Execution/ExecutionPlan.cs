using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Simulation.Network;

namespace QNetLang.Simulation.Execution;

internal enum StepKind
{
    Gate,
    Measure,
    Reset,
    Barrier,
    /// <summary>A conditional: evaluates its condition once, on this node's copies of the bits; its branches' steps are guarded by it.</summary>
    Guard,
    Entangle,
    SendBit,
    ReceiveBit,
    SendQubit,
    ReceiveQubit,
    /// <summary>A runtime classical assignment: reads this node's copies of some bits, writes others.</summary>
    Assign,
    /// <summary>The end of a runtime loop's body: runs the loop again (from its guard) while the guard's branch was taken.</summary>
    LoopEnd,
}

/// <summary>
/// One instruction of one node's program, as the executor runs it. Steps of a node start as
/// soon as the earlier steps of the same node that they depend on have finished: those on the
/// same qubits, and those that write or read the same (node-local) bits. So a node issues its
/// stream in order but lets independent instructions overlap, as a node controller with a
/// scoreboard would. Steps inside a conditional carry the conditional's guard and run only on
/// the branch it took; a skipped step finishes at once.
/// </summary>
internal sealed class Step
{
    public required int Index { get; init; }
    public required StepKind Kind { get; init; }
    public required int Node { get; init; }
    public required NodeInstruction Instruction { get; init; }
    /// <summary>The guard step of the innermost conditional around this step (−1: none) and the branch it belongs to.</summary>
    public int Guard { get; init; } = -1;
    public bool ThenBranch { get; init; }
    /// <summary>Earlier steps of the same node that must finish first.</summary>
    public List<int> Dependencies { get; } = new();
    public List<int> Successors { get; } = new();
    /// <summary>Qubits (circuit indices) the step acts on.</summary>
    public int[] Qubits { get; init; } = [];
    /// <summary>A gate's unitary, computed once per run and shared by every shot and thread.</summary>
    public System.Numerics.Complex[,]? Matrix { get; init; }
    /// <summary>For a measurement, a received bit or a received qubit's arrival flag: the node-local bit slot written (−1: none).</summary>
    public int WriteSlot { get; set; } = -1;
    /// <summary>For a sent bit: the slot read. For a guard: bit → slot of every bit its condition tests.</summary>
    public int ReadSlot { get; set; } = -1;
    public Dictionary<int, int>? ConditionSlots { get; set; }
    /// <summary>For an assignment: the slot of each target bit, element 0 first.</summary>
    public int[] WriteSlots { get; set; } = [];
    /// <summary>Entangle: the peer's step; send/receive: the matching step on the other node.</summary>
    public int Partner { get; set; } = -1;
    /// <summary>Entangle: the route (node indices) from this node to the peer.</summary>
    public int[] Route { get; set; } = [];
    /// <summary>A loop's guard: its <see cref="StepKind.LoopEnd"/> step; a loop end: its guard (−1: not a loop). The body's steps lie between the two.</summary>
    public int LoopPartner { get; set; } = -1;
}

/// <summary>
/// The distributed program turned into steps once per run (shots share it): every node's
/// instruction stream, with the dependencies inside each node, the partners across nodes
/// (a pair's two entangle calls, a message's send and receive), and a slot for each
/// (node, bit) copy the program uses. Nothing here is re-derived from the source: routes,
/// messages and placement are the compiler's, exactly as emitted.
/// </summary>
internal sealed class ExecutionPlan
{
    public required DistributedProgram Program { get; init; }
    public required NetworkModel Network { get; init; }
    public required IReadOnlyList<Step> Steps { get; init; }
    /// <summary>Number of (node, bit) copies.</summary>
    public required int Slots { get; init; }
    /// <summary>Bit → the slot holding its final value (−1: never written, so 0).</summary>
    public required int[] FinalSlots { get; init; }
    /// <summary>Node index of each qubit at the start.</summary>
    public required int[] InitialNodes { get; init; }
    public required ProgramTraits Traits { get; init; }

    public static ExecutionPlan Build(DistributedProgram program, NetworkModel network)
    {
        var builder = new Builder(program, network);
        return builder.Run();
    }

    private sealed class Builder(DistributedProgram program, NetworkModel network)
    {
        private readonly List<Step> _steps = new();
        private readonly Dictionary<(int Node, int Bit), int> _slots = new();
        private readonly Dictionary<int, int> _entangleByPair = new();
        private readonly Dictionary<int, int> _bitSendByMessage = new();
        private readonly Dictionary<int, int> _bitReceiveByMessage = new();
        private readonly Dictionary<int, int> _qubitSendByMessage = new();
        private readonly Dictionary<int, int> _qubitReceiveByMessage = new();
        private readonly ProgramTraits _traits = new();

        // Per node while its stream is walked: the last step on each qubit, the last writer of each slot and the readers since.
        private Dictionary<int, int> _lastOnQubit = new();
        private Dictionary<int, int> _lastWriter = new();
        private Dictionary<int, List<int>> _readersSince = new();

        public ExecutionPlan Run()
        {
            var initial = new int[program.Qubits.Length];
            foreach (var q in program.Qubits)
            {
                if (q.Node is null || !network.TryIndexOf(q.Node, out initial[q.Index]))
                    throw new InvalidOperationException($"qubit {q.Name} is not placed on a node of {program.Network.Name}");
            }
            foreach (var node in program.Nodes)
            {
                if (!network.TryIndexOf(node.Node, out int index))
                    throw new InvalidOperationException($"node program for {node.Node}, which is not in network {program.Network.Name}");
                _lastOnQubit = new();
                _lastWriter = new();
                _readersSince = new();
                Walk(node.Instructions, index, guard: -1, thenBranch: false);
            }
            Pair(_entangleByPair, _entangleByPair, "Bell pair", entangle: true);
            Pair(_bitSendByMessage, _bitReceiveByMessage, "bit message", entangle: false);
            Pair(_qubitSendByMessage, _qubitReceiveByMessage, "qubit message", entangle: false);
            foreach (var step in _steps)
                foreach (int d in step.Dependencies) _steps[d].Successors.Add(step.Index);

            var final = new int[program.Bits.Length];
            for (int b = 0; b < final.Length; b++)
                final[b] = program.FinalBitOwner[b] is { } owner && _slots.TryGetValue((network.IndexOf(owner), b), out int slot) ? slot : -1;
            _traits.Finish(program, network, initial, _steps);
            return new ExecutionPlan
            {
                Program = program,
                Network = network,
                Steps = _steps,
                Slots = _slots.Count,
                FinalSlots = final,
                InitialNodes = initial,
                Traits = _traits,
            };
        }

        private void Walk(IEnumerable<NodeInstruction> instructions, int node, int guard, bool thenBranch)
        {
            foreach (var instruction in instructions)
            {
                if (instruction is ConditionalInstruction c)
                {
                    var reads = Conditions.BitsOf(c.Condition).Distinct().ToDictionary(b => b, b => Slot(node, b));
                    var g = Add(StepKind.Guard, node, instruction, guard, thenBranch, []);
                    g.ConditionSlots = reads;
                    foreach (int slot in reads.Values) Read(g, slot);
                    Walk(c.Then, node, g.Index, thenBranch: true);
                    Walk(c.Else, node, g.Index, thenBranch: false);
                    if (c.IsLoop) CloseLoop(g, node, instruction, guard, thenBranch);
                    continue;
                }
                Step step;
                switch (instruction)
                {
                    case LocalInstruction { Operation: GateOperation { HasRuntimeParameters: true } g }:
                        // The matrix is computed when the gate runs, from this node's copies of the bits.
                        _traits.Observe(g);
                        step = Add(StepKind.Gate, node, instruction, guard, thenBranch, [.. g.Qubits]);
                        ReadAll(step, BitReads.Of(g), node);
                        break;
                    case LocalInstruction { Operation: GateOperation g }:
                        _traits.Observe(g);
                        step = Add(StepKind.Gate, node, instruction, guard, thenBranch, [.. g.Qubits], g.Gate.Unitary(g.Parameters));
                        break;
                    case LocalInstruction { Operation: ClassicalAssignOperation a }:
                        step = Add(StepKind.Assign, node, instruction, guard, thenBranch, []);
                        ReadAll(step, BitReads.Of(a), node);
                        step.WriteSlots = [.. a.Targets.Select(b => Slot(node, b))];
                        foreach (int slot in step.WriteSlots.Distinct()) WriteMore(step, slot);
                        break;
                    case LocalInstruction { Operation: MeasureOperation m }:
                        step = Add(StepKind.Measure, node, instruction, guard, thenBranch, [m.Qubit]);
                        if (m.Bit is { } bit) Write(step, Slot(node, bit));
                        break;
                    case LocalInstruction { Operation: ResetOperation r }:
                        step = Add(StepKind.Reset, node, instruction, guard, thenBranch, [r.Qubit]);
                        break;
                    case LocalInstruction { Operation: BarrierOperation b }:
                        step = Add(StepKind.Barrier, node, instruction, guard, thenBranch, [.. b.Qubits]);
                        break;
                    case EntangleInstruction e:
                        step = Add(StepKind.Entangle, node, instruction, guard, thenBranch, [e.Qubit]);
                        if (e.Path.Length < 2) throw new InvalidOperationException($"Bell pair {e.PairId} has no route");
                        step.Route = e.Path.Select(network.IndexOf).ToArray();
                        if (step.Route[0] != node || step.Route[^1] != network.IndexOf(e.Peer))
                            throw new InvalidOperationException($"the route of Bell pair {e.PairId} does not join {program.Network.Nodes[node].Name} and {e.Peer}");
                        Register(_entangleByPair, e.PairId, step, "Bell pair", allowTwo: true);
                        break;
                    case SendBitInstruction s:
                        step = Add(StepKind.SendBit, node, instruction, guard, thenBranch, []);
                        Read(step, step.ReadSlot = Slot(node, s.Bit));
                        Register(_bitSendByMessage, s.MessageId, step, "bit message", allowTwo: false);
                        break;
                    case ReceiveBitInstruction r:
                        step = Add(StepKind.ReceiveBit, node, instruction, guard, thenBranch, []);
                        Write(step, Slot(node, r.Bit));
                        Register(_bitReceiveByMessage, r.MessageId, step, "bit message", allowTwo: false);
                        break;
                    case SendQubitInstruction s:
                        if (guard >= 0) throw new InvalidOperationException("a qubit is sent inside a conditional");
                        step = Add(StepKind.SendQubit, node, instruction, guard, thenBranch, [s.Qubit]);
                        Register(_qubitSendByMessage, s.MessageId, step, "qubit message", allowTwo: false);
                        break;
                    case ReceiveQubitInstruction r:
                        if (guard >= 0) throw new InvalidOperationException("a qubit is received inside a conditional");
                        step = Add(StepKind.ReceiveQubit, node, instruction, guard, thenBranch, [r.Qubit]);
                        if (r.ArrivalBit is { } flag) Write(step, Slot(node, flag));
                        Register(_qubitReceiveByMessage, r.MessageId, step, "qubit message", allowTwo: false);
                        break;
                    case LocalInstruction { Operation: var op }:
                        throw new InvalidOperationException($"{op.GetType().Name} in a node program (the distribute pass lowers it)");
                    default:
                        throw new InvalidOperationException($"unknown instruction {instruction.GetType().Name}");
                }
            }
        }

        /// <summary>
        /// Adds the loop's end step, which waits for the guard and every step of the body, except
        /// the steps inside a nested loop, for which it waits for that loop's end: they finish
        /// once per inner iteration, and each finish counts down the steps that wait for them.
        /// Later steps that share a qubit or a bit with the loop wait for the end (not for one
        /// iteration's step): the end stands for the whole loop.
        /// </summary>
        private void CloseLoop(Step head, int node, NodeInstruction instruction, int guard, bool thenBranch)
        {
            var end = Add(StepKind.LoopEnd, node, instruction, guard, thenBranch, []);
            end.LoopPartner = head.Index;
            head.LoopPartner = end.Index;
            int nestedEnd = -1;
            for (int i = head.Index; i < end.Index; i++)
            {
                var inner = _steps[i];
                if (i > nestedEnd)
                {
                    if (i > head.Index && inner.Kind == StepKind.Guard && inner.LoopPartner > i)
                    {
                        // A nested loop: wait for its end, which stands for it.
                        nestedEnd = inner.LoopPartner;
                        Depend(end, nestedEnd);
                    }
                    else Depend(end, i);
                }
                foreach (int q in inner.Qubits) _lastOnQubit[q] = end.Index;
                var slots = new List<int> { inner.WriteSlot, inner.ReadSlot };
                slots.AddRange(inner.WriteSlots);
                if (inner.ConditionSlots is { } tested) slots.AddRange(tested.Values);
                foreach (int slot in slots)
                {
                    if (slot < 0) continue;
                    _lastWriter[slot] = end.Index;
                    if (_readersSince.TryGetValue(slot, out var readers)) readers.Clear();
                }
            }
        }

        private Step Add(StepKind kind, int node, NodeInstruction instruction, int guard, bool thenBranch, int[] qubits, System.Numerics.Complex[,]? matrix = null)
        {
            var step = new Step { Index = _steps.Count, Kind = kind, Node = node, Instruction = instruction, Guard = guard, ThenBranch = thenBranch, Qubits = qubits, Matrix = matrix };
            _steps.Add(step);
            if (guard >= 0) step.Dependencies.Add(guard);
            foreach (int q in qubits.Distinct())
            {
                if (_lastOnQubit.TryGetValue(q, out int previous)) Depend(step, previous);
                _lastOnQubit[q] = step.Index;
            }
            return step;
        }

        private void Depend(Step step, int on)
        {
            if (on != step.Index && !step.Dependencies.Contains(on)) step.Dependencies.Add(on);
        }

        private int Slot(int node, int bit)
        {
            if (!_slots.TryGetValue((node, bit), out int slot)) _slots[(node, bit)] = slot = _slots.Count;
            return slot;
        }

        private void Read(Step step, int slot)
        {
            if (_lastWriter.TryGetValue(slot, out int writer)) Depend(step, writer);
            if (!_readersSince.TryGetValue(slot, out var readers)) _readersSince[slot] = readers = new();
            readers.Add(step.Index);
        }

        /// <summary>The step reads each of these bits (as a guard reads its condition's).</summary>
        private void ReadAll(Step step, IEnumerable<int> bits, int node)
        {
            step.ConditionSlots = bits.Distinct().ToDictionary(b => b, b => Slot(node, b));
            foreach (int slot in step.ConditionSlots.Values) Read(step, slot);
        }

        private void Write(Step step, int slot)
        {
            step.WriteSlot = slot;
            WriteMore(step, slot);
        }

        /// <summary>Orders a write of <paramref name="slot"/> after its earlier writer and readers.</summary>
        private void WriteMore(Step step, int slot)
        {
            if (_lastWriter.TryGetValue(slot, out int writer)) Depend(step, writer);
            if (_readersSince.TryGetValue(slot, out var readers))
            {
                foreach (int reader in readers) Depend(step, reader);
                readers.Clear();
            }
            _lastWriter[slot] = step.Index;
        }

        private void Register(Dictionary<int, int> table, int id, Step step, string what, bool allowTwo)
        {
            if (!table.TryGetValue(id, out int other))
            {
                table[id] = step.Index;
                return;
            }
            if (!allowTwo || _steps[other].Partner >= 0)
                throw new InvalidOperationException($"{what} {id} appears more than once");
            // A pair: the two entangle calls name each other.
            _steps[other].Partner = step.Index;
            step.Partner = other;
        }

        private void Pair(Dictionary<int, int> senders, Dictionary<int, int> receivers, string what, bool entangle)
        {
            if (entangle)
            {
                foreach (var (id, step) in senders)
                    if (_steps[step].Partner < 0) throw new InvalidOperationException($"{what} {id} has only one end");
                return;
            }
            foreach (var (id, send) in senders)
            {
                if (!receivers.TryGetValue(id, out int receive)) throw new InvalidOperationException($"{what} {id} is sent but never received");
                _steps[send].Partner = receive;
                _steps[receive].Partner = send;
            }
            foreach (var id in receivers.Keys)
                if (!senders.ContainsKey(id)) throw new InvalidOperationException($"{what} {id} is received but never sent");
        }
    }
}
