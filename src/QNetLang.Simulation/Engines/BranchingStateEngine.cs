using System.Numerics;

namespace QNetLang.Simulation.Engines;

/// <summary>
/// A state-vector engine for one shot that shares its work with the other shots of a
/// <see cref="BranchCache"/>. The shot's state is F·ψ: ψ is the state at the shot's node of the
/// cache (reached by the deterministic operations applied so far) and F a
/// <see cref="PauliFrame"/> of its own. Randomness stays per shot, drawn from the shot's
/// generator exactly where the plain engine draws it:
/// <list type="bullet">
/// <item>Pauli noise and Pauli gates (x, y, z: the corrections) only change F.</item>
/// <item>A gate U moves to the path; F becomes U·F·U† when that is a Pauli, otherwise the part
/// of F on U's qubits is written into the path first (the shot's branch then differs).</item>
/// <item>A measurement of Z on a qubit that a tracked stabiliser S flips has outcomes of
/// probability ½ exactly, and Π₁ψ ∝ S·Π₀ψ: the path always continues with outcome 0 and F
/// takes S when the shot's outcome is the other one. So the measurements of telegates and
/// teleportations, whose outcomes only choose Pauli corrections, do not split the tree: with the
/// correction, F is back to what it was.</item>
/// <item>Any other measurement reads its probability from ψ (materialised once per node) and
/// continues on the branch of the outcome drawn.</item>
/// <item>Amplitude damping (a Kraus jump whose probability depends on the state), or a cache
/// that is full, detaches the shot: F·ψ is materialised and the shot carries on alone in a
/// plain <see cref="StateVectorEngine"/>.</item>
/// </list>
/// Every step is an identity on the true state, so the counts are distributed exactly as the
/// plain engine's (tested against exact distributions and against the per-shot engine).
/// </summary>
internal sealed class BranchingStateEngine : IStateEngine
{
    private readonly BranchCache _cache;
    private readonly HandleMap _handles = new();
    private readonly PauliFrame _frame = new();
    private readonly TrackedStabilizers _stabilizers = new();
    /// <summary>Operations from <see cref="_base"/> (the nearest materialised node) to <see cref="_at"/>.</summary>
    private readonly List<BranchOp> _pending = new();
    private BranchNode _at;
    private BranchNode _base;
    private StateVectorEngine? _alone;

    public BranchingStateEngine(BranchCache cache)
    {
        _cache = cache;
        _at = _base = cache.Root;
    }

    public EngineKind Kind => _cache.Kind;

    public int Count => _alone?.Count ?? _handles.Count;

    public bool SupportsAmplitudeDamping => Kind == EngineKind.StateVector;

    /// <summary>True once the shot runs on its own state (tests).</summary>
    internal bool Detached => _alone is not null;

    public int Allocate()
    {
        if (_alone is not null) return _alone.Allocate();
        if (_handles.Count + 1 > _cache.Limit) throw StateVectorEngine.TooMany(_handles.Count + 1, _cache.Limit);
        int slot = _handles.Add();
        Advance(new BranchOp(BranchOpKind.Allocate, slot));
        _stabilizers.AddFresh(slot);
        return slot;
    }

    public void Release(int slot, int value)
    {
        if (_alone is not null)
        {
            _alone.Release(slot, value);
            return;
        }
        // ψ holds the qubit in |value ⊕ (F flips it)>.
        int cached = value ^ (_frame.FlipsZ(slot) ? 1 : 0);
        _frame.ClearAt(slot);
        _handles.Remove(slot);
        Advance(new BranchOp(BranchOpKind.Release, slot, cached));
        _stabilizers.Release(slot);
    }

    public void ApplyGate(Ir.GateInfo gate, Complex[,] matrix, ReadOnlySpan<int> slots)
    {
        if (_alone is not null)
        {
            _alone.ApplyGate(gate, matrix, slots);
            return;
        }
        if (slots.Length > 3)
        {
            Detach();
            _alone!.ApplyGate(gate, matrix, slots);
            return;
        }
        if (slots.Length == 1 && PauliConjugation.PauliOf(matrix) is var pauli and > 0)
        {
            // A correction (or any Pauli gate): the frame takes it, the shared path does not see it.
            _frame.Apply(slots[0], pauli);
            return;
        }
        var table = PauliConjugation.Of(matrix);
        int local = PauliFrame.Local(_frame.X, _frame.Z, slots);
        if (local != 0)
        {
            int mapped = table[local];
            if (mapped == PauliConjugation.NotPauli && _stabilizers.TryFindRestriction(slots, local, out var same))
            {
                // F·S acts on the state as F does (S stabilises ψ) and is the identity on these
                // qubits: a Z left on a qubit in a Z eigenstate, say, need not split the path.
                _frame.X ^= same.X;
                _frame.Z ^= same.Z;
                mapped = 0;
            }
            if (mapped != PauliConjugation.NotPauli)
            {
                (_frame.X, _frame.Z) = PauliFrame.SetLocal(_frame.X, _frame.Z, slots, mapped);
            }
            else
            {
                // U·F·U† is not a Pauli: F's part on these qubits becomes part of the path.
                foreach (int s in slots)
                {
                    int p = _frame.At(s);
                    if (p == 0) continue;
                    _frame.ClearAt(s);
                    Advance(new BranchOp(BranchOpKind.Pauli, s, p));
                    if (_alone is not null)
                    {
                        _alone.ApplyGate(gate, matrix, slots);
                        return;
                    }
                }
            }
        }
        Advance(new BranchOp(BranchOpKind.Gate, slots[0], slots.Length > 1 ? slots[1] : 0, slots.Length > 2 ? slots[2] : 0, slots.Length, gate, matrix));
        if (_alone is null) _stabilizers.Conjugate(table, slots);
    }

