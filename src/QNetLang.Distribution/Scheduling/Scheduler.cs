using System.Collections.Immutable;
using QNetLang.Core;
using QNetLang.Ir;

namespace QNetLang.Distribution.Scheduling;

/// <summary>
/// Splits a local, routed circuit into per-node programs. Each operation goes to the node that
/// holds its qubits; a Bell pair goes to both ends; a bit measured on one node and tested on
/// another becomes a message sent right after the last write and received right before the
/// test. A conditional is replayed on every node that has work inside it, each testing its own
/// (received) copies of the bits. A runtime loop is replayed the same way, and its body ends by
/// sending every bit it wrote back to the nodes that knew it before the loop, so each iteration
/// (and each test of the condition) starts from the same state on every node.
/// </summary>
internal sealed class Scheduler
{
    private readonly Circuit _circuit;
    private LocationTracker _location;
    private readonly string?[] _bitOwner;
    private readonly List<HashSet<string>> _bitKnownAt;
    private readonly SortedDictionary<string, SortedSet<int>> _qubitsOf = new(StringComparer.Ordinal);
    private int _pairs;
    private int _bitMessages;
    private int _qubitMessages;
    private readonly List<Dictionary<int, (string? Owner, HashSet<string> Known)>> _journals = [];
    private readonly Dictionary<NodeInstruction, Location>? _origins;

    /// <summary>Whether conditionals of gates on one node take <see cref="EmitLocalConditional"/>; off only in tests, which compare both ways.</summary>
    internal bool LocalConditionals { get; init; } = true;

    /// <summary>Conditionals built by <see cref="EmitLocalConditional"/> (tests check that their samples reach it).</summary>
    internal int LocalConditionalCount { get; private set; }

    /// <param name="trackOrigins">Remember the source location behind every instruction (for diagnostics; costs a table entry per instruction).</param>
    public Scheduler(Circuit circuit, bool trackOrigins = false)
    {
        if (trackOrigins) _origins = new Dictionary<NodeInstruction, Location>(ReferenceEqualityComparer.Instance);
        _circuit = circuit;
        _location = new LocationTracker(circuit);
        _bitOwner = new string?[circuit.Bits.Length];
        _bitKnownAt = circuit.Bits.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToList();
    }

    /// <summary>The source location of each instruction built (only when tracking origins).</summary>
    public IReadOnlyDictionary<NodeInstruction, Location> Origins => _origins ?? new Dictionary<NodeInstruction, Location>();

    public DistributedProgram Build()
    {
        var streams = new SortedDictionary<string, ImmutableArray<NodeInstruction>.Builder>(StringComparer.Ordinal);
        foreach (var q in _circuit.Qubits)
            if (q.Node is { } node) Stream(streams, node);
        Emit(_circuit.Operations, streams);
        var order = _circuit.Network.Nodes.Select(n => n.Name).ToList();
        var programs = streams
            .OrderBy(s => order.IndexOf(s.Key))
            .Select(s => new NodeProgram(s.Key, [.. _qubitsOf.GetValueOrDefault(s.Key) ?? []], s.Value.ToImmutable()))
            .ToImmutableArray();
        return new DistributedProgram(_circuit.Name, _circuit.Network, _circuit.Qubits, _circuit.Bits, programs, [.. _bitOwner]) { Figures = _circuit.Figures };
    }

    private ImmutableArray<NodeInstruction>.Builder Stream(SortedDictionary<string, ImmutableArray<NodeInstruction>.Builder> streams, string node)
    {
        if (!streams.TryGetValue(node, out var stream)) streams[node] = stream = ImmutableArray.CreateBuilder<NodeInstruction>();
        return stream;
    }

    private void Hold(string node, int qubit)
    {
        if (!_qubitsOf.TryGetValue(node, out var set)) _qubitsOf[node] = set = new SortedSet<int>();
        set.Add(qubit);
    }

