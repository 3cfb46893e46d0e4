using System.Numerics;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Simulation.Engines;
using QNetLang.Simulation.Events;
using QNetLang.Simulation.Network;
using QNetLang.Simulation.Noise;

namespace QNetLang.Simulation.Execution;

/// <summary>
/// Runs one shot of a <see cref="ProgramPlan"/> as a discrete-event simulation. Each node's
/// operations run as soon as their qubits are free and the bits they test have arrived; the
/// entanglement service runs in the same event queue. Quantum effects are applied in event
/// order, which respects every qubit's program order, and each qubit first decays for the time
/// it waited since its last operation.
/// </summary>
internal sealed class ShotExecutor : IEventHandler, IPairConsumer
{
    private const int StartEvent = 0, FinishEvent = 1;

    private readonly ProgramPlan _plan;
    private readonly ShotRandom _random;
    private readonly EventQueue _queue = new();
    private readonly EntanglementService _network;
    private readonly QuantumRegister _register;
    private readonly IReadOnlyList<NodeModel> _nodes;
    private readonly int[] _phys;
    private readonly int[] _nodeOf;
    private readonly List<long> _lastTouch = new();
    private readonly int[] _remaining;
    private readonly long[] _earliest;
    private readonly int[] _versionValue;
    private readonly long _maxTimePs;
    private readonly List<PairDelivery> _pairs = new();
    private readonly List<TimelineEntry>? _timeline;
    private long _end;

    public ShotExecutor(ProgramPlan plan, IStateEngine engine, ShotRandom random, long maxTimePs, bool recordTimeline, DistillationPolicy distillation)
    {
        _plan = plan;
        _random = random;
        _maxTimePs = maxTimePs;
        _nodes = plan.Network.Nodes;
        _network = new EntanglementService(plan.Network, _queue, random, maxTimePs, distillation);
        _register = new QuantumRegister(engine, random, twirlMemory: engine.Kind == EngineKind.Trajectories);
        int qubits = plan.Circuit.Qubits.Length;
        _phys = new int[qubits];
        for (int q = 0; q < qubits; q++)
        {
            _phys[q] = _register.Add();
            _lastTouch.Add(0);
        }
        _nodeOf = (int[])plan.InitialNodes.Clone();
        _remaining = plan.Tasks.Select(t => t.Dependencies.Count).ToArray();
        _earliest = new long[plan.Tasks.Count];
        _versionValue = new int[plan.Versions.Count];
        _timeline = recordTimeline ? new List<TimelineEntry>() : null;
    }

    public long EventsProcessed => _queue.Processed;

    public ShotOutcome Run()
    {
        foreach (var task in _plan.Tasks)
            if (_remaining[task.Index] == 0) _queue.Schedule(0, this, StartEvent, task.Index);
        while (_queue.Step()) { }
        if (_remaining.Any(r => r > 0))
            throw new InvalidOperationException("the shot ended with operations that never became ready");
        var bits = _plan.FinalVersions.Select(ValueOf).ToArray();
        return new ShotOutcome(bits, _end, _pairs, _timeline);
    }

    public void Handle(int kind, int arg, long data, long time)
    {
        if (kind == StartEvent) Start(_plan.Tasks[arg], time);
        else Finish(_plan.Tasks[arg], time);
    }

    private void Complete(PlanTask task, long end)
    {
        if (end > _maxTimePs)
            throw new SimulationLimitException(Diagnostics.SimulatedTimeLimit, task.Operation.Location,
                SimTime.ToSeconds(_maxTimePs).ToString("R", System.Globalization.CultureInfo.InvariantCulture), "an operation ended after it");
        if (end == _queue.Now) Finish(task, end);
        else _queue.Schedule(end, this, FinishEvent, task.Index);
    }

    private void Finish(PlanTask task, long time)
    {
        if (time > _end) _end = time;
        foreach (var (successor, delay) in task.Successors)
        {
            long ready = time + delay;
            if (ready > _earliest[successor]) _earliest[successor] = ready;
            if (--_remaining[successor] == 0) _queue.Schedule(_earliest[successor], this, StartEvent, successor);
        }
    }

    private void Start(PlanTask task, long time)
    {
        switch (task.Operation)
        {
            case GateOperation g:
                Complete(task, Gate(g, time));
                break;
            case MeasureOperation m:
            {
                var (value, end) = Measure(m.Qubit, time);
                if (m.Bit is { } bit) _versionValue[task.Writes[bit]] = value;
                Complete(task, end);
                break;
            }
            case ResetOperation r:
                Complete(task, Reset(r.Qubit, time));
                break;
            case BarrierOperation:
                Complete(task, time);
                break;
            case IfOperation i:
                Complete(task, If(task, i, time));
                break;
            case EprOperation:
            case TeleportOperation:
                _network.Submit(task.Route, time, this, task.Index, task.Operation.Location);
                break;
            case SendOperation s:
                Complete(task, Send(task, s, time));
                break;
        }
    }

