namespace QNetLang.Simulation.Engines;

/// <summary>
/// Pauli operators known to stabilise a state (up to sign), followed through the operations
/// applied to it: a fresh qubit brings Z, a gate maps each operator by conjugation
/// (<see cref="PauliConjugation"/>) and forgets those it does not map to a Pauli, a projection
/// keeps those that commute with it. Not a full tableau: a set that shrinks under non-Clifford
/// gates but always holds true stabilisers. That is enough to recognise the measurements of
/// telegates and teleportations: a Bell pair's X⊗X survives the local Clifford gates of the
/// protocol, and a measurement of Z on a qubit that a known stabiliser flips (X or Y there) has
/// outcomes of probability exactly ½ whose post-measurement states differ by that Pauli.
/// Slots are state-engine handles (below 64: engines hold at most 30 qubits).
/// </summary>
internal sealed class TrackedStabilizers
{
    private readonly List<(ulong X, ulong Z)> _operators = new();

    public void Clear() => _operators.Clear();

    /// <summary>A fresh qubit in |0>: Z on it.</summary>
    public void AddFresh(int slot) => _operators.Add((0, 1UL << slot));

    /// <summary>Conjugates every operator by a gate on <paramref name="slots"/>.</summary>
    public void Conjugate(int[] table, ReadOnlySpan<int> slots)
    {
        ulong mask = 0;
        foreach (int s in slots) mask |= 1UL << s;
        for (int i = _operators.Count - 1; i >= 0; i--)
        {
            var (x, z) = _operators[i];
            if (((x | z) & mask) == 0) continue;
            int mapped = table[PauliFrame.Local(x, z, slots)];
            if (mapped == PauliConjugation.NotPauli)
            {
                _operators.RemoveAt(i);
                continue;
            }
            _operators[i] = PauliFrame.SetLocal(x, z, slots, mapped);
        }
    }

    /// <summary>An operator whose restriction to <paramref name="slots"/> is the Pauli <paramref name="code"/>, if any.</summary>
    public bool TryFindRestriction(ReadOnlySpan<int> slots, int code, out (ulong X, ulong Z) found)
    {
        foreach (var op in _operators)
            if (PauliFrame.Local(op.X, op.Z, slots) == code)
            {
                found = op;
                return true;
            }
        found = default;
        return false;
    }

    /// <summary>An operator with X or Y on <paramref name="slot"/> (it anticommutes with Z there), if any.</summary>
    public bool TryFindFlip(int slot, out (ulong X, ulong Z) flip)
    {
        ulong bit = 1UL << slot;
        foreach (var op in _operators)
            if ((op.X & bit) != 0)
            {
                flip = op;
                return true;
            }
        flip = default;
        return false;
    }

    /// <summary>
    /// The state is projected onto Z = ±1 at <paramref name="slot"/>: operators that anticommute
    /// with that Z are multiplied by <paramref name="flip"/> (which stabilises too, and is dropped),
    /// and the qubit, now in a basis state, keeps only its own Z.
    /// </summary>
    public void Project(int slot, (ulong X, ulong Z)? flip)
    {
        ulong bit = 1UL << slot;
        for (int i = _operators.Count - 1; i >= 0; i--)
        {
            var (x, z) = _operators[i];
            if (flip is { } f && (x & bit) != 0)
            {
                if (x == f.X && z == f.Z)
                {
                    _operators.RemoveAt(i);
                    continue;
                }
                x ^= f.X;
                z ^= f.Z;
            }
            // Z at the projected qubit is now a sign: drop it.
            x &= ~bit;
            z &= ~bit;
            if ((x | z) == 0) _operators.RemoveAt(i);
            else _operators[i] = (x, z);
        }
        _operators.Add((0, bit));
    }

    /// <summary>The qubit leaves the state.</summary>
    public void Release(int slot)
    {
        ulong bit = 1UL << slot;
        for (int i = _operators.Count - 1; i >= 0; i--)
        {
            var (x, z) = _operators[i];
            if (((x | z) & bit) == 0) continue;
            x &= ~bit;
            z &= ~bit;
            if ((x | z) == 0) _operators.RemoveAt(i);
            else _operators[i] = (x, z);
        }
    }
}
