using System.Globalization;
using System.Numerics;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Simulation.Engines;
using QNetLang.Simulation.Events;
using QNetLang.Simulation.Network;
using QNetLang.Simulation.Noise;

namespace QNetLang.Simulation.Execution;

/// <summary>
/// Runs one shot of the per-node programs as a discrete-event simulation. Every node runs its
/// own instruction stream (<see cref="ExecutionPlan"/>): a step starts once the earlier steps
/// it depends on at its node have finished; a node's two `entangle` calls for one pair meet at
/// the entanglement service, which serves them along the program's route; a received bit or
/// qubit waits for its message, which travels with the network's latency; a conditional tests
/// this node's own copies of its bits. Quantum effects are applied in event order, which
/// respects every qubit's program order; each qubit decays for the time since it was last
/// touched, during gates and measurements included.
/// </summary>
internal sealed class ShotExecutor : IEventHandler, IPairConsumer
{
    private const int StartEvent = 0, FinishEvent = 1, ArriveEvent = 2;

    /// <summary>Iterations of one runtime loop in one shot beyond which the run stops (QN3010): a loop whose body takes no simulated time would never reach --max-time.</summary>
    public const int MaxLoopIterations = 1_000_000;
    private const byte Unevaluated = 0, Taken = 1, NotTaken = 2;

    private readonly ExecutionPlan _plan;
    private readonly ShotRandom _random;
    private readonly EventQueue _queue = new();
    private readonly EntanglementService _network;
    private readonly QuantumRegister _register;
    private readonly IReadOnlyList<NodeModel> _nodes;
    private readonly int[] _phys;
    private readonly int[] _nodeOf;
    private readonly long[] _lastTouch;
    private readonly int[] _remaining;
    private readonly long[] _ready;
    private readonly bool[] _done;
    /// <summary>Guard steps: whether the branch ran (Taken), was skipped (NotTaken), or is not evaluated yet.</summary>
    private readonly byte[] _guard;
    /// <summary>Cross-node rendezvous: when an entangle call was made or a message arrived (−1: not yet).</summary>
    private readonly long[] _met;
    /// <summary>
    /// Messages that arrived before their receive step started, oldest first (a sender inside a
    /// runtime loop may run iterations ahead of its receiver; the link keeps them in order).
    /// </summary>
    private readonly Queue<(long Time, int Value)>?[] _inbox;
    /// <summary>Loop guards: iterations run so far in the current execution of the loop.</summary>
    private readonly int[] _iterations;
    private readonly int[] _slotValue;
    /// <summary>
    /// Steps whose dependencies finished at the current time, in the order they became ready.
    /// They start before the next queued event, without a round trip through the priority
    /// queue (most steps of a program become ready at the time their predecessor ends). A step
    /// enters once per run of its loop, so the array is compacted or grown when full.
    /// </summary>
    private int[] _readyNow;
    private int _readyHead, _readyTail;
    private readonly long _maxTimePs;
    private readonly List<PairDelivery> _pairs = new();
    private readonly List<TimelineEntry>? _timeline;
    private long _end;
    /// <summary>Per sending direction (from, to): when its source can emit the next photon.</summary>
    private readonly Dictionary<(int From, int To), long> _nextEmission = new();
    /// <summary>When every source this shot used can emit again; −1 while no send used a link with a rate.</summary>
    private long _sourcesFree = -1;

    public ShotExecutor(ExecutionPlan plan, IStateEngine engine, ShotRandom random, long maxTimePs, bool recordTimeline, DistillationPolicy distillation)
    {
        _plan = plan;
        _random = random;
        _maxTimePs = maxTimePs;
        _nodes = plan.Network.Nodes;
        _timeline = recordTimeline ? new List<TimelineEntry>() : null;
        _network = new EntanglementService(plan.Network, _queue, random, maxTimePs, distillation) { Record = recordTimeline ? Record : null };
        _register = new QuantumRegister(engine, random, twirlMemory: engine.Kind == EngineKind.Trajectories);
        int qubits = plan.Program.Qubits.Length;
        _phys = new int[qubits];
        _lastTouch = new long[qubits];
        for (int q = 0; q < qubits; q++) _phys[q] = _register.Add();
        _nodeOf = (int[])plan.InitialNodes.Clone();
        int steps = plan.Steps.Count;
        _remaining = new int[steps];
        for (int i = 0; i < steps; i++) _remaining[i] = plan.Steps[i].Dependencies.Count;
        _ready = new long[steps];
        _done = new bool[steps];
        _guard = new byte[steps];
        _met = new long[steps];
        Array.Fill(_met, -1);
        _inbox = new Queue<(long, int)>?[steps];
        _iterations = new int[steps];
        _slotValue = new int[plan.Slots];
        _readyNow = new int[steps];
    }

