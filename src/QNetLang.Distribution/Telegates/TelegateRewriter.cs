using System.Collections.Immutable;
using System.Globalization;
using QNetLang.Core;
using QNetLang.Distribution.Passes;
using QNetLang.Ir;

namespace QNetLang.Distribution.Telegates;

/// <summary>
/// Rewrites a placed circuit so that every two-qubit gate is local, using the cat-entangled
/// copies chosen by <see cref="TelegateCover"/>.
/// <para>
/// A copy of qubit q (at A) on node X is opened right before the first gate that needs it
/// (cat-entangler: one Bell pair between communication qubits cA and cX, CX q→cA, measure cA,
/// X on cX if 1, reset cA) and closed right after the last (cat-disentangler: H on cX, measure,
/// Z on q if 1, reset cX). In between, gates run on X with cX standing in for q: they act
/// diagonally on q, so the copy stays exact. Each copy costs one ebit and two classical bits.
/// A copy of a run in the X basis (q a CX target) is the same with H on q around the CX into cA
/// and H on cX after the correction; it is closed by measuring cX and X on q if 1.
/// </para>
/// <para>
/// Between two gates of a run, q may go through single-qubit gates whose product is diagonal
/// only as a whole (H·H). A copy closed in such a stretch needs its correction conjugated by the
/// product of those gates so far, so the rewriter tracks that product for qubits with open copies.
/// </para>
/// <para>
/// Communication qubits come from each node's `comm` pool. When a node's pool is empty, the
/// open copy there whose next use is furthest away is closed early and reopened at that use
/// (Belady's rule): one more ebit, never a failure.
/// </para>
/// <para>
/// On a sparse network a new copy need not come from the qubit itself: an open copy of the same
/// run is, with the qubit, one GHZ state, so a cat-entangler from that copy (in place of the
/// qubit) makes an equally exact copy. The rewriter forwards from the open copy nearest the
/// target when it is nearer than the qubit's node, so a run's copies share their routes as a
/// tree does (a--b--c with copies on b and c: two link pairs, not three); see <see cref="CopySource"/>.
/// </para>
/// </summary>
internal sealed class TelegateRewriter
{
    private readonly Circuit _circuit;
    private readonly InteractionModel _model;
    private readonly TelegateCover.Result _cover;
    private readonly NetworkDistances _distances;
    private readonly PassContext _context;
    private readonly List<QubitInfo> _qubits;
    private readonly List<BitInfo> _bits;
    private readonly LocationTracker _location;
    private readonly Dictionary<long, List<int>> _usesOf = new();
    private readonly Dictionary<long, int> _nextUse = new();
    private readonly Dictionary<long, OpenCopy> _open = new();
    private readonly Dictionary<int, Stack<int>> _freeComm = new();
    private readonly Dictionary<int, int> _commCreated = new();
    private readonly Dictionary<int, int> _alias = new();
    private readonly Dictionary<string, Stack<int>> _freeDataSlots = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<OpenCopy>> _copiesOf = new();
    private readonly Dictionary<int, List<Mirror>> _mirrors = new();
    private readonly HashSet<int> _embeddedRuns = new();
    private readonly HashSet<int> _ranOut = new();
    private int _branchDepth;
    private readonly Dictionary<long, int> _reopenings = new();
    private int _interaction;
    private int _links;
    private int _teleports;

    /// <summary>
    /// An open copy. <see cref="Frame"/> is the product of the single-qubit gates its qubit went
    /// through since the copy's run was last known diagonal (its correction is conjugated by it);
    /// <see cref="Debt"/> lists partners of sandwich gates applied but not yet mirrored on it,
    /// whose Pauli a close must also apply (see <see cref="SandwichEmbedding"/>).
    /// </summary>
    private sealed record OpenCopy(long Key, int Qubit, int Copy, int Node, int Link, RunBasis Basis)
    {
        public Matrix2 Frame { get; set; } = Matrix2.Identity;

        public List<(int Qubit, RunBasis Basis)> Debt { get; } = new();
    }

