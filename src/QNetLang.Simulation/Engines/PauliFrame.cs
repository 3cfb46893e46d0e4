namespace QNetLang.Simulation.Engines;

/// <summary>
/// A Pauli operator F on the held qubits, as X and Z bit masks over slots (global phase
/// ignored: it is unobservable). A shot's true state is F·ψ, where ψ is a state shared with
/// other shots; Paulis the shot applies (corrections, sampled Pauli noise) go into F instead of
/// into ψ, and a gate U maps F to U·F·U† when that is a Pauli.
/// </summary>
internal sealed class PauliFrame
{
    public ulong X;
    public ulong Z;

    public void Clear() => X = Z = 0;

    /// <summary>Multiplies in the Pauli 0–3 (I, X, Y, Z) on <paramref name="slot"/>.</summary>
    public void Apply(int slot, int pauli)
    {
        var (x, z) = Paulis.Bits(pauli);
        X ^= (ulong)x << slot;
        Z ^= (ulong)z << slot;
    }

    /// <summary>The Pauli 0–3 on <paramref name="slot"/>.</summary>
    public int At(int slot) => Paulis.FromBits((int)(X >> slot & 1), (int)(Z >> slot & 1));

    public bool FlipsZ(int slot) => (X >> slot & 1) != 0;

    public void ClearAt(int slot)
    {
        X &= ~(1UL << slot);
        Z &= ~(1UL << slot);
    }

    /// <summary>The Pauli's restriction to <paramref name="slots"/> as a <see cref="PauliConjugation"/> code.</summary>
    public static int Local(ulong x, ulong z, ReadOnlySpan<int> slots)
    {
        int k = slots.Length, xs = 0, zs = 0;
        for (int j = 0; j < k; j++)
        {
            xs |= (int)(x >> slots[j] & 1) << j;
            zs |= (int)(z >> slots[j] & 1) << j;
        }
        return xs | zs << k;
    }

    /// <summary>The Pauli with its restriction to <paramref name="slots"/> replaced by <paramref name="code"/>.</summary>
    public static (ulong X, ulong Z) SetLocal(ulong x, ulong z, ReadOnlySpan<int> slots, int code)
    {
        int k = slots.Length;
        for (int j = 0; j < k; j++)
        {
            ulong bit = 1UL << slots[j];
            x = (code >> j & 1) != 0 ? x | bit : x & ~bit;
            z = (code >> (k + j) & 1) != 0 ? z | bit : z & ~bit;
        }
        return (x, z);
    }
}