    public long EventsProcessed => _queue.Processed;

    public ShotOutcome Run()
    {
        foreach (var step in _plan.Steps)
            if (_remaining[step.Index] == 0) EnqueueReady(step.Index);
        do
        {
            while (_readyHead < _readyTail) Start(_plan.Steps[_readyNow[_readyHead++]], _queue.Now);
        }
        while (_queue.Step());
        if (Array.IndexOf(_done, false) is int stuck and >= 0)
            throw new InvalidOperationException($"the shot ended with {_plan.Steps[stuck].Kind} at {_nodes[_plan.Steps[stuck].Node].Name} never run (the schedule's deadlock check should have refused it)");
        var bits = new int[_plan.FinalSlots.Length];
        for (int b = 0; b < bits.Length; b++) bits[b] = _plan.FinalSlots[b] < 0 ? 0 : _slotValue[_plan.FinalSlots[b]];
        // With a paced source the shots are pipelined: the next shot's photons follow this one's
        // as soon as the sources are free, while this shot's receivers are still at work
        // (docs/simulator.md, "Sources and pipelined shots").
        long period = _sourcesFree >= 0 ? _sourcesFree : _end;
        return new ShotOutcome(bits, _end, period, _pairs, _timeline);
    }

    public void Handle(int kind, int arg, long data, long time)
    {
        var step = _plan.Steps[arg];
        switch (kind)
        {
            case StartEvent: Start(step, time); break;
            case FinishEvent: Finish(step, time); break;
            case ArriveEvent: Arrive(step, time, (int)data); break;
        }
    }

    /// <summary>Whether the step's branch runs (always, outside conditionals).</summary>
    private bool Active(Step step)
    {
        if (step.Guard < 0) return true;
        byte g = _guard[step.Guard];
        return step.ThenBranch ? g == Taken : g == NotTaken;
    }

    private void Start(Step step, long time)
    {
        if (!Active(step))
        {
            // A skipped step: a guard under it is skipped too (neither branch runs).
            if (step.Kind == StepKind.Guard) _guard[step.Index] = Unevaluated;
            Finish(step, time, counts: false);
            return;
        }
        switch (step.Kind)
        {
            case StepKind.Gate:
                Complete(step, Gate(step, time));
                break;
            case StepKind.Measure:
            {
                var m = (MeasureOperation)((LocalInstruction)step.Instruction).Operation;
                var (value, end) = Measure(m.Qubit, time);
                if (step.WriteSlot >= 0) _slotValue[step.WriteSlot] = value;
                Complete(step, end);
                break;
            }
            case StepKind.Reset:
                Complete(step, Reset(((ResetOperation)((LocalInstruction)step.Instruction).Operation).Qubit, time));
                break;
            case StepKind.Barrier:
                Complete(step, time);
                break;
            case StepKind.Assign:
            {
                var assign = (ClassicalAssignOperation)((LocalInstruction)step.Instruction).Operation;
                ulong raw = ClassicalSemantics.Evaluate(assign.Value, b => _slotValue[step.ConditionSlots![b]]).Raw;
                for (int i = 0; i < step.WriteSlots.Length; i++) _slotValue[step.WriteSlots[i]] = i < 64 ? (int)((raw >> i) & 1) : 0;
                // Classical computation on the node controller takes no simulated time.
                Complete(step, time);
                break;
            }
            case StepKind.Guard:
                _guard[step.Index] = Evaluate(((ConditionalInstruction)step.Instruction).Condition, step) ? Taken : NotTaken;
                Complete(step, time);
                break;
            case StepKind.Entangle:
                _met[step.Index] = time;
                var peer = _plan.Steps[step.Partner];
                if (_met[peer.Index] >= 0)
                {
                    // Both ends asked: the request starts when the later one did. The two ends record
                    // the same route from either side; the plan's first step gives the direction.
                    var first = peer.Index < step.Index ? peer : step;
                    _network.Submit(first.Route, time, this, first.Index, Location.None);
                }
                break;
            case StepKind.LoopEnd:
                if (_guard[step.LoopPartner] == Taken) Repeat(step, time);
                else
                {
                    _iterations[step.LoopPartner] = 0;
                    Complete(step, time);
                }
                break;
            case StepKind.SendBit:
            {
                var receiver = _plan.Steps[step.Partner];
                ScheduleArrival(receiver, SimTime.After(time, _plan.Network.Delay(step.Node, receiver.Node)), _slotValue[step.ReadSlot]);
                Record(_nodes[step.Node].Name, "send bit", time, time);
                Complete(step, time);
                break;
            }
            case StepKind.SendQubit:
            {
                var receiver = _plan.Steps[step.Partner];
                var (emit, arrive, arrived) = SendQubit(step, receiver, time);
                ScheduleArrival(receiver, arrive, arrived ? 1 : 0);
                Complete(step, emit);
                break;
            }
            case StepKind.ReceiveBit:
            case StepKind.ReceiveQubit:
                // Its dependencies at this node are done; the message may still be on its way.
                if (_inbox[step.Index] is { Count: > 0 } inbox)
                {
                    var (arrived, value) = inbox.Dequeue();
                    Receive(step, Math.Max(time, arrived), value);
                }
                else _met[step.Index] = -2; // waiting
                break;
        }
    }