    /// <summary>At a sandwich gate: the embedded copy to mirror the gate on, the qubit's operand in it, and the basis of the partner's run there (in which the gate is diagonal on it).</summary>
    private sealed record Mirror(long Copy, int Operand, RunBasis PartnerBasis);

    public TelegateRewriter(Circuit circuit, InteractionModel model, TelegateCover.Result cover, NetworkDistances distances, PassContext context)
    {
        _circuit = circuit;
        _model = model;
        _cover = cover;
        _distances = distances;
        _context = context;
        _qubits = circuit.Qubits.ToList();
        _bits = circuit.Bits.ToList();
        _location = new LocationTracker(circuit);
        for (int i = 0; i < cover.Assignment.Length; i++)
            foreach (long key in (ReadOnlySpan<long>)[cover.Assignment[i], cover.Detached[i]])
            {
                if (key < 0) continue;
                if (!_usesOf.TryGetValue(key, out var uses)) _usesOf[key] = uses = new List<int>();
                uses.Add(i);
            }
        foreach (var embedded in cover.Embedded)
        {
            var embedding = model.Embeddings[embedded.Embedding];
            for (int j = 0; j < embedding.Middle.Length; j++)
            {
                int i = embedding.Middle[j];
                var g = model.Interactions[i];
                var partnerBasis = model.RunBasis[embedding.MiddleOperand[j] == 0 ? g.RunB : g.RunA];
                if (!_mirrors.TryGetValue(i, out var list)) _mirrors[i] = list = new List<Mirror>();
                list.Add(new Mirror(embedded.Copy, embedding.MiddleOperand[j], partnerBasis));
                _embeddedRuns.Add((int)(embedded.Copy / cover.NodeCount));
                if (!_usesOf.TryGetValue(embedded.Copy, out var uses)) _usesOf[embedded.Copy] = uses = new List<int>();
                uses.Add(i);
            }
        }
        // Mirror uses were appended out of order: uses are counted, so only their order by gate matters.
        if (cover.Embedded.Count > 0)
            foreach (var uses in _usesOf.Values) uses.Sort();
        foreach (var key in _usesOf.Keys) _nextUse[key] = 0;
    }

    public Circuit Rewrite()
    {
        var operations = Walk(_circuit.Operations);
        if (_open.Count > 0) throw new InvalidOperationException("a cat-entangled copy was left open");
        _context.FinalQubitOf = Enumerable.Range(0, _circuit.Qubits.Length).Select(Current).ToArray();
        return _circuit with { Qubits = [.. _qubits], Bits = [.. _bits], Operations = operations };
    }

    /// <summary>After <see cref="Rewrite"/>: how often each copy (cover key) was opened again after an early close.</summary>
    public IReadOnlyDictionary<long, int> Reopenings => _reopenings;

    /// <summary>The physical qubit that holds a logical qubit now (teleports move it to a new slot).</summary>
    private int Current(int qubit) => _alias.TryGetValue(qubit, out int slot) ? slot : qubit;