    private void Emit(IEnumerable<Operation> operations, SortedDictionary<string, ImmutableArray<NodeInstruction>.Builder> streams)
    {
        foreach (var op in operations)
        {
            switch (op)
            {
                case EprOperation e:
                {
                    string a = _location.NodeOf(e.First)!, b = _location.NodeOf(e.Second)!;
                    int pair = _pairs++;
                    Hold(a, e.First);
                    Hold(b, e.Second);
                    Add(streams, a, new EntangleInstruction(pair, e.First, b, e.Path), e.Location);
                    Add(streams, b, new EntangleInstruction(pair, e.Second, a, e.Path.IsEmpty ? e.Path : [.. e.Path.Reverse()]), e.Location);
                    break;
                }
                case SendOperation s:
                {
                    string from = _location.NodeOf(s.Qubit)!;
                    int message = _qubitMessages++;
                    Hold(from, s.Qubit);
                    Hold(s.Destination, s.Qubit);
                    Add(streams, from, new SendQubitInstruction(message, s.Qubit, s.Destination), s.Location);
                    Add(streams, s.Destination, new ReceiveQubitInstruction(message, s.Qubit, from, s.ArrivalBit), s.Location);
                    if (s.ArrivalBit is { } flag) Written(flag, s.Destination);
                    break;
                }
                case IfOperation { IsLoop: true } loop:
                    EmitLoop(loop, streams);
                    break;
                case IfOperation branch when LocalConditionals && NodeOfLocalGates(branch) is { } node:
                    EmitLocalConditional(branch, node, streams);
                    break;
                case IfOperation branch:
                    EmitConditional(branch, streams);
                    break;
                case BarrierOperation barrier:
                    foreach (var group in barrier.Qubits.GroupBy(q => _location.NodeOf(q)!))
                        Add(streams, group.Key, new LocalInstruction(barrier with { Qubits = [.. group] }), barrier.Location);
                    break;
                case GateOperation { HasRuntimeParameters: false } gate:
                {
                    // Almost every operation is a gate: its qubit array is read in place (no list
                    // or boxed enumerator per gate, which was most of this pass's garbage). A gate
                    // whose angle is computed at run time takes the general path below.
                    string node = _location.NodeOf(gate.Qubits[0])!;
                    foreach (int q in gate.Qubits) Hold(node, q);
                    Add(streams, node, new LocalInstruction(op), op.Location);
                    break;
                }
                case ClassicalAssignOperation assign:
                {
                    string node = AssignmentNode(assign, streams);
                    foreach (int bit in BitReads.Of(assign).Distinct().OrderBy(b => b)) Deliver(bit, node, streams, assign.Location);
                    Add(streams, node, new LocalInstruction(assign), assign.Location);
                    foreach (int bit in assign.Targets) Written(bit, node);
                    break;
                }
                default:
                {
                    var qubits = QubitMapping.QubitsOf(op).ToList();
                    string node = _location.NodeOf(qubits[0])!;
                    // A gate whose angle is computed at run time reads its bits where it runs.
                    foreach (int read in BitReads.Of(op).Distinct().OrderBy(b => b)) Deliver(read, node, streams, op.Location);
                    foreach (int q in qubits) Hold(node, q);
                    Add(streams, node, new LocalInstruction(op), op.Location);
                    if (op is MeasureOperation { Bit: { } bit }) Written(bit, node);
                    break;
                }
            }
            _location.Apply(op);
        }
    }

    /// <summary>
    /// The node of a conditional whose branches hold only gates with fixed angles, all on that
    /// node (a correction for a measurement made elsewhere: by far the commonest conditional of
    /// a distributed circuit); null for any other conditional.
    /// </summary>
    private string? NodeOfLocalGates(IfOperation branch)
    {
        string? node = null;
        foreach (var arm in (ReadOnlySpan<ImmutableArray<Operation>>)[branch.Then, branch.Else])
            foreach (var op in arm)
            {
                if (op is not GateOperation { HasRuntimeParameters: false } gate) return null;
                foreach (int q in gate.Qubits)
                {
                    string? at = _location.NodeOf(q);
                    if (at is null || node is not null && at != node) return null;
                    node = at;
                }
            }
        return node;
    }

    /// <summary>
    /// What <see cref="EmitConditional"/> makes of a conditional of gates on one node, without its
    /// per-branch streams and journals (a million corrections made them most of this pass's
    /// time and garbage): the node gets the condition's bits, then the conditional.
    /// </summary>
    private void EmitLocalConditional(IfOperation branch, string node, SortedDictionary<string, ImmutableArray<NodeInstruction>.Builder> streams)
    {
        foreach (int bit in Conditions.BitsOf(branch.Condition).Distinct().OrderBy(b => b)) Deliver(bit, node, streams, branch.Location);
        var conditional = new ConditionalInstruction(branch.Condition, LocalGates(branch.Then, node), LocalGates(branch.Else, node)) { Location = branch.Location };
        Add(streams, node, conditional, branch.Location);
        LocalConditionalCount++;
    }