    /// <summary>
    /// The loop's guard took its branch, so the body ran once more: its steps (and the guard)
    /// start over, waiting again only for each other; everything they waited for outside the
    /// loop has finished already.
    /// </summary>
    private void Repeat(Step end, long time)
    {
        int head = end.LoopPartner;
        if (++_iterations[head] >= MaxLoopIterations)
            throw new SimulationLimitException(Diagnostics.LoopIterationLimit, ((ConditionalInstruction)end.Instruction).Location, _nodes[end.Node].Name, MaxLoopIterations);
        for (int i = head; i <= end.Index; i++)
        {
            var step = _plan.Steps[i];
            int inside = 0;
            foreach (int d in step.Dependencies) if (d >= head) inside++;
            _remaining[i] = inside;
            _done[i] = false;
            _ready[i] = time;
            if (step.Kind is StepKind.ReceiveBit or StepKind.ReceiveQubit) _met[i] = -1;
        }
        EnqueueReady(head);
    }

    private void EnqueueReady(int step)
    {
        if (_readyTail == _readyNow.Length)
        {
            if (_readyHead > 0)
            {
                Array.Copy(_readyNow, _readyHead, _readyNow, 0, _readyTail - _readyHead);
                _readyTail -= _readyHead;
                _readyHead = 0;
            }
            else Array.Resize(ref _readyNow, Math.Max(4, _readyNow.Length * 2));
        }
        _readyNow[_readyTail++] = step;
    }

    private void ScheduleArrival(Step receiver, long time, int value)
    {
        if (time > _maxTimePs) TimeLimit(receiver, "a message arrived after it");
        _queue.Schedule(time, this, ArriveEvent, receiver.Index, value);
    }

    private void Arrive(Step receiver, long time, int value)
    {
        if (_met[receiver.Index] == -2)
        {
            _met[receiver.Index] = -1;
            Receive(receiver, time, value);
        }
        else (_inbox[receiver.Index] ??= new()).Enqueue((time, value));
    }

    private void Receive(Step step, long time, int value)
    {
        if (step.WriteSlot >= 0) _slotValue[step.WriteSlot] = value;
        Record(_nodes[step.Node].Name, step.Kind == StepKind.ReceiveBit ? "receive bit" : "receive qubit", time, time);
        Complete(step, time);
    }

    private void Complete(Step step, long end)
    {
        if (end > _maxTimePs) TimeLimit(step, "an operation ended after it");
        if (end == _queue.Now) Finish(step, end);
        else _queue.Schedule(end, this, FinishEvent, step.Index);
    }

    private void TimeLimit(Step step, string what) => TimeLimitAt(_nodes[step.Node].Name, what);

    private void TimeLimit(int qubit, string what) => TimeLimitAt(NodeOfQubit(qubit).Name, what);

    private void TimeLimitAt(string node, string what) =>
        throw SimulationLimitException.PastTimeLimit(_maxTimePs, $"{what}, at {node}");