    private ImmutableArray<Operation> Walk(ImmutableArray<Operation> operations)
    {
        var output = ImmutableArray.CreateBuilder<Operation>(operations.Length);
        foreach (var op in operations)
        {
            switch (op)
            {
                case GateOperation g when g.Qubits.Length == 2 && !GateDecomposition.NeedsDecomposition(g.Gate):
                    var mapped = (GateOperation)QubitMapping.Map(g, Current);
                    int index = _interaction;
                    var mirrors = _mirrors.GetValueOrDefault(index);
                    foreach (int q in mapped.Qubits)
                        foreach (var open in CopiesOf(q))
                            if (mirrors is null || !mirrors.Any(m => m.Copy == open.Key)) open.Frame = Matrix2.Identity;
                    RemoteGate(mapped, output);
                    if (mirrors is not null) MirrorOnCopies(mapped, mirrors, output);
                    break;
                case GateOperation { HasRuntimeParameters: true } g when g.Qubits.Any(q => _copiesOf.ContainsKey(Current(q))):
                    // Its matrix is known only at run time, so it cannot be folded into a copy's
                    // correction; a gate diagonal in Z commutes with the Z-basis copies' corrections.
                    // The interaction model judged it at a generic angle, so no run spans any other.
                    if (!g.Gate.IsDiagonal || _open.Values.Any(c => g.Qubits.Select(Current).Contains(c.Qubit) && c.Basis != RunBasis.Z))
                        throw new InvalidOperationException($"a run of remote gates spans {g.Gate.Name}, whose angle is computed at run time");
                    output.Add(QubitMapping.Map(op, Current));
                    break;
                case GateOperation g when g.Qubits.Length == 1 && _copiesOf.ContainsKey(Current(g.Qubits[0])):
                    var single = GateBasis.SingleQubit(g);
                    foreach (var open in CopiesOf(Current(g.Qubits[0]))) open.Frame = single * open.Frame;
                    output.Add(QubitMapping.Map(op, Current));
                    break;
                case GateOperation g:
                    // A multi-qubit gate on a qubit with open copies is diagonal in their basis (else the run would have ended).
                    foreach (int q in g.Qubits)
                        foreach (var open in CopiesOf(Current(q))) open.Frame = Matrix2.Identity;
                    output.Add(QubitMapping.Map(op, Current));
                    break;
                case TeleportOperation t:
                    Teleport(t, output);
                    break;
                case IfOperation branch:
                    ReserveForBranch(branch, op.Location, output);
                    _branchDepth++;
                    var then = Walk(branch.Then);
                    var @else = Walk(branch.Else);
                    _branchDepth--;
                    output.Add(branch with { Then = then, Else = @else });
                    break;
                default:
                    output.Add(QubitMapping.Map(op, Current));
                    break;
            }
            _location.Apply(op);
        }
        return output.ToImmutable();
    }

    /// <summary>
    /// Standard teleportation into a fresh data qubit at the destination: one Bell pair, a Bell
    /// measurement at the source, X and Z corrections at the destination. Later operations on
    /// the logical qubit use the new slot.
    /// </summary>
    private void Teleport(TeleportOperation teleport, ImmutableArray<Operation>.Builder output)
    {
        int source = Current(teleport.Qubit);
        int home = _distances.IndexOf(_location.NodeOf(teleport.Qubit)!);
        if (TakeComm(home, teleport.Location, output, keep: -1) is not { } half) return;
        int number = _teleports++;
        // Reuse a data qubit an earlier teleport left free at the destination, if there is one.
        int slot;
        if (_freeDataSlots.TryGetValue(teleport.Destination, out var slots) && slots.Count > 0) slot = slots.Pop();
        else
        {
            slot = _qubits.Count;
            _qubits.Add(new QubitInfo(slot, $"{teleport.Destination}.data[{number.ToString(CultureInfo.InvariantCulture)}]", teleport.Destination));
        }
        int zBit = NewBit($"tp{number.ToString(CultureInfo.InvariantCulture)}_z");
        int xBit = NewBit($"tp{number.ToString(CultureInfo.InvariantCulture)}_x");
        var at = teleport.Location;
        output.Add(new EprOperation(half, slot, at) { Path = teleport.Path });
        output.Add(Gate("cx", at, source, half));
        output.Add(Gate("h", at, source));
        output.Add(new MeasureOperation(source, zBit, at));
        output.Add(new MeasureOperation(half, xBit, at));
        output.Add(new IfOperation(new BitCondition(xBit, true), [Gate("x", at, slot)], ImmutableArray<Operation>.Empty, at));
        output.Add(new IfOperation(new BitCondition(zBit, true), [Gate("z", at, slot)], ImmutableArray<Operation>.Empty, at));
        output.Add(new ResetOperation(half, at));
        output.Add(new ResetOperation(source, at));
        _freeComm[home].Push(half);
        _alias[teleport.Qubit] = slot;
        string sourceNode = _location.NodeOf(teleport.Qubit)!;
        if (!_freeDataSlots.TryGetValue(sourceNode, out var freed)) _freeDataSlots[sourceNode] = freed = new Stack<int>();
        freed.Push(source);
    }

