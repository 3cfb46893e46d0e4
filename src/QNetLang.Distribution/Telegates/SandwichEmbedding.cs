using System.Collections.Concurrent;
using System.Numerics;
using QNetLang.Ir;

namespace QNetLang.Distribution.Telegates;

/// <summary>
/// Embedding (pytket-dqc's H-type embedding, after Wu et al.): a Z-basis copy c of a qubit q,
/// made for one run, stays valid through an H·D·H sandwich on q and goes on serving q's next Z
/// run, so the two runs share one ebit per node instead of one each.
/// <para>
/// Why it is exact. The copy holds q as the code α|00⟩ + β|11⟩ on (q, c): logical Z is Z_q,
/// logical X is X_q·X_c. In the frame of the ended run, each two-qubit gate g of the sandwich,
/// diagonal on q with g = I⊗P⁺ + Z_q⊗P⁻ (P = ±Z or ±X on the partner, P± = (I ± P)/2; CZ and the
/// control of CX are such gates), becomes I⊗P⁺ ± X_q⊗P⁻: an X on q controlled by the partner. The
/// logical gate is I⊗P⁺ ± X_q·X_c⊗P⁻, so applying H_c·g(c, partner)·H_c = I⊗P⁺ + X_c⊗P⁻ at the
/// copy's node, beside g itself, keeps the code (the "mirror"). The embedding is used where every
/// partner of the sandwich sits at the copy's node (<see cref="TelegateCover"/> then contracts the
/// two runs' copies into one vertex: the cover stays exact). Single-qubit gates of the sandwich
/// act on q alone; at the next run their product must be diagonal again.
/// </para>
/// <para>
/// Closing the copy part-way (eviction): the mirrors keep the code, so measuring c leaves the
/// usual correction Z pulled forward through the single-qubit gates since the run, F·Z·F†
/// (<see cref="TelegateRewriter"/>), as a physical operator on q. Copies of q made later inside
/// the sandwich must follow that correction: a flip where it anticommutes with their basis,
/// nothing where it commutes, and otherwise they are closed first. A gate applied but not yet
/// mirrored leaves its P on the partner to be applied as well. Pytket-dqc also keeps copies
/// whose partners are elsewhere, with the partners' copies as corrections; that is not done here.
/// </para>
/// </summary>
internal static class SandwichEmbedding
{
    private const double Epsilon = 1e-12;

    /// <summary>
    /// True when the gate, on operand <paramref name="operand"/>, is I⊗P⁺ + Z⊗P⁻ (up to a global
    /// phase) with P = ±(the Pauli of <paramref name="partnerBasis"/>) on the other operand.
    /// </summary>
    public static bool Mirrorable(GateOperation gate, int operand, RunBasis partnerBasis)
    {
        if (gate.HasRuntimeParameters || gate.Qubits.Length != 2) return false;
        // A gate without parameters (cx, cz: almost every two-qubit gate of a large circuit) has
        // one unitary, so its answer is worked out once per operand and basis, not per gate.
        if (gate.Parameters.IsEmpty)
            return FixedGates.GetOrAdd((gate.Gate, operand, partnerBasis), key => Mirrorable(key.Gate.Unitary(Array.Empty<double>()), key.Operand, key.Basis));
        return Mirrorable(gate.Gate.Unitary(gate.Parameters), operand, partnerBasis);
    }

    private static readonly ConcurrentDictionary<(GateInfo Gate, int Operand, RunBasis Basis), bool> FixedGates = new();

    private static bool Mirrorable(Complex[,] u, int operand, RunBasis partnerBasis)
    {
        // Basis index: operand 0 is the high bit.
        Complex Block(int qRow, int qColumn, int row, int column) =>
            operand == 0 ? u[2 * qRow + row, 2 * qColumn + column] : u[2 * row + qRow, 2 * column + qColumn];
        for (int r = 0; r < 2; r++)
            for (int c = 0; c < 2; c++)
                if (Block(0, 1, r, c).Magnitude > Epsilon || Block(1, 0, r, c).Magnitude > Epsilon) return false;
        var phase = Block(0, 0, 0, 0);
        if (Math.Abs(phase.Magnitude - 1) > 1e-9) return false;
        // V0 = phase·I.
        if (Block(0, 0, 0, 1).Magnitude > Epsilon || Block(0, 0, 1, 0).Magnitude > Epsilon || (Block(0, 0, 1, 1) - phase).Magnitude > Epsilon) return false;
        // P = V1 / phase must be ±Z (Z basis) or ±X (X basis).
        var p00 = Block(1, 1, 0, 0) / phase;
        var p01 = Block(1, 1, 0, 1) / phase;
        var p10 = Block(1, 1, 1, 0) / phase;
        var p11 = Block(1, 1, 1, 1) / phase;
        bool Sign(Complex z) => Math.Abs(z.Imaginary) < Epsilon && Math.Abs(Math.Abs(z.Real) - 1) < 1e-9;
        return partnerBasis == RunBasis.Z
            ? p01.Magnitude < Epsilon && p10.Magnitude < Epsilon && Sign(p00) && (p00 + p11).Magnitude < Epsilon
            : p00.Magnitude < Epsilon && p11.Magnitude < Epsilon && Sign(p01) && (p01 - p10).Magnitude < Epsilon;
    }
}
