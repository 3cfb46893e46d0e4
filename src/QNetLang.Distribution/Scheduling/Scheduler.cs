using System.Collections.Immutable;
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

    public Scheduler(Circuit circuit)
    {
        _circuit = circuit;
        _location = new LocationTracker(circuit);
        _bitOwner = new string?[circuit.Bits.Length];
        _bitKnownAt = circuit.Bits.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToList();
    }

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
                    Stream(streams, a).Add(new EntangleInstruction(pair, e.First, b, e.Path));
                    Stream(streams, b).Add(new EntangleInstruction(pair, e.Second, a, e.Path.IsEmpty ? e.Path : [.. e.Path.Reverse()]));
                    break;
                }
                case SendOperation s:
                {
                    string from = _location.NodeOf(s.Qubit)!;
                    int message = _qubitMessages++;
                    Hold(from, s.Qubit);
                    Hold(s.Destination, s.Qubit);
                    Stream(streams, from).Add(new SendQubitInstruction(message, s.Qubit, s.Destination));
                    Stream(streams, s.Destination).Add(new ReceiveQubitInstruction(message, s.Qubit, from, s.ArrivalBit));
                    if (s.ArrivalBit is { } flag) Written(flag, s.Destination);
                    break;
                }
                case IfOperation { IsLoop: true } loop:
                    EmitLoop(loop, streams);
                    break;
                case IfOperation branch:
                    EmitConditional(branch, streams);
                    break;
                case BarrierOperation barrier:
                    foreach (var group in barrier.Qubits.GroupBy(q => _location.NodeOf(q)!))
                        Stream(streams, group.Key).Add(new LocalInstruction(barrier with { Qubits = [.. group] }));
                    break;
                default:
                {
                    var qubits = QubitMapping.QubitsOf(op).ToList();
                    string node = _location.NodeOf(qubits[0])!;
                    foreach (int q in qubits) Hold(node, q);
                    Stream(streams, node).Add(new LocalInstruction(op));
                    if (op is MeasureOperation { Bit: { } bit }) Written(bit, node);
                    break;
                }
            }
            _location.Apply(op);
        }
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
            foreach (int bit in bits) Deliver(bit, node, streams);
        // Only bits written inside the branch change owner; look at those alone (a program has
        // thousands of protocol bits, and copying all of them per branch would be quadratic).
        var written = WrittenBits(branch.Then.Concat(branch.Else)).ToList();
        var ownersBefore = written.Select(b => _bitOwner[b]).ToList();
        Emit(branch.Then, thenStreams);
        var ownersAfterThen = written.Select(b => _bitOwner[b]).ToList();
        for (int i = 0; i < written.Count; i++) _bitOwner[written[i]] = ownersBefore[i];
        Emit(branch.Else, elseStreams);
        // A bit written in either branch is now known only where it was written.
        for (int i = 0; i < written.Count; i++)
        {
            int b = written[i];
            _bitOwner[b] ??= ownersAfterThen[i];
            if (_bitOwner[b] == ownersBefore[i] && ownersAfterThen[i] is { } thenOwner && thenOwner != ownersBefore[i]) _bitOwner[b] = thenOwner;
            _bitKnownAt[b] = new HashSet<string>(StringComparer.Ordinal) { _bitOwner[b]! };
        }
        foreach (string node in participants.Union(thenStreams.Keys).Union(elseStreams.Keys))
        {
            var then = thenStreams.TryGetValue(node, out var t) ? t.ToImmutable() : ImmutableArray<NodeInstruction>.Empty;
            var @else = elseStreams.TryGetValue(node, out var e) ? e.ToImmutable() : ImmutableArray<NodeInstruction>.Empty;
            if (then.IsEmpty && @else.IsEmpty) continue;
            foreach (int bit in bits) Deliver(bit, node, streams);
            Stream(streams, node).Add(new ConditionalInstruction(branch.Condition, then, @else));
        }
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
        var written = WrittenBits(loop.Then).OrderBy(b => b).ToList();

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
            Deliver(b, w, streams);
            _bitOwner[b] = w;
        }
        foreach (string node in participants)
            foreach (int bit in bits) Deliver(bit, node, streams);
        var entryOwner = written.ToDictionary(b => b, b => _bitOwner[b]);
        var entryKnown = written.ToDictionary(b => b, b => _bitKnownAt[b].Where(participants.Contains).ToHashSet(StringComparer.Ordinal));

        // 3. The body, ending with the messages that restore the state it started from.
        var body = new SortedDictionary<string, ImmutableArray<NodeInstruction>.Builder>(StringComparer.Ordinal);
        Emit(loop.Then, body);
        foreach (int b in written)
        {
            if (entryOwner[b] is { } owner) entryKnown[b].Add(owner);
            foreach (string node in entryKnown[b]) Deliver(b, node, body);
            _bitOwner[b] = entryOwner[b] ?? _bitOwner[b];
            _bitKnownAt[b] = entryKnown[b].Count > 0 ? entryKnown[b] : _bitKnownAt[b];
        }
        foreach (string node in body.Keys)
            if (!participants.Contains(node) && body[node].Count > 0)
                throw new InvalidOperationException($"{node} has work in a loop it does not replay");
        foreach (string node in participants)
        {
            var then = body.TryGetValue(node, out var t) ? t.ToImmutable() : ImmutableArray<NodeInstruction>.Empty;
            if (then.IsEmpty) continue;
            Stream(streams, node).Add(new ConditionalInstruction(loop.Condition, then, []) { IsLoop = true });
        }
    }

    /// <summary>Makes sure <paramref name="node"/> has the current value of a bit, sending it from its owner if not.</summary>
    private void Deliver(int bit, string node, SortedDictionary<string, ImmutableArray<NodeInstruction>.Builder> streams)
    {
        if (_bitKnownAt[bit].Contains(node)) return;
        string? owner = _bitOwner[bit];
        if (owner is null)
        {
            // Never written: every node starts with 0, so there is nothing to send.
            _bitKnownAt[bit].Add(node);
            return;
        }
        int message = _bitMessages++;
        Stream(streams, owner).Add(new SendBitInstruction(message, bit, node));
        Stream(streams, node).Add(new ReceiveBitInstruction(message, bit, owner));
        _bitKnownAt[bit].Add(node);
    }

    private void Written(int bit, string node)
    {
        _bitOwner[bit] = node;
        _bitKnownAt[bit] = new HashSet<string>(StringComparer.Ordinal) { node };
    }

    private static IEnumerable<int> WrittenBits(IEnumerable<Operation> operations) =>
        operations.SelectMany(op => op switch
        {
            MeasureOperation { Bit: { } b } => [b],
            SendOperation { ArrivalBit: { } f } => [f],
            IfOperation i => WrittenBits(i.Then.Concat(i.Else)),
            _ => Enumerable.Empty<int>(),
        }).Distinct();

}