    private NodeModel NodeOfQubit(int q) => _nodes[_nodeOf[q]];

    /// <summary>Decoherence of a program qubit for the time since its last operation.</summary>
    private void Idle(int q, long time)
    {
        int p = _phys[q];
        long dt = time - _lastTouch[p];
        if (dt <= 0) return;
        var node = NodeOfQubit(q);
        if (node.T1 is not null || node.T2 is not null)
            _register.Decay(p, MemoryDecay.For(node.T1, node.T2, SimTime.ToSeconds(dt)));
        _lastTouch[p] = time;
    }

    private long Gate(GateOperation g, long start)
    {
        var node = NodeOfQubit(g.Qubits[0]);
        Span<int> phys = stackalloc int[g.Qubits.Length];
        for (int i = 0; i < g.Qubits.Length; i++)
        {
            Idle(g.Qubits[i], start);
            phys[i] = _phys[g.Qubits[i]];
        }
        _register.ApplyGate(g.Gate, GateMatrices.Of(g), phys);
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
        long end = start + duration;
        foreach (int p in phys) _lastTouch[p] = end;
        Record(node.Name, g.Gate.Name, start, end);
        return end;
    }

    private (int Value, long End) Measure(int q, long start)
    {
        var node = NodeOfQubit(q);
        Idle(q, start);
        int p = _phys[q];
        int value = _register.Measure(p);
        if (_random.Chance(node.MeasureError)) value ^= 1;
        long end = start + node.MeasureTimePs;
        _lastTouch[p] = end;
        Record(node.Name, "measure", start, end);
        return (value, end);
    }

    private long Reset(int q, long start)
    {
        var node = NodeOfQubit(q);
        int p = _phys[q];
        _register.Reset(p);
        long end = start + node.MeasureTimePs;
        _lastTouch[p] = end;
        return end;
    }

    private int ValueOf(int version) => version < 0 ? 0 : _versionValue[version];

    /// <summary>Runs the chosen branch in place, each operation after the previous ones on its qubits.</summary>
    private long If(PlanTask task, IfOperation op, long start)
    {
        var overlay = new Dictionary<int, int>();
        var ready = new Dictionary<int, long>();
        long end = RunBranch(task, op, start, overlay, ready);
        foreach (var (bit, version) in task.Writes)
            _versionValue[version] = overlay.TryGetValue(bit, out int v) ? v : ValueOf(_plan.Versions[version].Previous);
        return end;
    }

    private long RunBranch(PlanTask task, IfOperation op, long start, Dictionary<int, int> overlay, Dictionary<int, long> ready)
    {
        bool taken = Evaluate(op.Condition, task, overlay);
        long end = start;
        long Ready(int q) => ready.TryGetValue(q, out long t) ? Math.Max(t, start) : start;
        foreach (var inner in taken ? op.Then : op.Else)
        {
            switch (inner)
            {
                case GateOperation g:
                {
                    long s = g.Qubits.Max(Ready);
                    long e = Gate(g, s);
                    foreach (int q in g.Qubits) ready[q] = e;
                    end = Math.Max(end, e);
                    break;
                }
                case MeasureOperation m:
                {
                    var (value, e) = Measure(m.Qubit, Ready(m.Qubit));
                    if (m.Bit is { } bit) overlay[bit] = value;
                    ready[m.Qubit] = e;
                    end = Math.Max(end, e);
                    break;
                }
                case ResetOperation r:
                {
                    long e = Reset(r.Qubit, Ready(r.Qubit));
                    ready[r.Qubit] = e;
                    end = Math.Max(end, e);
                    break;
                }
                case BarrierOperation:
                    break;
                case IfOperation nested:
                    // The nested test needs the bits measured so far in this branch: start after them.
                    end = Math.Max(end, RunBranch(task, nested, end, overlay, ready));
                    break;
            }
        }
        return end;
    }

    private bool Evaluate(Condition condition, PlanTask task, Dictionary<int, int> overlay) => condition switch
    {
        BitCondition b => (overlay.TryGetValue(b.Bit, out int v) ? v : ValueOf(task.Reads[b.Bit])) == (b.Value ? 1 : 0),
        NotCondition n => !Evaluate(n.Operand, task, overlay),
        AndCondition a => a.Operands.All(c => Evaluate(c, task, overlay)),
        OrCondition o => o.Operands.Any(c => Evaluate(c, task, overlay)),
        ConstantCondition c => c.Value,
        _ => throw new InvalidOperationException($"unknown condition {condition.GetType().Name}"),
    };