    public void ApplyPauli(int slot, int pauli)
    {
        if (_alone is not null) _alone.ApplyPauli(slot, pauli);
        else _frame.Apply(slot, pauli);
    }

    public void ApplyAmplitudeDamping(int slot, double gamma, ShotRandom random)
    {
        if (gamma <= 0) return;
        // The jump's probability depends on the shot's own state: no branch of the tree can stand for it.
        Detach();
        _alone!.ApplyAmplitudeDamping(slot, gamma, random);
    }

    public int Measure(int slot, ShotRandom random)
    {
        if (_alone is not null) return _alone.Measure(slot, random);
        bool flipped = _frame.FlipsZ(slot);
        if (_stabilizers.TryFindFlip(slot, out var flip))
        {
            // P(1) = ½ exactly, and the other outcome is S applied to outcome 0's state.
            int outcome = random.NextDouble() < 0.5 ? 1 : 0;
            if ((outcome ^ (flipped ? 1 : 0)) == 1)
            {
                _frame.X ^= flip.X;
                _frame.Z ^= flip.Z;
            }
            Advance(new BranchOp(BranchOpKind.Collapse, slot, 0));
            if (_alone is not null) return outcome;
            _stabilizers.Project(slot, flip);
            KeepOnlyFlipAt(slot);
            return outcome;
        }
        double p1 = Probe(slot);
        if (_alone is not null) return _alone.Measure(slot, random);
        double p = flipped ? 1 - p1 : p1;
        int value = random.NextDouble() < p ? 1 : 0;
        int cached = value ^ (flipped ? 1 : 0);
        Advance(new BranchOp(BranchOpKind.Collapse, slot, cached));
        if (_alone is not null) return value;
        _stabilizers.Project(slot, null);
        KeepOnlyFlipAt(slot);
        return value;
    }

    public double ProbabilityOfOne(int slot)
    {
        if (_alone is not null) return _alone.ProbabilityOfOne(slot);
        double p1 = Probe(slot);
        if (_alone is not null) return _alone.ProbabilityOfOne(slot);
        return _frame.FlipsZ(slot) ? 1 - p1 : p1;
    }

    /// <summary>On a qubit in a basis state only F's X part matters (Z is a phase).</summary>
    private void KeepOnlyFlipAt(int slot) => _frame.Z &= ~(1UL << slot);

    /// <summary>P(1) in ψ, materialising ψ at this node if no shot did yet (or detaching when the cache is full).</summary>
    private double Probe(int slot)
    {
        if (_at.TryGetProbe(slot, out double p1)) return p1;
        var state = _at.State;
        if (state is null)
        {
            state = Materialize();
            if (!_cache.TryAddState(state))
            {
                ApplyFrameTo(state);
                Alone(state);
                return double.NaN;
            }
            _at.State = state;
            _base = _at;
            _pending.Clear();
        }
        p1 = state.ProbabilityOfOne(slot);
        _at.AddProbe(slot, p1);
        return p1;
    }

    /// <summary>
    /// Moves along the path. When the cache cannot grow, the shot goes on alone: the operation
    /// and then F are applied to its own copy of ψ (callers have already moved F past the
    /// operation, so F·op(ψ) is the true state).
    /// </summary>
    private void Advance(in BranchOp op)
    {
        if (_alone is not null)
        {
            op.ApplyTo(_alone);
            return;
        }
        var child = _at.Child(op);
        if (child is null)
        {
            if (!_cache.TryAddNode())
            {
                var state = Materialize();
                op.ApplyTo(state);
                ApplyFrameTo(state);
                Alone(state);
                return;
            }
            child = _at.AddChild(op);
        }
        _at = child;
        if (child.State is not null)
        {
            _base = child;
            _pending.Clear();
        }
        else
        {
            _pending.Add(op);
        }
    }

    /// <summary>ψ at the current node: the nearest materialised state and the operations since.</summary>
    private StateVectorEngine Materialize()
    {
        var state = _base.State!.Clone();
        foreach (var op in _pending) op.ApplyTo(state);
        return state;
    }

    private void Detach()
    {
        if (_alone is not null) return;
        var state = Materialize();
        ApplyFrameTo(state);
        Alone(state);
    }

    /// <summary>Writes F into a state the shot now owns.</summary>
    private void ApplyFrameTo(StateVectorEngine state)
    {
        for (ulong bits = _frame.X | _frame.Z; bits != 0; bits &= bits - 1)
        {
            int slot = System.Numerics.BitOperations.TrailingZeroCount(bits);
            state.ApplyPauli(slot, _frame.At(slot));
        }
        _frame.Clear();
    }

    private void Alone(StateVectorEngine state)
    {
        _alone = state;
        _pending.Clear();
        _stabilizers.Clear();
    }
}