    private void Finish(Step step, long time) => Finish(step, time, counts: true);

    private void Finish(Step step, long time, bool counts)
    {
        _done[step.Index] = true;
        if (counts && time > _end) _end = time;
        foreach (int successor in step.Successors)
        {
            if (time > _ready[successor]) _ready[successor] = time;
            if (--_remaining[successor] != 0) continue;
            if (_ready[successor] == _queue.Now) EnqueueReady(successor);
            else _queue.Schedule(_ready[successor], this, StartEvent, successor);
        }
    }

    private NodeModel NodeOfQubit(int q) => _nodes[_nodeOf[q]];

    /// <summary>Decoherence of a qubit, at the node that holds it, from its last touch until <paramref name="time"/>.</summary>
    private void DecayUntil(int q, long time)
    {
        long dt = time - _lastTouch[q];
        if (dt <= 0) return;
        var node = NodeOfQubit(q);
        if (node.T1 is not null || node.T2 is not null)
            _register.Decay(_phys[q], MemoryDecay.For(node.T1, node.T2, SimTime.ToSeconds(dt)));
        _lastTouch[q] = time;
    }

    /// <summary>
    /// A gate's runtime angles, from this node's copies of the bits. A float divided by zero is
    /// infinite and would fill the state with NaN (every later outcome silently wrong), so a
    /// non-finite angle stops the run instead.
    /// </summary>
    private double[] RuntimeAngles(GateOperation g, Step step)
    {
        var angles = new double[g.RuntimeParameters.Length];
        for (int i = 0; i < angles.Length; i++)
        {
            double angle = ClassicalSemantics.Evaluate(g.RuntimeParameters[i], b => _slotValue[step.ConditionSlots![b]]).AsReal;
            if (!double.IsFinite(angle))
                throw new SimulationLimitException(Diagnostics.NonFiniteGateAngle, g.Location, g.Gate.Name, angle.ToString(CultureInfo.InvariantCulture));
            angles[i] = angle;
        }
        return angles;
    }

    private long Gate(Step step, long start)
    {
        var g = (GateOperation)((LocalInstruction)step.Instruction).Operation;
        var qubits = step.Qubits;
        var node = NodeOfQubit(qubits[0]);
        Span<int> phys = stackalloc int[qubits.Length];
        for (int i = 0; i < qubits.Length; i++)
        {
            DecayUntil(qubits[i], start);
            phys[i] = _phys[qubits[i]];
        }
        var matrix = step.Matrix ?? g.Gate.Unitary(RuntimeAngles(g, step));
        _register.ApplyGate(g.Gate, matrix, phys);
        long duration;
        if (phys.Length == 1)
        {
            _register.Depolarize1(phys[0], node.GateError);
            duration = node.GateTimePs;
        }
        else
        {
            if (phys.Length == 2) _register.Depolarize2(phys[0], phys[1], node.TwoQubitError);
            else foreach (int p in phys) _register.Depolarize1(p, node.TwoQubitError);
            duration = node.TwoQubitGateTimePs;
        }
        long end = SimTime.After(start, duration);
        // The qubits keep decaying while the gate runs.
        foreach (int q in qubits) DecayUntil(q, end);
        Record(node.Name, g.Gate.Name, start, end);
        return end;
    }

    private (int Value, long End) Measure(int q, long start)
    {
        var node = NodeOfQubit(q);
        long end = SimTime.After(start, node.MeasureTimePs);
        if (end > _maxTimePs) TimeLimit(q, "a measurement ended after it");
        // Decay up to the end of the readout, which sees the state as it is then.
        DecayUntil(q, end);
        int value = _register.Measure(_phys[q]);
        if (_random.Chance(node.MeasureError)) value ^= 1;
        Record(node.Name, "measure", start, end);
        return (value, end);
    }

    private long Reset(int q, long start)
    {
        var node = NodeOfQubit(q);
        _register.Reset(_phys[q]);
        long end = SimTime.After(start, node.MeasureTimePs);
        _lastTouch[q] = end;
        return end;
    }