    private void RemoteGate(GateOperation gate, ImmutableArray<Operation>.Builder output)
    {
        int index = _interaction++;
        long key = _cover.Assignment[index];
        long second = _cover.Detached[index];
        if (key < 0)
        {
            output.Add(gate);
            return;
        }
        if (gate.HasRuntimeParameters)
        {
            _context.Diagnostics.Report(Diagnostics.RuntimeGateRemote, gate.Location, gate.Gate.Name,
                string.Join(", ", gate.Qubits.Select(q => _location.NodeOf(q)).Distinct()));
            output.Add(gate);
            return;
        }
        // A detached gate needs two copies open at once: neither may evict the other.
        var copy = Use(key, protect: second, gate.Location, output);
        var other = second >= 0 ? Use(second, protect: key, gate.Location, output) : null;
        if (copy is null || second >= 0 && other is null)
        {
            output.Add(gate);
            return;
        }
        output.Add(gate with { Qubits = [.. gate.Qubits.Select(q => q == copy.Qubit ? copy.Copy : q == other?.Qubit ? other.Copy : q)] });
        Advance(copy, gate.Location, output);
        if (other is not null) Advance(other, gate.Location, output);
    }

    /// <summary>The open copy for a cover key, opened now if needed (null when no communication qubit could be had).</summary>
    private OpenCopy? Use(long key, long protect, Location at, ImmutableArray<Operation>.Builder output) =>
        _open.TryGetValue(key, out var copy) ? copy : Open(key, protect, at, output);

    /// <summary>Counts one use of the copy and closes it after its last.</summary>
    private void Advance(OpenCopy copy, Location at, ImmutableArray<Operation>.Builder output)
    {
        int next = ++_nextUse[copy.Key];
        if (next >= _usesOf[copy.Key].Count) Close(copy, at, output);
    }

    private OpenCopy? Open(long key, long protect, Location at, ImmutableArray<Operation>.Builder output)
    {
        int run = (int)(key / _cover.NodeCount);
        int target = (int)(key % _cover.NodeCount);
        int logical = _model.RunQubit[run];
        int qubit = Current(logical);
        int home = _distances.IndexOf(_location.NodeOf(logical)!);
        OpenOnTheWay(run, home, target, protect, at, output);
        int? copyQubit = TakeComm(target, at, output, keep: key, protect);
        if (copyQubit is null) return null;
        // Chosen after the target's qubit is taken: that may have closed a candidate source.
        var source = CopySource(run, home, target);
        int sourceNode = source?.Node ?? home;
        int? sourceComm = TakeComm(sourceNode, at, output, keep: key, protect);
        if (sourceComm is null) return null;

        int link = _links++;
        var basis = _model.RunBasis[run];
        int catBit = NewBit($"cat{link.ToString(CultureInfo.InvariantCulture)}");
        // A copy holds the run's value in the run's basis, as the qubit does when its frame is
        // the identity (it is: the gate that needs the copy has just reset it), so the
        // entangler is the same from either.
        int from = source?.Copy ?? qubit;
        output.Add(new EprOperation(sourceComm.Value, copyQubit.Value, at));
        if (basis == RunBasis.X) output.Add(Gate("h", at, from));
        output.Add(Gate("cx", at, from, sourceComm.Value));
        if (basis == RunBasis.X) output.Add(Gate("h", at, from));
        output.Add(new MeasureOperation(sourceComm.Value, catBit, at));
        output.Add(new IfOperation(new BitCondition(catBit, true), [Gate("x", at, copyQubit.Value)], ImmutableArray<Operation>.Empty, at));
        output.Add(new ResetOperation(sourceComm.Value, at));
        if (basis == RunBasis.X) output.Add(Gate("h", at, copyQubit.Value));
        _freeComm[sourceNode].Push(sourceComm.Value);

        if (_nextUse[key] > 0) _reopenings[key] = _reopenings.GetValueOrDefault(key) + 1;
        var copy = new OpenCopy(key, qubit, copyQubit.Value, target, link, basis);
        _open[key] = copy;
        if (!_copiesOf.TryGetValue(qubit, out var copies)) _copiesOf[qubit] = copies = new List<OpenCopy>();
        copies.Add(copy);
        _context.Statistics.CatEntanglements++;
        if (source is not null) _context.Statistics.ForwardedCopies++;
        return copy;
    }