    private ImmutableArray<NodeInstruction> LocalGates(ImmutableArray<Operation> gates, string node)
    {
        if (gates.IsEmpty) return ImmutableArray<NodeInstruction>.Empty;
        var instructions = ImmutableArray.CreateBuilder<NodeInstruction>(gates.Length);
        foreach (var op in gates)
        {
            foreach (int q in ((GateOperation)op).Qubits) Hold(node, q);
            var instruction = new LocalInstruction(op);
            instructions.Add(instruction);
            _origins?.TryAdd(instruction, op.Location);
        }
        return instructions.MoveToImmutable();
    }

    private void EmitConditional(IfOperation branch, SortedDictionary<string, ImmutableArray<NodeInstruction>.Builder> streams)
    {
        // Schedule each branch into its own per-node streams first, to learn which nodes take part.
        var thenStreams = new SortedDictionary<string, ImmutableArray<NodeInstruction>.Builder>(StringComparer.Ordinal);
        var elseStreams = new SortedDictionary<string, ImmutableArray<NodeInstruction>.Builder>(StringComparer.Ordinal);
        var bits = Conditions.BitsOf(branch.Condition).Distinct().OrderBy(b => b).ToList();
        var participants = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var op in branch.Then.Concat(branch.Else))
            foreach (int q in QubitMapping.QubitsOf(op))
                if (_location.NodeOf(q) is { } n) participants.Add(n);
        if (branch.Then.Concat(branch.Else).Any(op => op is SendOperation)) throw new InvalidOperationException("send inside a conditional");

        foreach (string node in participants)
            foreach (int bit in bits) Deliver(bit, node, streams, branch.Location);

        // Each branch starts from the state before the conditional; what either branch changes
        // (who owns a bit, who holds its current value) is journalled, undone, then merged.
        var thenChanges = EmitBranch(branch.Then, thenStreams);
        var afterThen = thenChanges.Keys.ToDictionary(b => b, b => (Owner: _bitOwner[b], Known: _bitKnownAt[b]));
        foreach (var (b, before) in thenChanges) Restore(b, before);
        var elseChanges = EmitBranch(branch.Else, elseStreams);
        var afterElse = elseChanges.Keys.ToDictionary(b => b, b => (Owner: _bitOwner[b], Known: _bitKnownAt[b]));
        foreach (var (b, before) in elseChanges) Restore(b, before);
        var merged = MergeBranchStates(afterThen, afterElse, elseStreams, branch.Location);