    private bool Evaluate(Condition condition, Step guard) => condition switch
    {
        BitCondition b => _slotValue[guard.ConditionSlots![b.Bit]] == (b.Value ? 1 : 0),
        NotCondition n => !Evaluate(n.Operand, guard),
        AndCondition a => All(a.Operands, guard),
        OrCondition o => Any(o.Operands, guard),
        ConstantCondition c => c.Value,
        ClassicalCondition c => ClassicalSemantics.Evaluate(c.Test, b => _slotValue[guard.ConditionSlots![b]]).AsBool,
        _ => throw new InvalidOperationException($"unknown condition {condition.GetType().Name}"),
    };

    private bool All(System.Collections.Immutable.ImmutableArray<Condition> operands, Step guard)
    {
        foreach (var c in operands) if (!Evaluate(c, guard)) return false;
        return true;
    }

    private bool Any(System.Collections.Immutable.ImmutableArray<Condition> operands, Step guard)
    {
        foreach (var c in operands) if (Evaluate(c, guard)) return true;
        return false;
    }

    /// <summary>
    /// The physical qubit crosses the link; it may be lost (then the receiver holds the vacuum,
    /// read as |0⟩). It leaves once the link's source can emit (one photon per period, so the
    /// k-th send on a link leaves at least k periods after the first). Returns when it left and
    /// when it arrives.
    /// </summary>
    private (long Emit, long Arrive, bool Arrived) SendQubit(Step step, Step receiver, long start)
    {
        int q = step.Qubits[0];
        int from = step.Node, to = receiver.Node;
        var link = _plan.Network.Link(from, to) ?? throw new InvalidOperationException($"a qubit is sent from {_nodes[from].Name} to {_nodes[to].Name}, which share no link");
        var sender = _nodes[from];
        var target = _nodes[to];
        long emit = start;
        if (link.EmitPs > 0)
        {
            if (_nextEmission.TryGetValue((from, to), out long free) && free > emit) emit = free;
            long next = SimTime.After(emit, link.EmitPs);
            _nextEmission[(from, to)] = next;
            if (next > _sourcesFree) _sourcesFree = next;
        }
        if (emit > _maxTimePs) TimeLimit(step, "a photon was emitted after it");
        DecayUntil(q, emit);
        long arrive = SimTime.After(emit, link.OneWayPs);
        // In flight the qubit keeps decaying as it did at the sender (docs/simulator.md, "send").
        DecayUntil(q, arrive);
        double eta = link.Transmissivity * link.DetectorEfficiency * (target.Kind == NodeKind.EndNode ? target.DetectorEfficiency : 1);
        var pulse = new PulseStatistics(eta, link.DarkCount, link.Misalignment, link.MeanPhotonNumber);
        // The pulse's photons are detected (a coherent pulse's detected photon number is
        // Poissonian of mean ημ, so at least one is with 1 − e^(−ημ)); else a dark count may
        // click, leaving bob a random bit: the vacuum made maximally mixed.
        bool arrived = _random.Chance(pulse.SignalDetection);
        if (arrived)
            _register.PauliChannel(_phys[q], 0, pulse.Misalignment, 0);   // Y flips the bit in Z and in X
        else
        {
            _register.Reset(_phys[q]);
            if (pulse.DarkCount > 0 && _random.Chance(pulse.DarkCount))
            {
                arrived = true;
                _register.PauliChannel(_phys[q], 0.5, 0, 0);
            }
        }
        _nodeOf[q] = to;
        Record(sender.Name, arrived ? "send" : "send (lost)", emit, arrive);
        return (emit, arrive, arrived);
    }

    public void PairDelivered(int token, PairDelivery delivery)
    {
        var first = _plan.Steps[token];
        var second = _plan.Steps[first.Partner];
        long now = delivery.DeliveredAt;
        _pairs.Add(delivery);
        Record(_nodes[delivery.From].Name, "epr", delivery.RequestedAt, now);
        Record(_nodes[delivery.To].Name, "epr", delivery.RequestedAt, now);
        int a = first.Qubits[0], b = second.Qubits[0];
        _register.PrepareBellPair(_phys[a], _phys[b], delivery.State);
        _lastTouch[a] = _lastTouch[b] = now;
        // Both calls are served: inside a runtime loop the next iteration's call must wait for a new partner.
        _met[first.Index] = _met[second.Index] = -1;
        Complete(first, now);
        Complete(second, now);
    }

    private void Record(string node, string what, long start, long end) => _timeline?.Add(new TimelineEntry(node, what, start, end));
}