    /// <summary>
    /// The open copy of the run to entangle a new copy at the target from: the one nearest the
    /// target, if it is strictly nearer than the qubit's node and its node has a communication
    /// qubit to spare without closing anything; null to entangle from the qubit. Never inside a
    /// branch (the communication qubits reserved for it are the qubit's and the targets'), never
    /// for a run kept through a sandwich (its copies carry mirrored gates and debts of their own).
    /// </summary>
    private OpenCopy? CopySource(int run, int home, int target)
    {
        if (_branchDepth > 0 || _embeddedRuns.Contains(run)) return null;
        OpenCopy? best = null;
        int bestHops = _distances.Hops(home, target);
        for (int node = 0; node < _cover.NodeCount; node++)
        {
            if (node == target || !_open.TryGetValue((long)run * _cover.NodeCount + node, out var open)) continue;
            int hops = _distances.Hops(node, target);
            if (hops < bestHops && Room(node) > 0) (best, bestHops) = (open, hops);
        }
        return best;
    }

    /// <summary>
    /// Before a copy is made far from the qubit, opens early a copy the run needs later on a node
    /// that lies on a shortest route to the target, so the new copy can be forwarded from it: the
    /// early copy's link pairs are paid anyway, and the target's are then only the rest of the
    /// route. Only where that node has two communication qubits to spare (one for the copy, one
    /// to forward with) and has never run out of them: on a node that has, the early copy would
    /// hold a qubit another copy may need before its own first use, and an eviction costs an ebit.
    /// </summary>
    private void OpenOnTheWay(int run, int home, int target, long protect, Location at, ImmutableArray<Operation>.Builder output)
    {
        if (_branchDepth > 0 || _embeddedRuns.Contains(run)) return;
        int direct = _distances.Hops(home, target);
        if (direct <= 1) return;
        for (int node = 0; node < _cover.NodeCount; node++)
            if (_open.TryGetValue((long)run * _cover.NodeCount + node, out var open) && _distances.Hops(open.Node, target) < direct)
                return;
        int best = -1;
        for (int node = 0; node < _cover.NodeCount; node++)
        {
            if (node == home || node == target || _distances.Hops(home, node) + _distances.Hops(node, target) != direct) continue;
            long key = (long)run * _cover.NodeCount + node;
            if (!_usesOf.TryGetValue(key, out var uses) || _nextUse[key] >= uses.Count || Room(node) < 2 || _ranOut.Contains(node)) continue;
            // The nearest to the target saves the most.
            if (best < 0 || _distances.Hops(node, target) < _distances.Hops(best, target)) best = node;
        }
        if (best >= 0) Open((long)run * _cover.NodeCount + best, protect, at, output);
    }

    /// <summary>Communication qubits a node can hand out without closing a copy: free ones and those still to be created.</summary>
    private int Room(int node) =>
        (_freeComm.TryGetValue(node, out var free) ? free.Count : 0)
        + _distances.Processors[node].CommQubits - _commCreated.GetValueOrDefault(node);