    private long Send(PlanTask task, SendOperation s, long start)
    {
        int from = task.Route[0], to = task.Route[1];
        var link = _plan.Network.Link(from, to)!;
        var sender = _nodes[from];
        var receiver = _nodes[to];
        Idle(s.Qubit, start);
        int p = _phys[s.Qubit];
        long arrive = start + link.OneWayPs;
        // In flight the qubit keeps decaying as it did at the sender (docs/simulator.md, "send").
        if (sender.T1 is not null || sender.T2 is not null)
            _register.Decay(p, MemoryDecay.For(sender.T1, sender.T2, SimTime.ToSeconds(link.OneWayPs)));
        double arrival = link.Transmissivity * link.DetectorEfficiency * (receiver.Kind == NodeKind.EndNode ? receiver.DetectorEfficiency : 1);
        bool arrived = _random.Chance(arrival);
        if (!arrived) _register.Reset(p); // the vacuum behaves as |0>
        _nodeOf[s.Qubit] = to;
        _lastTouch[p] = arrive;
        if (s.ArrivalBit is { } flag) _versionValue[task.Writes[flag]] = arrived ? 1 : 0;
        Record(sender.Name, arrived ? "send" : "send (lost)", start, arrive);
        return arrive;
    }

    public void PairDelivered(int token, PairDelivery delivery)
    {
        var task = _plan.Tasks[token];
        long now = delivery.DeliveredAt;
        _pairs.Add(delivery);
        Record(_nodes[delivery.From].Name, "epr", delivery.RequestedAt, now);
        Record(_nodes[delivery.To].Name, "epr", delivery.RequestedAt, now);
        if (task.Operation is EprOperation e)
        {
            int a = _phys[e.First], b = _phys[e.Second];
            _register.PrepareBellPair(a, b, delivery.State);
            _lastTouch[a] = _lastTouch[b] = now;
            Complete(task, now);
            return;
        }
        Complete(task, Teleport(task, (TeleportOperation)task.Operation, delivery, now));
    }

    /// <summary>The standard protocol on the delivered pair: Bell measurement at the sender, two bits over the network, Pauli corrections at the receiver.</summary>
    private long Teleport(PlanTask task, TeleportOperation t, PairDelivery delivery, long now)
    {
        int from = task.Route[0], to = task.Route[^1];
        var sender = _nodes[from];
        var receiver = _nodes[to];
        int q = t.Qubit;
        int pq = _phys[q];
        int ex = _register.Add(), ey = _register.Add();
        _lastTouch.Add(now);
        _lastTouch.Add(now);
        _register.PrepareBellPair(ex, ey, delivery.State);
        Idle(q, now);

        _register.ApplyGate(Cx, CxMatrix, [pq, ex]);
        _register.Depolarize2(pq, ex, sender.TwoQubitError);
        _register.ApplyGate(H, HMatrix, [pq]);
        _register.Depolarize1(pq, sender.GateError);
        int m1 = _register.Measure(pq) ^ (_random.Chance(sender.MeasureError) ? 1 : 0);
        int m2 = _register.Measure(ex) ^ (_random.Chance(sender.MeasureError) ? 1 : 0);
        long measured = now + sender.TwoQubitGateTimePs + sender.GateTimePs + sender.MeasureTimePs;
        long arrive = measured + _plan.Network.Delay(from, to);
        Record(sender.Name, "bell measurement", now, measured);

        if (receiver.T1 is not null || receiver.T2 is not null)
            _register.Decay(ey, MemoryDecay.For(receiver.T1, receiver.T2, SimTime.ToSeconds(arrive - now)));
        long end = arrive;
        if (m2 == 1)
        {
            _register.ApplyPauli(ey, 1);
            _register.Depolarize1(ey, receiver.GateError);
            end += receiver.GateTimePs;
        }
        if (m1 == 1)
        {
            _register.ApplyPauli(ey, 3);
            _register.Depolarize1(ey, receiver.GateError);
            end += receiver.GateTimePs;
        }
        Record(receiver.Name, "corrections", arrive, end);
        _phys[q] = ey;
        _nodeOf[q] = to;
        _lastTouch[ey] = end;
        return end;
    }

    private void Record(string node, string what, long start, long end) => _timeline?.Add(new TimelineEntry(node, what, start, end));

    private static readonly GateInfo H = GateCatalog.Get("h");
    private static readonly GateInfo Cx = GateCatalog.Get("cx");
    private static readonly Complex[,] HMatrix = H.Unitary([]);
    private static readonly Complex[,] CxMatrix = Cx.Unitary([]);
}