        // Every node that replays the conditional first receives its condition bits (as they
        // were before the conditional), and only then does any node enter it: a node's
        // conditional may wait inside for a message that another node sends inside its own
        // copy, so every delivery must come before every copy of the conditional.
        var taking = participants.Union(thenStreams.Keys).Union(elseStreams.Keys)
            .Where(n => thenStreams.ContainsKey(n) || elseStreams.ContainsKey(n))
            .ToList();
        foreach (string node in taking)
            foreach (int bit in bits) Deliver(bit, node, streams, branch.Location);
        foreach (string node in taking)
        {
            var then = thenStreams.TryGetValue(node, out var t) ? t.ToImmutable() : ImmutableArray<NodeInstruction>.Empty;
            var @else = elseStreams.TryGetValue(node, out var e) ? e.ToImmutable() : ImmutableArray<NodeInstruction>.Empty;
            if (then.IsEmpty && @else.IsEmpty) continue;
            Add(streams, node, new ConditionalInstruction(branch.Condition, then, @else) { Location = branch.Location }, branch.Location);
        }
        foreach (var (b, state) in merged) SetState(b, state.Owner, state.Known);
    }

    /// <summary>Emits one branch and returns the state, before the branch, of every bit it changed.</summary>
    private Dictionary<int, (string? Owner, HashSet<string> Known)> EmitBranch(ImmutableArray<Operation> operations, SortedDictionary<string, ImmutableArray<NodeInstruction>.Builder> streams)
    {
        var journal = new Dictionary<int, (string? Owner, HashSet<string> Known)>();
        _journals.Add(journal);
        Emit(operations, streams);
        _journals.RemoveAt(_journals.Count - 1);
        return journal;
    }

    private void Restore(int bit, (string? Owner, HashSet<string> Known) state)
    {
        _bitOwner[bit] = state.Owner;
        _bitKnownAt[bit] = state.Known;
    }

    /// <summary>
    /// The state of each bit changed by a branch after the conditional, whichever branch ran: a
    /// node holds the current value only if it does after both branches, and the owner must be
    /// such a node. When the two branches leave the value on different nodes and neither has the
    /// other's, the else branch ends by sending its value to the then branch's owner.
    /// </summary>
    private Dictionary<int, (string? Owner, HashSet<string> Known)> MergeBranchStates(
        Dictionary<int, (string? Owner, HashSet<string> Known)> afterThen,
        Dictionary<int, (string? Owner, HashSet<string> Known)> afterElse,
        SortedDictionary<string, ImmutableArray<NodeInstruction>.Builder> elseStreams,
        Location location)
    {
        var merged = new Dictionary<int, (string? Owner, HashSet<string> Known)>();
        foreach (int b in afterThen.Keys.Union(afterElse.Keys).OrderBy(b => b))
        {
            var (thenOwner, thenKnown) = afterThen.TryGetValue(b, out var t) ? t : (_bitOwner[b], _bitKnownAt[b]);
            var (elseOwner, elseKnown) = afterElse.TryGetValue(b, out var e) ? e : (_bitOwner[b], _bitKnownAt[b]);
            // A bit never written is 0 on every node: every node holds its current value.
            bool KnownAfterThen(string node) => thenOwner is null || thenKnown.Contains(node);
            bool KnownAfterElse(string node) => elseOwner is null || elseKnown.Contains(node);
            string? owner;
            if (thenOwner is not null && KnownAfterElse(thenOwner)) owner = thenOwner;
            else if (elseOwner is not null && KnownAfterThen(elseOwner)) owner = elseOwner;
            else if (thenOwner is null) owner = null;
            else
            {
                int message = _bitMessages++;
                Add(elseStreams, elseOwner!, new SendBitInstruction(message, b, thenOwner), location);
                Add(elseStreams, thenOwner, new ReceiveBitInstruction(message, b, elseOwner!), location);
                elseKnown = new HashSet<string>(elseKnown, StringComparer.Ordinal) { thenOwner };
                owner = thenOwner;
            }
            HashSet<string> known =
                thenOwner is null ? new HashSet<string>(elseKnown, StringComparer.Ordinal)
                : elseOwner is null ? new HashSet<string>(thenKnown, StringComparer.Ordinal)
                : new HashSet<string>(thenKnown.Where(elseKnown.Contains), StringComparer.Ordinal);
            merged[b] = (owner, known);
        }
        return merged;
    }

    /// <summary>
    /// A runtime `while`: every node with work in the body replays the loop and tests its own copy
    /// of the condition's bits. Each iteration must start from the same ownership of bits as the
    /// first (the body's messages are fixed), so the body ends by restoring it: every bit the body
    /// wrote goes back to the nodes that take part and knew it at the start.
    /// </summary>
    private void EmitLoop(IfOperation loop, SortedDictionary<string, ImmutableArray<NodeInstruction>.Builder> streams)
    {
        var bits = Conditions.BitsOf(loop.Condition).Distinct().OrderBy(b => b).ToList();
        var written = BitWrites.Of(loop.Then).OrderBy(b => b).ToList();

        // 1. A rehearsal, thrown away, tells which nodes take part and which node writes each bit.
        var (pairs, bitMessages, qubitMessages) = (_pairs, _bitMessages, _qubitMessages);
        var owners = (string?[])_bitOwner.Clone();
        var known = _bitKnownAt.Select(k => new HashSet<string>(k, StringComparer.Ordinal)).ToList();
        var location = _location.Clone();
        var rehearsal = new SortedDictionary<string, ImmutableArray<NodeInstruction>.Builder>(StringComparer.Ordinal);
        Emit(loop.Then, rehearsal);
        var writer = written.ToDictionary(b => b, b => _bitOwner[b]);
        if (!_location.SameAs(location)) throw new InvalidOperationException("a qubit moves inside a loop");
        (_pairs, _bitMessages, _qubitMessages) = (pairs, bitMessages, qubitMessages);
        Array.Copy(owners, _bitOwner, owners.Length);
        for (int b = 0; b < known.Count; b++) _bitKnownAt[b] = known[b];
        _location = location;
        var participants = new SortedSet<string>(rehearsal.Where(s => s.Value.Count > 0).Select(s => s.Key), StringComparer.Ordinal);
        foreach (var op in loop.Then)
            foreach (int q in QubitMapping.QubitsOf(op))
                if (_location.NodeOf(q) is { } n) participants.Add(n);

        // 2. Before the loop, each written bit moves to the node that writes it in the body (so a
        //    read early in iteration k+1 finds iteration k's value there), and every node that
        //    takes part gets the condition's bits.
        foreach (int b in written)
        {
            if (writer[b] is not { } w) continue;
            Deliver(b, w, streams, loop.Location);
            SetState(b, w, _bitKnownAt[b]);
        }
        foreach (string node in participants)
            foreach (int bit in bits) Deliver(bit, node, streams, loop.Location);
        var entryOwner = written.ToDictionary(b => b, b => _bitOwner[b]);
        var entryKnown = written.ToDictionary(b => b, b => _bitKnownAt[b].Where(participants.Contains).ToHashSet(StringComparer.Ordinal));

        // 3. The body, ending with the messages that restore the state it started from.
        var body = new SortedDictionary<string, ImmutableArray<NodeInstruction>.Builder>(StringComparer.Ordinal);
        Emit(loop.Then, body);
        foreach (int b in written)
        {
            if (entryOwner[b] is { } owner) entryKnown[b].Add(owner);
            foreach (string node in entryKnown[b]) Deliver(b, node, body, loop.Location);
            SetState(b, entryOwner[b] ?? _bitOwner[b], entryKnown[b].Count > 0 ? entryKnown[b] : _bitKnownAt[b]);
        }
        foreach (string node in body.Keys)
            if (!participants.Contains(node) && body[node].Count > 0)
                throw new InvalidOperationException($"{node} has work in a loop it does not replay");
        foreach (string node in participants)
        {
            var then = body.TryGetValue(node, out var t) ? t.ToImmutable() : ImmutableArray<NodeInstruction>.Empty;
            if (then.IsEmpty) continue;
            Add(streams, node, new ConditionalInstruction(loop.Condition, then, []) { IsLoop = true, Location = loop.Location }, loop.Location);
        }
    }

    /// <summary>
    /// The node that computes a runtime assignment: the one that already holds the current
    /// values of most of the bits it reads (fewest messages), on a tie the earliest in the
    /// network's order; with nothing to read, the node that owns the target, or the first node
    /// that takes part in the program.
    /// </summary>
    private string AssignmentNode(ClassicalAssignOperation assign, SortedDictionary<string, ImmutableArray<NodeInstruction>.Builder> streams)
    {
        var order = _circuit.Network.Nodes.Select(n => n.Name).ToList();
        var reads = BitReads.Of(assign).Distinct().ToList();
        var candidates = reads.SelectMany(b => _bitKnownAt[b].Append(_bitOwner[b] ?? "")).Where(n => n.Length > 0).Distinct().ToList();
        if (candidates.Count > 0)
            return candidates.OrderByDescending(n => reads.Count(b => _bitKnownAt[b].Contains(n) || _bitOwner[b] == n)).ThenBy(order.IndexOf).First();
        if (assign.Targets.Select(t => _bitOwner[t]).FirstOrDefault(o => o is not null) is { } owner) return owner;
        return streams.Keys.OrderBy(order.IndexOf).FirstOrDefault() ?? _circuit.Qubits.Select(q => q.Node).OfType<string>().FirstOrDefault() ?? order[0];
    }

    /// <summary>Makes sure <paramref name="node"/> has the current value of a bit, sending it from its owner if not.</summary>
    private void Deliver(int bit, string node, SortedDictionary<string, ImmutableArray<NodeInstruction>.Builder> streams, Location location)
    {
        if (_bitKnownAt[bit].Contains(node)) return;
        string? owner = _bitOwner[bit];
        if (owner is null)
        {
            // Never written: every node starts with 0, so there is nothing to send.
            SetState(bit, null, new HashSet<string>(_bitKnownAt[bit], StringComparer.Ordinal) { node });
            return;
        }
        int message = _bitMessages++;
        Add(streams, owner, new SendBitInstruction(message, bit, node), location);
        Add(streams, node, new ReceiveBitInstruction(message, bit, owner), location);
        SetState(bit, owner, new HashSet<string>(_bitKnownAt[bit], StringComparer.Ordinal) { node });
    }

    private void Written(int bit, string node) => SetState(bit, node, new HashSet<string>(StringComparer.Ordinal) { node });

    /// <summary>Changes a bit's state, first noting its previous state in every open branch journal that has not seen it yet.</summary>
    private void SetState(int bit, string? owner, HashSet<string> known)
    {
        foreach (var journal in _journals)
            journal.TryAdd(bit, (_bitOwner[bit], _bitKnownAt[bit]));
        _bitOwner[bit] = owner;
        _bitKnownAt[bit] = known;
    }

    /// <summary>Appends an instruction, remembering the source location it came from when asked to.</summary>
    private void Add(SortedDictionary<string, ImmutableArray<NodeInstruction>.Builder> streams, string node, NodeInstruction instruction, Location location)
    {
        Stream(streams, node).Add(instruction);
        _origins?.TryAdd(instruction, location);
    }

}