    private void Close(OpenCopy copy, Location at, ImmutableArray<Operation>.Builder output)
    {
        _open.Remove(copy.Key);
        var copies = _copiesOf[copy.Qubit];
        copies.Remove(copy);
        if (copies.Count == 0) _copiesOf.Remove(copy.Qubit);
        // The correction acts on the qubit as it was when this copy was made, pulled forward: copies
        // of the qubit made since (inside a sandwich the copy is kept through) must follow it (see
        // SandwichEmbedding): those it neither commutes nor anticommutes with in their frame are
        // closed first, while the state is exact. Older copies are part of what it corrects.
        var correction = copy.Frame * Matrix2.PauliOf(copy.Basis) * copy.Frame.Adjoint();
        foreach (var other in CopiesOf(copy.Qubit).Where(o => o.Link > copy.Link).ToList())
        {
            var seen = InFrameOf(other, correction);
            if (!seen.IsDiagonalIn(other.Basis) && !seen.AnticommutesIn(other.Basis)) Close(other, at, output);
        }
        int uncatBit = NewBit($"uncat{copy.Link.ToString(CultureInfo.InvariantCulture)}");
        // An X-basis copy is measured as it is: the H that would undo its frame and the H of the disentangler cancel.
        if (copy.Basis == RunBasis.Z) output.Add(Gate("h", at, copy.Copy));
        output.Add(new MeasureOperation(copy.Copy, uncatBit, at));
        output.Add(new IfOperation(new BitCondition(uncatBit, true), [Correction(copy, at)], ImmutableArray<Operation>.Empty, at));
        foreach (var other in CopiesOf(copy.Qubit))
            if (other.Link > copy.Link && InFrameOf(other, correction).AnticommutesIn(other.Basis))
                output.Add(new IfOperation(new BitCondition(uncatBit, true), [Gate(other.Basis == RunBasis.Z ? "x" : "z", at, other.Copy)], ImmutableArray<Operation>.Empty, at));
        // Partners of a sandwich gate not yet mirrored: their Pauli, on the qubit as it is now.
        foreach (var (partner, basis) in copy.Debt)
            output.Add(new IfOperation(new BitCondition(uncatBit, true), [Gate(basis == RunBasis.Z ? "z" : "x", at, partner)], ImmutableArray<Operation>.Empty, at));
        output.Add(new ResetOperation(copy.Copy, at));
        _freeComm[copy.Node].Push(copy.Copy);
    }

    /// <summary>An operator on a copy's qubit as the copy sees it: pulled back through the single-qubit gates since the copy's frame was last diagonal.</summary>
    private static Matrix2 InFrameOf(OpenCopy copy, Matrix2 op) => copy.Frame.Adjoint() * op * copy.Frame;

    private List<OpenCopy> CopiesOf(int qubit) => _copiesOf.TryGetValue(qubit, out var copies) ? copies : [];

    /// <summary>
    /// Mirrors a sandwich gate on the copies kept through the sandwich: H·g(copy, partner)·H at
    /// the copy's node, where the partner is. A copy that is not open (never opened before the
    /// sandwich, or closed early) is not mirrored: its later run opens a fresh one. The mirror
    /// acts on the partner as the gate does (P-controlled); a copy of the partner to which that is
    /// not diagonal (the partner's own embedded copy, in its sandwich) is closed first, and every
    /// copy to mirror owes the partner's Pauli until its mirror is written, so such a close is exact.
    /// </summary>
    private void MirrorOnCopies(GateOperation gate, List<Mirror> mirrors, ImmutableArray<Operation>.Builder output)
    {
        var at = gate.Location;
        foreach (var mirror in mirrors)
            if (_open.TryGetValue(mirror.Copy, out var owing))
                owing.Debt.Add((gate.Qubits[1 - mirror.Operand], mirror.PartnerBasis));
        foreach (var mirror in mirrors)
        {
            int partner = gate.Qubits[1 - mirror.Operand];
            if (!_open.TryGetValue(mirror.Copy, out var copy))
            {
                _nextUse[mirror.Copy]++;
                continue;
            }
            if (_distances.IndexOf(_qubits[partner].Node!) != copy.Node)
                throw new InvalidOperationException("a sandwich partner is not at the embedded copy's node");
            var control = Matrix2.PauliOf(mirror.PartnerBasis);
            foreach (var other in CopiesOf(partner).ToList())
                if (!InFrameOf(other, control).IsDiagonalIn(other.Basis)) Close(other, at, output);
            output.Add(Gate("h", at, copy.Copy));
            output.Add(gate with { Qubits = mirror.Operand == 0 ? [copy.Copy, partner] : [partner, copy.Copy] });
            output.Add(Gate("h", at, copy.Copy));
            copy.Debt.Clear();
            _context.Statistics.EmbeddedGates++;
            Advance(copy, at, output);
        }
    }

    /// <summary>
    /// The basis' Pauli on the qubit, conjugated by the single-qubit gates it went through since
    /// the run's last gate (U·P·U†): a plain Z or X unless the copy is closed early in the middle
    /// of an H·…·H stretch.
    /// </summary>
    private GateOperation Correction(OpenCopy copy, Location at)
    {
        var pauli = Matrix2.PauliOf(copy.Basis);
        var pending = copy.Frame;
        if (pending.IsDiagonalIn(copy.Basis)) return Gate(copy.Basis == RunBasis.Z ? "z" : "x", at, copy.Qubit);
        var (theta, phi, lambda) = (pending * pauli * pending.Adjoint()).ToU();
        return new GateOperation(GateCatalog.Get("u"), [theta, phi, lambda], [copy.Qubit], at);
    }

    /// <summary>A free communication qubit at a node: from the pool, newly created within `comm`, or freed by closing the copy used furthest in the future.</summary>
    private int? TakeComm(int node, Location at, ImmutableArray<Operation>.Builder output, long keep, long protect = -1)
    {
        if (!_freeComm.TryGetValue(node, out var free)) _freeComm[node] = free = new Stack<int>();
        if (free.Count > 0) return free.Pop();
        var info = _distances.Processors[node];
        int created = _commCreated.GetValueOrDefault(node);
        if (created < info.CommQubits)
        {
            _commCreated[node] = created + 1;
            int index = _qubits.Count;
            _qubits.Add(new QubitInfo(index, $"{info.Name}.comm[{created.ToString(CultureInfo.InvariantCulture)}]", info.Name, QubitRole.Communication));
            return index;
        }
        var victim = _open.Values.Where(c => c.Node == node && c.Key != keep && c.Key != protect)
            .OrderByDescending(c => NextUseIndex(c.Key)).ThenBy(c => c.Key).FirstOrDefault();
        if (victim is null)
        {
            _context.Diagnostics.Report(Diagnostics.NoCommunicationQubits, at, info.Name, info.CommQubits);
            return null;
        }
        Close(victim, at, output);
        _context.Statistics.Evictions++;
        _ranOut.Add(node);
        return free.Pop();
    }

    private int NextUseIndex(long key)
    {
        var uses = _usesOf[key];
        int next = _nextUse[key];
        return next < uses.Count ? uses[next] : int.MaxValue;
    }

    /// <summary>
    /// Links opened inside a branch must not close copies opened outside it (that would happen on
    /// one branch only), so before the branch every node it needs gets a free communication qubit.
    /// </summary>
    private void ReserveForBranch(IfOperation branch, Location at, ImmutableArray<Operation>.Builder output)
    {
        var needed = new SortedSet<int>();
        int start = _interaction;
        int count = CountInteractions(branch.Then) + CountInteractions(branch.Else);
        for (int i = start; i < start + count; i++)
        {
            long key = _cover.Assignment[i];
            if (key < 0) continue;
            int run = (int)(key / _cover.NodeCount);
            needed.Add((int)(key % _cover.NodeCount));
            // The home node of a copy made inside a branch is where the qubit is now (no moves in branches).
            needed.Add(_distances.IndexOf(_location.NodeOf(_model.RunQubit[run])!));
        }
        foreach (int node in needed)
        {
            // Take one and give it back: this only forces an early close (or a creation) now.
            if (TakeComm(node, at, output, keep: -1) is { } comm) _freeComm[node].Push(comm);
        }
    }

    private static int CountInteractions(ImmutableArray<Operation> operations) => operations.Sum(op => op switch
    {
        GateOperation g when g.Qubits.Length == 2 && !GateDecomposition.NeedsDecomposition(g.Gate) => 1,
        IfOperation i => CountInteractions(i.Then) + CountInteractions(i.Else),
        _ => 0,
    });

    private int NewBit(string name)
    {
        int index = _bits.Count;
        _bits.Add(new BitInfo(index, name, null, BitRole.Protocol));
        return index;
    }

    private static GateOperation Gate(string name, Location at, params int[] qubits) =>
        new(GateCatalog.Get(name), ImmutableArray<double>.Empty, [.. qubits], at);
}
